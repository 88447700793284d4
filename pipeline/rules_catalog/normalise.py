"""Rule ids of the normalise stage (edits with spans, lines and paragraphs of the clean text)."""

from ..rules import declare_provisional as declare

S = "normalise"
declare("normalise.ftfy", stage=S, why="ftfy repairs mojibake, HTML entities and odd widths (its explanation is kept)",
        params=["ftfy"])
declare("normalise.invisible", stage=S, why="invisible characters (zero-width, soft hyphen) carry no text",
        params=["invisible"])
declare("normalise.quotes.double", stage=S, why="one quote-mark policy: curly double quotes become straight",
        params=["quotes", "double_quotes"])
declare("normalise.quotes.single", stage=S, why="one quote-mark policy: curly single quotes become straight",
        params=["quotes", "single_quotes"])
declare("normalise.apostrophe", stage=S, why="a backtick or acute accent between letters is an apostrophe",
        params=["apostrophe_between_letters"])
declare("normalise.whitespace.collapse", stage=S, why="runs of white space inside a line read as one space")
declare("normalise.whitespace.trim", stage=S, why="white space at the ends of a line is layout")
declare("normalise.line", stage=S, why="one kept line of a block in the clean text", params=["line_separator"])
declare("normalise.paragraph", stage=S, why="one paragraph of the clean text (blocks joined by the separator)",
        params=["paragraph_separator"])
