"""The spaCy pipeline the quotation stage parses with (loaded once per process, its tokenizer
adjusted for quote marks, brackets and dashes glued to words) and lemmas computed on demand."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import ConfigError


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """The spaCy pipeline, loaded once per process; the tokenizer also splits quote marks, brackets
    and dashes glued to words, so that `Watch[8]:` and `fantasy,"-` do not break names."""
    import spacy
    from .frames import glue_double_barrelled

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"quotes.model: spaCy model {name!r} is not installed ({exc.__class__.__name__})") from None
    from .ruler import speed_up

    speed_up(nlp)   # the attribute ruler's matches by lookup (the same matches)
    if "lemmatizer" in nlp.pipe_names:
        # Lemmas are read for a few tokens only (reporting verbs, head nouns): `lemma` computes
        # them on demand with the same component, instead of every token of every paragraph.
        _LEMMATIZERS[id(nlp.vocab)] = (nlp.get_pipe("lemmatizer"), {})
        nlp.disable_pipe("lemmatizer")
    infixes = list(nlp.Defaults.infixes) + [r'["“”]', r"\[", r"\]", r"-{2,}", r"(?<=[,.;:!?\"])[-–—]", r"(?<=\w)\.(?=[A-Z][a-z])"]
    return glue_double_barrelled(nlp, infixes)


_LEMMATIZERS: dict[int, tuple[Any, dict[tuple[int, int, int], str]]] = {}


def lemma(t: Any) -> str:
    """The token's lemma, as the pipeline's lemmatizer would have set it (computed once, on demand)."""
    if t.lemma == 0:
        entry = _LEMMATIZERS.get(id(t.doc.vocab))
        if entry is not None:
            lem, cache = entry
            key = (t.orth, t.pos, t.morph.key)   # all the rule lemmatizer reads of a token
            if key not in cache:
                if not lem._validated:
                    lem._validate_tables()
                cache[key] = lem.lemmatize(t)[0]
            t.lemma_ = cache[key]
    return t.lemma_

