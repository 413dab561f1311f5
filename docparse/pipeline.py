"""The pipeline, in one place: read → normalize → structure → extract → link.

Each stage after normalization is a pure function `Document -> value`, registered with the name
of the document attribute it assigns and the attributes it requires (as spaCy components declare
`assigns=`/`requires=`). `Pipeline.analyze()` checks the order; `disable=` switches stages off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from docparse.compiled_patterns import save_new_programs
from docparse.errors import CorruptError, DocparseError, StageError
from docparse.model import Document, RawDocument
from docparse.normalize import normalize
from docparse.read import read_raw

StageFn = Callable[[Document], Any]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    step: str  # structure, extract, link
    fn: StageFn
    assigns: str  # dotted attribute of Document, e.g. "extraction.regions"
    requires: tuple[str, ...] = ()


STAGE_REGISTRY: dict[str, Stage] = {}

# The order in which stages run; each name is looked up in STAGE_REGISTRY.
DEFAULT_STAGES: tuple[str, ...] = (
    "meta",
    "outline",
    "sentences",
    "reporting",
    "stated_year",
    "text_lines",
    "text_tables",
    "parties",
    "departments",
    "places",
    "organizations",
    "stance",
    "regions",
    "deadlines",
    "recurrences",
    "tasks",
    "problems",
    "entities_criticized",
    "metrics",
    "jurisdiction",
    "checks",
)


def stage(name: str, *, step: str, assigns: str, requires: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register a stage function under `name`."""

    def decorate(fn: StageFn) -> StageFn:
        STAGE_REGISTRY[name] = Stage(name, step, fn, assigns, tuple(requires))
        return fn

    return decorate


def _load_stages() -> None:
    # Importing the modules registers their stages.
    import docparse.analyse
    import docparse.extract
    import docparse.link
    import docparse.structure  # noqa: F401


class Pipeline:
    """An ordered list of named stages. `Pipeline().names` shows what runs."""

    def __init__(
        self,
        names: Iterable[str] = DEFAULT_STAGES,
        disable: Iterable[str] = (),
        steps: Iterable[str] | None = None,
    ) -> None:
        """`disable` names stages to skip; `steps` keeps only stages of those steps (e.g. ("structure",))."""
        _load_stages()
        disabled = set(disable)
        unknown = disabled - set(STAGE_REGISTRY)
        if unknown:
            raise ValueError(f"unknown stage(s) to disable: {', '.join(sorted(unknown))}")
        wanted = set(steps) if steps is not None else None
        self.stages = [
            STAGE_REGISTRY[n]
            for n in names
            if n not in disabled and n in STAGE_REGISTRY and (wanted is None or STAGE_REGISTRY[n].step in wanted)
        ]

    @property
    def names(self) -> list[str]:
        return ["read", "normalize"] + [s.name for s in self.stages]

    def analyze(self) -> list[str]:
        """Problems with the stage order: a stage that requires what no earlier stage assigns."""
        assigned = {"text", "norm_text", "offsets", "pages", "tables", "noise", "source"}
        problems = []
        for s in self.stages:
            missing = [r for r in s.requires if r not in assigned]
            if missing:
                problems.append(f"stage '{s.name}' requires {', '.join(missing)}, which no earlier stage assigns")
            assigned.add(s.assigns)
        return problems

    def __call__(self, source: str | os.PathLike[str] | bytes, name: str | None = None) -> Document:
        raw = read_raw(source, name=name)
        with stage_failures("normalize", raw.source.path):
            doc = make_document(raw)
        doc = self.run(doc)
        save_new_programs()
        return doc

    def run(self, doc: Document) -> Document:
        for s in self.stages:
            # try/except in the loop rather than `with stage_failures(...)`: a generator context manager for each
            # of 22 stages cost a document more than some of the stages
            try:
                _assign(doc, s.assigns, s.fn(doc))
            except (DocparseError, MemoryError):
                raise
            except Exception as err:
                raise stage_failure(s.name, doc.source.path, err) from failure_cause(err)
        return doc


@contextmanager
def stage_failures(name: str, path: str | None) -> Iterator[None]:
    """A stage's own failure on a document, as a DocparseError naming the stage and the file.

    The library raises nothing else: a notebook looping over a thousand files catches one type.
    """
    try:
        yield
    except (DocparseError, MemoryError):
        raise
    except Exception as err:
        raise stage_failure(name, path, err) from failure_cause(err)


def stage_failure(name: str, path: str | None, err: Exception) -> DocparseError:
    """The DocparseError for an exception a stage raised (KeyboardInterrupt and the like pass as they are)."""
    if isinstance(err, RecursionError):
        return CorruptError(f"document structure too deeply nested for stage '{name}'", path)
    return StageError(f"stage '{name}' failed ({type(err).__name__}: {err}); please report it with this file", path)


def failure_cause(err: Exception) -> Exception | None:
    """What the DocparseError is raised from: nothing for a too deep recursion, whose chain says nothing more."""
    return None if isinstance(err, RecursionError) else err


def make_document(raw: RawDocument) -> Document:
    """Run normalization on a reader's output and wrap both texts in a `Document`."""
    norm_text, offsets, noise = normalize(raw)
    return Document(
        source=raw.source,
        text=raw.text,
        norm_text=norm_text,
        offsets=offsets,
        pages=raw.pages,
        tables=raw.tables,
        noise=noise,
        warnings=list(raw.warnings),
    )


def _assign(obj: Any, dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        obj = getattr(obj, part)
    setattr(obj, last, value)
