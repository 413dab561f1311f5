"""Criticized entities (被点名批评的单位): departments and enterprises a document criticizes by name.

Enterprises are recognised by their name endings (有限公司, 分公司, 金矿, 加油站… in data/entity_suffixes.tsv):
the name runs left from the ending to the clause start, less a leading place (曲靖市陆良县青山客运有限责任公司
names 青山客运有限责任公司 located in 陆良县). Departments come from the departments stage, or, where it found
none, from a place followed by a department ending (临沧市国土资源局).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from docparse.model import CriticizedEntity, Document
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import IntervalIndex, enclosing

# Characters a name never contains: clause punctuation, quotes, and function words that end a subject.
NAME_STOP = set("，。；：、！？“”‘’《》「」（）() \n的对在于与及或将把被是了为从向以由等要其并但虽")
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
    automaton: ahocorasick.Automaton
    stopwords: tuple[str, ...]
    endings: frozenset[str]  # every enterprise ending (宾馆, 酒店 …)


@lru_cache(maxsize=1)
def suffix_table() -> SuffixTable:
    auto = ahocorasick.Automaton()
    stopwords = []
    endings = set()
    for row in load_tsv("entity_suffixes.tsv"):
        if row["kind"] == "not_name":
            stopwords.append(row["word"])
        else:
            auto.add_word(row["word"], (row["word"], row["kind"], row["not_before"]))
            if row["kind"] == "enterprise":
                endings.add(row["word"])
    auto.make_automaton()
    return SuffixTable(auto, tuple(stopwords), frozenset(endings))


def suffix_ends(text: str) -> dict[int, tuple[str, str]]:
    """End offset -> (suffix, kind) for the longest valid ending that ends there."""
    out: dict[int, tuple[str, str]] = {}
    for last, (word, kind, not_before) in suffix_table().automaton.iter(text):
        end = last + 1
        if end < len(text) and text[end] in not_before:
            continue
        if end not in out or len(word) > len(out[end][0]):
            out[end] = (word, kind)
    return out


def walk_left(text: str, pos: int, kind: str) -> int:
    """Start of the name that ends before `pos`: back to a stop character, at most MAX_NAME characters."""
    start = pos
    while start > 0 and pos - start < MAX_NAME:
        ch = text[start - 1]
        if ch in NAME_STOP and not (kind == "department" and ch == "和"):
            break
        if ch.isdigit() and kind == "enterprise":
            break
        start -= 1
    return start


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
    for end, (suffix, kind) in sorted(suffix_ends(text).items()):
        place_start = snap_to_place(walk_left(text, end - len(suffix), kind), places)
        start = skip_places(place_start, end, places)
        core = text[start : end - len(suffix)]
        if kind == "enterprise" and (len(core) < MIN_ENTERPRISE_CORE or any(w in core for w in stopwords)):
            continue
        if kind == "enterprise" and core in endings:
            continue  # 宾馆酒店, 煤矿企业: two kinds of business, nobody by name
        if kind == "department":
            if start == place_start and text[place_start : place_start + 1] not in LEVEL_PREFIX:
                continue  # 格局, 大局: a department name opens with its place or level
            if len(text[place_start:end]) < 4:
                continue
            start = place_start  # the department keeps its place: 临沧市国土资源局
        found.append(OrgName(start, end, kind, place_start))
    return drop_contained(found)


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


def region_place_spans(doc: Document) -> Places:
    """Every region mention the regions stage found, by its normalized start and end."""
    spans: dict[int, int] = {}
    for region in doc.extraction.regions:
        for m in region.mentions:
            s = doc.norm_index(m.span.start)
            spans[s] = doc.norm_index(m.span.end)
    return Places.from_spans(spans)


def place_before(start: int, places: Places) -> int:
    """Start of the places written right before `start`, or around it (京山县 before or under 县安监局,
    曲靖市陆良县 before …)."""
    start = snap_to_place(start, places)
    while start in places.ends:
        start = places.ends[start]
    return start


def department_names(doc: Document, places: Places) -> list[OrgName]:
    """Department mentions from the departments stage, each with the place written before it (京山县安监局)."""
    names = []
    for dept in doc.extraction.departments:
        if dept.kind not in ("department", "committee"):
            continue
        for ref in dept.mentions:
            s, e = doc.norm_index(ref.span.start), doc.norm_index(ref.span.end)
            start = place_before(s, places)
            names.append(OrgName(start, e, "department", start))
    return names


def name_index(names: list[OrgName]) -> IntervalIndex:
    return IntervalIndex((o.place_start, o.end) for o in names)


def organizations(doc: Document) -> list[OrgName]:
    """All named organisations: enterprises from their endings, departments from the departments stage,
    and the bodies only the endings find (南岸区住房城乡建委), where they overlap nothing else."""
    places = region_place_spans(doc)
    own = find_organizations(doc.norm_text, places)
    depts = department_names(doc, places)
    if not depts:
        return own
    enterprises = [o for o in own if o.kind == "enterprise"]
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


GENERIC_BEFORE = ("个别", "有些", "部分", "一些", "少数", "各", "有的", "相关")
REFERENCE_OPENERS = ("该", "此", "这", "上述", "前述")  # 该加工厂: a name given before, not a new one
# before a department that is told or asked, not blamed: 向市安委办报送, 提请市安委会约谈
ADDRESSEE_BEFORE = ("向", "提请", "报请", "请")
# after a department that inspects or sanctions, not one that is blamed: 市质监局抽查发现…, 省安委办对…进行了约谈
INSPECTOR_AFTER = ("抽查发现", "检查发现", "督查发现", "暗访发现", "调查发现", "检查提出", "督导发现")
LIST_JOINERS = ("、", "和", "及", "与", "以及")


def is_named(text: str, org: OrgName, places: Places) -> bool:
    """A department criticized by name opens with its place or level (临沧市国土资源局), and no
    quantifier stands before it (个别专委会 is nobody in particular)."""
    if any(text.endswith(g, 0, org.place_start) for g in GENERIC_BEFORE):
        return False
    if text.startswith(REFERENCE_OPENERS, org.place_start):
        return False
    if org.kind == "enterprise" or org.place_start in places.spans:
        return True
    return text[org.place_start : org.place_start + 1] in LEVEL_PREFIX


def qualified_name(doc: Document, org: OrgName, written: str, places: Places) -> str:
    """县应急管理局 in the paragraph on 于都县 is 于都县应急管理局: a name that opens with a bare level
    character takes the last place of that level named before it in its paragraph."""
    text = doc.norm_text
    level_char = written[:1]
    if level_char not in LEVEL_PREFIX or org.place_start != org.start or org.start in places.ends:
        return written
    paragraph_start = text.rfind("\n", 0, org.start) + 1
    best: tuple[int, str] | None = None
    for region in doc.extraction.regions:
        if not region.name.endswith(level_char):
            continue
        for m in region.mentions:
            at = doc.norm_index(m.span.start)
            if paragraph_start <= at < org.start and (best is None or at > best[0]):
                best = (at, region.name)
    return best[1] + written[1:] if best else written


def acts(text: str, org: OrgName, preceding: list[OrgName], following: list[OrgName]) -> bool:
    """Whether a department is given something to do rather than blamed: 由市安委办牵头, 市交通局、市应急局配合,
    市安委办每月通报…, 会同市质监局、市国土资源局 (the role cues of the task stage, on the list it stands in)."""
    from docparse.extract.tasks import role_cues

    end = org.end
    for nxt in following:
        if text[end : nxt.place_start] not in LIST_JOINERS:
            break
        end = nxt.end
    start = org.place_start
    for prev in reversed(preceding):
        if text[prev.end : start] not in LIST_JOINERS:
            break
        start = prev.place_start
    after = text[end : end + 16]
    before = text[max(0, start - 12) : start]
    for cue in role_cues():
        if cue.where in ("after", "subject") and cue.pattern.match(after):
            return True
        if cue.where == "before" and cue.pattern.search(before):
            return True
        if cue.where == "label" and cue.pattern.search(before[-8:]) and before.endswith(("：", ":", "、")):
            return True
    if after.startswith(INSPECTOR_AFTER) or (after.startswith("对") and sanctions_in(text, end)):
        return True
    if in_table_row(text, org.place_start):
        return True  # a department in a task table's cell is assigned, whatever its row says
    return before.endswith(ADDRESSEE_BEFORE)


def in_table_row(text: str, pos: int) -> bool:
    """Whether `pos` lies on a line of a table written as text (cells apart by tabs)."""
    line_start, line_end = enclosing(text, pos, pos, "\n")
    return "\t" in text[line_start:line_end]


@lru_cache(maxsize=1)
def sanction_words() -> tuple[str, ...]:
    return tuple(r["cue"] for r in load_tsv("stance_cues.tsv") if r["stance"] == "sanction")


def sanctions_in(text: str, start: int) -> bool:
    """Whether the clause from `start` announces a sanction (对…进行了约谈, 对…予以通报批评)."""
    stop = min((i for i in (text.find(ch, start) for ch in "。；\n") if i >= 0), default=len(text))
    return any(w in text[start:stop] for w in sanction_words())


REFERENCE = re.compile(r"(?:该|此)[\u4e00-\u9fff]{0,3}?(?:企业|公司|单位|厂|矿|站|店|场|点)")


def referred_verdict(doc: Document, ctx, org: OrgName, following: list[OrgName], stance_of_span):
    """(verdict, reason start) of the first 该企业/该公司 later in the enterprise's paragraph that is criticized,
    unless another enterprise is named first (the reference would then be to that one)."""
    text = doc.norm_text
    para_end = text.find("\n", org.end)
    para_end = len(text) if para_end < 0 else para_end
    next_name = next((o.place_start for o in following if o.kind == "enterprise" and o.place_start < para_end), para_end)
    for m in REFERENCE.finditer(text, org.end, next_name):
        verdict = stance_of_span(doc, ctx, m.start(), m.end())
        if verdict.stance == "criticized":
            return verdict, m.end()
    return None


def issues(doc: Document, org: OrgName) -> bool:
    """Whether the department is the document's own issuer (a bureau does not criticize itself)."""
    issuer = doc.meta.issuer.value if doc.meta.issuer is not None else None
    return bool(issuer) and doc.norm_text[org.place_start : org.end] == issuer


def reason_clause(text: str, org: OrgName, following: list[OrgName], sentence_end: int) -> str | None:
    """What the sentence says the entity did wrong: the rest of the sentence after its name, past any
    names listed with it (勐满曼纳金矿、昆明西金矿业…分公司2016年发现的…)."""
    end = org.end
    stop = sentence_end
    for nxt in following:
        gap = text[end : nxt.place_start]
        if gap not in LIST_JOINERS:
            if nxt.place_start < sentence_end:  # the next name opens a clause of its own: stop before it
                cut = max(text.rfind(ch, end, nxt.place_start) for ch in "，；：")
                stop = cut if cut >= 0 else sentence_end
            break
        end = nxt.end
    reason = text[end:stop].strip("，。；：、 ")
    return reason or None


@stage(
    "entities_criticized",
    step="extract",
    assigns="extraction.entities_criticized",
    requires=("sentences", "extraction.regions", "extraction.departments"),
)
def criticized_entities(doc: Document) -> list[CriticizedEntity]:
    from docparse.extract.regions import stance_context, stance_of_span

    ctx = stance_context(doc)
    out: list[CriticizedEntity] = []
    seen: set[tuple[str, int]] = set()
    orgs = organizations(doc)
    places = region_place_spans(doc)
    ctx.name_ends = frozenset(places.ends) | {o.end for o in orgs}
    for i, org in enumerate(orgs):
        if not is_named(doc.norm_text, org, places):
            continue
        verdict = stance_of_span(doc, ctx, org.start, org.end)
        reason_start = None
        if verdict.stance != "criticized" and org.kind == "enterprise":
            # 尚志市鑫源木业有限公司…发生火灾。该企业违规在车间内设置员工宿舍…: the blame comes with 该企业
            referred = referred_verdict(doc, ctx, org, orgs[i + 1 :], stance_of_span)
            if referred is not None:
                verdict, reason_start = referred
        if verdict.stance != "criticized":
            continue
        if org.kind == "department" and (acts(doc.norm_text, org, orgs[:i], orgs[i + 1 :]) or issues(doc, org)):
            continue
        name = doc.norm_text[org.start : org.end]
        if org.kind == "department":
            name = qualified_name(doc, org, name, places)
        if (name, org.start) in seen:
            continue
        seen.add((name, org.start))
        span = doc.source_span(org.start, org.end)
        if reason_start is not None:
            reason = doc.norm_text[reason_start : verdict.sentence_end].strip("，。；：、 ") or None
        else:
            reason = reason_clause(doc.norm_text, org, orgs[i + 1 :], verdict.sentence_end)
        out.append(CriticizedEntity(name, org.kind, doc.text_of(span), span, reason))
    return out
