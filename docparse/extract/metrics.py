"""Metrics (统计数据): the figures a document reports, each with its indicator, value and unit, in plain
units (369.21万元 → 3692100 元, 27.6万项 → 276000 项) and with approximation marks (近5千次, 4万余项).

A figure is `reported` when its sentence says what happened (共发生38起, 已整改4531项) and a `target`
when a goal verb leads to it in a plan or a requirement (到2020年底接入率达到100%, 同比下降5%以上,
每年不低于2000万元); the consistency checks use reported figures only. Left out: the counts of a plan's
own items (突出抓好4项工作), rules and thresholds without a goal (1个月内发生2起及以上), back-references
(上述5起事故), names (“四个一律”, “1+7”专项行动), dates, document numbers and outline numbers. Units, cue
words and indicators live in data/metric_units.tsv and data/indicators.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from docparse.analyse.numerals import chinese_integer
from docparse.model import Document, Metric
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import IntervalIndex, enclosing

SENTENCE_END = "。；！？\n"
CLAUSE_BREAK = "，。；：！？、\n\t"
# A sentence with one of these words and none of PAST_MARKERS gives a rule or a task, not a statistic.
# 要 and 请 only as modal verbs: 主要负责人, 重要部位 and 邀请专家 report; 请 asks at the start of its clause.
# A standard's negated modals (不应大于, 应不少于, 不宜少于) state its rules as well.
DIRECTIVE = re.compile(
    r"(?<![主重需必只首紧纪摘])要(?![点素])|必须|应当|务必|确保|力争|(?:^|(?<=[，。；：\n]))请|不得|严禁|须|抓好|落实好|坚持"
    r"|不[应宜]|应不"
)
PAST_MARKERS = re.compile(r"了|已|共|累计|先后|截止|截至|以来|全年|发生|同比|建成|组建|投入|完成")
# In a plan only these make a sentence a report (a plan's 发生1起…的 is a rule, not an event; 现有: its baseline).
STRONG_PAST_MARKERS = re.compile(r"了|已|共|累计|先后|截止|截至|以来|现有|予以(?:通报)?(?:表彰|表扬)|授予")
# a day, maybe an hour, then what happened on it: a notice's account of an accident, not a rule of a plan
DATED_EVENT = re.compile(r"[0-9一二三四五六七八九十]{1,3}日(?:[0-9一二三四五六七八九十]{1,3}时)?[^。；]{0,150}?发生")
PRIOR_PERIOD = re.compile(r"(?:去年|上年|上年度)(?:同期)?(?:为|的|是)?$")
PRIOR_SUFFIX = "（上年同期）"
COUNTED_ITEMS = {"个", "项", "套", "份", "条"}
FREQUENCY_UNITS = {"次", "遍", "回"}
NOUN_AFTER = 14  # characters after a figure that name what it counts
QUOTED_NAME_MAX = 20  # a figure inside “…” this short is part of a name (“五个一”, “四个一律”)
INDICATOR_WINDOW = 16  # how far back in the clause to look for an indicator word
REPEATED_LINE_MIN = 8  # a shorter line (合计, 1月份) may well be printed twice for different figures


@dataclass(frozen=True, slots=True)
class UnitLexicon:
    pattern: re.Pattern[str]
    not_after: tuple[str, ...]
    threshold: tuple[str, ...]
    target: tuple[str, ...]
    plan_items: tuple[str, ...]
    multipliers: dict[str, float]
    goal_verbs: tuple[str, ...]
    report_types: frozenset[str]
    back_references: tuple[str, ...]
    lead_words: tuple[str, ...]
    modals: tuple[str, ...]
    counted_in_words: frozenset[str]
    place_classes: frozenset[str]


@lru_cache(maxsize=1)
def unit_lexicon() -> UnitLexicon:
    rows = load_tsv("metric_units.tsv")

    def words(kind: str) -> list[str]:
        return sorted((r["word"] for r in rows if r["kind"] == kind), key=len, reverse=True)

    units = "|".join(re.escape(u) for u in words("unit"))
    before = "|".join(re.escape(w) for w in words("approx_before"))
    after = "|".join(re.escape(w) for w in words("approx_after"))
    multipliers = {r["word"]: float(r["value"]) for r in rows if r["kind"] == "multiplier"}
    mult = "|".join(re.escape(w) for w in multipliers)
    pattern = re.compile(
        rf"(?P<pre>{before})?"
        rf"(?<![\d.+])(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
        rf"\s*(?P<approx>{after})?(?P<mult>{mult})?(?P<approx2>{after})?\s*(?P<unit>{units})"
    )
    return UnitLexicon(
        pattern, tuple(words("not_after")), tuple(words("threshold")), tuple(words("target")),
        tuple(words("plan_item")), multipliers, tuple(words("goal_verb")), frozenset(words("report_type")),
        tuple(words("back_reference")), tuple(words("lead_word")), tuple(words("modal")), frozenset(words("counted_in_words")),
        frozenset(words("place_class")),
    )


@dataclass(frozen=True, slots=True)
class IndicatorLexicon:
    words: tuple[tuple[str, str, str], ...]  # (word, indicator, unit), longest word first


@lru_cache(maxsize=1)
def indicator_lexicon() -> IndicatorLexicon:
    rows = load_tsv("indicators.tsv")
    entries = sorted(((r["word"], r["indicator"], r["unit"]) for r in rows), key=lambda e: len(e[0]), reverse=True)
    return IndicatorLexicon(tuple(entries))


@dataclass(slots=True)
class Found:
    start: int
    end: int
    value: float
    unit: str
    approx: str | None
    indicator: str | None
    target: bool = False


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return enclosing(text, start, end, SENTENCE_END)


def reports_facts(sentence: str, plan: bool) -> bool:
    """Whether a sentence reports what happened rather than asks for something (in a plan or a notice, only a
    clear past, or an event on a day: 8月27日，…发生一起道路交通事故，造成3人死亡)."""
    if plan:
        return bool(STRONG_PAST_MARKERS.search(sentence) or DATED_EVENT.search(sentence))
    return bool(PAST_MARKERS.search(sentence)) or not DIRECTIVE.search(sentence)


def counted_noun(text: str, end: int) -> str:
    """The noun right after a figure, up to the clause break: 2个|专题实施方案."""
    hi = end
    while hi < len(text) and text[hi] not in CLAUSE_BREAK and hi - end < NOUN_AFTER:
        hi += 1
    return text[end:hi]


def inside_name(text: str, start: int, end: int) -> bool:
    """Whether a figure is part of a name: inside short quotes or a 《》 title, or a 1+7 pattern."""
    if text[end : end + 1] == "+" or text[max(0, start - 1) : start] == "+":
        return True
    for opener, closer in (("“", "”"), ("《", "》"), ('"', '"')):
        left = text.rfind(opener, max(0, start - QUOTED_NAME_MAX), start)
        if left >= 0 and closer not in text[left + 1 : start] and "，" not in text[left:start]:
            right = text.find(closer, end, end + QUOTED_NAME_MAX)
            if right >= 0 and "，" not in text[end:right] and "。" not in text[end:right]:
                return True
    return False


VAGUE_MAGNITUDE = ("几", "数")


def text_before(m: re.Match[str], n: int) -> str:
    return m.string[max(0, m.start("num") - n) : m.start("num")]


def figure_value(m: re.Match[str], lex: UnitLexicon) -> float | None:
    num = m.group("num")
    if num.isascii():
        value = float(num)
    else:
        # Small numbers in Chinese name measures (十五条硬措施, 两个问题); counts are written 两千余, 三百多,
        # except of people, accidents and bodies, which facts count in words too (二十二人, 两起, 三家企业).
        approx = m.group("pre") or m.group("approx") or m.group("approx2")
        if text_before(m, 1) in VAGUE_MAGNITUDE:  # 几十家, 数百人: no figure at all
            return None
        if num in ("百", "千"):  # 近百人, 千余家: a round magnitude only when marked approximate
            if not approx:
                return None
        elif m.group("unit") in lex.counted_in_words:
            if num == "一" and not counts_one_person(m):  # 一家企业, 一人一档: an article or a slogan
                return None
        elif len(num) < 2 or not (set(num) & set("百千") or m.group("mult") or approx):
            return None
        n = chinese_integer(num)
        if n is None:
            return None
        value = float(n)
    if m.group("mult"):
        value *= lex.multipliers[m.group("mult")]
    return value


def counts_one_person(m: re.Match[str]) -> bool:
    """造成一人死亡: 一 counts a person when what the lexicon measures of people follows at once."""
    unit = m.group("unit")
    return unit in PERSON_UNITS and lexicon_indicator(m.string[m.end() : m.end() + 4], unit, last=False) is not None


def lexicon_indicator(segment: str, unit: str, last: bool) -> str | None:
    """The indicator of the lexicon word in `segment` nearest its end (`last`) or its start."""
    best: tuple[int, int, str] | None = None
    for word, indicator, wanted_unit in indicator_lexicon().words:
        if wanted_unit and wanted_unit != unit:
            continue
        i = segment.rfind(word) if last else segment.find(word)
        if i < 0:
            continue
        key = (-(i + len(word)) if last else i, -len(word))
        if best is None or key < best[:2]:
            best = (*key, indicator)
    return best[2] if best else None


def noun_after(text: str, end: int) -> str:
    """What a figure counts when a noun follows its unit (274个问题隐患, 16个州、市): up to the next figure."""
    hi = end
    while (
        hi < len(text) and text[hi] not in "，。；：！？\n\t和及与" and not text[hi].isdigit() and hi - end < INDICATOR_WINDOW
    ):
        hi += 1
    return text[end:hi]


CLAUSE_HEAD_BREAK = "，。；：！？\n\t"


def head_before(text: str, pos: int, window: int, breaks: str = CLAUSE_HEAD_BREAK) -> str:
    """The text before `pos` back to the nearest break character, at most `window` characters, less the blank
    a PDF's text sets before a figure (同比减少 8 起)."""
    head = text[max(0, pos - window) : pos]
    return head[max(head.rfind(ch) for ch in breaks) + 1 :].rstrip(" ")


COUNTED_NOUN_MAX = 10  # characters of a counted noun taken as its own indicator


def counted_thing(text: str, start: int, end: int, lex: UnitLexicon) -> str | None:
    """What a figure counts when no indicator word names it: the noun before it, back to the clause or list
    break (加油站11座, 小型水库12座), lead words (现有, 其中) removed, and the word and modal a requirement ends it with
    (预抽率应当达到30%). A figure followed by a noun the lexicon does not know (8个督查组) gets none: that is
    too often a count of the plan's own parts."""
    after = noun_after(text, end)
    if after and "\u4e00" <= after[0] <= "\u9fff":
        return None
    noun = head_before(text, start, COUNTED_NOUN_MAX, CLAUSE_HEAD_BREAK + "、（(")
    stripped = True
    while stripped:
        stripped = False
        for w in lex.lead_words:  # longest first, as the loader sorts them
            if noun.startswith(w) and len(noun) > len(w):
                noun, stripped = noun[len(w) :], True
    noun = without_requirement_verbs(noun, lex)
    if len(noun) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in noun):
        return None
    return noun


def without_requirement_verbs(noun: str, lex: UnitLexicon) -> str:
    """A noun less the word that sets a required level at its end (达到, 不少于) and the modal before that word
    (完好率应当达到 -> 完好率). A change (同比减少) stays: it is what the figure measures."""
    ending = next((w for w in lex.target if noun.endswith(w) and len(noun) > len(w)), None)
    if ending is None:
        return noun
    noun = noun[: -len(ending)]
    modal = next((w for w in lex.modals if noun.endswith(w) and len(noun) > len(w)), "")
    return noun[: len(noun) - len(modal)]


def indicator_for(text: str, start: int, end: int, unit: str) -> str | None:
    """The indicator a figure measures: from the noun after its unit when one follows (8个综合督查组),
    else from the nearest lexicon word before it in its clause (发现问题隐患5110项); None if neither names one."""
    noun = noun_after(text, end)
    if noun and "\u4e00" <= noun[0] <= "\u9fff":
        return lexicon_indicator(noun, unit, last=False)
    return lexicon_indicator(head_before(text, start, INDICATOR_WINDOW), unit, last=True)


def prior_indicator(text: str, start: int, unit: str, found: list[Found]) -> str | None:
    """The indicator of a prior-period value, named after this period's figure in the same unit:
    发生事故30起，去年同期40起 → 事故起数（上年同期）; 较上年的31起、35人 → the second one by its unit too."""
    head = text[max(0, start - 7) : start]
    enumerated = bool(found) and text[found[-1].end : start] in ("、", "和", "及") and (found[-1].indicator or "").endswith(PRIOR_SUFFIX)
    if not (PRIOR_PERIOD.search(head) or enumerated):
        return None
    lo, _ = sentence_bounds(text, start, start)
    in_sentence = takewhile(lambda f: f.start >= lo, reversed(found))
    current = next((f for f in in_sentence if f.unit == unit and not (f.indicator or "").endswith(PRIOR_SUFFIX)), None)
    return f"{current.indicator}{PRIOR_SUFFIX}" if current is not None else None


CLASSIFIERS = frozenset("个家名所台栋条户处支座辆艘项件批只口间具")
PAIR_JOINERS = ("、", "，", "和", "及", ",")
CLASSIFIED_NOUN_MAX = 8


def pair_follower(text: str, start: int, unit: str, found: list[Found]) -> str | None:
    """The indicator of the second figure of a pair (较大事故4起、66人; 302起、307人; 同比减少6起18人, written
    without a joiner when the units differ): the lexicon word of the clause before the first figure for this
    unit, else a count of the unit."""
    if not found:
        return None
    joiner = text[found[-1].end : start]
    if joiner not in PAIR_JOINERS and not (joiner == "" and found[-1].unit != unit):
        return None
    head = head_before(text, found[-1].start, INDICATOR_WINDOW)
    return lexicon_indicator(head, unit, last=True) or f"{unit}数"


def classified_noun(text: str, end: int, unit: str, lex: UnitLexicon) -> str | None:
    """What a figure with a classifier counts when the noun after it is outside the indicator lexicon
    (16个督导组, 86名矿工, 3所学校): that noun, unless it counts the document's own parts (3个方面)."""
    if unit not in CLASSIFIERS:
        return None
    noun = re.split(r"[，。；：、！？\n\t和及与（(]", text[end : end + NOUN_AFTER], maxsplit=1)[0][:CLASSIFIED_NOUN_MAX]
    if len(noun) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in noun[:2]):
        return None
    if any(w in noun for w in lex.plan_items):
        return None
    return noun


PLACE_ALTERNATIVES = re.compile(r"[(（]([^()（）]{1,6})[)）]")


def counted_places(text: str, end: int, unit: str, lex: UnitLexicon) -> str | None:
    """The class of regions a count of places counts when it is one character (检查了6个市, 5个州(市), 31个省
    (区、市)): the unit noun after the classifier, with the alternatives bracketed after it. It must end the
    clause or take the brackets, since 市场, 区段 and 市直部门 open with the same characters."""
    if unit not in CLASSIFIERS or text[end : end + 1] not in lex.place_classes:
        return None
    alternatives = PLACE_ALTERNATIVES.match(text, end + 1)
    if alternatives and all(ch in lex.place_classes or ch in "、" for ch in alternatives.group(1)):
        return text[end : alternatives.end()]
    after = text[end + 1 : end + 2]
    return text[end] if not after or after in CLAUSE_BREAK else None


PERSON_UNITS = frozenset("人名")
PREDICATE_MAX = 8
PASSIVE = ("被", "受到")


def person_predicate(text: str, end: int, unit: str) -> str | None:
    """What happened to the people a bare head count counts, said right after it (17人被追责, 47人失联,
    3人重伤): the count of people the predicate is true of (追责人数). A noun there (42名公职人员) is
    `classified_noun`'s; a figure or a break there leaves the count without an indicator."""
    if unit not in PERSON_UNITS:
        return None
    predicate = re.split(r"[，。；：、！？\n\t（(“”]", text[end : end + PREDICATE_MAX], maxsplit=1)[0]
    predicate = next((predicate[len(w) :] for w in PASSIVE if predicate.startswith(w)), predicate)
    if len(predicate) < 2 or predicate[0] == "的" or not all("\u4e00" <= ch <= "\u9fff" for ch in predicate):
        return None
    return f"{predicate}人数"


def aims_at(text: str, num_start: int, end: int, lex: UnitLexicon) -> bool:
    """Whether a goal verb in the figure's clause leads to it (到2020年底，接入率达到100%; 比2019年下降10%以上),
    or the figure is the share of a noun that its clause then sets a goal for (60%的重点单位达到61号令要求)."""
    head = head_before(text, num_start, INDICATOR_WINDOW)
    if any(w in head for w in lex.goal_verbs) and not any(ch.isdigit() for ch in head[-2:]):
        return True
    return text.startswith("的", end) and any(w in noun_after(text, end + 1) for w in lex.goal_verbs)


def states_facts(doc: Document) -> bool:
    """Whether the document's sentences report what happened unless they direct (通报, 总结, 讲话, 纪要)."""
    kind = doc.meta.doc_type.value if doc.meta.doc_type is not None else None
    return doc.analysis.is_report or kind in unit_lexicon().report_types


def find_metrics(
    text: str, plan: bool = False, reviews: tuple[tuple[int, int], ...] = (), places: IntervalIndex | None = None
) -> list[Found]:
    """Reported figures and targets in normalized text, as offsets; `plan` for a plan, where few sentences
    report, except in the `reviews` ranges, the parts that look back on what was achieved (工作成效). A figure
    inside one of the `places` (五家渠市) is part of a name."""
    lex = unit_lexicon()
    found: list[Found] = []
    # One verdict per sentence: a long sentence holds many figures, and searching it again for each is quadratic.
    sentence_reports: dict[tuple[int, int], bool] = {}
    for m in lex.pattern.finditer(text):
        start, end = m.start(), m.end()
        value = figure_value(m, lex) if is_figure(text, m, lex) else None
        if value is None or (places is not None and places.overlaps(start, end)):
            continue
        bounds = sentence_bounds(text, start, end)
        if bounds not in sentence_reports:
            in_review = any(lo <= bounds[0] < hi for lo, hi in reviews)
            sentence_reports[bounds] = reports_facts(text[bounds[0] : bounds[1]], plan and not in_review)
        bound = next((w for w in lex.threshold if text.startswith(w, end)), "")
        head = text[max(0, m.start("num") - 4) : m.start("num")]
        target = False
        if bound or not sentence_reports[bounds] or any(head.endswith(w) for w in lex.target):
            # not a reported fact: a target when a goal verb leads to it (达标率达到90%以上), else a rule (10人以上)
            target = aims_at(text, m.start("num"), end, lex)
            if not target:
                continue
        indicator = figure_indicator(text, m, bound, lex, found)
        if indicator is None:
            continue
        approx = m.group("pre") or m.group("approx") or m.group("approx2")
        if approx is None and text.startswith("左右", end):
            approx = "左右"
        found.append(Found(start, end, value, m.group("unit"), approx, indicator, target))
    return sorted(found + casualty_tallies(text, found), key=lambda f: f.start)


# 3死7伤, 造成4死: an accident's toll in its shortest form, figures that count people without a unit
CASUALTY_TALLY = re.compile(
    r"(?<![\d.])(?P<dead>\d+|[一二两三四五六七八九十]+)死(?![亡伤])(?:(?P<hurt>\d+|[一二两三四五六七八九十]+)伤)?"
)


def casualty_tallies(text: str, stated: list[Found]) -> list[Found]:
    """The deaths and injuries of tallies written without units (3死7伤), as head counts, less those the text
    states in full too: the tally is a headline's form (涌山煤矿事故致4死1伤 over 造成4人死亡、1人轻伤)."""
    counts = {f.value for f in stated if f.unit in PERSON_UNITS}
    found = []
    for m in CASUALTY_TALLY.finditer(text):
        for group, indicator in (("dead", "死亡人数"), ("hurt", "受伤人数")):
            num = m.group(group)
            value = (int(num) if num.isascii() else chinese_integer(num)) if num else None
            if value is not None and value not in counts:
                found.append(Found(m.start(group), m.end(group) + 1, float(value), "人", None, indicator))
    return found


def is_figure(text: str, m: re.Match[str], lex: UnitLexicon) -> bool:
    """Whether a number with its unit counts something, rather than referring back (上述5起), ordering (总第86期),
    saying how often (每月至少开展1次), dating (2024年), numbering a plan's items or standing inside a name."""
    end, num_start, unit = m.end(), m.start("num"), m.group("unit")
    if any(text.startswith(w, end) for w in lex.not_after):
        return False
    head = text[max(0, num_start - 4) : num_start]
    if head.endswith(lex.back_references) or head.endswith("第"):
        return False  # 上述5起, 总第86期: a reference back, an ordinal (等3个部门, a list's size, counts)
    if unit in FREQUENCY_UNITS and "每" in text[max(0, num_start - INDICATOR_WINDOW) : num_start].split("。")[-1]:
        return False  # 每月至少开展1次: how often a duty recurs, not a count
    if unit in COUNTED_ITEMS and any(w in counted_noun(text, end) for w in lex.plan_items):
        return False
    if text[end : end + 1] in ("年", "月", "日", "号") or (m.group("num").isascii() and len(m.group("num")) > 9):
        return False
    return not inside_name(text, num_start, end)


def figure_indicator(text: str, m: re.Match[str], bound: str, lex: UnitLexicon, found: list[Found]) -> str | None:
    """What a figure measures: named beside it, shared with the figure listed before it (同比分别下降26.4%、23.3%),
    named earlier in its sentence, the thing it counts, its pair's, the noun class after it, or what happened
    to the people it counts."""
    start, end, unit = m.start(), m.end(), m.group("unit")
    indicator = indicator_for(text, start, end + len(bound), unit)
    if indicator is None and found and text[found[-1].end : start] in ("、", "和", "及") and found[-1].unit == unit:
        indicator = found[-1].indicator
    if indicator is None:
        indicator = prior_indicator(text, start, unit, found)
    if indicator is None:
        indicator = counted_thing(text, m.start("num") if not m.group("pre") else start, end + len(bound), lex)
    if indicator is None:
        indicator = pair_follower(text, start, unit, found)
    if indicator is None:
        indicator = counted_places(text, end, unit, lex)
    if indicator is None:
        indicator = classified_noun(text, end, unit, lex)
    if indicator is None:
        indicator = person_predicate(text, end, unit)
    if indicator is None:
        indicator = share_of(text, start, end, unit, lex)
    return indicator


def share_of(text: str, start: int, end: int, unit: str, lex: UnitLexicon) -> str | None:
    """The share a percentage gives of the noun after it (60%的消防安全重点单位达到…): that noun's 占比, the noun
    ending where its clause sets the goal. A change before the figure (下降30%的目标) makes it no share."""
    if unit != "%" or not text.startswith("的", end) or lexicon_indicator(head_before(text, start, INDICATOR_WINDOW), unit, last=True):
        return None
    noun = noun_after(text, end + 1)
    cut = min((i for i in (noun.find(w) for w in lex.goal_verbs) if i > 0), default=CLASSIFIED_NOUN_MAX)
    noun = noun[:cut]
    return f"{noun}占比" if len(noun) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in noun[:2]) else None


def without_restatements(text: str, found: list[Found], title: tuple[int, int] | None) -> list[Found]:
    """The figures less those a page states again: every figure of a line printed again word for word (a news
    page repeats its headline), and a headline's figure that its body gives (3542起 in 黑龙江发生事故3542起 and
    in the article under it)."""
    repeats = repeated_lines(text)
    kept = [f for f in found if not repeats.overlaps(f.start, f.end)]

    def in_title(f: Found) -> bool:
        return title is not None and title[0] <= f.start < title[1]

    body = {(f.value, f.unit) for f in kept if not in_title(f)}
    return [f for f in kept if not (in_title(f) and (f.value, f.unit) in body)]


def repeated_lines(text: str) -> IntervalIndex:
    """The lines whose words an earlier line already printed (at least REPEATED_LINE_MIN characters)."""
    seen: set[str] = set()
    repeats = []
    start = 0
    for line in text.split("\n"):
        words = line.strip()
        if len(words) >= REPEATED_LINE_MIN:
            if words in seen:
                repeats.append((start, start + len(line)))
            seen.add(words)
        start += len(line) + 1
    return IntervalIndex(repeats)


@stage("metrics", step="extract", assigns="extraction.metrics", requires=("sections", "sentences", "analysis.is_report", "analysis.places"))
def metrics(doc: Document) -> list[Metric]:
    """Reported figures and targets in text order."""
    out = []
    reviews = tuple(
        (doc.norm_index(s.span.start), doc.norm_index(s.span.end)) for s in doc.sections if s.role == "evaluation"
    )
    places = doc.analysis.places.spans.index if doc.analysis.places is not None else None
    found = find_metrics(doc.norm_text, plan=not states_facts(doc), reviews=reviews, places=places)
    title = (doc.norm_index(doc.meta.title.span.start), doc.norm_index(doc.meta.title.span.end)) if doc.meta.title else None
    for f in without_restatements(doc.norm_text, found, title):
        span = doc.source_span(f.start, f.end)
        raw = doc.text_of(span)
        kind = "target" if f.target else "reported"
        out.append(Metric(text=raw, span=span, indicator=f.indicator, value=f.value, unit=f.unit, approx=f.approx, raw_value=raw, kind=kind))
    return out
