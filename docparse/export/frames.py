"""pandas DataFrames from extracted documents: one row per item, each with provenance columns
(`file`, `start`, `end`, `page`, `text`) so any cell can be traced back to the source text.

The frames read the JSON form of a document (`Document.to_dict()`), which is also what the corpus
cache stores, so cached and fresh documents give identical tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from docparse.model import Document

Record = dict[str, Any]


def as_record(doc: Document | Record) -> Record:
    return doc.to_dict() if isinstance(doc, Document) else doc


def page_of(record: Record, start: int | None) -> int | None:
    pages = record.get("pages") or []
    if start is None or not pages:
        return None
    starts = [p["span"][0] for p in pages]
    return pages[max(bisect_right(starts, start) - 1, 0)]["number"]


def provenance(record: Record, span: list[int] | None, text: str | None) -> Record:
    start, end = (span or [None, None])[:2]
    return {"file": record.get("file"), "start": start, "end": end, "page": page_of(record, start), "text": text}


def names(parties: list[Record]) -> str:
    """Canonical names joined with 、 (the separator offices use), in order, without repeats."""
    return "、".join(dict.fromkeys(p["name"] for p in parties))


def place_names(record: Record, parties: list[Record]) -> list[str]:
    """Each party under its full name (昆明市应急管理局) where the document gives its place, in order,
    without repeats; generic parties (各地) as written."""
    full = {d["name"]: d.get("full_name") or d["name"] for d in record.get("departments") or []}
    return list(dict.fromkeys(full.get(p["name"], p["name"]) for p in parties))


def section_path(record: Record, section_id: int | None) -> str:
    """The markers from the outermost section down (三、（二）2.), as a reader finds an item."""
    sections = record.get("sections") or []
    markers: list[str] = []
    while section_id is not None and 0 <= section_id < len(sections):
        markers.append(sections[section_id].get("marker") or "")
        section_id = sections[section_id].get("parent")
    return "".join(reversed(markers))


def phase_deadline_ends(record: Record) -> list[str]:
    """Ends of the deadlines that close a phase of the plan (what a 阶段 heading is due by)."""
    phases = {t.get("phase") for t in record.get("tasks") or []} - {None}
    return [d.get("date") or d.get("end") for d in record.get("deadlines") or []
            if d.get("what") in phases and (d.get("date") or d.get("end"))]  # fmt: skip


TITLE_PERIOD = re.compile(r"(?:19|20)\d\d\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年")


def campaign_end(record: Record) -> str | None:
    """The last day of the campaign a plan runs: the end of its last phase, else the end year of the
    period its title names ((2024—2026年) -> 2026-12-31)."""
    ends = phase_deadline_ends(record)
    if ends:
        return max(ends)
    match = TITLE_PERIOD.search(str((record.get("meta") or {}).get("title") or ""))
    return f"{match.group(1)}-12-31" if match else None


@dataclass(frozen=True, slots=True)
class TaskDeadline:
    """A task's 完成时限 and where it comes from: the item itself, its phase, or the campaign's end."""

    text: str | None
    due: str | None  # ISO date the task is due by (a period's end)
    start: str | None  # a period's first day
    source: str | None  # item, phase, campaign


def task_deadline(record: Record, task: Record, end_of_campaign: str | None) -> TaskDeadline:
    deadline = task.get("deadline")
    if deadline:
        span, own = task.get("span") or [0, 0], deadline.get("span") or [0, 0]
        inside = span[0] <= own[0] and own[1] <= span[1]
        return TaskDeadline(deadline.get("text"), deadline.get("date") or deadline.get("end"), deadline.get("start"),
                            "item" if inside else "phase")  # fmt: skip
    if end_of_campaign:
        return TaskDeadline(None, end_of_campaign, None, "campaign")
    return TaskDeadline(None, None, None, None)


def document_rows(record: Record) -> list[Record]:
    meta = record.get("meta") or {}
    row = {
        "file": record.get("file"),
        "sha256": (record.get("source") or {}).get("sha256"),
        "format": (record.get("source") or {}).get("format"),
        "title": meta.get("title"),
        "doc_type": meta.get("doc_type"),
        "doc_number": meta.get("doc_number"),
        "issuer": meta.get("issuer"),
        "jurisdiction": record.get("jurisdiction"),
        "date": meta.get("date"),
        "published": meta.get("published"),
        "recipients": list(meta.get("recipients") or []),
        "pages": len(record.get("pages") or []),
        "sections": len(record.get("sections") or []),
    }
    for key in ("tasks", "deadlines", "departments", "regions", "problems", "metrics", "checks"):
        row[f"n_{key}"] = len(record.get(key) or [])
    return [row]


def task_rows(record: Record) -> list[Record]:
    """One row per task; lead and support are lists of full names, and a task that gives no 完成时限
    inherits its phase's or the campaign's, with `deadline_source` saying which."""
    end_of_campaign = campaign_end(record)
    rows = []
    for i, t in enumerate(record.get("tasks") or []):
        deadline = task_deadline(record, t, end_of_campaign)
        rows.append({
            "task": i + 1,
            "jurisdiction": record.get("jurisdiction"),
            "sector": t.get("sector"),
            "lead": place_names(record, t.get("lead") or []),
            "support": place_names(record, t.get("support") or []),
            "deadline": deadline.due,
            "deadline_start": deadline.start,
            "deadline_text": deadline.text,
            "deadline_source": deadline.source,
            "phase": t.get("phase"),
            "section": section_path(record, t.get("section")),
            **provenance(record, t.get("span"), t.get("text")),
        })  # fmt: skip
    return rows


def department_rows(record: Record) -> list[Record]:
    rows = []
    for d in record.get("departments") or []:
        mentions = d.get("mentions") or []
        first = mentions[0] if mentions else {}
        rows.append(
            {
                "name": d.get("name"),
                "full_name": d.get("full_name") or d.get("name"),
                "level": d.get("level"),
                "jurisdiction": d.get("jurisdiction"),
                "doc_jurisdiction": record.get("jurisdiction"),
                "kind": d.get("kind"),
                "mentions": len(mentions),
                "written_as": "、".join(dict.fromkeys(m["text"] for m in mentions)),
                **provenance(record, first.get("span"), first.get("text")),
            }
        )
    return rows


def region_rows(record: Record) -> list[Record]:
    """One row per region mention, with the region's overall stance beside the mention's own, and
    the jurisdiction of the body whose document speaks of it."""
    rows = []
    for r in record.get("regions") or []:
        for m in r.get("mentions") or []:
            rows.append(
                {
                    "name": r.get("name"),
                    "full_name": r.get("full_name"),
                    "level": r.get("level"),
                    "adcode": r.get("adcode"),
                    "stance": r.get("stance"),
                    "mention_stance": m.get("stance"),
                    "cue": m.get("cue"),
                    "jurisdiction": record.get("jurisdiction"),
                    "date": (record.get("meta") or {}).get("date"),
                    **provenance(record, m.get("span"), m.get("text")),
                }
            )
    return rows


def problem_rows(record: Record) -> list[Record]:
    return [
        {
            "category": p.get("category"),
            "copy_paste": bool(p.get("copy_paste")),
            "regions": list(p.get("regions") or []),
            "departments": place_names(record, p.get("departments") or []),
            "jurisdiction": record.get("jurisdiction"),
            "date": (record.get("meta") or {}).get("date"),
            **provenance(record, p.get("span"), p.get("text")),
        }
        for p in record.get("problems") or []
    ]


def metric_rows(record: Record) -> list[Record]:
    return [
        {
            "indicator": m.get("indicator"),
            "value": m.get("value"),
            "unit": m.get("unit"),
            "approx": m.get("approx"),
            **provenance(record, m.get("span"), m.get("text")),
        }
        for m in record.get("metrics") or []
    ]


def deadline_rows(record: Record) -> list[Record]:
    return [
        {
            "date": d.get("date"),
            "period_start": d.get("start"),
            "period_end": d.get("end"),
            "kind": d.get("kind"),
            "what": d.get("what"),
            "year_inferred": d.get("year_inferred"),
            **provenance(record, d.get("span"), d.get("text")),
        }
        for d in record.get("deadlines") or []
    ]


def recurrence_rows(record: Record) -> list[Record]:
    return [
        {
            "period": r.get("period"),
            "count": r.get("count"),
            "what": r.get("what"),
            **provenance(record, r.get("span"), r.get("text")),
        }
        for r in record.get("recurrences") or []
    ]


def entity_rows(record: Record) -> list[Record]:
    return [
        {"name": e.get("name"), "kind": e.get("kind"), "reason": e.get("reason"), **provenance(record, e.get("span"), e.get("text"))}
        for e in record.get("entities_criticized") or []
    ]


TABLES: dict[str, Callable[[Record], list[Record]]] = {
    "documents": document_rows,
    "tasks": task_rows,
    "departments": department_rows,
    "regions": region_rows,
    "problems": problem_rows,
    "metrics": metric_rows,
    "deadlines": deadline_rows,
    "recurrences": recurrence_rows,
    "entities_criticized": entity_rows,
}


def frame(kind: str, documents: Iterable[Document | Record]):
    """The DataFrame of one item kind (see `TABLES`) over many documents."""
    import pandas as pd

    rows = [row for doc in documents for row in TABLES[kind](as_record(doc))]
    columns = list(rows[0]) if rows else empty_columns(kind)
    return with_missing_as_na(pd.DataFrame(rows, columns=columns))


# Column types by name, the same in every table and in an empty one; any other column is text.
INTEGER_COLUMNS = {"task", "start", "end", "page", "pages", "sections", "mentions", "count"}
FLOAT_COLUMNS = {"value"}
FLAG_COLUMNS = {"copy_paste", "year_inferred"}
DATE_COLUMNS = {"date", "published", "deadline", "deadline_start", "period_start", "period_end"}
LIST_COLUMNS = {"lead", "support", "recipients", "regions", "departments"}


def with_missing_as_na(df):
    """Every missing value as pandas' NA (NaT in date columns), whether a record had None or '':
    text is `string`, counts `Int64`, figures `Float64`, flags `boolean`, dates `datetime64`, and
    lists stay lists (list columns in Parquet)."""
    import pandas as pd

    for column in df.columns:
        if column in LIST_COLUMNS:
            continue
        if column in DATE_COLUMNS:
            df[column] = pd.to_datetime(df[column], errors="coerce", format="ISO8601").astype("datetime64[ns]")
            continue
        values = df[column].astype(object).where(df[column].notna(), None).replace({"": None})
        dtype = ("Int64" if column in INTEGER_COLUMNS or column.startswith("n_") else "Float64" if column in FLOAT_COLUMNS
                 else "boolean" if column in FLAG_COLUMNS else "string")  # fmt: skip
        df[column] = values.astype(dtype)
    return df


def empty_columns(kind: str) -> list[str]:
    """Column names of a table with no rows, so empty corpora still give the same schema."""
    sample: Record = {
        "file": None, "pages": [], "meta": {}, "source": {},
        kind: [{"span": [0, 0], "text": "", "mentions": [{"span": [0, 0], "text": ""}]}],
    }
    return list(TABLES[kind](sample)[0]) if kind != "documents" else list(document_rows(sample)[0])
