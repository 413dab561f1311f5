"""Small helpers over the normalized text shared by the extract and link stages."""

from __future__ import annotations


def enclosing(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """The stretch around `[start, end)` up to, not including, the nearest break character on each side."""
    lo = start
    while lo > 0 and text[lo - 1] not in breaks:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in breaks:
        hi += 1
    return lo, hi
