"""One exception hierarchy; the CLI turns each into a one-line message naming the file."""

from __future__ import annotations


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
