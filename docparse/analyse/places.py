"""Places: every region the text names, from the gazetteer's two automata, resolved to one unit
(河南 in a list of provinces is 河南省; 普洱市澜沧县 is the 澜沧县 under 普洱市) and given its role in
the sentence: a subject that may be judged, or a qualifier, an enterprise's seat, an accident site, a
citation, the issuer, a locative, a place inspected or excepted, none of which is judged.

Found once; the regions stage judges the subjects, and the organisations stage reads where places stand.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from docparse.analyse.gazetteer import Gazetteer, gazetteer, township_key
from docparse.analyse.organizations import OrgName, Places, find_organizations, suffix_table
from docparse.analyse.stance import CLAUSE_END
from docparse.model import Document
from docparse.pipeline import stage
from docparse.resources import load_tsv

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3}

# What may stand between two members of one enumeration.
LIST_SEPARATORS = {"", "、", "和", "及", "与", "以及", "或", "，"}

# After an enumeration of bare names: 等6个州、市 / 等地 / 两州 / 州、市.
ENUM_TAIL = re.compile(
    r"^(?:等|[两三四五六七八九十\d]+个?)?(?:[\d一二三四五六七八九十]+个)?(?:自治)?(?P<level>州|市|县|区|省|地|盟|旗)"
)

# The level an enumeration's tail names (等5个自治州 -> prefecture); 市 and 区 name more than one.
TAIL_LEVEL = {"州": "prefecture", "盟": "prefecture", "地": "prefecture", "县": "county", "旗": "county", "省": "province"}

# after a place: a cited document (《…》), or the author of a decision or instruction (自治区和南宁市关于…的决策部署)
CITATION_AFTER = re.compile(r"^(?:《|(?:(?:人民政府|政府|党委|委员会)[\u4e00-\u9fff]{0,8})?关于)")

# 除郑州、焦作…外，其他地区…未发生…: the places excepted from what the sentence says of the rest
EXCEPTED = re.compile(r"除[^，。；除外]{0,60}外")

NAME_BOUNDARY = set("，。；：！？、（）“”《》 \n和及与对在由")

TITLE_WINDOW = 120

# 存在, 所在, 正在…: 在 as part of a word, not the locative preposition.
LOCATIVE_NOT_AFTER = set("存所正现实旨内外")

DOMINANT_MENTIONS = 3  # mentions that make the one unit a text is about its home, when nothing else tells

# a word that may stand before a national body opening a clause: 经中央纪委…研究, 由国务院安委会…
NATIONAL_LEAD = set("经由据")

ACCIDENT_COUNT = re.compile(r"\d+起|[一二两三四五六七八九十百]+起")


@lru_cache(maxsize=1)
def guard_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("region_guards.tsv"):
        out.setdefault(row["kind"], []).append(row["word"])
    return {k: tuple(v) for k, v in out.items()}


@dataclass(slots=True)
class Candidate:
    start: int  # normalized offsets
    end: int
    keys: tuple[str, ...]  # units this form may name
    bare: bool
    key: str | None = None  # the unit chosen
    role: str = "subject"  # subject, qualifier (普洱市 in 普洱市澜沧县), enterprise, accident, citation, issuer, locative, chrome
    group: int = 0  # enumeration this mention belongs to


def raw_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Trusted matches, then bare short forms where no trusted match overlaps them."""
    found = [Candidate(s, e, keys, False) for s, e, (_, keys) in gaz.trusted.longest(text)]
    taken = bytearray(len(text) + 1)
    for c in found:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for s, e, (_, keys) in gaz.bare.longest(text):
        if not any(taken[s:e]):
            found.append(Candidate(s, e, keys, True))
    found.sort(key=lambda c: c.start)
    return found


def group_enumerations(text: str, cands: list[Candidate]) -> list[list[Candidate]]:
    """Runs of mentions joined by 、/和/及/与 or written together (普洱市澜沧县)."""
    groups: list[list[Candidate]] = []
    for c in cands:
        if groups and text[groups[-1][-1].end : c.start] in LIST_SEPARATORS - {"，"}:
            groups[-1].append(c)
        else:
            groups.append([c])
    for i, g in enumerate(groups):
        for c in g:
            c.group = i
    return groups


# between two members of a list of bodies: 昆明市人民政府、玉溪市…, 榆中县政府、安宁区…, 昆明市应急管理局和玉溪市…
BODY_GAP = re.compile(r"[\u4e00-\u9fff]{0,10}(?:政府|党委|委员会|办公室|安委会|安委办|管委会|局|厅)(?:、|和|及|与|以及|，)")


def join_lists(text: str, groups: list[list[Candidate]]) -> None:
    """Enumerations that are one list: written one right after another apart only by a comma (河北省石家庄市、
    承德市，山西省大同市，…曲靖市等12省的21个市), or naming bodies of places (昆明市人民政府、玉溪市人民政府). What
    is said after the last member is said of all."""
    group = 0
    for prev, cur in pairwise(groups):
        gap = text[prev[-1].end : cur[0].start]
        if gap != "，" and not BODY_GAP.fullmatch(gap):
            group += 1
        for c in cur:
            c.group = group


def linked(text: str, c: Candidate) -> bool:
    """A bare form must be followed by a list separator or an enumeration's tail (昆明和…, 红河等…)."""
    after = text[c.end : c.end + 8]
    return after[:1] in ("、", "和", "及", "与") or ENUM_TAIL.match(after) is not None


def qualifies_next(gaz: Gazetteer, c: Candidate, group: list[Candidate]) -> bool:
    """A bare name written right before a unit of its own (内蒙古乌兰察布市, 山东日照市) qualifies it."""
    nxt = next((o for o in group if o.start == c.end), None)
    return nxt is not None and any(set(gaz.ancestors(k)) & set(c.keys) for k in nxt.keys)


def under_label(text: str, gaz: Gazetteer, c: Candidate, labels: dict[int, Candidate]) -> bool:
    """Whether a bare name opens a list labelled by its parent in full (贵州省：遵义; 江苏省：常州、连云港): the label vouches
    for it, and its units are that parent's."""
    label = labels.get(c.start - 1)
    if label is None or text[c.start - 1] not in "：:":
        return False
    keys = tuple(k for k in c.keys if gaz.units[k].parent in label.keys)
    if keys:
        c.keys = keys
    return bool(keys)


def keep_bare(
    text: str, gaz: Gazetteer, group: list[Candidate], named: set[str] = frozenset(), labels: dict[int, Candidate] | None = None
) -> list[Candidate]:
    """Bare short forms survive in a list with a full name, or a list of two or more closed by 等…州、市, or
    right before a unit of their own, or in a list their parent labels (贵州省：遵义), or as siblings (`sibling_list`)."""
    if all(not c.bare for c in group):
        return group
    if labels and group[0].bare and under_label(text, gaz, group[0], labels):
        return group
    whole = group
    group = [c for c in group if not c.bare or linked(text, c) or qualifies_next(gaz, c, group)]
    if not group:
        return sibling_list(gaz, whole, named)
    has_full = any(not c.bare for c in group)
    closed = ENUM_TAIL.match(text[group[-1].end : group[-1].end + 8]) is not None
    bare_count = sum(c.bare for c in group)
    if has_full or (closed and (bare_count >= 2 or text[group[-1].end : group[-1].end + 1] == "等")):
        return group
    return sibling_list(gaz, whole, named) or [c for c in group if not c.bare]


MIN_SIBLINGS = 3


def sibling_list(gaz: Gazetteer, group: list[Candidate], named: set[str]) -> list[Candidate]:
    """A list of bare names that are all units of one parent (柘荣、福安、屏南、古田、蕉城、霞浦、寿宁, the counties of
    宁德): three or more, or two when the text names that parent in full (福鼎、周宁 in a 宁德市 notice), or two
    or more provinces. Words that merely look like short names (和平、长安) are not siblings by chance. Each keeps
    the units of that parent."""
    if len(group) < 2 or not all(c.bare for c in group):
        return []
    provinces = [tuple(k for k in c.keys if gaz.units[k].level == "province") for c in group]
    if all(provinces):  # 黑龙江、西藏考核等级为合格: the provinces, children of the country
        for c, keys in zip(group, provinces):
            c.keys = keys
        return group
    shared = set.intersection(*({gaz.units[k].parent for k in c.keys} for c in group)) - {None}
    parent = next((p for p in sorted(shared) if len(group) >= MIN_SIBLINGS or p in named), None)
    if parent is None:
        return []
    for c in group:
        c.keys = tuple(k for k in c.keys if gaz.units[k].parent == parent)
    return group


def named_parents(gaz: Gazetteer, cands: list[Candidate]) -> set[str]:
    """Units the text names in full, which may stand as the parent of a township named elsewhere."""
    return {k for c in cands if not c.bare and c.keys and gaz.units[c.keys[0]].level != "township" for k in c.keys}


def drop_unsupported(
    text: str, gaz: Gazetteer, cands: list[Candidate], elsewhere: set[str] | None = None
) -> list[Candidate]:
    """Townships and listed generic names (城区, 和县) need their parent written right before them; other
    two-character names (成县, 荣县) need it too unless they start after a boundary (完成县级 is no 成县).
    A township may also lean on its parent named anywhere in the text (和顺县…牛川乡乡长)."""
    elsewhere = named_parents(gaz, cands) if elsewhere is None else elsewhere
    out: list[Candidate] = []
    for c in cands:
        form = text[c.start : c.end]
        prev = out[-1] if out and out[-1].end == c.start else None
        township = all(gaz.units[k].level == "township" for k in c.keys)
        needs_parent = form in gaz.needs_parent or township
        if len(form) == 2 and not c.bare and c.start > 0 and text[c.start - 1] not in NAME_BOUNDARY:
            needs_parent = True
        if needs_parent:
            parents = {gaz.units[k].parent for k in c.keys}
            if prev is not None and parents & set(prev.keys):
                c.keys = tuple(k for k in c.keys if gaz.units[k].parent in prev.keys)
            elif township and len(form) > 2 and parents & elsewhere:
                c.keys = tuple(k for k in c.keys if gaz.units[k].parent in elsewhere)
            else:
                continue
        out.append(c)
    return out


# a township written right after its county (浏阳市葛家乡、…): a short name, its suffix, then a list break
TOWNSHIP_FORMS = [re.compile(rf"([\u4e00-\u9fff]{{{n}}})(?:乡|镇|街道)") for n in (2, 3, 4)]
TOWNSHIP_BREAKS = set("、，。；：\n（(")


@lru_cache(maxsize=1)
def own_offices() -> re.Pattern[str]:
    """An office or body of a region written right after its name (党委, 人民政府, 镇长: official_sanctions.tsv)."""
    titles = sorted((r["word"] for r in load_tsv("official_sanctions.tsv") if r["kind"] == "title"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)))


def township_form(text: str, pos: int) -> re.Match[str] | None:
    """A township's name at `pos`: a short name and its suffix, then a list break or one of its own offices
    (桃江县浮邱山乡党政主要负责人, 永宁县胜利乡人民政府); 建成乡镇, 重点乡镇 are townships in general."""
    for form in TOWNSHIP_FORMS:
        m = form.match(text, pos)
        if m is None or m.group().endswith("乡镇") or any(w in m.group(1) for w in suffix_table().stopwords):
            continue
        if m.end() == len(text) or text[m.end()] in TOWNSHIP_BREAKS or own_offices().match(text, m.end()):
            return m
    return None


def unlisted_townships(text: str, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Townships the gazetteer lacks, named by their form right after a county it knows (浏阳市葛家乡,
    株洲县太湖乡 in a list of model townships): the county vouches for them, and for the same name written
    after it again, whatever follows (柳河县城关乡，…柳河县城关乡属地监管责任落实不到位)."""
    # a bare short form right after the county may open the township's own name (株洲县太湖乡: not 太湖县)
    starts = {c.start for c in cands if not c.bare}
    counties = [c for c in cands if len(c.keys) == 1 and gaz.units[c.keys[0]].level == "county" and c.end not in starts]
    found: dict[int, Candidate] = {}
    vouched: set[tuple[str, str]] = set()
    for c in counties:
        m = township_form(text, c.end)
        if m is not None:
            found[c.end] = Candidate(m.start(), m.end(), (township_key(c.keys[0], m.group()),), False)
            vouched.add((c.keys[0], m.group()))
    for c in counties:
        again = next((name for key, name in vouched if key == c.keys[0] and text.startswith(name, c.end)), None)
        if again is not None and c.end not in found:
            found[c.end] = Candidate(c.end, c.end + len(again), (township_key(c.keys[0], again),), False)
    return list(found.values())


def find_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    cands = drop_unsupported(text, gaz, raw_candidates(text, gaz))
    townships = unlisted_townships(text, gaz, cands)
    cands = [c for c in cands if not (c.bare and any(t.start <= c.start < t.end for t in townships))]
    cands = sorted(cands + townships, key=lambda c: c.start)
    named = named_parents(gaz, cands)
    kept: list[Candidate] = []
    labels = {c.end: c for c in cands if not c.bare and len(c.keys) == 1}
    for g in group_enumerations(text, cands):
        kept.extend(keep_bare(text, gaz, g, named, labels))
    join_lists(text, group_enumerations(text, kept))
    return kept


def context_counts(gaz: Gazetteer, cands: list[Candidate], issuer_keys: list[str]) -> Counter[str]:
    """How strongly the document points at each unit: its issuer, and the unambiguous mentions."""
    counts: Counter[str] = Counter()
    for key in issuer_keys:
        for k in [key, *gaz.ancestors(key)]:
            counts[k] += 5
    for c in cands:
        if len(c.keys) == 1:
            for k in [c.keys[0], *gaz.ancestors(c.keys[0])]:
                counts[k] += 1
    return counts


def link_chains(text: str, gaz: Gazetteer, cands: list[Candidate]) -> None:
    """普洱市澜沧县: a mention written right after its ancestor is resolved under it."""
    for a, b in zip(cands, cands[1:]):
        if a.end != b.start:
            continue
        under = [k for k in b.keys if set(gaz.ancestors(k)) & set(a.keys)]
        if under:
            b.keys = tuple(under)
            anc = set().union(*(gaz.ancestors(k) for k in under))
            a.keys = tuple(k for k in a.keys if k in anc) or a.keys
            a.role = "qualifier"


def choose(gaz: Gazetteer, c: Candidate, counts: Counter[str], sibling_levels: Counter[str]) -> str:
    def score(key: str) -> tuple:
        unit = gaz.units[key]
        # 安阳 is 安阳市 or its 安阳县: the city's support is no support of the county that shares its name
        ctx = sum(counts[a] for a in gaz.ancestors(key) if a not in c.keys) + counts[key]
        return (ctx, sibling_levels[unit.level], -LEVEL_RANK[unit.level])

    return max(c.keys, key=score)


def tail_level(text: str, group: list[Candidate]) -> str | None:
    """The level an enumeration closes with: 海西、海南、黄南等5个自治州 -> prefecture."""
    m = ENUM_TAIL.match(text[group[-1].end : group[-1].end + 8])  # ^ anchors at the string's start, not at pos
    return TAIL_LEVEL.get(m.group("level")) if m else None


# readings from which a bare name the text gives no context for names no unit (高新区, 经开区: a zone of some city)
UNPLACED_READINGS = 3


def unplaced(gaz: Gazetteer, c: Candidate, counts: Counter[str]) -> bool:
    """Whether a bare name many units bear (高新区 is a zone of 30 cities) has no reading the text supports: neither
    the unit nor any of its ancestors is named or the issuer's."""
    if not c.bare or len(c.keys) < UNPLACED_READINGS:
        return False
    return not any(counts[k] or any(counts[a] for a in gaz.ancestors(k)) for k in c.keys)


def resolve(text: str, gaz: Gazetteer, cands: list[Candidate], issuer_keys: list[str]) -> list[Candidate]:
    """The candidates with the unit each names (`key`), those that name none dropped."""
    link_chains(text, gaz, cands)
    counts = context_counts(gaz, cands, issuer_keys)
    by_group: dict[int, list[Candidate]] = {}
    for c in cands:
        by_group.setdefault(c.group, []).append(c)
    for group in by_group.values():
        level = tail_level(text, group)
        for c in group:
            fitting = tuple(k for k in c.keys if gaz.units[k].level == level)
            if c.bare and fitting:
                c.keys = fitting
    for c in cands:
        levels = Counter(gaz.units[o.keys[0]].level for o in by_group[c.group] if o is not c and len(o.keys) == 1)
        c.key = c.keys[0] if len(c.keys) == 1 else choose(gaz, c, counts, levels)
    return [c for c in cands if not unplaced(gaz, c, counts)]


def home_units(doc: Document, gaz: Gazetteer, cands: list[Candidate]) -> list[str]:
    """The document's own region: its issuer's (云南省安全生产委员会办公室 -> 云南省, with ancestors), or,
    with no issuer's place, the province it names most (a 访谈 of 云南省 officials: 我省…; not the first of a list
    of provinces each named as often, 北京、天津、河北…考核等级为优秀), unless a national
    body acts on the provinces named (国务院安委会督查组向新疆反馈) and the text never speaks as one of them;
    with no province named, the one unit it is about (dominant_unit)."""
    keys = issuer_units(doc, gaz, cands)
    if keys or (national_actor(doc.norm_text) and not speaks_as_province(doc.norm_text)):
        return keys
    named = [c for c in cands if len(c.keys) == 1 and gaz.units[c.keys[0]].level == "province"]
    ranked = Counter(c.keys[0] for c in named).most_common(2)
    if ranked and not (len(ranked) == 2 and ranked[0][1] == ranked[1][1] and listed_together(named, ranked)):
        return [ranked[0][0]]
    return dominant_unit(doc.norm_text, gaz, cands)


def listed_together(named: list[Candidate], ranked: list[tuple[str, int]]) -> bool:
    """Whether the two provinces named most, as often as each other, stand in one list: peers the text reviews,
    none of them its home."""
    groups = [{c.group for c in named if c.keys[0] == key} for key, _ in ranked]
    return bool(groups[0] & groups[1])


def dominant_unit(text: str, gaz: Gazetteer, cands: list[Candidate]) -> list[str]:
    """With no issuer and no province named, the unit the text is about, with its ancestors, when one is named
    at least three times and twice as often as any other (金沙县推行“三单”制度… from 金沙县's own site) and no
    team or 约谈 reviews it (省安委会第三考核组检查考核海西州: the unit reviewed is judged, not home)."""
    if any(w in text for w in guard_words()["national_team"] + guard_words()["review"]):
        return []
    units = Counter(c.keys[0] for c in cands if len(c.keys) == 1).most_common(2)
    if not units or units[0][1] < DOMINANT_MENTIONS or (len(units) == 2 and units[0][1] < 2 * units[1][1]):
        return []
    return [units[0][0], *gaz.ancestors(units[0][0])]


@lru_cache(maxsize=1)
def national_pattern() -> re.Pattern[str]:
    """A national body (国务院安委会, 应急管理部) or a State Council team (国务院安委会第六督查组, 国务院江苏省…监督小组)."""
    words = guard_words()
    bodies = "|".join(map(re.escape, sorted(words["national_actor"], key=len, reverse=True)))
    teams = "|".join(map(re.escape, words["national_team"]))
    return re.compile(rf"(?:{bodies})(?!门)|国务院[^，。；《》]{{0,12}}(?:{teams})")


def national_actor(text: str) -> bool:
    """Whether a national body acts in the text: it opens a clause (…，国务院安委会办公室决定对…; 经中央纪委…研究),
    outside cited titles. Then the provinces named are what it inspects, sanctions or commends, not the
    document's home; a body only mentioned (在国务院安委会下达控制指标之内, 上一篇：国务院安委办要求…) is no actor."""
    for m in national_pattern().finditer(text):
        lead = m.start() - 1 if m.start() > 0 and text[m.start() - 1] in NATIONAL_LEAD else m.start()
        opens = lead == 0 or text[lead - 1] in CLAUSE_END
        if opens and not in_citation(text, m.start(), m.end()):
            return True
    return False


def speaks_as_province(text: str) -> bool:
    """Whether the text speaks as a province (我省, 本省): then the province it names most is its own."""
    return any(w in text for w in guard_words()["self_reference"])


def issuer_units(doc: Document, gaz: Gazetteer, text_cands: list[Candidate]) -> list[str]:
    """The issuer's unit and its ancestors; a township issuer (三甲镇人民政府) leans on its parent named in the
    text, and a name several units bear (长安区) is the one whose ancestors the text names (西安市)."""
    if doc.meta.issuer is None or not isinstance(doc.meta.issuer.value, str):
        return []
    text = doc.meta.issuer.value
    cands = drop_unsupported(text, gaz, [c for c in raw_candidates(text, gaz) if not c.bare], named_parents(gaz, text_cands))
    link_chains(text, gaz, cands)
    counts = context_counts(gaz, text_cands, [])
    keys = [choose(gaz, c, counts, Counter()) for c in cands if c.role != "qualifier"][:1]
    return [k for key in keys for k in [key, *gaz.ancestors(key)]]


def in_citation(text: str, start: int, end: int) -> bool:
    """Inside 《…》, or the issuer of a cited document (陕西省《实施细则》, 云南省人民政府办公厅关于…)."""
    opened = text.rfind("《", max(0, start - TITLE_WINDOW), start)
    if opened >= 0 and text.rfind("》", opened, start) < 0:
        close = text.find("》", end, end + TITLE_WINDOW)
        line_end = text.find("\n", end, end + TITLE_WINDOW)
        if close >= 0 and (line_end < 0 or close < line_end):
            return True
    return CITATION_AFTER.match(text[end : end + 16]) is not None


def is_authority(text: str, start: int, end: int) -> bool:
    """认真贯彻落实国家、自治区和南宁市有关…的一系列指示和工作部署, 在兴宁区委、兴宁区人民政府的正确领导下: the place
    whose instructions are carried out or whose leadership is thanked, in one clause."""
    words = guard_words()
    lo, hi = max(0, start - TITLE_WINDOW), min(len(text), end + TITLE_WINDOW)
    clause_start = max(text.rfind(ch, lo, start) for ch in CLAUSE_END) + 1
    ends = [i for i in (text.find(ch, end, hi) for ch in CLAUSE_END) if i >= 0]
    after = text[end : min(ends) if ends else hi]
    before = text[max(clause_start, lo) : start]
    return any(w in before for w in words["authority_before"]) and any(w in after for w in words["authority_after"])


@lru_cache(maxsize=1)
def review_speech() -> re.Pattern[str]:
    """A paragraph that opens with what a reviewing team finds (督查组指出，…; 国务院安委会第十二督查组反馈认为…)."""
    words = guard_words()
    teams = "|".join(map(re.escape, words["national_team"] + words["review"]))
    verbs = "|".join(map(re.escape, words["review_speech"]))
    return re.compile(rf"\s*[^，。；：\n]{{0,20}}?(?:{teams})[^，。；：\n]{{0,8}}?(?:{verbs})")


def in_review(text: str, start: int) -> bool:
    """Whether `start` lies in a paragraph that tells a reviewing team's findings: there the text's own region is
    judged like any other."""
    line_start = text.rfind("\n", 0, start) + 1
    return review_speech().match(text, line_start) is not None


def is_source(text: str, start: int, end: int) -> bool:
    """记者从黔南布依族苗族自治州人民政府了解到, 从黑龙江省安监局获悉: the body a report was learnt from, in one
    clause (从, the place, a verb of learning)."""
    lo, hi = max(0, start - TITLE_WINDOW), min(len(text), end + TITLE_WINDOW)
    clause_start = max(max(text.rfind(ch, lo, start) for ch in CLAUSE_END) + 1, lo)
    ends = [i for i in (text.find(ch, end, hi) for ch in CLAUSE_END) if i >= 0]
    after = text[end : min(ends) if ends else hi]
    return "从" in text[clause_start:start] and any(w in after for w in guard_words()["source_after"])


def several_counted(text: str) -> bool:
    """Whether `text` counts more than one accident (4起, 两起; not 一起, a single accident told)."""
    return any(m.group() not in ("1起", "一起") for m in ACCIDENT_COUNT.finditer(text))


def is_accident_site(text: str, start: int, end: int) -> bool:
    """临沧市凤庆县在建安石隧道“11·26”涌水突泥事故: the clause reports an accident at the place."""
    words = guard_words()
    lo, hi = max(0, start - TITLE_WINDOW), min(len(text), end + TITLE_WINDOW)
    clause_start = max(max(text.rfind(ch, lo, start) for ch in CLAUSE_END) + 1, lo)
    ends = [i for i in (text.find(ch, end, hi) for ch in CLAUSE_END) if i >= 0]
    after = text[end : min(ends) if ends else hi]
    before = text[clause_start:start]
    for head in words["accident_head"]:
        pos = after.find(head)
        while pos >= 0:
            tail = after[pos + len(head) : pos + len(head) + 2]
            # 发生事故19起, 仍然发生4起以上…事故: a tally of a place's accidents, not the site of one
            counted = ACCIDENT_COUNT.match(after, pos + len(head)) is not None or several_counted(after[:pos])
            elsewhere = any(w in after[:pos] for w in words.get("accident_elsewhere", ()))
            if not counted and not elsewhere and not any(tail.startswith(n) for n in words["accident_not"]):
                if any(v in before or v in after for v in words["accident_verb"]) or "·" in after[:pos]:
                    return True
            pos = after.find(head, pos + 1)
    return False


def is_locative(text: str, start: int) -> bool:
    """华厦公司在谷城县承建的项目: after 在, with a subject earlier in its clause, the place only says where."""
    if start < 2 or text[start - 1] != "在" or text[start - 2] in LOCATIVE_NOT_AFTER:
        return False
    clause_start = max(text.rfind(ch, 0, start) for ch in CLAUSE_END) + 1
    subject = text[clause_start : start - 1].strip()
    return len(subject) >= 2


def in_address(text: str, start: int) -> bool:
    """（注册地址：河北唐山市高新区…）, （位于通化市柳河县城关乡，…）: a place that says where something is."""
    lo = max(0, start - TITLE_WINDOW)
    clause_start = max(text.rfind(ch, lo, start) for ch in "，。；\n（(") + 1
    return any(w in text[clause_start:start] for w in guard_words()["address"])


def is_excepted(text: str, start: int) -> bool:
    """Inside 除…外: what the sentence says is said of the others, not of these."""
    opened = text.rfind("除", max(0, start - 60), start)
    return opened >= 0 and (m := EXCEPTED.match(text, opened)) is not None and m.end() > start


def is_inspected(text: str, start: int) -> bool:
    """此次督查共检查了6个市（广州、深圳…）, 督导组先后在北京、天津…: the places an inspection visited, its
    scope; what it found there is said of them in later clauses, which judge them on their own."""
    lo = max(0, start - TITLE_WINDOW)
    opened = text.rfind("（", lo, start)
    if opened >= 0 and text.rfind("）", opened, start) < 0:
        start = opened  # a list in brackets elaborates the clause before it: 检查了6个市（广州、深圳…，深圳市光明新区…）
    clause_start = max(text.rfind(ch, lo, start) for ch in "，。；：\n") + 1
    before = text[clause_start:start]
    return any(w in before for w in guard_words()["inspected"])


def trailer_start(text: str) -> int:
    """Where a web page's trailer of other pages' items begins (a line opening with 新闻推荐, 相关阅读, 上一篇…),
    or the text's end."""
    words = guard_words()["trailer"]
    pos = 0
    for line in text.split("\n"):
        if line.strip().startswith(words):
            return pos
        pos += len(line) + 1
    return len(text)


def mark_guards(doc: Document, cands: list[Candidate], issuer_keys: list[str], named: list[OrgName]) -> None:
    """The role of each place that is not judged: the issuer, an enterprise's seat, a citation's author…"""
    text = doc.norm_text
    orgs = [o for o in named if o.kind == "enterprise"]
    org_starts = [o.place_start for o in orgs]
    issuer = set(issuer_keys)
    trailer = trailer_start(text)
    for c in cands:
        i = bisect_right(org_starts, c.start) - 1
        if c.start >= trailer:
            c.role = "chrome"  # 新闻推荐 / 相关阅读: other pages' items after the document
        elif c.key in issuer and not in_review(text, c.start):
            c.role = "issuer"
        elif i >= 0 and c.start < orgs[i].end:
            c.role = "enterprise"  # 陆良县 in 曲靖市陆良县青山客运有限责任公司: where the company is
        elif in_citation(text, c.start, c.end) or is_authority(text, c.start, c.end) or is_source(text, c.start, c.end):
            c.role = "citation"
        elif is_accident_site(text, c.start, c.end):
            c.role = "accident"
        elif is_locative(text, c.start) or in_address(text, c.start):
            c.role = "locative"
        elif is_inspected(text, c.start):
            c.role = "inspected"
        elif is_excepted(text, c.start):
            c.role = "excepted"


@dataclass(slots=True)
class PlaceFacts:
    """The places a document names, and the organisations their endings show around them."""

    mentions: list[Candidate]  # resolved, with their roles, in text order
    spans: Places  # the same, as normalized spans
    named: list[OrgName]  # enterprises and bodies found by their name endings, each with the place before it


@stage("places", step="analyse", assigns="analysis.places", requires=("meta",))
def place_facts(doc: Document) -> PlaceFacts:
    gaz = gazetteer()
    cands = find_candidates(doc.norm_text, gaz)
    issuer_keys = home_units(doc, gaz, cands)
    cands = resolve(doc.norm_text, gaz, cands, issuer_keys)
    spans = Places.from_spans({c.start: c.end for c in cands})
    named = find_organizations(doc.norm_text, spans)
    mark_guards(doc, cands, issuer_keys, named)
    return PlaceFacts(cands, spans, named)
