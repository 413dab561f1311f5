"""`docparse batch DIR -o OUT/`: a whole corpus to JSON Lines and Parquet tables, resumable.

OUT/ holds `documents.jsonl` (one extracted document per line, appended and flushed file by file),
`failures.jsonl` (one line per file that could not be read), `tables/*.parquet` (the DataFrames of
`docparse.export.frames`, rebuilt from the JSON Lines at the end) and `batch.json` (what ran).
A rerun into the same folder skips the files already done (same path and same content hash), so an
interrupted batch resumes without redoing or losing anything. A folder holding anything else is
never written into, and earlier output is only replaced with `force=True`.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docparse.batch import Result, collect_files, file_sha256, parse_records
from docparse.errors import DocparseError, writing
from docparse.export import frames

DOCUMENTS = "documents.jsonl"
FAILURES = "failures.jsonl"
TABLES = "tables"
MANIFEST = "batch.json"
WRITTEN_BY = "docparse batch"
OUTPUTS = (DOCUMENTS, FAILURES, TABLES, MANIFEST)


class OutputExistsError(DocparseError):
    code = "E_OUTPUT_EXISTS"


@dataclass(slots=True)
class BatchSummary:
    out_dir: Path
    done: int = 0
    skipped: int = 0
    failures: list[Result] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)  # table name -> rows


def prepare_output(out_dir: Path, force: bool) -> None:
    """Create OUT/, or check it holds only an earlier batch (resumed), or clear that with `force`.

    Files with the batch's own names are touched only when batch.json proves an earlier batch wrote
    them: a user's own documents.jsonl in that folder is never truncated, resumed into or deleted.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputExistsError("output path exists and is not a folder", str(out_dir))
    with writing(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        foreign = [p.name for p in out_dir.iterdir() if p.name not in OUTPUTS]
        if foreign:
            raise OutputExistsError(
                f"output folder holds other files ({', '.join(sorted(foreign)[:3])}); choose an empty folder", str(out_dir)
            )
        present = [name for name in OUTPUTS if (out_dir / name).exists()]
        if present and not written_by_batch(out_dir / MANIFEST):
            raise OutputExistsError(
                "was not written by docparse batch (its folder has no batch.json of a batch); choose an empty folder",
                str(out_dir / present[0]),
            )
        if force:
            for name in OUTPUTS:
                target = out_dir / name
                if target.is_dir():
                    shutil.rmtree(target)
                elif target.exists():
                    target.unlink()
        write_manifest(out_dir, {"status": "running"})


def written_by_batch(manifest: Path) -> bool:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("written_by") == WRITTEN_BY


def write_manifest(out_dir: Path, facts: dict[str, Any]) -> None:
    """batch.json: what ran, and the mark that proves the folder's files are a batch's own."""
    (out_dir / MANIFEST).write_text(
        json.dumps({"written_by": WRITTEN_BY, **facts}, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def done_keys(jsonl: Path) -> set[tuple[str, str]]:
    """(file, sha256) of every complete line; a last line cut off by an interruption is cut from the file.

    Only the broken tail is truncated, in place: the file is never rewritten, so a second
    interruption during the resume cannot lose the documents already done.
    """
    if not jsonl.exists():
        return set()
    keys: set[tuple[str, str]] = set()
    complete = 0  # bytes up to the end of the last complete line
    with jsonl.open("rb+") as fh:
        for line in fh:
            try:
                record = json.loads(line) if line.endswith(b"\n") else None
            except ValueError:
                record = None
            if record is None:
                break
            keys.add((record["file"], record["source"]["sha256"]))
            complete += len(line)
        fh.truncate(complete)
    return keys


def read_records(jsonl: Path) -> Iterator[dict[str, Any]]:
    with jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    progress: Callable[[Iterable[Result], int], Iterable[Result]] | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
) -> BatchSummary:
    """Extract every document under `paths` into `out_dir` (see the module docstring), in `jobs`
    processes (default: one per CPU) or through any `concurrent.futures.Executor`."""
    paths = list(paths)
    out = Path(out_dir)
    prepare_output(out, force)
    files = collect_files(paths)
    done = done_keys(out / DOCUMENTS)
    summary = BatchSummary(out)
    todo = [path for path in files if (path, file_sha256(path)) not in done]
    summary.skipped = len(files) - len(todo)
    results = parse_records(todo, executor, jobs)
    with writing(out / DOCUMENTS), (out / DOCUMENTS).open("a", encoding="utf-8") as sink:
        for result in results if progress is None else progress(results, len(todo)):
            if not result.ok:
                summary.failures.append(result)
                continue
            sink.write(result.record_json + "\n")
            sink.flush()
            summary.done += 1
    with writing(out):
        write_failures(out / FAILURES, summary.failures)
        summary.tables = write_tables(out)
        write_manifest(
            out, {"status": "done", "inputs": [str(p) for p in paths], "files": len(files), "failed": len(summary.failures)}
        )
    return summary


def write_failures(path: Path, failures: list[Result]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for result in failures:
            fh.write(json.dumps(result.error_dict(), ensure_ascii=False) + "\n")


def write_tables(out: Path) -> dict[str, int]:
    """Parquet tables rebuilt from all documents done so far, in this run or earlier ones."""
    # a file changed since it was done appears twice; its latest line is the one that counts
    records = list({record["file"]: record for record in read_records(out / DOCUMENTS)}.values())
    (out / TABLES).mkdir(exist_ok=True)
    sizes = {}
    for kind in frames.TABLES:
        df = frames.frame(kind, records)
        df.to_parquet(out / TABLES / f"{kind}.parquet", index=False)
        sizes[kind] = len(df)
    return sizes
