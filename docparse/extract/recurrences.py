"""Recurring duties (常态化工作制度): 每月报送, 每旬报送, 每季度通报, 一日一调度, 一周一通报, 季调度, 日报告、周调度、月通报 …, each with
its period (daily, weekly, biweekly, semimonthly, dekad 旬, monthly, bimonthly, quarterly, semiannual, annual), how often within it
(每月至少1次 → 1) and the duty. Cue words are in data/time_cues.tsv (kind `recurrence`).

A run of same-period items in one enumeration (一日一调度、一日一动态、一日一交办) is one duty. Rates
and trends (每年不低于5万元, 每年大幅下降) are not duties and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docparse.analyse.numerals import chinese_integer
from docparse.model import Document, Recurrence
from docparse.pipeline import stage
from docparse.resources import load_tsv

CLAUSE_END = "，。；！？\n\t（(）)"
COUNT = re.compile(r"(?:至少|不少于)?(?P<n>\d+|[一两二三四五六七八九十]+)(?:次|回|遍)")
HAN = re.compile(r"[\u4e00-\u9fff]")
SKIP_WINDOW = 10  # characters after the cue in which a rate or trend word makes it no duty
ENUM_JOIN = "、"
COMPACT_TAIL = re.compile(r"会议|会商|例会|会|机制|制度")
# Characters before 周调度 that make it one period, not every one: 本周, 上月, 全年, 5月, 二月, 每月 (a 每 cue of its own).
COMPACT_NOT_AFTER = "每一本上下当今明去前后这全次该同近元半整0-9〇二三四五六七八九十"
# Words between the cue and the duty: 每周一 (Mondays), 每日17时前, 每旬最后一个工作日, 每月25日前, 至少.
LEAD_IN = re.compile(r"^(?:[一二三四五六日]|\d{1,2}(?:时|点|日|号)前?|最后一个工作日|至少|不少于)*")
# The days of the month a monthly duty falls on (每月5日、15日、25日前, 每月在10日、25日前): two days make it
# semimonthly, three a dekad's.
MONTH_DAYS = re.compile(r"在?(?:[12]\d|3[01]|0?[1-9])(?:日|号)(?:、(?:[12]\d|3[01]|0?[1-9])(?:日|号))+")
PERIOD_OF_DAYS_A_MONTH = {2: "semimonthly", 3: "dekad"}
# A web site named with a cue (每日甘肃网7月1日讯, 当前位置：每日甘肃网>甘肃): a name, not a duty.
SITE_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}网(?![\u4e00-\u9fff])")


@dataclass(frozen=True, slots=True)
class RecurrenceCues:
    pattern: re.Pattern[str]
    periods: dict[str, str]  # cue → period
    skip: tuple[str, ...]
    compact: re.Pattern[str]  # one item of 日报告、周调度、月通报: a period character and a verb
    compact_run: re.Pattern[str]  # two or more such items joined by 、
    units: dict[str, str]  # 日 → daily, 周 → weekly …
    system: re.Pattern[str]  # 日巡查制度, 季度检查制度, 月排查月报送制度: a standing duty named by its period


@lru_cache(maxsize=1)
def recurrence_cues() -> RecurrenceCues:
    rows = load_tsv("time_cues.tsv")
    periods = {r["cue"]: r["value"] for r in rows if r["kind"] == "recurrence"}
    skip = tuple(r["cue"] for r in rows if r["kind"] == "recurrence_skip")
    alternatives = []
    for cue in sorted(periods, key=len, reverse=True):
        if cue.endswith("一"):  # 一日一调度, 两周一调度: a verb must follow
            alternatives.append(re.escape(cue) + r"[\u4e00-\u9fff]{1,2}")
        elif cue.endswith("调度"):  # 季调度: not 本季调度 or 一季调度 (a one-time quarter)
            alternatives.append(r"(?<![每一本上下当\d])" + re.escape(cue))
        else:
            alternatives.append(re.escape(cue))
    units = {r["cue"]: r["value"] for r in rows if r["kind"] == "recurrence_unit"}
    verbs = sorted((r["cue"] for r in rows if r["kind"] == "recurrence_verb"), key=len, reverse=True)
    item = f"[{''.join(units)}](?:{'|'.join(map(re.escape, verbs))})"
    compact_run = re.compile(rf"(?<![{COMPACT_NOT_AFTER}]){item}(?:{ENUM_JOIN}{item})+")
    nouns = [r["cue"] for r in rows if r["kind"] == "recurrence_system"]
    # the unit may take 度 (季度检查) and the duty may name two acts of the same period (月排查月报送)
    unit = f"[{''.join(units)}]度?"
    acts = f"(?:{'|'.join(map(re.escape, verbs))})"
    system = re.compile(
        rf"(?<![{COMPACT_NOT_AFTER}])(?P<unit>{unit}){acts}(?:{unit}{acts})*(?:{'|'.join(map(re.escape, nouns))})"
    )
    return RecurrenceCues(
        re.compile("|".join(alternatives)), periods, skip, re.compile(item), compact_run, units, system
    )


def cue_of(cue_text: str, cues: RecurrenceCues) -> str | None:
    """The lexicon cue a match stands for: 一日一 for 一日一调度, 季调度 for 季调度."""
    for cue in sorted(cues.periods, key=len, reverse=True):
        if cue_text.startswith(cue) or cue_text.endswith(cue):
            return cue
    return None


def clause_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] not in CLAUSE_END:
        end += 1
    return end


def count_in(clause: str) -> int | None:
    """Times per period stated in the clause: 至少1次, 一次 → 1."""
    m = COUNT.search(clause)
    return chinese_integer(m.group("n")) if m else None


@dataclass(slots=True)
class Found:
    start: int
    end: int
    period: str
    count: int | None
    what: str | None


def compact_items(text: str, cues: RecurrenceCues) -> list[Found]:
    """Each item of an enumeration of compact duties: 日报告、周调度、月通报 → daily 报告, weekly 调度, monthly 通报."""
    out = []
    for run in cues.compact_run.finditer(text):
        for item in cues.compact.finditer(text, run.start(), run.end()):
            out.append(Found(item.start(), item.end(), cues.units[item.group()[0]], 1, item.group()[1:]))
    return out


def named_systems(text: str, cues: RecurrenceCues, taken: list[Found]) -> list[Found]:
    """Standing duties named by their period (严格落实日巡查制度, 根据季度检查制度): the period of the first
    unit, unless an item already read covers the place (每周调度制度, 周调度机制)."""
    out = []
    for m in cues.system.finditer(text):
        if any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in taken):
            continue
        act = m.group()[len(m.group("unit")) :]
        out.append(Found(m.start(), m.end(), cues.units[m.group("unit")[0]], None, act))
    return out


def find_recurrences(text: str) -> list[Found]:
    """Recurring duties in normalized text, as offsets."""
    cues = recurrence_cues()
    found: list[Found] = []
    compact = compact_items(text, cues)
    inside = {i for f in compact for i in range(f.start, f.end)}
    for m in cues.pattern.finditer(text):
        if m.start() in inside:
            continue
        cue = cue_of(m.group(), cues)
        if cue is None:
            continue
        period = cues.periods[cue]
        if SITE_NAME.match(text, m.end()):
            continue
        if period == "monthly":
            days = MONTH_DAYS.match(text, m.end())
            period = PERIOD_OF_DAYS_A_MONTH.get(days.group().count("、") + 1, period) if days else period
        after = text[m.end() : m.end() + SKIP_WINDOW]
        head = after.split("，")[0]
        skip = next((w for w in cues.skip if w in head), None)
        if skip is not None and not COUNT.match(head, head.index(skip) + len(skip)):
            continue  # 每年不低于5万元 is a rate; 每日巡山不少于1次 is still a duty
        enumerated = cue.endswith("一") and m.group() != cue
        if enumerated and found and found[-1].period == period and text[found[-1].end : m.start()] == ENUM_JOIN:
            found[-1].end = m.end()
            continue
        if enumerated:
            found.append(Found(m.start(), m.end(), period, 1, m.group()[len(cue) :]))
            continue
        if m.group().endswith("调度") and not m.group().startswith("每"):
            # 季调度会议: the mechanism is the noun itself, not the rest of its clause.
            tail = COMPACT_TAIL.match(text, m.end())
            end = tail.end() if tail else m.end()
            found.append(Found(m.start(), end, period, None, text[m.start() + 1 : end]))
            continue
        end = clause_end(text, m.end())
        clause = text[m.end() : end]
        what = LEAD_IN.sub("", COUNT.sub("", clause)).strip(" ，、") or None
        if what is not None and not HAN.search(what):
            continue  # 每日8:00-18:00: hours of service, no duty
        found.append(Found(m.start(), end, period, count_in(clause), what))
    found.extend(compact)
    found.extend(named_systems(text, cues, found))
    found.sort(key=lambda f: f.start)
    return found


@stage("recurrences", step="extract", assigns="extraction.recurrences", requires=("sentences",))
def recurrences(doc: Document) -> list[Recurrence]:
    """Recurring duties in text order."""
    out = []
    for f in find_recurrences(doc.norm_text):
        span = doc.source_span(f.start, f.end)
        what = f.what if f.what is None or len(f.what) <= 60 else f.what[:59] + "…"
        out.append(Recurrence(text=doc.text_of(span), span=span, period=f.period, count=f.count, what=what))
    return out
