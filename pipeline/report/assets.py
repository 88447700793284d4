"""The page shell: inline CSS, the table-sorting script and the CSP that allows only that script."""

from __future__ import annotations

import hashlib

from .load import PALETTE, esc

CSS = """
:root{--ink:#1f2430;--mute:#6b7280;--line:#e5e7eb;--bg:#f7f7f5;--card:#fff;--accent:#2f5fb3;--flag:#c92a2a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#1f2a44;color:#fff;padding:14px 28px}
header h1{margin:0;font-size:20px;font-weight:600;word-break:break-all}
header .meta{color:#c8d1e6;font-size:13px;margin-top:2px}
header a{color:#c8d1e6}
main{padding:18px 28px 40px;max-width:1500px;margin:0 auto}
h2{font-size:17px;margin:26px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:108px}
.card b{display:block;font-size:20px;font-weight:600}
.card span{color:var(--mute);font-size:12px}
.card.warn b{color:var(--flag)}
.grid{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:18px;align-items:start}
.textbox{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:20px 26px;max-height:78vh;overflow:auto}
.doc{font:15.5px/1.75 Georgia,"Times New Roman",serif;white-space:pre-wrap;overflow-wrap:anywhere;max-width:92ch}
.doc.html{white-space:normal}
.side{position:sticky;top:10px;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;font-size:13px;max-height:92vh;overflow:auto}
.side h3{font-size:13px;margin:10px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.side h3:first-child{margin-top:0}
.legend div{margin:3px 0}
.note{background:#fff4e6;border:1px solid #ffd8a8;border-radius:6px;padding:8px 12px;margin:8px 0;font-size:13.5px}
.err{background:#fff5f5;border:1px solid #ffc9c9;border-radius:6px;padding:8px 12px;margin:8px 0;font-size:13.5px;color:#862e2e}
/* removed and changed raw text */
.bp,.ir{color:#9aa0a6;text-decoration:line-through;text-decoration-color:#b0b6bd}
.lbl,.nt{display:inline-block;font:11px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#5c6370;background:#eef0f3;border-radius:3px;padding:0 4px;margin:0 4px 0 0;text-decoration:none;vertical-align:1px;white-space:nowrap}
.nt{background:#fff0f6;color:#a61e4d}
.ed{text-decoration:underline dotted #e8590c;text-underline-offset:3px;background:#fff4e6}
.ed.ws{background:none;text-decoration:none;box-shadow:inset 0 -2px 0 #ffe8cc}
.mk{display:none;font:11.5px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#a3a9b3}
.mk .more{font-style:italic;color:#868e96}
.bs{display:block;height:.55em}
#showmk:checked ~ .grid .doc.html{white-space:pre-wrap}
#showmk:checked ~ .grid .mk{display:inline}
#showmk:checked ~ .grid .bs{display:none}
.ent{border-bottom:1px dotted #868e96}
/* quotations and what goes with them */
.q{border-radius:3px;padding:1px 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.q.s-none{background:#e9ecef;box-shadow:inset 0 -2px 0 #adb5bd}
.qb{display:inline-block;font:600 10.5px/1.3 system-ui,sans-serif;color:#fff;background:#364fc7;border-radius:3px;padding:0 4px;margin-right:3px;text-decoration:none;vertical-align:2px}
.ip{background:#fff;color:#495057;font-style:italic;border:1px dashed #868e96;border-radius:3px;padding:0 2px}
.spk{font-weight:700;border-bottom:3px solid #364fc7}
.cue{border-bottom:1px dashed #495057}
.att,.ref{background:#e7f5ff;box-shadow:inset 0 -2px 0 #74c0fc}
.rb{display:inline-block;font:600 10.5px/1.3 system-ui,sans-serif;color:#1864ab;background:#d0ebff;border-radius:3px;padding:0 4px;margin-right:3px;vertical-align:2px}
.bk{color:#1864ab;margin-left:4px}
.fl{border:1.5px solid var(--flag);border-radius:3px;padding:2px 3px;background:#fff5f5}
.fb{display:inline-block;font:600 11px/1.3 system-ui,sans-serif;color:#fff;background:var(--flag);border-radius:3px;padding:1px 6px;margin:0 4px 2px 0;text-decoration:none;font-style:normal}
:target{outline:3px solid #fab005;outline-offset:2px}
tr:target{outline:none}
tr:target td{background:#fff9db}
/* tables */
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;font-size:13.5px}
th{position:sticky;top:0;background:#f1f3f5;text-align:left;font-weight:600;padding:7px 9px;border-bottom:1px solid var(--line);white-space:nowrap}
.sortable th{cursor:pointer;user-select:none}
.sortable th:after{content:" ⇅";color:#adb5bd;font-weight:400}
th.asc:after{content:" ▲";color:var(--accent)}
th.desc:after{content:" ▼";color:var(--accent)}
td{padding:6px 9px;border-bottom:1px solid #f1f3f5;vertical-align:top}
td.num,th.num{text-align:right}
.sub{color:var(--mute);font-size:12px}
.none{color:#adb5bd}
.qt{font-family:Georgia,serif}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.15)}
.sw.plain{background:#fff}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
details{margin:8px 0}
summary{cursor:pointer;font-weight:600}
a{color:var(--accent)}
.fl-link{color:var(--flag);font-weight:600}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0;font-size:13px}
dl.prov dt{color:var(--mute)}
dl.prov dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.tw{overflow-x:auto;max-height:70vh;overflow-y:auto;border-radius:8px}
""" + "".join(f".s{i}{{background:{c}}}.spk.s{i}{{background:none;border-bottom-color:{c};box-shadow:inset 0 -3px 0 {c}}}"
              f".sw.s{i}{{background:{c}}}\n" for i, c in enumerate(PALETTE)) + ".sw.s-none{background:#e9ecef}\n"

SORT_JS = """
(function(){
  function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent.trim():v;}
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads=table.querySelectorAll('th');
    heads.forEach(function(th,col){
      th.addEventListener('click',function(){
        var body=table.tBodies[0];if(!body)return;
        var asc=!th.classList.contains('asc');
        heads.forEach(function(h){h.classList.remove('asc','desc');});
        th.classList.add(asc?'asc':'desc');
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=key(a.cells[col]),y=key(b.cells[col]);
          var nx=parseFloat(x),ny=parseFloat(y);
          var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x.replace(/^0+(?=\\d)/,'')&&String(ny)===y.replace(/^0+(?=\\d)/,''))?nx-ny:x.localeCompare(y);
          return asc?c:-c;
        });
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.documentElement.setAttribute('data-report-js','ok');
})();
"""


def _script_hash() -> str:
    import base64

    return base64.b64encode(hashlib.sha256(SORT_JS.encode("utf-8")).digest()).decode("ascii")


def page(title: str, header_html: str, body: str) -> str:
    """A whole page. The CSP allows only our own script (by hash): even if some text escaped
    escaping, an injected script or event handler would be refused, not run."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{_script_hash()}'; img-src data:\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header>{header_html}</header><main>{body}</main><script>{SORT_JS}</script></body></html>\n")
