"""The rules registry: every rule id an output names is declared once, `pipeline rules` lists
them, and every run writes per-rule statistics."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import ROOT
from pipeline import rule_stats, rules
from pipeline.cli import main
from pipeline.config import Config, load_config

RULE_KEYS = ("rule", "encoding_rule")


def _ids(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in RULE_KEYS and isinstance(v, str):
                yield v
            elif k == "rules" and isinstance(v, list):
                yield from (r for r in v if isinstance(r, str))
            else:
                yield from _ids(v)
    elif isinstance(node, list):
        for x in node:
            yield from _ids(x)


def output_rule_ids(out: Path) -> set[str]:
    """Every rule id named anywhere in a processed folder's JSON and JSON Lines outputs."""
    found: set[str] = set()
    for p in sorted(out.rglob("*.json*")):
        if any(part.startswith(".") for part in p.relative_to(out).parts):
            continue
        if p.suffix == ".jsonl":
            for line in p.read_text(encoding="utf-8").splitlines():
                found.update(_ids(json.loads(line)))
        elif p.suffix == ".json":
            found.update(_ids(json.loads(p.read_text(encoding="utf-8"))))
    return found


def test_every_rule_id_in_the_seed_outputs_is_declared(seeds_processed: Path) -> None:
    ids = output_rule_ids(seeds_processed)
    assert len(ids) > 40
    reg = rules.registry()
    assert sorted(i for i in ids if i not in reg) == []


ID_LITERAL = re.compile(r"""["'](?:extract|strip|normalise|quotes|copyright|publish|corpus)\.[a-z0-9_.]*["']""")


def _is_config_key(data: Any, dotted: str) -> bool:
    for key in dotted.split("."):
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def test_every_rule_id_literal_in_the_code_is_declared() -> None:
    """Ids minted anywhere in pipeline/ (also those no seed makes fire) are declared; a literal
    that is a prefix of declared ids (``startswith``), a config key or a file name is not an id."""
    reg = rules.registry()
    ids = [r.id for r in reg.all()]
    data = load_config(None).data
    undeclared = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for m in ID_LITERAL.finditer(path.read_text(encoding="utf-8")):
            lit = m.group(0)[1:-1]
            if not (lit in reg or any(i.startswith(lit) for i in ids) or _is_config_key(data, lit) or lit.endswith(".py")):
                undeclared.append(f"{path.relative_to(ROOT)}: {lit}")
    assert undeclared == []


def test_pipeline_rules_lists_every_declared_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    listed = {r["id"] for r in json.loads(capsys.readouterr().out)}
    assert listed == {r.id for r in rules.all_rules()}


def test_pipeline_rules_lists_the_rules_that_fired_in_the_seeds(seeds_processed: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    declaring = {rules.get(i).id for i in output_rule_ids(seeds_processed)}
    assert all(f"\n{i}  [" in "\n" + text for i in declaring)


def test_text_listing_shows_stage_parameters_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    assert "strip.text.repeated_line  [strip, code, kind text]  a short line repeated" in text
    assert "    text.repeated_min_count: integer = 3" in text


def test_rules_of_one_stage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--stage", "copyright", "--json"]) == 0
    listed = {r["id"] for r in json.loads(capsys.readouterr().out)}
    assert "copyright.letter" in listed and all(i.startswith("copyright.") for i in listed)


def test_declaring_an_id_twice_is_an_error() -> None:
    reg = rules.Registry()
    rules.declare("test.once", stage="strip", why="a test rule", into=reg)
    with pytest.raises(rules.RuleError, match="test.once declared twice"):
        rules.declare("test.once", stage="strip", why="the same id again", into=reg)


DECLARING = {"declare", "rule", "register"}   # calls whose first argument is a rule id being declared


def _declared_here(tree: ast.AST) -> set[int]:
    return {id(n.args[0]) for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
            and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in DECLARING}


def test_no_rule_id_is_a_string_literal_outside_its_declaration() -> None:
    """Code uses the constant a declaration returns (``X = declare("strip.x", ...)``), so an id is
    written once: a string literal equal to a declared id anywhere else in pipeline/ fails."""
    ids = {r.id for r in rules.all_rules()}
    found = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        declaring = _declared_here(tree)
        found += [f"{path.relative_to(ROOT)}:{n.lineno}: {n.value}" for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in ids and id(n) not in declaring]
    assert found == []


def test_the_literal_scan_finds_an_id_written_twice() -> None:
    tree = ast.parse('X = declare("strip.x", stage="strip", why="w")\nlabels = [("content", "strip.x")]\n')
    declaring = _declared_here(tree)
    assert [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == "strip.x"
            and id(n) not in declaring] == [2]


def test_every_code_rule_id_is_written_once_in_a_declaration() -> None:
    """Each code rule's id appears once, as the first argument of its declaration in the module
    that applies it (there is no separate catalog of ids)."""
    sites: dict[str, list[str]] = {}
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Call) and n.args and isinstance(n.args[0], ast.Constant) \
                    and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in DECLARING:
                sites.setdefault(n.args[0].value, []).append(str(path.relative_to(ROOT)))
    code = [r.id for r in rules.all_rules() if r.origin == "code"]
    assert {i: sites.get(i, []) for i in code if len(sites.get(i, [])) != 1} == {}


def test_a_config_rule_may_not_reuse_a_code_rule_id() -> None:
    base = load_config(None)
    data = json.loads(json.dumps(base.data))
    data["strip"]["block_rules"].append({"id": "strip.default_content", "description": "clash", "patterns": ["x"]})
    with pytest.raises(rules.RuleError, match="strip.default_content declared twice \\(code and config\\)"):
        rules.registry(Config("clash.yaml", data))


def test_config_rules_take_their_parameters_from_the_block() -> None:
    r = rules.get("strip.flash_notice")
    assert r.origin == "config" and r.stage == "strip"
    assert r.why.startswith("plug-in notices")
    assert r.params["max_words"] == {"type": "integer", "default": 25}
    assert "id" not in r.params and "description" not in r.params


def test_copyright_signals_are_config_rules() -> None:
    r = rules.get("copyright.long_quotation")
    assert r.stage == "copyright" and r.params["min_words"]["default"] == 300


def test_the_decorator_declares_the_function_as_the_rule() -> None:
    reg = rules.Registry()

    @rules.rule("test.decorated", stage="quotes", why="a test rule", params=["max_cue_tokens"], into=reg)
    def detector() -> None:
        """A detector."""

    r = reg.get("test.decorated")
    assert r.fn is detector and r.params == {"max_cue_tokens": {}}


def test_a_family_rule_covers_ids_built_from_config_values() -> None:
    assert rules.get("extract.skip.script").id == "extract.skip"
    assert rules.registry().find("extract.skipped") is None


def test_a_rule_declared_with_a_kind_is_asked_for_by_its_kind_not_its_id() -> None:
    reg = rules.Registry()
    rules.declare("strip.test_kind.line", stage="strip", why="a test rule", kind="text", into=reg)
    assert reg.get("strip.test_kind.line").kind == "text"
    assert rules.kind_of("strip.text.main_body") == "text" and rules.kind_of("strip.html.main_text") == "html"
    assert rules.kind_of("strip.copyright_line") is None and rules.kind_of("no_such.rule") is None


def test_every_strip_structure_rule_is_declared_with_the_kind_of_its_format() -> None:
    """The html and text-dump structure rules are the ones their format's other rules may replace (kind_of)."""
    for r in rules.code_rules().all():
        if r.stage == "strip":
            fmt = r.id.split(".")[1]
            assert r.kind == (fmt if fmt in ("html", "text") else None), r.id


def test_a_notice_holder_is_a_config_rule_of_its_notice_rule() -> None:
    assert rules.holder_id("strip.copyright_footer") in rules.registry()
    assert rules.get(rules.holder_id("strip.copyright_footer")).origin == "config"


def test_unknown_rule_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "no_such.rule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such.rule" in err


def test_every_rule_names_a_stage_and_says_why() -> None:
    for r in rules.all_rules():
        assert r.stage in rules.STAGE_ORDER, r.id
        assert r.id.startswith(r.stage + "."), r.id
        assert r.why.strip(), r.id


def test_every_parameter_of_a_code_rule_is_a_key_of_the_config() -> None:
    """A declaration naming a key the config does not have has drifted from the code."""
    rules.check_config()


def test_a_missing_parameter_is_a_config_error_naming_the_rule() -> None:
    from pipeline.errors import ConfigError

    data = json.loads(json.dumps(load_config(None).data))
    del data["strip"]["text"]["max_gap"]
    with pytest.raises(ConfigError, match="rule strip.text.attached_line: parameter strip.text.max_gap is missing"):
        rules.check_config(Config("missing.yaml", data))


def test_rule_with_id_shows_counts_per_document(seeds_processed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "extract.text_line", "--out", str(seeds_processed), "--json"]) == 0
    fired = json.loads(capsys.readouterr().out)["fired"]
    stats = json.loads((seeds_processed / "rule_stats.json").read_text(encoding="utf-8"))
    expected = {d: s["extract.text_line"] for d, s in stats["documents"].items() if "extract.text_line" in s}
    assert fired == expected and len(fired) == 2


def test_rule_with_id_and_no_processed_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "strip.ui_label", "--out", str(tmp_path / "none")]) == 0
    assert "no processed corpus" in capsys.readouterr().out


# ------------------------------------------------------------------------------ statistics
def test_every_run_writes_rule_statistics(seeds_processed: Path) -> None:
    stats = json.loads((seeds_processed / "rule_stats.json").read_text(encoding="utf-8"))
    assert stats["schema"] == "pipeline.rule_stats/1"
    for rid, total in stats["totals"].items():
        per_doc = [s[rid] for s in stats["documents"].values() if rid in s] + (
            [stats["corpus"][rid]] if rid in stats["corpus"] else [])
        assert total["fired"] == sum(c["fired"] for c in per_doc), rid
        assert total["documents"] == sum(1 for s in stats["documents"].values() if rid in s), rid


def test_statistics_count_a_rule_once_per_record() -> None:
    outputs = {"quotes": {"quotations": [{"rule": "quotes.marks.paired",
                                          "rules": ["quotes.marks.paired", "quotes.speaker.pronoun"],
                                          "speaker": {"name": "X", "rule": "quotes.speaker.pronoun"}}]}}
    stats = rule_stats.document_stats(outputs)
    assert stats["quotes.marks.paired"] == {"fired": 1, "records": 1, "chars_removed": 0}
    assert stats["quotes.speaker.pronoun"] == {"fired": 1, "records": 0, "chars_removed": 0}


def test_statistics_count_characters_removed_by_strip_and_normalise() -> None:
    outputs = {
        "extract": {"blocks": [{"id": "b1", "text": "Share this"}, {"id": "b2", "text": "Body text."}],
                    "gaps": [{"raw_start": 10, "raw_end": 12, "rule": "extract.line_break"}]},
        "strip": {"decisions": [{"block": "b1", "label": "boilerplate", "rule": "strip.ui_label", "raw_start": 0, "raw_end": 10},
                                {"block": "b2", "label": "content", "rule": "strip.default_content", "raw_start": 12, "raw_end": 22}],
                  "inline_removals": [{"rule": "strip.edit_link", "text": " [edit]"}]},
        "normalise": {"edits": [{"before": "  ", "after": " ", "rule": "normalise.whitespace.collapse"},
                                {"before": "“", "after": '"', "rule": "normalise.quotes.double"}]},
    }
    stats = rule_stats.document_stats(outputs)
    removed = {k: v["chars_removed"] for k, v in stats.items()}
    assert removed == {"extract.line_break": 2, "strip.ui_label": 10, "strip.default_content": 0,
                       "strip.edit_link": 7, "normalise.whitespace.collapse": 1, "normalise.quotes.double": 0}


def test_statistics_of_unchanged_documents_come_from_the_cache(seeds_processed: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from conftest import RAW
    from pipeline.store import list_raw

    out = tmp_path / "p"
    shutil.copytree(seeds_processed, out, copy_function=shutil.copy2)
    first = rule_stats.build(out, list_raw(RAW))

    def no_reading(outputs: Any) -> None:
        raise AssertionError("an unchanged document was read again")

    monkeypatch.setattr(rule_stats, "document_stats", no_reading)
    assert rule_stats.build(out, list_raw(RAW)) == first
