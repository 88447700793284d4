"""Grammatical gender of a person's name, for he/she: from an honorific ("Mrs. Pemberton"), else
from the first name in a general first-name list (the `first_names` lexicon: names a strong majority
of whose bearers are of one sex in the US Social Security Administration's public-domain baby-name
counts), else unknown. Nothing here is learnt from the documents the pipeline was tuned on."""

from __future__ import annotations

from functools import lru_cache
import unicodedata
from typing import Any


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str | None]:
    """Lower-case ASCII first name -> 'male', 'female' or None for a name shared by both
    (config/lexicons/first_names.yaml)."""
    from ..config import load_lexicon

    data = load_lexicon("first_names")
    return {name: {"shared": None}.get(key, key) for key in ("shared", "male", "female") for name in data[key].split()}


def _key(word: str) -> str:
    """Lower case, accents folded ("José" -> jose): the counts are ASCII."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")


def _lookup(word: str) -> str | None:
    """A first name is written with a capital ("poet" is no name, "Poet" may be)."""
    return _first_names().get(_key(word)) if word[:1].isupper() else None


def name_gender(name: str, honorifics: dict[str, str], use_first_names: bool = True) -> str | None:
    """'male', 'female' or None (unknown) for a person's name as written."""
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return None
    g = honorifics.get(words[0].lower())
    if g:
        return g
    if not use_first_names or len(words) < 2 and words[0].lower() in honorifics:
        return None
    got = _lookup(words[0])
    if got is None and len(words) >= 3 and not (words[0][:1].isupper() and _key(words[0]) in _first_names()):
        got = _lookup(words[1])   # "Aunt Ana Ruiz", "Coach Tom Berg": a title word, then the first name
    return got



def surname_gender(word: str, text: str, not_names: set[str], use_first_names: bool = True) -> str | None:
    """'Mistry' after 'Her lawyer, Conrad Mistry,': a bare surname has the gender of the first names
    written right before it in the document (not a title or honorific of ``not_names``, lower case:
    "Judge Mistry"), when they agree on one; first names of both genders (two people sharing it), or
    none the list knows: None."""
    import re

    if not use_first_names or not word[:1].isupper():
        return None
    from spacy.lang.en.stop_words import STOP_WORDS   # "The Squire": a function word is no first name

    got = {first_name(m.group(1)) if m.group(1).lower() not in not_names | STOP_WORDS else None for m in re.finditer(r"\b([A-Z][^\W\d_]+)\s+" + re.escape(word) + r"\b", text)}
    got.discard(None)
    return next(iter(got)) if len(got) == 1 else None


def first_name(word: str) -> str | None:
    """The gender the general first-name list gives ``word`` as a first name ('male', 'female'), None
    when it knows none: whether a capitalised word can open a person's name. (A one-word name
    passed to ``name_gender`` with no honorifics reads as a first name once a surname follows.)"""
    return name_gender(word + " x", {}, True)

def pronoun_gender(pronoun: str) -> str | None:
    return {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}.get(pronoun.lower())


def described_genders(text: str, nouns: dict[str, str]) -> dict[str, str]:
    """Gender the narration gives a name by describing its bearer with a gendered noun: "a tall man
    called Osei", "Jenkins, the old manservant", "Bess, a girl of twelve". Name (its last word,
    lower case) -> gender; a name described both ways is left out."""
    import re

    if not nouns:
        return {}
    alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    name = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    pats = (re.compile(rf"\b(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<noun>{alt})\s+(?:called|named)\s+{name}"),
            re.compile(rf"{name},\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<noun>{alt})\b"))
    seen: dict[str, set[str]] = {}
    for rx in pats:
        for m in rx.finditer(text):
            seen.setdefault(m.group("name").split()[-1].lower(), set()).add(nouns[m.group("noun")])
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def text_genders(text: str, honorifics: dict[str, str]) -> dict[str, str]:
    """Gender the text gives a surname or first name anywhere: an honorific before it ("Mrs. Sastri",
    "Miss Ananya") or a kinship noun of a possessor before it ("her sister Ananya", "my aunt Wanjiru"),
    the nouns being the gendered honorifics. Name word (lower case) -> gender; a word given both
    genders (Mr. and Mrs. Sastri) is left out."""
    import re

    if not honorifics:
        return {}
    alt = "|".join(sorted(map(re.escape, honorifics), key=len, reverse=True))
    rx = re.compile(rf"(?:\b(?:his|her|my|our|their|your)\s+)?\b(?P<hon>{alt})\.?\s+(?P<name>[A-Z][\w'’-]+)", re.IGNORECASE)
    seen: dict[str, set[str]] = {}
    for m in rx.finditer(text):
        if not m.group("name")[:1].isupper():
            continue
        seen.setdefault(m.group("name").lower(), set()).add(honorifics[m.group("hon").lower()])
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
