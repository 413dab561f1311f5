"""The whole-corpus golden diff: every document under corpora/ through docparse, against stored output.

    python scripts/golden.py            # report which documents' output changed, and in which keys
    python scripts/golden.py --update   # store the current output as the new golden output

A change to extraction is reviewed by running this before committing: the documents whose output
changed are listed with the top-level keys that differ, so a commit can say which changes it meant.
tests/test_golden.py asserts that the stored output is what the code gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
GOLDEN = ROOT / "tests" / "golden"
NOT_DOCUMENTS = {".json", ".md", ".tsv"}
# Word 97, WPS and Excel 97 files go through LibreOffice, whose presence and version vary between machines:
# their output is checked by tests/read/test_legacy.py and test_sheet.py where LibreOffice is installed, not
# stored here.
CONVERTED = {".doc", ".wps", ".rtf", ".xls"}


def corpus_documents(corpora: Path = CORPORA) -> Iterator[Path]:
    """Every document file under `corpora`, in a stable order (gold, manifests and notes left out)."""
    for path in sorted(corpora.rglob("*")):
        suffix = path.suffix.lower()
        if path.is_file() and suffix not in NOT_DOCUMENTS | CONVERTED and "gold" not in path.parts:
            yield path


def golden_path(document: Path, corpora: Path = CORPORA, golden: Path = GOLDEN) -> Path:
    return golden / (str(document.relative_to(corpora)) + ".json")


def current_output(document: Path, corpora: Path = CORPORA) -> dict:
    """What docparse gives for `document`, as the JSON contract, with the path made corpus-relative."""
    import docparse
    from docparse.export.json import dumps

    try:
        data = docparse.read(document).to_dict()
    except docparse.DocparseError as err:
        data = {"error": {"code": err.code, "message": err.reason}}
    data["file"] = str(document.relative_to(corpora))
    if isinstance(data.get("source"), dict):
        data["source"]["path"] = data["file"]
    return json.loads(dumps(data))


def changed_keys(stored: dict, current: dict) -> list[str]:
    return sorted(k for k in stored.keys() | current.keys() if stored.get(k) != current.get(k))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="store the current output")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--golden", type=Path, default=GOLDEN)
    args = parser.parse_args(argv)
    changed = 0
    documents = list(corpus_documents(args.corpora))
    for document in documents:
        target = golden_path(document, args.corpora, args.golden)
        current = current_output(document, args.corpora)
        stored = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
        if stored == current:
            continue
        changed += 1
        what = "new" if stored is None else ", ".join(changed_keys(stored, current))
        print(f"{document.relative_to(args.corpora)}: {what}")
        if args.update:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{changed} of {len(documents)} document(s) {'updated' if args.update else 'changed'}")
    return 1 if changed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
