"""pandas DataFrames from extracted documents: one row per item, each with provenance columns
(`file`, `start`, `end`, `page`, `text`) so any cell can be traced back to the source text.

The frames read the JSON form of a document (`Document.to_dict()`), which is also what the corpus
cache stores, so cached and fresh documents give identical tables.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from docparse.model import Document

Record = dict[str, Any]

PROVENANCE = ["file", "start", "end", "page", "text"]


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


def deadline_text(deadline: Record | None) -> str | None:
    if not deadline:
        return None
    if deadline.get("date"):
        return deadline["date"]
    if deadline.get("start") or deadline.get("end"):
        return f"{deadline.get('start') or ''}/{deadline.get('end') or ''}"
    return deadline.get("text")


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
        "date": meta.get("date"),
        "recipients": "；".join(meta.get("recipients") or []),
        "pages": len(record.get("pages") or []),
        "sections": len(record.get("sections") or []),
    }
    for key in ("tasks", "deadlines", "departments", "regions", "problems", "metrics", "checks"):
        row[f"n_{key}"] = len(record.get(key) or [])
    return [row]


def task_rows(record: Record) -> list[Record]:
    return [
        {
            "task": i + 1,
            "sector": t.get("sector"),
            "lead": names(t.get("lead") or []),
            "support": names(t.get("support") or []),
            "deadline": deadline_text(t.get("deadline")),
            "phase": t.get("phase"),
            **provenance(record, t.get("span"), t.get("text")),
        }
        for i, t in enumerate(record.get("tasks") or [])
    ]


def department_rows(record: Record) -> list[Record]:
    rows = []
    for d in record.get("departments") or []:
        mentions = d.get("mentions") or []
        first = mentions[0] if mentions else {}
        rows.append(
            {
                "name": d.get("name"),
                "level": d.get("level"),
                "jurisdiction": d.get("jurisdiction"),
                "kind": d.get("kind"),
                "mentions": len(mentions),
                "written_as": "、".join(dict.fromkeys(m["text"] for m in mentions)),
                **provenance(record, first.get("span"), first.get("text")),
            }
        )
    return rows


def region_rows(record: Record) -> list[Record]:
    """One row per region mention, with the region's overall stance beside the mention's own."""
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
            "regions": "、".join(p.get("regions") or []),
            "departments": names(p.get("departments") or []),
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
    return pd.DataFrame(rows, columns=columns)


def empty_columns(kind: str) -> list[str]:
    """Column names of a table with no rows, so empty corpora still give the same schema."""
    sample: Record = {
        "file": None, "pages": [], "meta": {}, "source": {},
        kind: [{"span": [0, 0], "text": "", "mentions": [{"span": [0, 0], "text": ""}]}],
    }
    return list(TABLES[kind](sample)[0]) if kind != "documents" else list(document_rows(sample)[0])
