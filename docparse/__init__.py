"""docparse: Chinese work-safety documents (通报, 方案, 通知, 总结, 访谈) into data.

    >>> import docparse
    >>> doc = docparse.read("通报.pdf")
    >>> doc.meta.title.value, [t.lead for t in doc.extraction.tasks]
"""

from __future__ import annotations

import os

from docparse.compiled_patterns import load_saved_programs

load_saved_programs()  # before the modules below compile their patterns

from docparse.errors import DocparseError
from docparse.model import Document
from docparse.pipeline import Pipeline

__all__ = [
    "Corpus", "Document", "DocparseError", "Pipeline", "Result", "copycheck", "graph", "read", "read_many", "read_text", "__version__",
]

# Heavier features load on first use, so `import docparse` stays fast for the CLI.
LAZY_SUBMODULES = ("copycheck", "graph")
# many documents at once: process pools and executors, which one document never needs
FROM_BATCH = ("Result", "read_many")


def __getattr__(name: str):
    import importlib

    if name in LAZY_SUBMODULES:
        return importlib.import_module(f"docparse.{name}")
    if name == "Corpus":
        return importlib.import_module("docparse.corpus").Corpus
    if name in FROM_BATCH:
        return getattr(importlib.import_module("docparse.batch"), name)
    if name == "__version__":  # importlib.metadata costs a fresh process more than reading a short document
        return installed_version()
    raise AttributeError(f"module 'docparse' has no attribute {name!r}")


def installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docparse")
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0"


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    disable: tuple[str, ...] = (),
    steps: tuple[str, ...] | None = None,
) -> Document:
    """Read a file (path) or its bytes and run the whole pipeline: structure, extraction, links.

    `name` gives bytes a file name (for messages and format sniffing); `disable` names stages to
    skip, as listed by `docparse.Pipeline().names`; `steps=("structure",)` stops after the outline.
    """
    return Pipeline(disable=disable, steps=steps)(source, name=name)


def read_text(source: str | os.PathLike[str] | bytes, *, name: str | None = None) -> str:
    """The source text of a document, the text every span points into."""
    from docparse.read import read_raw

    return read_raw(source, name=name).text
