"""Rule ids that the quotation stage mints: quotation forms, speaker resolvers, sources, dates,
references and interpolations (``pipeline/stages/quotes.py`` and ``pipeline/quoting/``)."""

from ..rules import declare_provisional as declare

S = "quotes"
# quotation forms (the record's `rule`)
declare("quotes.marks.paired", stage=S, why="text between a pair of quote marks is a quotation",
        params=["inline_min_words"])
declare("quotes.marks.unbalanced", stage=S,
        why="an opening mark with no close runs to the paragraph's end (a quotation continued over paragraphs)")
declare("quotes.inline_marks", stage=S, why="an inline quotation in marks (the form, listed among a record's rules)",
        params=["inline_min_words"])
declare("quotes.block.cue_line", stage=S, why="paragraphs after a line ending in a reporting cue and a colon are quoted",
        params=["reporting_verbs", "block_end_lines", "connector_lines"])
declare("quotes.block.cue_comma", stage=S, why="a paragraph after a cue ending in a comma continues as its quotation",
        params=["reporting_verbs"])
declare("quotes.block.following", stage=S, why="'the following statement:' introduces the paragraphs after it",
        params=["following_pattern"])
declare("quotes.block.forum_cue", stage=S, why="a forum's 'NAME said:' introduces the quoted post",
        params=["forum_cue_pattern", "block_end_lines"])
declare("quotes.excerpt.attribution_line", stage=S,
        why="running text over an outlet/date attribution line is an excerpt of that source",
        params=["attribution_max_words", "outlets"])
declare("quotes.attribution_line", stage=S, why="a short line naming an outlet, a date or a byline attributes the text above",
        params=["attribution_max_words", "outlets", "months", "year_pivot"])
declare("quotes.interview.question", stage=S, why="a 'Q:' paragraph of an interview is the interviewer's",
        params=["interview.question_labels"])
declare("quotes.interview.answer", stage=S, why="an 'A:' paragraph of an interview is the interviewee's",
        params=["interview.answer_labels"])
declare("quotes.letter.signature", stage=S, why="a letter's body over its valediction and signature is its author's",
        params=["valedictions"])
declare("quotes.reference_list", stage=S, why="a numbered citation list: the targets of reference markers")
# speakers: each resolver names its evidence; none guesses (no speaker rather than a wrong one)
declare("quotes.speaker.reporting_verb", stage=S, why="the subject of a reporting verb in the cue before a quotation",
        params=["reporting_verbs", "max_cue_tokens"])
declare("quotes.speaker.reporting_verb_after", stage=S, why="the subject of a reporting verb after the quotation ('..., she said')",
        params=["reporting_verbs", "max_cue_tokens"])
declare("quotes.speaker.according_to", stage=S, why="'according to X' names the source")
declare("quotes.speaker.adjacent_subject", stage=S, why="a name right before the quotation with a reporting cue between",
        params=["reporting_verbs"])
declare("quotes.speaker.colon_subject", stage=S, why="the subject of the clause a colon ends introduces the quotation")
declare("quotes.speaker.passive_agent", stage=S, why="the agent of a passive reporting verb ('was told by X')")
declare("quotes.speaker.cited_work", stage=S, why="'I cite X:': the object of a citing verb is the speaker",
        params=["citing_verbs", "document_words"])
declare("quotes.speaker.cue_between", stage=S, why="a cue between two parts of one quotation applies to both",
        params=["max_cue_tokens"])
declare("quotes.speaker.same_sentence", stage=S, why="a second quotation in the sentence of an attributed one shares its speaker")
declare("quotes.speaker.pronoun", stage=S, why="a pronoun speaker takes its one antecedent within a few paragraphs",
        params=["pronoun_window", "person_nouns"])
declare("quotes.speaker.previous_paragraph", stage=S, why="a quotation continuing the previous paragraph's keeps its speaker")
declare("quotes.speaker.introduction", stage=S, why="a person introduced just before a block speaks it",
        params=["honorifics", "titles", "name_max_tokens"])
declare("quotes.speaker.definite_owner", stage=S, why="'the X of Y said' names Y's X as the speaker",
        params=["titles", "organisation_words"])
declare("quotes.speaker.reported", stage=S, why="a speaker named in reported speech around the quotation")
declare("quotes.speaker.attribution_outlet", stage=S, why="an attribution line's outlet is the excerpt's source",
        params=["outlets"])
declare("quotes.speaker.attribution_person", stage=S, why="an attribution line's byline names the excerpt's author",
        params=["name_max_tokens"])
declare("quotes.speaker.from_outlet", stage=S, why="'From the X:' over an excerpt names the outlet",
        params=["from_outlet_pattern"])
declare("quotes.speaker.forum_cue", stage=S, why="the NAME of a forum's 'NAME said:' cue", params=["forum_cue_pattern"])
declare("quotes.speaker.possessive_cue", stage=S, why="'In their words:' takes the pronoun's antecedent",
        params=["possessive_cue_pattern", "pronoun_window"])
declare("quotes.speaker.interview_intro", stage=S, why="an interview's introduction names interviewer and interviewee",
        params=["interview.intro_pattern"])
declare("quotes.speaker.interview_main_person", stage=S, why="the one person an interview page is about answers its questions")
declare("quotes.speaker.signature", stage=S, why="a letter's signature names its author", params=["valedictions"])
declare("quotes.speaker.testimonial_name", stage=S, why="a name line right after a testimonial quotation is its speaker",
        params=["name_max_tokens"])
# sources, dates, references, interpolations (listed among a record's rules)
declare("quotes.source.cue_title", stage=S, why="a work named in the cue's sentence is the quotation's source",
        params=["source_patterns"])
declare("quotes.date.letter_dateline", stage=S, why="a letter's date line dates its body", params=["months", "year_pivot"])
declare("quotes.reference.cue_marker", stage=S, why="a reference marker in the cue points to the quotation's source")
declare("quotes.reference.marker_after", stage=S, why="a reference marker right after a quotation points to its source")
declare("quotes.interpolation", stage=S, why="a quotation that carries editorial insertions (listed in its record)")
declare("quotes.interpolation.brackets", stage=S, why="square brackets inside a quotation are the editor's, not the speaker's")
declare("quotes.interpolation.note", stage=S, why="a parenthesised editor's or translator's note inside a quotation",
        params=["note_words"])
# added with the quotation-stage rebuild (issue 12); move each next to its function
declare("quotes.speaker.fragment_subject", stage=S,
        why="a quoted fragment framed by a reporting clause takes that clause's subject (called it \"a disgrace\")",
        params=["inline_min_words"])
declare("quotes.parse.split_paragraph", stage=S,
        why="a paragraph longer than the bound is parsed in pieces cut at sentence or line ends (the model has a length limit)",
        params=["max_parse_chars"])
declare("quotes.source.signature", stage=S, why="a blurb signed by a publication has that publication as its source")
declare("quotes.speaker.turn_label", stage=S, why="the NAME of a transcript's 'NAME:' turn is its speaker")
declare("quotes.speaker.narrator", stage=S,
        why="'I said' outside any structure is the document's named author (a byline), else no one")
declare("quotes.speaker.signature_outlet", stage=S,
        why="a dash signature that names no person but a publication makes the publication the speaker")
