"""The shared span helpers answer as their plain definitions do, however they search."""

from __future__ import annotations

import random

import pytest

from docparse.textspans import CLOSING, OPENING, IntervalIndex, list_members


def intervals(rng: random.Random) -> list[tuple[int, int]]:
    return [(s, s + rng.randrange(0, 30)) for s in (rng.randrange(200) for _ in range(rng.randrange(0, 12)))]


@pytest.mark.parametrize("seed", range(20))
def test_interval_queries_agree_with_their_definitions(seed):
    rng = random.Random(seed)
    for _ in range(100):
        spans = intervals(rng)
        index = IntervalIndex(spans)
        ordered = sorted(spans)
        for _ in range(20):
            start = rng.randrange(-10, 240)
            end, gap = start + rng.randrange(0, 40), rng.randrange(0, 5)
            assert index.overlaps(start, end) == any(s < end and e > start for s, e in spans)
            assert index.containing(start) == next(((s, e) for s, e in ordered if s <= start < e), None)
            assert index.containing(start, inside=True) == next(((s, e) for s, e in ordered if s < start < e), None)
            assert index.near(start, end, gap) == any(abs(s - end) <= gap or abs(start - e) <= gap for s, e in spans)


def members_by_character(text: str, start: int, end: int, joiner: str = "、") -> list[tuple[int, int]]:
    members, member_start, depth = [], start, 0
    for i in range(start, end):
        if text[i] in OPENING:
            depth += 1
        elif text[i] in CLOSING:
            depth = max(depth - 1, 0)
        elif text[i] == joiner and depth == 0:
            members.append((member_start, i))
            member_start = i + 1
    members.append((member_start, end))
    return members


def test_list_members_split_at_joiners_outside_brackets():
    text = "安全監管(屬地監管、行業監管)、消防（救援、应急）】、、交通"
    assert list_members(text, 0, len(text)) == [(0, 15), (16, 26), (27, 27), (28, 30)]
    for joiner in ("、", "，", "（", "ab", ""):
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                assert list_members(text, start, end, joiner) == members_by_character(text, start, end, joiner)
