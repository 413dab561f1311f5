"""A self-contained HTML view of a document (Jupyter's `_repr_html_`): metadata, outline, and the
source text with the evidence of every extracted item highlighted, so a claim can be checked by eye.

Highlights nest (a department inside the task that names it has its own), and each says in words what was
extracted: a region's stance and the cue for it, a task's 牵头单位, 配合单位 and deadline. The page is
templates/document.html.j2.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from docparse.export.json import EXTRACTION_KEYS, meta_to_dict
from docparse.model import (
    Check,
    CriticizedEntity,
    Deadline,
    Department,
    Document,
    Metric,
    PartyRef,
    Problem,
    Recurrence,
    Region,
    Span,
    Table,
    Task,
)

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
KIND_NAMES = {
    "tasks": "任务 task", "deadlines": "期限 deadline", "recurrences": "周期性工作 recurrence",
    "departments": "部门 department", "regions": "地区 region", "problems": "问题 problem", "entities_criticized": "被通报单位 criticized",
    "metrics": "数据 metric", "checks": "核对 check",
}  # fmt: skip
STANCE_NAMES = {"criticized": "受批评", "praised": "受表扬", "neutral": "中性", "mixed": "褒贬兼有"}
PERIOD_NAMES = {
    "daily": "每日", "weekly": "每周", "biweekly": "每两周", "semimonthly": "每半月", "dekad": "每旬",
    "monthly": "每月", "bimonthly": "每两月", "quarterly": "每季度", "semiannual": "每半年", "annual": "每年",
}  # fmt: skip
ENTITY_KINDS = {"department": "部门", "enterprise": "企业"}
METRIC_KINDS = {"reported": "统计", "target": "目标"}
LIST_SEP = "、"


def party_names(refs: list[PartyRef]) -> str:
    """Names of responsible parties, each once, in order (市应急管理局、市公安局)."""
    return LIST_SEP.join(dict.fromkeys(r.name or r.text for r in refs))


def deadline_text(d: Deadline) -> str:
    """A deadline as written, with the date it resolves to: 6月底前（2023-06-30）."""
    when = d.date or "–".join(filter(None, (d.start, d.end)))
    return f"{d.text}（{when}{'，年份推定' if d.year_inferred else ''}）" if when else d.text


def lines(*pairs: tuple[str, Any]) -> str:
    """`label：value` lines, leaving out empty values."""
    return "\n".join(f"{label}：{value}" for label, value in pairs if value not in (None, "", []))


def task_tips(task: Task) -> list[tuple[Span, str]]:
    return [(task.span, "任务 task\n" + lines(
        ("行业领域 sector", task.sector), ("牵头单位 lead", party_names(task.lead)),
        ("配合单位 support", party_names(task.support)),
        ("期限 deadline", task.deadline and deadline_text(task.deadline)),
        ("阶段 phase", task.phase),
    ))]  # fmt: skip


def stance_text(stance: str) -> str:
    return f"{STANCE_NAMES.get(stance, stance)} {stance}"


def region_tips(region: Region) -> list[tuple[Span, str, str]]:
    name = region.name if region.full_name in (region.name, "") else f"{region.name}（{region.full_name}）"
    return [
        (m.span, lines(("地区 region", name), ("此处 here", stance_text(m.stance)), ("依据 cue", m.cue),
                       ("全文 whole document", stance_text(region.stance))), f"dp-{m.stance}")
        for m in region.mentions
    ]  # fmt: skip


def department_tips(dept: Department) -> list[tuple[Span, str]]:
    return [
        (m.span, lines(("部门 department", dept.name), ("辖区 jurisdiction", dept.jurisdiction)))
        for m in dept.mentions
    ]  # fmt: skip


def deadline_tips(d: Deadline) -> list[tuple[Span, str]]:
    return [(d.span, lines(("期限 deadline", deadline_text(d)), ("事项 what", d.what)))]


def recurrence_tips(r: Recurrence) -> list[tuple[Span, str]]:
    every = PERIOD_NAMES.get(r.period, r.period) + (f" {r.count} 次" if r.count else "")
    return [(r.span, lines(("周期性工作 recurrence", every), ("事项 what", r.what)))]


def problem_tips(p: Problem) -> list[tuple[Span, str]]:
    return [(p.span, lines(
        ("问题 problem", p.category or "未分类"), ("地区 regions", LIST_SEP.join(p.regions)),
        ("部门 departments", party_names(p.departments)), ("照抄照搬 copy-paste", "是" if p.copy_paste else None),
    ))]  # fmt: skip


def entity_tips(e: CriticizedEntity) -> list[tuple[Span, str]]:
    who = f"{e.name}（{ENTITY_KINDS.get(e.kind, e.kind)}）"
    return [(e.span, lines(("被通报 criticized", who), ("原因 reason", e.reason)))]


def metric_tips(m: Metric) -> list[tuple[Span, str]]:
    value = f"{m.value:g}{m.unit or ''}"  # raw_value is as written, with its unit: 8个
    return [(m.span, lines(("数据 metric", m.indicator or "未识别指标"), ("数值 value", f"{m.approx or ''}{value}"),
                           ("类别 kind", METRIC_KINDS.get(m.kind, m.kind))))]  # fmt: skip


def check_tips(c: Check) -> list[tuple[Span, str]]:
    return [(c.span, lines(("核对 check", c.message), ("文中 stated", c.stated), ("计算 computed", c.computed)))]


# What each kind's highlight says: one function per extraction key, giving (span, tooltip) or (span, tooltip, class).
TOOLTIPS: dict[str, Callable[[Any], list[tuple]]] = {
    "tasks": task_tips, "deadlines": deadline_tips, "recurrences": recurrence_tips, "departments": department_tips,
    "regions": region_tips, "problems": problem_tips, "entities_criticized": entity_tips, "metrics": metric_tips,
    "checks": check_tips,
}  # fmt: skip


def item_spans(doc: Document) -> list[tuple[Span, str, str, str]]:
    """(span, kind, tooltip, CSS classes) for every item of the extraction that carries evidence."""
    out = []
    for kind in EXTRACTION_KEYS:
        for item in getattr(doc.extraction, kind):
            for span, tip, *extra in TOOLTIPS[kind](item):
                out.append((span, kind, tip, " ".join([f"dp-{kind}", *extra])))
    return out


def highlighted_text(doc: Document) -> Markup:
    """Source text with nested highlights: an item inside another (a department in its task) is marked inside
    it; an item that crosses the end of the one it starts in is left out."""
    spans = sorted(item_spans(doc), key=lambda s: (s[0].start, -len(s[0])))
    out: list[str] = []
    open_ends: list[int] = []
    pos = 0

    def close_until(offset: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= offset:
            end = open_ends.pop()
            out.append(html.escape(doc.text[pos:end]) + "</mark>")
            pos = end

    for span, kind, tip, classes in spans:
        if span.end <= span.start:
            continue
        close_until(span.start)
        if span.start < pos or (open_ends and span.end > open_ends[-1]):
            continue
        out.append(html.escape(doc.text[pos : span.start]))
        out.append(f'<mark class="{classes}" style="background:{COLOURS[kind]}" title="{html.escape(tip)}">')
        open_ends.append(span.end)
        pos = span.start
    close_until(len(doc.text))
    out.append(html.escape(doc.text[pos:]))
    return Markup("".join(out))


def table_frame(table: Table):
    """A table read from the document (DOCX, PDF, HTML) as a pandas DataFrame, its first row the header."""
    import pandas as pd

    rows = [[cell.text for cell in row] for row in table.rows]
    if not rows:
        return pd.DataFrame()
    width = max(len(row) for row in rows)
    header, *body = [row + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(body, columns=header)


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("docparse.export", "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )


def document_html(doc: Document) -> str:
    meta = meta_to_dict(doc.meta)
    meta.pop("evidence")
    tables = [
        {"caption": f"table {i}: {t.span.start}–{t.span.end}" + (f", page {t.page}" if t.page is not None else ""),
         "frame": Markup(table_frame(t).to_html(index=False))}
        for i, t in enumerate(doc.tables, 1)
    ]  # fmt: skip
    return environment().get_template("document.html.j2").render(
        doc=doc,
        meta={k: "；".join(map(str, v)) if isinstance(v, list) else v for k, v in meta.items() if v not in (None, [])},
        counts=[(k, KIND_NAMES[k], COLOURS[k], len(getattr(doc.extraction, k))) for k in EXTRACTION_KEYS],
        tables=tables, text=highlighted_text(doc),
    )  # fmt: skip
