"""Rule ids that strip code mints (structure, text-dump body, HTML alignment, keep rules).

The pattern rules (``strip.flash_notice``, ...) are config rules: see ``strip.block_rules`` and
``strip.inline_rules`` in the config.
"""

from ..rules import declare_provisional as declare

S = "strip"
# strip.py: the default and the structural checks after the pattern rules
declare("strip.default_content", stage=S, why="a block no rule labels stays content (nothing removed without a rule)")
declare("strip.emptied_by_inline_rule", stage=S, why="a block the inline rules emptied has nothing left to keep")
declare("strip.empty_section_heading", stage=S, why="a heading with no content under it is residue of a removed section",
        params=["empty_heading.enabled", "empty_heading.max_words", "empty_heading.always_empty_titles"])
declare("strip.trailing_fragment", stage=S,
        why="short fragments (names, labels) between a dump's text and its footer are residue",
        params=["trailing_fragments.enabled", "trailing_fragments.max_words", "trailing_fragments.max_stopword_share"])
# strip/text_dump.py: plain-text dumps, the main body is the best-scoring run of prose lines
T = ["text.enabled", "text.min_words", "text.mid_words", "text.long_words", "text.min_stopword_share", "text.stopwords"]
declare("strip.text.prose_line", stage=S, why="a line of running text outside the chosen body still reads as prose",
        params=T + ["text.outside_min_words"])
declare("strip.text.main_body", stage=S, why="the best-scoring run of prose lines is the page's main text",
        params=T + ["text.line_penalty", "text.word_penalty", "text.prose_allowance"])
declare("strip.text.outside_body", stage=S, why="a line outside the main body is page furniture", params=T)
declare("strip.text.attached_line", stage=S,
        why="a short line next to prose (its heading, a wrapped line, a signature) belongs to the body",
        params=["text.heading_reach", "text.max_gap", "text.edge_min_words", "text.paragraph_attach"])
declare("strip.text.detached_line", stage=S, why="a short line inside the body that no prose line claims is furniture",
        params=["text.max_gap", "text.paragraph_attach"])
declare("strip.text.repeated_line", stage=S, why="a short line repeated in one page is furniture (a menu entry, a label)",
        params=["text.repeated_max_words", "text.repeated_min_count"])
declare("strip.text.repeated_run", stage=S, why="a run of short lines printed twice in a page is a menu",
        params=["text.repeated_run_min_lines"])
declare("strip.text.link_like_line", stage=S, why="menu links run together (' | ' separators or glued links) are a menu",
        params=["text.link_like_separators", "text.link_like_glued"])
declare("strip.text.after_copyright", stage=S, why="what follows a copyright notice near the page's end is its footer",
        params=["text.footer_zone_share"])
# strip/html_page.py: HTML pages, aligned with trafilatura's main text
declare("strip.html.trafilatura", stage=S, why="trafilatura's main-text decision, aligned to the page's blocks",
        params=["html.trafilatura.enabled", "html.trafilatura.options", "html.trafilatura.short_key",
                "html.trafilatura.short_window"])
declare("strip.html.main_text", stage=S, why="link-free running text outside furniture that trafilatura left out",
        params=["html.recover.enabled", "html.recover.max_link_density", "html.recover.min_words",
                "html.recover.min_sentence_words"])
declare("strip.html.heading_of_content", stage=S, why="a heading directly over kept content is its heading",
        params=["html.recover.headings"])
declare("strip.html.structure", stage=S, why="a block inside navigation, footer or sidebar elements is furniture",
        params=["html.boilerplate_context_tokens"])
declare("strip.html.link_density", stage=S, why="a block that is mostly link text is navigation",
        params=["html.max_link_density"])
declare("strip.html.overlay", stage=S, why="dialogs, off-canvas panels and screen-reader-only text float over the page",
        params=["html.overlay_tokens"])
declare("strip.html.nav_link", stage=S, why="a mostly-link block inside a menu element is a menu entry",
        params=["html.furniture.nav_tokens", "html.furniture.nav_min_link_density"])
declare("strip.html.repeated_block", stage=S, why="a short block repeated in one page is furniture",
        params=["html.furniture.repeated_max_words", "html.furniture.repeated_min_count"])
# strip_keep.py: short lines that carry attribution stay, whatever the structural rules say
declare("strip.keep.attribution_line", stage=S, why="a short outlet/date line under an excerpt attributes it",
        params=["keep.enabled", "keep.attribution_max_words", "keep.prose_min_words", "keep.months"])
declare("strip.keep.dateline", stage=S, why="a date line just before running text dates a letter or article",
        params=["keep.dateline_max_words", "keep.months"])
declare("strip.keep.signature", stage=S, why="a letter's valediction, signature block and closing lines name its author",
        params=["keep.valedictions", "keep.signature_max_lines", "keep.signature_max_words", "keep.closing_max_lines"])
declare("strip.keep.reference_list", stage=S, why="a numbered list of citations under a references heading is content",
        params=["keep.reference_headings", "keep.reference_min_items"])
declare("strip.keep.quote_cue", stage=S, why="a forum's 'NAME said:' over a quoted post, and the post, are content",
        params=["keep.quote_cue_pattern", "keep.quote_end_markers", "keep.quote_max_lines"])
declare("strip.keep.no_main_text", stage=S,
        why="a short document that structure alone would empty keeps what only structure removed",
        params=["keep.no_main_text_max_blocks"])
# strip/stub.py: an editing request that is the only line of its section and names it
declare("strip.section_stub_request", stage=S,
        why="an 'Add ...' request alone under a heading it names stands in for a missing section",
        params=["section_stub"])
