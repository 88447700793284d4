"""textacy's ``direct_quotations`` on the same clean text, scored by the same scorer (a benchmark,
not a test): docs/textacy_comparison.md.

    python -m benchmarks.textacy_quotes --processed DIR --gold GOLD [--out DIR]

Reads ``DIR/03_normalise`` (the text our quotation stage reads), parses each paragraph with the
same spaCy model (``quotes.model``), runs ``textacy.extract.triples.direct_quotations`` and writes
its quotations as 04_quotes-like records to ``--out`` (speaker = textacy's speaker tokens, no
source, date, reference or interpolations: textacy has none), then prints ``pipeline evaluate``'s
table for both systems.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any


def textacy_quotes(normalised: dict[str, Any], nlp: Any) -> list[dict[str, Any]]:
    from textacy.extract.triples import direct_quotations

    text = normalised["text"]
    paras = [(p["start"], text[p["start"]:p["end"]]) for p in normalised["paragraphs"]]
    out = []
    for (base, _), doc in zip(paras, nlp.pipe([t for _, t in paras], batch_size=64)):
        try:
            triples = list(direct_quotations(doc))
        except (ValueError, IndexError):  # textacy raises on unbalanced quote marks
            continue
        for sp, cue, content in triples:
            s, e = content[0].idx, content[-1].idx + len(content[-1])
            s, e = base + s, base + e
            quoted = text[s:e].strip().strip('"“”').strip()
            s = text.find(quoted, s)
            name = " ".join(t.text for t in sp) or None
            out.append({"id": f"q{len(out) + 1}", "text": quoted, "start": s, "end": s + len(quoted),
                        "speaker": {"name": name} if name else None, "cue": " ".join(t.text for t in cue),
                        "source": None, "reference": None, "interpolations": []})
    return out


def main(argv: list[str] | None = None) -> None:
    from pipeline.config import load_config
    from pipeline.evaluate import evaluate, format_table

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processed", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="textacy-quotes-"))
    model = load_config(None).section("quotes")["model"]
    import spacy

    nlp = spacy.load(model)  # textacy gets the stock tokenizer
    (out / "04_quotes").mkdir(parents=True, exist_ok=True)
    for folder in ("01_extract", "03_normalise"):  # what the scorer reads besides 04_quotes
        if (out / folder).exists():
            shutil.rmtree(out / folder)
        shutil.copytree(args.processed / folder, out / folder)
    t0 = time.monotonic()
    for path in sorted((args.processed / "03_normalise").glob("*.json")):
        normalised = json.loads(path.read_text(encoding="utf-8"))
        payload = {"model": {"name": model, "version": nlp.meta.get("version")}, "references": [],
                   "attribution_lines": [], "quotations": textacy_quotes(normalised, nlp)}
        (out / "04_quotes" / path.name).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    print(f"textacy direct_quotations: {time.monotonic() - t0:.1f} s")
    for label, folder in (("pipeline quotes stage", args.processed), ("textacy direct_quotations", out)):
        print(f"\n## {label}\n")
        print(format_table(evaluate(args.gold, folder), columns_max=0))


if __name__ == "__main__":
    main()
