"""Small helpers over the normalized text shared by the extract and link stages."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from operator import sub
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from docparse.model import Span

T = TypeVar("T")

CJK = re.compile(r"[\u4e00-\u9fff]")  # one unified ideograph of the basic block
# Cell boundaries of a table written as text: tabs, runs of two or more spaces, or the bars a web page leaves
# between cells (烟花爆竹 | 1月份 | 安监站 安监所 |); the task and deadline readers split rows alike.
CELL_GAP = re.compile(r"\t+|[ \u3000\u00a0]*[|｜][ \u3000\u00a0]*|[ \u3000\u00a0]{2,}|\u3000")


def row_cells(line: str) -> list[str]:
    """The cells of a table line, without the empty ends a row opened or closed by a bar leaves."""
    cells = [c.strip() for c in CELL_GAP.split(line)]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


@lru_cache(maxsize=8)
def break_positions(text: str, breaks: str) -> tuple[int, ...]:
    """Offsets of every break character in `text`, ascending; computed once per text and break set.

    Kept because extractors ask for the clause, sentence or line around thousands of items: a scan
    outward from each would cost the length of the stretch every time (quadratic in one long sentence).
    """
    pattern = re.compile("[" + re.escape(breaks) + "]")
    return tuple(m.start() for m in pattern.finditer(text))


def enclosing(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """The stretch around `[start, end)` up to, not including, the nearest break character on each side."""
    positions = break_positions(text, breaks)
    before = bisect_left(positions, start)
    lo = positions[before - 1] + 1 if before else 0
    after = bisect_left(positions, end)
    hi = positions[after] if after < len(positions) else len(text)
    return lo, hi


OPENING, CLOSING = "(（[〔【", ")）]〕】"


def list_members(text: str, start: int, end: int, joiner: str = "、") -> list[tuple[int, int]]:
    """The members of a list written with `joiner` in text[start:end], as written (blanks and empty members
    kept); a joiner inside brackets (安全監管(屬地監管、行業監管)) parts no members."""
    members, member_start, depth = [], start, 0
    # only brackets and joiners move the count: a regex finds them, no Python step for every other character
    for m in list_marks(joiner).finditer(text, start, end):
        ch = m.group()
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0:
            members.append((member_start, m.start()))
            member_start = m.start() + 1
    members.append((member_start, end))
    return members


@cache
def list_marks(joiner: str) -> re.Pattern[str]:
    """One bracket or `joiner` (a joiner of several characters is never one character: brackets only)."""
    return re.compile("[" + re.escape(OPENING + CLOSING + (joiner if len(joiner) == 1 else "")) + "]")


class IntervalIndex:
    """Half-open intervals `[start, end)` sorted once, for overlap and containment queries by bisection.

    Extractors compare every mention with every other (is this name inside a generic phrase, does this
    body overlap an enterprise); with the intervals sorted by start and the longest length known, a
    query looks only at intervals that start within reach of it.
    """

    __slots__ = ("starts", "ends", "longest")

    def __init__(self, intervals: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]
        self.longest = max(map(sub, self.ends, self.starts), default=0)

    # The queries bisect in place rather than through a helper: extractors ask tens of thousands of them a corpus
    # pass, most over no interval at all.

    def _reach(self, lo: int, hi: int) -> range:
        """Indices of intervals whose start lies in `[lo, hi)`."""
        first = bisect_left(self.starts, lo)
        return range(first, bisect_left(self.starts, hi, first))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an interval shares a position with `[start, end)`."""
        starts = self.starts
        lo = bisect_left(starts, start - self.longest)
        hi = bisect_left(starts, end, lo)
        return lo < hi and max(self.ends[lo:hi]) > start

    def containing(self, pos: int, *, inside: bool = False) -> tuple[int, int] | None:
        """The first interval that holds position `pos` (start <= pos < end; with `inside`, start < pos too)."""
        starts, ends = self.starts, self.ends
        lo = bisect_left(starts, pos - self.longest)
        for i in range(lo, bisect_left(starts, pos if inside else pos + 1, lo)):
            if ends[i] > pos:
                return starts[i], ends[i]
        return None

    def near(self, start: int, end: int, gap: int) -> bool:
        """Whether an interval starts within `gap` of `end` or ends within `gap` of `start`."""
        return any(
            abs(self.starts[i] - end) <= gap or abs(start - self.ends[i]) <= gap
            for i in self._reach(start - gap - self.longest, end + gap + 1)
        )


class SpanLookup(Generic[T]):
    """Items that carry a `.span`, for the first of them (in their given order) lying inside a span."""

    __slots__ = ("items", "order", "starts")

    def __init__(self, items: Sequence[T]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].span.start)  # type: ignore[attr-defined]
        self.starts = [items[i].span.start for i in self.order]  # type: ignore[attr-defined]

    def first_within(self, span: Span) -> T | None:
        lo, hi = bisect_left(self.starts, span.start), bisect_right(self.starts, span.end)
        inside = [i for i in self.order[lo:hi] if self.items[i].span.end <= span.end]  # type: ignore[attr-defined]
        return self.items[min(inside)] if inside else None
