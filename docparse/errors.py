"""One exception hierarchy; the CLI turns each into a one-line message naming the file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


class DocparseError(Exception):
    """Base class. `code` is stable and machine-readable; the message says what to do."""

    code = "E_DOCPARSE"

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason

    def with_path(self, path: str | None) -> "DocparseError":
        if self.path is None:
            self.path = path
        return self


class UnreadableInputError(DocparseError):
    """The input cannot be turned into text."""

    code = "E_UNREADABLE"


class EmptyInputError(UnreadableInputError):
    code = "E_EMPTY"


class EncodingError(UnreadableInputError):
    code = "E_ENCODING"


class EncryptedError(UnreadableInputError):
    code = "E_ENCRYPTED"


class ScannedError(UnreadableInputError):
    code = "E_SCANNED"


class NotADocumentError(UnreadableInputError):
    code = "E_NOT_DOCUMENT"


class TooLargeError(UnreadableInputError):
    code = "E_TOO_LARGE"


class CorruptError(UnreadableInputError):
    code = "E_CORRUPT"


class MissingConverterError(UnreadableInputError):
    code = "E_NO_CONVERTER"


class MissingDependencyError(DocparseError):
    code = "E_MISSING_DEPENDENCY"


class StageError(DocparseError):
    """A pipeline stage failed on a document: a docparse bug that this file shows."""

    code = "E_INTERNAL"


class TimeBudgetError(DocparseError):
    """One file took longer than a batch gives each file (DOCPARSE_FILE_TIMEOUT seconds)."""

    code = "E_TIMEOUT"


class OutputError(DocparseError):
    """An output file or folder cannot be written: missing folder, no permission, a folder in the way."""

    code = "E_OUTPUT"


def output_reason(err: OSError) -> str:
    """The one-line reason for an OS failure to write, without the path (the error carries it)."""
    if isinstance(err, FileNotFoundError):
        return "cannot write there: the folder does not exist"
    if isinstance(err, PermissionError):
        return "cannot write there: permission denied"
    if isinstance(err, IsADirectoryError):
        return "cannot write there: it is a folder"
    if isinstance(err, NotADirectoryError):
        return "cannot write there: a part of the path is a file, not a folder"
    return f"cannot write there: {err.strerror or err}"


@contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an OS failure while writing `path` into an `OutputError` naming it."""
    try:
        yield
    except OSError as err:
        raise OutputError(output_reason(err), os.fspath(path)) from None


def check_writable(path: str | os.PathLike[str]) -> None:
    """Fail before any work is done when `path` cannot be created: its folder is missing or read-only."""
    folder = os.path.dirname(os.path.abspath(os.fspath(path)))
    if os.path.isdir(os.fspath(path)):
        raise OutputError("cannot write there: it is a folder", os.fspath(path))
    if not os.path.isdir(folder):
        raise OutputError("cannot write there: the folder does not exist", os.fspath(path))
    if not os.access(folder, os.W_OK):
        raise OutputError("cannot write there: permission denied", os.fspath(path))
