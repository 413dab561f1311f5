"""Copy checks across collections: every copied pair of a corpus, and checks against a saved index."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
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
    sizes = fingerprint_counts(fps)
    rows = [
        kept_pairs(*np.unique(left * n + right, return_counts=True), sizes, n, settings)
        for left, right in posting_pairs(np.concatenate(fps), fingerprint_owners(fps), max_postings)
    ]
    return np.concatenate(rows) if rows else np.zeros((0, 3), dtype=np.int64)


def fingerprint_owners(fps: list[np.ndarray]) -> np.ndarray:
    """The plan number of every fingerprint of `np.concatenate(fps)`."""
    return np.repeat(np.arange(len(fps), dtype=np.int64), [len(f) for f in fps])


def fingerprint_counts(fps: list[np.ndarray]) -> np.ndarray:
    return np.array([len(f) for f in fps], dtype=np.int64)


PAIRS_PER_BLOCK = 8_000_000  # posting pairs expanded at once: about 0.5 GB of temporary arrays


def posting_pairs(
    hashes: np.ndarray, docs: np.ndarray, max_postings: int, block: int | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Plan pairs `(left, right)`, left < right, once for every posting list of `hashes` both are in, in
    blocks of about `block` pairs; every pair of a plan as `left` is in one block, so a pair's count in its
    block is its count. Lists of one plan or of more than `max_postings` pair nothing. `hashes` must hold
    every posting of each of its hashes (all of them, or one shard of an index partitioned by hash).

    The pairs of a list grow with the square of its length, and so with the collection; expanded a block
    at a time they take the block's memory, not the collection's (bench_copycheck.py scale: 30,000
    synthetic plans, 25 million posting pairs, peak 4.1 GB expanded at once, 3.4 GB in blocks)."""
    block = block or PAIRS_PER_BLOCK
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]]) if len(hashes) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(hashes)])
    ok = (sizes >= 2) & (sizes <= max_postings)
    starts, sizes = starts[ok], sizes[ok]
    # Every member of each list pairs with the members after it (plans ascend within a list): the
    # member at offset i of a list of size s pairs with the s - 1 - i after it.
    member = np.repeat(starts, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    after = np.repeat(sizes, sizes) - 1 - (member - np.repeat(starts, sizes))
    by_plan = np.argsort(docs[member], kind="stable")
    member, after = member[by_plan], after[by_plan]
    plan = docs[member]
    cumulative = np.cumsum(after)
    lo = 0
    while lo < len(member):
        hi = int(np.searchsorted(cumulative, cumulative[lo] - after[lo] + block, side="right"))
        hi = max(hi, lo + 1)
        hi = int(np.searchsorted(plan, plan[hi - 1], side="right"))  # a plan's pairs stay in one block
        m, a = member[lo:hi], after[lo:hi]
        left = np.repeat(m, a)
        right = left + 1 + (np.arange(a.sum()) - np.repeat(np.cumsum(a) - a, a))
        yield docs[left], docs[right]
        lo = hi


def kept_pairs(
    keys: np.ndarray, shared: np.ndarray, sizes: np.ndarray, n: int, settings: CandidateSettings
) -> np.ndarray:
    """Rows `(i, j, shared)` of the pair keys sharing at least `min_shared` fingerprints and `min_containment`
    of the smaller plan's (`sizes`: fingerprints per plan)."""
    i, j = keys // n, keys % n
    smaller = np.maximum(np.minimum(sizes[i], sizes[j]), 1)
    keep = (shared >= settings.min_shared) & (shared / smaller >= settings.min_containment)
    return np.stack([i[keep], j[keep], shared[keep]], axis=1).astype(np.int64)


def candidate_pairs_partitioned(
    fps: list[np.ndarray], settings: CandidateSettings, max_postings: int, partitions: int
) -> np.ndarray:
    """`candidate_pairs` with the inverted index partitioned by Dask: the fingerprints are shuffled by hash
    into `partitions` shards (every posting list whole in one shard), each shard counts the plan pairs of
    its lists, the counts are summed by pair key in `partitions` groups and filtered where they lie; only
    the candidate rows come back. It runs on the active Dask scheduler: a `distributed.Client`'s cluster
    when one is open, local threads otherwise."""
    import dask.dataframe as dd
    import pandas as pd

    n = len(fps)
    if n < 2:
        return np.zeros((0, 3), dtype=np.int64)
    frame = pd.DataFrame({"hash": np.concatenate(fps).view(np.int64), "doc": fingerprint_owners(fps)})
    postings = dd.from_pandas(frame, npartitions=partitions, sort=False).shuffle("hash", npartitions=partitions)
    meta = pd.DataFrame({"pair": pd.Series(dtype=np.int64), "shared": pd.Series(dtype=np.int64)})
    counts = postings.map_partitions(shard_pair_counts, n, max_postings, meta=meta)
    totals = counts.groupby("pair")["shared"].sum(split_out=partitions).reset_index()
    meta_rows = pd.DataFrame({c: pd.Series(dtype=np.int64) for c in ("i", "j", "shared")})
    rows = totals.map_partitions(shard_candidates, fingerprint_counts(fps), n, settings, meta=meta_rows).compute()
    out = rows[["i", "j", "shared"]].to_numpy(dtype=np.int64).reshape(-1, 3)
    return out[np.lexsort((out[:, 1], out[:, 0]))]


def shard_pair_counts(shard: pandas.DataFrame, n: int, max_postings: int) -> pandas.DataFrame:
    """The pair counts of one shard of the index (runs on a worker)."""
    import pandas as pd

    counted = [
        np.unique(left * n + right, return_counts=True)
        for left, right in posting_pairs(shard["hash"].to_numpy(), shard["doc"].to_numpy(), max_postings)
    ]
    keys = np.concatenate([k for k, _ in counted]) if counted else np.zeros(0, np.int64)
    shared = np.concatenate([c for _, c in counted]) if counted else np.zeros(0, np.int64)
    return pd.DataFrame({"pair": keys.astype(np.int64), "shared": shared.astype(np.int64)})


def shard_candidates(
    totals: pandas.DataFrame, sizes: np.ndarray, n: int, settings: CandidateSettings
) -> pandas.DataFrame:
    """The candidate rows of one group of summed pair counts (runs on a worker)."""
    import pandas as pd

    rows = kept_pairs(totals["pair"].to_numpy(), totals["shared"].to_numpy(), sizes, n, settings)
    return pd.DataFrame(rows.reshape(-1, 3), columns=["i", "j", "shared"])


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
    partitions: int | None = None,
) -> CorpusReport:
    """All pairs of a collection whose copied share (either way) is at least `threshold`, each told
    apart as a direct copy or as two plans inheriting from a common source (`attribute_source`).

    The candidate pairs are aligned here, or through `executor` (any `concurrent.futures.Executor`, e.g.
    a Dask cluster's `client.get_executor()`) in batches of `PAIRS_PER_TASK`, for collections beyond
    one machine; the result is the same. With `partitions`, the candidate search's inverted index is
    sharded by fingerprint into that many Dask partitions (`candidate_pairs_partitioned`, on the open
    `distributed.Client`'s cluster if any) instead of built in memory here; the pairs are the same.
    Plain texts too many to read in full can be given prepared (`prepare_text`).

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
    if partitions:
        rows = candidate_pairs_partitioned(fps, candidates, max_postings, partitions)
    else:
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
        added, batch = 0, []
        texts = self._prepared(sources, on_error)
        while True:
            try:
                text = next(texts)
            except StopIteration:
                break
            except DocparseError:
                if batch:  # the plans read before the failing file are kept, as they were added one by one
                    self._add_batch(storage, batch)
                raise
            batch.append(text)
            if len(batch) == self.ADD_BATCH:
                added += self._add_batch(storage, batch)
                batch = []
        return added + (self._add_batch(storage, batch) if batch else 0)

    # Plans written per transaction. The frequency sketch (16 MiB) is read and written once per batch, not once
    # per plan: read and written for every plan, it made an index of 10,000 plans take over ten minutes.
    ADD_BATCH = 200

    def _prepared(
        self, sources: Iterable[Source | PreparedText], on_error: Callable[[DocparseError], None] | None
    ) -> Iterator[PreparedText]:
        for source in sources:
            try:
                yield source if isinstance(source, PreparedText) else prepare(load_document(source), self.settings.align.k)
            except DocparseError as err:
                if on_error is None:
                    raise
                on_error(err)

    def _add_batch(self, storage: IndexStorage, texts: list[PreparedText]) -> int:
        """Add prepared plans in one transaction, the frequency sketch read inside it: concurrent writers
        lose nothing, and a failure leaves none of the batch half written."""
        fixed = default_boilerplate(self.settings)
        added = 0
        with index_errors(self.path), storage.transaction():
            frequency = storage.load_frequency() or DocumentFrequency()
            for text in texts:
                if storage.has(text.info.sha256):
                    continue
                fps = text.fingerprints(self.settings.fingerprint_rate)
                storage.add(stored_from(text), fps[~fixed.shingle_flags(fps)])
                frequency.add(text.hashes)
                added += 1
            if added:
                storage.save_frequency(frequency)
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
