"""The measured children of ``make bench``: each runs in its own process
(``python -m benchmarks.run --child NAME ...``) and prints one JSON line with its own timings;
the parent adds wall time and peak RSS."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any, Callable

from .common import STAGE_NAMES


def _docs_and_config(raw: str) -> tuple[list[Any], Any]:
    from pipeline.config import load_config
    from pipeline.store import list_raw

    return list_raw(Path(raw)), load_config(None)


def child_stage(raw: str, out: str, stage_name: str) -> dict[str, Any]:
    """One stage alone over every document; earlier outputs are read from disk, untimed."""
    from pipeline.runner import stage_inputs, load_context, run_stage
    from pipeline.stages import stage

    docs, config = _docs_and_config(raw)
    spec = stage(stage_name)
    seconds, nbytes, first, first_bytes = 0.0, 0, None, 0
    for doc in docs:
        ctx = load_context(doc, Path(raw), Path(out), stage_inputs(spec), config)
        t0 = time.perf_counter()
        run_stage(spec, ctx, config)
        dt = time.perf_counter() - t0
        if first is None:  # imports, model load: reported apart
            first, first_bytes = dt, len(ctx.raw_bytes)
        seconds += dt
        nbytes += len(ctx.raw_bytes)
    return {"docs": len(docs), "bytes": nbytes, "seconds": seconds, "first_doc_seconds": first,
            "first_doc_bytes": first_bytes}


def _nlp(config: Any) -> Any:
    """The model as shipped (``spacy.load`` with its default pipes, the lemmatizer included): the
    baseline a user would run. The quotation stage loads its own copy (it leaves the lemmatizer
    out and computes the few lemmas it reads on demand), so the two do not share a model."""
    import spacy

    return spacy.load(config.section("quotes").get("model") or "en_core_web_sm")


def _clean_texts(docs: list[Any], out: str) -> list[str]:
    from pipeline.store import read_json

    return [read_json(Path(out) / "03_normalise" / f"{d.doc_id}.json")["text"] for d in docs]


def child_front_vs_trafilatura(raw: str, limit: str, rounds: str = "1", decider: str = "") -> dict[str, Any]:
    """extract+strip+normalise against trafilatura.extract on the same HTML pages, page by page.

    With ``rounds`` > 1 every page is measured that many times on both sides (alternating which
    goes first) and each side's fastest time of the page counts: on a loaded machine the
    minimum is the figure least disturbed by other processes. ``decider`` (``trafilatura`` or
    ``own``) overrides the config's ``strip.html.decider``."""
    import trafilatura

    from pipeline.runner import DocContext, run_stage
    from pipeline.stages import stage
    from pipeline.store import read_raw_bytes, sha256_bytes

    docs, config = _docs_and_config(raw)
    if decider:
        config.data["strip"]["html"]["decider"] = decider
    html = [d for d in docs if d.name.endswith((".html", ".htm"))][: int(limit) or None]
    specs = [stage(n) for n in ("extract", "strip", "normalise")]
    inner = [0.0]  # trafilatura as called by the strip stage itself, if it does
    try:
        from pipeline.stages.strip import html_page as strip_html

        wrapped = strip_html.trafilatura_text

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return wrapped(*args, **kwargs)
            finally:
                inner[0] += time.perf_counter() - t0

        strip_html.trafilatura_text = timed
    except (ImportError, AttributeError):
        pass
    n = len(html)
    best = [[float("inf")] * n, [float("inf")] * n]   # [ours, theirs] per page
    stages_best = [{s.name: float("inf") for s in specs} for _ in range(n)]
    inner_best = [float("inf")] * n
    nbytes = 0
    for r in range(max(1, int(rounds))):
        for i, doc in enumerate(html):
            data = read_raw_bytes(doc, Path(raw))
            if not r:
                nbytes += len(data)
            # Alternate which goes first, so that neither always finds the page in a warm cache.
            order = (0, 1) if (i + r) % 2 == 0 else (1, 0)
            for who in order:
                t0 = time.perf_counter()
                if who == 0:
                    ctx = DocContext(doc.doc_id, doc.name, data, sha256_bytes(data))
                    inner_before = inner[0]
                    for spec in specs:
                        t1 = time.perf_counter()
                        run_stage(spec, ctx, config)
                        stages_best[i][spec.name] = min(stages_best[i][spec.name], time.perf_counter() - t1)
                    inner_best[i] = min(inner_best[i], inner[0] - inner_before)
                else:
                    trafilatura.extract(data)
                best[who][i] = min(best[who][i], time.perf_counter() - t0)
    # first page: imports and caches on both sides; not counted
    ours, theirs = sum(best[0][1:]), sum(best[1][1:])
    per_doc = [a / b if b else float("nan") for a, b in zip(best[0][1:], best[1][1:])]
    by_stage = {s.name: sum(p[s.name] for p in stages_best[1:]) for s in specs}
    return {"docs": max(0, n - 1), "bytes": nbytes, "rounds": max(1, int(rounds)), "ours_seconds": ours,
            "trafilatura_seconds": theirs, "median_page_ratio": statistics.median(per_doc) if per_doc else None,
            "by_stage": by_stage, "trafilatura_inside_strip_seconds": sum(inner_best[1:]),
            "decider": config.data["strip"]["html"]["decider"]}


def child_spacy(raw: str, out: str, batch_size: str) -> dict[str, Any]:
    """The quotation stage, ``nlp.pipe`` alone and textacy's ``direct_quotations``, side by side.

    Documents go in groups of ``batch_size``: our stage on each document of the group (as the
    pipeline calls it), then the same model's ``nlp.pipe`` over the group's clean texts, then
    ``direct_quotations`` on the parses. The model is the quotation stage's (its loader is cached,
    so all three share one model); stage inputs are read from disk untimed.
    """
    from textacy.extract import direct_quotations

    from pipeline.runner import stage_inputs, load_context, run_stage
    from pipeline.stages import stage

    docs, config = _docs_and_config(raw)
    spec = stage("quotes")
    needs = stage_inputs(spec)
    t0 = time.perf_counter()
    nlp = _nlp(config)
    load = time.perf_counter() - t0
    ours = parse = dq = 0.0
    found = theirs_found = tokens = chars = nbytes = bailed = 0
    b = int(batch_size)
    for g in range(0, len(docs), b):
        texts = []
        for doc in docs[g:g + b]:
            ctx = load_context(doc, Path(raw), Path(out), needs, config)
            nbytes += len(ctx.raw_bytes)
            texts.append(ctx.outputs["normalise"]["text"])
            t0 = time.perf_counter()
            res = run_stage(spec, ctx, config)
            ours += time.perf_counter() - t0
            found += len(res.get("quotations", []))
        chars += sum(map(len, texts))
        t0 = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=b))
        t1 = time.perf_counter()
        for d in parsed:
            try:
                theirs_found += sum(1 for _ in direct_quotations(d))
            except ValueError:  # textacy gives up on unbalanced quotation marks
                bailed += 1
            tokens += len(d)
        parse += t1 - t0
        dq += time.perf_counter() - t1
    return {"docs": len(docs), "bytes": nbytes, "chars": chars, "tokens": tokens, "load_seconds": load,
            "quotes_seconds": ours, "pipe_seconds": parse, "direct_quotations_seconds": dq,
            "ours_quotations": found, "textacy_quotations": theirs_found, "textacy_gave_up": bailed,
            "pipeline": list(nlp.pipe_names)}


def child_pipe(raw: str, out: str, batch_size: str) -> dict[str, Any]:
    """The model as shipped loaded, then ``nlp.pipe`` over the clean texts of ``out`` (read untimed
    before the load): the other side of the whole-pipeline ratio, its process timed by the parent."""
    docs, config = _docs_and_config(raw)
    texts = _clean_texts(docs, out)
    t0 = time.perf_counter()
    nlp = _nlp(config)
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=int(batch_size)))
    return {"docs": len(docs), "tokens": tokens, "seconds": time.perf_counter() - t0}


CHILDREN: dict[str, Callable[..., dict[str, Any]]] = {
    "stage": child_stage, "spacy": child_spacy, "front": child_front_vs_trafilatura, "pipe": child_pipe,
}
