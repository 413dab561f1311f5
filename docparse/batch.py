"""Many documents in one call, the one place that runs them: directory expansion, a time budget per
file, per-file results that never stop the batch, and the executors (this process, a process pool, or any
`concurrent.futures.Executor`, such as a Dask cluster's). `read_many`, `Corpus` and `docparse batch`
all go through here and get the same `Result`."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docparse.errors import DocparseError, TimeBudgetError
from docparse.model import Document
from docparse.pipeline import Pipeline
from docparse.read import EXTENSIONS

DEFAULT_FILE_TIMEOUT_S = 600.0
Record = dict[str, Any]


@dataclass(slots=True)
class Result:
    """One input's outcome: a document (or its JSON record, when it was parsed in another process or
    read from a cache), or an error with a stable code and a one-line reason."""

    path: str
    document: Document | None = None
    error_code: str | None = None
    error: str | None = None
    record: Record | None = None
    # The record as JSON text while it crosses from a worker: a string pickles at memcpy speed,
    # where a nested dict is rebuilt object by object in the parent (a second per 1,000 documents).
    record_json: str | None = None

    @property
    def ok(self) -> bool:
        return self.error_code is None

    def error_dict(self) -> dict[str, object]:
        return {"file": self.path, "error": {"code": self.error_code, "message": self.error}}


def file_time_budget() -> float:
    """Seconds one file of a batch may take (DOCPARSE_FILE_TIMEOUT; 0 for no limit)."""
    try:
        return float(os.environ.get("DOCPARSE_FILE_TIMEOUT", DEFAULT_FILE_TIMEOUT_S))
    except ValueError:
        return DEFAULT_FILE_TIMEOUT_S


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise `TimeBudgetError` in this thread once `seconds` have passed, so that one pathological file
    becomes an error line instead of stalling a batch. A timer signal only reaches the main thread of
    a process (every process-pool worker runs its tasks there); elsewhere, as in threads, no limit."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeBudgetError(f"took longer than {seconds:g} s (set DOCPARSE_FILE_TIMEOUT to allow more)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named directly, plus the documents under named directories (sorted, hidden skipped)."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(
                str(f)
                for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(str(p))
    return out


def read_many(paths: Iterable[str | os.PathLike[str]], *, disable: tuple[str, ...] = ()) -> Iterator[Result]:
    """Read each file (directories expanded); a failure becomes a `Result` with an error, and the batch goes on."""
    pipeline = Pipeline(disable=disable)
    for path in collect_files(paths):
        yield read_one(pipeline, path)


def read_one(pipeline: Pipeline, path: str) -> Result:
    try:
        with time_budget(file_time_budget()):
            return Result(path, document=pipeline(path))
    except DocparseError as err:
        return Result(path, error_code=err.code, error=err.reason)
    except RecursionError:
        return Result(path, error_code="E_CORRUPT", error="document structure too deeply nested")
    except MemoryError:
        return Result(path, error_code="E_TOO_LARGE", error="out of memory while reading the document")
    except Exception as err:  # a bug must not end a batch of hundreds of files; report it on its line
        return Result(path, error_code="E_INTERNAL", error=f"internal error ({type(err).__name__}: {err})")


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_record(path: str) -> Result:
    """Parse one file into its JSON record as text (runs in worker processes, so it returns plain data)."""
    result = read_one(Pipeline(), path)
    if result.document is None:
        return result
    return Result(path, record_json=json.dumps(result.document.to_dict(), ensure_ascii=False))


def exit_with_parent() -> None:
    """Worker initializer: end this worker when the process that started it is gone.

    A parent killed outright (SIGKILL, an out-of-memory kill) cannot shut its pool down, and the
    workers, which hold the pool's pipes open themselves, would otherwise wait forever.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="docparse-exit-with-parent").start()


def parse_records(paths: list[str], executor: Executor | None = None, max_workers: int | None = None) -> Iterator[Result]:
    """Results (JSON records as text, or errors) in the order of `paths`, each yielded as soon as it is done, so that a caller that
    stores them one by one keeps what was done when the run is interrupted.

    `executor`: any `concurrent.futures.Executor`; otherwise a process pool of `max_workers`
    (default: one per CPU; 1 parses in this process).
    """
    if not paths:
        return
    if executor is not None:
        # only submit(): the one method every Executor implements (some cluster executors lack map)
        for future in [executor.submit(parse_record, path) for path in paths]:
            yield future.result()
        return
    workers = max_workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1:
        yield from map(parse_record, paths)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=exit_with_parent) as pool:
        # small chunks keep both processes busy to the end; one chunk is still many documents
        yield from pool.map(parse_record, paths, chunksize=max(1, len(paths) // (workers * 32)))
