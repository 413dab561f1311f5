"""Many files in one call: directory expansion and per-file results that never stop the batch."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from docparse.errors import DocparseError, TimeBudgetError
from docparse.model import Document
from docparse.pipeline import Pipeline
from docparse.read import EXTENSIONS

DEFAULT_FILE_TIMEOUT_S = 600.0


@dataclass(slots=True)
class Result:
    """One input's outcome: a document, or an error with a stable code and a one-line reason."""

    path: str
    document: Document | None = None
    error_code: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.document is not None

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
