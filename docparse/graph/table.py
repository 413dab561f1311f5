"""The audit as terminal tables (rich measures CJK cells as double width)."""

from __future__ import annotations

import os

from rich.console import Console
from rich.table import Table

from docparse.graph.audit import AuditReport

DIVISION_WORDS = {
    "explicit": "explicit (each lead its own part)",
    "partial": "partial (some leads share a part)",
    "formulaic": "formulaic (依职责分别…, not divided)",
    "none": "none stated",
}


def print_audit(report: AuditReport, console: Console | None = None, documents: dict[str, str] | None = None) -> None:
    """Print each kind of finding as a table; `documents` maps document node ids to short names."""
    console = console or Console()
    names = documents or {}

    def doc(node: str) -> str:
        return names.get(node, node)

    several = report.documents > 1
    console.print(f"[bold]三管三必须 audit[/bold] of {report.documents} document(s)")

    table = Table(title="Sectors with several leads (多头管理)")
    for col in (["document"] if several else []) + ["topic", "leads", "division", "risk"]:
        table.add_column(col, overflow="fold")
    for f in report.multi_head:
        row = [f.topic, "、".join(f.leads), DIVISION_WORDS.get(f.division, f.division), "推诿扯皮 risk" if f.risk else ""]
        table.add_row(*([doc(f.doc)] if several else []), *row)
    console.print(table)

    table = Table(title="Gaps (no department leads)")
    for col in (["document"] if several else []) + ["topic", "kind", "evidence"]:
        table.add_column(col, overflow="fold")
    for g in report.gaps:
        ev = g.evidence[0] if g.evidence else None
        where = f"{ev.text} @{ev.span_start}" if ev else ""
        table.add_row(*([doc(g.doc)] if several else []), g.topic, g.kind, where)
    console.print(table)

    table = Table(title="Leads that differ from the reference (sector_regulators.tsv)")
    for col in (["document"] if several else []) + ["topic", "finding", "department (kind)", "reference kinds"]:
        table.add_column(col, overflow="fold")
    for m in report.mismatches:
        who = f"{m.department} ({m.regulator or '?'})" if m.department else "—"
        table.add_row(*([doc(m.doc)] if several else []), m.topic, m.kind, who, "、".join(m.expected))
    console.print(table)

    table = Table(title="Departments carrying the most duties")
    for col in ("department", "tasks led", "tasks supported", "sectors led", "documents"):
        table.add_column(col, overflow="fold")
    for d in report.duty_load:
        table.add_row(d.department, str(d.tasks_led), str(d.tasks_supported), "、".join(d.sectors_led), str(d.documents))
    console.print(table)

    if report.comparisons:
        table = Table(title="One sector across plans (levels and jurisdictions)")
        for col in ("sector", "document", "jurisdiction", "leads (kinds)", "same kinds everywhere"):
            table.add_column(col, overflow="fold")
        for c in report.comparisons:
            for i, a in enumerate(c.assignments):
                table.add_row(c.sector if i == 0 else "", doc(a.doc), f"{a.jurisdiction or '?'} ({a.level or '?'})",
                              f"{'、'.join(a.leads)} ({'、'.join(a.regulators)})", ("yes" if c.consistent else "no") if i == 0 else "")  # fmt: skip
        console.print(table)

    if report.criticisms:
        table = Table(title="Criticized (通报批评)")
        for col in (["document"] if several else []) + ["target", "kind", "reason", "span"]:
            table.add_column(col, overflow="fold")
        for c in report.criticisms:
            span = f"{c.evidence.span_start}-{c.evidence.span_end}" if c.evidence.span_start is not None else ""
            table.add_row(*([doc(c.doc)] if several else []), c.target, c.target_kind, c.reason or "", span)
        console.print(table)


def document_names(graph) -> dict[str, str]:
    """Document node id -> its file name, for tables that list several documents."""
    return {
        n: os.path.basename(str(d.get("path", n))) for n, d in graph.nodes(data=True) if d.get("kind") == "document"
    }
