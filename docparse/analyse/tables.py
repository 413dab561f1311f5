"""Tables written as text, read once for every extractor: the lines of the normalized text with their cells
(the rows of a 时间安排 or 完成时限 column the deadline reader consults), and the task tables whose header names a
responsible unit (序号  工作任务  牵头单位 …, cells apart by tabs or runs of spaces), read into `Table`s like
those the DOCX, PDF and HTML readers find.
"""

from __future__ import annotations

import re

from docparse.model import Cell, Document, Span, Table, TextLines
from docparse.pipeline import stage
from docparse.textspans import CELL_GAP, row_cells

TABLE_COLUMNS = {
    "task": re.compile(r"任务|内容|措施|事项|工作"),
    "lead": re.compile(r"牵头|责任(?:单位|部门)|主责"),
    "support": re.compile(r"配合|参与|协办|协助"),
    "deadline": re.compile(r"时限|时间|节点|期限"),
    "sector": re.compile(r"行业|领域|类别"),
}
TABLE_KINDS = ("support", "lead", "deadline", "sector", "task")
TABLE_NUMBER_HEAD = re.compile(r"序号|编号|序")
TABLE_NUMBER = re.compile(r"[\d一二三四五六七八九十]{1,3}[.、．]?")
# A header cell that names who is responsible: where a task table written as text lines is looked for.
TABLE_HEADER_WORD = re.compile(r"(?:牵头|责任|主责)(?:单位|部门)")
TAB = re.compile(r"\t")
# A source line, whatever ends it: LF, CRLF (a Windows file) or a lone CR (an old Mac file), without its end.
LINE = re.compile(r"(?:(?<=\n)|(?<=\r)(?!\n)|(?<![\s\S]))[^\r\n]*")
DEADLINE_LIKE = re.compile(r"\d{1,2}月|年底|月底|前$|持续|长期|常态|每[月季年周旬]|全年")
# A table some pages save one cell a line, each cell closed by a bar (主要任务 |⏎责任单位 |⏎完成时限 |), an empty
# cell as a bar alone and a run of empty cells as a run of bars (||||).
CELL_LINE = re.compile(r"[ \t\u3000]*(?P<cell>[^|\r\n]*?)[ \t\u3000]*(?P<bars>\|+)[ \t\u3000]*(?=[\r\n]|\Z)")
HEADER_CELL_MAX = 12  # characters of a header cell saved one a line
DEADLINE_CELL_MAX = 25


def line_start_before(text: str, pos: int) -> int:
    """Where the source line holding the character before `pos` starts, whatever ends the lines."""
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def previous_line_start(text: str, line_start: int) -> int:
    """Where the line above the one starting at `line_start` starts."""
    content_end = line_start - (2 if text.startswith("\r\n", line_start - 2) else 1)
    return line_start_before(text, content_end)


def is_blank_line(text: str, line_start: int) -> bool:
    line = LINE.match(text, line_start)
    return line is not None and not line.group().strip()


def column_kind(head: str) -> str | None:
    """What a header cell names: task, lead, support, deadline, sector, number (序号), or None."""
    head = head.strip()
    if TABLE_NUMBER_HEAD.fullmatch(head):
        return "number"
    return next((name for name in TABLE_KINDS if TABLE_COLUMNS[name].search(head)), None)


def source_cells(doc: Document, line_start: int, line_end: int, gaps: re.Pattern[str] = CELL_GAP) -> list[Cell]:
    """The cells of one source line split on tabs or runs of spaces, each with its span and normalized text.

    With `gaps` = one tab, empty cells are kept (a tab-separated row writes an empty cell as two tabs)."""
    cells = []
    pos = line_start
    keep_empty = gaps is TAB
    for gap in [*gaps.finditer(doc.text, line_start, line_end), None]:
        cell_end = gap.start() if gap else line_end
        raw = doc.text[pos:cell_end]
        lead_blank = len(raw) - len(raw.lstrip())
        start, end = pos + lead_blank, pos + len(raw.rstrip())
        if end > start:
            n_start, n_end = doc.norm_index(start), doc.norm_index(end)
            cells.append(Cell(Span(start, end), doc.norm_text[n_start:n_end]))
        elif keep_empty:
            cells.append(Cell(Span(pos, pos), ""))
        pos = gap.end() if gap else line_end
    return cells


def aligned_cells(cells: list[Cell], kinds: list[str | None]) -> list[Cell] | None:
    """A row's cells placed under the header's columns; a row with fewer cells (an empty cell lost with the
    spaces around it) keeps its number and deadline at the ends. None when the row does not fit."""
    n = len(kinds)
    if len(cells) == n:
        return cells
    if len(cells) > n or len(cells) < 2:
        return None
    cells = list(cells)
    slots: list[Cell | None] = [None] * n
    left, right = 0, n
    if kinds[0] == "number":
        if TABLE_NUMBER.fullmatch(cells[0].text):
            slots[0] = cells.pop(0)
        left = 1
    if kinds[-1] == "deadline":
        if cells and DEADLINE_LIKE.search(cells[-1].text):
            slots[-1] = cells.pop()
        right = n - 1
    for i, cell in zip(range(left, right), cells):
        slots[i] = cell
    anchor = next((c.span.end for c in slots if c is not None), 0)
    return [c if c is not None else Cell(Span(anchor, anchor), "") for c in slots]


def is_wrapped_cell(line: str) -> bool:
    """Whether a line of a text table is the rest of a cell wrapped from the row above: indented, or short and
    not ending a sentence."""
    return line[:1].isspace() or (len(line.strip()) <= 20 and not line.rstrip().endswith(("。", "：", ":")))


def text_table_at(doc: Document, line_start: int) -> Table | None:
    """The table whose header line starts at `line_start`: that line and the rows after it."""
    lines = LINE.finditer(doc.text, line_start)
    header_line = next(lines)
    header = source_cells(doc, header_line.start(), header_line.end())
    kinds = [column_kind(c.text) for c in header]
    if len(header) < 3 or "lead" not in kinds or not ({"task", "sector"} & set(kinds)):
        return None
    rows = [header]
    skipped = 0  # blank lines and lines of one cell (a long cell wrapped onto the next line) since the last row
    for line in lines:
        cells = aligned_cells(source_cells(doc, line.start(), line.end()), kinds)
        if cells is None and "\t" in line.group():
            cells = aligned_cells(source_cells(doc, line.start(), line.end(), TAB), kinds)
        if cells is None:
            skipped += 1
            if skipped > 1 or (line.group().strip() and not is_wrapped_cell(line.group())):
                break
            continue
        rows.append(cells)
        skipped = 0
    if len(rows) < 2:
        return None
    return Table(Span(header[0].span.start, rows[-1][-1].span.end), rows)


def header_cell_line(doc: Document, line_start: int) -> re.Match[str] | None:
    """The line at `line_start` when it is one short header cell closed by a bar (责任单位 |)."""
    m = CELL_LINE.match(doc.text, line_start)
    if m is None or len(m.group("bars")) != 1 or not 1 <= len(m.group("cell")) <= HEADER_CELL_MAX:
        return None
    return m


def line_cells(doc: Document, line: re.Match[str]) -> list[Cell]:
    """The cells of one line of a table saved one cell a line: its text before the bar, then one empty cell per
    further bar; a line without a bar is a cell left open (a section's row, 一、加强…部署, before its empty cells)."""
    bars = CELL_LINE.fullmatch(line.group())
    if bars is None:
        return [source_cell(doc, line.start(), line.end())]
    start = line.start() + bars.start("cell")
    cells = [source_cell(doc, start, start + len(bars.group("cell")))] if bars.group("cell") else []
    anchor = line.start() + bars.start("bars")
    extra = len(bars.group("bars")) - (1 if bars.group("cell") else 0)
    return cells + [Cell(Span(anchor, anchor), "")] * extra


def source_cell(doc: Document, start: int, end: int) -> Cell:
    raw = doc.text[start:end]
    start, end = start + len(raw) - len(raw.lstrip()), start + len(raw.rstrip())
    return Cell(Span(start, end), doc.norm_text[doc.norm_index(start) : doc.norm_index(end)] if end > start else "")


def cell_line_table(doc: Document, line_start: int) -> Table | None:
    """The task table around the header cell at `line_start` when the page saved it one cell a line.

    Merged cells leave rows of unequal length, so rows are not counted off: each deadline cell anchors one, the
    unit and task cells standing before it as the header orders them (工作任务 |⏎责任单位 |⏎完成时限 |)."""
    first = line_start
    while first > 0:
        above = previous_line_start(doc.text, first)
        while above > 0 and is_blank_line(doc.text, above):  # pages that set a blank line after every line
            above = previous_line_start(doc.text, above)
        if header_cell_line(doc, above) is None:
            break
        first = above
    header: list[Cell] = []
    lines = LINE.finditer(doc.text, first)
    for line in lines:
        if not line.group().strip():
            continue
        m = header_cell_line(doc, line.start())
        if m is None:
            break
        header.append(source_cell(doc, m.start("cell"), m.end("cell")))
    kinds = [column_kind(c.text) for c in header]
    if len(header) < 3 or "lead" not in kinds or "deadline" not in kinds:
        return None
    lead = kinds.index("lead")
    deadline = kinds.index("deadline", lead) if "deadline" in kinds[lead:] else None
    task = max((i for i in range(lead) if kinds[i] == "task"), default=None)
    if deadline is None or task is None:
        return None
    stream: list[Cell] = []
    open_lines = 0
    for body_line in [line, *lines]:
        if not body_line.group().strip():
            continue
        open_lines = 0 if "|" in body_line.group() else open_lines + 1
        if open_lines > 1:
            break
        stream.extend(line_cells(doc, body_line))
    rows = [[header[task], header[lead], header[deadline]]]
    for j, cell in enumerate(stream):
        if j < deadline - task or len(cell.text) > DEADLINE_CELL_MAX or not DEADLINE_LIKE.search(cell.text):
            continue
        unit, work = stream[j - (deadline - lead)], stream[j - (deadline - task)]
        if unit.text and work.text:
            rows.append([work, unit, cell])
    if len(rows) < 2:
        return None
    return Table(Span(header[0].span.start, rows[-1][-1].span.end), rows)


@stage("text_tables", step="analyse", assigns="analysis.text_tables")
def text_tables(doc: Document) -> list[Table]:
    """Task tables written as text (序号\t工作任务\t牵头单位…, or cells apart by runs of spaces).

    The header is found in the normalized text; rows and cells come from the source lines through the
    offset map, because normalization turns tabs into spaces and may join long rows into one line.
    """
    tables: list[Table] = []
    for m in TABLE_HEADER_WORD.finditer(doc.norm_text):
        source_start = doc.source_span(m.start(), m.end()).start
        line_start = line_start_before(doc.text, source_start)
        if tables and line_start < tables[-1].span.end:
            continue
        if any(t.span.start <= source_start < t.span.end for t in doc.tables):
            continue  # the reader has this table already
        if header_cell_line(doc, line_start) is not None:
            table = cell_line_table(doc, line_start)
        elif not CELL_GAP.search(doc.text, line_start, source_start):
            continue  # a label in running text (牵头单位：…), not a header cell
        else:
            table = text_table_at(doc, line_start)
        if table is not None:
            tables.append(table)
    return tables


@stage("text_lines", step="analyse", assigns="analysis.text_lines")
def text_lines(doc: Document) -> TextLines:
    """Every line of the normalized text with its cells, in one pass: a line's table run is the run of the line
    above when that is a table line (two cells or more), where walking up from every cell of a long table was
    quadratic."""
    lines = TextLines([], [], [], [])
    pos = 0
    for i, line in enumerate(doc.norm_text.split("\n")):
        lines.starts.append(pos)
        lines.tops.append(lines.tops[i - 1] if i and len(lines.cells[i - 1]) >= 2 else i)
        lines.cells.append(tuple(row_cells(line)))
        lines.tabbed.append("\t" in line)
        pos += len(line) + 1
    return lines
