"""Strip: a sign-up form's own lines (what it will send, its privacy promise, its confirmation, an
account prompt) next to the form's button, field label or confirmation are the site's furniture
(`strip.signup_form_line`); the same lines in running text without a form beside them (how-to
steps: "Create an account and choose a password") are text, and so is a sentence that only talks
about signing up or about an inbox."""

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


BESIDE = ["Sign up", "Email address", "Subscribe now!", "Thank you for subscribing!", "Continue with Google",
          "Please enter a valid email address.", "Our monthly newsletter"]


@pytest.mark.parametrize("line,form", list(zip(FORM_LINES, BESIDE)))
def test_a_sign_up_forms_own_line_beside_its_button_or_field_is_boilerplate(cfg: Any, line: str, form: str) -> None:
    ext, out = run_strip(cfg, "a.txt", page(line, form))
    assert label_of(ext, out, line[:30]) == ("boilerplate", "strip.signup_form_line")


def test_a_sign_up_forms_line_under_its_confirmation_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Thanks for signing up!", FORM_LINES[4]))
    assert label_of(ext, out, "Check your inbox") == ("boilerplate", "strip.signup_form_line")


@pytest.mark.parametrize("line", FORM_LINES)
def test_a_sign_up_forms_line_alone_in_running_text_is_text(cfg: Any, line: str) -> None:
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, line[:30])[0] == "content"


HOW_TO = ["To use the allotment booking system, open the council's website and choose Allotments.",
          "Create an account and pick a password you have not used anywhere else.",
          "Check your email for a link to confirm the address, and follow it within a day.",
          "Once the address is confirmed, the map shows every free plot in the district."]


def test_the_steps_of_a_how_to_text_about_registering_are_text(cfg: Any) -> None:
    # what an account and a confirmation link are for, told as steps: nothing here is a form
    ext, out = run_strip(cfg, "a.txt", page(*HOW_TO))
    assert label_of(ext, out, "Create an account") == ("content", "strip.text.main_body")
    assert label_of(ext, out, "Check your email") == ("content", "strip.text.main_body")


def test_a_sentence_about_an_inbox_and_signing_up_for_a_class_is_text(cfg: Any) -> None:
    line = "She signed up for the pottery class because her inbox was full of offers she could not use."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "pottery class")[0] == "content"
