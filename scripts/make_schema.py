"""Rewrite docparse/data/schema/document.schema.json from the model (a deliberate format change)."""

import json
from pathlib import Path

from docparse.export.schema import document_schema

target = Path(__file__).resolve().parent.parent / "docparse" / "data" / "schema" / "document.schema.json"
target.write_text(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {target}")
