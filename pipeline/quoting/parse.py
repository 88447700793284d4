"""The parse of a document's paragraphs: only those that can hold, introduce or attribute a
quotation (and those in reach of a pronoun) go through the model; the others are tokenised
only. A paragraph longer than `max_parse_chars` is parsed in pieces cut at sentence or line
ends and joined again (offsets unchanged), so that spaCy's max_length is never reached. The
parses held in memory are bounded (`parse_memory_tokens`); the others wait in a temporary file."""

from __future__ import annotations

import pickle
import re
import tempfile
from collections import OrderedDict
from typing import IO, Any, Iterator

from ..rules import declare

# the rules this module applies: declared once here, used through these constants
PARSE_SPLIT_PARAGRAPH = declare("quotes.parse.split_paragraph", stage="quotes",
        why="a paragraph longer than the bound is parsed in pieces cut at sentence or line ends (the model has a length limit)",
        params=["max_parse_chars"])

_PLAIN = ["tensor", "user_data", "spans"]   # what a spilled parse leaves out (no rule reads them; checked)
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


class Slices:
    """Paragraph texts as spans of the document's text, sliced when read (no second copy of a
    huge document's text); a span (0, 0) is an empty text."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        from array import array

        self.text = text
        self.starts, self.ends = array("q", (s for s, _ in spans)), array("q", (e for _, e in spans))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


class LazyDocs:
    """One Doc per paragraph: the paragraphs that may quote are parsed up front in one batch, any
    other one when a rule first reads it (a block running on, a pronoun's antecedent further back).

    Memory stays bounded on a huge document: at most `parse_memory_tokens` parsed tokens are held
    (the least recently read paragraphs' parses beyond that go to a temporary file, exactly as
    parsed, and are read back when a rule needs them again), and no Doc keeps the model's token
    vectors (`tensor`, which no rule reads). An ordinary document fits and never touches the file."""

    def __init__(self, nlp: Any, texts: "list[str] | Slices", cfg: dict[str, Any], extra: re.Pattern[str] | None = None) -> None:
        self.nlp, self.texts, self.cfg = nlp, texts, cfg
        self.live: OrderedDict[int, Any] = OrderedDict()   # paragraph -> Doc, least recently read first
        self.live_tokens = 0
        self.stored: dict[int, tuple[int, int]] = {}      # paragraph -> (offset, length) in the spill file
        self.spill: IO[bytes] | None = None
        self.restored = 0                                  # parses read back from the file (a measure)
        self.warnings: list[dict[str, Any]] = []
        want = needed(texts, cfg["parse_window"], extra) if cfg["parse_only_needed"] else [True] * len(texts)
        self._parse([i for i, w in enumerate(want) if w])

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Any:
        if i < 0:
            i += len(self.texts)
        doc = self.live.get(i)
        if doc is not None:
            self.live.move_to_end(i)
            return doc
        if i in self.stored:
            doc = self._restore(i)
        else:
            self._parse([i])
            return self.live[i]
        self._keep(i, doc)
        return doc

    def __iter__(self) -> Any:
        return (self[i] for i in range(len(self.texts)))

    def parse_all(self, idx: list[int]) -> None:
        """Parse those of paragraphs `idx` not parsed yet, in one batch (a parse does not depend on
        its batch: each is what reading the paragraph alone would give)."""
        self._parse([i for i in idx if i not in self.live and i not in self.stored])

    def parsed(self) -> Iterator[tuple[int, Any]]:
        """The paragraphs parsed so far, in order (document-wide evidence reads only these)."""
        return ((i, self[i]) for i in sorted({*self.live, *self.stored}))

    def parsed_docs(self) -> "ParsedDocs":
        """The Docs of `parsed()`, as a collection that can be read more than once."""
        return ParsedDocs(self)

    def close(self) -> None:
        """Drop every parse and the spill file."""
        self.live.clear()
        self.stored.clear()
        self.live_tokens = 0
        if self.spill is not None:
            self.spill.close()
            self.spill = None

    # ------------------------------------------------------------------ holding parses
    def _keep(self, i: int, doc: Any) -> None:
        self.live[i] = doc
        self.live_tokens += len(doc)
        budget = self.cfg["parse_memory_tokens"]
        while self.live_tokens > budget and len(self.live) > 1:
            j, old = self.live.popitem(last=False)
            self.live_tokens -= len(old)
            if j not in self.stored:
                self._store(j, old)

    def _store(self, i: int, doc: Any) -> None:
        if self.spill is None:
            self.spill = tempfile.TemporaryFile(prefix="pipeline-parses-")
        # to_dict and pickle: Doc.to_bytes' msgpack looks up its extensions on every call (slow)
        plain = not len(doc.spans) and not doc.user_data
        data = pickle.dumps(doc.to_dict(exclude=_PLAIN) if plain else doc.to_bytes(exclude=["tensor"]), protocol=5)
        self.spill.seek(0, 2)
        self.stored[i] = (self.spill.tell(), len(data))
        self.spill.write(data)

    def _restore(self, i: int) -> Any:
        from spacy.tokens import Doc

        assert self.spill is not None
        off, n = self.stored[i]
        self.spill.seek(off)
        self.restored += 1
        data = pickle.loads(self.spill.read(n))
        return Doc(self.nlp.vocab).from_dict(data, exclude=_PLAIN) if isinstance(data, dict) \
            else Doc(self.nlp.vocab).from_bytes(data)

    def _parse(self, idx: list[int]) -> None:
        """Parse paragraphs `idx` (in pieces where long), streaming: each Doc is held as it comes."""
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
        cur: int | None = None
        got: list[Any] = []
        for (i, _), doc in zip(jobs, self.nlp.pipe((p for _, p in jobs), batch_size=self.cfg["batch_size"])):
            if i != cur and got:
                self._add(cur, got)
                got = []
            cur = i
            got.append(doc)
        if got:
            self._add(cur, got)

    def _add(self, i: Any, ds: list[Any]) -> None:
        import numpy
        from spacy.tokens import Doc

        doc = ds[0] if len(ds) == 1 else Doc.from_docs(ds, ensure_whitespace=False)
        doc.tensor = numpy.zeros((0, 0), dtype="float32")
        self._keep(i, doc)


class ParsedDocs:
    """Every parsed paragraph's Doc, in paragraph order, each time it is iterated."""

    def __init__(self, docs: LazyDocs) -> None:
        self.docs = docs

    def __iter__(self) -> Iterator[Any]:
        return (d for _, d in self.docs.parsed())
