"""Passage alignment: shared shingles of two masked streams -> copied passages in both.

Seed and extend, as in PAN text-alignment systems: every shingle of the checked text that occurs in
the reference is a seed `(i, j)`; seeds on one diagonal `j - i` that touch form an exact run; runs
that follow each other in both texts with small gaps (a reworded word, an inserted 进一步) merge into
one passage. Reordered sentences give separate passages, each still found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from docparse.copycheck.mask import REGION


@dataclass(frozen=True, slots=True)
class AlignSettings:
    k: int = 8  # shingle length in masked codes
    gap: int = 30  # largest unmatched stretch (masked codes) bridged inside one passage
    min_length: int = 16  # shortest passage kept, in masked codes of the checked text
    max_occurrences: int = 8  # a shingle repeated more often in the reference seeds nothing


@dataclass(frozen=True, slots=True)
class Alignment:
    """One passage in masked coordinates: checked `[a_start, a_end)` ~ reference `[b_start, b_end)`."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int  # masked codes of the checked range covered by exact runs
    informative: int  # of which real characters (not REGION/LEVEL/NUMBER codes)

    @property
    def length(self) -> int:
        return self.a_end - self.a_start


def seed_pairs(a: np.ndarray, b: np.ndarray, max_occurrences: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions `(i, j)` with `a[i] == b[j]`; hashes repeated more than `max_occurrences` in b skipped."""
    if len(a) == 0 or len(b) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.argsort(b, kind="stable")
    sorted_b = b[order]
    lo = np.searchsorted(sorted_b, a, side="left")
    hi = np.searchsorted(sorted_b, a, side="right")
    counts = hi - lo
    hit = np.nonzero((counts > 0) & (counts <= max_occurrences))[0]
    reps = counts[hit]
    a_pos = np.repeat(hit, reps)
    within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    b_pos = order[np.repeat(lo[hit], reps) + within]
    return a_pos.astype(np.int64), b_pos.astype(np.int64)


def exact_runs(a_pos: np.ndarray, b_pos: np.ndarray, k: int) -> np.ndarray:
    """Runs of touching seeds on one diagonal, as rows `(a_start, a_end, b_start, b_end)` sorted by a_start."""
    if len(a_pos) == 0:
        return np.zeros((0, 4), dtype=np.int64)
    diag = b_pos - a_pos
    order = np.lexsort((a_pos, diag))
    a_s, d_s = a_pos[order], diag[order]
    new_run = np.ones(len(a_s), dtype=bool)
    new_run[1:] = (d_s[1:] != d_s[:-1]) | (a_s[1:] - a_s[:-1] > k)
    starts = np.nonzero(new_run)[0]
    ends = np.append(starts[1:], len(a_s)) - 1
    a0, a1 = a_s[starts], a_s[ends] + k
    runs = np.stack([a0, a1, a0 + d_s[starts], a1 + d_s[starts]], axis=1)
    return runs[np.argsort(runs[:, 0], kind="stable")]


def merge_runs(runs: np.ndarray, settings: AlignSettings, info_prefix: np.ndarray) -> list[Alignment]:
    """Chain runs that follow each other in both texts within `gap` into passages.

    `info_prefix[i]` counts informative codes (real characters) before position i of the checked text.
    """
    open_chains: list[list[int]] = []  # [a_start, a_end, b_start, b_end, matched, informative]
    done: list[list[int]] = []
    gap, k = settings.gap, settings.k
    for a0, a1, b0, b1 in runs.tolist():
        still_open = []
        for chain in open_chains:
            (done if chain[1] + gap < a0 else still_open).append(chain)
        open_chains = still_open
        best = None
        best_cost = None
        for chain in open_chains:
            da, db = a0 - chain[1], b0 - chain[3]
            if -k <= da <= gap and -k <= db <= gap and abs(da - db) <= gap:
                cost = abs(da - db) + max(da, 0)
                if best_cost is None or cost < best_cost:
                    best, best_cost = chain, cost
        if best is None:
            open_chains.append([a0, a1, b0, b1, a1 - a0, int(info_prefix[a1] - info_prefix[a0])])
        elif a1 > best[1]:
            new_start = max(a0, best[1])
            best[4] += a1 - new_start
            best[5] += int(info_prefix[a1] - info_prefix[new_start])
            best[1] = a1
            best[3] = max(best[3], b1)
    done.extend(open_chains)
    return [Alignment(*c) for c in done]


def resolve_overlaps(passages: list[Alignment], min_length: int) -> list[Alignment]:
    """Keep the best-supported passage where several claim the same checked text; trim partial overlaps.

    A passage needs `min_length` exactly matched real characters: runs of masked dates and numbers
    alone (N年N月N日至N月N日) are not evidence of copying.
    """
    taken: list[tuple[int, int]] = []
    kept: list[Alignment] = []
    for p in sorted(passages, key=lambda p: (-p.matched, p.a_start)):
        a0, a1, b0, b1 = p.a_start, p.a_end, p.b_start, p.b_end
        for t0, t1 in taken:
            if t0 <= a0 < t1:
                b0 += t1 - a0
                a0 = t1
            if t0 < a1 <= t1:
                b1 -= a1 - t0
                a1 = t0
            if a0 < t0 and t1 < a1:  # a smaller passage sits inside: keep the longer side
                if t0 - a0 >= a1 - t1:
                    b1 -= a1 - t0
                    a1 = t0
                else:
                    b0 += t1 - a0
                    a0 = t1
        if a1 - a0 >= min_length and b1 > b0 and p.informative >= min_length:
            taken.append((a0, a1))
            share = (a1 - a0) / p.length
            kept.append(Alignment(a0, a1, b0, b1, min(p.matched, a1 - a0), int(p.informative * share)))
    return sorted(kept, key=lambda p: p.a_start)


def align(
    a_hashes: np.ndarray, b_hashes: np.ndarray, a_codes: np.ndarray, settings: AlignSettings = AlignSettings()
) -> tuple[list[Alignment], np.ndarray]:
    """Copied passages of the checked text (hashes `a_hashes`, masked codes `a_codes`) found in the reference,
    and per shingle of the checked text whether it seeded (occurs in the reference): the text both hold,
    where a passage also spans the reworded stretches it bridges."""
    a_pos, b_pos = seed_pairs(a_hashes, b_hashes, settings.max_occurrences)
    runs = exact_runs(a_pos, b_pos, settings.k)
    info_prefix = np.r_[0, np.cumsum(a_codes < REGION)]
    seeded = np.zeros(len(a_hashes), dtype=bool)
    seeded[a_pos] = True
    return resolve_overlaps(merge_runs(runs, settings, info_prefix), settings.min_length), seeded
