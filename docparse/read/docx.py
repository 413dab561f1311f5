"""DOCX reader: body paragraphs and tables in document order, with Word's list numbers written out.

One paragraph a line, each a hard break; a table is one line per row with cells separated by
"\\t". Automatic numbering (w:numPr) is rendered from numbering.xml (numFmt, lvlText, counters),
because a 公文 outline typed as Word numbering has no 一、 / （一） characters in its text and the
outline stage would not see it. The archive is checked for zip bombs before anything is unpacked.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace

from docparse.errors import CorruptError, NotADocumentError, TooLargeError
from docparse.model import Cell, Page, RawDocument, Source, Span, Table
from docparse.read import register_reader

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed; Word XML compresses about 5-15x
MAX_ENTRIES = 10_000
INDENT = " \t\u3000\u00a0\u200b\ufeff"  # what the normalizer strips from a line's start

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
T, TAB, BR, CR = _w("t"), _w("tab"), _w("br"), _w("cr")
RENDERED_BREAK, BR_TYPE = _w("lastRenderedPageBreak"), _w("type")
SKIP = {_w("del"), _w("moveFrom"), f"{{{MC}}}Fallback", _w("pPr"), _w("rPr"), _w("instrText"), _w("delText")}
CONTAINERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("smartTag"), _w("ins"), _w("moveTo")}


def check_archive(data: bytes, kind: str = "DOCX") -> zipfile.ZipFile:
    """Open a zip archive after checking it cannot unpack into something huge (a zip bomb)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as err:
        raise CorruptError(f"truncated or damaged {kind} (not a complete zip archive: {err})") from None
    if len(infos) > MAX_ENTRIES:
        raise CorruptError(f"{kind} archive has {len(infos)} entries: not a document, possibly a zip bomb")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLargeError(
            f"{kind} unpacks to {unpacked / 1e6:.0f} MB (limit {MAX_UNPACKED_BYTES / 1e6:.0f} MB): "
            "refusing a possible zip bomb"
        )
    if unpacked > 1_000_000 and unpacked / packed > MAX_RATIO:
        raise CorruptError(
            f"{kind} looks like a zip bomb: it unpacks {unpacked / packed:.0f}x "
            f"({packed / 1e3:.0f} kB to {unpacked / 1e6:.0f} MB)"
        )
    return archive


@register_reader("docx")
def read_docx(data: bytes, source: Source) -> RawDocument:
    archive = check_archive(data)
    names = set(archive.namelist())
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        kind = "spreadsheet" if "xl/workbook.xml" in names else "presentation" if "ppt/presentation.xml" in names else "zip archive"
        raise NotADocumentError(f"{kind}, not a Word document (no word/document.xml)")
    try:
        # Reading every member once verifies the CRCs, so truncation inside a member shows here.
        for info in archive.infolist():
            with archive.open(info) as fh:
                while fh.read(1 << 20):
                    pass
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as err:
        raise CorruptError(f"truncated or damaged DOCX (a zip member is broken: {err})") from None
    except Exception as err:  # zlib.error and friends from a damaged deflate stream
        raise CorruptError(f"truncated or damaged DOCX ({type(err).__name__}: {err})") from None

    import docx
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as err:  # python-docx: "file is not a Word file, content type is ..."
        raise NotADocumentError(f"not a Word document ({err})") from None
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile) as err:
        raise CorruptError(f"truncated or damaged DOCX ({type(err).__name__}: {err})") from None

    numbering = Numbering.from_document(document)
    writer = _Writer(numbering)
    writer.block_items(document.element.body)
    text = "".join(writer.parts)
    src = replace(source, format="docx", reader="python-docx")
    return RawDocument(text=text, source=src, pages=pages_between(writer.page_breaks, text), tables=writer.tables,
                       hard_breaks=writer.hard_breaks, warnings=writer.warnings)  # fmt: skip


def pages_between(breaks: list[int], text: str) -> list[Page]:
    """Pages as Word last laid them out (w:lastRenderedPageBreak) or as the author broke them; none
    when the file records no break, since its page count is then unknown. A page starts after the
    line ends a break leaves before the next paragraph."""
    length = len(text)
    starts = [0]
    for b in sorted(set(breaks)):
        while b < length and text[b] == "\n":
            b += 1
        if starts[-1] < b < length:
            starts.append(b)
    if len(starts) == 1:
        return []
    ends = [*starts[1:], length]
    return [Page(i + 1, Span(start, end)) for i, (start, end) in enumerate(zip(starts, ends))]


class _Writer:
    """Walks the body XML and writes the source text, recording tables and paragraph starts."""

    def __init__(self, numbering: "Numbering") -> None:
        self.numbering = numbering
        self.parts: list[str] = []
        self.pos = 0
        self.tables: list[Table] = []
        self.hard_breaks: set[int] = set()
        self.page_breaks: list[int] = []
        self.warnings: list[str] = []

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def new_line(self, text: str = "") -> None:
        """Start a line for `text`; the hard break goes where the normalizer sees the line start."""
        if self.pos:
            self.write("\n")
        self.hard_breaks.add(self.pos + len(text) - len(text.lstrip(INDENT)))

    def block_items(self, parent) -> None:
        for child in parent.iterchildren():
            if child.tag == P:
                self.paragraph(child)
            elif child.tag == TBL:
                self.table(child)
            elif child.tag in CONTAINERS:
                self.block_items(child)

    def paragraph(self, p) -> None:
        boxes: list = []
        breaks: list[int] = []
        label = self.numbering.label(p)
        text = label + paragraph_text(p, boxes, breaks)
        self.new_line(text)
        if breaks_page_before(p):
            breaks.append(-len(label))
        self.page_breaks.extend(self.pos + len(label) + b for b in breaks)
        self.write(text)
        for box in boxes:  # text boxes anchored in the paragraph: their paragraphs follow it
            self.block_items(box)

    def table(self, tbl) -> None:
        start = self.pos + (1 if self.pos else 0)
        rows: list[list[Cell]] = []
        for tr in _rows(tbl):
            self.new_line()
            cells: list[Cell] = []
            for c, tc in enumerate(_cells(tr)):
                if c:
                    self.write("\t")
                value = self.cell_text(tc)
                cells.append(Cell(Span(self.pos, self.pos + len(value)), value))
                self.write(value)
            rows.append(cells)
        if rows:
            self.tables.append(Table(Span(start, self.pos), rows))

    def cell_text(self, tc) -> str:
        """A cell's paragraphs on one line, separated by spaces; nested tables are flattened."""
        pieces: list[str] = []
        for el in tc.iter(P):
            boxes: list = []
            value = (self.numbering.label(el) + paragraph_text(el, boxes)).strip()
            if value:
                pieces.append(value)
        return " ".join(" ".join(pieces).replace("\t", " ").replace("\n", " ").split(" ")).strip()


def breaks_page_before(p) -> bool:
    """Whether the paragraph's properties start it on a new page (w:pageBreakBefore, not switched off)."""
    mark = p.find(f"{_w('pPr')}/{_w('pageBreakBefore')}")
    return mark is not None and mark.get(_w("val"), "true") not in ("0", "false", "off")


def _rows(tbl):
    for child in tbl.iterchildren():
        if child.tag == TR:
            yield child
        elif child.tag in CONTAINERS:
            yield from _rows(child)


def _cells(tr):
    for child in tr.iterchildren():
        if child.tag == TC:
            yield child
        elif child.tag in CONTAINERS:
            yield from _cells(child)


def paragraph_text(p, boxes: list, page_breaks: list[int] | None = None) -> str:
    """The visible text of a paragraph (insertions kept, deletions and field codes left out).

    Text boxes met on the way (w:txbxContent) are appended to `boxes` rather than inlined; the
    offsets where a page begins inside the paragraph are appended to `page_breaks`.
    """
    out: list[str] = []
    breaks = page_breaks if page_breaks is not None else []

    def walk(el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag == T:
                out.append(child.text or "")
            elif tag == TAB:
                out.append("\t")
            elif tag == RENDERED_BREAK:
                breaks.append(len("".join(out)))
            elif tag == BR and child.get(BR_TYPE) == "page":
                out.append("\n")
                breaks.append(len("".join(out)))
            elif tag in (BR, CR):
                out.append("\n")
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("txbxContent"):
                boxes.append(child)
            elif tag == P:  # a paragraph nested in a drawing outside a text box
                boxes.append(child.getparent())
            else:
                walk(child)

    walk(p)
    return "".join(out).replace("\f", " ").replace("\r", "")


# --- automatic numbering -------------------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"
CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = CN_DIGITS, ten: str = "十") -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百零五."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = "" if rest == 0 else (digits[0] + digits[rest] if rest < 10 else (digits[1] if rest < 20 else "") + chinese_counting(rest, digits, ten))
        return digits[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> AA, 53 -> AAA
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's numFmt formats."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_counting(n, CN_LEGAL, "拾")
    if fmt in ("ideographTraditional",):
        return TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal and anything unknown


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False


@dataclass(slots=True)
class _Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # whole-level overrides


def numbering_root(document):  # type: ignore[no-untyped-def]
    try:
        return document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return None


def styles_root(document):  # type: ignore[no-untyped-def]
    try:
        return document.part.styles.element if hasattr(document.part, "styles") else document.styles.element
    except Exception:  # a document without a styles part
        return None


def abstract_lists(root) -> tuple[dict[str, dict[int, Level]], dict[str, str], dict[str, tuple[str, int]]]:  # type: ignore[no-untyped-def]
    """The abstract lists' levels, the style each links to (numStyleLink), and the (list, level) each
    paragraph style names."""
    abstracts: dict[str, dict[int, Level]] = {}
    links: dict[str, str] = {}
    style_levels: dict[str, tuple[str, int]] = {}
    if root is None:
        return abstracts, links, style_levels
    for an in root.iterchildren(_w("abstractNum")):
        aid = an.get(_w("abstractNumId"))
        abstracts[aid] = {int(lvl.get(_w("ilvl"), "0")): _level(lvl) for lvl in an.iterchildren(_w("lvl"))}
        link = an.find(_w("numStyleLink"))
        if link is not None:
            links[aid] = link.get(_w("val"))
        for lvl in an.iterchildren(_w("lvl")):
            ps = lvl.find(_w("pStyle"))
            if ps is not None:
                style_levels[ps.get(_w("val"))] = (aid, int(lvl.get(_w("ilvl"), "0")))
    return abstracts, links, style_levels


def list_instances(root) -> dict[str, _Instance]:  # type: ignore[no-untyped-def]
    """The lists paragraphs point to (w:num), each an abstract list with its overrides."""
    nums: dict[str, _Instance] = {}
    if root is None:
        return nums
    for num in root.iterchildren(_w("num")):
        ref = num.find(_w("abstractNumId"))
        if ref is None:
            continue
        inst = _Instance(ref.get(_w("val")))
        for ov in num.iterchildren(_w("lvlOverride")):
            ilvl = int(ov.get(_w("ilvl"), "0"))
            so = ov.find(_w("startOverride"))
            if so is not None:
                inst.overrides[ilvl] = int(so.get(_w("val"), "1"))
            lvl = ov.find(_w("lvl"))
            if lvl is not None:
                inst.levels[ilvl] = _level(lvl)
        nums[num.get(_w("numId"))] = inst
    return nums


def style_numbering(root) -> tuple[dict[str, tuple[str | None, int | None]], dict[str, str]]:  # type: ignore[no-untyped-def]
    """The numbering each paragraph style sets itself, and the style each is based on."""
    style_numpr: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    if root is None:
        return style_numpr, based_on
    for st in root.iterchildren(_w("style")):
        sid = st.get(_w("styleId"))
        b = st.find(_w("basedOn"))
        if b is not None:
            based_on[sid] = b.get(_w("val"))
        npr = st.find(f"{_w('pPr')}/{_w('numPr')}")
        if npr is not None:
            style_numpr[sid] = _numpr(npr)
    return style_numpr, based_on


def inherit_style_numbering(style_numpr: dict[str, tuple[str | None, int | None]], based_on: dict[str, str]) -> None:
    """A style without numbering of its own takes that of the nearest style it is based on."""
    for sid in list(based_on):
        seen, cur = set(), sid
        while cur not in style_numpr and cur in based_on and cur not in seen:
            seen.add(cur)
            cur = based_on[cur]
        if cur in style_numpr and sid not in style_numpr:
            style_numpr[sid] = style_numpr[cur]


class Numbering:
    """Word list numbering: the label ("一、", "（二）", "3.") of each numbered paragraph, in order.

    Counters live per abstract list, as in Word, so w:num instances of one abstractNum continue one
    another unless a startOverride restarts them (applied at the instance's first paragraph).
    """

    def __init__(self, abstracts: dict[str, dict[int, Level]], nums: dict[str, _Instance],
                 style_numpr: dict[str, tuple[str | None, int | None]], style_levels: dict[str, tuple[str, int]]) -> None:
        self.abstracts = abstracts
        self.nums = nums
        self.style_numpr = style_numpr
        self.style_levels = style_levels
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()

    @classmethod
    def from_document(cls, document) -> "Numbering":
        """The numbering of a python-docx document: its lists (numbering part) and the numbering its
        paragraph styles carry (styles part), either part possibly missing."""
        root = numbering_root(document)
        abstracts, links, style_levels = abstract_lists(root)
        nums = list_instances(root)
        style_numpr, based_on = style_numbering(styles_root(document))
        # numStyleLink: the abstract list's levels are those of the list its style points to
        for aid, style in links.items():
            num_id = style_numpr.get(style, (None, None))[0]
            if num_id in nums and nums[num_id].abstract in abstracts and not abstracts[aid]:
                abstracts[aid] = abstracts[nums[num_id].abstract]
        inherit_style_numbering(style_numpr, based_on)
        return cls(abstracts, nums, style_numpr, style_levels)

    def label(self, p) -> str:
        """The number text of paragraph `p`, or "" when it is not a numbered paragraph."""
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return ""
        num_id, ilvl = None, None
        npr = ppr.find(_w("numPr"))
        if npr is not None:
            num_id, ilvl = _numpr(npr)
        style = ppr.find(_w("pStyle"))
        sid = style.get(_w("val")) if style is not None else None
        if sid is not None and (num_id is None or ilvl is None):
            s_num, s_lvl = self.style_numpr.get(sid, (None, None))
            num_id = num_id or s_num
            if ilvl is None:
                ilvl = s_lvl if s_lvl is not None else self.style_levels.get(sid, (None, None))[1]
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        inst = self.nums[num_id]
        levels = self.abstracts.get(inst.abstract, {})
        level = inst.levels.get(ilvl) or levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(inst.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in inst.overrides.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, inst.overrides.get(ilvl, level.start) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""  # bullet glyphs are symbol-font characters, not outline markers

        def value(k: int) -> str:
            lv = inst.levels.get(k) or levels.get(k) or Level()
            n = counters.get(k, lv.start)
            return format_number(n, "decimal" if level.legal and k != ilvl else lv.fmt)

        out = []
        text = level.text
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                out.append(value(int(text[i + 1]) - 1))
                i += 2
            else:
                out.append(text[i])
                i += 1
        label = "".join(out)
        if label and level.suffix != "nothing" and (label[-1].isalnum()):
            label += " "  # "第一条 内容"; after 、 ） . the text follows directly, as typed
        return label


def _numpr(npr) -> tuple[str | None, int | None]:
    nid = npr.find(_w("numId"))
    lvl = npr.find(_w("ilvl"))
    return (
        nid.get(_w("val")) if nid is not None else None,
        int(lvl.get(_w("val"), "0")) if lvl is not None else None,
    )


def _level(lvl) -> Level:
    def val(tag: str, default: str | None) -> str | None:
        el = lvl.find(_w(tag))
        return el.get(_w("val"), default) if el is not None else default

    try:
        start = int(val("start", "1") or 1)
    except ValueError:
        start = 1
    return Level(
        start=start,
        fmt=val("numFmt", "decimal") or "decimal",
        text=val("lvlText", "") or "",
        suffix=val("suff", "tab") or "tab",
        legal=lvl.find(_w("isLgl")) is not None,
    )
