"""Boilerplate: standard formulations every plan shares (以习近平新时代中国特色社会主义思想为指导, 党政同责、一岗双责).

Two sources, built the same way: the shipped list `docparse/data/boilerplate.tsv` (passages found in
many independent plans by `scripts/build_boilerplate.py`), and the document frequency of shingles in
the collection being checked (a corpus directory or an index). Boilerplate passages are shown in
reports but do not count as copying.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from docparse.copycheck.mask import Gazetteer, mask_text
from docparse.copycheck.shingles import fmix64, shingle_hashes

BOILERPLATE_FILE = "boilerplate.tsv"


@dataclass(frozen=True, slots=True)
class BoilerplateSet:
    """Sorted distinct shingle hashes that count as boilerplate."""

    hashes: np.ndarray  # uint64, sorted, distinct

    def __len__(self) -> int:
        return len(self.hashes)

    def contains(self, hashes: np.ndarray) -> np.ndarray:
        """Boolean per input hash."""
        if len(self.hashes) == 0 or len(hashes) == 0:
            return np.zeros(len(hashes), dtype=bool)
        idx = np.searchsorted(self.hashes, hashes)
        idx[idx == len(self.hashes)] = 0
        return self.hashes[idx] == hashes

    def union(self, other: "BoilerplateSet") -> "BoilerplateSet":
        return BoilerplateSet(np.union1d(self.hashes, other.hashes))

    @classmethod
    def empty(cls) -> "BoilerplateSet":
        return cls(np.zeros(0, dtype=np.uint64))


def covered_codes(shingle_flags: np.ndarray, n_codes: int, k: int) -> np.ndarray:
    """Per masked code: whether some flagged shingle (starting at i, covering `[i, i+k)`) covers it."""
    # code i is covered by the shingles starting in [i - k + 1, i]: a difference of prefix counts
    m = len(shingle_flags)
    flagged_before = np.r_[0, np.cumsum(shingle_flags, dtype=np.int64)]
    i = np.arange(n_codes)
    return flagged_before[np.minimum(i + 1, m)] - flagged_before[np.clip(i - k + 1, 0, m)] > 0


def phrases_boilerplate(phrases: tuple[str, ...], k: int, gazetteer: Gazetteer | None = None) -> BoilerplateSet:
    """Boilerplate set from normalized phrases, masked and shingled like documents."""
    parts = [shingle_hashes(mask_text(p, gazetteer).codes, k) for p in phrases]
    parts = [p for p in parts if len(p)]
    return BoilerplateSet(np.unique(np.concatenate(parts))) if parts else BoilerplateSet.empty()


@lru_cache(maxsize=1)
def shipped_phrases() -> tuple[str, ...]:
    """The standard formulations shipped in docparse/data/boilerplate.tsv (empty when absent)."""
    from docparse.resources import data_path, load_tsv

    if not data_path(BOILERPLATE_FILE).is_file():
        return ()
    return tuple(row["text"] for row in load_tsv(BOILERPLATE_FILE) if row.get("text"))


@lru_cache(maxsize=4)
def shipped_boilerplate(k: int) -> BoilerplateSet:
    return phrases_boilerplate(shipped_phrases(), k)


@dataclass(frozen=True, slots=True)
class DfPolicy:
    """When a shingle counts as boilerplate by document frequency.

    A shingle found in at least `max(min_documents, fraction * n)` of `n` documents is boilerplate,
    and only in collections of at least `min_collection` documents: in a small collection a passage
    shared by many documents is more likely one plan copied many times than a standard formulation.
    """

    fraction: float = 0.05
    min_documents: int = 5
    min_collection: int = 20

    def threshold(self, n_documents: int) -> int | None:
        if n_documents < self.min_collection:
            return None
        return max(self.min_documents, int(np.ceil(self.fraction * n_documents)))


class DocumentFrequency:
    """Approximate document frequency of shingle hashes: a count-min sketch, mergeable and storable.

    Two rows of 2**22 saturating 16-bit counters (16 MiB). Counts can only be over-estimated, by the
    hashes sharing a cell; with the thresholds of `DfPolicy` (hundreds of documents in large
    collections) the error does not matter, and small collections rarely collide.
    """

    ROWS = 2
    WIDTH_BITS = 22

    def __init__(self, table: np.ndarray | None = None, n_documents: int = 0) -> None:
        self.table = np.zeros((self.ROWS, 1 << self.WIDTH_BITS), dtype=np.uint16) if table is None else table
        self.n_documents = n_documents

    def _cells(self, hashes: np.ndarray) -> list[np.ndarray]:
        width_mask = np.uint64((1 << self.WIDTH_BITS) - 1)
        with np.errstate(over="ignore"):
            return [
                (fmix64(hashes ^ np.uint64(0x9E3779B97F4A7C15 * (row + 1) & 0xFFFFFFFFFFFFFFFF)) & width_mask).astype(
                    np.int64
                )
                for row in range(self.ROWS)
            ]

    def add(self, document_hashes: np.ndarray) -> None:
        """Count one document (its shingle hashes; repeats inside the document count once)."""
        distinct = np.unique(document_hashes)
        for row, cells in enumerate(self._cells(distinct)):
            cells = np.unique(cells)
            current = self.table[row, cells]
            self.table[row, cells] = np.where(current < np.iinfo(np.uint16).max, current + 1, current)
        self.n_documents += 1

    def counts(self, hashes: np.ndarray) -> np.ndarray:
        if len(hashes) == 0:
            return np.zeros(0, dtype=np.int64)
        return np.min(
            np.stack([self.table[row, cells] for row, cells in enumerate(self._cells(hashes))]), axis=0
        ).astype(np.int64)

    def boilerplate_flags(self, hashes: np.ndarray, policy: DfPolicy) -> np.ndarray:
        """Per hash: whether its document frequency makes it boilerplate under `policy`."""
        threshold = policy.threshold(self.n_documents)
        if threshold is None:
            return np.zeros(len(hashes), dtype=bool)
        return self.counts(hashes) >= threshold

    def to_bytes(self) -> bytes:
        return self.table.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, n_documents: int) -> "DocumentFrequency":
        table = np.frombuffer(data, dtype=np.uint16).reshape(cls.ROWS, 1 << cls.WIDTH_BITS).copy()
        return cls(table, n_documents)


@dataclass(frozen=True, slots=True)
class CommonPhrase:
    """A passage (normalized text) whose shingles occur in `documents` documents of a collection."""

    text: str
    documents: int


def common_phrases(
    texts: list, k: int, min_documents: int, min_length: int = 12, groups: list[str] | None = None
) -> list[CommonPhrase]:
    """Passages made of shingles found in at least `min_documents` of the prepared `texts`, or, with
    `groups` (one label per text, such as its campaign), in texts of at least that many groups: phrasing
    shared across campaigns, never the text one campaign's plans inherit from their parent.

    How the shipped list is built (scripts/build_boilerplate.py) and how the benchmark builds its
    held-out lists: document frequency of masked shingles, then each document's maximal runs of
    frequent shingles, as written in its normalized text.
    """
    if not texts:
        return []
    labels = groups if groups is not None else [str(i) for i in range(len(texts))]
    by_group: dict[str, list[np.ndarray]] = {}
    for t, label in zip(texts, labels):
        by_group.setdefault(label, []).append(t.hashes)
    distinct = [np.unique(np.concatenate(parts)) for parts in by_group.values()]
    values, df = np.unique(np.concatenate(distinct), return_counts=True)
    phrases: dict[str, int] = {}
    for t in texts:
        shingle_df = df[np.searchsorted(values, t.hashes)]
        flags = covered_codes(shingle_df >= min_documents, len(t.masked), k)
        edges = np.flatnonzero(np.diff(np.r_[0, flags.astype(np.int8), 0]))
        for start, end in zip(edges[::2].tolist(), edges[1::2].tolist()):
            if end - start < min_length:
                continue
            ns, ne = t.masked.norm_range(start, end)
            documents = int(shingle_df[start : end - k + 1].min())
            phrase = t.doc.norm_text[ns:ne]
            phrases[phrase] = max(phrases.get(phrase, 0), documents)
    return sorted((CommonPhrase(p, n) for p, n in phrases.items()), key=lambda p: (-p.documents, p.text))
