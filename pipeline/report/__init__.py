"""The audit report: static HTML pages, one per document and an index, built from the stage outputs.

Each document page shows the raw text (the coordinate system of every record) with every record
laid over it as a span: removed boilerplate struck through and labelled with its rule, inline
removals, normalisation edits, quotations coloured by speaker (with their speaker, cue,
attribution line and reference), interpolations set apart and copyright flags boxed with their
reason. Pages need no server and load nothing: CSS and the small table-sorting script are inline,
and every piece of document text goes through ``html.escape``. Output is deterministic (no
timestamps) so that a re-run gives byte-identical pages.

The package: ``load`` (stage outputs, settings), ``layout`` (records as nested spans), ``pages``
(a document's page), ``index`` (the index page), ``assets`` (CSS, script, CSP) and ``build``
(incremental build, the ``report`` command).
"""

from __future__ import annotations

from .assets import CSS, SORT_JS, _script_hash, page
from .build import STAMP, BuildResult, build, page_fingerprint, report_code_hash, _report_args, _report_main
from .index import index_page, index_row
from .layout import Atom, Mark, Speakers, build_marks, layout, page_cut
from .load import DEFAULTS, PALETTE, DocData, LineIndex, esc, href, load_doc, local_id, page_name, read_jsonl, settings, short
from .pages import doc_page, provenance_html, quotation_rows

COMMANDS = {
    "report": ("rebuild the HTML audit report (report/index.html) from the stage outputs", _report_args, _report_main),
}
