"""Consistency checks (数据核对): stated figures that contradict the document's own numbers.

- rate_mismatch: a stated rate against the ratio of the two counts before it in the same sentence
  (发现问题隐患5110项，已整改4531项，整改率87% — 4531/5110 is 88.7%);
- sum_mismatch: parts after 其中 that add up to more than the stated total;
- change_mismatch: a stated 同比 change against the prior value the sentence gives (去年同期…), or against the
  count and the difference before it (发生事故116起，同比减少45起，下降27.43% — 45 of 161 is 27.95%);
- part_exceeds_whole: more hazards rectified than found (发现隐患32条、已整改隐患70条);
- count_mismatch: a heading's count against the list under it (一类单位（15个） over ten names);
- date_mismatch: a plan's date in a year before the document's own (last year's dates left in this year's notice).

Rounding is allowed for: a figure written with 万 and one decimal stands for a range, and a rate
written with d decimals for ±0.5·10⁻ᵈ. Approximate figures (余, 近, 多) are never checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docparse.model import Check, Document, Metric, Span
from docparse.pipeline import stage
from docparse.textspans import CLOSING, OPENING, enclosing, list_members

SENTENCE_END = "。！？\n"
TOTAL_CUES = ("共", "合计", "总计", "累计")
PRIOR_CUES = ("去年同期", "上年同期", "去年同期为", "上年同期为", "去年", "上年")
PRIOR_SUFFIX = "（上年同期）"  # the metrics stage's mark on a prior-period value
DECREASE_CUES = ("下降", "减少")
INCREASE_CUES = ("上升", "增长", "增加")
DIFFERENCE_VERBS = ("减少", "增加", "下降", "上升", "增长")  # right before a count: the change, 减少45起
SUBCOUNT_REACH = 12  # characters before a count in which 其中 makes it a part of the one before
NUMBER = re.compile(r"\d+(?:\.\d+)?")


@dataclass(slots=True)
class Figure:
    """A metric with its normalized offsets and the range its rounding allows."""

    metric: Metric
    start: int
    end: int
    low: float
    high: float

    @property
    def exact(self) -> bool:
        return self.metric.approx is None


def rounding_range(metric: Metric) -> tuple[float, float]:
    """The values a written figure may stand for: 27.6万 → [275500, 276500]; 87% → [86.5, 87.5]; 12起 → [12, 12]."""
    written = NUMBER.search(metric.raw_value or metric.text or "")
    if written is None:
        return metric.value, metric.value
    number = written.group()
    decimals = len(number.split(".")[1]) if "." in number else 0
    scale = metric.value / float(number) if float(number) else 1.0
    if decimals == 0 and scale == 1.0 and metric.unit != "%":
        return metric.value, metric.value  # a count written in full (12起) is exact
    half = 0.5 * 10 ** (-decimals) * scale
    return metric.value - half, metric.value + half


def figures_by_sentence(doc: Document) -> list[list[Figure]]:
    """The document's metrics grouped by sentence (a 。-sentence: ；-clauses stay together)."""
    text = doc.norm_text
    groups: dict[int, list[Figure]] = {}
    for metric in doc.extraction.metrics:
        if metric.kind != "reported":
            continue  # a target (达到100%) states no fact to contradict
        start = doc.norm_index(metric.span.start)
        end = doc.norm_index(metric.span.end)
        lo, _ = enclosing(text, start, start, SENTENCE_END)
        low, high = rounding_range(metric)
        groups.setdefault(lo, []).append(Figure(metric, start, end, low, high))
    return [groups[k] for k in sorted(groups)]


def _check(doc: Document, kind: str, message: str, first: Figure, last: Figure, stated: float, computed: float) -> Check:
    span = Span(first.metric.span.start, last.metric.span.end)
    return Check(kind, message, span, doc.text_of(span), stated=stated, computed=round(computed, 2))


def stated_rate_range(rate: Figure) -> tuple[float, float]:
    """What a written rate allows: rounded (88.7% for 88.67) or cut off (88.6%) at its last digit."""
    low, high = rounding_range(rate.metric)
    return low, high + (high - rate.metric.value)


def whole_before(text: str, counts: list[Figure], part: Figure) -> Figure | None:
    """The count a part is taken of: the last one before it in the same unit, passing over sub-counts given
    after 其中 (发现隐患586项，其中重大事故隐患7项。已整改473项 → 586)."""
    for c in reversed(counts):
        if c.metric.unit != part.metric.unit:
            return None
        if "其中" in text[max(0, c.start - SUBCOUNT_REACH) : c.start]:
            continue
        return c
    return None


def rate_checks(doc: Document, figures: list[Figure], earlier: list[Figure] = ()) -> list[Check]:
    """A rate (…率) against the two same-unit counts right before it: part / whole.

    When its own sentence gives fewer than two counts, the counts of the sentence before it in the same
    paragraph count too (排查隐患1200项。目前已整改1000项，整改率90%).
    """
    out = []
    for i, rate in enumerate(figures):
        if rate.metric.unit != "%" or not (rate.metric.indicator or "").endswith("率") or not rate.exact:
            continue
        counts = [f for f in figures[:i] if f.metric.unit != "%"]
        if len(counts) < 2:
            counts = [f for f in earlier if f.metric.unit != "%"] + counts
        if len(counts) < 2:
            continue
        part = counts[-1]
        whole = whole_before(doc.norm_text, counts[:-1], part)
        if whole is None or not (whole.exact and part.exact) or whole.metric.value <= 0:
            continue
        if part.metric.value > whole.metric.value:
            continue
        computed = 100 * part.metric.value / whole.metric.value
        lowest = 100 * part.low / whole.high
        highest = 100 * part.high / whole.low
        stated_low, stated_high = stated_rate_range(rate)
        if stated_high < lowest or stated_low > highest:
            message = (
                f"{part.metric.value:g} of {whole.metric.value:g} is {computed:.1f}%, "
                f"not {rate.metric.value:g}% as stated"
            )
            out.append(_check(doc, "rate_mismatch", message, whole, rate, rate.metric.value, computed))
    return out


def sum_checks(doc: Document, figures: list[Figure]) -> list[Check]:
    """Parts after 其中 whose sum exceeds the total stated before them."""
    text = doc.norm_text
    out = []
    for i, total in enumerate(figures):
        if not total.exact or not any(text[max(0, total.start - 6) : total.start].find(c) >= 0 for c in TOTAL_CUES):
            continue
        if not text.startswith("其中", total.end + 1) and not text.startswith("其中", total.end):
            continue
        parts = [f for f in figures[i + 1 :] if f.metric.unit == total.metric.unit]
        parts = [f for f in parts if "已" not in text[max(0, f.start - 4) : f.start]]
        if len(parts) < 2 or not all(p.exact for p in parts):
            continue
        low = sum(p.low for p in parts)
        if low > total.high:
            computed = sum(p.metric.value for p in parts)
            message = f"the parts add up to {computed:g}, more than the stated total {total.metric.value:g}"
            out.append(_check(doc, "sum_mismatch", message, total, parts[-1], total.metric.value, computed))
    return out


def is_prior(figure: Figure, text: str) -> bool:
    """A prior-period value: the metrics stage names it …（上年同期）, or a 去年同期 cue stands before it."""
    if (figure.metric.indicator or "").endswith(PRIOR_SUFFIX):
        return True
    return any(text[max(0, figure.start - 6) : figure.start].endswith(c) for c in PRIOR_CUES)


def change_sign(figure: Figure, text: str) -> int:
    """-1 for a stated decrease, +1 for an increase, 0 when the sentence does not say."""
    words = (figure.metric.indicator or "") + text[max(0, figure.start - 8) : figure.start]
    if any(c in words for c in DECREASE_CUES):
        return -1
    if any(c in words for c in INCREASE_CUES):
        return 1
    return 0


def change_checks(doc: Document, figures: list[Figure]) -> list[Check]:
    """Stated changes (同比下降…%) against the current and prior values the sentence gives.

    Prior values pair with the current values of their unit, and with the stated changes in order
    (较上年的31起、35人分别下降19.4%和14.3%); a single prior value takes the first change.
    """
    text = doc.norm_text
    priors = [f for f in figures if f.metric.unit != "%" and is_prior(f, text)]
    changes = [f for f in figures if f.metric.unit == "%" and change_sign(f, text) and not (f.metric.indicator or "").endswith("率")]
    if not priors or not changes:
        return []
    changes = [c for c in changes if c.start > min(p.start for p in priors) or "同比" in text[max(0, c.start - 8) : c.start]]
    out = []
    for k, prior in enumerate(priors):
        current = next(
            (f for f in reversed(figures) if f.start < prior.start and f.metric.unit == prior.metric.unit and not is_prior(f, text)),
            None,
        )
        change = changes[k] if len(changes) == len(priors) else (changes[0] if len(priors) == 1 else None)
        if current is None or change is None or prior.metric.value <= 0:
            continue
        if not (current.exact and prior.exact and change.exact):
            continue
        sign = change_sign(change, text)
        computed = 100 * (current.metric.value - prior.metric.value) / prior.metric.value * sign
        low = 100 * (current.low - prior.high) / prior.high * sign
        high = 100 * (current.high - prior.low) / prior.low * sign
        lowest, highest = min(low, high), max(low, high)
        stated_low, stated_high = rounding_range(change.metric)
        if stated_high < lowest or stated_low > highest:
            message = (
                f"from {prior.metric.value:g} to {current.metric.value:g} is a change of {computed:.1f}%, "
                f"not {change.metric.value:g}% as stated"
            )
            first, last = sorted((current, change), key=lambda f: f.start)
            out.append(_check(doc, "change_mismatch", message, first, last, change.metric.value, computed))
    return out


def is_difference(figure: Figure, text: str) -> bool:
    """A count that says by how much a figure changed (同比减少45起), not a figure of its own."""
    verb = text[max(0, figure.start - 2) : figure.start]
    return figure.metric.unit != "%" and change_sign(figure, text) != 0 and verb in DIFFERENCE_VERBS


def closed_before(text: str, start: int, end: int) -> bool:
    """Whether a bracket closes between `start` and `end` that opened before `start`: a figure of a breakdown in
    brackets (较大事故6起（道路交通5起，工矿商贸1起）), not the total a later change refers to."""
    depth = 0
    for ch in text[start:end]:
        depth += (ch in OPENING) - (ch in CLOSING)
        if depth < 0:
            return True
    return False


def difference_checks(doc: Document, figures: list[Figure]) -> list[Check]:
    """A stated change (下降27.43%) against the count and the difference right before it: 发生事故116起，同比
    减少45起，下降27.43% — a year before there were 161, and 45 of 161 is 27.95%."""
    text = doc.norm_text
    out = []
    for i, difference in enumerate(figures[:-1]):
        change = figures[i + 1]
        if not is_difference(difference, text) or change.metric.unit != "%" or change_sign(change, text) != change_sign(difference, text):
            continue
        same_unit = (f for f in reversed(figures[:i]) if f.metric.unit == difference.metric.unit)
        current = next((f for f in same_unit if not closed_before(text, f.end, difference.start)), None)
        if current is None or is_difference(current, text) or is_prior(current, text):
            continue
        if not (current.exact and difference.exact and change.exact):
            continue
        prior = current.metric.value - change_sign(difference, text) * difference.metric.value
        if prior <= 0:
            continue
        computed = 100 * difference.metric.value / prior
        stated_low, stated_high = stated_rate_range(change)
        if not stated_low <= computed <= stated_high:
            message = (
                f"{current.metric.value:g} after a change of {difference.metric.value:g} means {prior:g} before, "
                f"and {difference.metric.value:g} of {prior:g} is {computed:.2f}%, not {change.metric.value:g}% as stated"
            )
            out.append(_check(doc, "change_mismatch", message, current, change, change.metric.value, computed))
    return out


FOUND_CUES = ("发现", "排查", "查出", "查处", "检查出")
RECTIFIED_CUES = ("已整改", "完成整改", "整改完成", "已消除", "已销号")
CLAUSE_BREAKS = "，,、；;。：:\n"


def clause_head(text: str, start: int) -> str:
    """The words of a figure's clause before it: 发现一般隐患 in 检查企业8家，发现一般隐患32条."""
    lo, _ = enclosing(text, start, start, CLAUSE_BREAKS)
    return text[lo:start]


def rectified_checks(doc: Document, figures: list[Figure]) -> list[Check]:
    """More hazards rectified than found: 发现一般隐患32条、已整改隐患70条 (the count 已整改 takes is a part of the
    count 发现 gives just before it, in the same unit)."""
    text = doc.norm_text
    out = []
    for i, part in enumerate(figures):
        if not part.exact or not any(c in clause_head(text, part.start) for c in RECTIFIED_CUES):
            continue
        whole = next((f for f in reversed(figures[:i]) if f.metric.unit == part.metric.unit), None)
        if whole is None or not whole.exact or not any(c in clause_head(text, whole.start) for c in FOUND_CUES):
            continue
        if part.low > whole.high:
            message = f"{part.metric.value:g} rectified of {whole.metric.value:g} found"
            out.append(_check(doc, "part_exceeds_whole", message, whole, part, part.metric.value, whole.metric.value))
    return out


# A heading that says how many members the list under it has: 一类单位（15个）, 优秀等次(10个).
COUNTED_HEADING = re.compile(r"[（(](\d{1,3})[个家名所][)）][：:]?$")
WHOLE_LIST = re.compile(r"[^：:。；\n等]+、[^：:。；\n等]+。?")  # one list and nothing else: no summary (等), no labels


def list_count_checks(doc: Document) -> list[Check]:
    """A section heading's count of members (一类单位（15个）) against the one list that makes up its body."""
    out = []
    for sec in doc.sections:
        stated = COUNTED_HEADING.search(sec.heading.strip())
        if stated is None or sec.children:
            continue
        body = doc.text[sec.heading_span.end : sec.span.end].strip()
        if not WHOLE_LIST.fullmatch(body):
            continue
        named = len(list_members(body, 0, len(body.rstrip("。"))))
        if named != int(stated.group(1)):
            span = Span(sec.heading_span.start, sec.span.end)
            message = f"the heading counts {stated.group(1)}, the list under it names {named}"
            out.append(Check("count_mismatch", message, span, doc.text_of(span), stated=float(stated.group(1)), computed=float(named)))
    return out


def stale_date_checks(doc: Document) -> list[Check]:
    """A plan's deadline or period written in full in a year before the document's own: the dates of last year's
    notice left in this year's (a 2009 安全生产月 notice that runs the month from 2008年6月1日至30日)."""
    year = doc.analysis.stated_year
    if year is None or doc.analysis.is_report:
        return []
    out = []
    for d in doc.extraction.deadlines:
        due = d.end or d.date
        if d.year_inferred or not due or int(due[:4]) >= year:
            continue
        message = f"a date of {due[:4]} planned in a document of {year}"
        out.append(Check("date_mismatch", message, d.span, d.text, stated=float(due[:4]), computed=float(year)))
    return out


@stage("checks", step="link", assigns="extraction.checks",
       requires=("meta", "sections", "analysis.is_report", "analysis.stated_year", "extraction.deadlines", "extraction.metrics"))  # fmt: skip
def checks(doc: Document) -> list[Check]:
    """Every contradiction between a stated figure and the document's own numbers, in text order."""
    out: list[Check] = []
    previous: list[Figure] = []
    for figures in figures_by_sentence(doc):
        same_paragraph = bool(previous) and "\n" not in doc.norm_text[previous[-1].end : figures[0].start]
        out.extend(rate_checks(doc, figures, previous if same_paragraph else []))
        previous = figures
        out.extend(sum_checks(doc, figures))
        out.extend(change_checks(doc, figures))
        out.extend(difference_checks(doc, figures))
        out.extend(rectified_checks(doc, figures))
    out.extend(list_count_checks(doc))
    out.extend(stale_date_checks(doc))
    out.sort(key=lambda c: c.span.start)
    return out
