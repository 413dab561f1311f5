"""Jurisdiction and number masking: normalized text -> the code stream that copy detection compares.

A county plan copied from a city plan renames the jurisdiction (昆明市 → 某某县, 市应急局 → 县应急局,
全市 → 全县) and shifts dates. Masking makes both read the same: region names become one REGION
code, the administrative level characters (省 市 州 县 区 旗 盟 镇 乡) become one LEVEL code, digit and
Chinese-numeral runs become one NUMBER code, and punctuation and spaces are dropped. Every masked
code remembers the normalized range `[norm_start, norm_end)` it stands for, so passages found on
the masked stream map back to the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from docparse.copycheck.fold import fold_text
from docparse.matching import TermMatcher

REGION = 0xE000  # private-use code points: never in real text after normalization
LEVEL = 0xE001
NUMBER = 0xE002

LEVEL_CHARS = "省市州县区旗盟镇乡"
# Characters that do not start or continue a place name in running text: function words, level and
# organisation words. A generic name is the run of at most four other CJK characters before a level
# character (云南省, 西双版纳州, 某某县); the gazetteer, when present, names real places exactly.
NAME_STOP_CHARS = (
    "的在由对向从和与及或并为按将把被了是等各全本我该其级委政府局厅部门会办党国家中央省市州县区旗盟镇乡"
    "开展进行推动落实加强深入贯彻组织工作安全生产重点领域行业企业单位所有关于以至到于和、"
)
LEVEL_CODES = np.array([ord(c) for c in LEVEL_CHARS], dtype=np.uint32)
NUMERAL_CHARS = "零〇一二三四五六七八九十百千万两"

GENERIC_REGION = re.compile(
    r"(?P<name>[^\W\d_A-Za-z" + re.escape(NAME_STOP_CHARS) + r"]{2,4})(?=[" + LEVEL_CHARS + "])"
)
NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?%?|[" + NUMERAL_CHARS + r"]+")


@dataclass(frozen=True, slots=True)
class MaskedText:
    """The masked code stream of one normalized text.

    `codes[i]` is a code point (or REGION/LEVEL/NUMBER) standing for `norm_text[norm_start[i]:norm_end[i]]`.
    """

    codes: np.ndarray  # uint32
    norm_start: np.ndarray  # int32 (as are the next two: a third of a prepared plan's memory in int64)
    norm_end: np.ndarray
    folded_length: np.ndarray  # folded characters each code stands for (a masked 西双版纳州 is 5)

    def __len__(self) -> int:
        return len(self.codes)

    def norm_range(self, start: int, end: int) -> tuple[int, int]:
        """Normalized range covered by masked codes `[start, end)`."""
        if end <= start:
            pos = int(self.norm_start[start]) if start < len(self) else int(self.norm_end[-1]) if len(self) else 0
            return pos, pos
        return int(self.norm_start[start]), int(self.norm_end[end - 1])

    def weights(self) -> np.ndarray:
        """Characters each code stands for (a masked 西双版纳州 weighs 4 + 1); pinyin dropped by folding
        inside a masked name does not count."""
        return self.folded_length


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names to mask exactly (from docparse/data/regions.tsv when present)."""

    names: tuple[str, ...]

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Longest non-overlapping occurrences of the names' stems, as `(start, end)`, in text order."""
        return [(start, end) for start, end, _ in _stem_matcher(self.names).longest(text)]


@lru_cache(maxsize=8)
def _stem_matcher(names: tuple[str, ...]) -> TermMatcher[None]:
    """The names' stems (thousands of names: a regex alternation is too slow)."""
    # Level suffixes stay outside the name so 昆明市 masks like a generic 某某县: REGION + LEVEL.
    return TermMatcher(dict.fromkeys(_stem(n) for n in names if len(_stem(n)) >= 2))


def _stem(name: str) -> str:
    for suffix in ("自治州", "自治县", "自治区", "自治旗", "地区", "新区", "林区", "特区"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name[:-1] if name and name[-1] in LEVEL_CHARS and len(name) > 2 else name


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Region names from docparse/data/regions.tsv (county level and above); empty when not shipped."""
    from docparse.resources import data_path, load_tsv

    if not data_path("regions.tsv").is_file():
        return Gazetteer(())
    names: set[str] = set()
    for row in load_tsv("regions.tsv"):
        if row.get("level", "") not in ("", "province", "prefecture", "county"):
            continue
        for key in ("name", "full_name"):
            if row.get(key):
                names.add(row[key])
        names.update(a for a in row.get("aliases", "").replace(",", "|").split("|") if len(a) >= 2)
        names.update(f.split("@")[0] for f in row.get("former", "").split("|") if len(f.split("@")[0]) >= 2)
    return Gazetteer(tuple(sorted(names)))


def _codes_of(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()


def _kept(codes: np.ndarray) -> np.ndarray:
    """CJK ideographs, ASCII letters and digits, and the mask codes; punctuation and spaces go."""
    return (
        ((codes >= 0x3400) & (codes <= 0x9FFF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
        | ((codes >= 0x20000) & (codes <= 0x3FFFF))
        | ((codes >= 0x30) & (codes <= 0x39))
        | ((codes >= 0x61) & (codes <= 0x7A))
        | ((codes >= REGION) & (codes <= NUMBER))
    )


def mask_text(norm_text: str, gazetteer: Gazetteer | None = None) -> MaskedText:
    """Mask region names, level characters and numbers in a normalized text (see module docstring).

    The text is folded first (`fold.fold_text`: pinyin annotations, traditional characters), and the
    codes' ranges are given in the normalized text, not the folded one.
    """
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    folded = fold_text(norm_text)
    norm_text = folded.text
    codes = _codes_of(norm_text)
    upper = (codes >= 0x41) & (codes <= 0x5A)
    codes[upper] += 0x20
    n = len(codes)
    ends = np.arange(1, n + 1, dtype=np.int64)
    drop = np.zeros(n, dtype=bool)

    def replace(start: int, end: int, code: int) -> None:
        codes[start] = code
        ends[start] = end
        drop[start + 1 : end] = True

    covered = bytearray(n)
    for start, end in gazetteer.matches(norm_text):
        replace(start, end, REGION)
        covered[start:end] = b"\x01" * (end - start)
    for m in GENERIC_REGION.finditer(norm_text):
        if not any(covered[m.start() : m.end()]):
            replace(m.start(), m.end(), REGION)
    for m in NUMBER_RUN.finditer(norm_text):
        if not any(covered[m.start() : m.end()]):
            replace(m.start(), m.end(), NUMBER)
    codes[np.isin(codes, LEVEL_CODES)] = LEVEL
    keep = _kept(codes) & ~drop
    starts = np.arange(n, dtype=np.int64)
    # back to normalized offsets: a code ends just after the last folded character it stands for
    starts, ends = starts[keep], ends[keep]
    return MaskedText(
        codes[keep],
        folded.origin[starts].astype(np.int32),
        (folded.origin[ends - 1] + 1).astype(np.int32),
        (ends - starts).astype(np.int32),
    )
