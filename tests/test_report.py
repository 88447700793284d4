"""The HTML audit report: what a person sees when checking the pipeline's work."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_report_sample import XSS_TEXT, make_sample

from pipeline import report
from pipeline.config import Config
from pipeline.errors import ConfigError
from pipeline.store import list_raw


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Config]:
    raw, out, config = make_sample(tmp_path_factory.mktemp("report"))
    report.build(out, list_raw(raw), config)
    return raw, out, config


def page(out: Path, name: str) -> str:
    return (out / "report" / name).read_text(encoding="utf-8")


class Checker(HTMLParser):
    """Fails on mis-nested tags; collects script elements and event-handler attributes."""

    VOID = {"meta", "input", "br", "img", "hr", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.scripts = 0
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def check(html_text: str) -> Checker:
    c = Checker()
    c.feed(html_text)
    c.close()
    assert c.stack == [], c.stack
    return c


def test_build_writes_an_index_and_one_page_per_document(sample: tuple[Path, Path, Config]) -> None:
    raw, out, _ = sample
    names = sorted(p.name for p in (out / "report").iterdir())
    assert names == sorted(["index.html"] + [f"{d.doc_id}.html" for d in list_raw(raw)])


def test_pages_are_well_formed_and_load_nothing_external(sample: tuple[Path, Path, Config]) -> None:
    _, out, _ = sample
    for p in (out / "report").iterdir():
        text = p.read_text(encoding="utf-8")
        check(text)
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), p.name
        assert "@import" not in text and "url(" not in text


def test_document_text_is_escaped_everywhere(sample: tuple[Path, Path, Config]) -> None:
    _, out, _ = sample
    for name in ("001_bridge.txt.html", "002_bridge.html.html", "index.html"):
        text = page(out, name)
        c = check(text)
        assert c.scripts == 1, "only the report's own script"
        assert c.handlers == [], "no event-handler attribute"
        assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page(out, "001_bridge.txt.html")
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page(out, "001_bridge.txt.html")  # a flag's reason is text too
    html_page = page(out, "002_bridge.html.html")  # the HTML document's own script and handler, as text
    assert "&lt;script&gt;" in html_page and "document.title=&#x27;PWNED&#x27;;alert(1)" in html_page
    assert "onerror=&quot;document.title=&#x27;PWNED&#x27;&quot;" in html_page


def test_only_the_reports_own_script_may_run(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert f"'sha256-{report._script_hash()}'" in csp
    assert f"<script>{report.SORT_JS}</script>" in text


def test_every_quotation_is_highlighted_once_and_linked_to_its_table_row(sample: tuple[Path, Path, Config]) -> None:
    _, out, _ = sample
    quotes = json.loads((out / "04_quotes" / "001_bridge.txt.json").read_text(encoding="utf-8"))["quotations"]
    text = page(out, "001_bridge.txt.html")
    highlighted = re.findall(r'<span class="q [^"]*"[^>]* id="t-(q\d+)"', text)
    assert highlighted == [f"q{i}" for i in range(1, len(quotes) + 1)]
    for q in highlighted:
        assert f'href="#row-{q}"' in text and f'<tr id="row-{q}">' in text and f'href="#t-{q}"' in text


def test_quotations_are_coloured_by_speaker(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    by_q = {q: c for c, q in re.findall(r'<span class="q (s[\w-]+)[^"]*"[^>]* id="t-(q\d+)"', text)}
    assert by_q["q1"] == by_q["q2"] != by_q["q3"]  # Jane Doe twice, Tom Lee once
    assert by_q["q4"] == "s-none"  # no speaker: grey, never a guessed colour
    assert "Jane Doe" in text.split('class="side"')[1].split("Legend")[0]


def test_quotation_row_links_source_reference_and_flag(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    row3 = text.split('<tr id="row-q3">')[1].split("</tr>")[0]
    assert 'href="#t-a1"' in row3 and 'href="#t-r1"' in row3 and "Tom Lee" in row3 and "not flagged" in row3
    row5 = text.split('<tr id="row-q5">')[1].split("</tr>")[0]
    assert 'href="#t-f1"' in row5 and "long quotation" in row5
    assert 'id="t-a1"' in text and 'id="t-r1"' in text
    assert '<a class="bk" href="#t-q3">' in text  # from the attribution line back to its quotation


def test_removed_blocks_are_struck_and_labelled_with_their_rule(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    assert re.search(r'<span class="bp" title="b1 removed as boilerplate: strip\.promo_banner" id="t-b1">'
                     r'<span class="lbl">strip\.promo_banner</span>Donate today', text)


def test_interpolations_and_flags_are_set_apart(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    assert re.search(r'<span class="ip" title="interpolation in q2[^"]*">\[by the regional fund\]</span>', text)
    assert re.search(r'<span class="fl" [^>]*id="t-f1"><a class="fb" href="#row-f1">⚑ f1 · summarise: a long quotation', text)


def test_normalisation_edits_are_marked_with_rule_and_change(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "001_bridge.txt.html")
    assert re.search(r'<span class="ed" title="normalise\.quotes\.double: &quot;“&quot; → &quot;\\&quot;&quot;">“</span>', text)


def test_html_pages_hide_markup_behind_a_toggle_and_show_entities_decoded(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "002_bridge.html.html")
    assert 'id="showmk"' in text
    assert '<span class="mk" title="extract.markup">&lt;b&gt;</span>' in text
    assert '<span class="ent" title="raw: &amp;ldquo;">“</span>' in text


def test_provenance_panel_names_raw_hash_and_every_stage_output(sample: tuple[Path, Path, Config]) -> None:
    raw, out, _ = sample
    text = page(out, "001_bridge.txt.html").split('id="provenance"')[1]
    sha = json.loads((out / "01_extract" / "001_bridge.txt.json").read_text(encoding="utf-8"))["document"]["raw_sha256"]
    assert f"{sha} (matches the raw file)" in text
    for folder in ("01_extract", "02_strip", "03_normalise", "04_quotes", "05_copyright", "06_publish"):
        assert f'href="../{folder}/001_bridge.txt.json"' in text


def test_index_lists_documents_and_corpus_tables_sortably(sample: tuple[Path, Path, Config]) -> None:
    text = page(sample[1], "index.html")
    for table in ("doctable", "corpusq", "corpuss"):
        assert f'<table class="sortable" id="{table}">' in text
    assert 'href="001_bridge.txt.html#t-q3"' in text  # a corpus quotation links to where it occurs
    assert "Mayor Jane Doe" in text  # name variants


def test_report_is_deterministic(tmp_path: Path, sample: tuple[Path, Path, Config]) -> None:
    raw, out, config = sample
    before = {p.name: p.read_bytes() for p in (out / "report").iterdir()}
    report.build(out, list_raw(raw), config)
    assert {p.name: p.read_bytes() for p in (out / "report").iterdir()} == before


def test_pages_of_removed_documents_are_deleted(tmp_path: Path) -> None:
    raw, out, config = make_sample(tmp_path)
    report.build(out, list_raw(raw), config)
    (raw / "002_bridge.html").unlink()
    report.build(out, list_raw(raw), config)
    assert not (out / "report" / "002_bridge.html.html").exists()


def test_long_documents_are_cut_with_a_note(tmp_path: Path) -> None:
    raw, out, config = make_sample(tmp_path)
    small = Config(config.path, {**config.data, "report": {"max_page_chars": 200}})
    report.build(out, list_raw(raw), small)
    text = page(out, "001_bridge.txt.html")
    check(text)
    assert "The page shows the first 200 of" in text
    assert '<tr id="row-q5">' in text  # the tables still cover the whole document


def test_layout_closes_and_reopens_crossing_spans() -> None:
    marks = [report.Mark(0, 6, 1, "a", anchor="A"), report.Mark(3, 9, 2, "b", anchor="B")]
    out = report.layout("0123456789", marks, [], 10)
    assert out == ('<span class="a" id="A">012<span class="b" id="B">345</span></span>'
                   '<span class="b" data-cont="1">678</span>9')


def test_layout_escapes_text_between_marks() -> None:
    out = report.layout("<b>&</b>", [report.Mark(3, 4, 1, "x")], [], 8)
    assert out == '&lt;b&gt;<span class="x">&amp;</span>&lt;/b&gt;'


def test_unknown_report_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="report: unknown key 'colour'"):
        report.settings(Config("pipeline.yaml", {"report": {"colour": 1}}))


def test_report_command_rebuilds_the_report(tmp_path: Path) -> None:
    from pipeline.cli import main

    raw, out, _ = make_sample(tmp_path)
    assert main(["report", "--raw", str(raw), "--out", str(out)]) == 0
    assert (out / "report" / "index.html").exists()


def test_seed_pages_show_every_quotation_of_the_outputs(seeds_processed: Path) -> None:
    for doc in list_raw(Path(__file__).resolve().parent.parent / "raw"):
        text = page(seeds_processed, f"{doc.doc_id}.html")
        quotes = json.loads((seeds_processed / "04_quotes" / f"{doc.doc_id}.json").read_text(encoding="utf-8"))
        check(text)
        assert len(re.findall(r'<span class="q [^"]*"[^>]* id="t-', text)) == len(quotes["quotations"])
    assert XSS_TEXT not in page(seeds_processed, "index.html")


def test_a_failed_document_gets_a_page_and_its_error_in_the_index(tmp_path: Path) -> None:
    raw, out, config = make_sample(tmp_path)
    (raw / "003_bad.txt").write_bytes(b"\x00\x01binary")
    (out / "errors").mkdir()
    (out / "errors" / "003_bad.txt.extract.txt").write_text("003_bad.txt: extract: binary file <refused>\ntrace", encoding="utf-8")
    report.build(out, list_raw(raw), config)
    assert "There is no extract output" in page(out, "003_bad.txt.html")
    index = page(out, "index.html")
    assert "003_bad.txt: extract: binary file &lt;refused&gt;" in index
    check(index)
