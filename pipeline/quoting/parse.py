"""The parse of a document's paragraphs: only those that can hold, introduce or attribute a
quotation (and those in reach of a pronoun) go through the model; the others are tokenised
only. A paragraph longer than `max_parse_chars` is parsed in pieces cut at sentence or line
ends and joined again (offsets unchanged), so that spaCy's max_length is never reached."""

from __future__ import annotations

import re
from typing import Any

from ..rules import declare

# the rules this module applies: declared once here, used through these constants
PARSE_SPLIT_PARAGRAPH = declare("quotes.parse.split_paragraph", stage="quotes",
        why="a paragraph longer than the bound is parsed in pieces cut at sentence or line ends (the model has a length limit)",
        params=["max_parse_chars"])

_CUT = re.compile(r"(?<=[.!?])\s+|\n+")
_MAY_QUOTE = re.compile(r'"|[:,]\s*$|^\s*(?:Q|A|Question|Answer)\s*[:.]', re.MULTILINE)


def pieces(text: str, bound: int) -> list[str]:
    """text cut into pieces of at most `bound` characters, at sentence or line ends where there
    are any (else hard cuts); their concatenation is the text."""
    out: list[str] = []
    start = 0
    while len(text) - start > bound:
        best = None
        for m in _CUT.finditer(text, start + 1, start + bound):
            best = m.end()
        cut = best if best is not None and best > start else start + bound
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def needed(texts: list[str], window: int, extra: re.Pattern[str] | None = None) -> list[bool]:
    """Which paragraphs to parse: those that may quote (a mark, a cue line ending in ':' or ',',
    an interview label, `extra`), the one after each (signatures, attribution lines) and the
    `window` before each (pronoun antecedents, cue lines)."""
    may = [bool(_MAY_QUOTE.search(t) or (extra is not None and extra.search(t))) for t in texts]
    out = [False] * len(texts)
    for i, m in enumerate(may):
        if m:
            for j in range(max(0, i - window), min(len(texts), i + 2)):
                out[j] = True
    return out


class LazyDocs:
    """One Doc per paragraph: the paragraphs that may quote are parsed up front in one batch, any
    other one when a rule first reads it (a block running on, a pronoun's antecedent further back)."""

    def __init__(self, nlp: Any, texts: list[str], cfg: dict[str, Any], extra: re.Pattern[str] | None = None) -> None:
        self.nlp, self.texts, self.cfg = nlp, texts, cfg
        self.docs: dict[int, Any] = {}
        self.warnings: list[dict[str, Any]] = []
        want = needed(texts, cfg["pronoun_window"], extra) if cfg["parse_only_needed"] else [True] * len(texts)
        self._parse([i for i, w in enumerate(want) if w])

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Any:
        if i < 0:
            i += len(self.texts)
        if i not in self.docs:
            self._parse([i])
        return self.docs[i]

    def __iter__(self) -> Any:
        return (self[i] for i in range(len(self.texts)))

    def parsed(self) -> list[tuple[int, Any]]:
        """The paragraphs parsed so far, in order (document-wide evidence reads only these)."""
        return sorted(self.docs.items())

    def _parse(self, idx: list[int]) -> None:
        from spacy.tokens import Doc

        bound = self.cfg["max_parse_chars"]
        jobs: list[tuple[int, str]] = []
        for i in idx:
            t = self.texts[i]
            ps = pieces(t, bound) if len(t) > bound else [t]
            if len(ps) > 1:
                self.warnings.append({"paragraph": i, "pieces": len(ps), "chars": len(t),
                                      "rule": PARSE_SPLIT_PARAGRAPH,
                                      "message": f"paragraph of {len(t)} characters parsed in {len(ps)} pieces "
                                                 f"(max_parse_chars {bound})"})
            jobs.extend((i, p) for p in ps)
        got: dict[int, list[Any]] = {}
        for (i, _), doc in zip(jobs, self.nlp.pipe((p for _, p in jobs), batch_size=self.cfg["batch_size"])):
            got.setdefault(i, []).append(doc)
        for i, ds in got.items():
            self.docs[i] = ds[0] if len(ds) == 1 else Doc.from_docs(ds, ensure_whitespace=False)
