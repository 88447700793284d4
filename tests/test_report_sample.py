"""A small processed folder made by hand for the report and audit tests.

The first three stages run for real; the quotation, copyright and publish outputs are written
by hand following docs/RECORDS.md, so these tests check the report against the record contract
rather than against whatever the quotation stage finds today. Both documents carry script and
event-handler payloads, as text (.txt) and as markup (.html).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_CONFIG, Config, read_yaml
from pipeline.runner import DocContext, envelope, run_stage, write_stage_output
from pipeline.stages import stage, stages
from pipeline.stages.normalise import clean_text
from pipeline.store import dumps, list_raw, sha256_bytes

XSS_TEXT = '<script>alert(1)</script> and <img src=x onerror=alert(1)>'

TEXT_DOC = f"""Donate today to support our work!

Town council votes on new bridge

Jump to: navigation, search

The council met on Tuesday. “We will build the bridge before winter,” said Mayor Jane Doe, adding that the cost “is covered [by the regional fund] in full.”

A resident, Tom Lee, told the Daily Courier: “Nobody asked us.”[1]

Critics were blunt. “This is a waste of money”, one letter read.

(Daily Courier 02.03.2019)

The newsletter printed the whole statement: “{XSS_TEXT} were found in the comments, and the board said the bridge would be finished before the end of next year, whatever the cost, and whatever the weather.”

References
1. Daily Courier, 2 March 2019, page 4.

© 2019 Example News. All rights reserved.
"""

HTML_DOC = """<!DOCTYPE html><html><head><title>Bridge &amp; roads</title>
<script>document.title='PWNED';alert(1)</script><style>body{color:red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/a">Share</a></nav>
<h1>Bridge news</h1>
<p>The engineer said: &ldquo;The deck is <b>safe</b> to use.&rdquo; Residents disagreed.</p>
<p>Comments showed &lt;script&gt;alert(1)&lt;/script&gt; and <img src=x onerror="document.title='PWNED'"> as typed.</p>
<footer>Copyright 2020 Example. All rights reserved.</footer>
</body></html>
"""


def _config() -> Config:
    """The real config file, unvalidated: other sections may be mid-edit while we test."""
    return Config(str(DEFAULT_CONFIG), read_yaml(DEFAULT_CONFIG) or {})


def _span(clean: Any, text: str, needle: str, nth: int = 0) -> dict[str, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    r0, r1 = clean.to_raw(start, end)
    return {"start": start, "end": end, "raw_start": r0, "raw_end": r1}


def _quotes_for_text(doc_id: str, norm: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    clean = clean_text(norm)
    t = norm["text"]

    def q(n: int, needle: str, kind: str = "inline", speaker: str | None = None, **extra: Any) -> dict[str, Any]:
        rec: dict[str, Any] = {"id": f"{doc_id}#q{n}", "text": needle, **_span(clean, t, needle), "kind": kind,
                               "words": len(needle.split()), "speaker": None, "cue": None, "source": None,
                               "reference": None, "interpolations": [], "parent": None,
                               "rule": "quotes.inline_marks", "rules": ["quotes.inline_marks"]}
        if speaker:
            rec["speaker"] = {"name": speaker, "type": "person", **_span(clean, t, speaker),
                              "rule": "quotes.speaker.reporting_verb"}
        rec.update(extra)
        return rec

    att = {"id": f"{doc_id}#a1", "text": "(Daily Courier 02.03.2019)", **_span(clean, t, "(Daily Courier 02.03.2019)"),
           "outlet": "Daily Courier", "author": None, "person": None, "date": "2019-03-02", "date_text": "02.03.2019",
           "place": None, "rule": "quotes.attribution_line"}
    ref = {"id": f"{doc_id}#r1", "number": "1", "text": "Daily Courier, 2 March 2019, page 4.",
           **_span(clean, t, "Daily Courier, 2 March 2019, page 4."), "rule": "quotes.reference_list"}
    quotes = [
        q(1, "We will build the bridge before winter,", speaker="Jane Doe",
          cue={"text": "said", **_span(clean, t, "said")}),
        q(2, "is covered [by the regional fund] in full.", speaker="Jane Doe",
          interpolations=[{"text": "[by the regional fund]", **_span(clean, t, "[by the regional fund]"),
                           "rule": "quotes.interpolation.brackets"}]),
        q(3, "Nobody asked us.", speaker="Tom Lee",
          source={"outlet": "Daily Courier", "author": None, "date": "2019-03-02", "date_text": "02.03.2019",
                  "attribution": att["id"], "raw_start": att["raw_start"], "raw_end": att["raw_end"]},
          reference={"number": "1", "ref": ref["id"], "text": ref["text"], "raw_start": ref["raw_start"],
                     "raw_end": ref["raw_end"]}),
        q(4, "This is a waste of money"),
    ]
    long_start = t.index(XSS_TEXT)
    long_end = t.index("whatever the weather.") + len("whatever the weather.")
    long_text = t[long_start:long_end]
    quotes.append(q(5, long_text, kind="block"))
    payload = {"model": {"name": "hand-made", "version": "0"}, "references": [ref], "attribution_lines": [att],
               "quotations": quotes}
    flag = {"id": f"{doc_id}#f1", **_span(clean, t, long_text), "rule": "copyright.long_quotation",
            "rules": ["copyright.long_quotation"], "signals": {"words": {"value": len(long_text.split()), "threshold": 25}},
            "quotations": [quotes[-1]["id"]], "notice": None, "action": "summarise",
            "reason": "a long quotation reproduced in full <b>not bold</b>"}
    return payload, {"flags": [flag], "document_signals": {}}


def _quotes_for_html(doc_id: str, norm: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    clean = clean_text(norm)
    t = norm["text"]
    needle = "The deck is safe to use."
    rec = {"id": f"{doc_id}#q1", "text": needle, **_span(clean, t, needle), "kind": "inline", "words": 6,
           "speaker": None, "cue": None, "source": None, "reference": None, "interpolations": [], "parent": None,
           "rule": "quotes.inline_marks", "rules": ["quotes.inline_marks"]}
    return ({"model": {"name": "hand-made", "version": "0"}, "references": [], "attribution_lines": [],
             "quotations": [rec]}, {"flags": [], "document_signals": {}})


def make_sample(root: Path) -> tuple[Path, Path, Config]:
    """raw/ with a text and an HTML document, and out/ with every stage's output; returns (raw, out, config)."""
    raw_dir, out_dir = root / "raw", root / "out"
    raw_dir.mkdir(parents=True, exist_ok=True)
    (raw_dir / "001_bridge.txt").write_text(TEXT_DOC, encoding="utf-8")
    (raw_dir / "002_bridge.html").write_text(HTML_DOC, encoding="utf-8")
    config = _config()
    for doc in list_raw(raw_dir):
        data = doc.path.read_bytes()
        ctx = DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))
        for spec in stages()[:3]:
            write_stage_output(spec, out_dir, doc.doc_id, run_stage(spec, ctx, config))
        make = _quotes_for_html if doc.name.endswith(".html") else _quotes_for_text
        quotes, copyright_ = make(doc.doc_id, ctx.outputs["normalise"])
        for name, payload in (("quotes", quotes), ("copyright", copyright_),
                              ("publish", {"markdown": ctx.outputs["normalise"]["text"], "placeholders": []})):
            spec = stage(name)
            out = envelope(spec, ctx, config, payload)
            ctx.outputs[name] = out
            path = out_dir / spec.folder / f"{doc.doc_id}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dumps(out), encoding="utf-8")
    corpus = out_dir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "quotations.jsonl").write_text(
        '{"id": "cq1", "text": "Nobody asked us.", "occurrences": [{"document": "001_bridge.txt", '
        '"quotation": "001_bridge.txt#q3", "raw_start": 0, "raw_end": 0}], "speakers": ["Tom Lee"]}\n', encoding="utf-8")
    (corpus / "speakers.jsonl").write_text(
        '{"id": "s1", "name": "Jane Doe", "variants": ["Jane Doe", "Mayor Jane Doe"], "type": "person", '
        '"quotations": ["001_bridge.txt#q1", "001_bridge.txt#q2"]}\n', encoding="utf-8")
    return raw_dir, out_dir, config


def test_sample_records_point_at_their_raw_text(tmp_path: Path) -> None:
    raw_dir, out_dir, _ = make_sample(tmp_path)
    import json

    quotes = json.loads((out_dir / "04_quotes" / "001_bridge.txt.json").read_text(encoding="utf-8"))
    raw = (raw_dir / "001_bridge.txt").read_text(encoding="utf-8")
    q3 = quotes["quotations"][2]
    assert raw[q3["raw_start"]:q3["raw_end"]] == "Nobody asked us."
