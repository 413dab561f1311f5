"""The document model: one source text, and dataclasses whose spans point into it.

Every `Span` is a pair of end-exclusive code-point offsets into `Document.text`, the source text
that `docparse text FILE` prints. Analysis runs on `Document.norm_text`; `Document.source_span`
maps a normalized range back to the source, so every item can be checked against what was written.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docparse.analyse.organizations import OrgName
    from docparse.analyse.places import PlaceFacts
    from docparse.analyse.stance import StanceFacts

SCHEMA_NAME = "docparse.document"
SCHEMA_VERSION = "1.2"  # 1.1: the document's jurisdiction, and each department's full_name; 1.2: meta.published


@dataclass(frozen=True, slots=True)
class Span:
    """End-exclusive character range `[start, end)` in the source text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from and how it was read."""

    path: str | None
    sha256: str
    format: str  # txt, pdf, docx, html, doc, ...
    encoding: str | None = None
    reader: str | None = None
    converted_from: str | None = None
    size_bytes: int = 0


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    span: Span


@dataclass(slots=True)
class Cell:
    span: Span
    text: str


@dataclass(slots=True)
class Table:
    """A table as read from DOCX/PDF/HTML; each cell points into the source text."""

    span: Span
    rows: list[list[Cell]]
    page: int | None = None

    def header(self) -> list[str]:
        return [c.text for c in self.rows[0]] if self.rows else []


@dataclass(slots=True)
class Noise:
    """Source text that is not part of the document body (page furniture, web boilerplate)."""

    span: Span
    text: str
    reason: str  # page_number, running_header, phone_number, web_boilerplate, ...


@dataclass(slots=True)
class RawDocument:
    """What a reader produces: the source text plus layout facts it alone can know."""

    text: str
    source: Source
    pages: list[Page] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    # Paragraph boundaries the reader knows for sure (DOCX paragraphs, HTML blocks): source offsets
    # where a new paragraph starts, so normalization never joins across them.
    hard_breaks: set[int] = field(default_factory=set)
    # True when `hard_breaks` marks every paragraph start the layout shows (a PDF's indents and short
    # last lines), so any other line break is a wrap.
    breaks_from_layout: bool = False
    warnings: list[str] = field(default_factory=list)


class OffsetMap:
    """Maps every normalized character to the source offset it came from.

    Stored as a compact int array: one source index per normalized character, plus a sentinel
    for the end of text, so `source_span` is two lookups.
    """

    __slots__ = ("_src", "_source_len")

    def __init__(self, source_indices: array, source_len: int) -> None:
        self._src = source_indices
        self._source_len = source_len

    def __len__(self) -> int:
        return len(self._src)

    def to_source(self, start: int, end: int) -> Span:
        """Source span covering normalized characters `[start, end)`."""
        if end <= start:
            pos = self._src[start] if start < len(self._src) else self._source_len
            return Span(pos, pos)
        return Span(self._src[start], self._src[end - 1] + 1)

    def to_norm(self, source_offset: int) -> int:
        """First normalized index whose source offset is >= `source_offset`."""
        return bisect_left(self._src, source_offset)


@dataclass(slots=True)
class Field:
    """One metadata element with its evidence."""

    value: Any
    span: Span
    text: str


@dataclass(slots=True)
class Meta:
    """GB/T 9704-2012 elements (版头, 主体, 版记). `None` where the document does not state it."""

    title: Field | None = None
    doc_type: Field | None = None  # 文种
    doc_number: Field | None = None  # 发文字号
    issuer: Field | None = None  # 发文机关 (署名 or 标志)
    date: Field | None = None  # 成文日期, ISO 8601
    published: Field | None = None  # a web page's date of publication (发布时间 2019-11-28), ISO 8601: not 成文日期
    recipients: list[Field] = field(default_factory=list)  # 主送机关
    copy_number: Field | None = None  # 份号
    secrecy: Field | None = None  # 密级和保密期限
    urgency: Field | None = None  # 紧急程度
    issuer_mark: Field | None = None  # 发文机关标志
    signer: Field | None = None  # 签发人
    attachments: list[Field] = field(default_factory=list)  # 附件说明
    notes: list[Field] = field(default_factory=list)  # 附注 (联系人, 电话, 公开形式)
    cc: list[Field] = field(default_factory=list)  # 抄送机关
    printed_by: Field | None = None  # 印发机关
    print_date: Field | None = None  # 印发日期


@dataclass(slots=True)
class Section:
    """One node of the outline: 一、 / （一） / 1. / （1） / ① / 第X章 / 第X条 / 一是…"""

    id: int
    marker: str
    heading: str
    level: int
    style: str  # the marker family: cn_dun, cn_paren, arabic_dot, arabic_paren, circled, chapter, article, inline
    span: Span  # the whole section, heading and body
    heading_span: Span
    role: str = "other"
    parent: int | None = None
    children: list[int] = field(default_factory=list)


def innermost_section(sections: list[Section], starts: list[int], source_offset: int) -> int | None:
    """Id of the innermost section containing `source_offset`; `starts` are the sections' span starts.

    Sections are in start order and nest, so the last one starting at or before the offset, or one
    of its ancestors, is the answer.
    """
    i = bisect_right(starts, source_offset) - 1
    sec = sections[i] if i >= 0 else None
    while sec is not None and not (sec.span.start <= source_offset < sec.span.end):
        sec = sections[sec.parent] if sec.parent is not None else None
    return sec.id if sec is not None else None


@dataclass(slots=True)
class Embedded:
    """A document printed inside another (the 方案 under 关于印发…方案的通知)."""

    title: Field
    doc_type: str | None
    span: Span


@dataclass(slots=True)
class Sentence:
    span: Span  # source span
    norm_start: int
    norm_end: int
    section: int | None  # innermost section id


# --- extracted items -------------------------------------------------------------------------


@dataclass(slots=True)
class PartyRef:
    """A responsible party as it appears in an item: a department, or a generic subject (各地)."""

    name: str  # canonical name
    text: str  # as written
    span: Span
    kind: str = "department"  # department, committee, generic, enterprise


@dataclass(slots=True)
class Department:
    name: str
    level: str | None  # province, prefecture, county, township, central
    jurisdiction: str | None
    kind: str = "department"
    mentions: list[PartyRef] = field(default_factory=list)
    full_name: str | None = None  # with its place where the document gives it: 昆明市应急管理局


@dataclass(slots=True)
class RegionMention:
    text: str
    span: Span
    stance: str  # criticized, praised, mixed (praise that turns to blame after 但), neutral
    cue: str | None = None


@dataclass(slots=True)
class Region:
    name: str
    full_name: str
    level: str  # province, prefecture, county, township
    adcode: str | None
    parent: str | None
    stance: str  # criticized, praised, mixed, neutral
    mentions: list[RegionMention] = field(default_factory=list)


@dataclass(slots=True)
class Deadline:
    text: str
    span: Span
    date: str | None = None  # ISO due date
    start: str | None = None
    end: str | None = None
    what: str | None = None
    kind: str = "due"  # due, period, start
    year_inferred: bool = False


@dataclass(slots=True)
class Recurrence:
    text: str
    span: Span
    period: str  # daily, weekly, biweekly, semimonthly, dekad, monthly, bimonthly, quarterly, semiannual, annual
    count: int | None = None
    what: str | None = None


@dataclass(slots=True)
class Task:
    text: str
    span: Span
    sector: str | None = None
    lead: list[PartyRef] = field(default_factory=list)
    support: list[PartyRef] = field(default_factory=list)
    deadline: Deadline | None = None
    phase: str | None = None
    section: int | None = None


@dataclass(slots=True)
class Problem:
    text: str
    span: Span
    category: str | None = None
    regions: list[str] = field(default_factory=list)
    departments: list[PartyRef] = field(default_factory=list)
    copy_paste: bool = False
    section: int | None = None


@dataclass(slots=True)
class CriticizedEntity:
    name: str
    kind: str  # department, enterprise
    text: str
    span: Span
    reason: str | None = None


@dataclass(slots=True)
class Metric:
    text: str
    span: Span
    indicator: str | None
    value: float
    unit: str | None
    approx: str | None = None  # 余, 近, 多, 约 ...
    raw_value: str | None = None
    kind: str = "reported"  # reported (a statistic) or target (a goal or a required level: 达到100%, 下降10%以上)


@dataclass(slots=True)
class Check:
    kind: str  # rate_mismatch, sum_mismatch, ...
    message: str
    span: Span
    text: str
    stated: float | None = None
    computed: float | None = None


@dataclass(slots=True)
class Extraction:
    """Everything the extract and link stages produce for one document."""

    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrences: list[Recurrence] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    entities_criticized: list[CriticizedEntity] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


@dataclass(slots=True)
class TextLines:
    """The lines of the normalized text read as the rows of tables written as text: each line's cells (apart by
    tabs, runs of spaces or bars) and the first line of the run of table lines (two cells or more) above it."""

    starts: list[int]  # where each line starts
    cells: list[tuple[str, ...]]
    tops: list[int]  # for each line, the index of the first line of the run of table lines right above it, or its own
    tabbed: list[bool]  # whether the line holds a tab

    def line_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def head_cells(self, pos: int) -> tuple[str, ...]:
        """The cells of the first line of the run of table lines above the line at `pos`; none when that line
        opens the run itself (or no run is above it)."""
        i = self.line_of(pos)
        top = self.tops[i]
        return () if top == i else self.cells[top]

    def tabbed_at(self, pos: int) -> bool:
        """Whether `pos` lies on a line of a table written with tabs."""
        return self.tabbed[self.line_of(pos)]


@dataclass(slots=True)
class Analysis:
    """Facts several extractors read, each computed once by a stage of the analyse step (see
    docparse/analyse/); they are the means of extraction, not its results, and are not exported."""

    generic_parties: list[PartyRef] = field(default_factory=list)  # 各地, 各有关部门, 公安、交通等部门
    places: PlaceFacts | None = None  # region mentions with their roles, and the names found by their endings
    organizations: list[OrgName] = field(default_factory=list)  # enterprises and bodies, with the place before them
    stance: StanceFacts | None = None  # stance cues and each sentence's part
    is_report: bool = False  # the document reports what happened (通报, 总结) rather than plans it
    text_lines: TextLines | None = None  # the text's lines as rows of tables written as text
    text_tables: list[Table] = field(default_factory=list)  # task tables written as text lines (序号  工作任务  牵头单位)
    stated_year: int | None = None  # the year of the document's date, 文号 or title


@dataclass(slots=True)
class Document:
    """One document: source text, normalized text with its offset map, structure and items."""

    source: Source
    text: str
    norm_text: str
    offsets: OffsetMap
    pages: list[Page] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    embedded: list[Embedded] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    extraction: Extraction = field(default_factory=Extraction)
    jurisdiction: str | None = None  # the issuing body's place (昆明市; 全国 for a national body)
    warnings: list[str] = field(default_factory=list)

    def source_span(self, norm_start: int, norm_end: int) -> Span:
        """Source span for the normalized range `[norm_start, norm_end)`."""
        return self.offsets.to_source(norm_start, norm_end)

    def norm_index(self, source_offset: int) -> int:
        return self.offsets.to_norm(source_offset)

    def text_of(self, span: Span) -> str:
        """The source text of a span, as written."""
        return self.text[span.start : span.end]

    def page_of(self, span: Span) -> int | None:
        if not self.pages:
            return None
        starts = [p.span.start for p in self.pages]
        i = bisect_right(starts, span.start) - 1
        return self.pages[max(i, 0)].number

    def section_at(self, norm_offset: int) -> Section | None:
        """Innermost section containing a normalized offset (sections nest and are in start order)."""
        return self.section_containing(self.source_span(norm_offset, norm_offset + 1).start)

    def section_containing(self, source_offset: int) -> Section | None:
        """Innermost section containing a source offset."""
        sid = innermost_section(self.sections, [s.span.start for s in self.sections], source_offset)
        return self.sections[sid] if sid is not None else None

    def section_path(self, section_id: int | None) -> list[Section]:
        """The section and its ancestors, outermost first."""
        path: list[Section] = []
        while section_id is not None:
            sec = self.sections[section_id]
            path.append(sec)
            section_id = sec.parent
        return path[::-1]

    def to_dict(self) -> dict[str, Any]:
        from docparse.export.json import document_to_dict

        return document_to_dict(self)

    def _repr_html_(self) -> str:
        from docparse.export.html import document_html

        return document_html(self)
