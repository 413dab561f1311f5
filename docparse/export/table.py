"""Terminal tables (rich measures CJK cells as double width, so columns line up)."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable

from docparse.export.excel import TaskRow
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


WIDE = 140  # terminal columns from which every column of the 任务清单 fits beside the text


def print_task_list(heading: list[str], rows: list[TaskRow], console: Console | None = None) -> None:
    """The 任务清单 as a table that fits the terminal: each task's text cut to about two lines, and
    配合单位, 行业领域 and 出处 only where the terminal is wide enough; the file output keeps it all."""
    console = console or Console()
    wide = console.width >= WIDE
    table = RichTable(title=heading[0], caption=task_list_caption(heading, rows, wide), box=box.SIMPLE_HEAD,
                      row_styles=["", "dim"], expand=True)  # fmt: skip
    table.add_column("序号", no_wrap=True, justify="right", width=4)
    # fold: rich wraps only at spaces otherwise, and Chinese has none
    table.add_column("任务内容", ratio=4, overflow="fold")
    table.add_column("牵头单位", ratio=2, overflow="fold")
    if wide:
        table.add_column("配合单位", ratio=2, overflow="fold")
    deadlines = [row.deadline + ("*" if row.inherited_from else "") for row in rows]
    table.add_column("完成时限", width=min(18, max(map(cell_len, deadlines), default=8)), overflow="fold")
    if wide:
        table.add_column("所属行业领域", ratio=1, overflow="fold")
        table.add_column("出处", ratio=1, overflow="fold")
    # about two wrapped lines: the text's share of the columns, two cells a character, two lines
    text_chars = max(16, int((4 / 10 if wide else 4 / 6) * (console.width - 30)))
    for row, deadline in zip(rows, deadlines):
        text = row.text if len(row.text) <= text_chars else row.text[: text_chars - 1] + "…"
        cells = [str(row.number), text, row.lead]
        cells += [row.support, deadline, row.sector, row.where] if wide else [deadline]
        table.add_row(*cells)
    console.print(table)


def task_list_caption(heading: list[str], rows: list[TaskRow], wide: bool) -> str:
    notes = [line for line in heading[1:] if line]
    if any(row.inherited_from for row in rows):
        notes.append("* 本项未写时限，沿用所属阶段或行动期限")
    if not wide:
        notes.append("配合单位、行业领域、出处等见 -o 任务清单.xlsx 或更宽的终端")
    return "\n".join(notes)
