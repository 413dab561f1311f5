"""Lexicon terms found in a text in one pass: the shared matcher of every lexicon (regions, departments,
sectors, stance cues, 文种 words, enterprise endings).

Built on ahocorasick_rs (Rust). pyahocorasick, used before, keeps each trie node's children in an
array it searches linearly; the root of a Chinese lexicon has thousands of children, so it scanned
about 2 MB of text a second. ahocorasick_rs scans the same gazetteer over the real corpus 25× faster
and builds its automaton for 35,000 names in 0.05 s, so no automaton needs saving to disk.

That build still costs a fresh process more than reading one document: until a matcher has scanned enough
text to pay for its automaton, `longest` looks the text's substrings up in a dict instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from operator import itemgetter
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick, MatchKind

from docparse.compiled_patterns import start_class

V = TypeVar("V")
FIRST = itemgetter(0)
# ahocorasick_rs builds the gazetteer's 35,000 names at about 4 µs a name, and `LookupScan` reads about 0.5 µs a
# character: scanning 2 characters a term by look-ups costs a quarter of the build. That covers a fresh process's
# first documents (70,000 characters for the gazetteer); a longer run then builds the automaton, having spent
# little more than the build would have cost it alone.
LOOKUP_CHARS_PER_TERM = 2


class TermMatcher(Generic[V]):
    """The terms of a lexicon, each with its value, found in a text as (start, end, value)."""

    def __init__(self, terms: Mapping[str, V]) -> None:
        kept = {t: v for t, v in terms.items() if t}
        self._build(list(kept), list(kept.values()))

    @classmethod
    def from_lists(cls, terms: list[str], values: list[V]) -> TermMatcher[V]:
        """A matcher from the `terms` and `values` lists of another (distinct, non-empty terms)."""
        matcher = cls.__new__(cls)
        matcher._build(terms, values)
        return matcher

    def _build(self, terms: list[str], values: list[V]) -> None:
        self.terms = terms
        self.values = values
        self._longest: AhoCorasick | None = None  # each automaton is built when first used
        self._every: AhoCorasick | None = None
        self._lookup: LookupScan | None = None  # `longest` before its automaton pays for itself
        self._looked_up = 0  # characters `_lookup` has scanned

    def __len__(self) -> int:
        return len(self.terms)

    def longest(self, text: str) -> list[tuple[int, int, V]]:
        """Non-overlapping matches, left to right, the longest term where several start at one place."""
        if not self.terms:
            return []
        if self._longest is None:
            if self._looked_up + len(text) <= LOOKUP_CHARS_PER_TERM * len(self.terms):
                self._looked_up += len(text)
                lookup = self._lookup  # a local: another thread may build the automaton and drop the scan
                if lookup is None:
                    lookup = self._lookup = LookupScan(self.terms)
                found = lookup.longest_matches(text)
            else:
                self._longest = AhoCorasick(self.terms, matchkind=MatchKind.LeftmostLongest)
                self._lookup = None
        if self._longest is not None:
            found = self._longest.find_matches_as_indexes(text)
        values = self.values
        return [(s, e, values[i]) for i, s, e in found]

    def every_value(self, text: str) -> list[V]:
        """The value of every occurrence of every term, overlaps included, in no particular order."""
        if not self.terms:
            return []
        found = self._every_matcher().find_matches_as_indexes(text, overlapping=True)
        return list(map(self.values.__getitem__, map(FIRST, found)))  # no tuple unpacking in Python per match

    def every_index(self, text: str) -> list[int]:
        """The position in `terms` of every occurrence of every term, overlaps included, in no particular order."""
        if not self.terms:
            return []
        return list(map(FIRST, self._every_matcher().find_matches_as_indexes(text, overlapping=True)))

    def _every_matcher(self) -> AhoCorasick:
        if self._every is None:
            self._every = AhoCorasick(self.terms)
        return self._every

    def every(self, text: str) -> list[tuple[int, int, V]]:
        """Every occurrence of every term, overlaps included, by end and then longest first."""
        if not self.terms:
            return []
        values = self.values
        found = self._every_matcher().find_matches_as_indexes(text, overlapping=True)
        return [(s, e, values[i]) for i, s, e in sorted(found, key=lambda m: (m[2], m[1]))]


class LookupScan:
    """Leftmost-longest matches of distinct, non-empty terms found by dict look-ups: at each position, the
    longest term starting there, else the next position. The same matches as an automaton of kind
    LeftmostLongest, without building one."""

    def __init__(self, terms: list[str]) -> None:
        self.index = dict(zip(terms, range(len(terms))))
        self.key = min(2, min(map(len, terms)))  # the opening characters every term has
        # the longest term opening with each key, so most positions cost one look-up
        # (built by C-level maps: a fresh process builds this for 35,000 names before its first document)
        by_length = sorted(terms, key=len)
        self.reach = dict(zip(map(itemgetter(slice(0, self.key)), by_length), map(len, by_length)))

    def longest_matches(self, text: str) -> list[tuple[int, int, int]]:
        """(term index, start, end) of each match, left to right."""
        found = []
        key, reach, index = self.key, self.reach.get, self.index.get
        i, n = 0, len(text)
        while i < n:
            top = reach(text[i : i + key])
            if top is not None:
                for end in range(min(i + top, n), i + key - 1, -1):
                    term = index(text[i:end])
                    if term is not None:
                        found.append((term, i, end))
                        i = end
                        break
                else:
                    i += 1
            else:
                i += 1
        return found


class FirstCharScan:
    """A compiled pattern's matches found from the characters its matches can start with.

    `re` tries a long alternation at every position of the text unless all its branches open with a literal;
    a pattern whose branches open with optional words (各?…, (?:部分|少数)?县区…) or with a lookbehind
    (the date grammar's (?<![\\d第])…) scans a page slowly. Here a one-class pattern finds the possible starts
    and the pattern is tried there only: the same matches as `pattern.finditer`, for a pattern that matches no
    empty string and opens with nothing a character class cannot say (., a negated class, case folding)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        starts = start_class(pattern, lambda: first_char_class(pattern))
        self.starts = re.compile(starts) if starts is not None else None
        self.guarded = guarded_pattern(pattern, starts)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        if self.guarded is not None:
            yield from self.guarded.finditer(text, pos, endpos)
            return
        if self.starts is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        search, match = self.starts.search, self.pattern.match
        while (hit := search(text, pos, endpos)) is not None:
            m = match(text, hit.start(), endpos)
            if m is None:
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()


def guarded_pattern(pattern: re.Pattern[str], starts: str | None) -> re.Pattern[str] | None:
    """`pattern` behind a lookahead for the characters its matches start with: `re` then rejects every other
    position in C with one class test, the same positions the Python loop of `FirstCharScan` skipped, and
    tries the pattern where the loop tried it (its groups keep their numbers). None when there is no class
    or the pattern cannot be wrapped (global inline flags must open a pattern)."""
    if starts is None:
        return None
    try:
        return re.compile(f"(?={starts})(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return None


def first_char_class(pattern: re.Pattern[str]) -> str | None:
    """A character class of what `pattern`'s matches can start with; None when it cannot be said."""
    firsts, nullable = first_chars(re._parser.parse(pattern.pattern, pattern.flags))  # type: ignore[attr-defined]
    if firsts is None or nullable or pattern.flags & re.IGNORECASE:
        return None
    return f"[{''.join(sorted(firsts))}]"


CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def first_chars(items) -> tuple[set[str] | None, bool]:
    """(what a parsed pattern's match may start with, as the items of a character class: escaped characters,
    ranges and \\d \\s \\w; whether it may match the empty string). None for the items when a class
    cannot say them (., a negated class or category, case folding)."""
    firsts: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return firsts | {re.escape(chr(av))}, False
        if name in ("AT", "ASSERT_NOT", "ASSERT"):
            continue  # zero-width: the next item opens the match (a lookahead only narrows it)
        if name == "IN":
            members = class_items(av)
            return (None, False) if members is None else (firsts | members, False)
        if name == "SUBPATTERN":
            sub, nullable = first_chars(av[-1])
        elif name == "BRANCH":
            parts = [first_chars(b) for b in av[1]]
            if any(p[0] is None for p in parts):
                return None, False
            sub, nullable = set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            sub, nullable = first_chars(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        firsts |= sub
        if not nullable:
            return firsts, False
    return firsts, True


def class_items(members) -> set[str] | None:
    """A parsed character class as the items of a new one; None when it is negated or uses a category
    other than \\d \\s \\w."""
    items: set[str] = set()
    for op, av in members:
        name = str(op)
        if name == "LITERAL":
            items.add(re.escape(chr(av)))
        elif name == "RANGE":
            items.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in CATEGORIES:
            items.add(CATEGORIES[str(av)])
        else:
            return None
    return items
