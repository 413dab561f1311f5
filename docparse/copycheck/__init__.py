"""Copy-paste check for plans (照抄照搬): how much of a plan was copied from the plans it implements.

    >>> import docparse
    >>> report = docparse.copycheck("某某县方案.txt", ["昆明市方案.txt"])
    >>> report.score, report.verdict, report.local_share
    >>> report.passages_frame()          # one row per passage, spans into both texts

Stages: mask (jurisdictions, levels, numbers) → shingles (hashed k-grams) → align (passages in both
texts) → boilerplate discount → score. `CopyIndex` keeps prepared plans in SQLite for later checks;
`check_corpus` finds all copied pairs of a collection.
"""

import sys
import types

from docparse.copycheck.check import BoilerplateModel, CopyCheckSettings, copycheck, prepare, prepare_text
from docparse.copycheck.report import CopiedPassage, CopyReport, ReferenceResult, Thresholds

__all__ = [
    "BoilerplateModel",
    "CopiedPassage",
    "CopyCheckSettings",
    "CopyReport",
    "ReferenceResult",
    "Thresholds",
    "copycheck",
    "prepare",
    "prepare_text",
]

from docparse.copycheck.corpus import CandidateSettings, CopyIndex, CopyPair, CorpusReport, check_corpus  # noqa: E402

__all__ += ["CandidateSettings", "CopyIndex", "CopyPair", "CorpusReport", "check_corpus"]


class _CallableModule(types.ModuleType):
    """`docparse.copycheck(checked, references)` calls `copycheck`; `docparse.copycheck.X` is this package."""

    def __call__(self, checked, references, **kwargs) -> CopyReport:  # type: ignore[no-untyped-def]
        return copycheck(checked, references, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
