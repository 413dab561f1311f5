"""Loader for the lexicons and gazetteers shipped under `docparse/data/`.

Every data file starts with `#` lines naming its source and date, then a header row. Files are read
once per process and cached; callers get immutable tuples so no stage can mutate shared data.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any


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


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """A one-column word list (first TSV column), in file order."""
    return tuple(next(iter(row.values())) for row in load_tsv(name))
