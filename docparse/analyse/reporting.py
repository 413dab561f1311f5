"""Whether a document reports what happened (通报, 总结) or plans what is to be done: a report's dates
are past events and its figures statistics, a plan's are deadlines and targets."""

from __future__ import annotations

from functools import lru_cache

from docparse.model import Document
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.structure.meta import kind_from_lede


@lru_cache(maxsize=1)
def report_types() -> frozenset[str]:
    """The 文种 of reports (time_cues.tsv, kind report_type)."""
    return frozenset(r["cue"] for r in load_tsv("time_cues.tsv") if r["kind"] == "report_type")


@stage("reporting", step="analyse", assigns="analysis.is_report", requires=("meta",))
def is_report(doc: Document) -> bool:
    """Whether the document reports what happened (通报, 总结) rather than plans it."""
    if any(e.doc_type == "方案" for e in doc.embedded):
        return False
    doc_type = doc.meta.doc_type.value if doc.meta.doc_type is not None else None
    # a news page filed as the document or campaign its lede reports (a 方案 issued) still reports what happened
    return doc_type in report_types() or kind_from_lede(doc.meta)
