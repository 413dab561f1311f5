"""Tasks (任务): what a plan assigns, to whom (lead 牵头 / support 配合), in which sector, phase and by when.

Task units are the leaf items of the task, measure and phase parts of the outline (and the paragraphs of a
document without one), split where a later sentence makes its own assignment (由市公安局负责…), plus the
sector assignments written in brackets (水利（市水务局负责）) and the rows of task tables.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from docparse.extract.departments import LIST_GAP, generic_refs, is_generic_heading
from docparse.model import Deadline, Document, PartyRef, Section, Span, Table, Task
from docparse.pipeline import stage
from docparse.resources import load_tsv

TASK_ROLES = ("tasks", "measures", "phases")
ASSIGNMENT_ONLY_ROLES = ("organization",)  # a leaf here is a task only if it names who does it
CLAUSE_START = set("。；：，！？\n）")
SENTENCE_START = set("。；！？\n")
BRACKETED = re.compile(r"（([^（）\n]{2,80})）")
TOPIC_END = re.compile(r"[由。，；：（]")
TOPIC_MAX = 16  # a topic is a few words (城镇燃气和自建房); a longer heading is a sentence, not a topic
PHASE_DATE = re.compile(r"（[^（）]*）$")
PHASE_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+阶段[：，、]?(?=.)")
TABLE_COLUMNS = {
    "task": re.compile(r"任务|内容|措施|事项|工作"),
    "lead": re.compile(r"牵头|责任(?:单位|部门)|主责"),
    "support": re.compile(r"配合|参与|协办|协助"),
    "deadline": re.compile(r"时限|时间|节点|期限"),
    "sector": re.compile(r"行业|领域|类别"),
}
TABLE_CELL_SPLIT = re.compile(r"[、，；\s]+")


@dataclass(frozen=True, slots=True)
class Ref:
    """A party at normalized offsets [start, end)."""

    start: int
    end: int
    ref: PartyRef


@dataclass(frozen=True, slots=True)
class Cue:
    role: str
    where: str
    pattern: re.Pattern[str]


# --- data ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def role_cues() -> tuple[Cue, ...]:
    """Role cues, the longest first; each `after` cue may follow the filler words (等部门, 依职责)."""
    rows = load_tsv("role_cues.tsv")
    filler = "|".join(r["cue"] for r in rows if r["role"] == "filler")
    cues = []
    for r in sorted((r for r in rows if r["role"] != "filler"), key=lambda r: -len(r["cue"])):
        if r["where"] in ("after", "subject"):
            pattern = re.compile(f"(?:{filler})*(?:{r['cue']})")
        elif r["where"] == "before":
            pattern = re.compile(f"(?:{r['cue']})$")
        else:
            pattern = re.compile(r["cue"])
        cues.append(Cue(r["role"], r["where"], pattern))
    return tuple(cues)


@lru_cache(maxsize=1)
def role_words() -> re.Pattern[str]:
    """Any role cue or filler word, or a list separator: what may stand in brackets beside the parties."""
    rows = load_tsv("role_cues.tsv")
    words = [r["cue"] for r in rows if r["where"] == "after"]
    return re.compile("|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True)) + "|[、和及与]")


@lru_cache(maxsize=1)
def sector_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for row in load_tsv("sectors.tsv"):
        auto.add_word(row["term"], (row["term"], row["sector"]))
    auto.make_automaton()
    return auto


def sectors_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sector) of every sector term in `text`, leftmost-longest."""
    return [(end - len(term) + 1, end + 1, sector) for end, (term, sector) in sector_automaton().iter_long(text)]


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
    refs += [Ref(doc.norm_index(g.span.start), doc.norm_index(g.span.end), g) for g in generic_refs(doc)]
    return sorted(refs, key=lambda r: r.start)


def refs_within(refs: list[Ref], start: int, end: int) -> list[Ref]:
    """The refs inside [start, end); `refs` are in start order."""
    lo = bisect_left(refs, start, key=lambda r: r.start)
    hi = bisect_left(refs, end, lo, key=lambda r: r.start)
    return [r for r in refs[lo:hi] if r.end <= end]


def list_groups(text: str, refs: list[Ref]) -> list[list[Ref]]:
    """Runs of parties written as one list (市公安局、民政局和商务局; 市水务局市林草局)."""
    groups: list[list[Ref]] = []
    for r in refs:
        if groups and LIST_GAP.fullmatch(text, groups[-1][-1].end, r.start):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def label_roles(text: str, refs: list[Ref], start: int, end: int) -> dict[int, str]:
    """Roles given by field labels (牵头单位：…；配合单位：…), by ref start."""
    labels = sorted(
        (m.start(), m.end(), cue.role)
        for cue in role_cues()
        if cue.where == "label"
        for m in cue.pattern.finditer(text, start, end)
    )
    roles: dict[int, str] = {}
    for i, (_, label_end, role) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else end
        field_end = re.compile(r"[；。\n）]").search(text, label_end, stop)
        for r in refs:
            if label_end <= r.start and r.end <= (field_end.start() if field_end else stop):
                roles[r.start] = role
    return roles


def group_role(text: str, group: list[Ref], start: int, end: int) -> str | None:
    """The role the words around a list give it: after it (牵头, 配合), before it (由, 会同), or as subject (要)."""
    after = text[group[-1].end : end]
    for cue in role_cues():
        if cue.where == "after" and cue.pattern.match(after):
            return cue.role
    before = text[start : group[0].start]
    for cue in role_cues():
        if cue.where == "before" and cue.pattern.search(before):
            return cue.role
    opens_sentence = group[0].start == start or text[group[0].start - 1] in SENTENCE_START
    if opens_sentence:  # 市安委办严肃指出…: who opens a sentence acts
        return "lead"
    if text[group[0].start - 1] in CLAUSE_START:
        for cue in role_cues():
            if cue.where == "subject" and cue.pattern.match(after):
                return cue.role
    return None


def assign_roles(text: str, refs: list[Ref], start: int, end: int) -> tuple[list[PartyRef], list[PartyRef]]:
    """(lead, support) of the parties written in [start, end)."""
    lead: list[PartyRef] = []
    support: list[PartyRef] = []
    labelled = label_roles(text, refs, start, end)
    for r in refs:
        if r.start in labelled:
            (lead if labelled[r.start] == "lead" else support).append(r.ref)
    free = [r for r in refs if r.start not in labelled]
    for group in list_groups(text, free):
        role = group_role(text, group, start, end)
        if role == "support_or_lead":
            role = "support" if lead else "lead"
        if role:
            target = lead if role == "lead" else support
            target.extend(r.ref for r in group if r.ref.name not in {p.name for p in target})
    return lead, support


def has_own_lead(text: str, refs: list[Ref], start: int, end: int) -> bool:
    """Whether a sentence assigns a department to lead (由市公安局负责…), opening a task of its own."""
    lead, _ = assign_roles(text, refs, start, end)
    return any(p.kind != "generic" for p in lead)


# --- structure -----------------------------------------------------------------------------------


def task_sections(doc: Document) -> list[Section]:
    """Leaf sections in the parts of the outline that hold tasks, measures or phases."""
    leaves = []
    for sec in doc.sections:
        if sec.children:
            continue
        top = doc.section_path(sec.id)[0]
        if top.role in TASK_ROLES + ASSIGNMENT_ONLY_ROLES:
            leaves.append(sec)
    return leaves


def norm_range(doc: Document, span: Span) -> tuple[int, int]:
    return doc.norm_index(span.start), doc.norm_index(span.end)


def topic_of(doc: Document, sec: Section) -> str:
    """The words a numbered item opens with, up to its first party or stop (煤矿 of 煤矿由市…牵头)."""
    heading = sec.heading
    m = TOPIC_END.search(heading)
    return (heading[: m.start()] if m else heading)[:TOPIC_MAX]


def item_sector(doc: Document, sec: Section) -> str | None:
    """The sector of a task item: named in its topic, else in an enclosing heading."""
    for s in reversed(doc.section_path(sec.id)):
        sector = sector_of(topic_of(doc, s))
        if sector:
            return sector
    return None


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


def deadline_within(deadlines: list[Deadline], span: Span) -> Deadline | None:
    return next((d for d in deadlines if span.start <= d.span.start and d.span.end <= span.end), None)


def task_deadline(doc: Document, span: Span, sec: Section | None) -> Deadline | None:
    """The deadline written inside the task, else the one in the heading of an enclosing section (a phase)."""
    found = deadline_within(doc.extraction.deadlines, span)
    if found or sec is None:
        return found
    for s in reversed(doc.section_path(sec.parent)):
        found = deadline_within(doc.extraction.deadlines, s.heading_span)
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


def make_task(doc: Document, start: int, end: int, refs: list[Ref], sec: Section | None, sector: str | None) -> Task:
    lead, support = assign_roles(doc.norm_text, refs, start, end)
    span = doc.source_span(start, end)
    return Task(
        text=doc.text_of(span),
        span=span,
        sector=sector,
        lead=lead,
        support=support,
        deadline=task_deadline(doc, span, sec),
        phase=phase_of(doc, sec) if sec else None,
        section=sec.id if sec else None,
    )


def sentence_ranges(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    lo = bisect_left(doc.sentences, start, key=lambda s: s.norm_start)
    hi = bisect_left(doc.sentences, end, lo, key=lambda s: s.norm_start)
    inside = [(s.norm_start, s.norm_end) for s in doc.sentences[lo:hi]]
    return inside or [(start, end)]


def split_by_assignment(doc: Document, refs: list[Ref], start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of one item, a new one at each later sentence that assigns its own lead."""
    text = doc.norm_text
    parts: list[tuple[int, int]] = []
    for s_start, s_end in sentence_ranges(doc, start, end):
        opens_task = has_own_lead(text, refs_within(refs, s_start, s_end), s_start, s_end)
        if parts and not (opens_task and has_own_lead(text, refs_within(refs, *parts[-1]), *parts[-1])):
            parts[-1] = (parts[-1][0], s_end)
        else:
            parts.append((s_start, s_end))
    if parts:
        parts[0] = (start, parts[0][1])
        parts[-1] = (parts[-1][0], end)
    return parts


def item_tasks(doc: Document, sec: Section, refs: list[Ref]) -> list[Task]:
    """The tasks of one leaf item: its parts, then its bracketed sector assignments."""
    start, end = norm_range(doc, sec.span)
    inside = refs_within(refs, start, end)
    brackets = bracketed_assignments(doc, inside, start, end)
    in_brackets = {r.start for _, _, _, rs in brackets for r in rs}
    main_refs = [r for r in inside if r.start not in in_brackets]
    sector = item_sector(doc, sec)
    tasks = []
    for p_start, p_end in split_by_assignment(doc, main_refs, start, end):
        task = make_task(doc, p_start, p_end, refs_within(main_refs, p_start, p_end), sec, sector)
        if not task.lead:
            task.lead = heading_actors(doc, sec, refs)
        tasks.append(task)
    for b_start, b_end, b_sector, b_refs in brackets:
        task = make_task(doc, b_start, b_end, b_refs, sec, b_sector)
        if not task.lead:  # 危险废物（市生态环境局）: a bare name in brackets leads
            task.lead = [r.ref for r in b_refs]
        tasks.append(task)
    if doc.section_path(sec.id)[0].role in ASSIGNMENT_ONLY_ROLES:
        tasks = [t for t in tasks if any(p.kind != "generic" for p in t.lead + t.support)]
    return tasks


def paragraph_tasks(doc: Document, refs: list[Ref]) -> list[Task]:
    """Without an outline: every paragraph that assigns a department to lead is a task."""
    tasks = []
    for m in re.finditer(r"[^\n]+", doc.norm_text):
        inside = refs_within(refs, m.start(), m.end())
        if inside and has_own_lead(doc.norm_text, inside, m.start(), m.end()):
            sector = sector_of(doc.norm_text[m.start() : m.start() + TOPIC_MAX])
            tasks.append(make_task(doc, m.start(), m.end(), inside, None, sector))
    return tasks


# --- tables --------------------------------------------------------------------------------------


def table_columns(table: Table) -> dict[str, int]:
    """Column index of each known header (任务, 牵头单位, 配合单位, 完成时限, 行业领域)."""
    columns: dict[str, int] = {}
    for i, head in enumerate(table.header()):
        head = head.strip()
        for name in ("support", "lead", "deadline", "sector", "task"):
            if name not in columns and TABLE_COLUMNS[name].search(head):
                columns[name] = i
                break
    return columns


def cell_parties(doc: Document, refs: list[Ref], cell_span: Span) -> list[PartyRef]:
    """The parties of a table cell: every department or generic party written in it."""
    start, end = norm_range(doc, cell_span)
    return list({r.ref.name: r.ref for r in refs_within(refs, start, end)}.values())


def table_tasks(doc: Document, refs: list[Ref]) -> list[Task]:
    """One task per row of a table whose header names a task column and a lead column."""
    tasks = []
    for table in doc.tables:
        cols = table_columns(table)
        if "task" not in cols or "lead" not in cols:
            continue
        for row in table.rows[1:]:
            if len(row) <= max(cols.values()) or not row[cols["task"]].text.strip():
                continue
            span = Span(row[0].span.start, row[-1].span.end)
            deadline_cell = row[cols["deadline"]].span if "deadline" in cols else None
            sector_text = row[cols["sector"]].text if "sector" in cols else row[cols["task"]].text[:20]
            tasks.append(
                Task(
                    text=row[cols["task"]].text,
                    span=row[cols["task"]].span,
                    sector=sector_of(sector_text),
                    lead=cell_parties(doc, refs, row[cols["lead"]].span),
                    support=cell_parties(doc, refs, row[cols["support"]].span) if "support" in cols else [],
                    deadline=deadline_within(doc.extraction.deadlines, deadline_cell or span),
                    section=None,
                )
            )
    return tasks


@stage(
    "tasks",
    step="extract",
    assigns="extraction.tasks",
    requires=("sections", "sentences", "extraction.departments", "extraction.deadlines"),
)
def tasks(doc: Document) -> list[Task]:
    """Tasks of the document: outline items (or paragraphs) with their parties, then table rows."""
    refs = party_refs(doc)
    leaves = task_sections(doc)
    if leaves:
        found = [task for sec in leaves for task in item_tasks(doc, sec, refs)]
    elif not doc.sections:
        found = paragraph_tasks(doc, refs)
    else:
        found = []
    return found + table_tasks(doc, refs)
