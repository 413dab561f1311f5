"""Copy checks across collections: every copied pair of a corpus, and checks against a saved index."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from docparse.copycheck.align import AlignSettings
from docparse.copycheck.boilerplate import DocumentFrequency
from docparse.copycheck.check import (
    BoilerplateModel,
    CopyCheckSettings,
    PreparedText,
    check_prepared,
    default_boilerplate,
    load_document,
    prepare,
)
from docparse.copycheck.direction import (
    LEVEL_RANK,
    copy_direction,
    in_different_lines,
    issuing_place,
)
from docparse.copycheck.index import (
    IndexStorage,
    MemoryStorage,
    SQLiteStorage,
    UninitializedIndexError,
    find_candidates,
    index_errors,
    stored_from,
)
from docparse.copycheck.report import CopyReport, DocumentInfo, _info_dict
from docparse.copycheck.shingles import winnowed
from docparse.errors import DocparseError
from docparse.model import Document

if TYPE_CHECKING:
    from concurrent.futures import Executor

    import pandas

Source = str | os.PathLike[str] | Document


@dataclass(frozen=True, slots=True)
class CandidateSettings:
    """Which pairs are aligned: enough shared fingerprints, not counting boilerplate ones."""

    min_shared: int = 3
    min_containment: float = 0.04  # shared / fingerprints of the smaller plan
    max_candidates: int = 50  # per checked plan, in index checks
    max_postings: int = 200  # corpus mode: fingerprints in more plans than this (or 5 %) pair nothing


COPIED_FROM = "copied"
COMMON_SOURCE = "common source"
COMMON_SHARE = 0.5  # share of a pair's copied text a higher plan must hold for it to be the pair's source


@dataclass(slots=True)
class CopyPair:
    """One copied pair of a collection. `checked` is the copy where the direction is known."""

    checked: DocumentInfo
    reference: DocumentInfo
    score: float  # share of `checked` copied from `reference`
    reverse_score: float  # share of `reference` found in `checked`
    verdict: str
    source_known: bool
    evidence: str | None  # citation, hierarchy, date
    detail: str | None
    copied_passages: int
    report: CopyReport = field(repr=False)
    # "copied": `checked` took the text from `reference`; "common source": both took it from
    # `common_source` (a plan of the collection above them), or, where that is None, from a plan not in
    # the collection (neither plan's place lies under the other's)
    relation: str = COPIED_FROM
    common_source: DocumentInfo | None = None

    def to_dict(self, passages: bool = False) -> dict[str, Any]:
        out = {
            "checked": _info_dict(self.checked),
            "reference": _info_dict(self.reference),
            "score": round(self.score, 4),
            "reverse_score": round(self.reverse_score, 4),
            "verdict": self.verdict,
            "direction": {"known": self.source_known, "evidence": self.evidence, "detail": self.detail},
            "copied_passages": self.copied_passages,
            "relation": self.relation,
            "common_source": _info_dict(self.common_source) if self.common_source else None,
        }
        if passages:
            out["report"] = self.report.to_dict()
        return out


@dataclass(slots=True)
class CorpusReport:
    documents: int
    candidates: int  # pairs aligned after candidate search
    pairs: list[CopyPair]
    threshold: float
    settings: dict[str, Any]

    def to_dict(self, passages: bool = False) -> dict[str, Any]:
        return {
            "schema": "docparse.copycheck.corpus",
            "version": "1.1",  # 1.1: relation and common_source of each pair
            "documents": self.documents,
            "candidates": self.candidates,
            "threshold": self.threshold,
            "pairs": [p.to_dict(passages) for p in self.pairs],
        }

    def to_json(self, indent: int | None = 2, passages: bool = False) -> str:
        return json.dumps(self.to_dict(passages), ensure_ascii=False, indent=indent)

    def pairs_frame(self) -> "pandas.DataFrame":
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "checked": p.checked.path, "reference": p.reference.path, "score": p.score,
                    "reverse_score": p.reverse_score, "verdict": p.verdict, "source_known": p.source_known,
                    "evidence": p.evidence, "copied_passages": p.copied_passages, "relation": p.relation,
                    "common_source": (p.common_source.path or p.common_source.title) if p.common_source else None,
                }
                for p in self.pairs
            ],
            columns=["checked", "reference", "score", "reverse_score", "verdict", "source_known", "evidence",
                     "copied_passages", "relation", "common_source"],
        )  # fmt: skip


def boilerplate_fingerprints(text: PreparedText, model: BoilerplateModel, rate: int) -> np.ndarray:
    """Fingerprints of a plan that are not boilerplate (those would make every pair a candidate)."""
    fps = text.fingerprints(rate)
    return fps[~model.shingle_flags(fps)]


def passage_fingerprints(text: PreparedText, model: BoilerplateModel, settings: AlignSettings) -> np.ndarray:
    """Winnowing fingerprints of a plan outside boilerplate, dense enough that every passage long enough to
    be kept (`min_length` codes) holds one: two plans that share a kept passage share a fingerprint."""
    fps = winnowed(text.hashes, max(1, settings.min_length - settings.k + 1))
    return fps[~model.shingle_flags(fps)]


def candidate_pairs(fps: list[np.ndarray], settings: CandidateSettings, max_postings: int) -> np.ndarray:
    """Rows `(i, j, shared)`, i < j, of plans sharing enough fingerprints (an in-memory inverted index)."""
    n = len(fps)
    if n < 2:
        return np.zeros((0, 3), dtype=np.int64)
    hashes = np.concatenate(fps)
    docs = np.repeat(np.arange(n, dtype=np.int64), [len(f) for f in fps])
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    ok = (sizes >= 2) & (sizes <= max_postings)
    starts, sizes = starts[ok], sizes[ok]
    # Every (earlier, later) member pair of each posting list, vectorised: element at offset i of a
    # list of size s pairs with the s - 1 - i members after it.
    member = np.repeat(starts, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    after = np.repeat(sizes, sizes) - 1 - (member - np.repeat(starts, sizes))
    left = np.repeat(member, after)
    right = left + 1 + (np.arange(after.sum()) - np.repeat(np.cumsum(after) - after, after))
    keys, shared = np.unique(docs[left] * n + docs[right], return_counts=True)
    i, j = keys // n, keys % n
    sizes_fp = np.array([len(f) for f in fps], dtype=np.int64)
    smaller = np.maximum(np.minimum(sizes_fp[i], sizes_fp[j]), 1)
    keep = (shared >= settings.min_shared) & (shared / smaller >= settings.min_containment)
    return np.stack([i[keep], j[keep], shared[keep]], axis=1)


def oriented_pair(a: PreparedText, b: PreparedText, a_in_b: CopyReport, b_in_a: CopyReport) -> CopyPair:
    """The pair of `a` and `b` from both reports, the copy as `checked` where the direction is known."""
    direction = copy_direction(a, b)
    if direction.source is None:
        derived_first = a_in_b.score >= b_in_a.score
    else:
        derived_first = direction.source == 1
    report, reverse = (a_in_b, b_in_a) if derived_first else (b_in_a, a_in_b)
    result = report.results[0]
    return CopyPair(
        checked=report.checked,
        reference=result.reference,
        score=result.score,
        reverse_score=reverse.results[0].score,
        verdict=result.verdict,
        source_known=direction.source is not None,
        evidence=direction.evidence,
        detail=direction.detail,
        copied_passages=sum(1 for p in result.passages if p.kind == "copied"),
        report=report,
    )


def check_corpus(
    sources: Iterable[Source] | Iterable[PreparedText],
    *,
    threshold: float | None = None,
    settings: CopyCheckSettings | None = None,
    candidates: CandidateSettings | None = None,
    executor: Executor | None = None,
) -> CorpusReport:
    """All pairs of a collection whose copied share (either way) is at least `threshold`, each told
    apart as a direct copy or as two plans inheriting from a common source (`attribute_source`).

    The candidate pairs are aligned here, or through `executor` (any `concurrent.futures.Executor`, e.g.
    a Dask cluster's `client.get_executor()`) in batches of `PAIRS_PER_TASK`, for collections beyond
    one machine; the result is the same.

    Boilerplate is the shipped list only, phrasing learned across campaigns: text frequent in the
    collection itself is most often one parent copied by many of its plans, and discounting it made a
    child of a popular parent score near zero. Candidate pairs share fingerprints outside that list;
    a fingerprint in more than `max_postings` plans is too common to pair on.
    """
    settings = settings or CopyCheckSettings()
    candidates = candidates or CandidateSettings()
    threshold = settings.thresholds.partly if threshold is None else threshold
    k = settings.align.k
    texts = [s if isinstance(s, PreparedText) else prepare(load_document(s), k) for s in sources]
    model = default_boilerplate(settings)
    fps = [passage_fingerprints(t, model, settings.align) for t in texts]
    max_postings = max(candidates.max_postings, len(texts) // 20)
    rows = candidate_pairs(fps, candidates, max_postings)
    index_pairs = [(i, j) for i, j, _ in rows.tolist()]
    reports = aligned_pairs(texts, index_pairs, model, settings, executor)
    pairs: list[tuple[int, int, CopyPair]] = []
    for i, j in index_pairs:
        pair = oriented_pair(texts[i], texts[j], reports[i, j], reports[j, i])
        if max(pair.score, pair.reverse_score) >= threshold:
            checked = i if pair.checked.sha256 == texts[i].info.sha256 else j
            pairs.append((checked, i + j - checked, pair))
    checked_against: dict[int, list[int]] = {}
    for i, j in reports:
        checked_against.setdefault(i, []).append(j)
    for x, y, pair in pairs:
        attribute_source(pair, x, y, texts, reports, checked_against[x])
    found = sorted((pair for _, _, pair in pairs), key=lambda p: -p.score)
    return CorpusReport(len(texts), len(rows), found, threshold, settings.as_dict())


PAIRS_PER_TASK = 64


def align_batch(
    batch: list[tuple[PreparedText, PreparedText]], model: BoilerplateModel, settings: CopyCheckSettings
) -> list[tuple[CopyReport, CopyReport]]:
    """Both reports of each pair of a batch (runs on a worker)."""
    return [(check_prepared(a, [b], model, settings), check_prepared(b, [a], model, settings)) for a, b in batch]


def aligned_pairs(
    texts: list[PreparedText], index_pairs: list[tuple[int, int]], model: BoilerplateModel,
    settings: CopyCheckSettings, executor: Executor | None,
) -> dict[tuple[int, int], CopyReport]:
    """(i, j) -> the report of text i checked against text j, for both orders of every pair."""
    batches = [index_pairs[n : n + PAIRS_PER_TASK] for n in range(0, len(index_pairs), PAIRS_PER_TASK)]
    work = [[(texts[i], texts[j]) for i, j in batch] for batch in batches]
    if executor is None:
        results = [align_batch(w, model, settings) for w in work]
    else:  # only submit(): the one method every Executor implements
        results = [f.result() for f in [executor.submit(align_batch, w, model, settings) for w in work]]
    reports: dict[tuple[int, int], CopyReport] = {}
    for batch, batch_reports in zip(batches, results):
        for (i, j), (i_in_j, j_in_i) in zip(batch, batch_reports):
            reports[i, j], reports[j, i] = i_in_j, j_in_i
    return reports


def copied_mask(report: CopyReport, length: int) -> np.ndarray:
    """Per source character of the checked plan: whether a copied passage of `report` covers it."""
    mask = np.zeros(length, dtype=bool)
    for p in report.results[0].passages:
        if p.kind == "copied":
            mask[p.checked.start : p.checked.end] = True
    return mask


def precedes(c: PreparedText, p: PreparedText) -> bool:
    """Whether plan `c` can be the source of plan `p`: its place lies above `p`'s or, where either place is
    not known, it was issued earlier (a development zone's 要点 after its municipality's)."""
    place_c, place_p = issuing_place(c), issuing_place(p)
    if place_c is not None and place_p is not None:
        return place_c.is_above(place_p)
    return bool(c.info.date and p.info.date and c.info.date < p.info.date)


def attribute_source(
    pair: CopyPair, x: int, y: int, texts: list[PreparedText], reports: dict[tuple[int, int], CopyReport],
    others: list[int],
) -> None:
    """Tell direct copying from common-source inheritance, in the manner of passim's passage clusters: the
    text `x` shares with `y` belongs to a third plan of the collection when one that `precedes` both
    holds at least COMMON_SHARE of it, the highest (then earliest) such plan; to a plan not in the
    collection when neither's place lies under the other's (siblings copy their parent, not each other).
    `others` are the plans `x` was checked against."""
    length = len(texts[x].doc.text)
    shared = copied_mask(reports[x, y], length)
    if not shared.any():
        return
    holders = []
    for c in others:
        if c == y or not (precedes(texts[c], texts[x]) and precedes(texts[c], texts[y])):
            continue
        held = (shared & copied_mask(reports[x, c], length)).sum() / shared.sum()
        if held >= COMMON_SHARE:
            place_c = issuing_place(texts[c])
            holders.append((place_c.rank if place_c else len(LEVEL_RANK), texts[c].info.date or "", c))
    if holders:
        pair.relation, pair.common_source = COMMON_SOURCE, texts[min(holders)[2]].info
    elif in_different_lines(texts[x], texts[y]):
        pair.relation = COMMON_SOURCE


class CopyIndex:
    """Plans kept for later checks: `add` them once, `check` new plans against all of them.

        >>> index = CopyIndex("plans.sqlite")
        >>> index.add(["省方案.pdf", "市方案.docx"])
        >>> index.check("县方案.docx").passages_frame()
    """

    def __init__(
        self,
        path: str | None = None,
        *,
        storage: IndexStorage | None = None,
        settings: CopyCheckSettings | None = None,
        candidates: CandidateSettings | None = None,
    ) -> None:
        self.path = path
        self.settings = settings or CopyCheckSettings()
        self.candidates = candidates or CandidateSettings()
        self._storage: IndexStorage | None = storage or (None if path else MemoryStorage())
        if self._storage is None and os.path.exists(path):
            try:
                self._storage = SQLiteStorage(path)
            except UninitializedIndexError:
                pass  # empty, or another process is creating it: a query fails on it, `add` waits and fills it
        if self._storage is not None:
            self._check_shape(self._storage)

    @property
    def storage(self) -> IndexStorage:
        """The storage to read; a path that does not exist yet is an error here, not an empty index."""
        if self._storage is None:
            self._storage = SQLiteStorage(self.path)  # raises: no such index
        return self._storage

    def _writable_storage(self) -> IndexStorage:
        """The storage to add to: an index file that does not exist yet is created."""
        if self._storage is None:
            self._storage = SQLiteStorage(self.path, create=True)
            self._check_shape(self._storage)
        return self._storage

    def _check_shape(self, storage: IndexStorage) -> None:
        shape = f"k={self.settings.align.k};rate={self.settings.fingerprint_rate}"
        with index_errors(self.path):
            stored = storage.setting("shingles")
            if stored is None:
                with storage.transaction():
                    storage.set_setting("shingles", shape)
            elif stored != shape:
                raise DocparseError(f"index was built with {stored}, not {shape}", self.path)

    def __len__(self) -> int:
        with index_errors(self.path):
            return self.storage.count()

    def add(
        self, sources: Iterable[Source | PreparedText], on_error: Callable[[DocparseError], None] | None = None
    ) -> int:
        """Add plans (paths, Documents or prepared texts); ones already indexed (same sha256) are skipped.

        A file that cannot be read raises, unless `on_error` is given: then it is told about the failure
        and the other files are still added.
        """
        storage = self._writable_storage()
        fixed = default_boilerplate(self.settings)
        added = 0
        for source in sources:
            try:
                text = source if isinstance(source, PreparedText) else prepare(load_document(source), self.settings.align.k)
            except DocparseError as err:
                if on_error is None:
                    raise
                on_error(err)
                continue
            fps = text.fingerprints(self.settings.fingerprint_rate)
            # one transaction per plan, the frequency sketch read inside it: concurrent writers lose nothing
            with index_errors(self.path), storage.transaction():
                if storage.has(text.info.sha256):
                    continue
                storage.add(stored_from(text), fps[~fixed.shingle_flags(fps)])
                frequency = storage.load_frequency() or DocumentFrequency()
                frequency.add(text.hashes)
                storage.save_frequency(frequency)
            added += 1
        return added

    def boilerplate(self) -> BoilerplateModel:
        model = default_boilerplate(self.settings)
        model.frequency = self.storage.load_frequency()
        return model

    def check(self, source: Source | PreparedText) -> CopyReport:
        """Check one plan against the indexed plans that share enough fingerprints with it."""
        k = self.settings.align.k
        text = source if isinstance(source, PreparedText) else prepare(load_document(source), k)
        with index_errors(self.path):
            model = self.boilerplate()
            fps = boilerplate_fingerprints(text, model, self.settings.fingerprint_rate)
            found = find_candidates(self.storage, fps, self.candidates.min_shared, self.candidates.min_containment)
            stored_refs = [self.storage.get(cand.doc_id) for cand in found[: self.candidates.max_candidates + 1]]
        refs = [prepare(stored.document(), k) for stored in stored_refs if stored.sha256 != text.info.sha256]
        refs = refs[: self.candidates.max_candidates]
        return check_prepared(text, refs, model, self.settings)
