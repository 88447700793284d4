"""Strip, round 10: a product card's buttons (`strip.shop_button`) are boilerplate, a sentence about
adding something to a bowl is not; a widget's cell printed beside every record of a table-laid listing
(`strip.text.repeated_cell`) is removed inline, the record's own cell on the same line stays; a
cell that recurs only a few times, a record's own text and a code prompt are left alone."""

from __future__ import annotations

from typing import Any

from pipeline.runner import DocContext
from pipeline.stages import extract, strip
from test_strip import cfg, label_of, page, run_strip  # noqa: F401 - cfg is a fixture

WIDGET = "Sold out. Ask the shop again."
NAMES = ["Marigold Teapot", "Harbour Lamp", "Linen Apron", "Oak Stool", "Clay Jug", "Wool Throw",
         "Copper Kettle", "Birch Tray", "Slate Board", "Glass Vase", "Cotton Rug", "Tin Lantern"]


def listing(names: list[str], cell: str = WIDGET) -> str:
    return "\n".join(f"{n:<30}   {cell}" for n in names) + "\n"


def cell_removals(out: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in out["inline_removals"] if r["rule"] == "strip.text.repeated_cell"]


def test_a_widget_cell_beside_every_record_is_removed_and_the_record_stays(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", listing(NAMES))
    removed = cell_removals(out)
    assert len(removed) == len(NAMES)
    assert all(r["text"].strip() == WIDGET for r in removed)
    raw = listing(NAMES)
    assert all(raw[r["raw_start"]:r["raw_end"]] == r["text"] for r in removed)   # exact raw offsets
    kept = {b["id"] for b, d in zip(ext["blocks"], out["decisions"]) if d["label"] == "content"}
    assert all(r["block"] in kept for r in removed) or not kept


def test_a_cell_printed_only_a_few_times_stays(cfg: Any) -> None:
    _, out = run_strip(cfg, "a.txt", listing(NAMES[:4]))
    assert cell_removals(out) == []


def test_a_code_prompt_cell_is_not_a_widget(cfg: Any) -> None:
    code = "\n".join(f"...       total = total + {k}" for k in range(12)) + "\n"
    _, out = run_strip(cfg, "a.txt", code)
    assert cell_removals(out) == []


def test_the_rule_is_off_at_count_zero(cfg: Any) -> None:
    section = cfg.section("strip")
    off = {**section["text"], "repeated_cell_min_count": 0}
    ctx = DocContext("a.txt", "a.txt", listing(NAMES).encode("utf-8"), "0")
    ctx.outputs["extract"] = extract.run(ctx, cfg.section("extract"))
    out = strip.run(ctx, {**section, "text": off})
    assert cell_removals(out) == []


def test_a_product_cards_compare_button_naming_the_product_is_boilerplate(cfg: Any) -> None:
    ext, out = run_strip(cfg, "a.txt", page("Add Harbour Trail 40 Daypack to Compare", "Quick Shop"))
    assert label_of(ext, out, "to Compare") == ("boilerplate", "strip.shop_button")
    assert label_of(ext, out, "Quick Shop") == ("boilerplate", "strip.shop_button")


def test_a_sentence_about_adding_to_a_cart_is_text(cfg: Any) -> None:
    line = "Add the flour to the bowl a spoonful at a time, then compare the dough with the photo above."
    ext, out = run_strip(cfg, "a.txt", page(line))
    assert label_of(ext, out, "Add the flour")[0] == "content"
