"""Strip: a sign-up or consent line ("By continuing, you agree to our User Agreement") is the
site's furniture; a sentence that only mentions agreeing is not."""

from __future__ import annotations

from typing import Any

from test_strip import cfg, label_of, page, run_strip  # noqa: F401 - cfg is a fixture


def test_a_line_saying_that_continuing_means_agreeing_to_the_terms_is_boilerplate(cfg: Any) -> None:
    line = "By continuing, you agree to our User Agreement and acknowledge that you understand the Privacy Policy."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "User Agreement") == ("boilerplate", "strip.consent_line")


def test_a_cookie_choice_offered_if_you_agree_is_boilerplate(cfg: Any) -> None:
    line = "If you agree, we'll also use cookies to complement your shopping experience across our stores."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "complement your shopping") == ("boilerplate", "strip.consent_line")


def test_a_sentence_about_agreeing_by_creating_something_is_text(cfg: Any) -> None:
    line = "You can make the team agree by creating a shared plan that everyone has read and signed."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "shared plan")[0] == "content"
