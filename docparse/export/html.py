"""A self-contained HTML view of a document (Jupyter's `_repr_html_`): metadata, outline, and the
source text with the evidence of every extracted item highlighted, so a claim can be checked by eye.
"""

from __future__ import annotations

import html
from dataclasses import fields, is_dataclass

from docparse.export.json import EXTRACTION_KEYS, meta_to_dict
from docparse.model import Document, Span, Table

COLOURS = {
    "tasks": "#fff3bf",
    "deadlines": "#d0ebff",
    "recurrences": "#e5dbff",
    "departments": "#d3f9d8",
    "regions": "#ffe8cc",
    "problems": "#ffc9c9",
    "entities_criticized": "#ffa8a8",
    "metrics": "#c5f6fa",
    "checks": "#ff8787",
}
STYLE = """
.dp-doc{font-family:system-ui,sans-serif;font-size:13px;max-width:1100px}
.dp-doc table{border-collapse:collapse;margin:4px 0}
.dp-doc td,.dp-doc th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.dp-text{white-space:pre-wrap;line-height:1.7;border:1px solid #eee;padding:8px;max-height:480px;overflow:auto}
.dp-text mark{padding:0 1px;border-radius:2px}
.dp-legend span{display:inline-block;margin-right:8px;padding:0 4px;border-radius:2px}
"""


def item_spans(doc: Document) -> list[tuple[Span, str, str]]:
    """(span, kind, tooltip) for every item of the extraction that carries evidence."""
    out: list[tuple[Span, str, str]] = []
    for kind in EXTRACTION_KEYS:
        for item in getattr(doc.extraction, kind):
            for span, tip in spans_of(item):
                out.append((span, kind, f"{kind}: {tip}"))
    return out


def spans_of(item: object) -> list[tuple[Span, str]]:
    """An item's own span, or its mentions' spans (departments and regions carry mentions)."""
    if hasattr(item, "mentions") and getattr(item, "mentions"):
        name = getattr(item, "name", "")
        return [(m.span, name) for m in item.mentions]  # type: ignore[attr-defined]
    span = getattr(item, "span", None)
    if isinstance(span, Span):
        return [(span, summary(item))]
    return []


def summary(item: object) -> str:
    if not is_dataclass(item):
        return str(item)
    parts = []
    for f in fields(item):
        value = getattr(item, f.name)
        if f.name in ("span", "text", "mentions") or value in (None, [], ""):
            continue
        parts.append(f"{f.name}={value if not isinstance(value, list) else len(value)}")
    return ", ".join(parts)[:300]


def highlighted_text(doc: Document) -> str:
    """Source text with non-overlapping highlights; where items overlap the first one wins."""
    spans = sorted(item_spans(doc), key=lambda s: (s[0].start, -len(s[0])))
    out: list[str] = []
    pos = 0
    for span, kind, tip in spans:
        if span.start < pos or span.end <= span.start:
            continue
        out.append(html.escape(doc.text[pos : span.start]))
        out.append(
            f'<mark style="background:{COLOURS[kind]}" title="{html.escape(tip)}">'
            f"{html.escape(doc.text[span.start:span.end])}</mark>"
        )
        pos = span.end
    out.append(html.escape(doc.text[pos:]))
    return "".join(out)


def table_frame(table: Table):
    """A table read from the document (DOCX, PDF, HTML) as a pandas DataFrame, its first row the header."""
    import pandas as pd

    rows = [[cell.text for cell in row] for row in table.rows]
    if not rows:
        return pd.DataFrame()
    width = max(len(row) for row in rows)
    header, *body = [row + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(body, columns=header)


def tables_html(doc: Document) -> str:
    """Each table of the document rendered as its DataFrame, with its span and page."""
    if not doc.tables:
        return ""
    parts = []
    for i, table in enumerate(doc.tables, 1):
        page = f", page {table.page}" if table.page is not None else ""
        caption = f"table {i}: {table.span.start}–{table.span.end}{page}"
        parts.append(f"<p>{html.escape(caption)}</p>{table_frame(table).to_html(index=False)}")
    return f"<details open><summary>tables ({len(doc.tables)})</summary>{''.join(parts)}</details>"


def document_html(doc: Document) -> str:
    meta = meta_to_dict(doc.meta)
    meta.pop("evidence")
    rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape('；'.join(map(str, v)) if isinstance(v, list) else str(v))}</td></tr>"
        for k, v in meta.items()
        if v not in (None, [])
    )
    outline = "".join(
        f"<tr><td>{'&nbsp;' * 4 * (s.level - 1)}{html.escape(s.marker)} {html.escape(s.heading)}</td>"
        f"<td>{s.role}</td><td>{s.span.start}–{s.span.end}</td></tr>"
        for s in doc.sections
    )
    counts = "".join(
        f'<span style="background:{COLOURS[k]}">{k} {len(getattr(doc.extraction, k))}</span>' for k in EXTRACTION_KEYS
    )
    return (
        f'<div class="dp-doc"><style>{STYLE}</style>'
        f"<h3>{html.escape(doc.source.path or '<bytes>')}</h3>"
        f"<table>{rows}</table>"
        f'<div class="dp-legend">{counts}</div>'
        f"<details><summary>outline ({len(doc.sections)} sections)</summary><table>{outline}</table></details>"
        f"{tables_html(doc)}"
        f'<div class="dp-text">{highlighted_text(doc)}</div></div>'
    )
