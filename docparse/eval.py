"""Measure extraction against hand-checked gold files (the corpora/*/gold format): P, R, F1 per field.

`evaluate(gold_dir, doc_dir)` reads each gold file's `document` from `doc_dir` with `docparse.read`,
compares field by field and returns an `EvalReport`; `format_report` renders it as text tables.

Conventions: a gold key that is absent means "not annotated" and the field is skipped for that
document; a key present with an empty list means "none", so every prediction there is a false
positive. Items are paired one-to-one (maximum bipartite matching), so a prediction counts once.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docparse.errors import DocparseError
from docparse.model import Document, Span

# --- scores ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Score:
    """Counts of true positives, false positives and false negatives; P/R/F1 are None when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        if not self.gold and not self.predicted:
            return None
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.gold, "predicted": self.predicted,
            "precision": _rounded(self.precision), "recall": _rounded(self.recall), "f1": _rounded(self.f1),
        }


@dataclass(slots=True)
class FieldResult:
    """One field of one document: its score and what was missed (gold) or spurious (predicted)."""

    score: Score = field(default_factory=Score)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.score.to_dict(), "missed": self.missed, "spurious": self.spurious}


@dataclass(slots=True)
class DocumentEval:
    """The comparison of one gold file with the pipeline's output for its document."""

    gold_file: str
    document: str
    fields: dict[str, FieldResult] = field(default_factory=dict)
    never_violations: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_file": self.gold_file,
            "document": self.document,
            "error": self.error,
            "never_violations": self.never_violations,
            "fields": {name: res.to_dict() for name, res in self.fields.items()},
        }


@dataclass(slots=True)
class EvalReport:
    """Scores micro-averaged over all documents, and the per-document breakdown."""

    gold_dir: str
    doc_dir: str
    documents: list[DocumentEval] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Score]:
        """Micro-averaged score per field, in FIELD_ORDER; `meta` sums the meta elements."""
        totals: dict[str, Score] = {}
        for name in FIELD_ORDER:
            results = [d.fields[name].score for d in self.documents if name in d.fields]
            if results:
                totals[name] = sum(results, Score())
        meta = [s for n, s in totals.items() if n.startswith("meta.")]
        if meta:
            totals = {"meta": sum(meta, Score()), **totals}
        return totals

    @property
    def never_violations(self) -> int:
        return sum(len(d.never_violations) for d in self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "doc_dir": self.doc_dir,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "never_violations": self.never_violations,
            "documents": [d.to_dict() for d in self.documents],
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# --- text and name matching ------------------------------------------------------------------


def compact(text: str | None) -> str:
    """NFKC form without whitespace: the form in which names, titles and cues are compared."""
    if not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class CompactText:
    """A source text in compact form, with the source offset of every compact character.

    Cues in gold files are written without the line breaks and full-width/half-width variation of
    the source, so they are located in this form and mapped back to source spans.
    """

    __slots__ = ("text", "offsets")

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(source):
            if ch.isspace():
                continue
            norm = unicodedata.normalize("NFKC", ch)
            chars.append(norm if len(norm) == 1 else ch)
            offsets.append(i)
        self.text = "".join(chars)
        self.offsets = offsets

    def find_all(self, cue: str) -> list[Span]:
        """Source spans of every occurrence of `cue`."""
        needle = compact(cue)
        spans: list[Span] = []
        if not needle:
            return spans
        start = self.text.find(needle)
        while start >= 0:
            end = start + len(needle)
            spans.append(Span(self.offsets[start], self.offsets[end - 1] + 1))
            start = self.text.find(needle, start + 1)
        return spans


def mentions_cue(cue: str, text: str | None, span: Span | None, cue_spans: Sequence[Span]) -> bool:
    """True when an item's text contains the cue, or its span overlaps where the cue is written."""
    needle = compact(cue)
    if needle and needle in compact(text):
        return True
    return span is not None and any(span.overlaps(s) for s in cue_spans)


# 56 officially recognized ethnic groups, as they appear in autonomous-area names (自治州/县/旗).
_ETHNIC_GROUPS = (
    "柯尔克孜|乌孜别克|维吾尔|哈萨克|达斡尔|鄂温克|鄂伦春|俄罗斯|塔吉克|塔塔尔|蒙古|布依|朝鲜|土家|哈尼|傈僳|高山|"
    "拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|"
    "回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京"
)
_AUTONOMOUS_SUFFIX = re.compile(rf"(?:(?:{_ETHNIC_GROUPS})族)*自治(州|县|旗)$")
# Administrative suffixes, longest first, with the level class each implies.
_REGION_SUFFIXES = (
    ("特别行政区", "province"), ("自治区", "province"), ("地区", "prefecture"), ("林区", "county"),
    ("省", "province"), ("州", "prefecture"), ("盟", "prefecture"), ("市", "city"),
    ("县", "county"), ("旗", "county"), ("区", "county"),
)
_COMPATIBLE_LEVELS = {
    "province": {"province"},
    "prefecture": {"prefecture", "city"},
    "county": {"county", "city"},
    "city": {"prefecture", "county", "city"},
}


def region_core(name: str) -> tuple[str, str | None]:
    """The name without its administrative suffix, and the level class that suffix implies.

    红河哈尼族彝族自治州 → (红河, prefecture); 红河州 → (红河, prefecture); 澜沧县 → (澜沧, county);
    昆明 → (昆明, None). A core is never shortened below two characters (沙县 stays 沙县).
    """
    text = compact(name)
    m = _AUTONOMOUS_SUFFIX.search(text)
    if m and m.start() >= 2:
        return text[: m.start()], "prefecture" if m.group(1) == "州" else "county"
    for suffix, level in _REGION_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            return text[: -len(suffix)], level
    return text, None


def region_matches(gold_name: str, predicted_names: Iterable[str]) -> bool:
    """Whether a gold region name denotes the region known by any of `predicted_names`.

    Exact (compact) equality first; otherwise equal cores with compatible levels, so 红河州 matches
    红河哈尼族彝族自治州 and 红河 but not 红河县.
    """
    gold = compact(gold_name)
    gold_core, gold_level = region_core(gold_name)
    for name in predicted_names:
        if not name:
            continue
        if compact(name) == gold:
            return True
        core, level = region_core(name)
        if core == gold_core and (
            gold_level is None or level is None or level in _COMPATIBLE_LEVELS[gold_level]
        ):
            return True
    return False


def canonical_entity(name: str) -> str:
    """An entity name compared as written, without spaces, width variants, quotes or a bracketed note."""
    return re.sub(r"[（(][^）)]*[）)]|[“”\"'‘’]", "", compact(name))


# Places written before a name: 澜沧县勐满曼纳金矿 is 勐满曼纳金矿 with where it is.
PLACE_PREFIX = re.compile(r"(?:[\u4e00-\u9fff]{2,10}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|旗|区))+")


def names_match(gold_name: str, predicted_name: str) -> bool:
    """Entity names: the same canonical name, or the same name with the place it stands in written
    before it. A part of a name (金矿 of 勐满曼纳金矿, 有限公司 of 某某有限公司) is not the entity."""
    a, b = canonical_entity(gold_name), canonical_entity(predicted_name)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return longer.endswith(shorter) and bool(PLACE_PREFIX.fullmatch(longer[: -len(shorter)]))


_MULTIPLIERS = (("亿", 1e8), ("万", 1e4))
# Classifiers that count the same thing: 16名责任人 and 16人 are sixteen people (annotators write either).
_SAME_UNIT = {"名": "人"}


def plain_quantity(value: float, unit: str | None) -> tuple[float, str]:
    """A value in plain units: (27.6, 万项) → (276000, 项); (369.21, 万元) → (3692100, 元); (16, 名) → (16, 人)."""
    unit = compact(unit)
    for prefix, factor in _MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            value, unit = value * factor, unit[len(prefix):]
            break
    return value, _SAME_UNIT.get(unit, unit)


def values_match(gold: float, predicted: float, tolerance: float = 0.005) -> bool:
    """Within a relative `tolerance` (0.5%) of the gold value; exact for a gold value of zero."""
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= tolerance * abs(gold)


def metric_matches(gold: dict[str, Any], value: float, unit: str | None) -> bool:
    """A predicted metric matches a gold one when units agree and values are within 0.5%."""
    gold_value, gold_unit = plain_quantity(float(gold["value"]), gold.get("unit"))
    pred_value, pred_unit = plain_quantity(float(value), unit)
    return gold_unit == pred_unit and values_match(gold_value, pred_value)


def deadline_matches(gold: dict[str, Any], date: str | None, start: str | None, end: str | None) -> bool:
    """A gold due date matches a predicted date (or the end of an open-ended span); a period needs both ends."""
    if gold.get("date"):
        return gold["date"] == date or (date is None and start is None and gold["date"] == end)
    return bool(gold.get("start")) and gold.get("start") == start and gold.get("end") == end


def max_matching(n_gold: int, n_pred: int, matches: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one pairing of gold items with predicted ones (Kuhn's augmenting paths)."""
    adjacency = [[j for j in range(n_pred) if matches(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        assign(i, set())
    return {i: j for j, i in owner.items()}


def matched_result(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    matches: Callable[[Any, Any], bool],
    gold_label: Callable[[Any], str],
    pred_label: Callable[[Any], str],
    optional: Callable[[Any], bool] = lambda _: False,
) -> FieldResult:
    """Pair items one-to-one; unpaired predictions count as false positives unless `optional`."""
    pairs = max_matching(len(gold), len(predicted), lambda i, j: matches(gold[i], predicted[j]))
    used = set(pairs.values())
    result = FieldResult(Score(tp=len(pairs)))
    for i, item in enumerate(gold):
        if i not in pairs:
            result.score.fn += 1
            result.missed.append(gold_label(item))
    for j, item in enumerate(predicted):
        if j not in used and not optional(item):
            result.score.fp += 1
            result.spurious.append(pred_label(item))
    return result


# --- field evaluators ------------------------------------------------------------------------


@dataclass(slots=True)
class Context:
    """What every field evaluator gets: the gold annotation, the document, and its compact text."""

    gold: dict[str, Any]
    doc: Document
    source: CompactText

    def cue_spans(self, cue: str) -> list[Span]:
        return self.source.find_all(cue)

    def line_of(self, span: Span) -> Span:
        """The source line (between line breaks) that holds the start of `span`."""
        text = self.doc.text
        start = max(text.rfind("\n", 0, span.start), text.rfind("\r", 0, span.start)) + 1
        ends = [i for i in (text.find("\n", span.start), text.find("\r", span.start)) if i >= 0]
        return Span(start, min(ends) if ends else len(text))

    def attached(self, gold_item: dict[str, Any], span: Span) -> bool:
        """Whether a predicted item's span stands on a line where the gold item's cue or task is written.

        A deadline of the right date found at the wrong task is not the gold deadline. Where the
        gold's phrases cannot be found in the text (older gold, damaged text), date alone decides.
        """
        anchors = [s for key in ("cue", "task") if gold_item.get(key) for s in self.cue_spans(gold_item[key])]
        if not anchors:
            return True
        return any(self.line_of(a).overlaps(span) or a.overlaps(span) for a in anchors)


FieldEvaluator = Callable[[Context], dict[str, FieldResult]]

META_ELEMENTS = ("title", "doc_type", "doc_number", "issuer", "date", "recipients")


def meta_element_result(gold_values: list[str], predicted_values: list[str], written: list[str] | None = None) -> FieldResult:
    """One meta element: every gold value must be predicted and every prediction must be in gold.

    `written`: each prediction's source text, which a gold value may match instead of its reading: a title
    is annotated as written, in traditional script and with a mirror's pinyin glosses (產(chǎn)), where the
    value is its simplified reading. For `doc_type` the gold lists the accepted types, so one right
    prediction is one true positive.
    """
    gold = [compact(v) for v in gold_values if v]
    forms = [(compact(v), compact(w)) for v, w in zip(predicted_values, written or predicted_values) if v]
    return matched_result(gold, forms, lambda g, p: g in p, str, lambda p: p[0])


def meta_fields(ctx: Context) -> dict[str, FieldResult]:
    gold_meta = ctx.gold.get("meta")
    if gold_meta is None:
        return {}
    out: dict[str, FieldResult] = {}
    for element in META_ELEMENTS:
        if element not in gold_meta:
            continue
        gold_value = gold_meta[element]
        predicted = getattr(ctx.doc.meta, element)
        fields = predicted if isinstance(predicted, list) else [predicted] if predicted is not None and predicted.value else []
        pred_values = [str(f.value) for f in fields]
        if element == "doc_type":
            accepted = gold_value if isinstance(gold_value, list) else [gold_value] if gold_value else []
            accepted_compact = {compact(a) for a in accepted}
            right = [p for p in pred_values if compact(p) in accepted_compact]
            result = FieldResult(Score(tp=min(len(right), 1)))
            if accepted and not right:
                result.score.fn = 1
                result.missed.append("/".join(accepted))
            result.score.fp = len(pred_values) - len(right[:1])
            result.spurious.extend(p for p in pred_values if compact(p) not in accepted_compact)
        else:
            gold_values = gold_value if isinstance(gold_value, list) else [gold_value] if gold_value else []
            written = [f.text for f in fields] if element == "title" else None
            result = meta_element_result([str(v) for v in gold_values], pred_values, written)
        out[f"meta.{element}"] = result
    return out


_STANCES = {"criticized": ("criticized", "mixed"), "praised": ("praised", "mixed")}


def region_fields(ctx: Context) -> dict[str, FieldResult]:
    """Regions criticized and praised; `never` regions given any stance are violations."""
    gold = ctx.gold.get("regions")
    if gold is None:
        return {}
    regions = ctx.doc.extraction.regions
    out: dict[str, FieldResult] = {}
    for stance, accepted in _STANCES.items():
        if stance not in gold:
            continue
        predicted = [r for r in regions if r.stance in accepted]
        optional = list(gold.get(f"{stance}_optional", []))
        out[f"regions.{stance}"] = matched_result(
            list(gold[stance]),
            predicted,
            lambda g, r: region_matches(g, (r.name, r.full_name)),
            str,
            lambda r: r.name,
            optional=lambda r, opt=optional: any(region_matches(o, (r.name, r.full_name)) for o in opt),
        )
    return out


def never_violations(gold: dict[str, Any], doc: Document) -> list[str]:
    """Regions the gold says must get no stance, given one anyway: `name (stance)`."""
    never = (gold.get("regions") or {}).get("never", [])
    return [
        f"{r.name} ({r.stance})"
        for r in doc.extraction.regions
        if r.stance in ("criticized", "praised", "mixed") and any(region_matches(n, (r.name, r.full_name)) for n in never)
    ]


def entity_fields(ctx: Context) -> dict[str, FieldResult]:
    if "criticized_entities" not in ctx.gold:
        return {}
    predicted = _unique(ctx.doc.extraction.entities_criticized, key=lambda e: compact(e.name))
    return {
        "entities_criticized": matched_result(
            ctx.gold["criticized_entities"], predicted,
            lambda g, e: names_match(g["name"], e.name),
            lambda g: g["name"], lambda e: e.name,
        )
    }


def _region_pairs_result(gold_regions: list[str], predicted_regions: list[str]) -> FieldResult:
    return matched_result(
        list(gold_regions), _unique(predicted_regions, key=compact),
        lambda g, p: region_matches(g, (p,)), str, str,
    )


def _cue_items_with_regions(
    name: str,
    gold_items: list[dict[str, Any]],
    predicted: list[Any],
    matches: Callable[[dict[str, Any], Any], bool],
    optional: Callable[[Any], bool] = lambda _: False,
) -> dict[str, FieldResult]:
    """A cue-matched field and, for each gold item, its regions against the paired prediction's."""
    pairs = max_matching(len(gold_items), len(predicted), lambda i, j: matches(gold_items[i], predicted[j]))
    items = matched_result(gold_items, predicted, matches, lambda g: g["cue"], lambda p: _short(p.text), optional)
    # matched_result repeats the pairing; use ours so the region pairs follow the same items.
    regions = FieldResult()
    for i, g in enumerate(gold_items):
        pred_regions = list(predicted[pairs[i]].regions) if i in pairs else []
        part = _region_pairs_result(g.get("regions", []), pred_regions)
        regions.score = regions.score + part.score
        regions.missed.extend(f"{g['cue']}: {m}" for m in part.missed)
        regions.spurious.extend(f"{g['cue']}: {s}" for s in part.spurious)
    return {name: items, f"{name}.regions": regions}


def problem_fields(ctx: Context) -> dict[str, FieldResult]:
    """A gold problem is found when a predicted problem's text contains its cue or its span overlaps
    where the cue is written (a category name that happens to contain the cue does not count).

    An unmatched prediction flagged `copy_paste` is not a false positive here: the copy-paste
    field scores it, and the gold may count that accusation as part of a broader problem.
    """
    if "problems" not in ctx.gold:
        return {}

    def matches(g: dict[str, Any], p: Any) -> bool:
        return mentions_cue(g["cue"], p.text, p.span, ctx.cue_spans(g["cue"]))

    return _cue_items_with_regions(
        "problems", ctx.gold["problems"], list(ctx.doc.extraction.problems), matches, lambda p: p.copy_paste
    )


def copy_paste_fields(ctx: Context) -> dict[str, FieldResult]:
    """Copy-paste accusations (照抄照搬): predicted problems flagged `copy_paste` that mention the cue."""
    if "copy_paste_mentions" not in ctx.gold:
        return {}
    predicted = [p for p in ctx.doc.extraction.problems if p.copy_paste]

    def matches(g: dict[str, Any], p: Any) -> bool:
        return mentions_cue(g["cue"], p.text, p.span, ctx.cue_spans(g["cue"]))

    return _cue_items_with_regions("copy_paste", ctx.gold["copy_paste_mentions"], predicted, matches)


_LEADING_MARKER = re.compile(r"^(?:[(（]?[一二三四五六七八九十百\d]+[)）、.．]|[一二三四五六七八九十]+是)")


def _topic_key(text: str | None) -> str:
    """Compact form without conjunctions: 危险化学品和烟花爆竹 and 危险化学品、烟花爆竹 compare equal."""
    return re.sub(r"[和、及与,;]", "", compact(text))


def topic_tier(topic: str, sector: str | None, text: str) -> int | None:
    """How well a task belongs to a gold sector (topic): 0 best, None not at all.

    0: sector equals the topic; 1: the task text, after its outline marker, starts with the topic;
    2: the text contains the topic; 3: topic and sector contain one another. The text comes before a
    partial sector match, so that a specific topic (老旧燃气管道更新改造) picks its own task, not every
    task of its sector (燃气).
    """
    topic_c, sector_c = _topic_key(topic), _topic_key(sector)
    if sector_c and sector_c == topic_c:
        return 0
    body = _topic_key(_LEADING_MARKER.sub("", compact(text)))
    if body.startswith(topic_c):
        return 1
    if topic_c in body:
        return 2
    if sector_c and (topic_c in sector_c or sector_c in topic_c):
        return 3
    return None


def department_canonicalizer(aliases: dict[str, list[str]], canonical_names: Iterable[str]) -> Callable[[str, str], str]:
    """A function mapping a predicted party (canonical name, text as written) to a gold canonical name.

    Exact alias first, then the longest alias the name ends with (昆明市应急管理局 → 市应急管理局);
    otherwise the compact predicted name itself.
    """
    index: dict[str, str] = {}
    for canon in canonical_names:
        index[compact(canon)] = canon
    for canon, forms in aliases.items():
        index[compact(canon)] = canon
        for form in forms:
            index.setdefault(compact(form), canon)
    by_length = sorted((k for k in index if len(k) >= 3), key=len, reverse=True)

    def canonical(name: str, text: str) -> str:
        for candidate in (compact(name), compact(text)):
            if candidate in index:
                return index[candidate]
        for candidate in (compact(name), compact(text)):
            for form in by_length:
                if candidate.endswith(form):
                    return index[form]
        return compact(name)

    return canonical


def task_fields(ctx: Context) -> dict[str, FieldResult]:
    """Lead and support departments per gold task, micro-averaged over (topic, department) pairs.

    The gold lists every task whose responsible party the document states, so the parties of a predicted
    task that no gold topic names are false positives too. A gold topic names a task by the task's own
    text, its sector, or the heading of the part it stands in (the gold may name an item's heading for the
    sentences under it)."""
    if "assignments" not in ctx.gold:
        return {}
    assignments = ctx.gold["assignments"]
    canon_names = {n for a in assignments for n in (*a.get("lead", []), *a.get("support", []))}
    canonical = department_canonicalizer(ctx.gold.get("department_aliases", {}), canon_names)
    tasks = ctx.doc.extraction.tasks
    headings = [[sec.heading for sec in ctx.doc.section_path(t.section)] for t in tasks]
    out = {"tasks.lead": FieldResult(), "tasks.support": FieldResult()}
    named: set[int] = set()
    for a in assignments:
        tiers = [(task_tier(a["topic"], t, heads), i) for i, (t, heads) in enumerate(zip(tasks, headings))]
        found = [tier for tier, _ in tiers if tier is not None]
        chosen = [i for tier, i in tiers if found and tier == min(found)]
        named.update(chosen)
        for role in ("lead", "support"):
            gold = {compact(n): n for n in a.get(role, [])}
            pred = {compact(canonical(p.name, p.text)) for i in chosen for p in getattr(tasks[i], role)}
            res = out[f"tasks.{role}"]
            res.score = res.score + Score(len(gold.keys() & pred), len(pred - gold.keys()), len(gold.keys() - pred))
            res.missed.extend(f"{a['topic']}: {gold[k]}" for k in sorted(gold.keys() - pred))
            res.spurious.extend(f"{a['topic']}: {k}" for k in sorted(pred - gold.keys()))
    for i, t in enumerate(tasks):
        if i in named:
            continue
        for role in ("lead", "support"):
            pred = {compact(canonical(p.name, p.text)) for p in getattr(t, role)}
            res = out[f"tasks.{role}"]
            res.score = res.score + Score(0, len(pred), 0)
            res.spurious.extend(f"(no gold task) {_short(t.text)}: {k}" for k in sorted(pred))
    return out


def task_tier(topic: str, task: Any, headings: list[str]) -> int | None:
    """`topic_tier`, else 4 when the topic opens the heading of a part the task stands in."""
    tier = topic_tier(topic, task.sector, task.text)
    if tier is not None:
        return tier
    topic_c = _topic_key(topic)
    if topic_c and any(_topic_key(_LEADING_MARKER.sub("", compact(h))).startswith(topic_c) for h in headings):
        return 4
    return None


def deadline_fields(ctx: Context) -> dict[str, FieldResult]:
    if "deadlines" not in ctx.gold:
        return {}
    predicted = _unique(ctx.doc.extraction.deadlines, key=lambda d: (d.date, d.start, d.end, d.span))
    return {
        "deadlines": matched_result(
            ctx.gold["deadlines"], predicted,
            lambda g, d: deadline_matches(g, d.date, d.start, d.end) and ctx.attached(g, d.span),
            lambda g: f"{g.get('date') or str(g.get('start')) + '/' + str(g.get('end'))} {g['cue']}",
            lambda d: f"{d.date or str(d.start) + '/' + str(d.end)} {_short(d.text)}",
        )
    }


def recurrence_fields(ctx: Context) -> dict[str, FieldResult]:
    """Recurring duties: same period, and the prediction covers or contains the gold cue."""
    if "recurrences" not in ctx.gold:
        return {}
    return {
        "recurrences": matched_result(
            ctx.gold["recurrences"], list(ctx.doc.extraction.recurrences),
            lambda g, r: g["period"] == r.period and mentions_cue(g["cue"], r.text, r.span, ctx.cue_spans(g["cue"])),
            lambda g: f"{g['period']} {g['cue']}", lambda r: f"{r.period} {_short(r.text)}",
        )
    }


def metric_fields(ctx: Context) -> dict[str, FieldResult]:
    if "metrics" not in ctx.gold:
        return {}
    return {
        "metrics": matched_result(
            ctx.gold["metrics"], list(ctx.doc.extraction.metrics),
            lambda g, m: metric_matches(g, m.value, m.unit),
            lambda g: f"{g['value']:g} {g.get('unit') or ''} ({g.get('cue', '')})",
            lambda m: f"{m.value:g} {m.unit or ''} ({_short(m.text)})",
        )
    }


def inconsistency_fields(ctx: Context) -> dict[str, FieldResult]:
    """Stated figures contradicting the document's own numbers: gold `inconsistencies` vs `checks`."""
    if "inconsistencies" not in ctx.gold:
        return {}
    return {
        "inconsistencies": matched_result(
            ctx.gold["inconsistencies"], list(ctx.doc.extraction.checks),
            lambda g, c: mentions_cue(g["cue"], c.text, c.span, ctx.cue_spans(g["cue"])),
            lambda g: g["cue"], lambda c: f"{c.kind} {_short(c.text)}",
        )
    }


# Evaluators in report order; each returns the fields it scores for one document.
FIELD_EVALUATORS: tuple[tuple[str, FieldEvaluator], ...] = (
    ("meta", meta_fields),
    ("regions", region_fields),
    ("entities_criticized", entity_fields),
    ("problems", problem_fields),
    ("copy_paste", copy_paste_fields),
    ("tasks", task_fields),
    ("deadlines", deadline_fields),
    ("recurrences", recurrence_fields),
    ("metrics", metric_fields),
    ("inconsistencies", inconsistency_fields),
)

FIELD_ORDER: tuple[str, ...] = (
    *(f"meta.{e}" for e in META_ELEMENTS),
    "regions.criticized", "regions.praised", "entities_criticized",
    "problems", "problems.regions", "copy_paste", "copy_paste.regions",
    "tasks.lead", "tasks.support", "deadlines", "recurrences", "metrics", "inconsistencies",
)


def _unique(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _short(text: str | None, width: int = 40) -> str:
    text = compact(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# --- running ---------------------------------------------------------------------------------


def load_gold(path: str | Path) -> dict[str, Any]:
    """One gold file; a DocparseError names the file when it is not valid gold JSON."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DocparseError(f"not a readable gold file: {err}", str(path)) from None
    if not isinstance(gold, dict):
        raise DocparseError("a gold file must hold one JSON object", str(path))
    return gold


def document_path(gold: dict[str, Any], gold_path: Path, doc_dir: Path) -> Path:
    """The document a gold file annotates: its `document` field, else the file with the same stem."""
    if gold.get("document"):
        return doc_dir / gold["document"]
    same_stem = sorted(p for p in doc_dir.glob(f"{gold_path.stem}.*") if p.suffix != ".json")
    return same_stem[0] if same_stem else doc_dir / f"{gold_path.stem}.txt"


def evaluate_document(gold: dict[str, Any], doc: Document, gold_file: str = "", document: str = "") -> DocumentEval:
    """Compare one document's extraction with its gold annotation."""
    ctx = Context(gold, doc, CompactText(doc.text))
    result = DocumentEval(gold_file, document or str(gold.get("document", "")))
    for _, evaluator in FIELD_EVALUATORS:
        result.fields.update(evaluator(ctx))
    result.never_violations = never_violations(gold, doc)
    return result


def evaluate(gold_dir: str | Path, doc_dir: str | Path) -> EvalReport:
    """Read every document named by a gold file in `gold_dir` from `doc_dir` and score the extraction.

    A document that cannot be read is scored as if nothing had been extracted, and its error kept.
    """
    import docparse
    from docparse.model import Source

    gold_dir, doc_dir = Path(gold_dir), Path(doc_dir)
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise DocparseError("no gold files (*.json) here", str(gold_dir))
    report = EvalReport(str(gold_dir), str(doc_dir))
    for gold_path in gold_files:
        gold = load_gold(gold_path)
        path = document_path(gold, gold_path, doc_dir)
        error = None
        try:
            doc = docparse.read(path)
        except (DocparseError, OSError) as err:
            error = str(err)
            doc = Document(Source(str(path), "", "txt"), "", "", _empty_offsets())
        result = evaluate_document(gold, doc, gold_path.name, path.name)
        result.error = error
        report.documents.append(result)
    return report


def _empty_offsets():  # type: ignore[no-untyped-def]
    from array import array

    from docparse.model import OffsetMap

    return OffsetMap(array("l"), 0)


# --- formatting ------------------------------------------------------------------------------

_DOC_COLUMNS = (
    ("meta", "meta"), ("crit", "regions.criticized"), ("praise", "regions.praised"),
    ("entity", "entities_criticized"), ("probl", "problems"), ("copy", "copy_paste"),
    ("lead", "tasks.lead"), ("supp", "tasks.support"), ("deadl", "deadlines"),
    ("recur", "recurrences"), ("metric", "metrics"), ("incons", "inconsistencies"),
)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}"


def _document_score(doc: DocumentEval, name: str) -> Score | None:
    if name == "meta":
        scores = [r.score for n, r in doc.fields.items() if n.startswith("meta.")]
        return sum(scores, Score()) if scores else None
    return doc.fields[name].score if name in doc.fields else None


def format_report(report: EvalReport, *, details: bool = False, width: int = 140) -> str:
    """Text tables: scores per field, F1 per document and field, never-violations and read errors.

    `details=True` adds what each document missed and what was spurious, field by field.
    """
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, soft_wrap=False)

    console.print(f"gold: {report.gold_dir}  documents: {report.doc_dir}")
    fields = Table(title=f"micro-averaged over {len(report.documents)} document(s)")
    for col in ("field", "gold", "pred", "tp", "P%", "R%", "F1%"):
        fields.add_column(col, justify="left" if col == "field" else "right")
    for name, s in report.fields.items():
        fields.add_row(name, str(s.gold), str(s.predicted), str(s.tp), _pct(s.precision), _pct(s.recall), _pct(s.f1))
    console.print(fields)

    per_doc = Table(title="F1% per document (– : nothing to find and nothing predicted; blank: not annotated)")
    per_doc.add_column("document")
    for label, _ in _DOC_COLUMNS:
        per_doc.add_column(label, justify="right")
    per_doc.add_column("never", justify="right")
    for d in report.documents:
        cells = []
        for _, name in _DOC_COLUMNS:
            s = _document_score(d, name)
            cells.append("" if s is None else _pct(s.f1))
        per_doc.add_row(Path(d.document).stem, *cells, str(len(d.never_violations)))
    console.print(per_doc)

    for d in report.documents:
        if d.error:
            console.print(f"{d.document}: could not be read: {d.error}")
        if d.never_violations:
            console.print(f"{d.document}: never-regions given a stance: {'、'.join(d.never_violations)}")
    if details:
        for d in report.documents:
            console.print(f"\n[{d.document}]")
            for name, res in d.fields.items():
                if res.missed:
                    console.print(f"  {name} missed: " + "；".join(res.missed))
                if res.spurious:
                    console.print(f"  {name} spurious: " + "；".join(res.spurious))
    return buffer.getvalue()
