"""HTML reader for pages saved from government sites: the article, not the site around it.

The main content node is found by text density, as readability does: every run of running text
(long, with Chinese punctuation, not inside a link) scores its block, half that for the
block's parent and a quarter for the grandparent; the best-scoring block wins, then grows to
ancestors that add little, mostly non-link text (the title and 日期/来源 line sitting above the
article body, e.g. beside div#zoom or .TRS_Editor). Inside it, link lists (related articles,
share bars) are dropped. Block elements become lines; a data table becomes a `Table`.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field, replace

from docparse.errors import CorruptError, DocparseError, EncodingError
from docparse.model import Cell, RawDocument, Source, Span, Table
from docparse.read import register_reader
from docparse.read.text import decode_text

DROP_TAGS = {
    "script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "select", "option",
    "button", "input", "textarea", "svg", "canvas", "template", "object", "embed", "head", "map", "area",
    "audio", "video", "img",
}
BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th",
    "section", "article", "main", "aside", "blockquote", "pre", "center", "table", "tbody", "thead",
    "tfoot", "caption", "address", "figure", "figcaption", "hr", "body", "html", "form", "fieldset",
}
CANDIDATE_TAGS = {"div", "td", "article", "section", "main", "body", "center", "font", "span", "form"}
# id/class words of page furniture; the density heuristic does the rest
JUNK_ATTR = re.compile(
    r"(?:^|[-_\s])(?:share|bdshare|jiathis|bshare|nav|navbar|menu|breadcrumbs?|crumbs?|footer|copyright|"
    r"qrcode|ewm|erweima|sidebar|login|searchbox)(?:$|[-_\s\d])",
    re.I,
)
JUNK_SUBSTR = re.compile(r"bdshare|jiathis|bshare|sharebox|share[-_]|[-_]share|qrcode|erweima", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
PUNCT = re.compile(r"[，。；：、！？]")
CJK_EDGE = "\u3000-\u9fff\uff00-\uffef"
SEGMENT_BREAK = re.compile(rf"(?<=[{CJK_EDGE}])[ \t\r\n]*\n[ \t\r\n]*(?=[{CJK_EDGE}])")
SPACES = re.compile(r"[ \t\r\n\f]+")
INDENT = " \t\u3000\u00a0\u200b\ufeff"  # what the normalizer strips from a line's start
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}


def decode_html(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, warning) of an HTML file: BOM, strict UTF-8, the meta charset, the text cascade."""
    from docparse.read.text import BOMS

    declared = None
    m = META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        declared = ALIASES.get(name, name)
    if not any(data.startswith(bom) for bom, _ in BOMS):
        # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: sites re-encode
        # old pages and leave the gb2312 meta tag behind.
        try:
            return data.decode("utf-8"), "utf-8", None
        except UnicodeDecodeError:
            pass
        if declared:
            try:
                return data.decode(declared), declared, None
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return (*decode_text(data), None)
    except DocparseError as err:
        # A browser shows a page with a few broken bytes; so do we, saying so.
        for enc in filter(None, (declared, "utf-8", "gb18030")):
            try:
                text = data.decode(enc, errors="replace")
            except LookupError:
                continue
            if text.count("\ufffd") <= max(3, 0.01 * len(text)) and "\x00" not in text:
                return text, enc, f"damaged bytes replaced by U+FFFD when decoding as {enc}"
        raise EncodingError(f"HTML page in an unknown encoding ({err.reason})") from None


def unpack_mhtml(data: bytes) -> bytes | None:
    """The HTML part of an MHT web archive (Internet Explorer's "save as single file")."""
    if b"multipart/related" not in data[:4096].lower() and not data[:200].lower().startswith(b"mime-version"):
        return None
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:4096].lower():
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload
    return None


@dataclass(slots=True)
class _Stats:
    chars: int = 0
    link_chars: int = 0
    links: int = 0
    score: float = 0.0


@register_reader("html")
def read_html(data: bytes, source: Source) -> RawDocument:
    from selectolax.lexbor import LexborHTMLParser

    warnings: list[str] = []
    inner = unpack_mhtml(data)
    if inner is not None:
        data = inner
    html, encoding, warning = decode_html(data)
    if warning:
        warnings.append(warning)
    try:
        tree = LexborHTMLParser(html)
    except Exception as err:  # lexbor gives up only on pathological input
        raise CorruptError(f"HTML could not be parsed ({err})") from None
    root = tree.body or tree.root
    if root is None:
        raise CorruptError("HTML page has no body")
    head_title = tree.css_first("title")
    page_title = head_title.text(deep=True).strip() if head_title is not None else ""
    _strip(root)
    stats: dict[int, _Stats] = {}
    _measure(root, stats, in_link=False)
    main = _main_node(root, stats)
    sink = _Sink(stats)
    title = _title_outside(root, main, page_title)
    if title is not None:
        sink.render(title)
        sink.end_line()
    sink.render(main)
    sink.end_line()
    text = "\n".join(sink.lines)
    src = replace(source, format="html", encoding=encoding, reader="selectolax")
    return RawDocument(text=text, source=src, tables=sink.tables, hard_breaks=sink.hard_breaks, warnings=warnings)


def _title_outside(root, main, page_title: str):
    """The article's title when it sits outside the main block (in a layout table cell, say).

    Found as the last block before the main block whose text the page's <title> starts with
    ("关于…的通知_某某市应急管理局" -> "关于…的通知"); `None` when the main block holds it.
    """
    if len(page_title) < 6:
        return None
    main_text = main.text(deep=True)
    found = None
    for node in root.traverse():
        if node.mem_id == main.mem_id:
            break
        if node.tag not in ("h1", "h2", "h3", "div", "td", "p", "span", "font", "strong", "b", "center"):
            continue
        value = SPACES.sub("", node.text(deep=True))
        if len(value) >= 6 and page_title.replace(" ", "").startswith(value) and len(value) >= 0.5 * len(page_title.split("_")[0]):
            found = node
    if found is None or SPACES.sub("", found.text(deep=True)) in SPACES.sub("", main_text):
        return None
    return found


def _strip(node) -> None:
    """Remove scripts, styles, menus and hidden elements (never descending into a removed one)."""
    for child in list(node.iter()):
        if child.tag in DROP_TAGS or _junk(child):
            child.decompose()
        else:
            _strip(child)


def _junk(node) -> bool:
    if node.tag in ("body", "html", "-text"):
        return False
    attrs = node.attributes
    value = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
    if value.strip() and (JUNK_ATTR.search(value) or JUNK_SUBSTR.search(value)):
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _measure(node, stats: dict[int, _Stats], in_link: bool) -> _Stats:
    """Characters, link characters and links under each element; scores runs of running text."""
    own = stats.setdefault(node.mem_id, _Stats())
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            value = child.text_content or ""
            n = len(value) - value.count(" ") - value.count("\n") - value.count("\t") - value.count("\xa0") - value.count("\u3000")
            own.chars += n
            if in_link:
                own.link_chars += n
            elif n >= 10:
                _credit(node, stats, 1 + len(PUNCT.findall(value)) + n / 100)
            continue
        if tag.startswith("-") or tag.startswith("#"):
            continue
        sub = _measure(child, stats, in_link or tag == "a")
        own.chars += sub.chars
        own.link_chars += sub.link_chars
        own.links += sub.links + (1 if tag == "a" else 0)
    return own


def _credit(node, stats: dict[int, _Stats], points: float) -> None:
    # the text's block gets the points, its parent half, its grandparent a quarter
    share = 1.0
    while node is not None and share >= 0.25:
        if node.tag in CANDIDATE_TAGS or node.tag in BLOCK_TAGS:
            stats.setdefault(node.mem_id, _Stats()).score += points * share
            share /= 2
        node = node.parent


def _main_node(root, stats: dict[int, _Stats]):
    best, best_score = root, 0.0
    for node in root.traverse():
        st = stats.get(node.mem_id)
        if st is None or node.tag not in CANDIDATE_TAGS:
            continue
        density = 1 - st.link_chars / st.chars if st.chars else 0
        score = st.score * density
        if score > best_score:
            best, best_score = node, score
    if best_score == 0.0:
        return root
    # grow to ancestors that add a title or a date line but no menus
    node = best
    while node.parent is not None and node is not root:
        parent = node.parent
        p, c = stats.get(parent.mem_id), stats.get(node.mem_id)
        if p is None or c is None:
            break
        added = p.chars - c.chars
        added_links = p.link_chars - c.link_chars
        # link lists that come along (related articles) are dropped when rendering
        if added > max(0.5 * c.chars, 400) or (added and added_links / added > 0.5) or p.links - c.links > 10:
            break
        node = parent
    return node


@dataclass
class _Sink:
    stats: dict[int, _Stats]
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    pos: int = 0  # offset where the next line starts
    tables: list[Table] = field(default_factory=list)
    hard_breaks: set[int] = field(default_factory=set)
    block_start: bool = True

    def end_line(self, block: bool = True) -> None:
        line = "".join(self.current).strip(" ")
        self.current = []
        if line:
            if self.block_start:
                self.hard_breaks.add(self.pos + len(line) - len(line.lstrip(INDENT)))
            self.lines.append(line)
            self.pos += len(line) + 1
        if line or block:
            self.block_start = block or self.block_start

    def render(self, node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                value = SEGMENT_BREAK.sub("", child.text_content or "")
                self.current.append(SPACES.sub(" ", value))
            elif tag == "br":
                self.end_line(block=False)
            elif tag.startswith("-") or tag.startswith("#") or tag in DROP_TAGS:
                continue
            elif tag == "table" and self._data_table(child):
                self.end_line()
                self._table(child)
            elif tag in BLOCK_TAGS:
                if tag in ("ul", "ol", "div", "dl", "table", "section", "aside") and self._link_list(child):
                    continue
                self.end_line()
                self.render(child)
                self.end_line()
            else:
                self.render(child)

    def _link_list(self, node) -> bool:
        st = self.stats.get(node.mem_id)
        return bool(st and st.chars and st.links >= 3 and st.link_chars / st.chars > 0.6)

    def _data_table(self, node) -> bool:
        if len(node.css("table")) > 1:  # css() includes the node itself
            return False  # a table holding tables is page layout
        rows = _rows(node)
        if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
            return False
        return all(len(c.text(deep=True)) < 1000 for r in rows for c in r)

    def _table(self, node) -> None:
        start = self.pos
        rows: list[list[Cell]] = []
        for tr in _rows(node):
            cells: list[Cell] = []
            line_pos = self.pos
            pieces: list[str] = []
            for c, td in enumerate(tr):
                value = self._cell_text(td)
                if c:
                    pieces.append("\t")
                    line_pos += 1
                cells.append(Cell(Span(line_pos, line_pos + len(value)), value))
                pieces.append(value)
                line_pos += len(value)
            line = "".join(pieces)
            if not line.strip():
                continue
            self.hard_breaks.add(self.pos)
            self.lines.append(line)
            self.pos += len(line) + 1
            rows.append(cells)
        if rows:
            self.tables.append(Table(Span(start, self.pos - 1), rows))
        self.block_start = True

    def _cell_text(self, td) -> str:
        sub = _Sink(self.stats)
        sub.render(td)
        sub.end_line()
        return " ".join(ln.replace("\t", " ").strip() for ln in sub.lines).strip()


def _rows(table) -> list[list]:
    rows = []
    for tr in table.css("tr"):
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        if cells:
            rows.append(cells)
    return rows
