"""`Document.to_dict()`: the one JSON contract (schema `docparse.document`, see data/schema/)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from docparse.model import SCHEMA_NAME, SCHEMA_VERSION, Document, Field, Meta, Span

EXTRACTION_KEYS = (
    "tasks", "deadlines", "recurrences", "departments", "regions",
    "problems", "entities_criticized", "metrics", "checks",
)


def to_jsonable(value: Any) -> Any:
    """Dataclasses to dicts, spans to `[start, end]`; everything else as JSON allows."""
    if isinstance(value, Span):
        return [value.start, value.end]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_jsonable(v) for v in value)
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def meta_to_dict(meta: Meta) -> dict[str, Any]:
    """Plain values under each element's name, and their evidence under `evidence`."""
    out: dict[str, Any] = {}
    evidence: dict[str, Any] = {}
    for f in dataclasses.fields(meta):
        value = getattr(meta, f.name)
        if isinstance(value, list):
            out[f.name] = [item.value for item in value]
            if value:
                evidence[f.name] = [{"span": to_jsonable(i.span), "text": i.text} for i in value]
        elif isinstance(value, Field):
            out[f.name] = value.value
            evidence[f.name] = {"span": to_jsonable(value.span), "text": value.text}
        else:
            out[f.name] = None
    out["evidence"] = evidence
    return out


def document_to_dict(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "file": doc.source.path,
        "source": to_jsonable(doc.source),
        "meta": meta_to_dict(doc.meta),
        "jurisdiction": doc.jurisdiction,
        "embedded": to_jsonable(doc.embedded),
        "sections": to_jsonable(doc.sections),
    }
    for key in EXTRACTION_KEYS:
        out[key] = to_jsonable(getattr(doc.extraction, key))
    out["pages"] = to_jsonable(doc.pages)
    out["tables"] = to_jsonable(doc.tables)
    out["noise"] = to_jsonable(doc.noise)
    out["warnings"] = list(doc.warnings)
    return out


def dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)
