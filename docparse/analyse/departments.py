"""Departments (部门): government bodies named in the text, each under one canonical name.

A lexicon of body names and their aliases (简称, names from before the 2018 reform) is matched with an
Aho-Corasick automaton; the level prefix before a name (市, 县, 昆明市, 国务院, 市委) gives its level and
jurisdiction, and a prefix written once is shared by the names that follow it when the 、 between them was
lost (市公安局民政局 = 市公安局 + 市民政局). Generic subjects (各地, 各有关部门) and kinds of department
(应急管理、公安等部门) become PartyRef kind="generic".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from docparse.analyse.gazetteer import gazetteer
from docparse.matching import FirstCharScan, TermMatcher
from docparse.model import Department, Document, PartyRef
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import CJK, IntervalIndex

# What may stand between two names of one list: nothing (a lost 、), 、, or a conjunction.
LIST_GAP = re.compile(r"(?:、|和|及|与|以及|或)?")
# A body the lexicon does not know, written with a level prefix inside a list: 市滇池管理局.
UNKNOWN_BODY = FirstCharScan(re.compile(
    r"(?:(?<=[、，。；：（\n由和及与])|^)([省市州县区])([\u4e00-\u9fff]{2,8}?)(管理局|管理委员会|局|委员会|办公室|支队|大队|中心|委)"
    r"(?=[、，。；）和及与等牵负配参协依按分]|$)"
))
# What follows a body's short name inside a document number (云安委办发〔2023〕, 鲁安办函［2024］).
DOC_NUMBER_AFTER = re.compile(r"(?:发|函|字|明电|电)?[〔［\[【]\s*(?:19|20)\d\d")
KIND_LIST_MAX = 60
PLACE_REACH = 6  # characters a place name may reach before and after a generic party's start (广州市: 1 and 2)  # characters: the longest list of department kinds before 部门
# The body word that ends a department's name (公安局, 应急管理厅, 发展和改革委员会): what a department kind lacks.
BODY_WORD = re.compile(r"(?:委员会|局|厅|委)$")
UNKNOWN_BODY_STOP = set("的等各有关相级部门和与及或要对在将请经")
# The level word a canonical name starts with (市应急管理局, 市委宣传部 -> 市), longest first.
LEVEL_WORDS = ("自治区", "自治州", "地区", "省", "市", "州", "县", "区", "旗", "盟", "乡", "镇")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon name: the canonical name without prefix, and how it may be written."""

    name: str
    kind: str
    level: str | None
    needs: str  # "", "prefix", "parent", "party"
    family: str = ""  # bodies one place names in one of several ways (自然资源局, 自然资源和规划局)


@dataclass(frozen=True, slots=True)
class Prefix:
    """What stands before a name: its normalized start, level and place."""

    start: int
    text: str  # the level word as canonical names carry it: 市, 县, 国务院, 市委
    level: str | None
    jurisdiction: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A department mention in normalized coordinates, before it becomes a PartyRef."""

    start: int
    end: int
    entry: Entry
    prefix: Prefix | None

    @property
    def name(self) -> str:
        return (self.prefix.text if self.prefix else "") + self.entry.name


# --- lexicon -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicon_entries() -> dict[str, Entry]:
    return {
        row["name"]: Entry(row["name"], row["kind"], row["level"] or None, row["needs"], row["family"])
        for row in load_tsv("departments.tsv")
    }


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, Entry]:
    """Every way a lexicon body is written (full name and aliases) -> its entry."""
    entries = lexicon_entries()
    forms = dict(entries)
    for row in load_tsv("department_aliases.tsv"):
        forms.setdefault(row["alias"], entries[row["name"]])
    return forms


@lru_cache(maxsize=1)
def lexicon_matcher() -> TermMatcher[Entry]:
    """Every surface form of the department lexicon -> its entry."""
    return TermMatcher(surface_forms())


def canonical_name(name: str) -> str:
    """The canonical form of a name as written, without prefix (卫健委 -> 卫生健康委员会); unknown names unchanged."""
    entry = surface_forms().get(name)
    return entry.name if entry else name


@lru_cache(maxsize=1)
def prefix_rules() -> tuple[dict[str, str], dict[str, str], tuple[str, ...], frozenset[str]]:
    """(whole prefixes -> level, level suffixes -> level, stop words, noun-ending characters)."""
    whole: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    stops: list[str] = []
    noun_end: set[str] = set()
    for row in load_tsv("place_prefixes.tsv"):
        if row["type"] == "whole":
            whole[row["text"]] = row["level"]
        elif row["type"] == "suffix":
            suffixes[row["text"]] = row["level"]
        elif row["type"] == "stop":
            stops.append(row["text"])
        else:
            noun_end.update(row["text"])
    return whole, suffixes, tuple(sorted(stops, key=len, reverse=True)), frozenset(noun_end)


@lru_cache(maxsize=1)
def generic_patterns() -> tuple[FirstCharScan, re.Pattern[str]]:
    """(the running-text pattern, the whole-heading pattern) of generic parties."""
    rows = load_tsv("generic_parties.tsv")
    text = "|".join(f"(?:{r['pattern']})" for r in rows if r["scope"] == "text")
    plural = sorted((r["text"] for r in load_tsv("place_prefixes.tsv") if r["type"] == "plural"), key=len, reverse=True)
    names = sorted(surface_forms(), key=len, reverse=True)
    text = f"(?:{'|'.join(map(re.escape, plural))})(?:{'|'.join(map(re.escape, names))})|{text}"
    heading = "|".join(f"(?:{r['pattern']})" for r in rows)
    return FirstCharScan(re.compile(text)), re.compile(f"(?:{heading})$")


# --- prefixes ------------------------------------------------------------------------------------


def strip_stop_words(start: int, run: str) -> tuple[int, str]:
    """Drop the words before a place that are no part of it (由, 牵头, 中共) from the left of a run."""
    _, _, stops, _ = prefix_rules()
    while word := next((w for w in stops if run.startswith(w)), None):
        start, run = start + len(word), run[len(word) :]
    return start, run


def is_place_here(text: str, start: int, name: str, suffix: str, places: frozenset[str]) -> bool:
    """Whether `name` + `suffix` written at `start` is a place: known to the gazetteer, and not a stop word
    right after a noun (县应急管理局会同县委编办 is 会同 + 县委编办, though 会同县 is a county)."""
    if name + suffix not in places:
        return False
    _, _, stops, noun_end = prefix_rules()
    return not (start > 0 and text[start - 1] in noun_end and any(name.startswith(w) for w in stops))


def place_before(text: str, end: int, suffix: str) -> tuple[int, str | None]:
    """Start and text of the place name ending at `end` before a level suffix (昆明 of 昆明市), or (end, None).

    With the region gazetteer the longest known name wins. Without it only a short run of characters is
    trusted, the one after the last stop word (由, 牵头) or noun ending (机构, 局): a lost full stop must not
    make a place.
    """
    _, _, stops, noun_end = prefix_rules()
    start = end
    while start > 0 and end - start < 8 and CJK.match(text[start - 1]):
        start -= 1
    run = text[start:end]
    places = gazetteer().place_names
    if places:
        k = next((k for k in range(len(run), 1, -1) if is_place_here(text, end - k, run[-k:], suffix, places)), 0)
        return (end - k, run[-k:]) if k else (end, None)
    after_stop = [run.rfind(w) + len(w) for w in stops if w in run]
    after_noun = [i + 1 for i, ch in enumerate(run) if ch in noun_end]
    cut = max(after_stop + after_noun + [0])
    start, run = strip_stop_words(start + cut, run[cut:])
    if 2 <= len(run) <= 3:
        return start, run
    return end, None


PARTY_COMMITTEES = ("党工委", "工委", "委")  # what a party organ's level word is followed by, the longest first


def prefix_before(text: str, start: int, entry: Entry) -> Prefix | None:
    """The level or place prefix written right before a name starting at `start`, if any."""
    whole, suffixes, _, _ = prefix_rules()
    end = start
    party = "委" if entry.needs == "party" else ""  # 市委宣传部, also when written 市宣传部 or 市网信办
    shorts = gazetteer().short_names
    for k in (4, 3, 2):
        place = text[max(0, start - k) : start]
        if not party and place in shorts:
            level, name = shorts[place]
            return Prefix(start - k, place, level, name)
    if party:
        # the committee of a level (市委), or the working committee of a zone (区工委, 区党工委组织部)
        party = next((c for c in PARTY_COMMITTEES if text.endswith(c, 0, end)), party)
        end -= len(party) if text.endswith(party, 0, end) else 0
    for word, level in whole.items():
        if text.endswith(word, 0, end):
            return Prefix(end - len(word), word + party, level, word if level == "province" else None)
    for suffix, level in sorted(suffixes.items(), key=lambda kv: -len(kv[0])):
        if text.endswith(suffix, 0, end):
            place_start, place = place_before(text, end - len(suffix), suffix)
            jurisdiction = place + suffix if place else None
            return Prefix(place_start, suffix + party, level, jurisdiction)
    return None


# --- mentions ------------------------------------------------------------------------------------


def lexicon_hits(text: str) -> list[tuple[int, int, Entry]]:
    """Leftmost-longest lexicon matches (start, end, entry) in normalized text."""
    hits = []
    for start, end, entry in lexicon_matcher().longest(text):
        if text[end - 1] == "部" and text.startswith("门", end):
            continue  # 应急管理部门 names a kind of department, not the ministry
        if DOC_NUMBER_AFTER.match(text, end):
            continue  # 银安办发〔2024〕3号: the issuer's code in a document number, no mention of a body
        hits.append((start, end, entry))
    return hits


def unknown_hits(text: str, known: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Bodies outside the lexicon written as 市X局 inside a list of known ones."""
    taken = IntervalIndex((s, e) for s, e, _ in known)
    hits = []
    for m in UNKNOWN_BODY.finditer(text):
        if any(ch in UNKNOWN_BODY_STOP for ch in m.group(2)):
            continue
        if taken.overlaps(m.start(), m.end()):
            continue
        if taken.near(m.start(), m.end(), 2):
            hits.append((m.start(2), m.end(), Entry(m.group(2) + m.group(3), "department", None, "")))
    return hits


GOVERNMENT = "人民政府"
GOVERNMENT_ORGANS = ("department", "committee")


def is_government_organ(before: tuple[int, int, Entry], start: int, entry: Entry) -> bool:
    """Whether a body written straight after a government, with no level word of its own, is that government's
    organ (省政府安委会办公室, 省政府应急办, 省政府国资委): one mention of the organ, not the government and a
    body of the list it would open. A people's organization (镇政府工会) is no organ of a government."""
    _, end, government = before
    return (
        end == start and government.name == GOVERNMENT and entry.kind in GOVERNMENT_ORGANS and entry.level != "central"
    )


def join_units(text: str, hits: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """A unit written right after its parent body becomes one name (市公安局治安支队); a lone unit stays only
    after a township's level word (镇派出所: the 乡镇 station of its county's body), else it is dropped."""
    _, suffixes, _, _ = prefix_rules()
    township = tuple(w for w, level in suffixes.items() if level == "township")
    joined: list[tuple[int, int, Entry]] = []
    for start, end, entry in hits:
        if joined and is_government_organ(joined[-1], start, entry):
            joined.append((joined.pop()[0], end, entry))  # the organ's own name, its level that of the government
            continue
        if entry.needs == "parent":
            if joined and joined[-1][1] == start and joined[-1][2].kind != "unit":
                p_start, _, parent = joined.pop()
                joined.append((p_start, end, Entry(parent.name + entry.name, parent.kind, entry.level, parent.needs)))
            elif text.endswith(township, 0, start):
                joined.append((start, end, Entry(entry.name, "department", "township", "prefix")))
            continue
        joined.append((start, end, entry))
    return joined


def with_prefixes(text: str, hits: list[tuple[int, int, Entry]]) -> list[Mention]:
    """Mentions with their own prefix, or the prefix of the list they continue (市公安局民政局)."""
    mentions: list[Mention] = []
    for start, end, entry in hits:
        prefix = prefix_before(text, start, entry)
        # a list's level word carries on to the next name (市公安局民政局), never to a central body's
        if prefix is None and entry.level != "central" and mentions and mentions[-1].prefix is not None:
            prev = mentions[-1]
            if entry.needs != "party" and LIST_GAP.fullmatch(text, prev.end, start):
                prefix = replace(prev.prefix, start=start)
        if prefix is None and entry.needs in ("prefix", "party"):
            continue
        mentions.append(Mention(prefix.start if prefix else start, end, entry, prefix))
    return mentions


@lru_cache(maxsize=1)
def department_kinds() -> dict[str, str]:
    """The kind words of government departments (应急管理, 公安, 住房城乡建设) -> the canonical kind word.

    Derived from the lexicon: a department's name as written without its body word (局, 厅, 委员会).
    """
    kinds: dict[str, str] = {}
    for surface, entry in surface_forms().items():
        if entry.kind != "department" or entry.needs:
            continue
        stem, canon = BODY_WORD.sub("", surface), BODY_WORD.sub("", entry.name)
        if len(stem) >= 2 and stem != surface and canon != entry.name and "局" not in canon:
            kinds.setdefault(stem, canon)
    return kinds


# A member of a kind list that the lexicon does not know (民防, 卫生 of 市商务、…、卫生、教育、民防、住房城乡建设、安全
# 监管等部门): a short word with none of the words that end or qualify a name.
UNKNOWN_KIND = "(?:(?![的等各有关相级部门和与及或要对在将请经])[\u4e00-\u9fff]){2,4}"


@lru_cache(maxsize=1)
def kind_list_pattern() -> re.Pattern[str]:
    """A list of department kinds ending where 部门 follows (应急管理、公安、交通运输等 before 部门). Inside the list,
    between 、, a member the lexicon does not know is a kind like its neighbours; the first and the last must be
    known, so that the words before a list (加强与公安等部门) are never taken for one of its members."""
    words = "|".join(map(re.escape, sorted(department_kinds(), key=len, reverse=True)))
    return re.compile(
        f"(?:{words})(?:(?:、|和|及|与)\\s*(?:{words})|、\\s*{UNKNOWN_KIND}(?=、))*(?=(?:等|和)?(?:有关|相关)?$)"
    )




def kind_list_refs(doc: Document) -> list[tuple[int, int, PartyRef]]:
    """(start, end, ref) of each department kind in a kind list (公安、交通运输等部门 -> 公安部门, 交通运输部门).

    Lists are looked for only before each 部门, in a window as long as a list can be."""
    kinds = department_kinds()
    words = sorted(kinds, key=len, reverse=True)
    text = doc.norm_text
    found: list[tuple[int, int, PartyRef]] = []
    pos = text.find("部门")
    while pos >= 0:
        window = max(0, pos - KIND_LIST_MAX, found[-1][1] if found else 0)
        m = kind_list_pattern().search(text, window, pos)
        at = m.start() if m else pos
        level = bool(m) and level_word_before(text, at)
        while m and at < m.end():
            # a known kind that only begins a member (公安 of 公安交警) is not that member
            word = next((w for w in words if text.startswith(w, at) and member_ends(text, at + len(w), m.end())), None)
            if word is None and (unknown := unknown_kind_at(text, at, m.end())):
                word = kind = unknown
            elif word is None:
                at += 1
                continue
            else:
                kind = kinds[word]
            begin = at - 1 if level and at == m.start() else at  # 市商务、旅游…等部门: the city's departments
            span = doc.source_span(begin, at + len(word))
            found.append((begin, at + len(word), PartyRef(kind + "部门", doc.text_of(span), span, kind="generic")))
            at += len(word)
        pos = text.find("部门", pos + 2)
    return found


UNKNOWN_KIND_MEMBER = re.compile(UNKNOWN_KIND + "(?=、)")


KIND_SEPARATOR = re.compile(r"\s*(?:、|和|及|与)")


def member_ends(text: str, at: int, end: int) -> bool:
    """Whether a member of a kind list ending at `end` may end at `at`: the list's end, or a separator."""
    return at == end or KIND_SEPARATOR.match(text, at, end) is not None


def unknown_kind_at(text: str, at: int, end: int) -> str | None:
    """The member of a kind list at `at` (before `end`) that the lexicon does not know: a short word between
    two 、 (…、卫生、…), the blanks of a web page allowed after the first."""
    before = at - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if before < 0 or text[before] != "、":
        return None
    m = UNKNOWN_KIND_MEMBER.match(text, at, end)
    return m.group() if m else None


LIST_LEVEL_WORDS = "省市州县区"


def level_word_before(text: str, start: int) -> bool:
    """Whether a level word written alone before `start` opens the list there (。市商务、旅游…等部门要…): the level
    word stands after a stop or at the start, not inside a word (城市, 各县区)."""
    return start >= 1 and text[start - 1] in LIST_LEVEL_WORDS and (start < 2 or not CJK.match(text[start - 2]))


def names_a_body(ref: PartyRef) -> bool:
    """Whether a party names who acts: a department, or a kind of department (公安部门), not 各地 or 有关单位."""
    return ref.kind != "generic" or ref.name.removesuffix("部门") in department_kind_names()


@lru_cache(maxsize=1)
def department_kind_names() -> frozenset[str]:
    return frozenset(department_kinds().values())


@stage("parties", step="analyse", assigns="analysis.generic_parties", requires=("meta",))
def generic_refs(doc: Document) -> list[PartyRef]:
    """Generic subjects (各地, 各有关部门, 企业主要负责人), department kinds (公安、交通运输等部门) and the
    addressee called by a pronoun (你区, 你区安委会) in the normalized text."""
    text_pattern, _ = generic_patterns()
    kind_refs = kind_list_refs(doc) + addressee_refs(doc)
    taken = [(start, end) for start, end, _ in kind_refs]
    refs = [ref for _, _, ref in kind_refs]
    found: list[tuple[int, int]] = []
    for m in text_pattern.finditer(doc.norm_text):
        if any(s < m.end() and m.start() < e for s, e in taken) or inside_place_name(doc.norm_text, m.start()):
            continue
        end = qualified_body_end(doc.norm_text, m.end())  # 各县（市）区 + 教育体育局: every county's bureau
        end = shared_quantifier_end(doc.norm_text, m.start(), end)
        end = committee_office_end(doc.norm_text, end)
        start = level_start(doc.norm_text, m.start())
        if found and found[-1][1] == start:  # 各地各部门各单位, 各级各部门: written as one, one party
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    for start, end in found:
        span = doc.source_span(start, end)
        refs.append(PartyRef(BLANKS.sub("", doc.norm_text[start:end]), doc.text_of(span), span, kind="generic"))
    return sorted(refs, key=lambda r: r.span.start)


# Bare kinds of party listed after a generic one, which share its quantifier: 区有关部门、单位; 各相关单位、部门、村、企业;
# 各部门、村（社区）
SHARED_KIND = "部门|单位|村|社区|企业|学校"
SHARED_KINDS = re.compile(rf"(?:[、和](?:{SHARED_KIND})(?:（[\u4e00-\u9fff]{{1,4}}）)?)+")  # 各部门、村（社区）
ENDS_IN_KIND = re.compile(rf"(?:{SHARED_KIND})$")


def shared_quantifier_end(text: str, start: int, end: int) -> int:
    """Where a generic party ending at `end` ends with the bare kinds listed after it (区有关部门、单位: the
    departments and the units concerned, one party), when it ends in a kind itself (not 各地、企业)."""
    if not ENDS_IN_KIND.search(text, start, end):
        return end
    more = SHARED_KINDS.match(text, end)
    return more.end() if more else end


def inside_place_name(text: str, at: int) -> bool:
    """Whether a place name the gazetteer knows begins before `at` and goes on past the character there: the 州市 of
    广州市应急管理局 is the end of 广州市, not the plural 州市 ("every prefecture and city"). A party may start
    with the level word that ends a place (the 市直有关部门 of 广州市直有关部门)."""
    places = gazetteer().place_names
    return any(
        text[at - k : end] in places
        for k in range(1, PLACE_REACH)
        for end in range(at + 2, min(len(text), at + PLACE_REACH) + 1)
    )


@lru_cache(maxsize=1)
def addressee_pattern() -> re.Pattern[str]:
    """你 + a level suffix (你市, 你区): how a letter to one body calls that body (addressee_words.tsv)."""
    rows = load_tsv("addressee_words.tsv")
    pronouns = "|".join(re.escape(r["text"]) for r in rows if r["type"] == "pronoun")
    levels = "|".join(re.escape(r["text"]) for r in sorted(rows, key=lambda r: -len(r["text"])) if r["type"] == "level")
    return re.compile(f"(?:{pronouns})({levels})")


def addressee_refs(doc: Document) -> list[tuple[int, int, PartyRef]]:
    """(start, end, ref) of every body the document calls by a pronoun: 你区 is the one body it is addressed to
    (龙文区人民政府), 你区安委会 that place's body (龙文区安全生产委员会). Without a single recipient whose name
    holds the level word, the name stays as written and the party is generic: who it is cannot be told."""
    text = doc.norm_text
    recipients = [f.value for f in doc.meta.recipients if f.value]
    refs = []
    for m in addressee_pattern().finditer(text):
        body = body_name_at(text, m.end())
        end = m.end() + body
        written = text[m.start() : end]
        place = addressee_place(recipients, m.group(1))
        span = doc.source_span(m.start(), end)
        if place is None:
            refs.append((m.start(), end, PartyRef(written, doc.text_of(span), span, kind="generic")))
            continue
        name = place + canonical_name(text[m.end() : end]) if body else recipients[0]
        refs.append((m.start(), end, PartyRef(name, doc.text_of(span), span)))
    return refs


def addressee_place(recipients: list[str], level: str) -> str | None:
    """The place of the one recipient a pronoun with `level` (区 of 你区) stands for: 龙文区 of 龙文区人民政府;
    None when there are several recipients or none, or the recipient's name has no such place."""
    if len(recipients) != 1 or recipients[0].startswith("各"):
        return None
    at = recipients[0].find(level)
    return recipients[0][: at + len(level)] if at > 0 else None


# What may stand between the places of a generic party and the body they all have: the zones listed with them
# (各县（市）区、开发区安委会), a bracketed qualifier (各区县（自治县）人民政府, 各开发区（新区）管委会) and a blank a web
# page left (各县区（开发区） 安委会).
BLANKS = re.compile(r"[ \u3000]")
# The other word a body is called by in some places, written after its name: 应急管理厅（局）.
BODY_VARIANT = re.compile(r"(?:（[局厅委办]）)?")
PLACE_QUALIFIER = re.compile(r"(?:、(?:经济)?(?:开发区|园区|高新区|新区|景区))?(?:（[\u4e00-\u9fff、]{1,6}）)?[ \u3000]?")


# The level of every body a generic party names, written before its 各 (市级各专委会办公室, 市级各安全生产专业委员会).
LEVEL_BEFORE_EACH = re.compile(r"[省市州县区]级$")
COMMITTEE_OFFICE = re.compile(r"(?<=委会|员会)办公室")


def level_start(text: str, start: int) -> int:
    """Where a generic party starting with 各 at `start` starts with the level word before it (市级各专委会: the
    city's committees, not every committee)."""
    if not text.startswith("各", start):
        return start
    return start - 2 if LEVEL_BEFORE_EACH.search(text, max(0, start - 2), start) else start


def committee_office_end(text: str, end: int) -> int:
    """Where a generic party ending with a committee at `end` ends with that committee's office (各专委会办公室):
    the office, not the committee, is the party."""
    office = COMMITTEE_OFFICE.match(text, end)
    return office.end() if office else end


def qualified_body_end(text: str, end: int) -> int:
    """Where a generic party ending at `end` ends with the body name written after it (各县（市）区 + 教育体育局,
    各区县（自治县） + 人民政府); `end` when no body name follows."""
    after = PLACE_QUALIFIER.match(text, end).end()
    body = body_name_at(text, after)
    if not body:
        return end
    return BODY_VARIANT.match(text, after + body).end()


def body_name_at(text: str, start: int) -> int:
    """Length of the longest department name (full or alias) written at `start`, or 0."""
    forms = surface_forms()
    return next((k for k in range(longest_surface(), 1, -1) if text[start : start + k] in forms), 0)


@lru_cache(maxsize=1)
def longest_surface() -> int:
    return max(map(len, surface_forms()))


def is_generic_heading(heading: str) -> bool:
    """Whether a whole section heading names a generic party (1.企业, 2.党委政府和部门)."""
    return generic_patterns()[1].match(heading.strip("。：；，")) is not None


def department_mentions(doc: Document) -> list[Mention]:
    """All department mentions in the document; names inside a generic phrase (各级安委会) are left out."""
    text = doc.norm_text
    covered = IntervalIndex((doc.norm_index(g.span.start), doc.norm_index(g.span.end)) for g in doc.analysis.generic_parties)
    hits = lexicon_hits(text)
    hits = sorted(hits + unknown_hits(text, hits), key=lambda h: h[0])
    hits = [h for h in join_units(text, hits) if not covered.containing(h[0]) and not covered.containing(h[1] - 1)]
    return with_abbreviations(text, with_prefixes(text, hits))


# 深圳市公安局龙岗分局（以下简称“龙岗公安分局”）, 表中深圳市公安局龙岗分局简称龙岗公安分局
ABBREVIATION = FirstCharScan(
    re.compile(r"[（(]?(?:以下)?简称(?:为)?[“\"「]?(?P<short>[\u4e00-\u9fff]{2,14}?)[”\"」]?(?=[）)，。；、]|$)")
)
FULL_NAME_BREAK = "，。；：、\n（()）”」和及与"


def with_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the short names a document defines for a body (…（以下简称“龙岗公安分局”）), each as the body
    written in full before the definition: its whole name, where the lexicon knew only its start."""
    for m in ABBREVIATION.finditer(text):
        end = m.start()
        start = end
        while start > 0 and text[start - 1] not in FULL_NAME_BREAK and end - start < 30:
            start -= 1
        inside = [x for x in mentions if start <= x.start and x.end <= end]
        if not inside:
            continue
        head = inside[0]
        whole_start = head.prefix.start if head.prefix else head.start
        tail = text[head.end : end]
        if not tail.strip() or not all(CJK.match(ch) for ch in tail):
            entry, prefix = head.entry, head.prefix
        else:  # 深圳市公安局 + 龙岗分局: the body inside the one the lexicon knows
            entry = Entry(head.entry.name + tail, head.entry.kind, head.entry.level, "")
            prefix = head.prefix
        full = Mention(whole_start, end, entry, prefix)
        short = m.group("short")
        uses = [(i.start(), i.end()) for i in re.finditer(re.escape(short), text)]
        kept = [x for x in mentions if not (start <= x.start and x.end <= end) and not any(s < x.end and x.start < e for s, e in uses)]
        aliased = [Mention(s, e, entry, replace(prefix, start=s) if prefix else None) for s, e in uses]
        mentions = sorted(kept + [full] + aliased, key=lambda x: x.start)
    return mentions


# --- departments ---------------------------------------------------------------------------------


def level_word(prefix: Prefix) -> str:
    """The level word of a prefix without the 委 of party organs (市委 -> 市)."""
    return prefix.text.removesuffix("委")


def home_jurisdictions(mentions: list[Mention]) -> dict[str, str]:
    """Level word -> the one place the document gives it (市 -> 昆明市 when 昆明市安委会 is the issuer)."""
    places: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.prefix and m.prefix.jurisdiction and m.prefix.jurisdiction != m.prefix.text:
            places[level_word(m.prefix)].add(m.prefix.jurisdiction)
    return {level: next(iter(ps)) for level, ps in places.items() if len(ps) == 1}


def bare_name_owners(mentions: list[Mention]) -> dict[str, str]:
    """Name without prefix -> the one prefixed name the document uses for it (应急局 -> 市应急管理局)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.prefix:
            owners[m.entry.name].add(m.name)
    return {base: next(iter(names)) for base, names in owners.items() if len(names) == 1}


def written_in_full(text: str, m: Mention) -> bool:
    """Whether a mention is written with the lexicon's full name (市自然资源和规划局, not 市自规局 or 市国土资源局)."""
    return text.endswith(m.entry.name, 0, m.end)


def family_owners(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Name reached through an alias -> the one body of its family that the document writes in full, at the
    same level (市国土资源局 -> 市自然资源和规划局 where the city has one; 市文旅局 -> 市文化旅游广电体育局)."""
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        if m.prefix and m.entry.family and written_in_full(text, m):
            full[(m.prefix.text, m.entry.family)].add(m.name)
    owners: dict[str, str] = {}
    for m in mentions:
        if not (m.prefix and m.entry.family) or written_in_full(text, m):
            continue
        names = full.get((m.prefix.text, m.entry.family), set())
        if len(names) == 1 and m.name not in names:
            owners[m.name] = next(iter(names))
    return owners


def party_kind(entry: Entry) -> str:
    return "committee" if entry.kind == "committee" else "department"


def mention_level(m: Mention) -> str | None:
    return m.prefix.level if m.prefix and m.prefix.level else m.entry.level


@stage("departments", step="analyse", assigns="extraction.departments", requires=("analysis.generic_parties",))
def departments(doc: Document) -> list[Department]:
    """Departments named in the document, in order of first mention, each with its mentions."""
    mentions = department_mentions(doc)
    homes = home_jurisdictions(mentions)
    owners = bare_name_owners(mentions)
    families = family_owners(doc.norm_text, mentions)
    found: dict[str, Department] = {}
    for m in mentions:
        name = m.name if m.prefix else owners.get(m.entry.name, m.name)
        name = families.get(name, name)
        span = doc.source_span(m.start, m.end)
        ref = PartyRef(name, doc.text_of(span), span, kind=party_kind(m.entry))
        if name not in found:
            jurisdiction = m.prefix.jurisdiction if m.prefix else None
            if m.prefix and jurisdiction is None:
                jurisdiction = homes.get(level_word(m.prefix))
            level = mention_level(m)
            if not m.prefix and name != m.name:  # took the prefixed name of the same body
                level = next((mention_level(o) for o in mentions if o.name == name), level)
            found[name] = Department(name, level, jurisdiction, m.entry.kind, [], full_name(name, level, jurisdiction))
        found[name].mentions.append(ref)
    return list(found.values())


def full_name(name: str, level: str | None, jurisdiction: str | None) -> str:
    """The name with its place in place of the level word (市应急管理局 of 昆明市 -> 昆明市应急管理局,
    市委宣传部 -> 昆明市委宣传部), so bodies of different places never share a name."""
    if level == "central" or not jurisdiction or name.startswith(jurisdiction):
        return name
    word = next((w for w in LEVEL_WORDS if name.startswith(w) and len(name) - len(w) >= 2), None)
    return jurisdiction + name[len(word) :] if word else name


# the kinds of role cue written before the list they give a role (由, 会同; told: 要求, 责成, 通知)
BEFORE_LIST = ("before", "told")


@dataclass(frozen=True, slots=True)
class RoleCue:
    """A word that gives the parties next to it a role (牵头, 配合, 负责), and where it stands."""

    role: str
    where: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def role_cues() -> tuple[RoleCue, ...]:
    """Role cues, the longest first; each `after` cue may follow the filler words (等部门, 依职责)."""
    rows = load_tsv("role_cues.tsv")
    filler = "|".join(r["cue"] for r in rows if r["role"] == "filler")
    cues = []
    for r in sorted((r for r in rows if r["role"] != "filler"), key=lambda r: -len(r["cue"])):
        if r["where"] in ("after", "subject"):
            pattern = re.compile(f"(?:{filler})*(?:{r['cue']})")
        elif r["where"] in BEFORE_LIST:
            pattern = re.compile(f"(?:{r['cue']})$")
        else:
            pattern = re.compile(r["cue"])
        cues.append(RoleCue(r["role"], r["where"], pattern))
    return tuple(cues)
