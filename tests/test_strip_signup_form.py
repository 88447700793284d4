"""Strip: a sign-up form's own lines (what it will send, its privacy promise, its confirmation, an
account prompt) are the site's furniture (`strip.newsletter_signup`); a sentence that only talks
about signing up or about an inbox is text."""

from __future__ import annotations

from typing import Any

import pytest

from test_strip import cfg, label_of, page, run_strip  # noqa: F401 - cfg is a fixture

FORM_LINES = [
    "Enter your address below and sign up to receive news and updates from the studio.",
    "Get weekly tips and ideas for running a small bakery from home.",
    "Be the first to hear about our latest deals and new arrivals.",
    "We respect your privacy and never share your address.",
    "Check your inbox for a message with your discount code inside.",
    "Create your account and join the other gardeners in the village.",
]


@pytest.mark.parametrize("line", FORM_LINES)
def test_a_sign_up_forms_own_line_is_boilerplate(cfg: Any, line: str) -> None:
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, line[:30]) == ("boilerplate", "strip.newsletter_signup")


def test_a_sentence_about_an_inbox_and_signing_up_for_a_class_is_text(cfg: Any) -> None:
    line = "She signed up for the pottery class because her inbox was full of offers she could not use."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "pottery class")[0] == "content"
