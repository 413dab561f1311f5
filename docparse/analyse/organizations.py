"""Organisations named in the text: enterprises recognised by their name endings (有限公司, 分公司,
金矿, 加油站… in data/entity_suffixes.tsv), the name running left from the ending to the clause start
less a leading place (曲靖市陆良县青山客运有限责任公司 names 青山客运有限责任公司 located in 陆良县);
departments from the departments stage, each with the place written before it; and bodies only an
ending finds (临沧市国土资源局). Found once; the regions, problems and criticized-entities stages read them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from docparse.matching import TermMatcher
from docparse.model import Document
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import IntervalIndex

# Characters a name never contains: clause punctuation, quotes, and function words that end a subject.
NAME_STOP = set("，。；：、！？“”‘’《》「」（）() \n的对在于与及或将把被是了为从向以由等要其并但虽因")


MAX_NAME = 30


MIN_ENTERPRISE_CORE = 2  # characters before the ending: 煤矿 alone is a sector, not a name


LEVEL_PREFIX = set("省市县州区")


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation name in the normalized text; `start` is after any leading place names."""

    start: int
    end: int
    kind: str  # enterprise, department
    place_start: int  # where the leading place names begin (== start when there are none)


@dataclass(frozen=True, slots=True)
class SuffixTable:
    matcher: TermMatcher[tuple[str, str, str]]  # ending -> (ending, kind, characters it may not stand before)
    stopwords: tuple[str, ...]
    endings: frozenset[str]  # every enterprise ending (宾馆, 酒店 …)
    before_name: tuple[str, ...]  # words that end the run left of a name (比如, 召集, 通报)
    part_of_body: tuple[str, ...]  # words after an ending that make it part of a body's name (煤矿安全监察局)


@lru_cache(maxsize=1)
def suffix_table() -> SuffixTable:
    endings_of: dict[str, tuple[str, str, str]] = {}
    stopwords = []
    before_name = []
    part_of_body = []
    endings = set()
    for row in load_tsv("entity_suffixes.tsv"):
        if row["kind"] == "not_name":
            stopwords.append(row["word"])
        elif row["kind"] == "before_name":
            before_name.append(row["word"])
        elif row["kind"] == "part_of_body":
            part_of_body.append(row["word"])
        else:
            endings_of[row["word"]] = (row["word"], row["kind"], row["not_before"])
            if row["kind"] == "enterprise":
                endings.add(row["word"])
    return SuffixTable(
        TermMatcher(endings_of), tuple(stopwords), frozenset(endings), tuple(before_name), tuple(part_of_body)
    )


def suffix_ends(text: str) -> dict[int, tuple[str, str]]:
    """End offset -> (suffix, kind) for the longest valid ending that ends there."""
    out: dict[int, tuple[str, str]] = {}
    part_of_body = suffix_table().part_of_body
    for _, end, (word, kind, not_before) in suffix_table().matcher.every(text):
        if end < len(text) and text[end] in not_before:
            continue
        if kind == "enterprise" and text.startswith(part_of_body, end):
            continue  # 河南煤矿安全监察局: a body's name, which the departments stage reads
        if end not in out or len(word) > len(out[end][0]):
            out[end] = (word, kind)
    return out


LIST_JOINERS = ("和", "及", "与")
# a government body ending right before a joiner: 达茂旗政府和内蒙古包钢钢联股份有限公司 lists two parties, no company
# is named …政府和…
BODIES_BEFORE_JOINER = ("政府", "党委", "管委会", "委员会")
DATE_OR_NUMBER_UNITS = set("年月日时号")
INNER_BRACKET = 6


def bracket_start(text: str, close: int) -> int | None:
    """Start of the short bracket that closes at `close`, when a name goes on before it (海之星（洋浦）)."""
    opening = text.rfind("（", max(0, close - INNER_BRACKET - 1), close)
    if opening <= 0 or "）" in text[opening + 1 : close] or text[opening - 1] in NAME_STOP:
        return None
    return opening


def walk_left(text: str, pos: int, kind: str, breaks: frozenset[int] = frozenset()) -> int:
    """Start of the name that ends before `pos`: back to a stop character, a word that stands before names
    (比如, 召集), a joiner at one of `breaks` (…有限公司和长白山…), or a house number (568号), at most
    MAX_NAME characters."""
    start = pos
    before_name = suffix_table().before_name
    while start > 0 and pos - start < MAX_NAME:
        ch = text[start - 1]
        # before the stop characters, which hold the bracket too
        if ch == "）" and kind == "enterprise" and (opening := bracket_start(text, start - 1)) is not None:
            start = opening  # 海南海之星（洋浦）水产食品有限公司: a short bracket inside the name
            continue
        if ch in NAME_STOP and not (kind == "department" and ch == "和"):
            break
        if ch.isdigit() and kind == "enterprise":
            break
        if ch in LIST_JOINERS and (
            start - 1 in breaks or text[start - 2 : start - 1] in ("）", ")") or text.endswith(event_words(), 0, start - 1)
        ):
            break  # …有限公司和长白山…, …有限公司（注册号：…）和河南省…, …“4·2”较大中毒和联化科技…: the joiner ends the name before it
        if ch in LIST_JOINERS and kind == "enterprise" and text.endswith(BODIES_BEFORE_JOINER, 0, start - 1):
            break
        if ch in DATE_OR_NUMBER_UNITS and text[start - 2 : start - 1].isdigit():
            break  # 568号上海宝力…, 2020年全国煤矿…
        if text.endswith(before_name, 0, start):
            break
        start -= 1
    return start


@lru_cache(maxsize=1)
def event_words() -> tuple[str, ...]:
    """The kinds of accident (事故, 中毒, 爆炸… in data/enterprise_blame.tsv), which end a list item, never a name."""
    return tuple(r["word"] for r in load_tsv("enterprise_blame.tsv") if r["kind"] == "event")


COMPANY_FORMS = ("公司", "集团")


def registered_start(text: str, org: OrgName) -> int:
    """Where an organisation's full name starts: a company's registered name opens with its place
    (冠县新瑞实业有限公司, 企业名称登记管理规定 art. 6); a mine or a works is named apart from where it lies
    (邻水县 葛麻湾煤矿)."""
    return org.place_start if org.kind == "enterprise" and text.endswith(COMPANY_FORMS, 0, org.end) else org.start


def snap_to_place(start: int, places: Places) -> int:
    """Back to the start of a place the walk stopped inside: 于都县 opens with 于, a stop character."""
    around = places.index.containing(start, inside=True)
    return around[0] if around else start


def skip_places(start: int, end: int, places: Places) -> int:
    """Move `start` past place names that open the name (曲靖市陆良县…)."""
    while start in places.spans and places.spans[start] < end:
        start = places.spans[start]
    return start


def find_organizations(text: str, places: Places) -> list[OrgName]:
    """Enterprise and department names in `text`, with the region mentions written around them."""
    found: list[OrgName] = []
    stopwords = suffix_table().stopwords
    endings = suffix_table().endings
    ends = suffix_ends(text)
    # a joiner right after an enterprise's ending parts two names, unless it opens a place (…集团和顺吕鑫煤业)
    joins = frozenset(e for e, (_, kind) in ends.items() if kind == "enterprise" and e not in places.spans)
    department_ends: list[int] = []  # of the departments found so far, in order
    for end, (suffix, kind) in sorted(ends.items()):
        place_start = snap_to_place(past_example_marker(text, walk_left(text, end - len(suffix), kind, joins), places), places)
        if kind == "enterprise":
            place_start = after_body(place_start, end - len(suffix), department_ends)
        start = skip_places(place_start, end, places)
        core = text[start : end - len(suffix)]
        if kind == "enterprise" and (len(core) < MIN_ENTERPRISE_CORE or INDEFINITE.search(text, place_start, end - len(suffix))):
            continue  # 一起煤矿事故, 延福屯村一毛巾厂: a mine, a works, nobody by name
        if kind == "enterprise" and any(w in core for w in stopwords):
            continue
        if kind == "enterprise" and core in endings:
            continue  # 宾馆酒店, 煤矿企业: two kinds of business, nobody by name
        if kind == "department":
            if start == place_start and text[place_start : place_start + 1] not in LEVEL_PREFIX:
                continue  # 格局, 大局: a department name opens with its place or level
            if len(text[place_start:end]) < 4 and not short_body(text, place_start, end):
                continue
            start = place_start  # the department keeps its place: 临沧市国土资源局
            department_ends.append(end)
        found.append(OrgName(start, end, kind, place_start))
    return drop_contained(found)


EXAMPLE_MARKER = "如"


def past_example_marker(text: str, start: int, places: Places) -> int:
    """Past the 如 that opens a clause to give an example, when a place follows it (…，如马山县罗裕矿业有限公司不清楚…):
    no part of the name. 比如 and 例如 end the walk already; 如 alone may open a name (如家酒店), so a place must follow."""
    at_clause_start = start == 0 or text[start - 1] in NAME_STOP
    if at_clause_start and text.startswith(EXAMPLE_MARKER, start) and start + len(EXAMPLE_MARKER) in places.spans:
        return start + len(EXAMPLE_MARKER)
    return start


def short_body(text: str, start: int, end: int) -> bool:
    """A level, one character of its field and an ending (市建委), not two levels (县区委) nor the first part of a
    longer word (县安委|会成员单位)."""
    name = text[start:end]
    return len(name) == 3 and name[0] in LEVEL_PREFIX and name[1] not in LEVEL_PREFIX and not text.startswith("会", end)


# a numeral and classifier (一起, 一家), or 一 right after a village or town, before an ending: a business, not its name
INDEFINITE = re.compile(r"一[起家座个处所]|(?<=[村镇乡])一(?=[\u4e00-\u9fff]{2})")


def after_body(start: int, core_end: int, department_ends: list[int]) -> int:
    """Where an enterprise's name starts when a body's name runs into it: after that body (灵石县安全生产
    监督管理局 + 王禹乡南山煤矿安全特派员 names the official's post, the mine being 王禹乡南山煤矿)."""
    i = bisect_left(department_ends, core_end) - 1
    return department_ends[i] if i >= 0 and department_ends[i] > start else start


def drop_contained(names: list[OrgName]) -> list[OrgName]:
    """Keep the longest names: 昆明西金矿业开发有限公司 inside …有限公司勐海县分公司 goes."""
    names.sort(key=lambda n: (n.place_start, -(n.end - n.place_start)))
    out: list[OrgName] = []
    for n in names:
        if out and n.place_start < out[-1].end and n.end <= out[-1].end:
            continue
        if out and n.place_start < out[-1].end:
            out[-1] = n if n.end - n.place_start > out[-1].end - out[-1].place_start else out[-1]
            continue
        out.append(n)
    return out


@dataclass(frozen=True, slots=True)
class Places:
    """The region mentions the regions stage found, in normalized offsets, indexed three ways."""

    spans: dict[int, int]  # start -> end
    ends: dict[int, int]  # end -> start
    index: IntervalIndex

    @classmethod
    def from_spans(cls, spans: dict[int, int]) -> Places:
        return cls(spans, {e: s for s, e in spans.items()}, IntervalIndex(spans.items()))


def place_before(start: int, places: Places) -> int:
    """Start of the places written right before `start`, or around it (京山县 before or under 县安监局,
    曲靖市陆良县 before …)."""
    start = snap_to_place(start, places)
    while start in places.ends:
        start = places.ends[start]
    return start


def department_names(
    doc: Document, places: Places, kinds: tuple[str, ...] = ("department", "committee")
) -> list[OrgName]:
    """Department mentions from the departments stage, each with the place written before it (京山县安监局)."""
    names = []
    for dept in doc.extraction.departments:
        if dept.kind not in kinds:
            continue
        for ref in dept.mentions:
            s, e = doc.norm_index(ref.span.start), doc.norm_index(ref.span.end)
            start = place_before(s, places)
            names.append(OrgName(start, e, "department", start))
    return names


def after_named_body(org: OrgName, bodies: list[OrgName], places: Places) -> OrgName:
    """An enterprise whose run opens with a body the departments stage named (省人民政府 + 浏阳市碧溪烟花制造有限公司
    “12·4”重大爆炸事故调查组): the enterprise starts after that body, as after_body does for the endings' bodies."""
    cut = max((b.end for b in bodies if org.place_start <= b.place_start and b.end < org.end - 1), default=None)
    if cut is None or cut <= org.place_start:
        return org
    start = skip_places(cut, org.end, places)
    return OrgName(max(start, org.start), org.end, org.kind, cut)


def name_index(names: list[OrgName]) -> IntervalIndex:
    return IntervalIndex((o.place_start, o.end) for o in names)


@stage("organizations", step="analyse", assigns="analysis.organizations",
       requires=("analysis.places", "extraction.departments"))  # fmt: skip
def organizations(doc: Document) -> list[OrgName]:
    """All named organisations: enterprises from their endings, departments from the departments stage,
    and the bodies only the endings find (南岸区住房城乡建委), where they overlap nothing else."""
    places = doc.analysis.places.spans
    own = doc.analysis.places.named
    depts = department_names(doc, places)
    if not depts:
        return own
    bodies = department_names(doc, places, kinds=("department", "committee", "government"))
    enterprises = [after_named_body(o, bodies, places) for o in own if o.kind == "enterprise"]
    taken_by_enterprises = name_index(enterprises)
    depts = [d for d in depts if not taken_by_enterprises.overlaps(d.place_start, d.end)]
    taken_by_depts = name_index(depts)
    extra = [
        o for o in own
        if o.kind == "department"
        and not taken_by_depts.overlaps(o.place_start, o.end)
        and not taken_by_enterprises.overlaps(o.place_start, o.end)
    ]
    return sorted(enterprises + depts + extra, key=lambda o: o.start)
