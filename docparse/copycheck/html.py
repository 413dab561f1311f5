"""Self-contained HTML copy-check report: summary on top, then both texts side by side per reference.

No CDN, no external file: inline CSS and a few lines of inline JavaScript. Copied passages are
highlighted in both texts and link to each other (click one to jump to its counterpart);
boilerplate has its own colour. Offsets are sliced in Python, so characters outside the BMP
(𠮷) cannot shift highlights.
"""

from __future__ import annotations

from html import escape

from docparse.copycheck.report import COPIED, CopyReport, ReferenceResult

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 8px} h2{font-size:17px;margin:18px 24px 8px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:bold}
.v-copied{background:#c0392b}.v-partly{background:#e67e22}.v-original{background:#27ae60}
table.summary{border-collapse:collapse;margin:8px 0}table.summary td,table.summary th{border:1px solid #ddd;padding:4px 10px;text-align:left}
.legend span{margin-right:14px}
.pair{display:flex;gap:12px;padding:0 24px 24px}
.col{flex:1;min-width:0;background:#fff;border:1px solid #ddd;border-radius:4px;display:flex;flex-direction:column}
.col h3{font-size:14px;margin:0;padding:8px 12px;border-bottom:1px solid #eee;background:#f4f4f4}
.text{white-space:pre-wrap;line-height:1.7;padding:8px 12px;max-height:80vh;overflow:auto;font-size:14px}
mark.copied{background:#f9c0b8;color:inherit}
mark.boilerplate{background:#cfe3f7;color:inherit}
mark a{color:inherit;text-decoration:none}
mark.active{outline:2px solid #c0392b}
details{margin:0 24px 12px} ol.explain{font-family:monospace;font-size:12px}
"""

SCRIPT = """
document.addEventListener('click',function(e){
  var m=e.target.closest('mark[data-to]'); if(!m) return; e.preventDefault();
  document.querySelectorAll('mark.active').forEach(function(x){x.classList.remove('active')});
  var t=document.getElementById(m.dataset.to); if(!t) return;
  m.classList.add('active'); t.classList.add('active');
  t.scrollIntoView({block:'center'});
});
"""


def verdict_class(verdict: str) -> str:
    return {"copied": "v-copied", "partly copied": "v-partly"}.get(verdict, "v-original")


def highlighted(text: str, marks: list[tuple[int, int, str, str, str]]) -> str:
    """`text` as HTML with `(start, end, css class, id, counterpart id)` marks; overlaps are clipped."""
    out, pos = [], 0
    for start, end, cls, mark_id, to in sorted(marks):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        title = "boilerplate: shown, not counted" if cls == "boilerplate" else "copied: click to see the other text"
        out.append(
            f'<mark class="{cls}" id="{mark_id}" data-to="{to}" title="{title}">'
            f'<a href="#{to}">{escape(text[start:end])}</a></mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def reference_section(report: CopyReport, n: int, result: ReferenceResult) -> str:
    checked_doc = report.documents.get(report.checked.sha256)
    ref_doc = report.documents.get(result.reference.sha256)
    left, right = [], []
    for i, p in enumerate(result.passages):
        cls = "copied" if p.kind == COPIED else "boilerplate"
        left.append((p.checked.start, p.checked.end, cls, f"c{n}-{i}", f"r{n}-{i}"))
        right.append((p.reference.start, p.reference.end, cls, f"r{n}-{i}", f"c{n}-{i}"))
    checked_html = highlighted(checked_doc.text, left) if checked_doc else ""
    ref_html = highlighted(ref_doc.text, right) if ref_doc else ""
    name = escape(result.reference.title or result.reference.path or result.reference.sha256[:12])
    copied = sum(1 for p in result.passages if p.kind == COPIED)
    return (
        f'<h2 id="ref{n}">{n + 1}. {name} — score {result.score:.3f} '
        f'<span class="verdict {verdict_class(result.verdict)}">{escape(result.verdict)}</span></h2>'
        f'<p style="margin:0 24px 8px">{copied} copied passage(s), {len(result.passages) - copied} boilerplate;'
        f" {result.copied_chars} copied characters.</p>"
        f'<div class="pair"><div class="col"><h3>checked: {escape(report.checked.path or "")}</h3>'
        f'<div class="text">{checked_html}</div></div>'
        f'<div class="col"><h3>reference: {escape(result.reference.path or "")}</h3>'
        f'<div class="text">{ref_html}</div></div></div>'
    )


def report_html(report: CopyReport) -> str:
    """The whole report as one HTML page."""
    a = report.account
    title = escape(report.checked.title or report.checked.path or "checked plan")
    rows = "".join(
        f'<tr><td><a href="#ref{n}">{escape(r.reference.title or r.reference.path or "")}</a></td>'
        f"<td>{r.score:.3f}</td><td>{escape(r.verdict)}</td><td>{r.copied_chars}</td>"
        f"<td>{sum(1 for p in r.passages if p.kind == COPIED)}</td></tr>"
        for n, r in enumerate(report.results)
    )
    explanation = "".join(f"<li>{escape(line)}</li>" for line in report.explain())
    sections = "".join(reference_section(report, n, r) for n, r in enumerate(report.results) if r.passages)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>照抄照搬 copy check: {title}</title>
<style>{CSS}</style></head><body>
<header>
<h1>{title} <span class="verdict {verdict_class(report.verdict)}" id="verdict">{escape(report.verdict)}</span></h1>
<div id="summary">Score <b>{report.score:.3f}</b> (share of the substantive text copied from the best reference);
local content <b>{report.local_share:.1%}</b>; boilerplate <b>{report.boilerplate_share:.1%}</b> (shown, not counted).
Thresholds: copied ≥ {report.thresholds.copied}, partly copied ≥ {report.thresholds.partly}.</div>
<table class="summary"><tr><th>counted chars</th><th>metadata</th><th>boilerplate</th><th>substantive</th>
<th>copied</th><th>local</th></tr><tr><td>{a.chars}</td><td>{a.metadata_chars}</td><td>{a.boilerplate_chars}</td>
<td>{a.substantive_chars}</td><td>{a.copied_chars}</td><td>{a.local_chars}</td></tr></table>
<table class="summary"><tr><th>reference</th><th>score</th><th>verdict</th><th>copied chars</th><th>passages</th></tr>{rows}</table>
<div class="legend"><span><mark class="copied">copied</mark></span><span><mark class="boilerplate">boilerplate</mark></span>
click a passage to jump to its counterpart</div>
</header>
<details><summary>How the score is counted</summary><ol class="explain">{explanation}</ol></details>
{sections}
<script>{SCRIPT}</script>
</body></html>
"""
