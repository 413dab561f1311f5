"""Folding before comparison: what a copy may change without being a different text.

The document's normalized text (`Document.norm_text`) already has full-width letters and digits as
ASCII, and is in simplified script when the whole document is traditional. A copy can still differ
from its source in ways that break every shingle and that no reader would call rewording:

- pinyin annotations, as mirror sites and reading aids print them: 服务(fú wù), 务（wù）, 务(wu4), and
  bopomofo 务(ㄨˋ). `docparse.normalize` drops tone-marked ones only in documents with at least three;
  here every annotation after a character goes, whatever its form;
- traditional characters in a mostly simplified text (a paragraph pasted from a 繁体 page), folded
  character by character with OpenCC's table. Folding is applied to both texts alike, so a simplified
  character that OpenCC also maps (乾 → 干) only merges what both texts write the same way;
- 百分之八十 against 80%: one number, as digit runs and Chinese numerals already are for masking.

`fold_text` keeps, for every folded character, the offset of the normalized character it stands
for, so passages found on the folded text still point into the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# One pinyin syllable: an optional initial, a final (vowels, ü written ü, v or u:), an optional
# nasal or 儿 ending, combining tone marks (decomposed text) and an optional tone digit. Structural,
# not a list of the 410 syllables: inside brackets right after a character nothing else fits it
# (LNG, PM2.5 and app have no vowel group of this shape, or are upper case).
SYLLABLE = (
    rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv{TONE_MARKS}](?:[aeiouüv{TONE_MARKS}]|u:)*"
    rf"[\u0300-\u036f]*(?:ng|n|r)?[\u0300-\u036f]*[1-5]?"
)
BOPOMOFO = r"[\u3105-\u312f\u31a0-\u31bf]+[ˉˊˇˋ˙]?"
PINYIN_ANNOTATION = re.compile(
    rf"(?<=[\u3400-\u9fff])\s?[（(\[【]\s?(?:(?:{SYLLABLE})(?:[\s'’·-]?(?:{SYLLABLE})){{0,5}}"
    rf"|{BOPOMOFO}(?:\s?{BOPOMOFO}){{0,5}})\s?[）)\]】]"
)
PERCENT_WORDS = re.compile(r"百分之(?=[零〇一二三四五六七八九十百点两]+)")


@dataclass(frozen=True, slots=True)
class FoldedText:
    """The folded text and, per folded character, the normalized offset it stands for."""

    text: str
    origin: np.ndarray  # int64, len(text); strictly increasing

    def norm_end(self, folded_end: int) -> int:
        """Normalized offset just after folded character `folded_end - 1`."""
        return int(self.origin[folded_end - 1]) + 1 if folded_end > 0 else 0


@lru_cache(maxsize=1)
def traditional_table() -> dict[int, str]:
    """Single-character traditional → simplified map from OpenCC's t2s (one conversion of the CJK blocks).

    Characters are converted one a line, so OpenCC's phrase rules never see two characters together
    and the map keeps the length.
    """
    import opencc

    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; a table that would shift offsets is no table
        return {}
    return {ord(a): b for a, b in zip(chars, converted) if a != b and len(b) == 1}


def fold_text(norm_text: str) -> FoldedText:
    """Drop pinyin annotations and 百分之, fold traditional characters; keep offsets (see module docstring)."""
    drops = [m.span() for m in PINYIN_ANNOTATION.finditer(norm_text)]
    drops += [m.span() for m in PERCENT_WORDS.finditer(norm_text)]
    keep = np.ones(len(norm_text), dtype=bool)
    for start, end in drops:
        keep[start:end] = False
    origin = np.flatnonzero(keep).astype(np.int64)
    text = norm_text if len(origin) == len(norm_text) else "".join(norm_text[i] for i in origin.tolist())
    return FoldedText(text.translate(traditional_table()), origin)
