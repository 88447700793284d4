"""The strip rules' literal pre-check (``pipeline/stages/strip/literals.py``) never skips a
block its pattern would match: it only saves running the pattern where it cannot match."""

from __future__ import annotations

import random
import re

from pipeline.config import load_config
from pipeline.stages import strip
from pipeline.stages.strip import literals


def test_fold_covers_every_character_re_matches_to_an_ascii_letter_without_ignoring_case() -> None:
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.compile("(?i)[a-z0-9]").findall(every))
    assert {ch for ch in found if ch.lower() not in "abcdefghijklmnopqrstuvwxyz0123456789"} <= set(
        chr(c) for c in literals.FOLD)
    for ch in found:
        letter = next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch("(?i)" + a, ch))
        assert literals.fold(ch).startswith(letter)


def test_needles_of_an_alternation_come_from_each_branch() -> None:
    assert set(literals.needles([r"(?i)\b(we|our)\s+site\b"])) == {"site"}
    assert set(literals.needles([r"(?i)^\W*(privacy|terms)\W*$"])) == {"privacy", "terms"}


def test_a_pattern_without_a_required_literal_has_no_needles() -> None:
    assert literals.needles([r"\d+\s*$"]) is None
    assert literals.needles([r"(?i)cookies", r"(foo)?\w+"]) is None  # one pattern without: the rule always runs


def test_an_optional_part_gives_no_needle() -> None:
    assert literals.needles([r"(?i)(accept\s+)?cookies"]) == ("cookies",)


def test_needles_are_compared_case_folded() -> None:
    (ns,) = [literals.needles([r"NEED\b"])]
    assert literals.may_match(ns, literals.fold("Need help"))
    assert literals.may_match(literals.needles([r"(?i)share"]), literals.fold("\u017fHARE"))  # long s: re matches it


def test_no_config_rule_is_skipped_where_its_pattern_matches() -> None:
    cfg = load_config(None).section("strip")
    rules = strip.compile_rules(cfg["block_rules"]) + strip.compile_rules(cfg["inline_rules"])
    rng = random.Random(7)
    words = [n for r in rules for n in (r.needles or ())] + ["the", "a", "2011", "©", " ", ":", "!", "\u212a", "\u0131"]
    samples = ["This site uses cookies.", "© 2011", "You are visitor number 12", "Skip to main content",
               "Share on Facebook", "All Rights Reserved", "COPYRIGHT 2020 Foo", "Donate today!"]
    samples += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    hits = 0
    for text in samples:
        for variant in (text, text.upper(), text.replace("s", "\u017f").replace("i", "\u0131").replace("k", "\u212a")):
            folded = literals.fold(variant)
            for rule in rules:
                if rule.search(variant):
                    hits += 1
                    assert literals.may_match(rule.needles, folded), (rule.id, variant)
    assert hits > 500
