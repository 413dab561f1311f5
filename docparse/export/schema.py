"""JSON Schema of `Document.to_dict()`, derived from the model's dataclasses.

The committed copy (data/schema/document.schema.json) is the contract users validate against; a
test fails when the model and the committed schema disagree, so a format change is a deliberate act
(`python scripts/make_schema.py` rewrites it).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from docparse import model
from docparse.export.json import EXTRACTION_KEYS
from docparse.model import SCHEMA_NAME, SCHEMA_VERSION, Span

SPAN_SCHEMA = {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
SCALARS = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}, bool: {"type": "boolean"}}


def type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is Span:
        return {"$ref": "#/$defs/Span"}
    if tp in SCALARS:
        return dict(SCALARS[tp]) if tp is not float else {"type": ["number", "integer"]}
    if tp is Any or tp is object:
        return {}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(a, defs) if a is not type(None) else {"type": "null"} for a in args]}
    if origin in (list, tuple, set, frozenset):
        return {"type": "array", "items": type_schema(args[0], defs) if args else {}}
    if origin is dict:
        return {"type": "object"}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = dataclass_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def dataclass_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props = {f.name: type_schema(hints[f.name], defs) for f in dataclasses.fields(cls)}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def meta_schema() -> dict[str, Any]:
    props: dict[str, Any] = {}
    for f in dataclasses.fields(model.Meta):
        is_list = typing.get_origin(typing.get_type_hints(model.Meta, vars(model))[f.name]) is list
        props[f.name] = {"type": "array"} if is_list else {}
    props["evidence"] = {"type": "object"}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def document_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {"Span": SPAN_SCHEMA}
    extraction_hints = typing.get_type_hints(model.Extraction, vars(model))
    props: dict[str, Any] = {
        "schema": {"const": SCHEMA_NAME},
        "version": {"const": SCHEMA_VERSION},
        "file": {"type": ["string", "null"]},
        "source": type_schema(model.Source, defs),
        "meta": meta_schema(),
        "jurisdiction": {"type": ["string", "null"]},
        "embedded": {"type": "array", "items": type_schema(model.Embedded, defs)},
        "sections": {"type": "array", "items": type_schema(model.Section, defs)},
    }
    for key in EXTRACTION_KEYS:
        props[key] = type_schema(extraction_hints[key], defs)
    props["pages"] = {"type": "array", "items": type_schema(model.Page, defs)}
    props["tables"] = {"type": "array", "items": type_schema(model.Table, defs)}
    props["noise"] = {"type": "array", "items": type_schema(model.Noise, defs)}
    props["warnings"] = {"type": "array", "items": {"type": "string"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_NAME}/{SCHEMA_VERSION}",
        "title": "docparse document",
        "description": "Output of `docparse extract` / Document.to_dict(). Spans are [start, end) "
        "code-point offsets into the source text printed by `docparse text`.",
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
        "$defs": defs,
    }
