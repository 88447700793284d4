"""Text dumps of literary text: dialogue lines, short sentences and a document that ends in
short lines are the text itself, not page furniture (strip.text body detection)."""

from __future__ import annotations

from typing import Any

import pytest

from test_strip import cfg, run_strip  # noqa: F401 - fixture

_ = cfg

STORY = '''
Chapter One

The fog had come in early that evening, rolling over the harbour wall and settling in the narrow streets of the town like a grey wool blanket that nobody had asked for.

Martha stood at the kitchen window and watched the lamp at the top of the tower turn, once, twice, three times, before she turned back to the stove where the kettle was beginning to sing.

"Is he coming down?" her brother asked.

"Not yet."

"He'll catch his death up there."

"He always says that about you."

Tom laughed.

"Fair enough."

She poured the water over the leaves and set the pot on the table between them.

"Do you think the boat will come tomorrow?"

"If the fog lifts."

"And if it doesn't?"

"Then we wait."

For a long while neither of them spoke, and the only sound in the room was the slow tick of the clock above the door and the distant, patient sighing of the sea against the rocks below the tower.

Chapter Two

Morning came clear and cold. The fog had gone in the night, as suddenly as it had arrived, and the whole bay lay open under a pale sky that promised nothing and threatened nothing.

Martha saw the boat first.

"Tom! Tom, it's here!"

He came running from the shed, wiping his hands on his trousers, and together they stood on the jetty and watched the small grey shape grow larger against the line of the horizon.

It was their father's boat.

It was empty.

The End
'''


@pytest.fixture(scope="module")
def decided(cfg: Any) -> dict[str, tuple[str, str]]:  # noqa: F811
    ext, out = run_strip(cfg, "story.txt", STORY.lstrip())
    return {b["text"]: (d["label"], d["rule"]) for b, d in zip(ext["blocks"], out["decisions"])}


@pytest.mark.parametrize("line", ['"Is he coming down?" her brother asked.', '"Not yet."', '"Fair enough."',
                                  "Tom laughed.", '"Then we wait."', '"Tom! Tom, it\'s here!"'])
def test_dialogue_and_short_sentences_between_paragraphs_are_kept(decided: dict[str, Any], line: str) -> None:
    assert decided[line][0] == "content"


@pytest.mark.parametrize("line", ["It was their father's boat.", "It was empty."])
def test_the_short_closing_lines_of_a_story_are_kept(decided: dict[str, Any], line: str) -> None:
    assert decided[line][0] == "content"


def test_a_chapter_heading_inside_the_story_is_kept(decided: dict[str, Any]) -> None:
    assert decided["Chapter Two"][0] == "content"


WRAPPED = '''The rain had not ceased since morning, and Mr. Harrow stood at the
window of the little parlour with his hands behind his back, watching
the carts go by in the lane.

"I must," he answered. "Tobin expects me, and I have put him off
twice already."

He turned from the glass and regarded her for a moment.

Margaret smiled a little at that, and went to call the boy; and her
brother, left alone, took down his coat from the peg behind the door
and stood turning his hat round and round in his fingers, as a man
does who has something on his mind that he would rather not think of
at all.

"It is only a mill," he said aloud to the empty room, "and only
money."
'''


def _labels(cfg: Any, name: str, text: str) -> dict[str, str]:  # noqa: F811
    ext, out = run_strip(cfg, name, text)
    return {b["text"]: d["label"] for b, d in zip(ext["blocks"], out["decisions"])}


def test_the_last_paragraphs_of_a_hard_wrapped_story_are_kept(cfg: Any) -> None:  # noqa: F811
    labels = _labels(cfg, "wrapped.txt", WRAPPED)
    assert labels["at all."] == "content" and labels["money.\""] == "content"
    assert labels["does who has something on his mind that he would rather not think of"] == "content"


def test_code_lines_of_one_width_are_no_wrapped_paragraph(cfg: Any) -> None:  # noqa: F811
    from pipeline.stages.strip.text_wrap import wrapped_runs

    texts = [">>> from functools import partial, Placeholder as _ and more",
             ">>> remove = partial(str.replace, _, _, '') and some more"]
    assert wrapped_runs([{"para": 0}, {"para": 0}], texts, [0, 1], 40, 100) == []


def test_a_card_description_and_its_button_are_no_wrapped_paragraph(cfg: Any) -> None:  # noqa: F811
    from pipeline.stages.strip.text_wrap import wrapped_runs

    texts = ["Discover the full range of garden tools for every season.", "Explore"]
    assert wrapped_runs([{"para": 0}, {"para": 0}], texts, [0, 1], 40, 100) == []
