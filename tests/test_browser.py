"""The report in a real browser: headless Chromium opens the pages from disk.

Checks that no console message is logged (a script error, a blocked resource or a refused
injected script would all log one), that the report's own script ran, that nothing in the
documents executed, and that the highlighted quotations match the JSON. Saves a screenshot
(set REPORT_SCREENSHOT=path to keep a copy). Skips only outside CI when no Chromium exists.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_report_sample import make_sample

from pipeline import report
from pipeline.store import list_raw

pytestmark = pytest.mark.slow
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_browser() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


@pytest.fixture(scope="module")
def browser() -> str:
    path = find_browser()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: no chromium found (.ci/run installs Debian's chromium)")
        pytest.skip("no chromium on this machine (apt-get install chromium); CI runs this test")
    return path


def chromium(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
           "--hide-scrollbars", "--mute-audio", f"--user-data-dir={tmp / 'profile'}",
           "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def dump(browser: str, tmp: Path, page: Path) -> str:
    res = chromium(browser, tmp, "--dump-dom", page.as_uri())
    assert res.returncode == 0, res.stderr[-2000:]
    assert console_messages(res.stderr) == [], f"{page.name}: console messages"
    assert 'data-report-js="ok"' in res.stdout, f"{page.name}: the report's script did not run"
    return res.stdout


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw, out, config = make_sample(tmp_path_factory.mktemp("browser"))
    report.build(out, list_raw(raw), config)
    return out


def highlighted(dom: str) -> list[str]:
    return re.findall(r'<span class="q [^"]*"[^>]* id="t-(q\d+)"', dom)


def test_document_page_runs_cleanly_and_highlights_every_quotation(browser: str, sample_report: Path, tmp_path: Path) -> None:
    dom = dump(browser, tmp_path, sample_report / "report" / "001_bridge.txt.html")
    quotes = json.loads((sample_report / "04_quotes" / "001_bridge.txt.json").read_text(encoding="utf-8"))["quotations"]
    assert highlighted(dom) == [q["id"].split("#")[1] for q in quotes]


def test_script_and_handlers_in_documents_never_run(browser: str, sample_report: Path, tmp_path: Path) -> None:
    for name in ("001_bridge.txt.html", "002_bridge.html.html", "index.html"):
        dom = dump(browser, tmp_path, sample_report / "report" / name)
        assert "PWNED" not in dom.split("<body")[0]  # the title was not rewritten
        assert len(re.findall(r"<script>", dom)) == 1
        assert not re.search(r"<img\b", dom)


def test_seed_report_matches_the_json(browser: str, seeds_processed: Path, tmp_path: Path) -> None:
    dump(browser, tmp_path, seeds_processed / "report" / "index.html")
    for path in sorted((seeds_processed / "04_quotes").glob("*.json")):
        quotes = json.loads(path.read_text(encoding="utf-8"))["quotations"]
        dom = dump(browser, tmp_path, seeds_processed / "report" / f"{path.name[:-5]}.html")
        assert len(highlighted(dom)) == len(quotes), path.name


def test_screenshot_of_a_document_page(browser: str, sample_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report-screenshot.png"
    res = chromium(browser, tmp_path, f"--screenshot={shot}", "--window-size=1400,1000",
                   (sample_report / "report" / "001_bridge.txt.html").as_uri())
    assert res.returncode == 0 and console_messages(res.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a rendered page, not a blank one
    if os.environ.get("REPORT_SCREENSHOT"):
        shutil.copy(shot, os.environ["REPORT_SCREENSHOT"])
