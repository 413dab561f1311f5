"""The outline tree: 第X章 / 第X条 / 一、 / （一） / 1. / （1） / ① headings and inline 一是…二是… lists.

Levels come from nesting, not from a fixed table: a marker family seen for the first time opens a
level below the current one, and a family already open closes everything below it (as Markdown
parsers treat list indentation). Each section gets a role from its heading words (data file
section_roles.tsv) or its parent's role, or, failing both, from what its body does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from docparse.model import Document, Section
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.structure.meta import DATE_LINE, DOC_NUMBER, ORG_LINE, norm_lines
from docparse.structure.role_model import confident_role

CN_NUM = "一二三四五六七八九十百零〇"
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第[{CN_NUM}\d]+部分\s*")),
    ("chapter", re.compile(rf"^第[{CN_NUM}\d]+章\s*")),
    ("section", re.compile(rf"^第[{CN_NUM}\d]+节\s*")),
    ("article", re.compile(rf"^第[{CN_NUM}\d]+条\s*")),
    ("cn_dun", re.compile(rf"^[{CN_NUM}]+[、．.]\s*")),
    ("cn_paren", re.compile(rf"^（[{CN_NUM}]+）[、．.]?\s*")),
    ("arabic_dot", re.compile(r"^\d{1,2}[.．、](?!\d)\s*")),
    ("arabic_paren", re.compile(r"^（\d{1,2}）[、．.]?\s*")),
    ("circled", re.compile(r"^[①-⑳]\s*")),
    # 一是… / 一要… opening a paragraph: an enumeration that runs over several paragraphs.
    ("cn_enum", re.compile(rf"^[{CN_NUM}]{{1,3}}(?:是|要)(?=\S)")),
    # 第一，… / 第二，… opening a paragraph: a speech's points, bounded by their paragraph like 一是.
    ("cn_ordinal", re.compile(rf"^第[{CN_NUM}]{{1,3}}[，,、](?=\S)")),
)
PARAGRAPH_STYLES = ("cn_enum", "cn_ordinal")
# The families an 一、 heading never stands under: a text taken from the middle of a plan may open with them.
BELOW_CN_DUN = ("cn_paren", "arabic_dot", "arabic_paren", "circled")
INLINE = re.compile(rf"(?:^|(?<=[。；：！？]))\s*(?P<marker>[{CN_NUM}]{{1,3}}(?:是|要|抓|强化|坚持|突出))")
HEADING_END = re.compile(r"[。！？：；]")
# An interview's questions open its parts: the host's label starts the line.
HOST_LINE = re.compile(r"^(?:主持人|记者|问|提问)[:：]")
QUESTION = re.compile(r"[^。！？]*？")
ROLE_BODY_CUES = (
    ("tasks", re.compile(r"牵头|配合|负责单位|责任单位|责任部门")),
    ("problems", re.compile(r"不到位|不落实|流于形式|照抄照搬|存在.{0,6}问题|不力|滞后|薄弱")),
    ("phases", re.compile(r"\d{1,2}月\d{1,2}日[前至—-]|阶段")),
)


@dataclass(slots=True)
class Heading:
    style: str
    marker: str
    start: int  # normalized offsets of the marker
    heading_start: int
    heading_end: int
    line_end: int


@lru_cache(maxsize=1)
def role_cues() -> tuple[tuple[str, str, bool], ...]:
    """(cue, role, strong), longest cue first; on equal length a problems cue wins (督导检查发现的主要问题)."""
    rows = [(r["cue"], r["role"], r["strength"] == "strong") for r in load_tsv("section_roles.tsv")]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[1] != "problems")))


def heading_role(heading: str, strong_only: bool) -> str | None:
    for cue, role, strong in role_cues():
        if (strong or not strong_only) and cue in heading:
            return role
    return None


def names_achievements(heading: str) -> bool:
    """Whether a heading names a part for what was achieved: it ends in a strong achievements cue (工作成效)."""
    heading = heading.rstrip("。：:；")
    return any(strong and role == "evaluation" and heading.endswith(cue) for cue, role, strong in role_cues())


def body_role(body: str) -> str:
    """Role from what a body does, when no heading says it; cues must be frequent, not incidental."""
    for role, pattern in ROLE_BODY_CUES:
        hits = len(pattern.findall(body))
        if hits >= 2 and hits * 200 >= len(body):
            return role
    return "other"


# The marker patterns as one alternation, each branch named by its position in MARKERS: `match` tries them in
# their order and stops at the first that matches, as the loop over MARKERS did, in one call per line.
ANY_MARKER = re.compile("|".join(f"(?P<m{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(MARKERS)))


def marker_heading(line_text: str, line_start: int) -> Heading | None:
    m = ANY_MARKER.match(line_text)
    if m is None:
        return None
    style = MARKERS[int(m.lastgroup[1:])][0]  # type: ignore[index]
    rest = line_text[m.end() :]
    if not rest or (style == "arabic_dot" and rest[0] in "%‰年月日号个项家起人次"):
        return None  # 1.5% or 2.3亿 is a number, not a marker; （六）人员密集场所 is a heading
    stop = HEADING_END.search(rest)
    length = stop.start() if stop and stop.start() <= 60 else (len(rest) if len(rest) <= 60 else 0)
    if length == 0:
        comma = rest.find("，")
        length = comma if 0 < comma <= 40 else min(len(rest), 40)
    marker = m.group().strip()
    return Heading(style, marker, line_start, line_start + m.end(), line_start + m.end() + length, line_start + len(line_text))


def plain_heading(line_text: str, line_start: int) -> Heading | None:
    """An unmarked heading line: short, no sentence punctuation, not a metadata line."""
    if len(line_text) > 30 or len(line_text) < 4 or re.search(r"[。！？；：，]$", line_text):
        return None
    if DATE_LINE.match(line_text) or DOC_NUMBER.search(line_text) or ORG_LINE.match(line_text):
        return None
    end = line_start + len(line_text)
    return Heading("plain", "", line_start, line_start, end, end)


def host_heading(line_text: str, line_start: int) -> Heading | None:
    """An interviewer's turn: its heading is the (last) question it asks."""
    m = HOST_LINE.match(line_text)
    if not m:
        return None
    questions = list(QUESTION.finditer(line_text, m.end()))
    if questions:
        first, last = questions[0], questions[-1]
        if last.end() - first.start() > 60:
            first = last
        start = first.start() + len(first.group()) - len(first.group().lstrip("，, "))
        h_start, h_end = line_start + start, line_start + last.end()
    else:
        stop = HEADING_END.search(line_text, m.end())
        h_start, h_end = line_start + m.end(), line_start + (stop.start() if stop else len(line_text))
    end = line_start + len(line_text)
    return Heading("turn", m.group().rstrip(":："), line_start, h_start, h_end, end)


def body_zones(doc: Document) -> list[tuple[int, int]]:
    """Normalized ranges whose outlines are separate: the wrapper body, then each embedded document."""
    starts = [0] + [doc.norm_index(e.span.start) for e in doc.embedded]
    ends = starts[1:] + [len(doc.norm_text)]
    return list(zip(starts, ends))


def line_headings(doc: Document, zone: tuple[int, int]) -> list[Heading]:
    lines = [ln for ln in norm_lines(doc) if zone[0] <= ln.start < zone[1]]
    headings = [h for ln in lines if (h := marker_heading(ln.text, ln.start) or host_heading(ln.text, ln.start))]
    if any(h.style in ("cn_dun", "chapter", "part") for h in headings):
        return headings
    # Without top-level markers, short unmarked lines between paragraphs act as headings (news-style reports).
    plain = []
    for pos, ln in enumerate(lines[1:-1], start=1):
        h = plain_heading(ln.text, ln.start)
        if h and len(lines[pos + 1].text) > 2 * len(ln.text):
            plain.append(h)
    return sorted(headings + plain, key=lambda h: h.start)


def nest(headings: list[Heading], zone_end: int, tail_start: int, base_id: int) -> list[Section]:
    """Sections with levels from marker nesting, spans closed by the next heading at or above."""
    sections: list[Section] = []
    stack: list[tuple[str, int]] = []  # (style, section id)
    for h in headings:
        if h.style == "cn_dun" and stack and all(s in BELOW_CN_DUN for s, _ in stack):
            stack.clear()  # a text that starts inside an outline ((三)…43.…五、…): 一、 heads it, as everywhere
        while stack and h.style in [s for s, _ in stack] and stack[-1][0] != h.style:
            stack.pop()
        if stack and stack[-1][0] == h.style:
            stack.pop()
        parent = stack[-1][1] if stack else None
        sid = base_id + len(sections)
        sections.append(
            Section(sid, h.marker, "", len(stack) + 1, h.style, _pending(h), _pending_heading(h), parent=parent)
        )
        stack.append((h.style, sid))
    end_limit = min(zone_end, tail_start) if tail_start > (headings[-1].start if headings else 0) else zone_end
    for i, sec in enumerate(sections):
        if sec.style in PARAGRAPH_STYLES:  # 一是… and 第一，… paragraphs end with their paragraph
            continue
        nxt = next((s for s in sections[i + 1 :] if s.level <= sec.level), None)
        sec.span = (sec.span[0], nxt.span[0] if nxt else end_limit)  # type: ignore[assignment]
    return sections


def run_on_enumerations(doc: Document, sections: list[Section], base_id: int) -> list[Section]:
    """二是…, 三是… written on in the paragraph that 一是 opens: siblings of that paragraph's section, which
    is cut where the next one begins."""
    out: list[Section] = []
    for sec in [s for s in sections if s.style == "cn_enum"]:
        end = sec.span[1]  # type: ignore[index]
        expected = CN_NUM.index(sec.marker[0]) + 1 if sec.marker[0] in CN_NUM[:10] else None
        if expected is None:
            continue
        current = sec
        for m in INLINE.finditer(doc.norm_text, sec.heading_span[1], end):  # type: ignore[misc]
            marker = m.group("marker")
            if marker[-1] != sec.marker[-1] or CN_NUM.find(marker[0]) != expected:
                continue
            m_start, m_end = m.start("marker"), m.end("marker")
            current.span = (current.span[0], m_start)  # type: ignore[assignment]
            stop = HEADING_END.search(doc.norm_text, m_end, end)
            h_end = stop.start() if stop and stop.start() - m_end <= 40 else min(end, m_end + 20)
            current = Section(base_id + len(out), marker, "", sec.level, sec.style, (m_start, end), (m_end, h_end), parent=sec.parent)  # type: ignore[arg-type]
            out.append(current)
            expected += 1
    return out


def _pending(h: Heading):  # normalized (start, end) until converted to source spans
    return (h.start, h.line_end)


def _pending_heading(h: Heading):
    return (h.heading_start, h.heading_end)


def inline_sections(doc: Document, parent: Section | None, start: int, end: int, base_id: int) -> list[Section]:
    """一是…二是… enumerations inside one paragraph range, as child sections."""
    out: list[Section] = []
    pos = start
    while pos < end:
        line_end = doc.norm_text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        out.extend(inline_in_paragraph(doc, parent, pos, line_end, base_id + len(out)))
        pos = line_end + 1
    return out


def in_sequence(found: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The enumeration markers that count on from 一 (一是, 二是, 三是 …), in order; the others left out."""
    items: list[re.Match[str]] = []
    for m in found:
        ordinal = m.group("marker")[0]
        if ordinal in CN_NUM[:10] and CN_NUM.index(ordinal) == len(items):
            items.append(m)
    return items


def inline_in_paragraph(doc: Document, parent: Section | None, start: int, end: int, base_id: int) -> list[Section]:
    text = doc.norm_text[start:end]
    items = in_sequence(INLINE.finditer(text))
    if len(items) < 2:
        return []
    out = []
    level = (parent.level + 1) if parent else 1
    for i, m in enumerate(items):
        m_start = start + m.start("marker")
        m_end = start + m.end("marker")
        item_end = start + items[i + 1].start("marker") if i + 1 < len(items) else end
        stop = HEADING_END.search(doc.norm_text, m_end, item_end)
        h_end = stop.start() if stop and stop.start() - m_end <= 40 else min(item_end, m_end + 20)
        out.append(
            Section(
                base_id + len(out), m.group("marker"), "", level, "inline",
                (m_start, item_end), (m_end, h_end), parent=parent.id if parent else None,  # type: ignore[arg-type]
            )
        )
    return out


def tail_start(doc: Document) -> int:
    """Where the closing signature, date and notes begin (sections end before them)."""
    meta = doc.meta
    # a signature opens its line, and a date stands alone on its line; an organ a news page reports acting, or the day
    # it acted (4月12日，省安委会下发…), stands inside a sentence
    candidates = [
        f.span.start
        for f in (meta.issuer, meta.date)
        if f is not None and f.span.start > len(doc.text) // 2 and doc.text[: f.span.start].rstrip(" \t\u3000")[-1:] in ("", "\n", "\r")
        and (f is meta.issuer or doc.text[f.span.end :].lstrip(" \t\u3000")[:1] in ("", "\n", "\r"))
    ]
    candidates += [f.span.start for f in meta.attachments + meta.notes if f.span.start > len(doc.text) // 2]
    return doc.norm_index(min(candidates)) if candidates else len(doc.norm_text)


def assign_roles(doc: Document, sections: list[Section]) -> None:
    for sec in sections:
        parent_role = sections[sec.parent].role if sec.parent is not None else "other"
        strong = heading_role(sec.heading, strong_only=True)
        # Inside a part that already has a role, only a problems heading changes it: 健全工作机制 under 主要成效
        # reports an achievement, while 存在的不足 under 工作情况 opens a problems part. The other way round, a
        # heading named for achievements opens one inside a problems part: “十二五”时期工作成效 under a plan's
        # 现状和面临的形势 (工作进展不平衡, a problem, does not end in its cue; 推广经验做法 under 下步工作 is a task).
        achievements = parent_role == "problems" and names_achievements(sec.heading)
        if parent_role != "other" and strong != "problems" and not achievements:
            sec.role = parent_role
        elif sec.style == "turn" and not sec.heading.endswith("？"):
            sec.role = "other"  # greetings and thanks, not a question about a part of the work
        elif strong:
            sec.role = strong
        else:
            weak = heading_role(sec.heading, strong_only=False) if sec.level == 1 else None
            body = doc.text_of(sec.span)
            sec.role = weak or body_role(body)
            if sec.role == "other" and sec.style != "turn":
                sec.role = confident_role(body) or "other"


@stage("outline", step="structure", assigns="sections", requires=("meta",))
def extract_outline(doc: Document) -> list[Section]:
    """All sections in document order, ids equal to list positions."""
    sections: list[Section] = []
    tail = tail_start(doc)
    for zone in body_zones(doc):
        headings = [h for h in line_headings(doc, zone) if h.start < tail]
        sections.extend(nest(headings, zone[1], tail, len(sections)))
    sections.extend(run_on_enumerations(doc, sections, len(sections)))
    inline: list[Section] = []
    parents = {s.parent for s in sections}
    leaves = [s for s in sections if s.id not in parents]
    for sec in leaves:
        inline.extend(inline_sections(doc, sec, sec.heading_span[1], sec.span[1], len(sections) + len(inline)))
    if not sections:
        inline.extend(inline_sections(doc, None, 0, len(doc.norm_text), 0))
    sections = renumber(sections + inline)
    for sec in sections:
        h_start, h_end = sec.heading_span  # type: ignore[misc]
        s_start, s_end = sec.span  # type: ignore[misc]
        sec.heading = doc.norm_text[h_start:h_end].strip()
        sec.heading_span = doc.source_span(h_start, h_end)
        sec.span = doc.source_span(s_start, max(s_start, s_end))
        trim_span_end(doc, sec)
    assign_roles(doc, sections)
    return sections


def trim_span_end(doc: Document, sec: Section) -> None:
    text = doc.text_of(sec.span)
    stripped = len(text.rstrip())
    if stripped < len(text):
        sec.span = type(sec.span)(sec.span.start, sec.span.start + stripped)


def renumber(sections: list[Section]) -> list[Section]:
    """Sort into document order and make ids equal positions, fixing parent/child links."""
    ordered = sorted(sections, key=lambda s: (s.span[0], s.level))  # type: ignore[index]
    new_id = {s.id: i for i, s in enumerate(ordered)}
    for s in ordered:
        s.id = new_id[s.id]
        s.parent = new_id[s.parent] if s.parent is not None else None
        s.children = []
    for s in ordered:
        if s.parent is not None:
            ordered[s.parent].children.append(s.id)
    return ordered
