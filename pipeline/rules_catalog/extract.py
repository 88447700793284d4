"""Rule ids of the extract stage (blocks, gaps between them, the encoding decision)."""

from ..rules import declare_provisional as declare

S = "extract"
declare("extract.encoding.bom", stage=S, why="a byte-order mark names the encoding")
declare("extract.encoding.utf8", stage=S, why="the bytes decode as UTF-8 without error")
declare("extract.encoding.declared", stage=S, why="an HTML page's declared charset decodes the bytes")
declare("extract.encoding.fallback", stage=S, why="no better evidence: the configured fallback encodings, Latin-1 last",
        params=["fallback_encodings"])
declare("extract.html_block", stage=S, why="the text of one HTML block element, with its tag path",
        params=["block_elements", "tag_path_depth"])
declare("extract.text_line", stage=S, why="one line of a plain-text dump is one block")
declare("extract.line_break", stage=S, why="a line break between two text lines is layout, not content")
declare("extract.markup", stage=S, why="HTML tags, comments and declarations are markup, not text")
declare("extract.whitespace", stage=S, why="white space between blocks is layout, not content")
declare("extract.skip", stage=S, family=True, params=["skip_elements"],
        why="the content of a non-text element (extract.skip.<element>: script, style, head, ...) is not page text")
declare("extract.nul_byte", stage=S, why="a few stray NUL bytes in a text page are noise, not content (more make the file binary)",
        params=["stray_nul_max", "stray_nul_max_share"])
declare("extract.metadata_fallback", stage=S,
        why="a page whose body holds no text keeps its title and description rather than nothing")
