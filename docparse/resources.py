"""Loader for the lexicons and gazetteers shipped under `docparse/data/`.

Every data file starts with `#` lines naming its source and date, then a header row. Files are read
once per process and cached; callers get immutable tuples so no stage can mutate shared data.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
BUILT_FORMAT = "3"  # bump when a builder's saved layout changes


def data_path(name: str):
    return files("docparse.data").joinpath(name)


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by its header; comment lines skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with data_path(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    with data_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def default_cache_dir() -> Path:
    """`$DOCPARSE_CACHE_DIR`, else `$XDG_CACHE_HOME/docparse`, else `~/.cache/docparse`."""
    if os.environ.get("DOCPARSE_CACHE_DIR"):
        return Path(os.environ["DOCPARSE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docparse"


def built_from(
    name: str,
    sources: tuple[str, ...],
    build: Callable[[], T],
    save: Callable[[T, Path], None],
    load: Callable[[Path], T],
) -> T:
    """`build()`, kept on disk between processes as jieba keeps its dictionary: a new process loads
    what an earlier one built from the same data files (`sources`) instead of building it again, which
    for the region gazetteer costs more than reading a document. Built only from shipped data, never
    downloaded; any failure to load or save falls back to building in memory."""
    folder = default_cache_dir() / "built" / f"{name}-{sources_digest(sources)}"
    if folder.is_dir():
        try:
            return load(folder)
        except Exception:  # a damaged or partly deleted cache entry: build again
            shutil.rmtree(folder, ignore_errors=True)
    value = build()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    except OSError:  # a read-only home: build every time
        return value
    try:
        save(value, scratch)
        os.replace(scratch, folder)  # whole or not at all; another process may have won the race
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
    return value


def sources_digest(sources: tuple[str, ...]) -> str:
    digest = hashlib.sha256(f"{BUILT_FORMAT}|{sys.version_info[:2]}".encode())
    for name in sources:
        digest.update(data_path(name).read_bytes())
    return digest.hexdigest()[:16]
