"""Stage 4, quotes: quotations with speaker, cue, source, date, reference and interpolations.

Quote marks and paragraph structures are found on characters first (the sentence splitter cuts
inside quotations), then spaCy parses the paragraphs once (``nlp.pipe``) to attribute them:
interviews (Question/Answer), letters (signature block), cue lines ending in a colon followed by
block paragraphs, texts introduced as "the following ...", excerpts followed by an attribution
line, and inline quotations with a reporting verb or "according to". Pronoun speakers resolve to
the nearest earlier named speaker that agrees; when none is certain, the speaker stays empty.
"""

from __future__ import annotations

from typing import Any

NAME = "quotes"
REQUIRES = ("normalise",)   # the only output run reads
RECORDS_READ = {"normalise": ("map", "paragraphs")}
LIBRARIES = ("spacy",)
CODE_DEPS = ("quoting/__init__.py", "quoting/textual.py", "quoting/attribution.py", "quoting/speakers.py",
             "quoting/model.py", "quoting/record.py", "quoting/titled.py", "quoting/phrases.py",
             "quoting/clause.py", "quoting/frames.py", "quoting/gender.py",
             "quoting/parse.py",
             "../config/lexicons/first_names.yaml")  # gender.py's name list; and every file of this package (stages/quotes/)

_STR_LIST = {"type": "array", "items": {"type": "string"}}
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["model"],
    "properties": {
        "model": {"type": "string", "description": "spaCy pipeline name"},
        "batch_size": {"type": "integer", "minimum": 1},
        "max_parse_chars": {"type": "integer", "minimum": 1000, "default": 100000,
                            "description": "a longer paragraph is parsed in pieces cut at sentence or line ends"},
        "parse_memory_tokens": {"type": "integer", "minimum": 1,
                                "description": "parsed tokens held in memory; older parses wait in a temporary file"},
        "parse_only_needed": {"type": "boolean", "default": True,
                              "description": "parse only paragraphs that can hold or attribute a quotation"},
        "parse_window": {"type": "integer", "minimum": 0,
                         "description": "paragraphs before each one that may quote parsed up front (names and genders the "
                                        "document-wide evidence reads); any other is parsed when a rule reads it"},
        "inline_min_words": {"type": "integer", "minimum": 1},
        "max_cue_tokens": {"type": "integer", "minimum": 1},
        "attribution_max_words": {"type": "integer", "minimum": 2},
        "year_pivot": {"type": "integer", "minimum": 0, "maximum": 99},
        "pronoun_window": {"type": "integer", "minimum": 0},
        "scene_window": {"type": "integer", "minimum": 0, "default": 8,
                         "description": "paragraphs back in which a person still takes part in a scene of dialogue (a rival for he/she)"},
        "scene_break_pattern": {"type": "string", "description": "a paragraph that is a scene break as a whole (regex, full match)"},
        "name_max_tokens": {"type": "integer", "minimum": 2},
        "gender_honorifics": {"type": "object", "additionalProperties": {"enum": ["male", "female"]}},
        "first_name_gender": {"type": "boolean"},
        "lead_in_verbs": {**_STR_LIST, "default": [],
                          "description": "verbs of telling whose he/she or named subject, in the last sentence of the paragraph "
                                         "before an untagged multi-paragraph quotation, is its speaker ('She agreed to describe ...')"},
        "place_heads": {**_STR_LIST, "default": [],
                        "description": "nouns that end a place's or building's name ('Stanley Street'): a capitalised run "
                                       "ending in one, or in an organisation word or body head, is no person"},
        "unknown_gender_pronouns": {"type": "boolean", "default": True,
                                    "description": "a lone person whose gender neither name nor text gives may take he/she"},
        "kin_inverse": {"type": "object", "additionalProperties": _STR_LIST,
                        "description": "kinship nouns and their inverses ('her mother' <- 'Her daughter X')"},
        "gender_nouns": {"type": "object", "additionalProperties": {"enum": ["male", "female"]},
                         "description": "nouns that describe a named person's gender ('a man called X', 'X, the old manservant')"},
        "reporting_verbs": _STR_LIST, "citing_verbs": _STR_LIST, "honorifics": _STR_LIST,
        "it_object_verbs": _STR_LIST, "group_nouns": _STR_LIST, "person_nouns": _STR_LIST,
        "titles": _STR_LIST,
        "title_abbreviations": {"type": "object", "additionalProperties": {"type": "string"},
                                "description": "abbreviated titles written before a name and the title noun they stand for ('Sen.' -> senator)"},
        "organisation_words": _STR_LIST, "document_words": _STR_LIST,
        "outlets": _STR_LIST, "outlet_words": _STR_LIST, "outlet_cue_nouns": _STR_LIST,
        "outlet_medium_nouns": _STR_LIST, "source_labels": _STR_LIST, "signed_by_pattern": {"type": "string"}, "outlet_body_heads": _STR_LIST, "outlet_staff_nouns": _STR_LIST, "outlet_by_verbs": _STR_LIST,
        "outlet_work_nouns": _STR_LIST, "outlet_report_words": _STR_LIST, "valedictions": _STR_LIST, "block_end_lines": _STR_LIST, "note_words": _STR_LIST,
        "interview": {"type": "object", "additionalProperties": False, "properties": {
            "question_labels": _STR_LIST, "answer_labels": _STR_LIST, "intro_pattern": {"type": "string"},
            "asker_nouns": _STR_LIST, "credit_pattern": {"type": "string"},
            "faq_heading_pattern": {"type": "string", "default": "^$",
                                    "description": "a heading over Q:/A: turns that makes them a page's own questions and answers, no interview"}}},
        "forum_cue_pattern": {"type": "string"},
        "forum_box_label_pattern": {"type": "string", "description": "a quote box's own label line ('Quote:') over a nested post's header"},
        "work_author_cue_pattern": {"type": "string", "default": "^$",
                                    "description": "a cue line naming a work and its author ('From TITLE by NAME:'), group name"}, "letter_salutation_pattern": {"type": "string"},
        "letter_unnamed_signature_pattern": {"type": "string", "default": "^$",
                                             "description": "a letter's signature that names nobody ('Name and address supplied')"},
        "turn_taking": {"type": "object", "additionalProperties": False, "required": ["enabled", "max_untagged", "max_turn_words"],
                        "description": "untagged turns of a strict two-person exchange (resolve_turns.py)",
                        "properties": {"enabled": {"type": "boolean", "default": False},
                                       "max_untagged": {"type": "integer", "minimum": 1, "default": 4},
                                       "max_turn_words": {"type": "integer", "minimum": 1, "default": 40}}},
        "byline_pattern": {"type": "string", "description": "a byline naming the author (group name): the narrator of 'I said'"},
        "forum_header_patterns": _STR_LIST,
        "post_header_pattern": {"type": "string", "description": "a forum post's own header line (the post after it)"},
        "contact_line_pattern": {"type": "string", "description": "a contact card's line: a phone number or an e-mail address (regex, searched)"},
        "blurb_outlet_lead_words": {**_STR_LIST, "description": "a periodical's opening words ('The Sunday Ledger', 'Evening Meridian'): a signature so opened under a blurb is its publication"},
        "review_platforms": {**_STR_LIST, "description": "sites where reviews are posted: a signature naming one ('— Trustpilot') names no speaker"},
        "unnamed_signature_words": {**_STR_LIST, "description": "words of a signature line that name nobody ('— Anonymous', 'Verified Buyer')"},
        "page_meta_pattern": {"type": "string", "description": "a page's own meta line ('Filed under X', 'Last updated'): no outlet"},
        "comment_header_pattern": {"type": "string", "description": "a reader comment's header: the writer's name over its date line"},
        "comments_heading_pattern": {"type": "string", "description": "a comments section's heading: the texts after it are readers'"},
        "following_pattern": {"type": "string"},
        "from_outlet_pattern": {"type": "string"},
        "caption_pattern": {"type": "string"},
        "possessive_cue_pattern": {"type": "string"},
        "response_verbs": {**_STR_LIST, "description": "verbs of answering ('he replied'): a reply is never to the "
                                                       "speaker's own previous turn"},
        "silence_nouns": {**_STR_LIST, "description": "nouns a speech verb takes under 'no' to say nothing was said ('He made no answer.'): its subject is no beat"},
        "speech_nouns": {**_STR_LIST, "description": "nouns of what a person says ('Her message was blunt:'): a colon lead-in whose subject is one, with his/her, is that person's"},
        "connector_lines": _STR_LIST,
        "source_patterns": _STR_LIST,
        "months": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 12}},
        "weekdays": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 6},
                     "description": "weekday names and numbers (Monday 0): 'said on Tuesday' dates by the page's date"},
        "relative_days": {"type": "object", "additionalProperties": {"type": "integer", "maximum": 0}, "default": {},
                          "description": "words naming a day by its offset from the page's date ('yesterday': -1)"},
        "page_date_pattern": {"type": "string", "default": "^$",
                              "description": "a one-line paragraph above the first quotation whose full date is the page's date (a dated byline)"},
    },
}



def run(ctx: Any, cfg: dict[str, Any]) -> dict[str, Any]:
    from ..normalise import clean_text
    from .builder import Builder

    norm = ctx.outputs["normalise"]
    return Builder(ctx.doc_id, norm["text"], clean_text(norm), norm["paragraphs"], cfg).build()
