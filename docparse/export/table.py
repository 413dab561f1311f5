"""Terminal tables (rich measures CJK cells as double width, so columns line up)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from docparse.export.json import meta_to_dict
from docparse.model import Document


def print_structure(doc: Document, console: Console | None = None) -> None:
    """Metadata, then the outline with each section's role and span."""
    console = console or Console()
    meta = meta_to_dict(doc.meta)
    meta.pop("evidence")
    table = RichTable(title=f"{doc.source.path or '<bytes>'} ({doc.source.format}, {doc.source.encoding or '-'})")
    table.add_column("element")
    table.add_column("value", overflow="fold")
    for key, value in meta.items():
        if value in (None, []):
            continue
        table.add_row(key, "；".join(map(str, value)) if isinstance(value, list) else str(value))
    for emb in doc.embedded:
        table.add_row("embedded", f"{emb.title.value} ({emb.doc_type})")
    console.print(table)
    outline = RichTable(title="outline")
    for col in ("id", "level", "marker", "heading", "role", "span"):
        outline.add_column(col, overflow="fold")
    for sec in doc.sections:
        outline.add_row(
            str(sec.id), str(sec.level), sec.marker, "  " * (sec.level - 1) + sec.heading, sec.role,
            f"{sec.span.start}-{sec.span.end}",
        )
    console.print(outline)
    if doc.noise:
        console.print(f"[dim]{len(doc.noise)} noise line(s) left out: "
                      + "；".join(f"{n.reason}: {n.text[:30]}" for n in doc.noise[:5]) + "[/dim]")


def print_task_list(rows: list[tuple[str, ...]], console: Console | None = None) -> None:
    from docparse.export.excel import HEADER

    console = console or Console()
    table = RichTable(title="任务清单", show_lines=True)
    for name in HEADER:
        table.add_column(name, overflow="fold")
    for row in rows:
        text = row[1] if len(row[1]) <= 60 else row[1][:59] + "…"  # the file output keeps it whole
        table.add_row(row[0], text, *row[2:])
    console.print(table)
