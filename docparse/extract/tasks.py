"""Tasks (任务): what a plan assigns, to whom (lead 牵头 / support 配合), in which sector, phase and by when.

Task units are the leaf items of the task, measure and phase parts of the outline (and the paragraphs of a
document without one), split where a later sentence makes its own assignment (由市公安局负责…), plus the
sector assignments written in brackets (水利（市水务局负责）) and the rows of task tables: tables the reader
found (DOCX/PDF) and tables written as text lines (cells apart by tabs or runs of spaces).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from docparse.analyse.departments import (
    BEFORE_LIST,
    LIST_GAP,
    UNKNOWN_BODY_STOP,
    RoleCue,
    body_name_at,
    is_generic_heading,
    names_a_body,
    role_cues,
    strip_stop_words,
    surface_forms,
)
from docparse.analyse.tables import column_kind
from docparse.matching import TermMatcher
from docparse.model import (
    Deadline,
    Document,
    PartyRef,
    Section,
    Span,
    Table,
    Task,
)
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.textspans import CJK, IntervalIndex, SpanLookup, list_members

TASK_ROLES = ("tasks", "measures", "phases")
ASSIGNMENT_ONLY_ROLES = ("organization",)  # a leaf here is a task only if it names who does it
CLAUSE_START = set("。；：，！？\n）")
SENTENCE_START = set("。；！？\n")
BRACKETED = re.compile(r"（([^（）\n]{2,80})）")
TOPIC_END = re.compile(r"[由。，；：（]")
TOPIC_MAX = 16  # a topic is a few words (城镇燃气和自建房); a longer heading is a sentence, not a topic
# A list of items is a list of sectors when this many of its items, and this share, name a known sector.
SECTOR_LIST_MIN = 3
SECTOR_LIST_SHARE = 0.75
NOT_SECTOR_LIST_STYLES = ("article", "chapter")  # the articles of a rule are no list of sectors
PROVISION_STYLES = ("article",)
TOPIC_PART_SEP = set("、和及与，,/ ")  # between the sectors of one topic: 城镇燃气和自建房
SECTOR_LOOKBACK = 3000  # characters before a task searched for its sector's name (a merged table cell above)
PHASE_DATE = re.compile(r"（[^（）]*）$")
PHASE_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+阶段[：，、]?(?=.)")
LEAD_COLUMN = re.compile(r"牵头|主责")  # a lead column as opposed to one of responsible units (责任单位)
# A unit marked as the lead inside a list of responsible units: 市住建局（牵头）.
LEAD_MARK = re.compile(r"（(?:牵头|牵头单位|主责|主责单位|总牵头)）")
FIELD_END = re.compile(r"[；。\n）]")
OUTLINE_MARKER = re.compile(r"[一二三四五六七八九十\d]{1,3}")  # the inside of （三）, （12）
# a quoted campaign inside (省“打非”协调领导小组), a bracketed word (政法（应急）办), a blank of justified type (农 办)
UNIT_NAME = re.compile(r"(?:[\u4e00-\u9fff]|“[\u4e00-\u9fff]{1,10}”|（[\u4e00-\u9fff]{1,6}）| (?=[\u4e00-\u9fff])){2,14}")
TRAILING_ALIAS = re.compile(r"（[\u4e00-\u9fff]{1,6}）$")
MIN_UNIT_CORE = 2  # characters before a unit word: 宣教办, not 本站
PLACE_WORDS = "省市州县区镇乡"  # the level word a local body's name opens with (区应急管理局)
# A run of names and 、 that opens a sentence (after 。；！？, a line break or a colon): a possible subject list.
# An article number before the run (第七条事故发生单位应当…) is no part of it.
SUBJECT_RUN = re.compile(
    r"(?:^|(?<=[。；！？\n：]))\s*(?:第[一二三四五六七八九十百零〇\d]{1,4}条\s*)?([\u4e00-\u9fff、“”（）]{2,80})", re.MULTILINE
)
LIST_COMMA = re.compile(r"[，,]")  # one list written on over a comma: 国土资源厅，云南煤监局按照职责分工负责
# Between two parties of one list: a body the lexicon does not know (、株洲海事处、), with a separator each side.
UNKNOWN_MEMBER_GAP = re.compile(r"[、和及与][\u4e00-\u9fff]{1,14}(?:局|厅|委|办|队|处|站|所|中心|院|会)[、和及与]")
BLANKS = re.compile(r"\s*")


@dataclass(frozen=True, slots=True)
class Ref:
    """A party at normalized offsets [start, end)."""

    start: int
    end: int
    ref: PartyRef


# --- data ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def role_words() -> re.Pattern[str]:
    """Any role cue or filler word, or a list separator: what may stand in brackets beside the parties."""
    rows = load_tsv("role_cues.tsv")
    words = [r["cue"] for r in rows if r["where"] == "after"]
    return re.compile("|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True)) + "|[、和及与]")


@lru_cache(maxsize=1)
def sector_matcher() -> TermMatcher[tuple[str, str]]:
    """Every sector term of sectors.tsv -> (term, canonical sector)."""
    return TermMatcher({row["term"]: (row["term"], row["sector"]) for row in load_tsv("sectors.tsv")})


@lru_cache(maxsize=1)
def lexicon_sectors() -> frozenset[str]:
    """The canonical sectors of sectors.tsv."""
    return frozenset(row["sector"] for row in load_tsv("sectors.tsv"))


def sectors_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sector) of every sector term in `text`, leftmost-longest."""
    return [(start, end, sector) for start, end, (_, sector) in sector_matcher().longest(text)]


def sector_of(text: str) -> str | None:
    """The sectors a topic names, in order, joined by 、 (水上交通和渔业船舶 -> 水上交通、渔业船舶)."""
    names = list(dict.fromkeys(sector for _, _, sector in sectors_in(text)))
    return "、".join(names) or None


# --- parties and roles ---------------------------------------------------------------------------


def party_refs(doc: Document) -> list[Ref]:
    """Department mentions (from the departments stage) and generic subjects, in text order."""
    refs = [
        Ref(doc.norm_index(m.span.start), doc.norm_index(m.span.end), m)
        for dept in doc.extraction.departments
        for m in dept.mentions
    ]
    refs += [Ref(doc.norm_index(g.span.start), doc.norm_index(g.span.end), g) for g in doc.analysis.generic_parties]
    return sorted(refs, key=lambda r: r.start)


@lru_cache(maxsize=1)
def unit_endings() -> tuple[tuple[str, str], ...]:
    """(ending, party kind) of unit names the lexicon does not know (unit_endings.tsv), the longest first."""
    rows = load_tsv("unit_endings.tsv")
    return tuple(sorted(((r["ending"], r["kind"]) for r in rows), key=lambda e: -len(e[0])))


OPENING_ONLY_STOPS = frozenset("经")  # 经市政府同意 opens with it; inside a name it is a word's (工业资产经营公司, 经信局)
INSIDE_STOPS = frozenset(UNKNOWN_BODY_STOP) - OPENING_ONLY_STOPS


def has_stop_word(name: str) -> bool:
    """Whether a would-be unit name holds a word that no such name holds (的, 等, 要, 和), or opens with one that
    only opens a phrase (经)."""
    return name[:1] in OPENING_ONLY_STOPS or any(ch in INSIDE_STOPS for ch in name)


def unknown_unit(doc: Document, start: int, end: int, taken: IntervalIndex) -> Ref | None:
    """The list member written at [start, end) as a party of its own when the lexicon does not know it: a
    whole name of a few characters ending in a unit word (宣教办, 涵东派出所, 中国人寿望江公司), touching no
    known party. A bare unit word with one character before it (本站, 全局) names nobody."""
    name = doc.norm_text[start:end]
    if not UNIT_NAME.fullmatch(name) or taken.overlaps(start, end) or has_stop_word(name):
        return None
    if strip_stop_words(start, name)[0] != start:  # 由街道办事处…, 督促…: words before a name, no name
        return None
    name = name.replace(" ", "")
    bare = TRAILING_ALIAS.sub("", name)  # 人事处（宣教办）: the unit word ends the name before its other name
    ending = next(((e, kind) for e, kind in unit_endings() if bare.endswith(e)), None)
    if ending is None or len(bare) - len(ending[0]) < MIN_UNIT_CORE:
        return None
    span = doc.source_span(start, end)
    return Ref(start, end, PartyRef(name, doc.text_of(span), span, kind=ending[1]))


def trimmed_members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The [start, end) of each member of a 、-list in text[start:end], blanks trimmed, empty ones left out."""
    out = []
    for a, b in list_members(text, start, end):
        body = text[a:b]
        lead = len(body) - len(body.lstrip())
        if body.strip():
            out.append((a + lead, a + lead + len(body.strip())))
    return out


def field_units(doc: Document, taken: IntervalIndex) -> list[Ref]:
    """Unknown units listed in role fields (参加单位：县安监局、…、港航管理处、中国人寿望江公司)."""
    text = doc.norm_text
    found = []
    for cue in role_cues():
        if cue.where != "label":
            continue
        for m in cue.pattern.finditer(text):
            stop = FIELD_END.search(text, m.end())
            while stop and closes_inner_bracket(text, m.end(), stop.start()):  # 政法（应急）办: the field goes on
                stop = FIELD_END.search(text, stop.end())
            for a, b in trimmed_members(text, m.end(), stop.start() if stop else len(text)):
                cut = b == len(text.rstrip())  # the excerpt ends inside the field: （责任单位：区应急
                unit = cut_unit(doc, a, b, taken) if cut else unknown_unit(doc, a, b, taken)
                if unit:
                    found.append(unit)
    return found


# The level a place word before a name implies, where it decides between bodies (省应急 -> 应急管理厅).
LEVEL_OF_PLACE_WORD = {"省": "province", "镇": "township", "乡": "township"}


def cut_unit(doc: Document, start: int, end: int, taken: IntervalIndex) -> Ref | None:
    """The body a name cut off by the end of an excerpt begins (区应急 of …（责任单位：区应急): a place word and
    the start of the names of exactly one body of the lexicon at that level."""
    name = doc.norm_text[start:end]
    place, stem = name[:1], name[1:]
    if taken.overlaps(start, end) or len(stem) < 2 or not UNIT_NAME.fullmatch(name) or place not in PLACE_WORDS:
        return None
    level = LEVEL_OF_PLACE_WORD.get(place)
    bodies = {e.name for form, e in surface_forms().items() if form.startswith(stem) and e.kind == "department" and e.level == level}
    if len(bodies) != 1:
        return None
    span = doc.source_span(start, end)
    return Ref(start, end, PartyRef(place + bodies.pop(), doc.text_of(span), span))


def subject_units(doc: Document, refs: list[Ref], taken: IntervalIndex) -> list[Ref]:
    """Unknown units in a list that opens a sentence as its subject, every member a party (known, or a unit
    name) and the last followed by a subject or lead word: 街道宣教办、文体站、涵东派出所、消防大队等部门要…"""
    known = {(r.start, r.end) for r in refs}
    return [
        unit
        for m in SUBJECT_RUN.finditer(doc.norm_text)
        for unit in listed_units(doc, m.start(1), m.end(1), known, taken, requires_here)
    ]


# After 由, a run of names and 、 (brackets inside a name: 人事处（宣教办）): the list the sentence charges.
CHARGED_RUN = re.compile(r"由([\u4e00-\u9fff、“”（）]{2,80})")


def charged_units(doc: Document, refs: list[Ref], taken: IntervalIndex) -> list[Ref]:
    """Unknown units in a list after 由 that a role word closes (由煤监一处牵头负责; 由宣教办和教育中心负责;
    由协调处、宣教办配合…): the frame charges whom it names, as a subject list does, whether to lead or to
    support. A list that makes up something (由…人员组成) has no role word after its last member."""
    known = {(r.start, r.end) for r in refs}
    return [
        unit
        for m in CHARGED_RUN.finditer(doc.norm_text)
        for unit in listed_units(doc, m.start(1), m.end(1), known, taken, role_word_here)
    ]


def role_word_here(text: str, pos: int) -> bool:
    """Whether a lead or support word (牵头, 负责, 配合) follows `pos`, right after it or after filler words
    (分别负责, 等部门配合)."""
    if any_after_cue().match(text, pos) is None:
        return False
    roles = [c for c in after_cues() if c.role != "filler"]
    fillers = [c for c in after_cues() if c.role == "filler"]
    starts = [pos] + [m.end() for c in fillers if (m := c.pattern.match(text, pos)) and m.end() > pos]
    return any(c.pattern.match(text, at) for at in starts for c in roles)


def listed_units(
    doc: Document, pos: int, run_end: int, known: set[tuple[int, int]], taken: IntervalIndex,
    closes: Callable[[str, int], bool],
) -> list[Ref]:
    """Unknown units of the list written from `pos` in a run ending at `run_end`: every member a party (known,
    or a unit name), the last one cut where `closes` says a subject or role word follows it; none when a
    member names no party or no member is so followed."""
    text = doc.norm_text
    units: list[Ref | None] = []
    while pos < run_end:
        sep = member_end(text, pos, run_end, known)
        last = subject_tail(doc, (pos, sep), known, taken, closes)
        if last is not None:
            return [u for u in [*units, last] if isinstance(u, Ref)]
        unit = unknown_unit(doc, pos, sep, taken)
        if unit is None and (pos, sep) not in known:
            return []  # a member that names no party: no list of parties
        units.append(unit)
        pos = sep + 1
    return []


# Between two parties of one list, the members the lexicon does not know: 、卫生厅、 / 、煤炭生产安全管理局、
MEMBER_GAP = re.compile(r"[、和及与]([\u4e00-\u9fff、]{2,40})[、和及与]")


def member_units(doc: Document, refs: list[Ref], taken: IntervalIndex) -> list[Ref]:
    """Unknown units written between two known parties of one list (省发改委、财政厅、卫生厅、交通运输厅), when
    every member between them is a unit name: a list of bodies goes on through the ones the lexicon lacks."""
    text = doc.norm_text
    found = []
    for prev, ref in pairwise(refs):
        gap = MEMBER_GAP.fullmatch(text, prev.end, ref.start)
        if gap is None:
            continue
        units = [unknown_unit(doc, a, b, taken) for a, b in trimmed_members(text, gap.start(1), gap.end(1))]
        if units and all(units):
            found += units
    return found


# The quantifier that opens the name of a class of parties (各部门, 各店铺): each member so written in one list
# with a generic party names a class of parties of its own, however the lexicon lacks its noun (各主力店).
QUANTIFIER = "各"
QUANTIFIED_SEPARATOR = re.compile(r"[、和及与]|[，,](?=各)")  # 各部门、各主力店，各店铺要: a comma before the next 各
QUANTIFIED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,6}")
PERSON_END = "人"  # 各店铺负责人要…: the list names the units' heads, persons, not the units
MEMBER_STOP = re.compile(r"[、和及与，,：:。；\s]")


def quantified_units(doc: Document, refs: list[Ref], taken: IntervalIndex) -> list[Ref]:
    """Members written with 各 in a list beside a generic party that opens with 各 (各部门、各主力店、各店铺要…;
    各店铺、各部门要…), each ended by a separator or by a subject or role word: the list names classes of
    parties, and a member the lexicon does not know is one like the others."""
    text = doc.norm_text
    found: list[Ref] = []
    for ref in refs:
        if ref.ref.kind != "generic" or not text.startswith(QUANTIFIER, ref.start):
            continue
        pos, chain = ref.end, []
        while (sep := QUANTIFIED_SEPARATOR.match(text, pos)) and text.startswith(QUANTIFIER, sep.end()):
            unit = quantified_unit(doc, sep.end(), taken)
            if unit is None:
                if names_heads(text, sep.end()):
                    chain = []  # 各部门、各主力店、各店铺负责人要…: the heads of all of them are told, not the units
                break
            chain.append(unit)
            pos = unit.end
        found += chain
        before = quantified_unit_before(doc, ref.start, taken)
        if before is not None:
            found.append(before)
    return found


def quantified_unit(doc: Document, start: int, taken: IntervalIndex) -> Ref | None:
    """The member 各 + noun written from `start`, ended by a list separator, a stop, or a subject or role
    word; None when no such end comes within a short name or it touches a known party."""
    text = doc.norm_text
    noun = QUANTIFIED_NOUN.match(text, start + 1)
    if noun is None:
        return None
    for end in range(start + 2, noun.end() + 1):
        if any(ch in UNKNOWN_BODY_STOP for ch in text[start + 1 : end]) or text[end - 1] == PERSON_END:
            return None
        if MEMBER_STOP.match(text, end) or end == len(text) or requires_here(text, end) or role_word_here(text, end):
            if taken.overlaps(start, end):
                return None
            span = doc.source_span(start, end)
            return Ref(start, end, PartyRef(text[start:end], doc.text_of(span), span, kind="generic"))
    return None


def names_heads(text: str, start: int) -> bool:
    """Whether the member 各 + noun from `start` ends in a person (各店铺负责人): the list names persons."""
    noun = QUANTIFIED_NOUN.match(text, start + 1)
    return noun is not None and PERSON_END in noun.group()


def quantified_unit_before(doc: Document, ref_start: int, taken: IntervalIndex) -> Ref | None:
    """The member 各 + noun written right before a list separator and the generic party at `ref_start`
    (各店铺、各部门要…), opening a sentence, a clause or a line."""
    text = doc.norm_text
    if ref_start < 3 or text[ref_start - 1] not in "、和及与":
        return None
    start = text.rfind(QUANTIFIER, max(0, ref_start - 8), ref_start - 2)
    if start < 0 or (start > 0 and text[start - 1] not in CLAUSE_START and text[start - 1] not in "：:"):
        return None
    unit = quantified_unit(doc, start, taken)
    return unit if unit is not None and unit.end == ref_start - 1 else None


HOSTED = re.compile(r"设在([\u4e00-\u9fff]{2,14})(?=[，。；（])")  # 办公室设在镇安监办，…: the host, up to a stop


def host_units(doc: Document, taken: IntervalIndex) -> list[Ref]:
    """Unknown units that host an office (领导小组办公室设在镇安监办，具体负责…): a unit name up to the next stop."""
    found = []
    for m in HOSTED.finditer(doc.norm_text):
        unit = unknown_unit(doc, m.start(1), m.end(1), taken)
        if unit:
            found.append(unit)
    return found


def member_end(text: str, pos: int, run_end: int, known: set[tuple[int, int]]) -> int:
    """Where the member of a subject list starting at `pos` ends: at the next 、, 和, 及 or 与 outside a known name
    (中央在鄂企业和省属企业必须…; not the 和 of 住房和城乡建设局, nor the 、 of 各县（市、区）政府); at the end of the
    run without one."""
    for at in range(pos, run_end):
        if text[at] in "、和及与" and (text[at] == "、" or at > pos) and not any(a < at < b for a, b in known):
            return at
    return run_end


def subject_tail(
    doc: Document, member: tuple[int, int], known: set[tuple[int, int]], taken: IntervalIndex,
    closes: Callable[[str, int], bool],
) -> Ref | bool | None:
    """The last member of a list, cut where `closes` finds a subject or role word after it (城建站 of
    城建站要督促…): an unknown unit, True for a known party (with the words that place it: 消防大队包涵东片),
    None when no party ends there."""
    text = doc.norm_text
    start, run_end = member
    for end in range(start + MIN_UNIT_CORE, run_end + 1):
        if not closes(text, end) or body_name_at(text, end):
            continue  # 街道办事处应急管理办公室: 应 opens the rest of the name, not a modal
        if any(a == start and b <= end for a, b in known):  # 消防大队包涵东片等部门要: a known party, and its part
            return True
        unit = unknown_unit(doc, start, end, taken)
        if unit:
            return unit
    return None


def requires_here(text: str, pos: int) -> bool:
    """Whether a lead word (牵头, 负责) or a strong modal (要, 应, 须), after any filler (等部门), follows `pos`:
    what makes the list before it a subject. 于 or 将 (…加油站于8月25日前整改) may follow an object."""
    if not any_requirement_cue().match(text, pos):
        return False
    for cue in requirement_cues():
        m = cue.pattern.match(text, pos)
        if m and (cue.where == "after" or m.group().endswith(SUBJECT_MODALS)):
            return True
    return False


@lru_cache(maxsize=1)
def requirement_cues() -> tuple[RoleCue, ...]:
    """The role cues `requires_here` tries at every position of a run: lead words after a name, subject modals."""
    return tuple(c for c in role_cues() if (c.where == "after" and c.role == "lead") or c.where == "subject")


@lru_cache(maxsize=1)
def after_cues() -> tuple[RoleCue, ...]:
    return tuple(c for c in role_cues() if c.where == "after")


def any_cue(cues: tuple[RoleCue, ...]) -> re.Pattern[str]:
    """One pattern that matches where any of `cues` does: most places a cue is tried have none, and one
    match there costs less than one per cue; where it matches, the cues are tried in their order."""
    return re.compile("|".join(f"(?:{c.pattern.pattern})" for c in cues))


@lru_cache(maxsize=1)
def any_requirement_cue() -> re.Pattern[str]:
    return any_cue(requirement_cues())


@lru_cache(maxsize=1)
def any_after_cue() -> re.Pattern[str]:
    return any_cue(after_cues())


@lru_cache(maxsize=1)
def telling_cue() -> re.Pattern[str]:
    """The words that tell the list after them to act (要求, 责成, 通知: role_cues.tsv `told`), as they follow
    the teller."""
    return re.compile("|".join(c.pattern.pattern.removesuffix("$") for c in role_cues() if c.where == "told"))


def with_unknown_units(doc: Document, refs: list[Ref]) -> list[Ref]:
    """`refs` with the units the lexicon does not know where a role field, a subject list or an office's host
    names them."""
    taken = IntervalIndex((r.start, r.end) for r in refs)
    found = [
        *field_units(doc, taken), *subject_units(doc, refs, taken), *charged_units(doc, refs, taken),
        *host_units(doc, taken), *member_units(doc, refs, taken), *quantified_units(doc, refs, taken),
    ]
    extra = {(u.start, u.end): u for u in found}
    return sorted([*refs, *extra.values()], key=lambda r: r.start)


def addressing_ranges(doc: Document) -> IntervalIndex:
    """Normalized ranges of the metadata that names, addresses or signs the document: title, issuer, recipients
    (主送), signature, copies (抄送). A body written there is who sends or receives the document, not who does
    one of its tasks (长春市安委会办公室关于…的通知; 各县（市、区）安委会，市安委会各成员单位：)."""
    meta = doc.meta
    singles = [meta.title, meta.issuer, meta.issuer_mark, meta.signer, meta.printed_by]
    ranges = [norm_range(doc, f.span) for f in singles if f is not None and f.span is not None]
    for fields in (meta.recipients, meta.cc):  # one line of several bodies: from the first to the last
        if fields:
            ranges.append((norm_range(doc, fields[0].span)[0], norm_range(doc, fields[-1].span)[1]))
    # only a field written as a line of its own (the 主送 line may end in its colon): an issuer the reader took
    # from a sentence (市安委会办公室向各有关成员单位印发…) is still that sentence's subject
    return IntervalIndex(r for r in ranges if is_whole_line(doc.norm_text, *r))


def is_whole_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills its line(s): only blanks before it, only blanks or a colon after it."""
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    return not text[text.rfind("\n", 0, start) + 1 : start].strip() and not after.strip().strip("：:")


def outside_addressing(doc: Document, refs: list[Ref]) -> list[Ref]:
    """The refs that are not part of the document's title, address or signature (`addressing_ranges`)."""
    addressing = addressing_ranges(doc)
    return [r for r in refs if not addressing.containing(r.start)]


def without_list_summaries(text: str, refs: list[Ref]) -> list[Ref]:
    """`refs` without a generic party that closes a list of bodies after 等 (县公安局、…、县消防救援大队等相关部门和
    单位): the words sum the list up and name no other party."""
    out: list[Ref] = []
    for r in refs:
        summary = r.ref.kind == "generic" and out and out[-1].end == r.start - 1 and text[r.start - 1] == "等"
        if not summary:
            out.append(r)
    return out


def refs_within(refs: list[Ref], start: int, end: int) -> list[Ref]:
    """The refs inside [start, end); `refs` are in start order."""
    lo = bisect_left(refs, start, key=lambda r: r.start)
    hi = bisect_left(refs, end, lo, key=lambda r: r.start)
    return [r for r in refs[lo:hi] if r.end <= end]


def list_groups(text: str, refs: list[Ref]) -> list[list[Ref]]:
    """Runs of parties written as one list (市公安局、民政局和商务局; 市水务局市林草局), also across a body the
    lexicon does not know (市公安局、株洲海事处、市水利局)."""
    groups: list[list[Ref]] = []
    for r in refs:
        gap = (groups[-1][-1].end, r.start) if groups else None
        if gap and (
            LIST_GAP.fullmatch(text, *gap) or UNKNOWN_MEMBER_GAP.fullmatch(text, *gap) or blank_separated(text, *gap)
        ):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


SEPARATOR_BLANKS = re.compile(r"[、和及与][ \u3000]+")


def blank_separated(text: str, start: int, end: int) -> bool:
    """Whether a separator and the blanks a web page or PDF leaves after it (交通运输、 公安交警、 应急管理部门)
    stand between two parties."""
    return SEPARATOR_BLANKS.fullmatch(text, start, end) is not None


def label_roles(text: str, refs: list[Ref], start: int, end: int, first_leads: bool = False) -> dict[int, str]:
    """Roles given by field labels (牵头单位：…；配合单位：…), by ref start.

    In a 责任单位 field the first unit listed leads and the others support (责任单位：市直各有关单位、各县（市、区）
    人民政府: "first or only" of the annotation guide), and all support after a 牵头单位 field (（牵头单位：
    市应急局；责任单位：市工信局）). `first_leads` is kept for the callers' signature: a field always reads so."""
    labels = sorted(
        (m.start(), m.end(), cue.role)
        for cue in role_cues()
        if cue.where == "label"
        for m in cue.pattern.finditer(text, start, end)
    )
    roles: dict[int, str] = {}
    for i, (_, label_end, role) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else end
        field_end = FIELD_END.search(text, label_end, stop)
        while field_end and (
            closes_lead_mark(text, field_end.end()) or closes_inner_bracket(text, label_end, field_end.start())
        ):  # 市城管局（牵头）、市应急局 / 各县（市、区）人民政府: the field goes on
            field_end = FIELD_END.search(text, field_end.end(), stop)
        inside = [r for r in refs if label_end <= r.start and r.end <= (field_end.start() if field_end else stop)]
        if role == "responsible" and any(r == "lead" for _, _, r in labels[:i]):
            roles.update((r.start, "support") for r in inside)
        elif role == "responsible" and names_roles(text, inside):
            continue  # 责任单位：市住建局牵头，市发改委按职责分工负责: the words in the field decide, list by list
        elif role == "responsible":
            roles.update(responsible_roles(text, inside, first_leads=True))
        else:
            roles.update((r.start, role) for r in inside)
    return roles


def names_roles(text: str, refs: list[Ref]) -> bool:
    """Whether a role word follows a party of the field directly (市住建局牵头, 市财政局按职责分工负责),
    as opposed to a lead mark such as （牵头） or words further on (排在首位的为牵头单位)."""
    after = any_after_cue()
    return any(after.match(text, r.end) for r in refs)


def closes_inner_bracket(text: str, start: int, at: int) -> bool:
    """Whether the character at `at` is a ） closing a bracket opened inside the field from `start`
    (各县（市、区）人民政府), not the bracket around the whole field."""
    inside = text[start:at]
    return text[at] == "）" and inside.count("（") > inside.count("）")


def closes_lead_mark(text: str, end: int) -> bool:
    """Whether a lead mark (（牵头）) ends at `end`."""
    opening = text.rfind("（", max(0, end - 8), end)
    return opening >= 0 and LEAD_MARK.fullmatch(text, opening, end) is not None


def responsible_roles(text: str, refs: list[Ref], first_leads: bool) -> dict[int, str]:
    """Roles in a list of responsible units (责任单位：…), by ref start: the units marked 牵头 (市住建局（牵头）)
    lead; without marks all lead, or only the first where the document says so (`first_leads`)."""
    marked = {r.start for r in refs if LEAD_MARK.match(text, r.end)}
    if marked:
        return {r.start: "lead" if r.start in marked else "support" for r in refs}
    return {r.start: "support" if first_leads and i > 0 else "lead" for i, r in enumerate(refs)}


def group_role(text: str, group: list[Ref], start: int, end: int, reported: bool = False) -> str | None:
    """The role the words around a list give it: after it (牵头, 配合), before it (由, 会同), or as subject (要).

    `reported`: the text is a report's, where a list opening a sentence tells what the bodies did (市住建局持续开展
    直管企业的安全检查; 市安委会办公室向各有关成员单位印发…); only a role word or a subject modal makes it act."""
    after = text[group[-1].end : end]
    before = text[start : group[0].start]
    before_role = next((c.role for c in role_cues() if c.where in BEFORE_LIST and c.pattern.search(before)), None)
    if before_role == "lead" and COMPOSED.match(text, group[-1].end, end):
        before_role = None  # 由市安监局执法人员和…专家组成的暗访组: who make up a group, not who is charged
    role = after_role(text, group, end)
    if role == "lead" and before_role == "support":  # 区安委会办公室会同区各有关部门负责: who is joined supports
        return before_role
    if role == "support_or_lead" and before_role == "lead":  # 由市审批局会同市应急局…: who is charged leads
        return before_role
    if role is not None:
        return role
    if before_role is not None:
        return before_role
    if telling_cue().match(after):
        return None  # 省安委会通知玉溪市人民政府…: who tells a body to act does not do it
    if after.startswith(TITLE_OPENING):
        return None  # 辽宁省应急管理厅关于印发《…》的通知: the issuer of a document named by its title
    if not reported and opens_sentence(text, start, group[0].start) and not ends_as_roster(text, group, end):
        return "lead"  # 市安委办严肃指出…: who opens a sentence acts
    if text[group[0].start - 1] in CLAUSE_START or ITEM_MARKER.fullmatch(text, start, group[0].start):
        for cue in role_cues():
            if cue.where == "subject" and cue.pattern.match(after):
                return cue.role
    return None


INLINE_BLANKS = re.compile(r"[ \t\u3000]+$")
# After 由 and a list, in the same clause, the words that make the list the members of something: 由省公安厅、…相关人员
# 组成, 由主要领导担任组长.
COMPOSED = re.compile(r"[^，。；,\n]{0,30}?(?:组成|构成|担任)")
TITLE_OPENING = "关于"  # after an issuer, the title of its document opens
SENTENCE_STOP = re.compile(r"[。；！？\n]")


@lru_cache(maxsize=1)
def roster_rest() -> re.Pattern[str]:
    """More members of a list, each a name ending in a unit word (、供电公司) or a short name between 、 and a
    stop (、县社。), then only blanks or a stop."""
    endings = "|".join(e for e, _ in unit_endings())
    member = rf"[、，,和及与][\u4e00-\u9fff]{{1,14}}?(?:{endings})|、[\u4e00-\u9fff]{{1,4}}(?=[、。；\s]|$)"
    return re.compile(rf"(?:{member})*[\s。；]*")


def ends_as_roster(text: str, group: list[Ref], end: int) -> bool:
    """Whether the sentence of a list ends with the list: a roster of bodies (一类单位 安监局、公安局、…、供电公司。;
    a body's name on a line of its own under 达标单位), who do nothing the sentence says."""
    stop = SENTENCE_STOP.search(text, group[-1].end, end)
    return roster_rest().fullmatch(text, group[-1].end, stop.end() if stop else end) is not None


# The outline marker an item opens with (二、, （三）, 2.): a list right after it opens the item's first sentence
# (二、各县区安监局要进一步加大汛期检查力度，…), whose heading is that sentence.
ITEM_MARKER = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、．.]|（[一二三四五六七八九十\d]{1,3}）[、．.]?|\d{1,2}[.．、]|[①-⑳])\s*")


def opens_sentence(text: str, start: int, pos: int) -> bool:
    """Whether a sentence opens at `pos` of a range from `start`: after a full stop or a line break, also past
    the blanks that web pages leave after a full stop (…主责。 各成员单位要…), and after a full stop written as a
    point (…相结合.各区市县政府…)."""
    blanks = INLINE_BLANKS.search(text, start, pos)
    at = blanks.start() if blanks else pos
    if at == start or text[at - 1] in SENTENCE_START:
        return True
    return text[at - 1] == "." and at - 2 >= start and CJK.match(text, at - 2) is not None


def all_classes(group: list[Ref]) -> bool:
    """Whether every party of a list is a class of bodies written with 各 (各部门, 各州市人民政府), no one body."""
    return all(r.ref.kind == "generic" and QUANTIFIER in r.ref.text for r in group)


ASSISTING_WORDS = ("配合", "协助")  # between two lists: the first assists the second


def assign_roles(
    text: str, refs: list[Ref], start: int, end: int, first_leads: bool = False, reported: bool = False
) -> tuple[list[PartyRef], list[PartyRef]]:
    """(lead, support) of the parties written in [start, end); `first_leads`: see `first_listed_leads`;
    `reported`: see `group_role`."""
    lead: list[PartyRef] = []
    support: list[PartyRef] = []
    labelled = label_roles(text, refs, start, end, first_leads)
    for r in refs:
        if r.start in labelled:
            (lead if labelled[r.start] == "lead" else support).append(r.ref)
    free = [r for r in refs if r.start not in labelled]
    previous: list[Ref] = []
    for group in comma_joined(text, list_groups(text, free), start, end, reported):
        role = group_role(text, group, start, end, reported)
        if previous and text[previous[-1].end : group[0].start] in ASSISTING_WORDS:
            role = "lead"  # 协调处、宣教办配合工会、妇联等部门开展…: who is assisted leads, the assistants support
        previous = group
        if role == "support_or_lead":
            role = "support" if lead else "lead"
        if role == "shares" and not lead and all_classes(group):
            role = "lead"  # （自治区各部门、各州市人民政府、各行政公署分工负责）: each class does its part, none first
        if role == "shares" and not lead:  # responsible units without a lead: the first leads, as in a 责任单位 field
            lead.append(group[0].ref)
            group = group[1:]
        if role == "shares":
            role = "support"
        if role:
            target = lead if role == "lead" else support
            target.extend(r.ref for r in group if r.ref.name not in {p.name for p in target})
    return lead, support


def comma_joined(text: str, groups: list[list[Ref]], start: int, end: int, reported: bool = False) -> list[list[Ref]]:
    """The lists of a range, a list without a role word of its own joined to the next one across a comma
    when that one's role word follows it: 省工信委、能源局、国土资源厅，云南煤监局按照职责分工负责 is one list
    of five responsible units, not four idle names and one lead."""
    joined: list[list[Ref]] = []
    for group in groups:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and LIST_COMMA.fullmatch(text, prev[-1].end, group[0].start)
            and group_role(text, prev, start, end, reported) is None
            and (after_role(text, group, end) is not None or modal_after_classes(text, prev + group))
        ):
            joined[-1] = prev + group
        else:
            joined.append(group)
    return joined


def modal_after_classes(text: str, group: list[Ref]) -> bool:
    """Whether a list of 各-classes is followed by a subject modal (各部门、各主力店，各店铺要…): the classes before
    the comma are subjects of that modal too."""
    return all_classes(group) and any(c.where == "subject" and c.pattern.match(text, group[-1].end) for c in role_cues())


def after_role(text: str, group: list[Ref], end: int) -> str | None:
    """The role a role word written right after a list gives it (市应急局牵头, 市公安局等按职责分工负责)."""
    after = text[group[-1].end : end]
    if not any_after_cue().match(after):
        return None
    return next((cue.role for cue in after_cues() if cue.pattern.match(after)), None)


def has_own_lead(
    text: str, refs: list[Ref], start: int, end: int, first_leads: bool = False, reported: bool = False
) -> bool:
    """Whether a sentence assigns a department to lead (由市公安局负责…), opening a task of its own."""
    lead, _ = assign_roles(text, refs, start, end, first_leads, reported)
    return any(names_a_body(p) for p in lead)


def has_any_lead(
    text: str, refs: list[Ref], start: int, end: int, first_leads: bool = False, reported: bool = False
) -> bool:
    """Whether a range assigns anyone to lead, a generic party too (各单位要…): a part that a later sentence
    with a lead of its own (市安委办要…) does not join."""
    lead, _ = assign_roles(text, refs, start, end, first_leads, reported)
    return bool(lead)


def names_roles_of(text: str, refs: list[Ref], start: int, end: int) -> bool:
    """Whether a bracket at [start, end) assigns its parties in role words (（省住建厅、省自然资源厅等按职责分工负责）,
    （牵头单位：…）), as a contact note (（联系人：市住建局 马文斌）) does not."""
    if not refs:
        return False
    rest = text[start:end]
    for r in reversed(refs):
        rest = rest[: r.start - start] + rest[r.end - start :]
    return any(c.where in ("after", "label") and c.pattern.search(rest) for c in role_cues())


# --- structure -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def framing_headings() -> re.Pattern[str]:
    """Heading words of the parts that frame a plan without assigning (指导思想, 工作目标): role "other" by name."""
    cues = [r["cue"] for r in load_tsv("section_roles.tsv") if r["role"] == "other"]
    return re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True))))


def is_assignment_only(sec: Section) -> bool:
    """Whether a top section holds tasks only where an item names who does it: the organization part, and a
    part whose heading the outline could not name (一、深入开展重大事故隐患排查整治 in a 通知)."""
    if sec.role in ASSIGNMENT_ONLY_ROLES:
        return True
    return sec.role == "other" and not framing_headings().search(sec.heading)


def is_running_text(sec: Section) -> bool:
    """Whether a leaf is running text, not an item: its requirement sentences are read one by one. So is the
    text of an unnamed part under a short unmarked line (a page's title over a notice: 海南省安全生产“十一五”规划
    [2007]), and an organization part without items, whose sentences assign each its own body (领导小组办公室
    设在镇应急办，…负责日常的组织协调…。各行政村（社区）和单位要成立相应的领导小组…)."""
    if sec.parent is None and sec.role in ASSIGNMENT_ONLY_ROLES:
        return True
    return sec.style == "plain" and sec.role == "other"


def task_sections(doc: Document) -> list[Section]:
    """Leaf sections in the parts of the outline that hold tasks, measures or phases, and of the parts where
    an item may assign (`is_assignment_only`); not the articles of a rule (`is_provision`)."""
    leaves = []
    for sec in doc.sections:
        if sec.children or is_provision(doc, sec):
            continue
        top = doc.section_path(sec.id)[0]
        if top.role in TASK_ROLES or (is_assignment_only(top) and not is_running_text(sec)):
            leaves.append(sec)
    return leaves


def is_provision(doc: Document, sec: Section) -> bool:
    """Whether a section is an article of a rule (第五条…由公安机关消防机构实施, 第十四条…有关单位应当…), or stands
    in one: a standing duty of a 规定 or 办法, not work a plan assigns."""
    return any(s.style in PROVISION_STYLES for s in doc.section_path(sec.id))


def norm_range(doc: Document, span: Span) -> tuple[int, int]:
    return doc.norm_index(span.start), doc.norm_index(span.end)


def topic_of(doc: Document, sec: Section) -> str:
    """The words a numbered item opens with, up to its first party or stop (煤矿 of 煤矿由市…牵头)."""
    return opening_words(sec.heading)[:TOPIC_MAX]


def opening_words(heading: str) -> str:
    """A heading up to its first party or stop, however long."""
    m = TOPIC_END.search(heading)
    return heading[: m.start()] if m else heading


def item_sector(doc: Document, sec: Section, lists: set[tuple[int | None, str]] = frozenset()) -> str | None:
    """The sector of a task item: named in its topic, else in an enclosing heading; a topic the lexicon does
    not know counts as a sector of its own where it stands in one of the `lists` of sectors (`listed_topic`)."""
    for s in reversed(doc.section_path(sec.id)):
        sector = sector_of(topic_of(doc, s)) or listed_topic(s, lists)
        if sector:
            return sector
    return None


def sector_lists(doc: Document) -> set[tuple[int | None, str]]:
    """The lists of items (parent section, marker style) most of whose items name a known sector: 煤矿, 道路交通…"""
    items: dict[tuple[int | None, str], list[bool]] = {}
    for sec in doc.sections:
        if sec.style not in NOT_SECTOR_LIST_STYLES:
            items.setdefault((sec.parent, sec.style), []).append(sector_of(topic_of(doc, sec)) is not None)
    return {key for key, named in items.items() if sum(named) >= max(SECTOR_LIST_MIN, SECTOR_LIST_SHARE * len(named))}


def listed_topic(sec: Section, lists: set[tuple[int | None, str]]) -> str | None:
    """The topic of an item that names no sector the lexicon knows but stands in a list of items that do, as
    written: 矿山 among （二）危险化学品和烟花爆竹、（三）道路交通…; the plan's own name for a sector of its list."""
    if (sec.parent, sec.style) not in lists:
        return None
    topic = opening_words(sec.heading).strip()
    if not 2 <= len(topic) <= TOPIC_MAX or topic.startswith("关于"):  # a sentence; a 关于… item of minutes
        return None
    return topic


@dataclass(frozen=True, slots=True)
class SectorWording:
    """A task's sector (行业领域) as the document writes it: the canonical sector, the words as written and where."""

    sector: str  # canonical: 文化旅游
    text: str  # as written: 文化和旅游
    span: Span  # into the source text


def task_sector_wording(doc: Document, task: Task) -> list[SectorWording]:
    """Where the document names each sector of a task, in the order of `task.sector`.

    Looked for where the tasks stage found the sector: the task's opening words (水利 of 水利（市水务局负责）),
    the topics of the enclosing headings, innermost first ((十一)文化和旅游由…); then, for table rows, the
    row's line before the task cell and the task itself, and last the nearest mention before the task (a
    merged 行业领域 cell written once above).
    """
    wanted = [s for s in (task.sector or "").split("、") if s]
    text = doc.norm_text
    start, end = norm_range(doc, task.span)
    windows = [(start, topic_end(text, start, end), False)]
    for sec in reversed(doc.section_path(task.section)):
        h_start, h_end = norm_range(doc, sec.heading_span)
        windows.append((h_start, topic_end(text, h_start, h_end), False))
    topics = len(windows)
    line_start = text.rfind("\n", 0, start) + 1
    windows += [(line_start, start, True), (start, end, False), (max(0, start - SECTOR_LOOKBACK), start, True)]
    found: dict[str, tuple[int, int]] = {}
    for k, (lo, hi, nearest_last) in enumerate(windows):
        hits = [(lo + a, lo + b, sector) for a, b, sector in sectors_in(text[lo:hi])]
        for sector in wanted:
            if sector not in lexicon_sectors():  # a sector of the plan's own (listed_topic): its name as written
                at = text.rfind(sector, lo, hi) if nearest_last else text.find(sector, lo, hi)
                if at >= 0:
                    hits.append((at, at + len(sector), sector))
        for a, b, sector in sorted(hits, reverse=nearest_last):
            if sector in wanted and sector not in found:
                # in a topic, the whole part that names the sector: 旅游景区 of 旅游, 城镇燃气 of 城镇燃气和自建房
                found[sector] = topic_part(text, a, b, lo, hi) if k < topics else (a, b)
        if len(found) == len(wanted):
            break
    out = []
    for sector in wanted:
        if sector in found:
            span = doc.source_span(*found[sector])
            out.append(SectorWording(sector, doc.text_of(span), span))
    return out


def topic_part(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of a topic `text[lo:hi]` around a sector term at [start, end), up to the separators each side."""
    while start > lo and text[start - 1] not in TOPIC_PART_SEP:
        start -= 1
    while end < hi and text[end] not in TOPIC_PART_SEP:
        end += 1
    return start, end


def topic_end(text: str, start: int, end: int) -> int:
    """Where the topic opening at `start` ends: its first party or stop, at most TOPIC_MAX characters on."""
    m = TOPIC_END.search(text, start, min(end, start + TOPIC_MAX))
    return m.start() if m else min(end, start + TOPIC_MAX)


def phase_of(doc: Document, sec: Section) -> str | None:
    """The phase heading above a task in a phases part (动员部署 of （一）动员部署（2023年5月15日前））."""
    path = doc.section_path(sec.id)
    for outer, inner in zip(path, path[1:]):
        if outer.role == "phases":
            name = PHASE_DATE.sub("", inner.heading.strip("。：；，")).strip()
            return PHASE_ORDINAL.sub("", name) or name
    return None


def heading_actors(doc: Document, sec: Section, refs: list[Ref]) -> list[PartyRef]:
    """Who the heading of the item or of an enclosing section names as acting (1.企业, 2.部门, 3.市应急局)."""
    for s in reversed(doc.section_path(sec.id)):
        start, end = norm_range(doc, s.heading_span)
        inside = refs_within(refs, start, end)
        rest = doc.norm_text[start:end]
        for r in reversed(inside):
            rest = rest[: r.start - start] + rest[r.end - start :]
        if inside and not rest.strip("、和及。：；， "):
            return [r.ref for r in inside]
        if is_generic_heading(s.heading):
            return [PartyRef(s.heading.strip("。：；， "), doc.text_of(s.heading_span), s.heading_span, kind="generic")]
    return []


def task_deadline(doc: Document, deadlines: SpanLookup[Deadline], span: Span, sec: Section | None) -> Deadline | None:
    """The deadline written inside the task, else the one in the heading of an enclosing section (a phase)."""
    found = deadlines.first_within(span)
    if found or sec is None:
        return found
    for s in reversed(doc.section_path(sec.parent)):
        found = deadlines.first_within(s.heading_span)
        if found:
            return found
    return None


# --- tasks ---------------------------------------------------------------------------------------


Bracketed = tuple[int, int, str, list[Ref]]  # start, end, sector, the parties in the brackets


def bracketed_assignments(doc: Document, refs: list[Ref], start: int, end: int) -> list[Bracketed]:
    """Sector assignments in brackets after a sector word: 水利（市水务局负责）、电力（市发展改革委…负责）.

    The brackets hold parties and role words only.
    """
    text = doc.norm_text
    found = []
    for m in BRACKETED.finditer(text, start, end):
        inside = refs_within(refs, m.start(1), m.end(1))
        if not inside:
            continue
        rest = text[m.start(1) : m.end(1)]
        for r in reversed(inside):
            rest = rest[: r.start - m.start(1)] + rest[r.end - m.start(1) :]
        if role_words().sub("", rest):
            continue
        topic_start = max(text.rfind(ch, start, m.start()) for ch in "、，。；）") + 1
        topic_start = max(topic_start, start)
        hits = sectors_in(text[topic_start : m.start()])
        if not hits:
            continue
        if hits[-1][1] == m.start() - topic_start:
            topic_start += hits[-1][0]
        found.append((topic_start, m.end(), sector_of(text[topic_start : m.start()]) or hits[-1][2], inside))
    return found


def make_task(
    doc: Document,
    deadlines: SpanLookup[Deadline],
    start: int,
    end: int,
    refs: list[Ref],
    sec: Section | None,
    sector: str | None,
    first_leads: bool = False,
) -> Task:
    lead, support = assign_roles(doc.norm_text, refs, start, end, first_leads, doc.analysis.is_report)
    span = doc.source_span(start, end)
    return Task(
        text=doc.text_of(span),
        span=span,
        sector=sector,
        lead=lead,
        support=support,
        deadline=task_deadline(doc, deadlines, span, sec),
        phase=phase_of(doc, sec) if sec else None,
        section=sec.id if sec else None,
    )


def sentence_ranges(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    lo = bisect_left(doc.sentences, start, key=lambda s: s.norm_start)
    hi = bisect_left(doc.sentences, end, lo, key=lambda s: s.norm_start)
    inside = [(s.norm_start, s.norm_end) for s in doc.sentences[lo:hi]]
    return inside or [(start, end)]


def is_bracketed(sentence: str) -> bool:
    """Whether a sentence is one bracketed phrase: （市交通局牵头，市公安局配合）。"""
    body = sentence.strip().rstrip("。；")
    return body.startswith(("（", "(")) and body.endswith(("）", ")"))


def opens_with_bracket(text: str, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) opens with a bracketed phrase longer than an outline marker (（三）),
    or with a bracket whose first words are a role label (（牵头责任单位：…，协同责任单位：…。各镇落实…）)."""
    body_start = start + len(text[start:end]) - len(text[start:end].lstrip())
    if text.startswith("（", body_start) and label_at(text, body_start + 1):
        return True
    m = BRACKETED.match(text, body_start, end)
    return m is not None and not OUTLINE_MARKER.fullmatch(m.group(1))


def assignment_sentences(doc: Document, refs: list[Ref], start: int, end: int) -> list[tuple[int, int, bool]]:
    """The sentences of [start, end), each with whether it opens with an assignment bracket, a sentence that
    opens with one cut after it: the splitter leaves the bracket that closes one sub-item at the head of the
    next one's sentence (…短板。（省教育厅…等按职责分工负责）2开展城市公共设施安全专项体检…), and the bracket
    closes the part before while the words after it open their own. A bracket that names no role (（联系人：…）)
    is left alone."""
    text = doc.norm_text
    out = []
    for s_start, s_end in sentence_ranges(doc, start, end):
        m = assigning_bracket(text, refs, s_start, s_end)
        if m and text[m.end() : s_end].strip("。；， \n"):
            rest = BLANKS.match(text, m.end(), s_end).end()
            out += [(s_start, m.end(), True), (rest, s_end, assigning_bracket(text, refs, rest, s_end) is not None)]
        else:
            out.append((s_start, s_end, m is not None))
    return out


def assigning_bracket(text: str, refs: list[Ref], start: int, end: int) -> re.Match[str] | None:
    """The bracket that opens [start, end) (after blanks) when it assigns in role words."""
    m = BRACKETED.match(text, BLANKS.match(text, start, end).end(), end)
    if m is None or not names_roles_of(text, refs_within(refs, m.start(), m.end()), m.start(), m.end()):
        return None
    return m


def opens_label_line(text: str, start: int) -> bool:
    """Whether a line opens at `start` (after blanks) with a role label: 责任单位：…, 牵头单位：…"""
    body_start = BLANKS.match(text, start).end()
    line_start = text.rfind("\n", 0, body_start) + 1
    return not text[line_start:body_start].strip() and label_at(text, body_start)


def split_by_assignment(
    doc: Document, refs: list[Ref], start: int, end: int, first_leads: bool = False
) -> list[tuple[int, int]]:
    """Ranges of one item, a new one at each later sentence that assigns its own lead."""
    text = doc.norm_text
    reported = doc.analysis.is_report
    parts: list[tuple[int, int]] = []
    closed = False
    for s_start, s_end, bracket in assignment_sentences(doc, refs, start, end):
        # （市交通局牵头，…配合） assigns its item, opens no task; nor does a line of its own that a role label
        # opens (…宣传栏。\n责任单位:各乡镇政府，县安委会成员单位。): both close the part before them
        closing = (
            is_bracketed(text[s_start:s_end]) or opens_with_bracket(text, s_start, s_end) or opens_label_line(text, s_start)
        )
        inside = refs_within(refs, s_start, s_end)
        opens_task = not closing and (
            has_own_lead(text, inside, s_start, s_end, first_leads, reported)
            or bool(requirement_subject(text, inside, s_start, s_end))
        )
        if parts and not closed and not (
            opens_task and has_any_lead(text, refs_within(refs, *parts[-1]), *parts[-1], first_leads, reported)
        ):
            parts[-1] = (parts[-1][0], s_end)
        else:
            parts.append((s_start, s_end))
        closed = bracket  # a bracket that assigns closes its sub-item: what follows is the next one (…负责）2开展…)
    if parts:
        parts[0] = (start, parts[0][1])
        parts[-1] = (parts[-1][0], end)
    return parts


def item_tasks(
    doc: Document,
    deadlines: SpanLookup[Deadline],
    sec: Section,
    refs: list[Ref],
    table_ranges: list[tuple[int, int]] = (),
    first_leads: bool = False,
    lists: set[tuple[int | None, str]] = frozenset(),
    until: int | None = None,
) -> list[Task]:
    """The tasks of one leaf item: its parts, then its bracketed sector assignments; `lists` are the document's
    lists of sectors (`sector_lists`); `until`: where the item ends before a line that assigns its parent."""
    start, end = clipped_at_tables(*norm_range(doc, sec.span), table_ranges)
    end = min(end, until) if until is not None else end
    inside = refs_within(refs, start, end)
    brackets = bracketed_assignments(doc, inside, start, end)
    in_brackets = {r.start for _, _, _, rs in brackets for r in rs}
    main_refs = [r for r in inside if r.start not in in_brackets]
    sector = item_sector(doc, sec, lists)
    tasks = []
    for p_start, p_end in split_by_assignment(doc, main_refs, start, end, first_leads):
        part_refs = refs_within(main_refs, p_start, p_end)
        task = make_task(doc, deadlines, p_start, p_end, part_refs, sec, sector, first_leads)
        if not task.lead:  # 全市各级各部门要…: the subject its requirement opens with, else who the heading names
            task.lead = requirement_subject(doc.norm_text, part_refs, p_start, p_end) or heading_actors(doc, sec, refs)
        tasks.append(task)
    for b_start, b_end, b_sector, b_refs in brackets:
        task = make_task(doc, deadlines, b_start, b_end, b_refs, sec, b_sector)
        if not task.lead:  # 危险废物（市生态环境局）: a bare name in brackets leads
            task.lead = [r.ref for r in b_refs]
        tasks.append(task)
    if is_assignment_only(doc.section_path(sec.id)[0]):
        # an item of such a part is a task when it names who does it: a body, or the generic party its
        # requirement is addressed to (各学校要…, 各地区、各有关部门要…)
        tasks = [t for t in tasks if t.lead or any(names_a_body(p) for p in t.support)]
    return tasks


def label_at(text: str, start: int) -> bool:
    """Whether a role label (责任单位：, 组织单位：, 牵头单位：) opens the text at `start`."""
    return any(cue.where == "label" and cue.pattern.match(text, start) for cue in role_cues())


def last_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The range of the last non-blank line of `text[start:end]`, without its surrounding blanks."""
    body = text[start:end].rstrip()
    line_start = start + body.rfind("\n") + 1
    return line_start, start + len(body)


def assigning_line(doc: Document, refs: list[Ref], sec: Section) -> tuple[int, int] | None:
    """The range of the line that closes a leaf item by assigning parties, when the line stands on its own
    (（责任单位：市直各有关单位、…）under the last sub-item), not at the end of the item's own paragraph."""
    start, end = norm_range(doc, sec.span)
    line_start, line_end = last_line(doc.norm_text, start, end)
    heading_end = doc.norm_index(sec.heading_span.end)
    line = doc.norm_text[line_start:line_end]
    if line_start <= heading_end or not is_bracketed(line):
        return None
    lead, support = line_roles(doc.norm_text, refs_within(refs, line_start, line_end), line_start, line_end)
    return (line_start, line_end) if lead or support else None


def line_roles(text: str, refs: list[Ref], start: int, end: int) -> tuple[list[PartyRef], list[PartyRef]]:
    """(lead, support) of a line that assigns a parent item: its labelled fields alone where it has any
    (组织单位：县安办、各乡镇人民政府…（…各乡镇自行设定咨询日宣传点）: the note after the field names no role)."""
    labelled = label_roles(text, refs, start, end, first_leads=True)
    if labelled:
        refs = [r for r in refs if r.start in labelled]
    return assign_roles(text, refs, start, end, first_leads=True)


def parent_assignment(doc: Document, refs: list[Ref], sec: Section) -> tuple[int, int] | None:
    """The range of a line in leaf `sec` that assigns the task of its parent item, or None.

    Two layouts: a sub-item that is a role label (（二）开展安全文化周系列活动 … 3.组织单位：各乡镇人民政府、总工会),
    and a bracketed assignment line under the last sub-item while no other sub-item has one ((1)…(4)…
    （责任单位：市直各有关单位、…）: the units are responsible for the whole of 1.完善应急预案体系).
    """
    if sec.parent is None:
        return None
    text = doc.norm_text
    start, end = norm_range(doc, sec.span)
    body_start = start + len(text[start:end]) - len(text[start:end].lstrip())
    marker_end = body_start + len(sec.marker)
    if label_at(text, marker_end):
        return start, end
    siblings = doc.sections[sec.parent].children
    if siblings[-1] != sec.id or any(assigning_line(doc, refs, doc.sections[i]) for i in siblings[:-1]):
        return None
    return assigning_line(doc, refs, sec)


def parent_task(
    doc: Document, deadlines: SpanLookup[Deadline], refs: list[Ref], parent: Section, line: tuple[int, int]
) -> Task:
    """The task of a parent item whose parties a closing line names (`parent_assignment`): the item's whole
    text, with the roles of that line."""
    lead, support = line_roles(doc.norm_text, refs_within(refs, *line), *line)
    span = parent.span
    return Task(
        text=doc.text_of(span),
        span=span,
        sector=item_sector(doc, parent),
        lead=lead,
        support=support,
        deadline=task_deadline(doc, deadlines, doc.source_span(*line), parent),
        phase=phase_of(doc, parent),
        section=parent.id,
    )


def leaf_tasks(
    doc: Document,
    deadlines: SpanLookup[Deadline],
    sec: Section,
    refs: list[Ref],
    table_ranges: list[tuple[int, int]],
    first_leads: bool,
    lists: set[tuple[int | None, str]],
) -> list[Task]:
    """The tasks of one leaf item, and of its parent where the leaf ends in a line assigning the parent."""
    line = parent_assignment(doc, refs, sec)
    if line is None:
        return item_tasks(doc, deadlines, sec, refs, table_ranges, first_leads, lists)
    own = [] if line[0] == norm_range(doc, sec.span)[0] else item_tasks(
        doc, deadlines, sec, refs, table_ranges, first_leads, lists, until=line[0]
    )
    return own + [parent_task(doc, deadlines, refs, doc.sections[sec.parent], line)]


def paragraph_tasks(
    doc: Document, deadlines: SpanLookup[Deadline], refs: list[Ref], table_ranges: list[tuple[int, int]] = ()
) -> list[Task]:
    """Without an outline: every paragraph outside a table that assigns a department to lead is a task, split
    where a later sentence assigns its own lead (你区要及时报市安办。…你区安委会应向市安办提出…), as an item is."""
    tasks = []
    in_tables = IntervalIndex(table_ranges)
    for m in re.finditer(r"[^\n]+", doc.norm_text):
        if in_tables.containing(m.start()):
            continue
        inside = refs_within(refs, m.start(), m.end())
        if not inside or not has_own_lead(doc.norm_text, inside, m.start(), m.end(), reported=doc.analysis.is_report):
            continue
        for start, end in split_by_assignment(doc, inside, m.start(), m.end()):
            sector = sector_of(doc.norm_text[start : start + TOPIC_MAX])
            task = make_task(doc, deadlines, start, end, refs_within(inside, start, end), None, sector)
            task.lead = task.lead or requirement_subject(doc.norm_text, refs_within(inside, start, end), start, end)
            tasks.append(task)
    return tasks


# Words that may open a requirement sentence before its subject: 请各地…, 一是各地要…, 同时，各部门要…; the
# openers of what comes next in a report or a notice's news (下一步，安全监管总局将…; 按照要求，各巡查组要…; 为此，…)
REQUIREMENT_OPENING = re.compile(
    r"(?:[一二三四五六七八九十]是|同时|此外|另外|期间|下一步|今后|为此|按照要求)?[，,]?(?:请|由|全[省市县区])?"
)


# Between two lists of one subject: a few words the lexicon does not know (各县（市）区、开发区安委会和有关部门).
SUBJECT_GAP = re.compile(r"[、和及与][\u4e00-\u9fff]{0,12}|[\u4e00-\u9fff]{0,12}[、和及与]")
BRACKET_NOTE = re.compile(r"(?:（[^（）]{1,20}）)?")  # 各成员单位（详见任务分工）要…


# Before the body that hosts a group's office (领导小组办公室设在镇安监办，具体负责…): the host does the office's work.
HOST_WORDS = ("设在",)


def hosts_lead(after: str) -> bool:
    """Whether a later clause of the sentence gives the hosted office a lead word (…，具体负责业务指导)."""
    return any(c.role == "lead" and c.pattern.search(after) for c in after_cues())


ASKING_WORDS = ("请", "由")  # before a list opening a sentence: the list is asked, or charged, to act
STRONG_MODAL = ("要", "应", "须", "必须")  # what a subject opening a later clause must be followed by
SCOPE_ADVERBS = "也还均都亦"  # between a subject and its modal: 也要, 均须
NOT_MODAL = ("应急",)  # a word that opens with a modal's character (省应急管理厅应急指挥中心)
SUBJECT_MODALS = (*STRONG_MODAL, "应当")  # what an unknown unit opening a sentence must be followed by


def opens_requirement(text: str, start: int, group_start: int) -> str | None:
    """How a list starting at `group_start` opens a requirement: "sentence" when it opens the sentence (after
    words such as 请, 一是, 同时), "clause" when it opens a later clause of it, else None."""
    before = text[start:group_start]
    if REQUIREMENT_OPENING.fullmatch(before) is not None or ITEM_MARKER.fullmatch(before) is not None:
        return "sentence"
    return "clause" if before[-1:] in CLAUSE_START else None


def requirement_subject(text: str, refs: list[Ref], start: int, end: int) -> list[PartyRef]:
    """The parties a sentence requires to act: the first list that opens it followed by a subject modal or a
    lead word, or that opens a later clause followed by 要/应/须 (各地区、各有关部门要…, 各有关成员单位（详见任务分工）要…, 市公安局牵头…), or
    any list after 请 (请各地区、各部门和单位分别明确1名联络员). The list may run on over a body the lexicon
    does not know (各县（市）区、开发区安委会和有关部门要…); after 由 (由昭通市人民政府对…进行论证) as after 请; the
    host of an office that a later clause makes responsible (办公室设在镇应急办，…负责日常的组织协调)."""
    groups = list_groups(text, refs)
    for i, group in enumerate(groups):
        opening = opens_requirement(text, start, group[0].start)
        hosted = text[start : group[0].start].endswith(HOST_WORDS)
        if opening is None and not hosted:
            continue
        j = i
        while j + 1 < len(groups) and SUBJECT_GAP.fullmatch(text, groups[j][-1].end, groups[j + 1][0].start):
            j += 1
        subject = [r for g in groups[i : j + 1] for r in g]
        after = text[subject[-1].end : end]
        after = after[len(BRACKET_NOTE.match(after).group()) :]
        # 请各地区…报送, 由昭通市人民政府对…进行论证: the body asked, or charged, acts whatever verb follows
        asked = text[start : group[0].start].rstrip("，,").endswith(ASKING_WORDS)
        if hosted:
            if hosts_lead(after):
                return list({r.ref.name: r.ref for r in subject}.values())
            continue
        if telling_cue().match(after):  # 省政府安办要求，各地区、各单位要…: the teller's 要 is no modal
            continue
        if opening == "clause":  # 为…，内蒙古自治区应急管理厅于2022年3月11日发布了…: no requirement
            modal = after.lstrip(SCOPE_ADVERBS)  # …工作，相关责任单位也要按照职责分工…
            if (modal.startswith(STRONG_MODAL) and not modal.startswith(NOT_MODAL)) or charged(after):
                return list({r.ref.name: r.ref for r in subject}.values())
            continue
        if asked or any(
            cue.pattern.match(after)
            for cue in role_cues()
            if cue.where == "subject" or (cue.where == "after" and cue.role == "lead")
        ):
            return list({r.ref.name: r.ref for r in subject}.values())
    return []


DONE = "了"  # 县安委办牵头制定了《…》: what was done, told


def charged(after: str) -> bool:
    """Whether a lead word follows a list that opens a later clause, to charge it with work to do: 按照安委会要求，
    各县区负责组织开展…, not …要求，县安委办牵头制定了《…实施计划》."""
    clause = re.split(r"[，。；]", after, maxsplit=1)[0]
    return DONE not in clause and any(c.role == "lead" and c.pattern.match(after) for c in after_cues())


# An item heading written as a sentence of its own, at the end of the sentence before a requirement:
# （一）高度重视，加强领导。/ 一是要把汛期安全生产工作摆到重要位置。
HEADING_SENTENCE = re.compile(r"(?:（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]是|\d{1,2}[.、．])[^。；，：]{2,20}[，,]?[^。；：]{0,20}[。：]?$")


def heading_sentence_start(doc: Document, k: int, tasks: IntervalIndex) -> int | None:
    """Where the item heading that the `k`th sentence ends with starts, when that sentence is no part of a
    task already: the heading of the requirement that follows it (a leaf of the outline that holds only its
    heading, 一是要把汛期安全生产工作摆到重要位置。, is no task)."""
    if k < 0:
        return None
    sentence = doc.sentences[k]
    if tasks.overlaps(sentence.norm_start, sentence.norm_end):
        return None
    m = HEADING_SENTENCE.search(doc.norm_text, sentence.norm_start, sentence.norm_end)
    return m.start() if m else None


# A requirement sentence without a subject of its own (要正视问题…, 同时要…): it goes on with the subject before.
BARE_REQUIREMENT = re.compile(r"\s*(?:[一二三四五六七八九十]是|同时|并|还|更)?[，,]?(?:要|须|必须|应当)")


def continued_requirement_end(doc: Document, k: int, refs: list[Ref], covered: IntervalIndex) -> int:
    """Where the requirement of the `k`th sentence ends: with the sentences after it in its paragraph that
    require without naming a subject (各级各部门要提高站位…。要正视问题、坚决整改，逐项分解任务…。要持续用力…)."""
    text = doc.norm_text
    end = doc.sentences[k].norm_end
    for sentence in doc.sentences[k + 1 :]:
        start = sentence.norm_start
        if "\n" in text[end:start] or covered.overlaps(start, sentence.norm_end):
            break
        inside = refs_within(refs, start, sentence.norm_end)
        if not BARE_REQUIREMENT.match(text, start) or inside and requirement_subject(text, inside, start, sentence.norm_end):
            break
        end = sentence.norm_end
    return end


def requirement_tasks(
    doc: Document, deadlines: SpanLookup[Deadline], refs: list[Ref], covered: IntervalIndex, tasks: IntervalIndex
) -> list[Task]:
    """Sentences outside the task items and tables whose subject is a party, one task each: the requirements
    of a notice's opening paragraphs and of a text the outline does not divide (各省级安委会要加强组织领导，认真
    研究制定本地区实施方案…). A body that the sentence only reports to (报市安委办) is no subject. `covered`: the
    task items and tables; `tasks`: the tasks found in them."""
    text = doc.norm_text
    found = []
    for k, sentence in enumerate(doc.sentences):
        start, end = sentence.norm_start, sentence.norm_end
        if covered.overlaps(start, end):
            continue
        lead = requirement_subject(text, refs_within(refs, start, end), start, end)
        if lead:
            start = heading_sentence_start(doc, k - 1, tasks) or start
            end = continued_requirement_end(doc, k, refs, covered)
            span = doc.source_span(start, end)
            found.append(Task(
                text=doc.text_of(span), span=span, sector=sector_of(text[start : start + TOPIC_MAX]), lead=lead,
                support=[], deadline=deadlines.first_within(span), section=sentence.section,
            ))
    return found


# --- tables --------------------------------------------------------------------------------------



def table_columns(table: Table) -> dict[str, int]:
    """Column index of each known header (任务, 牵头单位, 配合单位, 完成时限, 行业领域).

    Beside a 牵头单位 column, a 责任单位 column holds the other responsible units: they support.
    """
    columns: dict[str, int] = {}
    for i, head in enumerate(table.header()):
        kind = column_kind(head)
        if kind == "lead" and "lead" in columns and "support" not in columns:
            kind = "support"
        if kind and kind not in columns:
            columns[kind] = i
    return columns


def cell_parties(doc: Document, refs: list[Ref], cell_span: Span) -> list[PartyRef]:
    """The parties of a table cell: every department or generic party written in it."""
    start, end = norm_range(doc, cell_span)
    return list({r.ref.name: r.ref for r in refs_within(refs, start, end)}.values())


def responsible_cell_roles(
    doc: Document, refs: list[Ref], cell_span: Span, first_leads: bool
) -> tuple[list[PartyRef], list[PartyRef]]:
    """(lead, support) of a 牵头单位/责任单位 cell: role words inside it (市应急局（牵头）) or the document's
    convention that the first unit listed leads (排在首位的为牵头单位) decide; otherwise all lead."""
    start, end = norm_range(doc, cell_span)
    inside = refs_within(refs, start, end)
    parties = cell_parties(doc, refs, cell_span)
    if any(LEAD_MARK.match(doc.norm_text, r.end) for r in inside):
        roles = responsible_roles(doc.norm_text, inside, first_leads)
        lead = [r.ref for r in inside if roles[r.start] == "lead"]
        return lead, [r.ref for r in inside if roles[r.start] == "support"]
    rest = doc.norm_text[start:end]
    for r in reversed(inside):
        rest = rest[: r.start - start] + rest[r.end - start :]
    if role_words().search(rest.replace("、", "")):
        lead, support = assign_roles(doc.norm_text, inside, start, end, reported=doc.analysis.is_report)
        if support:
            return lead, support
    if first_leads and len(parties) > 1:
        return parties[:1], parties[1:]
    return parties, []


def table_tasks(
    doc: Document, deadlines: SpanLookup[Deadline], refs: list[Ref], tables: list[Table], first_leads: bool = False
) -> list[Task]:
    """One task per row of a table whose header names a task column and a lead column."""
    tasks = []
    for table in tables:
        cols = table_columns(table)
        if "task" not in cols and "sector" in cols:
            cols["task"] = cols["sector"]  # a schedule of campaigns by trade: each row's trade is its task
        if "task" not in cols or "lead" not in cols:
            continue
        # a 责任单位 column reads as a 责任单位 field: the first unit of a cell leads, the others support
        first_leads_in_column = first_leads or not LEAD_COLUMN.search(table.header()[cols["lead"]])
        sector = None
        for row in table.rows[1:]:
            if len(row) <= max(cols.values()) or not row[cols["task"]].text.strip():
                continue
            span = Span(row[0].span.start, row[-1].span.end)
            deadline_cell = row[cols["deadline"]].span if "deadline" in cols else None
            if "sector" in cols:  # a merged sector cell is written once, in the first of its rows
                sector = sector_of(row[cols["sector"]].text) or (sector if not row[cols["sector"]].text.strip() else None)
            else:
                sector = sector_of(row[cols["task"]].text[:20])
            lead, support = responsible_cell_roles(doc, refs, row[cols["lead"]].span, first_leads_in_column and "support" not in cols)
            if "support" in cols:
                named = {p.name for p in lead + support}
                support += [p for p in cell_parties(doc, refs, row[cols["support"]].span) if p.name not in named]
            tasks.append(
                Task(
                    text=row[cols["task"]].text,
                    span=row[cols["task"]].span,
                    sector=sector,
                    lead=lead,
                    support=support,
                    deadline=deadlines.first_within(deadline_cell or span),
                    section=None,
                )
            )
    return tasks


CELL_MEMBER = re.compile(r"[^\s、，,；;/]+")


def cell_units(doc: Document, tables: list[Table], refs: list[Ref]) -> list[Ref]:
    """Unknown units written in the lead and support cells of task tables (安监站 安监所, 民政所): a cell of
    such a column is a role field, its members apart by blanks or 、."""
    taken = IntervalIndex((r.start, r.end) for r in refs)
    found = []
    for table in tables:
        cols = table_columns(table)
        party_cols = [cols[k] for k in ("lead", "support") if k in cols]
        for row in table.rows[1:]:
            for i in party_cols:
                if i >= len(row):
                    continue
                start, end = norm_range(doc, row[i].span)
                for m in CELL_MEMBER.finditer(doc.norm_text, start, end):
                    unit = unknown_unit(doc, m.start(), m.end(), taken)
                    if unit is not None:
                        found.append(unit)
    return found


def first_listed_leads(doc: Document) -> bool:
    """Whether the document says that the first unit of a 责任单位 list leads (排在首位的为牵头单位)."""
    return any(cue.pattern.search(doc.norm_text) for cue in role_cues() if cue.where == "convention")


def items_read(doc: Document, leaves: list[Section], found: list[Task]) -> list[Section]:
    """The leaves read as items: all but those of a part where an item is a task only if it names who does it
    (`is_assignment_only`) that gave no task. Such a leaf is often no item at all but a whole notice the outline
    took for one part (海南省人民政府办公厅关于印发…的通知 under its page title), whose requirement sentences
    (各市、县和各部门要…。负有…职责的各有关部门要…) are read one by one, as in undivided text."""
    assigned = {t.section for t in found}
    return [s for s in leaves if s.id in assigned or not is_assignment_only(doc.section_path(s.id)[0])]


def clipped_at_tables(start: int, end: int, table_ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """A range cut where a table begins inside it: the rows are tasks of their own."""
    for t_start, _ in table_ranges:
        if start < t_start < end:
            end = t_start
    return start, end


@stage(
    "tasks",
    step="extract",
    assigns="extraction.tasks",
    requires=(
        "sections", "sentences", "analysis.generic_parties", "analysis.text_tables", "extraction.departments",
        "extraction.deadlines",
    ),
)
def tasks(doc: Document) -> list[Task]:
    """Tasks of the document: outline items (or paragraphs) with their parties, then table rows."""
    refs = without_list_summaries(doc.norm_text, outside_addressing(doc, with_unknown_units(doc, party_refs(doc))))
    tables = doc.tables + doc.analysis.text_tables
    refs = sorted([*refs, *cell_units(doc, tables, refs)], key=lambda r: r.start)
    table_ranges = sorted(norm_range(doc, t.span) for t in tables)
    first_leads = first_listed_leads(doc)
    deadlines = SpanLookup(doc.extraction.deadlines)
    leaves = task_sections(doc)
    if leaves:
        lists = sector_lists(doc)
        found = [t for sec in leaves for t in leaf_tasks(doc, deadlines, sec, refs, table_ranges, first_leads, lists)]
    elif not doc.sections:
        found = paragraph_tasks(doc, deadlines, refs, table_ranges)
    else:
        found = []
    taken = [*table_ranges, *(norm_range(doc, t.span) for t in found)]
    provisions = [norm_range(doc, sec.span) for sec in doc.sections if sec.style in PROVISION_STYLES]
    read = [norm_range(doc, sec.span) for sec in items_read(doc, leaves, found)]
    covered = IntervalIndex([*taken, *read, *provisions])
    found += requirement_tasks(doc, deadlines, refs, covered, IntervalIndex(taken))
    if doc.analysis.is_report:
        found = [t for t in found if t.section is not None or assigns(t.text)]
    found = [] if reports_a_meeting(doc) else [t for t in found if names_work(t)]
    return found + table_tasks(doc, deadlines, refs, tables, first_leads)


MEETING_RECORD = "纪要"


def reports_a_meeting(doc: Document) -> bool:
    """Whether the document is news of a meeting: a 纪要 by its content, with no kind word of its own in a title
    (永湖镇召开…工作会议 … 镇长魏荣坤指出：一是各部门、村（社区）要…). Who the speakers told to act is what they
    said, reported, in its items (一是…二是…) as in its sentences; the tasks are given by the meeting's own
    documents, as a minute titled 纪要 would."""
    kind = doc.meta.doc_type
    return kind is not None and kind.value == MEETING_RECORD and not kind.text


WORK_MIN = 4  # characters of a task's text besides its parties: a line with a body's name alone is a signature


def names_work(task: Task) -> bool:
    """Whether a task's text says something besides who is responsible (not 湖北省人民政府 alone under a notice)."""
    rest = task.text
    for party in (*task.lead, *task.support):
        rest = rest.replace(party.text, "")
    return len(CJK.findall(rest)) >= WORK_MIN


# A modal of requirement (not 主要, 重要, 需要, 要点, 要素) or a word of request.
REQUIRING = re.compile(r"(?<![主重需必只首紧纪摘])要(?![点素])|应当|必须|须|务必|请")


def assigns(text: str) -> bool:
    """Whether a paragraph of a report assigns work rather than tells what was done: a role word (牵头, 负责,
    要求) or a modal (要, 须). Who opens a sentence of a report (市教育局…作工作交流, 省公安厅成立了专案组)
    acted; in a plan the same sentence would be an order."""
    return REQUIRING.search(text) is not None or any_role_cue().search(text) is not None


@lru_cache(maxsize=1)
def any_role_cue() -> re.Pattern[str]:
    return any_cue(role_cues())
