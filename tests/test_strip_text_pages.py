"""Strip, text dumps: whole pages written for these tests (tests/text_pages/, original text), each
with its site's menus and footer around the text. What the reader came for must be kept (a story's
dialogue and last lines, a recipe's ingredients and steps, every post of a thread, a documentation
page's example, a product's description and data sheet); the site's furniture must go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_strip import cfg, run_strip  # noqa: F401 - cfg is a fixture

PAGES = Path(__file__).resolve().parent / "text_pages"

KEEP = {
    "story.txt": ["The Lighthouse Keeper's Daughter", "By Anna Verhoef", "March 3, 2024", "The ferry had stopped",
                  '"Why before?"', '"Because after, you', "Ines laughed.", '"I have plenty of patience."',
                  '"Father?" she said', "Nobody answered.", "She took the letter out", "In the morning the slip was gone."],
    "recipe.txt": ["Lentil and Squash Stew", "Posted on 12 January 2025", "This is the stew I make", "Ingredients",
                   "* 1 tablespoon olive oil", "* 1 large onion, chopped", "* 500 g butternut squash",
                   "* 1 litre vegetable stock", "Method", "1. Warm the oil", "6. Season to taste and serve.",
                   "If you have leftover stew"],
    "forum.txt": ["We drained and refilled", "That popping is almost always sediment", "Flush it a couple more times",
                  "kelvin_b said:", "Click to expand...", "Thanks, I flushed it twice"],
    "docs.txt": ["The tool reads its settings", "Settings are read once", "[server]", "port = 8080", "workers = 4",
                 'max_size = "256MB"', "port: the port the server listens on.", "Note: sizes accept the suffixes"],
    "product.txt": ["Forged from a single piece", "Carbon steel darkens with use", "Blade length: 20 cm", "Weight: 180 g"],
}

DROP = {
    "story.txt": ["Skip to content", "* Fiction", "Share this story:", "* Facebook", "Related Stories", "The Salt Road",
                  "Leave a Reply", "Post Comment", "Copyright ©", "Privacy Policy | Terms of Use"],
    "recipe.txt": ["Jump to Recipe", "* Breakfast", "Home » Recipes » Dinner", "Rate this recipe", "You might also like",
                   "Roasted Tomato Soup", "Sign up for our newsletter", "Get new recipes delivered", "About | Contact",
                   "© 2025 Weeknight Pot"],
    "forum.txt": ["* What's new", "* Register", "Home Improvement Forum > Plumbing", "Joined: Jan 2025", "Senior member",
                  "Reply", "You must log in or register", "Similar threads", "Tankless heater error code", "Terms and rules", "Community platform by"],
    "docs.txt": ["Skip to main content", "Search docs", "* Installation", "* Changelog", "Was this page helpful?",
                 "Edit this page on GitHub", "Previous: Installation", "Next: Plugins", "© 2025 The Example Project"],
    "product.txt": ["Free delivery on orders", "* Kitchen", "Basket (0)", "Add to basket", "Add to wishlist",
                    "You may also like", "Honing Steel", "Delivery & Returns", "We use cookies", "© 2025 Hearth & Blade"],
}


def _decisions(cfg: Any, name: str) -> list[tuple[str, str, str]]:
    ext, out = run_strip(cfg, name, (PAGES / name).read_text(encoding="utf-8"))
    return [(b["text"], d["label"], d["rule"]) for b, d in zip(ext["blocks"], out["decisions"])]


def _label(decisions: list[tuple[str, str, str]], needle: str) -> tuple[str, str]:
    for text, label, rule in decisions:
        if text.strip().startswith(needle):
            return label, rule
    raise AssertionError(f"no line opening with {needle!r}")


@pytest.mark.parametrize("name", sorted(KEEP))
def test_what_the_reader_came_for_is_kept(cfg: Any, name: str) -> None:
    decisions = _decisions(cfg, name)
    lost = [(n, _label(decisions, n)[1]) for n in KEEP[name] if _label(decisions, n)[0] != "content"]
    assert not lost, lost


@pytest.mark.parametrize("name", sorted(DROP))
def test_the_sites_furniture_is_removed(cfg: Any, name: str) -> None:
    decisions = _decisions(cfg, name)
    kept = [(n, _label(decisions, n)[1]) for n in DROP[name] if _label(decisions, n)[0] == "content"]
    assert not kept, kept
