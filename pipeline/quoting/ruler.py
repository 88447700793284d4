"""The model's attribute ruler, matched faster: its patterns (one or two tokens, on TAG, LOWER,
DEP and IS_SPACE) read as a lookup from a token's values to the patterns it satisfies, computed
once per distinct token and kept, instead of spaCy's Matcher walking every pattern over every
token. The matches are the Matcher's (same ids, spans and order) and the ruler sets them as
before, so every parse is what the model as shipped gives. A ruler with any other kind of
pattern (another attribute, an operator, a longer pattern) keeps spaCy's Matcher."""

from __future__ import annotations

import re
from typing import Any, Callable

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _predicate(attr: str, spec: Any) -> Callable[[tuple[str, str, str, bool]], bool] | None:
    """A test of a token's (tag, lower, dep, is_space) for one pattern entry; None when the
    entry is of a kind this lookup does not reproduce."""
    k = _ATTRS.index(attr)
    if attr == "IS_SPACE":
        return (lambda v: v[k] is spec) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return lambda v: v[k] == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        s = frozenset(arg)
        return lambda v: v[k] in s
    if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        s = frozenset(arg)
        return lambda v: v[k] not in s
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return lambda v: rx.search(v[k]) is not None
    return None


def _anchor(entry: dict[str, Any]) -> tuple[int, str] | None:
    """(position, value) of a plain TAG or LOWER value the entry requires (a token without it
    cannot match, so the entry is tried only on tokens with it); None when there is none."""
    for attr in ("TAG", "LOWER"):
        if isinstance(entry.get(attr), str):
            return _ATTRS.index(attr), entry[attr]
    return None


def _token_test(entry: dict[str, Any]) -> Callable[[tuple[str, str, str, bool]], bool] | None:
    tests = []
    for attr, spec in entry.items():
        if attr not in _ATTRS:
            return None
        t = _predicate(attr, spec)
        if t is None:
            return None
        tests.append(t)
    return lambda v: all(t(v) for t in tests)


class FastMatch:
    """`match(doc)` of an AttributeRuler: the sorted (attr id, match id, start, end) list its
    Matcher would give."""

    def __init__(self, ruler: Any) -> None:
        self.ones: list[tuple[int, int, Callable[..., bool]]] = []            # (attr id, match id, test)
        self.twos: list[tuple[int, int, Callable[..., bool], Callable[..., bool]]] = []
        self.ok = True
        # the entries to try on a token: those anchored on its tag or its lower form, and the rest
        self.by_one: dict[tuple[int, str], list[int]] = {}
        self.by_first: dict[tuple[int, str], list[int]] = {}
        self.by_second: dict[tuple[int, str], list[int]] = {}
        self.any_one: list[int] = []
        self.any_first: list[int] = []
        self.any_second: list[int] = []
        self.matcher_match = type(ruler).match.__get__(ruler)
        strings = ruler.vocab.strings
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            match_id = strings[key]
            for pattern in ruler.matcher.get(match_id)[1]:
                tests = [_token_test(e) for e in pattern]
                if any(t is None for t in tests) or len(tests) not in (1, 2):
                    self.ok = False
                    return
                anchors = [_anchor(e) for e in pattern]
                if len(tests) == 1:
                    self._index(self.by_one, self.any_one, anchors[0], len(self.ones))
                    self.ones.append((attr_id, match_id, tests[0]))
                else:
                    self._index(self.by_first, self.any_first, anchors[0], len(self.twos))
                    self._index(self.by_second, self.any_second, anchors[1], len(self.twos))
                    self.twos.append((attr_id, match_id, tests[0], tests[1]))
        self.strings = strings
        self.cache: dict[tuple[int, int, int, int], tuple[list[int], list[int], list[int]]] = {}

    @staticmethod
    def _index(by: dict[tuple[int, str], list[int]], rest: list[int], anchor: tuple[int, str] | None, i: int) -> None:
        if anchor is None:
            rest.append(i)
        else:
            by.setdefault(anchor, []).append(i)

    def _entry(self, key: tuple[int, int, int, int]) -> tuple[list[int], list[int], list[int]]:
        strings = self.strings
        v = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
             strings[key[2]] if key[2] else "", bool(key[3]))

        def tried(by: dict[tuple[int, str], list[int]], rest: list[int]) -> list[int]:
            return sorted({*by.get((0, v[0]), ()), *by.get((1, v[1]), ()), *rest})

        got = self.cache[key] = ([i for i in tried(self.by_one, self.any_one) if self.ones[i][2](v)],
                                 [i for i in tried(self.by_first, self.any_first) if self.twos[i][2](v)],
                                 [i for i in tried(self.by_second, self.any_second) if self.twos[i][3](v)])
        return got

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        cache, entry = self.cache, self._entry
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        rows = [cache.get(k) or entry(k) for k in map(tuple, keys)]
        out = []
        for i, (ones, firsts, _) in enumerate(rows):
            for j in ones:
                a, m, _ = self.ones[j]
                out.append((a, m, i, i + 1))
            if firsts and i + 1 < len(rows):
                seconds = rows[i + 1][2]
                for j in firsts:
                    if j in seconds:
                        a, m, _, _ = self.twos[j]
                        out.append((a, m, i, i + 2))
        if len(set(out)) != len(out):   # two patterns of one id on one span: left to the Matcher's own handling
            return self.matcher_match(doc)
        out.sort()
        return out


def speed_up(nlp: Any) -> None:
    """Give the pipeline's attribute ruler the lookup (when its patterns allow it)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastMatch(ruler)
    if fast.ok:
        ruler.match = fast
