"""Stage 2, normalize: source text -> analysis text plus an offset map back to the source.

What changes: full-width letters and digits become ASCII, Chinese punctuation is unified to its
full-width form (so （一） and (一) are one marker), traditional characters become simplified, noise
lines (page numbers, running headers, bare phone numbers, web boilerplate) are left out, and
paragraphs broken across lines or pages are rejoined. Nothing is lost: each normalized character
records the source offset it came from, and every omitted line is kept as a `Noise` item.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from operator import ne

from docparse.matching import TermMatcher
from docparse.model import Noise, OffsetMap, RawDocument, Span
from docparse.resources import load_tsv
from docparse.textspans import IntervalIndex

# Punctuation that ends a paragraph line; a CJK line ending otherwise usually continues.
TERMINAL = set("。；：！？…”’」』】;:!?")
OUTLINE_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|\d{1,3}[.．、](?!\d)"
    r"|[（(]\d{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十百零〇\d]+[章节条部分]|附件|附表|附：)"
)
INLINE_ENUM = re.compile(r"^[一二三四五六七八九十]+是")
FIELD_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,6}[:：](?=\S)")
DOC_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号$")
DATE_LINE = re.compile(r"^[\d〇○零一二三四五六七八九十]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*印?发?$")
# a header line that ends in its date after a gap: 漳州市安委会办公室    2021年8月23日
DATED_LINE_END = re.compile(r"\s{2,}[\d〇○零一二三四五六七八九十]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$")
SPACED_HEADLINE = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")
# a title may end in its period or status (…实施方案（2024—2026年）) or carry its 文号 (…的通知（鄂政办发〔2017〕49号）)
TITLE_END = re.compile(
    r"(通知|通报|方案|意见|报告|请示|批复|决定|公告|通告|函|纪要|计划|规划|办法|细则|规定|总结|文件|讲话|要点|清单)"
    r"\s*(?:[（(](?:[\d—\-－～~至年\s]{4,16}|试行|暂行|修订|征求意见稿|草案|[^（()）]{0,12}[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*\d+\s*号)[)）])?$"
    r"|^[^《》]{0,30}《[^《》]{6,}(?:通知|通报|方案|意见|决定|规划|办法)》$"  # a portal's 文号 and the bracketed title: 琼府办〔2018〕48号《…的通知》
)
# A page's byline stamps its time (来源：四川日报 2019-07-26 06:22, 发表于 2011-5-17 08:31): no sentence runs on from it.
TIME_STAMP = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}")
MIN_REPEATED = 6
MAX_DATELINE = 60
BREADCRUMB_MARK = re.compile(r"[>»›＞]+")
# A site's menu bar lists its channels apart by bars (首页| 滚动| 国内| 国际|…| 供稿): it ends in an item, so the
# headline under it is no continuation of it.
MENU_BAR = re.compile(r"[|｜]")
MENU_ITEMS = 3
# A news lede opens its paragraph with its time or byline (近日，…; 7月4日至7日，…; 本报讯…; 中新网1月25日电…)
LEDE_START = re.compile(
    r"^(?:(?:近日|日前|今天|今日|昨天|昨日|近期)，|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:[至到—\-](?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上?|凌晨)?，"
    r"|[\u4e00-\u9fff]{0,6}(?:报|网|社|台)讯|[\u4e00-\u9fff]{1,8}\d{1,2}月\d{1,2}日电)"
)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")  # one match a run, not a character: fewer objects to join
# A 主送 line of its own (各县市区安委会、…，市安委会有关成员单位：) starts its paragraph, even under a page's blurb that
# was cut off inside a sentence (…现将2021年度挂牌督办重大隐患有关事)
ADDRESS_LINE = re.compile(r"^各[^。；]{1,120}[：:]$")
TABLE_ROW = re.compile(r"\t| {2,}")

# Pipeline-visible punctuation policy: these ASCII marks become their full-width Chinese forms.
ALWAYS_FULLWIDTH = {"(": "（", ")": "）", ";": "；", "!": "！", "?": "？"}
KEEP_FULLWIDTH = set("（）：；，！？")


@dataclass(frozen=True, slots=True)
class NoisePattern:
    reason: str
    formats: frozenset[str]
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def noise_patterns() -> tuple[NoisePattern, ...]:
    return tuple(
        NoisePattern(row["reason"], frozenset(row["formats"].split(",")), re.compile(row["pattern"]))
        for row in load_tsv("noise_patterns.tsv")
    )


@cache
def noise_pattern(fmt: str) -> re.Pattern[str]:
    """The noise patterns that apply to `fmt` as one alternation, each branch its pattern named by its position:
    `match` tries the branches in order, as the patterns were tried one by one, in one call per line."""
    branches = [
        f"(?P<p{i}>{pat.regex.pattern})"
        for i, pat in enumerate(noise_patterns())
        if "all" in pat.formats or fmt in pat.formats
    ]
    return re.compile("|".join(branches) or "(?!)")


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """Length-preserving character map: full-width ASCII, ideographic space, radicals, compat forms."""
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):
        ch = chr(code)
        if ch not in KEEP_FULLWIDTH:
            table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table[0x00A0] = " "
    for lo, hi in ((0x2F00, 0x2FD6), (0x2E80, 0x2EF4), (0xF900, 0xFADA), (0x2460, 0x2474)):
        for code in range(lo, hi):
            if lo == 0x2460:  # keep circled digits ①: they are outline markers
                continue
            norm = unicodedata.normalize("NFKC", chr(code))
            if len(norm) == 1 and norm != chr(code):
                table[code] = norm
    table.update({ord("﹝"): "〔", ord("﹞"): "〕", ord("○"): "〇", ord("Ｏ"): "〇"})
    table.update({ord(k): v for k, v in ALWAYS_FULLWIDTH.items()})
    table.update({ord("\u200b"): " ", ord("\ufeff"): " "})
    return table


@lru_cache(maxsize=1)
def mapped_run() -> re.Pattern[str]:
    """A run of characters `char_table` maps, as a class of ranges of its keys."""
    codes = sorted(char_table())
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    items = "".join(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)
    return re.compile(f"[{items}]+")


def translated_run(m: re.Match[str]) -> str:
    return m.group().translate(char_table())


COMMA = re.compile(r"(?<!\d),|,(?!\d)")
COLON = re.compile(r"(?<!\d):|:(?!\d)")


def map_chars(line: str) -> str:
    """Apply the punctuation and width policy to one line; the result has the same length."""
    # str.translate looks every character up (~65 ns each); a regex scan finds the few it maps 8 times faster
    out = mapped_run().sub(translated_run, line)
    if "," in out:
        out = COMMA.sub("，", out)  # a comma between digits stays: 2,352
    if ":" in out:
        out = COLON.sub("：", out)
    return out


@lru_cache(maxsize=1)
def t2s_converter():
    """OpenCC's traditional -> simplified converter, built once: building it reads its dictionaries,
    which costs more than normalizing a short document."""
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Whether a document is written in traditional script (over 3% of its CJK characters change)."""
    sample = "".join(CJK_RUN.findall(text[:20000]))
    if len(sample) < 10:
        return False
    converted = t2s_converter().convert(sample)
    changed = sum(map(ne, sample, converted))
    return changed / len(sample) > 0.03


def to_simplified(line: str) -> str:
    """Traditional -> simplified keeping the length; phrase rules that change length fall back to characters."""
    cc = t2s_converter()
    out = cc.convert(line)
    if len(out) == len(line):
        return out
    return "".join(c if len(c := cc.convert(ch)) == 1 else ch for ch in line)


@dataclass(slots=True)
class Line:
    start: int  # source offset of the first non-space character
    end: int
    text: str  # normalized
    page_break_before: bool
    hard_break: bool
    offsets: list[int] | None = None  # source offset of each character of `text`, once some were dropped

    def source_offsets(self) -> list[int] | range:
        return self.offsets if self.offsets is not None else range(self.start, self.end)

    def piece(self, start: int, end: int) -> Line:
        """`text[start:end]` as a line of its own, which starts a new line of the analysis text."""
        offsets = self.source_offsets()
        return Line(
            start=offsets[start],
            end=offsets[end - 1] + 1,
            text=self.text[start:end],
            page_break_before=self.page_break_before and start == 0,
            hard_break=True if start else self.hard_break,
            offsets=list(offsets[start:end]) if self.offsets is not None else None,
        )

    def drop(self, spans: list[tuple[int, int]]) -> None:
        """Leave the characters of `spans` (offsets into `text`) out of the analysis text."""
        keep = bytearray(b"\x01") * len(self.text)
        for s, e in spans:
            keep[s:e] = bytes(len(keep[s:e]))
        self.offsets = list(compress(self.source_offsets(), keep))
        self.text = "".join(compress(self.text, keep))


# Mirror sites annotate characters with their pinyin: 通(tōng)知, 规划的(de)通知, also with a blank before the
# closing bracket (安委會(huì )通知). A document is glossed when several annotations carry tone marks; then every
# bracketed lower-case syllable after a character goes.
TONE_MARKED_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])（[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]* ?）"
)
PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])（[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7} ?）")
MIN_GLOSSES = 3


def is_glossed(lines: list[Line | None]) -> bool:
    # one scan of the lines joined: no gloss runs across a line end, and none follows the newline between two
    joined = "\n".join(ln.text for ln in lines if ln is not None)
    return "（" in joined and len(TONE_MARKED_GLOSS.findall(joined)) >= MIN_GLOSSES


def drop_glosses(line: Line) -> None:
    spans = [m.span() for m in PINYIN_GLOSS.finditer(line.text)]
    if spans:
        line.drop(spans)


# One line and its terminator: CRLF counts as one line end, a lone CR (old Mac files) as another.
LINE_WITH_END = re.compile(r"([^\n\f\r\v\u2028\u2029]*)(\r\n|[\n\f\r\v\u2028\u2029]|\Z)")
BLANK = " \t\u3000\u00a0\u200b\ufeff"


def split_lines(text: str, hard_breaks: set[int]) -> list[Line | None]:
    """Lines with their source offsets; `None` marks a blank line (a paragraph gap)."""
    lines: list[Line | None] = []
    page_break = False
    for m in LINE_WITH_END.finditer(text):
        raw, end = m.group(1), m.group(2)
        if not raw and not end:
            break  # the empty match at the end of the text
        stripped = raw.strip(BLANK)
        if not stripped:
            if m.start() > 0 or raw:
                lines.append(None)
        else:
            start = m.start() + len(raw) - len(raw.lstrip(BLANK))
            lines.append(
                Line(
                    start=start,
                    end=start + len(stripped),
                    text=map_chars(stripped),
                    page_break_before=page_break,
                    hard_break=start in hard_breaks,
                )
            )
            page_break = False
        if end == "\f":
            page_break = True
    return lines


@lru_cache(maxsize=1)
def spam_words() -> tuple[str, ...]:
    return tuple(row["word"].lower() for row in load_tsv("spam_words.tsv"))


@lru_cache(maxsize=1)
def spam_matcher() -> TermMatcher[str]:
    return TermMatcher({w: w for w in spam_words()})


def spam_words_in(lines: list[Line | None]) -> tuple[str, ...]:
    """The spam words any of the lines writes: a line can write no other, and most documents write none."""
    lowered = "\n".join(ln.text for ln in lines if ln is not None).lower()
    found = set(spam_matcher().every_value(lowered))  # one pass, not one substring search a word
    return tuple(w for w in spam_words() if w in found)


def is_spam(text: str, words: tuple[str, ...]) -> bool:
    """A line injected by a mirror site: two or more distinct spam words in it (of `words`, a superset of those
    it writes)."""
    if len(words) < 2:
        return False
    lowered = text.lower()
    return sum(1 for w in words if w in lowered) >= 2


def classify_noise(line: Line, fmt: str, spam: tuple[str, ...]) -> str | None:
    if is_spam(line.text, spam):
        return "spam"
    m = noise_pattern(fmt).match(line.text)
    return noise_patterns()[int(m.lastgroup[1:])].reason if m else None


def running_headers(raw: RawDocument) -> set[str]:
    """Lines that open or close most pages of a paged document (masked digits), i.e. furniture."""
    if len(raw.pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page in raw.pages:
        body = [ln.strip() for ln in raw.text[page.span.start : page.span.end].split("\n") if ln.strip()]
        edge = {re.sub(r"\d+", "#", ln) for ln in body[:2] + body[-2:]}
        counts.update(edge)
    threshold = max(3, int(0.6 * len(raw.pages)))
    return {text for text, n in counts.items() if n >= threshold and len(text) < 60}


def display_width(text: str) -> int:
    """How wide a line prints, in Chinese characters: digits, Latin letters and ASCII marks take half as much
    room, so a full line holding a figure or a date has fewer characters than one of words alone."""
    narrow = sum(1 for ch in text if ch < "\u2e80")
    return len(text) - narrow // 2


def is_wrapped(lines: list[Line], fmt: str) -> tuple[bool, int]:
    """Whether lines are hard-wrapped at a fixed width (PDF-like), and that width (in `display_width`)."""
    lengths = [display_width(ln.text) for ln in lines if len(ln.text) >= 10]
    if len(lengths) < 8:
        return fmt == "pdf", max(lengths, default=0)
    width = sorted(lengths)[int(0.8 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if n >= width - 3)
    return fmt == "pdf" or near / len(lengths) > 0.4, width


DOUBLE_SPACED = 0.9  # the share of lines set apart by a blank line above which blank lines say nothing


def is_double_spaced(content: list[Line | None]) -> bool:
    """Whether (nearly) every line stands apart from the one before by a blank line, as pages saved one
    paragraph a line often are, and conversions of PDFs whose page breaks fall inside sentences (现⏎⏎将有关…):
    there a blank line does not end a paragraph. Elsewhere it does, in text typed or saved from a web page; in
    text wrapped at a width (a PDF's) a page break leaves one anywhere."""
    joins = gaps = 0
    gap = seen = False
    for ln in content:
        if ln is None:
            gap = True
            continue
        if seen:
            joins += 1
            gaps += gap
        seen, gap = True, False
    return joins > 0 and gaps >= DOUBLE_SPACED * joins


def continues(prev: Line, nxt: Line, wrapped: bool, width: int, layout: bool = False, opening: bool = False) -> bool:
    """Whether `nxt` continues the paragraph of `prev` (a break inside a sentence).

    `layout`: the reader marked every paragraph start it could see on the page (a PDF's indented
    first lines, lines after one that ends short of the right margin, table rows) as a hard break,
    so a long line followed by an unmarked one is a wrap whatever the punctuation: wraps fall
    before “ or （ and after 。 or 规划 as often as anywhere. Only a sentence end followed by an
    outline marker still breaks, for layouts without indents.

    `opening`: `prev` is the text's first line. In text not wrapped at a width, a first line shorter
    than the whole paragraph under it is a headline over its lede, not that paragraph's start.
    """
    if nxt.hard_break:
        return False
    if layout and wrapped:
        if prev.text[-1] in TERMINAL and (OUTLINE_START.match(nxt.text) or INLINE_ENUM.match(nxt.text)):
            return False  # a sentence end, then a marker: a new item even where no indent shows it
        return display_width(prev.text) >= max(12, int(0.85 * width))
    if prev.text[-1] in TERMINAL:
        return False
    if TIME_STAMP.search(prev.text) or (len(nxt.text) >= MIN_REPEATED and prev.text.endswith(nxt.text)):
        return False  # a byline; a breadcrumb or label ending in the line under it (首页 > X / X)
    if len(nxt.text) <= MAX_DATELINE and TIME_STAMP.search(nxt.text):
        return False  # a headline over the page's dateline (經濟通新聞 2025-03-19 13:51)
    if len(BREADCRUMB_MARK.findall(prev.text)) >= 2 or len(MENU_BAR.findall(prev.text)) >= MENU_ITEMS:
        return False  # a breadcrumb (每日甘肃网 > 甘肃 > 甘肃播报 > 社会) or a menu ends in a category, not inside a sentence
    if not wrapped and (LEDE_START.match(nxt.text) or (opening and is_headline_over(prev, nxt))):
        return False
    if TABLE_ROW.search(prev.text) and TABLE_ROW.search(nxt.text):
        return False  # rows of a table written as text: cells split by tabs or runs of spaces
    if OUTLINE_START.match(nxt.text) or FIELD_LABEL.match(nxt.text) or (not wrapped and ADDRESS_LINE.match(nxt.text)):
        return False
    if DOC_NUMBER_LINE.match(nxt.text) or DATE_LINE.match(nxt.text) or DATE_LINE.match(prev.text) or DATED_LINE_END.search(prev.text):
        return False
    if TITLE_END.search(prev.text) or nxt.text[0] in "“《【〔":
        return False
    if SPACED_HEADLINE.search(prev.text) and not any(p in prev.text for p in "，。；"):
        return False  # 一季度全省安全生产形势总体平稳 各地各部门扎实推进…: a two-part headline, not prose
    if not (CJK.match(nxt.text[0]) or nxt.text[0].isdigit() or nxt.text[0] in "、，）"):
        return False
    threshold = max(12, int(0.85 * width)) if wrapped else 30
    return (display_width(prev.text) if wrapped else len(prev.text)) >= threshold


def is_headline_over(prev: Line, nxt: Line) -> bool:
    """Whether `prev` reads as a headline over the paragraph `nxt`: no sentence ends inside it, and `nxt` is a
    whole paragraph longer than it by half."""
    return not any(ch in TERMINAL for ch in prev.text) and nxt.text[-1] in TERMINAL and len(nxt.text) >= 1.5 * len(prev.text)


# A page that flattened a whole notice into one line runs its 文号, title, 主送 and headings on with a space
# between them. The space is where the line was: the head pieces and each heading start a line again.
FLATTENED_LINE = 200
HEAD_PIECE_MAX = 150
SPACE_RUN = re.compile(r"[ \u3000\u00a0]+")
FLAT_HEADING = re.compile(
    r"[ \u3000\u00a0]+(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百]{1,4}[章条]"
    r"|\d{1,2}[.．、](?!\d)|\d{1,2}(?=[\u4e00-\u9fff])(?![年月日时号个万亿元人起家项次条批名座处所类种倍届期]))\S)"
)


def is_head_piece(text: str) -> bool:
    """A 文号, a title ending in its 文种, or a 主送 line ending in its colon."""
    if len(text) > HEAD_PIECE_MAX or "。" in text:
        return False
    return bool(DOC_NUMBER_LINE.match(text) or (TITLE_END.search(text) and "，" not in text) or text.endswith("："))


# ...and its 落款 after the last sentence: …认真抓好贯彻落实。 山西省应急管理厅 山西省地方煤矿安全监督管理局 2023年1月5日 （此件公开发布）
# or …报送本通知要求附表。 二〇一二年一月五日 填报区县…: the signing organs, the date and what follows each start a line.
FLAT_DATE = r"[\d〇○零一二三四五六七八九十]{4}年[\d〇○零一二三四五六七八九十]{1,2}月[\d〇○零一二三四五六七八九十]{1,3}日"
FLAT_SIGNATURE = re.compile(
    rf"(?<=[。！])[ \u3000\u00a0]+(?P<organs>(?:[\u4e00-\u9fff（）]{{4,40}}[ \u3000\u00a0]+){{0,3}})"
    rf"(?P<date>{FLAT_DATE})(?:[ \u3000\u00a0]+|$)"
)


def flattened_breaks(text: str) -> list[int]:
    """Where a flattened line's pieces start: after each head piece at its start, at each heading, and at its 落款."""
    breaks, start = [], 0
    for gap in SPACE_RUN.finditer(text):
        if not is_head_piece(text[start : gap.start()]):
            break
        start = gap.end()
        breaks.append(start)
    breaks += [m.end() for m in FLAT_HEADING.finditer(text, start)]
    for signed in FLAT_SIGNATURE.finditer(text, start):
        breaks += sorted({signed.start("organs"), signed.start("date"), signed.end()} - {len(text)})
    return sorted(set(breaks))


def unflattened(line: Line) -> list[Line]:
    """A flattened line as the lines it was; any other line as it is."""
    if len(line.text) < FLATTENED_LINE:
        return [line]
    breaks = flattened_breaks(line.text)
    if not breaks:
        return [line]
    pieces = []
    for start, end in zip([0, *breaks], [*breaks, len(line.text)]):
        end = len(line.text[:end].rstrip(BLANK))
        if end > start:
            pieces.append(line.piece(start, end))
    return pieces


# Blanks a web page lost to its encoding, each written as a question mark: at the start of a line (???(一)第一检查督导组)
# or after a blank (胡小波 ?杨 ?剑). A question mark never opens a line or a word of Chinese text.
LOST_BLANKS = re.compile(r"^？+|(?<= )？+(?=\S)")


def lost_blanks(source: str, line: Line) -> list[tuple[int, int]]:
    """The spans of `line.text` that are lost blanks: ASCII question marks in the source (`LOST_BLANKS`)."""
    if "？" not in line.text:
        return []
    offsets = line.source_offsets()
    return [
        (m.start(), m.end())
        for m in LOST_BLANKS.finditer(line.text)
        if all(source[offsets[i]] == "?" for i in range(m.start(), m.end()))
    ]


# A PDF's text layer, and pages copied from it, set the digits of a date apart from its characters with one blank
# each (2024 年 1 月 1 日, 11 月底前): the blank is the font switching, not a word break, and no date reader expects it.
DATE_BLANK = re.compile(r"(?<=\d) (?=[年月日])|(?<=[年月至]) (?=\d)")


def date_blanks(line: Line) -> list[tuple[int, int]]:
    """The spans of `line.text` that are single blanks inside a written date (`DATE_BLANK`)."""
    if " " not in line.text:
        return []
    return [m.span() for m in DATE_BLANK.finditer(line.text)]


def normalize(raw: RawDocument) -> tuple[str, OffsetMap, list[Noise]]:
    """Normalized text, its offset map into `raw.text`, and the noise that was left out."""
    fmt = raw.source.format
    lines = split_lines(raw.text, raw.hard_breaks)
    glossed = is_glossed(lines)
    traditional = is_traditional(raw.text)
    headers = running_headers(raw)
    noise = list(raw.noise)
    known_noise = {(n.span.start, n.span.end) for n in noise}
    reader_noise = IntervalIndex((n.span.start, n.span.end) for n in raw.noise)

    cleaned: list[Line | None] = []
    for ln in lines:
        if ln is None:
            cleaned.append(None)
            continue
        if reader_noise.containing(ln.start):
            continue
        if glossed:
            drop_glosses(ln)
            if not ln.text:
                continue
        if traditional:  # before the noise patterns, which are written in simplified characters (首頁 >> is 首页 >>)
            ln.text = to_simplified(ln.text)
        lost = lost_blanks(raw.text, ln) + date_blanks(ln)
        if lost:
            ln.drop(lost)
            if not ln.text:
                continue
        cleaned.append(ln)

    spam = spam_words_in(cleaned)
    content: list[Line | None] = []
    for ln in cleaned:
        if ln is None:
            content.append(None)
            continue
        reason = classify_noise(ln, fmt, spam)
        if reason is None and headers and re.sub(r"\d+", "#", raw.text[ln.start : ln.end]) in headers:
            reason = "running_header"
        if reason:
            if (ln.start, ln.end) not in known_noise:
                noise.append(Noise(Span(ln.start, ln.end), raw.text[ln.start : ln.end], reason))
            continue  # no paragraph gap: a page number between the halves of a sentence
        content.extend(unflattened(ln))

    real = [ln for ln in content if ln is not None]
    wrapped, width = is_wrapped(real, fmt)
    gaps_end_paragraphs = not wrapped and not is_double_spaced(content)
    layout = raw.breaks_from_layout and bool(raw.hard_breaks)
    pieces: list[str] = []
    index = array("i")
    prev: Line | None = None
    gap = False  # a blank line since `prev`
    for ln in content:
        if ln is None:
            gap = True
            continue
        if prev is not None:
            if (gap and gaps_end_paragraphs) or not continues(prev, ln, wrapped, width, layout, opening=prev is real[0]):
                pieces.append("\n")
                index.append(prev.end)
            elif CJK.match(prev.text[-1]) is None and CJK.match(ln.text[0]) is None:
                pieces.append(" ")  # keep words apart when a Latin or digit run was wrapped
                index.append(prev.end)
        pieces.append(ln.text)
        index.extend(ln.source_offsets())
        prev, gap = ln, False
    noise.sort(key=lambda n: n.span.start)
    return "".join(pieces), OffsetMap(index, len(raw.text)), noise
