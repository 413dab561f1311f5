"""`Corpus`: many documents parsed in parallel, cached by content, and served as DataFrames.

    >>> corpus = docparse.Corpus("corpora/")            # files, directories, or a mix
    >>> corpus.regions().groupby("stance").size()
    >>> corpus.failures()                               # files that could not be read, and why

Parsing goes through any `concurrent.futures.Executor`: a process pool by default, or a cluster's
executor (`dask.distributed.Client(...).get_executor()`, or a Ray-based `Executor`) for the same
code on many machines; only `submit()` is called, and the workers must have docparse installed and
see the same file paths. Results are cached as JSON under `cache_dir` (default `$DOCPARSE_CACHE_DIR`, else
`$XDG_CACHE_HOME/docparse`, else `~/.cache/docparse`), keyed by the file's SHA-256, the docparse
version, the schema version and a fingerprint of docparse's own code and data files, so a rerun over
an unchanged corpus reads JSON instead of parsing; `docparse cache info` shows it, `docparse cache
clear` (or `Corpus.clear_cache()`) empties it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from concurrent.futures import Executor
from functools import lru_cache
from pathlib import Path
from typing import Any

from docparse import batch
from docparse.batch import Record, Result, collect_files, file_sha256
from docparse.export import frames
from docparse.export.json import EXTRACTION_KEYS
from docparse.model import SCHEMA_NAME, SCHEMA_VERSION
from docparse.resources import default_cache_dir


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of docparse's own code and data files: during development the version number stays
    the same while extractors change, and results cached by older code must not be served."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# <docparse version>-<schema version>-<code fingerprint>, as JsonCache.version writes it
VERSION_DIR = re.compile(r"\d+(\.\d+)*[0-9A-Za-z.+!_]*-\d+\.\d+(-[0-9a-f]{12})?")


class JsonCache:
    """Extraction results as JSON files, one per (content hash, docparse version, schema version)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        from docparse import __version__

        self.directory = Path(directory) if directory else default_cache_dir()
        self.version = f"{__version__}-{SCHEMA_VERSION}-{code_fingerprint()}"

    def _path(self, sha256: str) -> Path:
        return self.directory / self.version / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> Record | None:
        """The cached record of a file's content, or None when there is none or it is not a whole record
        of this schema (edited, truncated, or written by something else): such an entry is recomputed."""
        try:
            record = json.loads(self._path(sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if is_whole_record(record, sha256) else None

    def put(self, sha256: str, record: Record | str) -> None:
        """Store a record (a dict, or its JSON text as a worker returns it); a cache that cannot be
        written (read-only, full disk) only costs the next run its speed, so the failure is not raised."""
        target = self._path(sha256)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(record if isinstance(record, str) else json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, target)  # atomic, so a crash never leaves half a record behind
        except OSError:
            tmp.unlink(missing_ok=True)

    def version_dirs(self) -> list[Path]:
        """The folders of every version's results; nothing else under `directory` is ever touched,
        so a cache directory pointed at a shared folder loses only docparse's own files."""
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.iterdir() if p.is_dir() and VERSION_DIR.fullmatch(p.name))

    def clear(self, *, all_versions: bool = False) -> None:
        """Delete this version's results, or with `all_versions` those of every earlier version too."""
        for folder in self.version_dirs() if all_versions else [self.directory / self.version]:
            shutil.rmtree(folder, ignore_errors=True)

    def usage(self) -> tuple[int, int]:
        """(records, bytes) held in the cache, all versions together."""
        files = [p for folder in self.version_dirs() for p in folder.glob("*/*.json")]
        return len(files), sum(p.stat().st_size for p in files)


def is_whole_record(record: Any, sha256: str) -> bool:
    """Whether `record` is a complete `Document.to_dict()` of this schema for the content `sha256`."""
    if not isinstance(record, dict) or record.get("schema") != SCHEMA_NAME or record.get("version") != SCHEMA_VERSION:
        return False
    source = record.get("source")
    if not isinstance(source, dict) or source.get("sha256") != sha256:
        return False
    return isinstance(record.get("meta"), dict) and all(
        isinstance(record.get(key), list) for key in ("sections", *EXTRACTION_KEYS)
    )


class Corpus:
    """Documents from files and directories, parsed once and served as tables.

    Args:
        paths: files and/or directories (searched recursively for documents).
        executor: any `concurrent.futures.Executor`; by default a process pool of `max_workers`.
        max_workers: processes for the default pool; 1 parses in this process.
        cache_dir: where results are cached; `use_cache=False` parses everything afresh.
    """

    def __init__(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        executor: Executor | None = None,
        max_workers: int | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
    ) -> None:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        self.paths = collect_files(paths)
        self.cache = JsonCache(cache_dir) if use_cache else None
        self.entries = self._parse(executor, max_workers)

    def _parse(self, executor: Executor | None, max_workers: int | None) -> list[Result]:
        entries: dict[str, Result] = {}
        todo: list[tuple[str, str | None]] = []
        for path in self.paths:
            sha = file_sha256(path) if self.cache and os.path.isfile(path) else None
            cached = self.cache.get(sha) if self.cache and sha else None
            if cached is not None:
                cached["file"] = path
                entries[path] = Result(path, record=cached)
            else:
                todo.append((path, sha))
        for (path, sha), entry in zip(todo, batch.parse_records([p for p, _ in todo], executor, max_workers)):
            if entry.record_json is not None:
                if self.cache and sha:
                    self.cache.put(sha, entry.record_json)
                entry.record, entry.record_json = json.loads(entry.record_json), None
            entries[path] = entry
        return [entries[p] for p in self.paths]

    @staticmethod
    def clear_cache(cache_dir: str | os.PathLike[str] | None = None, *, all_versions: bool = False) -> None:
        """Delete the cached results of this docparse version (`all_versions`: of every version)."""
        JsonCache(cache_dir).clear(all_versions=all_versions)

    @property
    def records(self) -> list[Record]:
        """JSON records (as `docparse extract` prints them) of the files that were read."""
        return [e.record for e in self.entries if e.record is not None]

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Corpus {len(self.records)} documents, {len(self.entries) - len(self.records)} failed>"

    def table(self, kind: str):
        """The DataFrame of one item kind: documents, tasks, departments, regions, problems, metrics,
        deadlines, recurrences or entities_criticized."""
        return frames.frame(kind, self.records)

    def documents(self):
        return self.table("documents")

    def tasks(self):
        return self.table("tasks")

    def departments(self):
        return self.table("departments")

    def regions(self):
        return self.table("regions")

    def problems(self):
        return self.table("problems")

    def metrics(self):
        return self.table("metrics")

    def deadlines(self):
        return self.table("deadlines")

    def failures(self):
        import pandas as pd

        rows = [{"file": e.path, "code": e.error_code, "error": e.error} for e in self.entries if e.record is None]
        return pd.DataFrame(rows, columns=["file", "code", "error"])

    def _repr_html_(self) -> str:
        return f"<p>{self!r}</p>" + self.documents()._repr_html_()
