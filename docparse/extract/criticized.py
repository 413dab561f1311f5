"""Criticized entities (被点名批评的单位): departments and enterprises a document criticizes by name.

Enterprises are recognised by their name endings (有限公司, 分公司, 金矿, 加油站… in data/entity_suffixes.tsv):
the name runs left from the ending to the clause start, less a leading place (曲靖市陆良县青山客运有限责任公司
names 青山客运有限责任公司 located in 陆良县). Departments come from the departments stage, or, where it found
none, from a place followed by a department ending (临沧市国土资源局).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from docparse.model import CriticizedEntity, Document
from docparse.pipeline import stage
from docparse.resources import load_tsv

# Characters a name never contains: clause punctuation, quotes, and function words that end a subject.
NAME_STOP = set("，。；：、！？“”‘’《》「」 \n的对在于与及或将把被是了为从向以由等要其并但虽")
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


@lru_cache(maxsize=1)
def suffix_table() -> SuffixTable:
    auto = ahocorasick.Automaton()
    stopwords = []
    for row in load_tsv("entity_suffixes.tsv"):
        if row["kind"] == "not_name":
            stopwords.append(row["word"])
        else:
            auto.add_word(row["word"], (row["word"], row["kind"], row["not_before"]))
    auto.make_automaton()
    return SuffixTable(auto, tuple(stopwords))


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


def skip_places(start: int, end: int, place_spans: dict[int, int]) -> int:
    """Move `start` past place names that open the name (曲靖市陆良县…)."""
    while start in place_spans and place_spans[start] < end:
        start = place_spans[start]
    return start


def find_organizations(text: str, place_spans: dict[int, int]) -> list[OrgName]:
    """Enterprise and department names in `text`; `place_spans` maps a region mention's start to its end."""
    found: list[OrgName] = []
    stopwords = suffix_table().stopwords
    for end, (suffix, kind) in sorted(suffix_ends(text).items()):
        place_start = walk_left(text, end - len(suffix), kind)
        start = skip_places(place_start, end, place_spans)
        core = text[start : end - len(suffix)]
        if kind == "enterprise" and (len(core) < MIN_ENTERPRISE_CORE or any(w in core for w in stopwords)):
            continue
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


def region_place_spans(doc: Document) -> dict[int, int]:
    """Normalized start -> end of every region mention the regions stage found."""
    spans: dict[int, int] = {}
    for region in doc.extraction.regions:
        for m in region.mentions:
            s = doc.norm_index(m.span.start)
            spans[s] = doc.norm_index(m.span.end)
    return spans


def department_names(doc: Document, place_spans: dict[int, int]) -> list[OrgName]:
    """Department mentions from the departments stage, or the fallback above when it found none."""
    names = []
    for dept in doc.extraction.departments:
        if dept.kind not in ("department", "committee"):
            continue
        for ref in dept.mentions:
            s, e = doc.norm_index(ref.span.start), doc.norm_index(ref.span.end)
            names.append(OrgName(s, e, "department", s))
    return names


def organizations(doc: Document) -> list[OrgName]:
    """All named organisations: enterprises from their endings, departments from the departments stage."""
    places = region_place_spans(doc)
    own = find_organizations(doc.norm_text, places)
    depts = department_names(doc, places)
    if not depts:
        return own
    enterprises = [o for o in own if o.kind == "enterprise"]
    taken = [(o.place_start, o.end) for o in enterprises]
    depts = [d for d in depts if not any(s <= d.start < e for s, e in taken)]
    return sorted(enterprises + depts, key=lambda o: o.start)


GENERIC_BEFORE = ("个别", "有些", "部分", "一些", "少数", "各", "有的", "相关")
LIST_JOINERS = ("、", "和", "及", "与", "以及")


def is_named(text: str, org: OrgName, place_spans: dict[int, int]) -> bool:
    """A department criticized by name opens with its place or level (临沧市国土资源局), and no
    quantifier stands before it (个别专委会 is nobody in particular)."""
    if any(text.endswith(g, 0, org.place_start) for g in GENERIC_BEFORE):
        return False
    if org.kind == "enterprise" or org.place_start in place_spans:
        return True
    return text[org.place_start : org.place_start + 1] in LEVEL_PREFIX


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
    for i, org in enumerate(orgs):
        if not is_named(doc.norm_text, org, places):
            continue
        verdict = stance_of_span(doc, ctx, org.start, org.end)
        if verdict.stance != "criticized":
            continue
        name = doc.norm_text[org.start : org.end]
        if (name, org.start) in seen:
            continue
        seen.add((name, org.start))
        span = doc.source_span(org.start, org.end)
        reason = reason_clause(doc.norm_text, org, orgs[i + 1 :], verdict.sentence_end)
        out.append(CriticizedEntity(name, org.kind, doc.text_of(span), span, reason))
    return out
