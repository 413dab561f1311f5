"""Deadlines (完成时限): due dates and planned periods, read with a hand-written grammar of government
date wording (2023年5月20日前, 6月20前, 6月底前, 年底前, 三季度末, 上半年, 5月下旬, 2023年6月至12月, 即日起至…,
二〇二三年五月十日) and resolved to ISO dates.

A date becomes a deadline when its wording says so: a due cue after it (前, 底前, 之前), a phase
heading around it (自查自改（2023年6月30日前）, 今年5月为动员部署阶段) or a planned period. Baselines
(较2019年), statistics cut-offs (截止11月底，) and past events in a report (4月8日至18日，…进行了督查) are
left out. Implicit years come from the document date, else the nearest explicit year before, else the
document's most frequent year. Cue words live in data/time_cues.tsv.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from docparse.analyse.numerals import chinese_integer
from docparse.matching import FirstCharScan
from docparse.model import Deadline, Document, TextLines
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import CELL_GAP, enclosing, row_cells

# --- Chinese numerals ------------------------------------------------------------------------------


# --- the grammar -----------------------------------------------------------------------------------

_CN = "〇零一二两三四五六七八九十"
# One blank may stand on either side of a figure: text laid out from a PDF writes 2020 年 9 月 30 日前.
_B = r" ?"
_YEAR = rf"(?:(?:19|20)\d{{2}}|[一二][〇零一二三四五六七八九]{{3}}){_B}年度?|[今明去本]年度?"
_MONTH = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]){_B}月份?"
_DAY = rf"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]){_B}(?:日|号)"
_DAY_BARE = r"(?:3[01]|[12]\d|0?[1-9])(?=之前|以前|前)"  # 6月20前: the 日 left out
_MONTH_PART = r"(?:上旬|中旬|下旬|中下旬|底|末|初)"
_QUARTER = r"第?[一二三四1-4]季度(?:末|底)?"
_HALF = r"[上下]半年"
_MONTH_PHRASE = rf"{_MONTH}(?:{_B}(?:{_DAY}|{_DAY_BARE}))?{_MONTH_PART}?"
_DOTTED = r"(?:19|20)\d{2}[.．/](?:1[0-2]|0?[1-9])[.．/](?:3[01]|[12]\d|0?[1-9])(?![\d.．/])"  # 2021.5.20
ATOM = (
    rf"(?:{_DOTTED}|(?:{_YEAR})(?:{_B}(?:{_MONTH_PHRASE}|{_QUARTER}|{_HALF})|年?[底末初内])?"
    rf"|{_MONTH_PHRASE}|{_QUARTER}|{_HALF}|年底|年末|年初|年内)"
)
# A dash that a page's encoding lost is left as question marks (6月1日??6月30日).
_CONNECTOR = r"\s*(?:至|到|—+|–|-|~|～|[?？]{1,2})\s*"
# What a period's first day may say between it and its end: 11月下旬开始到明年1月中旬, 6月1日正式启动，并持续至6月30日,
# 自3月中旬开始，到3月底结束 (a comma before 到 or 至 only after a word that opens the period).
_OPENS = r"(?:(?:起|开始|正式启动|启动)[，,](?=至|到)|(?:起|开始|正式启动|启动)?(?:[，,]?并?持续)?)"
# An hour after either end of a range: 2015年11月6日上午8:00至2015年11月12日下午17:30止.
_CLOCK = r"(?:(?:上午|下午|中午|晚上|早上)?(?:[01]?\d|2[0-4])(?:[:：][0-5]\d|时|点)|上午|下午)?"
_DAY_ONLY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?)(?:日|号)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
# Between a date and its due cue: a weekday or an hour (3月10日（星期三）前, 4月30日24时前, 9月15日下班前).
_DUE_FILLER = r"(?:[（(](?:星期|周)[一二三四五六日天][)）]|(?:[01]?\d|2[0-4])(?:时|点|[:：]\d{2})|下班|12时|中午)?"
# 今年前6个月, 前三季度: 前 before a count is "the first", no due cue.
_FIRST_N = r"(?![\d一二两三四五六七八九十]+个?(?:月|季度|年|周|天))"
# A date whose 年 and 月 a web page lost (2023625日前, 和1225日前; a period 20246112024619日): read only where the
# digits part one way into a valid month and day (`glued_dates`).
_GLUED = r"(?:19|20)\d{5,6}(?:(?:19|20)\d{5,6})?日|\d{3,4}日(?=之前|以前|前)"
GLUED_FULL = re.compile(r"(?<!\d)(?:19|20)\d{5,6}日")
_DUE = rf"(?P<due>{_DUE_FILLER}(?:底前|之前|以前|前{_FIRST_N}|为止|止))?"

EXPRESSION = re.compile(
    rf"(?<![\d{_CN}第])(?:"
    rf"(?P<from_today>(?:从|自)?即日起(?:{_CONNECTOR})(?P<today_end>{ATOM}))"
    rf"|(?:从|自)?(?P<range_a>{ATOM}){_CLOCK}{_OPENS}{_CONNECTOR}(?P<range_b>{ATOM}|{_DAY_ONLY}){_CLOCK}"
    rf"|(?P<mr_year>{_YEAR})?(?P<mr_a>{_MONTH_NUM}){_CONNECTOR}(?P<mr_b>{_MONTH_NUM}月份?{_MONTH_PART}?)"
    rf"|(?P<yr_a>(?:19|20)\d{{2}}){_CONNECTOR}(?P<yr_b>(?:19|20)\d{{2}})年"
    rf"|(?:从|自)(?P<joined_a>(?:{_YEAR})?{_MONTH}{_DAY})(?P<joined_b>{_MONTH}{_DAY})"
    rf"|(?P<glued>{_GLUED})"
    rf"|(?P<single>{ATOM})"
    rf"){_DUE}"
)
# the grammar opens with a lookbehind, so `re` would try it at every character of a page
EXPRESSION_SCAN = FirstCharScan(EXPRESSION)

ATOM_PARTS = re.compile(
    r"(?:(?P<year>\d{4}|[一二][〇零一二三四五六七八九]{3})年度?|(?P<rel>[今明去本])年度?)?"
    r"(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?:(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:日|号)?)?"
    r"(?P<mpart>上旬|中旬|下旬|中下旬|底|末|初)?"
    r"|第?(?P<quarter>[一二三四1-4])季度(?P<qpart>末|底)?"
    r"|(?P<half>[上下])半年"
    r"|年?(?P<ypart>底|末|初|内))?"
    r"(?:(?P<dayonly>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?)(?:日|号))?"
)
# 即日起，在全市开展为期三个月的…: a period given by its start and its length.
DURATION = re.compile(
    rf"(?:(?:从|自)?即日起|(?:从|自)(?P<from_atom>{ATOM})(?:起|开始))[^。；\n]{{0,40}}?"
    r"为期(?P<n>\d+|[一两二三四五六七八九十百]+|半)(?P<unit>年|个?月|周|天|日)"
)
EXPLICIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
OUTLINE_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．是]|\d+[.．、])\s*")
CLAUSE_BREAK = "，。；：！？\n\t"
MAX_PERIOD_DAYS = 400  # longer spans are a campaign's whole duration (2020—2022年), not a phase
ROLL_FORWARD = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class Atom:
    """One parsed date phrase: what was written, before the year is known."""

    year: int | None
    relative: int | None  # 今年 0, 明年 1, 去年 -1
    month: int | None = None
    day: int | None = None
    month_part: str | None = None
    quarter: int | None = None
    quarter_end: bool = False
    half: str | None = None
    year_part: str | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.relative is not None


@dataclass(frozen=True, slots=True)
class Cues:
    due: tuple[str, ...]
    as_of: tuple[str, ...]
    baseline: tuple[str, ...]
    phase: tuple[str, ...]
    past: tuple[str, ...]
    by: tuple[str, ...]  # 到, 至 before a period's end: 到2024年底，… is due then
    at: tuple[str, ...]  # 于, 在 before a date: 在三季度完成 is due at its end
    directive: tuple[str, ...]
    completion: tuple[str, ...]
    deadline_label: tuple[str, ...]  # 完成时限： before a date makes it the item's due date
    activity: tuple[str, ...]  # 于9月下旬组织开展…: after 于/在 and a period, a planned activity
    plan_verbs: tuple[str, ...]  # 年内完成…: what makes 年内 a due date
    future: tuple[str, ...]  # 9月底，省政府将派出督查组: what makes a date's next clause an announced plan
    comparison: tuple[str, ...]  # 1-4月…比去年同期下降: what makes a period from January a window of statistics
    schedule_label: tuple[str, ...]  # 考核时间：, a 时间安排 column: when the work is done
    event_label: tuple[str, ...]  # 发布时间：, 事故发生时间：: the date of the page or of a past event


@lru_cache(maxsize=1)
def time_cues() -> Cues:
    rows = load_tsv("time_cues.tsv")

    def words(kind: str) -> tuple[str, ...]:
        return tuple(r["cue"] for r in rows if r["kind"] == kind)

    return Cues(
        words("due"), words("as_of"), words("baseline"), words("phase"), words("past"),
        words("by"), words("at"), words("directive"), words("completion"),
        words("deadline_label"), words("activity"), words("plan_verb"), words("future"),
        words("comparison"), words("schedule_label"), words("event_label"),
    )


DOTTED_PARTS = re.compile(r"(\d{4})[.．/](\d{1,2})[.．/](\d{1,2})")


def parse_atom(text: str) -> Atom | None:
    """The parts of one date phrase (2023年6月底, 三季度末, 18日, 2021.5.20); None if it names no valid date."""
    dotted = DOTTED_PARTS.fullmatch(text)
    if dotted:
        year, month, day = (int(g) for g in dotted.groups())
        return Atom(year=year, relative=None, month=month, day=day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    m = ATOM_PARTS.fullmatch(text.replace(" ", ""))
    if not m:
        return None
    g = m.groupdict()
    year = chinese_integer(g["year"]) if g["year"] else None
    relative = {"今": 0, "本": 0, "明": 1, "去": -1}[g["rel"]] if g["rel"] else None
    day_text = g["day"] or g["dayonly"]
    atom = Atom(
        year=year,
        relative=relative,
        month=chinese_integer(g["month"]) if g["month"] else None,
        day=chinese_integer(day_text) if day_text else None,
        month_part=g["mpart"],
        quarter=chinese_integer(g["quarter"]) if g["quarter"] else None,
        quarter_end=bool(g["qpart"]),
        half=g["half"],
        year_part=g["ypart"],
    )
    if atom.month is not None and not 1 <= atom.month <= 12:
        return None
    if atom.day is not None and not 1 <= atom.day <= 31:
        return None
    return atom


def atom_interval(atom: Atom, year: int, month: int | None = None) -> tuple[date, date] | None:
    """First and last day an atom covers in `year` (`month` for a bare day: 至18日)."""
    month = atom.month or month
    try:
        if atom.day is not None and month:
            d = date(year, month, atom.day)
            return d, d
        if month:
            last = calendar.monthrange(year, month)[1]
            part = atom.month_part
            if part in ("底", "末"):
                return date(year, month, last), date(year, month, last)
            if part in ("上旬", "初"):
                return date(year, month, 1), date(year, month, 10)
            if part == "中旬":
                return date(year, month, 11), date(year, month, 20)
            if part == "下旬":
                return date(year, month, 21), date(year, month, last)
            if part == "中下旬":
                return date(year, month, 11), date(year, month, last)
            return date(year, month, 1), date(year, month, last)
        if atom.quarter:
            if not 1 <= atom.quarter <= 4:
                return None
            first, last_month = 3 * atom.quarter - 2, 3 * atom.quarter
            end = date(year, last_month, calendar.monthrange(year, last_month)[1])
            return (end, end) if atom.quarter_end else (date(year, first, 1), end)
        if atom.half:
            return (date(year, 1, 1), date(year, 6, 30)) if atom.half == "上" else (date(year, 7, 1), date(year, 12, 31))
        if atom.year_part in ("底", "末"):
            return date(year, 12, 1), date(year, 12, 31)
        if atom.year_part == "内":  # 年内完成: due by the year's last day
            return date(year, 12, 31), date(year, 12, 31)
        if atom.year_part == "初":
            return date(year, 1, 1), date(year, 1, 31)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


# --- years ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YearContext:
    """What decides a year left implicit: the document date, the explicit years in the text."""

    doc_date: date | None
    doc_year: int | None  # the document date's year, else the most frequent year written, else the page's year
    positions: list[int]  # normalized offsets of explicit years (baselines excluded), ascending
    years: list[int]
    page_date: date | None = None  # the date a web page was published (Meta.published)

    def year_before(self, offset: int) -> int | None:
        i = bisect_left(self.positions, offset) - 1
        return self.years[i] if i >= 0 else None


def year_context(doc: Document) -> YearContext:
    """The document date and the explicit years of its text that can set an implicit year."""
    text = doc.norm_text
    cues = time_cues()
    doc_date = None
    if doc.meta.date is not None and doc.meta.date.value:
        try:
            doc_date = date.fromisoformat(str(doc.meta.date.value)[:10])
        except ValueError:
            doc_date = None
    positions: list[int] = []
    years: list[int] = []
    counts: Counter[int] = Counter()
    page = date.fromisoformat(doc.meta.published.value) if doc.meta.published is not None else None
    for m in EXPLICIT_YEAR.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if any(before.endswith(c) for c in cues.baseline) or text.startswith("以来", m.end()):
            continue
        if before.endswith(("到", "至")) or _inside_title(text, m.start()):
            continue
        year = int(m.group(1))
        if page is not None and year < page.year and text.startswith("度", m.end()):
            continue  # 2025年度…巡查 on a page of 2026: the year under review, the work is done after it
        positions.append(m.start())
        years.append(year)
        counts[year] += 1
    doc_year = doc.analysis.stated_year
    if doc_year is None and counts:
        # Ties go to the earliest year: a plan names its first year more than once, a report its own.
        doc_year = min(counts, key=lambda y: (-counts[y], y))
    if doc_year is None:
        doc_year = written_number_year(text)
    if doc_year is None and page is not None:
        doc_year = page.year
    return YearContext(doc_date, doc_year, positions, years, page)


# A document number's year as written in the text: 长安委办[2007]17号, 赣府厅明〔2011〕166号.
WRITTEN_NUMBER_YEAR = re.compile(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]第?\d{1,4}号")


def written_number_year(text: str) -> int | None:
    """The year of the first document number written in a text that states no year otherwise: the
    document's own number, or that of the notice it forwards or reports."""
    m = WRITTEN_NUMBER_YEAR.search(text)
    return int(m.group(1)) if m else None


def _inside_title(text: str, offset: int) -> bool:
    """Whether `offset` lies inside a 《》 title (a cited document's year is not the document's)."""
    opened = text.rfind("《", max(0, offset - 60), offset)
    return opened >= 0 and text.find("》", opened, offset) < 0


def resolve_year(atom: Atom, offset: int, ctx: YearContext) -> tuple[int | None, bool]:
    """The year an atom means and whether it had to be inferred."""
    if atom.year is not None:
        return atom.year, False
    if atom.relative is not None:
        return (ctx.doc_year + atom.relative if ctx.doc_year else None), True
    if ctx.doc_date is not None:
        return ctx.doc_date.year, True
    return ctx.year_before(offset) or ctx.doc_year, True


def _roll_forward(year: int, end: date, ctx: YearContext, inferred_from_doc: bool) -> int:
    """A due date well before the document date is next year's (a December notice asking for 1月15日前)."""
    if inferred_from_doc and ctx.doc_date is not None and end < ctx.doc_date - ROLL_FORWARD:
        return year + 1
    return year


# --- from matches to deadlines ---------------------------------------------------------------------


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around `[start, end)`: from the previous to the next clause break."""
    return enclosing(text, start, end, CLAUSE_BREAK)


def is_parenthetical(text: str, start: int, end: int) -> bool:
    """Whether the expression alone fills a pair of brackets: 自查自改（2023年6月30日前）."""
    return start > 0 and text[start - 1] in "（(" and end < len(text) and text[end] in "）)"


def phase_name_after(text: str, end: int) -> str | None:
    """The phase a bare date opens: 今年5月为动员部署阶段 → 动员部署阶段, 6月14日为安全生产宣传咨询日 → 安全生产宣传咨询日."""
    if not text.startswith("为", end):
        return None
    stop = end + 1
    while stop < len(text) and text[stop] not in CLAUSE_BREAK and stop - end < 20:
        phase = next((p for p in time_cues().phase if text.startswith(p, stop)), None)
        if phase is not None:
            return text[end + 1 : stop + len(phase)]
        stop += 1
    return None


def what_before(text: str, start: int) -> str:
    """The name before a bracketed date, outline marker removed: （一）动员部署（…） → 动员部署."""
    lo = start - 1
    line_start = text.rfind("\n", 0, lo) + 1
    head = text[line_start:lo]
    for sep in "。；，：":
        head = head.rsplit(sep, 1)[-1]
    return OUTLINE_MARKER.sub("", head).strip()


LEADING_NOTE = re.compile(r"^[（(][^）)]{1,6}[)）]")  # 6月30日前（含）完成


def what_after(text: str, end: int, next_start: int | None) -> str:
    """The duty a due date governs: from the date to the clause end or the next date."""
    hi = end
    limit = next_start if next_start is not None else len(text)
    while hi < limit and text[hi] not in CLAUSE_BREAK:
        hi += 1
    return LEADING_NOTE.sub("", text[end:hi].strip(" 、和及并")).strip(" 、和及并")


def next_clause(text: str, end: int) -> str:
    """The clause after the break that follows `end` (自…至12月底，在全市开展… → 在全市开展…)."""
    _, hi = clause_bounds(text, end, end)
    if hi >= len(text) or text[hi] not in "，：":
        return ""
    _, stop = clause_bounds(text, hi + 1, hi + 1)
    return text[hi + 1 : stop].strip()


def label_before(text: str, start: int) -> str | None:
    """A heading label that ends in a colon before the date: （一）排查阶段：2021年4月1日至… → 排查阶段."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start].rstrip()
    if not head.endswith("："):
        return None
    label = OUTLINE_MARKER.sub("", head[:-1].rsplit("。", 1)[-1]).strip()
    return label or None


def after_deadline_label(text: str, start: int, cues: Cues) -> bool:
    """Whether a date stands right after a label such as 完成时限：."""
    head = text[max(0, start - 8) : start].rstrip()
    return head.endswith(("：", ":")) and head[:-1].rstrip().endswith(cues.deadline_label)


def item_heading(text: str, start: int) -> str:
    """The first sentence of the paragraph a date stands in, outline marker removed (七、关于特种设备安全。… → 关于特种设备安全)."""
    line_start, _ = enclosing(text, start, start, "\n")
    head = text[line_start:start].split("。", 1)[0]
    return OUTLINE_MARKER.sub("", head).strip()


def subject_before(text: str, start: int, cues: Cues) -> str:
    """The clause head before a date, its 在/于 removed: 全面排查在2021年5月底以前完成 → 全面排查."""
    lo, _ = clause_bounds(text, start, start)
    head = OUTLINE_MARKER.sub("", text[lo:start]).strip()
    for word in cues.at:
        head = head.removesuffix(word)
    for word in cues.directive:
        head = head.removesuffix(word)
    return head


def object_before(text: str, start: int) -> str:
    """The object moved before the date: 并将处理结果于7月20日前报… → 将处理结果."""
    lo, _ = clause_bounds(text, start, start)
    head = text[lo:start]
    i = head.find("将")
    return head[i:].removesuffix("于").removesuffix("在") if i >= 0 else ""


CELL_END = re.compile(f"(?:{CELL_GAP.pattern})$")  # a cell separator right before a position


def table_cell_topic(lines: TextLines, text: str, start: int) -> str | None:
    """In a table row (cells split by tabs, runs of spaces or bars), the first cell that names something (the
    重点任务 column); of rows a web page joined into one line, the row of the cell at `start`."""
    line_start, line_end = enclosing(text, start, start, "\n")
    if not CELL_GAP.search(text, line_start, line_end):
        return None
    cells = list(lines.cells[lines.line_of(start)])
    width = len(lines.head_cells(start))
    if width >= 2 and len(cells) > width:
        column = column_at(text, line_start, start)
        cells = cells[column - column % width : column - column % width + width]
    for cell in cells:
        if cell and not cell.isdigit() and not EXPRESSION.fullmatch(cell):
            return cell
    return None


def column_at(text: str, line_start: int, start: int) -> int:
    """The index of the cell of a table line that `start` stands in."""
    return len(row_cells(text[line_start:start] + "_")) - 1


def column_head(lines: TextLines, text: str, start: int) -> str | None:
    """The head of the column a table cell starting at `start` stands in: the same cell of the first line of the
    run of table lines above (rows a web page joined into one line wrap around the head's width)."""
    line_start, _ = enclosing(text, start, start, "\n")
    column = column_at(text, line_start, start)
    head = lines.head_cells(start)
    return head[column % len(head)] if len(head) >= 2 else None


def label_kind(label: str, cues: Cues) -> str | None:
    """What a label or a column head says of the date under it: "due" (完成时限, 整改期限), "schedule" (考核时间,
    时间安排: when the work is done), or None (发布时间, 事故发生时间, or no time word)."""
    if any(w in label for w in cues.event_label):
        return None
    if any(w in label for w in cues.deadline_label):
        return "due"
    return "schedule" if label.endswith(cues.schedule_label) else None


def fills_table_cell(text: str, start: int, end: int) -> bool:
    """Whether `[start, end)` is a whole cell of a table row written as text (the 完成时限 column)."""
    line_start, line_end = enclosing(text, start, end, "\n")
    before, after = text[line_start:start], text[end:line_end]
    opens_cell = CELL_END.search(before) is not None
    closes_cell = not after.strip() or CELL_GAP.match(after) is not None
    return opens_cell and closes_cell


def _short(text: str | None, width: int = 60) -> str | None:
    if not text:
        return None
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(slots=True)
class Found:
    """A date expression that reads as a deadline, in normalized offsets."""

    start: int
    end: int
    kind: str
    first: date | None
    last: date
    what: str | None
    year_inferred: bool


def month_day_splits(digits: str) -> list[tuple[int, int]]:
    """The ways `digits` (625, 1225) parts into a valid month and day."""
    out = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if 1 <= len(day) <= 2 and not day.startswith("0") and 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            out.append((int(month), int(day)))
    return out


def glued_dates(digits: str) -> list[tuple[int | None, int, int]] | None:
    """The dates of digits whose 年, 月 and any connector were lost (2023625 → 2023-06-25; 20246112024619 →
    2024-06-11 and 2024-06-19; 1225 → 12-25), or None unless they part exactly one way."""
    if len(digits) <= 4:
        splits = month_day_splits(digits)
        return [(None, *splits[0])] if len(splits) == 1 else None
    year, rest = int(digits[:4]), digits[4:]
    readings = [[(year, m, d)] for m, d in month_day_splits(rest)]
    for cut in range(3, len(rest) - 6):
        second = rest[cut : cut + 4]
        if second.startswith(("19", "20")) and int(second) in (year, year + 1):
            readings += [
                [(year, *a), (int(second), *b)]
                for a in month_day_splits(rest[:cut])
                for b in month_day_splits(rest[cut + 4 :])
            ]
    return readings[0] if len(readings) == 1 else None


def glued_interval(text: str, offset: int, ctx: YearContext) -> tuple[date, date, bool, bool] | None:
    """(start, end, is_range, year_inferred) of a date that lost its marks."""
    parts = glued_dates(text.removesuffix("日"))
    if parts is None:
        return None
    inferred = parts[0][0] is None
    year = parts[0][0] or resolve_year(Atom(year=None, relative=None), offset, ctx)[0]
    if year is None:
        return None
    try:
        days = [date(y or year, m, d) for y, m, d in parts]
    except ValueError:
        return None
    if days[-1] < days[0]:
        return None
    return days[0], days[-1], len(days) > 1, inferred


def expression_dates(m: re.Match[str], ctx: YearContext) -> tuple[date | None, date, bool, bool] | None:
    """(start, end, is_range, year_inferred) of one match; None when it names no valid date."""
    if m.group("from_today"):
        end_atom = parse_atom(m.group("today_end"))
        if end_atom is None:
            return None
        year, inferred = resolve_year(end_atom, m.start(), ctx)
        span = atom_interval(end_atom, year) if year else None
        if span is None:
            return None
        # the work runs from the document's own day: what the text fixes is when it must be done (至6月30日)
        return span[1], span[1], False, inferred
    if m.group("yr_a"):
        a, b = int(m.group("yr_a")), int(m.group("yr_b"))
        return date(a, 1, 1), date(b, 12, 31), True, False
    if m.group("glued"):
        return glued_interval(m.group("glued"), m.start(), ctx)
    if m.group("range_a") or m.group("mr_a") or m.group("joined_a"):
        if m.group("range_a") or m.group("joined_a"):
            a_text, b_text = m.group("range_a", "range_b") if m.group("range_a") else m.group("joined_a", "joined_b")
            a_atom, b_atom = parse_atom(a_text), parse_atom(b_text)
        else:
            prefix = m.group("mr_year") or ""
            a_atom, b_atom = parse_atom(f"{prefix}{m.group('mr_a')}月"), parse_atom(m.group("mr_b"))
        if a_atom is None or b_atom is None:
            return None
        year, inferred = resolve_year(a_atom, m.start(), ctx)
        if year is None:
            return None
        first = atom_interval(a_atom, year)
        if first is None:
            return None
        b_year = year if not b_atom.has_year else resolve_year(b_atom, m.start(), ctx)[0]
        last = atom_interval(b_atom, b_year, month=a_atom.month) if b_year else None
        if last is None or last[1] < first[0]:
            return None
        return first[0], last[1], True, inferred
    atom = parse_atom(m.group("single"))
    if atom is None:
        return None
    year, inferred = resolve_year(atom, m.start(), ctx)
    if year is None:
        return None
    span = atom_interval(atom, year)
    if span is None:
        return None
    if inferred and atom.relative is None:
        rolled = _roll_forward(year, span[1], ctx, ctx.doc_date is not None)
        if rolled != year:
            span = atom_interval(atom, rolled)
            if span is None:
                return None
    return span[0], span[1], False, inferred


def due_duty(lines: TextLines, text: str, m: re.Match[str], next_start: int | None, cues: Cues) -> str | None:
    """What a due date governs: the phase it closes, the task of its table row, or the clause after it."""
    start, end = m.start(), m.end()
    if is_parenthetical(text, start, end):
        return what_before(text, start)
    topic = table_cell_topic(lines, text, start)
    if topic:
        return topic
    duty = what_after(text, end, next_start)
    obj = object_before(text, start)
    if not obj and len(duty) <= 3:  # 全面排查在5月底以前完成: the task is the clause head
        obj = subject_before(text, start, cues)
    return (obj + duty) or label_before(text, start) or None


def enumerated_dates(text: str, matches: list[re.Match[str]], i: int) -> list[int]:
    """Indices of the dates listed before a due date that share its cue: 4月10日、7月10日、10月10日前."""
    out = []
    j = i - 1
    while j >= 0 and text[matches[j].end() : matches[j + 1].start()] in ("、", "和", "及"):
        if matches[j].group("due") or not matches[j].group("single"):
            break
        out.append(j)
        j -= 1
    return out[::-1]


def ends_at_period_end(m: re.Match[str]) -> bool:
    """Whether a single date names the end of a period: 2024年底, 6月末, 三季度末."""
    single = m.group("single")
    return bool(single) and single.endswith(("底", "末"))


def add_length(first: date, n: int, unit: str, half: bool) -> date:
    """The last day of a period of `n` units (half a unit when `half`: 为期半年, 为期半个月) that opens on `first`."""
    if unit in ("天", "日"):
        return first + timedelta(days=n - 1)
    if unit == "周":
        return first + timedelta(weeks=n) - timedelta(days=1)
    if half and unit == "月":
        return first + timedelta(days=14)
    months = 6 if half else 12 * n if unit == "年" else n
    month0 = first.month - 1 + months
    year, month = first.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(first.day, calendar.monthrange(year, month)[1])) - timedelta(days=1)


def length_periods(text: str, ctx: YearContext, taken: list[Found]) -> list[Found]:
    """Periods written as a start and a length (即日起…为期三个月), unless a date range already covers them."""
    out = []
    for m in DURATION.finditer(text):
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        if m.group("from_atom"):
            atom = parse_atom(m.group("from_atom"))
            year = resolve_year(atom, m.start(), ctx)[0] if atom else None
            span = atom_interval(atom, year) if year else None
            first = span[0] if span else None
        else:
            first = ctx.doc_date
        half = m.group("n") == "半"
        n = 1 if half else chinese_integer(m.group("n"))
        if first is None or not n:
            continue
        last = add_length(first, n, m.group("unit").lstrip("个"), half)
        _, hi = clause_bounds(text, m.end(), m.end())
        what = text[m.end() : hi].lstrip("的") or next_clause(text, m.end())
        out.append(Found(m.start(), m.end(), "period", first, last, what or None, m.group("from_atom") is None))
    return out


ACTIVITY_REACH = 12  # characters after 在 in which the activity verb stands (在全省范围内开展)


def activity_follows(text: str, end: int, next_start: int | None, cues: Cues) -> bool:
    """Whether an activity verb follows the date in its clause (在全省开展, 组织开展)."""
    duty = what_after(text, end, next_start) or next_clause(text, end)  # 7月至9月，在全市开展…
    if duty.startswith("在"):  # 在全省开展: the verb after a place
        return any(w in duty[:ACTIVITY_REACH] for w in cues.activity)
    return any(duty.startswith(w) for w in cues.activity)


def opens_activity(text: str, m: re.Match[str], clause: str, next_start: int | None, cues: Cues) -> bool:
    """Whether the date opens its clause (after any outline marker) and an activity follows it, not in the past."""
    opens = OUTLINE_MARKER.sub("", clause).startswith(m.group().strip())
    return opens and activity_follows(text, m.end(), next_start, cues) and not any(p in clause for p in cues.past)


def looks_back(m: re.Match[str], first: date | None, last: date, ctx: YearContext) -> bool:
    """Whether a date expression names the past, not a deadline: 去年底, or a year-to-date period
    that ended before the document was written (通报1—7月全市安全生产形势)."""
    if "去年" in m.group() or "上年" in m.group():
        return True
    year_to_date = first is not None and (first.month, first.day) == (1, 1) and first != last
    return year_to_date and ctx.doc_date is not None and last < ctx.doc_date


# Counts of accidents and casualties: a period they are counted over is a window of statistics, not of work.
TALLY = re.compile(r"\d+\s*起|死亡\s*\d+\s*人|\d+\s*人(?:死亡|受伤)|同比(?:上升|下降|增加|减少)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression of the text with the facts every reading of it asks about."""

    m: re.Match[str]
    first: date | None
    last: date
    is_range: bool
    inferred: bool
    report: bool  # said in a report, of its own time or earlier
    before: str  # the three characters before it
    next_start: int | None  # where the next date expression starts
    clause: str
    clause_end: int

    @property
    def start(self) -> int:
        return self.m.start()

    @property
    def end(self) -> int:
        return self.m.end()

    def due(self, what: str | None) -> Found:
        return Found(self.start, self.end, "due", None, self.last, what, self.inferred)

    def period(self, what: str | None) -> Found:
        return Found(self.start, self.end, "period", self.first, self.last, what, self.inferred)


@dataclass(slots=True)
class DateScan:
    """What the readings of one document share: its text, cues, dates and the expressions already read."""

    text: str
    lines: TextLines
    cues: Cues
    ctx: YearContext
    matches: list[re.Match[str]]
    taken: set[int]  # starts of expressions already read as part of an enumeration


def find_deadlines(doc: Document) -> list[Found]:
    """Every date expression of the normalized text that reads as a due date or a planned period: each
    is read by the first of `READINGS` that decides it."""
    matches = list(EXPRESSION_SCAN.finditer(doc.norm_text))
    if not GLUED_FULL.search(doc.norm_text):  # 1225日前 reads as 12月25日前 only beside a date that lost its marks
        matches = [m for m in matches if not (m.group("glued") and len(m.group("glued")) <= 5)]
    scan = DateScan(doc.norm_text, doc.analysis.text_lines, time_cues(), year_context(doc), matches, set())
    skipped = own_ranges(doc)
    found: list[Found] = []
    for i, m in enumerate(scan.matches):
        if any(lo <= m.start() < hi for lo, hi in skipped):
            continue
        mention = date_mention(scan, i, doc.analysis.is_report)
        if mention is None:
            continue
        for reading in READINGS:
            decided = reading(scan, i, mention)
            if decided is not None:
                found.extend(decided)
                break
    found.extend(length_periods(scan.text, scan.ctx, found))
    found.sort(key=lambda f: f.start)
    return found


def own_ranges(doc: Document) -> list[tuple[int, int]]:
    """The document's own date (成文日期, a speech's bracketed date) and title: no deadline, nor the period
    its title names."""
    return [(doc.norm_index(f.span.start), doc.norm_index(f.span.end)) for f in (doc.meta.date, doc.meta.title) if f]


def is_whole_year_span(first: date | None, last: date) -> bool:
    """Whether first..last covers one or more whole calendar years (今年, 2015年, 2024—2026年)."""
    return first is not None and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)


def date_mention(scan: DateScan, i: int, reporting_document: bool) -> DateMention | None:
    """The facts of expression `i`, or None where it is no date of work at all: it names no valid date,
    looks back, names a plan's year in its title, or is a baseline (比2020年, 每年)."""
    text, m = scan.text, scan.matches[i]
    dates = expression_dates(m, scan.ctx)
    if dates is None:
        return None
    first, last, is_range, inferred = dates
    start, end = m.start(), m.end()
    # 1月份 alone in a table cell is the row's month of a schedule, not the figures of the year so far
    if looks_back(m, first, last, scan.ctx) and (is_range or not fills_table_cell(text, start, end)):
        return None
    whole_year = is_whole_year_span(first, last)
    if _inside_title(text, start) or (whole_year and is_parenthetical(text, start, end)):
        return None  # 《…实施方案（2024年）》: the year names the plan, it schedules nothing
    before = text[max(0, start - 3) : start]
    if any(before.endswith(c) for c in scan.cues.baseline) or before.endswith("每年") or before.endswith("每月"):
        return None
    # a report's dates after its own date are plans (a 总结's 到2022年底…, a 通报's 9月至11月将…)
    doc_date = scan.ctx.doc_date
    report = reporting_document and not (doc_date is not None and (first or last) > doc_date)
    next_start = scan.matches[i + 1].start() if i + 1 < len(scan.matches) else None
    lo, hi = clause_bounds(text, start, end)
    return DateMention(m, first, last, is_range, inferred, report, before, next_start, text[lo:hi], hi)


def is_as_of(mention: DateMention, cues: Cues) -> bool:
    return any(mention.before.endswith(c) for c in cues.as_of)


def labelled_due(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """完成时限：2024年6月底: the item's due date."""
    if d.is_range or not after_deadline_label(scan.text, d.start, scan.cues):
        return None
    return [d.due(item_heading(scan.text, d.start) or None)]


LABEL = re.compile(r"([\u4e00-\u9fff]{1,10})\s*[：:]\s*$")


def schedule_label_before(text: str, start: int, cues: Cues) -> str | None:
    """The label of a date that says when the work is done (（一）考核时间：2020年12月 → 考核时间)."""
    line_start = text.rfind("\n", 0, start) + 1
    m = LABEL.search(OUTLINE_MARKER.sub("", text[line_start:start]))
    if m is None or m.group(1) in cues.schedule_label:  # a bare 时间： is a web page's date
        return None
    return m.group(1) if label_kind(m.group(1), cues) == "schedule" else None


def labelled_schedule(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """考核时间：2020年12月 / 公示时间：2015年11月6日…至…: when the labelled work is done, unless a report tells
    it as past."""
    label = schedule_label_before(scan.text, d.start, scan.cues)
    if label is None or d.report or (d.m.group("due") and not d.is_range):
        return None
    what = label.removesuffix(next(w for w in scan.cues.schedule_label if label.endswith(w))) or label
    return [d.due(what) if d.first == d.last else d.period(what)]


def stated_due(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """6月底前完成, with the dates enumerated before it (3月、6月底前) due alike."""
    if d.is_range or not d.m.group("due"):
        return None
    # 截至6月30日前 is a due date; 截止11月底止 and 截止11月底， are statistics cut-offs.
    if is_as_of(d, scan.cues) and not d.m.group("due").endswith("前"):
        return []
    what = due_duty(scan.lines, scan.text, d.m, d.next_start, scan.cues)
    found = []
    for j in enumerated_dates(scan.text, scan.matches, i):
        earlier = expression_dates(scan.matches[j], scan.ctx)
        if earlier is not None and scan.matches[j].start() not in scan.taken:
            scan.taken.add(scan.matches[j].start())
            due = shared_date_in_year(scan.matches[j], d.last) or earlier[1]
            found.append(Found(scan.matches[j].start(), scan.matches[j].end(), "due", None, due, what, earlier[3]))
    scan.taken.add(d.start)
    return [*found, d.due(what)]


def shared_date_in_year(earlier: re.Match[str], last: date) -> date | None:
    """The date a bare year listed before a fuller due date shares with it (2024年、2025年、2026年11月底前: the
    end of November of each year), or None where the earlier date is more than a year."""
    year = EXPLICIT_YEAR.fullmatch(earlier.group().strip())
    if year is None:
        return None
    try:
        return last.replace(year=int(year.group(1)))
    except ValueError:  # 2月29日 of a year that has none
        return None


def cut_off(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """截至6月30日: a statistics cut-off, unless an order to finish follows (截至6月30日，各地要全面完成整改)."""
    if not is_as_of(d, scan.cues):
        return None
    rest = scan.text[d.clause_end : d.clause_end + 60].split("。", 1)[0]
    cues = scan.cues
    if not d.report and any(w in rest for w in cues.directive) and any(w in rest for w in cues.completion):
        return [d.due(next_clause(scan.text, d.end) or None)]
    return []


def too_long(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """A period of years is a campaign's span or history, not a work period; unless both of its ends are
    written to the day (2024年1月1日至2026年12月31日): a period so bounded is the work's own."""
    if d.first is None or (d.last - d.first).days <= MAX_PERIOD_DAYS or written_to_the_day(d.m.group()):
        return None
    return []


DAY_WORDS = re.compile(r"[日号]")


def written_to_the_day(expression: str) -> bool:
    """Whether a range names the day at both of its ends (…1月1日至…12月31日)."""
    return len(DAY_WORDS.findall(expression)) >= 2


BARE_YEAR = re.compile(r"(?:19|20)\d{2}年")


def names_goal_year(text: str, d: DateMention, cues: Cues) -> bool:
    """Whether a bare year is its own clause before a goal (到2020年，安全生产责任基本明晰): a plan's goal for
    that year, due by its last day. A target measured against a baseline (到2022年，事故起数较2019年下降10%)
    is a metric, not a deadline; a bare year inside a clause (到2020年全面完成) is left to the other readings."""
    if BARE_YEAR.fullmatch(d.m.group("single") or "") is None or not is_alone(d):
        return False
    goal = next_clause(text, d.end)
    return bool(goal) and not any(c in goal for c in cues.baseline)


def goal_at_period_end(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """到2024年底，重点行业领域…机制基本建立 / 到2020年，…: the plan's goal is due at the period's end."""
    if d.is_range or d.report or not any(d.before.endswith(w) for w in scan.cues.by):
        return None
    if not (ends_at_period_end(d.m) or names_goal_year(scan.text, d, scan.cues)):
        return None
    return [d.due(next_clause(scan.text, d.end) or None)]


def within_the_year(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """年内完成…: due by the year's end where a plan verb follows; otherwise no date of work."""
    if d.is_range or not (d.m.group("single") or "").endswith("年内"):
        return None
    duty = what_after(scan.text, d.end, d.next_start)
    return [d.due(duty)] if not d.report and duty.startswith(scan.cues.plan_verbs) else []


FUTURE_REACH = 16  # characters of the next clause in which its subject stands before 将 (22个中央…考核巡查组将…)


def announces_plan(text: str, d: DateMention, cues: Cues) -> bool:
    """Whether a date that is the whole of its clause is followed by what will be done then (9月底，省政府将派出
    督查组): news of a meeting or notice tells its plans this way. A past word in that clause (将情况进行了
    通报) makes it an event already done; a whole year (今年，我省将…) is the year's programme, not a date
    of work; 9月中下旬以后，… opens an open-ended time, not a period."""
    if d.clause.strip() != d.m.group().strip() or is_whole_year_span(d.first, d.last):
        return False
    after = next_clause(text, d.end)
    head = after[:FUTURE_REACH]
    return any(w in head for w in cues.future) and not any(p in after for p in cues.past)


def is_planned(scan: DateScan, d: DateMention) -> bool:
    """Whether the expression is a planned date or period: bracketed, a phase's, 即日起, one that announces
    what will be done then, or a range that opens an activity and reports no past work."""
    text = scan.text
    if is_parenthetical(text, d.start, d.end) or d.m.group("from_today"):
        return True
    if phase_name_after(text, d.end) is not None:  # a report's 6月16日为咨询日，全县共设咨询点12个 is past
        return not (d.report and any(p in d.clause + next_clause(text, d.end) for p in scan.cues.past))
    if announces_plan(text, d, scan.cues):
        return True
    if not d.is_range:
        return False
    # a report plans too where a range opens with 自/从/于 and no past word follows (自7月起至10月底，开展…)
    opens = (d.start > 0 and text[d.start - 1] in "自从于") or text[d.start] in "自从"
    acts = activity_follows(text, d.end, d.next_start, scan.cues)  # 4月至6月在全省开展…行动
    context = date_context(text, d)
    # 2024年4月2日至3日，…对…开展执法检查 in a notice of 5月7日: a period over before the document was written
    # is told as past, as in a report
    over = scan.ctx.doc_date is not None and d.last < scan.ctx.doc_date
    # a news page of 2019-05-15 telling of 5月5日至14日 of that year: the same, where the text has no date of its
    # own (a page reposting an older plan years later leaves its periods alone)
    page = scan.ctx.page_date
    over = over or (scan.ctx.doc_date is None and page is not None and page.year == d.last.year and d.last < page)
    planned = (not (d.report or over) or opens or acts) and not any(p in context for p in scan.cues.past)
    # 2024年1月至6月，全省发生事故42起: a window of statistics
    return planned and not TALLY.search(context) and not compared_year_to_date(d, context, scan.cues)


def compared_year_to_date(d: DateMention, context: str, cues: Cues) -> bool:
    """Whether a period from January is compared with the year before (1-4月全国各类伤亡事故起数比去年同期…
    下降): the figures of the year so far, where no document date tells that the period is past."""
    from_january = d.first is not None and (d.first.month, d.first.day) == (1, 1)
    return from_january and any(w in context for w in cues.comparison)


def is_alone(d: DateMention) -> bool:
    """2021年1至11月，全市共发生…: the date is its own clause."""
    return len(d.clause.strip()) - (d.end - d.start) <= 2


def date_context(text: str, d: DateMention) -> str:
    """The clause of the date, and the next one where the date is its own clause."""
    return d.clause + (next_clause(text, d.end) if is_alone(d) else "")


def table_cell_due(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """2024年12月 alone in a task table's 完成时限 cell: due at its end; 1月份 in a 时间安排 column: the month the
    row's work is done."""
    if d.is_range or is_planned(scan, d) or not fills_table_cell(scan.text, d.start, d.end):
        return None
    head = column_head(scan.lines, scan.text, d.start)
    if head is None:  # 中央政府门户网站 www.gov.cn   2009年06月08日   来源：…: a page's header, no table
        return None
    topic = table_cell_topic(scan.lines, scan.text, d.start)
    if d.first != d.last and label_kind(head, scan.cues) == "schedule":
        return [d.period(topic)]
    return [d.due(topic)]


def activity_period(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """6月份组织开展“安全生产月”活动: a period opening its clause and followed by an activity."""
    if d.is_range or d.first == d.last or is_planned(scan, d):
        return None
    if not opens_activity(scan.text, d.m, d.clause, d.next_start, scan.cues):
        return None
    return [d.period(what_after(scan.text, d.end, d.next_start) or None)]


def at_a_period(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """各地要在三季度完成排查: a period with a completion verb is due at its end; 于9月下旬组织开展督导: a
    period with an activity verb is when it happens (in a report's requirements too)."""
    cues = scan.cues
    if d.is_range or is_planned(scan, d) or not any(d.before.endswith(w) for w in cues.at):
        return None
    duty = what_after(scan.text, d.end, d.next_start)
    if any(p in d.clause for p in cues.past):
        return []
    if not d.report and any(duty.startswith(w) for w in cues.completion):
        return [d.due(subject_before(scan.text, d.start, cues) + duty)]
    if d.first is not None and d.first != d.last and any(duty.startswith(w) for w in cues.activity):
        return [d.period(duty)]
    return []


def planned_date(scan: DateScan, i: int, d: DateMention) -> list[Found] | None:
    """A planned date or period (`is_planned`) with what it is for: the words before a bracketed date, the
    phase it names, or what follows; nothing else reads as a date of work."""
    if not is_planned(scan, d):
        return []
    text = scan.text
    phase = phase_name_after(text, d.end)
    if is_parenthetical(text, d.start, d.end):
        what = what_before(text, d.start)
    elif phase:
        what = phase
    else:
        what = what_after(text, d.end, d.next_start) or (next_clause(text, d.end) if is_alone(d) else "")
        what = what or label_before(text, d.start)
    if not d.is_range and d.first == d.last:
        return [d.due(what or None)]
    return [d.period(what or None)]


READINGS = (
    labelled_due, labelled_schedule, stated_due, cut_off, too_long, goal_at_period_end, within_the_year,
    table_cell_due, activity_period, at_a_period, planned_date,
)  # fmt: skip


@stage("deadlines", step="extract", assigns="extraction.deadlines", requires=("meta", "analysis.is_report", "analysis.text_lines", "analysis.stated_year"))
def deadlines(doc: Document) -> list[Deadline]:
    """Due dates and planned periods, in text order, each with the clause it governs."""
    out: list[Deadline] = []
    for f in find_deadlines(doc):
        span = doc.source_span(f.start, f.end)
        item = Deadline(text=doc.text_of(span), span=span, what=_short(f.what), kind=f.kind, year_inferred=f.year_inferred)
        if f.kind == "due":
            item.date = f.last.isoformat()
        else:
            item.start = f.first.isoformat() if f.first else None
            item.end = f.last.isoformat()
            if f.first is None:
                item.kind = "due"
                item.date = item.end
        out.append(item)
    return out
