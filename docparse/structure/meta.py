"""GB/T 9704-2012 metadata: 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), 主体 (标题,
主送机关, 附件说明, 发文机关署名, 成文日期, 附注) and 版记 (抄送机关, 印发机关和印发日期).

Values are the text as written (line breaks inside a title removed); each `Field` keeps its span.
A wrapper such as 关于印发…方案的通知 also yields the `Embedded` document printed under it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from docparse.model import Document, Embedded, Field, Meta
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.structure.classifier import classifier
from docparse.textspans import CJK, enclosing

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}
NUM = r"[\d〇零一二三四五六七八九十]"
DATE = re.compile(rf"({NUM}{{4}})\s*年\s*({NUM}{{1,2}})\s*月\s*({NUM}{{1,3}})\s*日")
DATE_LINE = re.compile(rf"^{DATE.pattern}$")
ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
PRINT_LINE = re.compile(rf"^(?P<org>.*?)\s*(?P<date>{DATE.pattern})\s*印发?$")
DOC_NUMBER = re.compile(
    r"(?P<number>[\u4e00-\u9fff]{1,12}\s*[〔\[［【（]\s*(?:19|20)\d{2}\s*[〕\]］】）]\s*第?\s*\d{1,5}\s*号)"
)
# a 文号 whose closing bracket or 号 the page lost with a glyph (闵古办〔202518, 安〔20231号), read only on its own line under a
# masthead or beside 签发人
GLYPHS_LOST_NUMBER = re.compile(r"^(?P<number>[\u4e00-\u9fff]{1,12}\s*[〔\[［【]\s*(?:19|20)\d{2}\d{0,5}\s*号?)(?=\s|$)")
# a number line with no organ code (a 纪要's 〔2023〕42号 under its masthead)
BARE_DOC_NUMBER_LINE = re.compile(r"^(?P<number>[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*第?\s*\d{1,5}\s*号)$")
SIGNER = re.compile(r"签\s*发\s*人\s*：\s*(?P<name>[\u4e00-\u9fff、 ]{2,20})")
COPY_NUMBER = re.compile(r"^\d{6}$")
SECRECY = re.compile(r"^(绝密|机密|秘密)(★.{0,10})?$")
URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
# an organ's whole name; 司 is a ministry's department (农业农村部农业机械化管理司)
ORG_LINE = re.compile(
    r"^[\u4e00-\u9fff（）]{4,40}(委员会|办公室|办事处|人民政府|政府|局|厅|委|部|(?<!公)司|中心|指挥部|管委会|领导小组|办|院|会|支队|总队|大队|公司)$"
)
# words a 主送 holds; 支队, 大队 and 总队 are the fire and law-enforcement corps a notice may address alone (市消防支队：)
RECIPIENT_HINT = re.compile(r"(各|人民政府|委员会|管委会|局|厅|委|部门|单位|办公室|指挥部|公司|支队|大队|总队)")
WRAPPER = re.compile(r"关于(?:印发|转发|下发|发布|公布)(?P<inner>.+?)的(?:通知|函)$")
NOTE_LINE = re.compile(r"^（(?P<body>.*(联系人|联系电话|电话|公开形式|此件|信息公开).*)）$")
ATTACHMENT = re.compile(r"^附\s*[件表]\s*\d{0,2}\s*[：:]?\s*(?P<rest>.*)$")
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}[.．、]\s*\S")
# Under a speech's or an interview's title: （2022年2月23日） and the speaker, office then name.
BRACKETED_DATE_LINE = re.compile(rf"^[（(]\s*{DATE.pattern}\s*[)）]$")
SPEAKER_LINE = re.compile(
    r"^(?P<office>[\u4e00-\u9fff（）、]{2,40}?(?:书记|省长|市长|县长|区长|州长|盟长|旗长|主席|主任|局长|厅长|部长|秘书长|"
    r"常委|专员|总队长|支队长|大队长|党组成员))\s*(?P<name>[\u4e00-\u9fff·]{2,4})$"
)
# 纪要 and 简报 headers put the issuing office and the date on one line: 漳州市安全生产委员会办公室    2021年8月23日
ORG_DATE_LINE = re.compile(rf"^(?P<org>[\u4e00-\u9fff（）]{{4,40}}?)\s{{2,}}(?P<date>{DATE.pattern})$")
MEDIA_OUTLET = re.compile(r"(?:日报|晚报|报|网|新闻|电视台|广播电台|通讯社|新闻社|客户端)$")
# a 简报's issue line: 2021年第5期（总第86期）, 第12期
ISSUE_LINE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?第\s*[\d〇零一二三四五六七八九十]{1,4}\s*期(?:\s*[（(]总第\s*\d{1,5}\s*期[)）])?$")
COMPILED_BY = re.compile(r"(?:编印|编发|主办|编)$")
MASTHEAD_END = re.compile(r"(文件|会议纪要|纪要|简报|通报)$")
CC_LINE = re.compile(r"^抄\s*送\s*[：:]\s*(?P<rest>.+)$")
TERMINAL = "。！？；"


@dataclass(slots=True)
class Line:
    index: int
    start: int  # normalized offsets
    end: int
    text: str
    gap_before: bool = False  # left-out text (page chrome, noise) stands between it and the line before


def norm_line_gaps(doc: Document, lines: list[Line]) -> None:
    """Mark the lines that left-out text (page chrome) separates from the one before, in the source; a blank
    line alone does not (a two-line title is often written with one between its parts)."""
    prev_end = None
    for ln in lines:
        span = doc.source_span(ln.start, ln.end)
        if prev_end is not None:
            between = doc.text[prev_end : span.start]
            ln.gap_before = bool(between.strip())
        prev_end = span.end


def norm_lines(doc: Document) -> list[Line]:
    lines = []
    pos = 0
    for i, text in enumerate(doc.norm_text.split("\n")):
        lines.append(Line(i, pos, pos + len(text), text.strip()))
        pos += len(text) + 1
    kept = [ln for ln in lines if ln.text]
    norm_line_gaps(doc, kept)
    return kept


def make_field(doc: Document, start: int, end: int, value: object | None = None) -> Field:
    """A metadata element of normalized `[start, end)`: its value, and its span and text as written.

    The value is the text as written, unless normalization read it differently beyond width and
    punctuation (traditional script, pinyin glosses): then it is the normalized reading.
    """
    span = doc.source_span(start, end)
    text = doc.text_of(span)
    if value is None:
        written, reading = as_written(text), as_written(doc.norm_text[start:end])
        value = reading if width_folded(reading) != width_folded(written) else written
    return Field(value, span, text)


def width_folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def as_written(text: str) -> str:
    """Source text with line breaks removed and spaces dropped next to CJK characters."""
    text = re.sub(r"\s*\n\s*", "", text.strip())
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text)


def chinese_int(text: str) -> int:
    """Integer from Arabic or Chinese numerals (二〇一八, 十二, 二十一)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS[ch]
    return value


def iso_date(match: re.Match[str]) -> str | None:
    year, month, day = (chinese_int(g) for g in match.groups()[:3])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1949 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=1)
def title_kinds() -> tuple[tuple[str, str], ...]:
    """(cue, doc_type) for title endings, longest cue first."""
    rows = [(r["cue"], r["doc_type"]) for r in load_tsv("doc_types.tsv") if r["where"] == "title"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def content_cues() -> tuple[tuple[str, str, int], ...]:
    return tuple(
        (r["cue"], r["doc_type"], int(r["weight"])) for r in load_tsv("doc_types.tsv") if r["where"] == "content"
    )


# What may follow the 文种 word at the end of a title: its period, its status (…方案（2024—2026年）, …办法（试行）).
TITLE_QUALIFIER = re.compile(r"[（(](?:[\d—\-－～~至年\s]{4,16}|试行|暂行|修订|修订稿|征求意见稿|草案|送审稿)[)）]$")


# 李军出席并讲话, 作重要讲话: a headline reporting that someone spoke, not the speech itself
SPOKE = re.compile(r"(?:并|作|发表)(?:了)?(?:重要)?讲话$")


def kind_of_title(title: str) -> str | None:
    title = TITLE_QUALIFIER.sub("", title)
    if SPOKE.search(title):
        return None
    for cue, kind in title_kinds():
        if title.endswith(cue):
            return kind
    return None


# A headline telling that a body made a document public (国务院安委会第三考核巡查组向我省反馈…巡查意见, 广东有2起…未按规定
# 全文发布调查报告): its last word is the document reported on, not the page's kind
REPORTED_DOCUMENT = re.compile(r"(?:发布|公布|反馈|曝光)[^，。；、]{0,40}$")


def reports_a_document(title: str) -> bool:
    return "关于" not in title and "《" not in title and REPORTED_DOCUMENT.search(title) is not None


# The plan a notice issues, named in its opening when the page lost the title line (现将《…》印发给你们; 《…》已经
# 省政府同意; 近日…印发了《…》).
ISSUED_TITLE = re.compile(
    r"(?:现将|印发了?|发布了?|公布了?)《(?P<named>[^《》\n]{4,80})》|《(?P<agreed>[^《》\n]{4,80})》(?:已经|经)[^。\n]{0,30}(?:同意|通过)"
)
ISSUED_TITLE_WINDOW = 1200


def issued_title(text: str) -> tuple[int, int] | None:
    """Normalized range of the title of the document an opening says is issued, if it names one with a 文种."""
    for m in ISSUED_TITLE.finditer(text[:ISSUED_TITLE_WINDOW]):
        group = "named" if m.group("named") else "agreed"
        if kind_of_title(m.group(group)) is not None:
            return m.span(group)
    return None


STRONG_CUE = 4  # a phrase only that kind of document writes (通报如下, 特此通知)
KIND_MODEL = "doc_kind"
OPENING, CLOSE = 3000, 1500


CUE_OPENING, CUE_CLOSE = 5000, 2000


def strong_content_kind(text: str) -> str | None:
    """The kind whose own phrases the text writes (现将有关情况通报如下, 特此通知) in its opening or close, if
    one clearly does."""
    window = text[:CUE_OPENING] + text[-CUE_CLOSE:]
    scores: dict[str, int] = defaultdict(int)
    for cue, kind, weight in content_cues():
        if cue in window:
            scores[kind] += weight
    best = max(scores, key=lambda k: scores[k]) if scores else None
    return best if best is not None and scores[best] >= STRONG_CUE else None


def kind_evidence(text: str) -> str:
    """What the 文种 classifier reads: the opening, where a page states its business, and the close,
    where a notice signs off (特此通知) and a speech thanks its audience."""
    return text if len(text) <= OPENING + CLOSE else text[:OPENING] + " " + text[-CLOSE:]


def kind_from_content(text: str) -> str:
    """The 文种 of a document whose title does not name it: a phrase only that kind writes, else what the
    classifier trained on real pages reads (a news page on an inspection is filed as the 通报 it reports, a
    page on a meeting as its 纪要; models/doc_kinds)."""
    return strong_content_kind(text) or classified_kind(text)


def classified_kind(text: str) -> str:
    return classifier(KIND_MODEL).predict(kind_evidence(text))[0]


# The document a news lede reports a body issued: 4月12日，省安委会下发《全省…专项整治行动工作方案》; …发出《广西壮族自治区
# 安全生产委员会关于…的通知》; …下发通知，责令…停产整顿. A news page takes the 文种 of the document it reports
# (corpora/real/ANNOTATING.md).
REPORTED_ISSUE = re.compile(
    r"(?:印发|下发|发出|出台|发布|公布|制定)了?(?:《(?P<named>[^《》\n]{4,80})》|(?P<bare>(?:紧急)?(?:通知|通报|意见|决定))(?=[，。；]))"
)


# A news page announcing a campaign or an inspection round that starts (从12月1日开始，我市集中开展…专项整治行动; 自4月9日起，
# 河南省安全生产委员会…开展为期15天的…明查暗访; …明查暗访近日正式启动; …专项整治工作已经开始，将持续到明年9月) reports its plan,
# not results (已抽查工程52项, 先后进驻…发现…问题: an inspection's findings are the 通报's).
CAMPAIGN_KIND = "方案"
CAMPAIGN_WORD = re.compile(r"专项整治|集中整治|专项行动|专项治理|整治行动|巡查|明查暗访|大检查|督查|检查|活动")
CAMPAIGN_START = re.compile(
    r"(?:从|自)[^，。；]{1,20}(?:开始|起|至|到)[^。；]{0,60}开展|正式启动|决定[^。；]{0,40}开展|将[^。；]{0,30}开展|开始，将?持续"
)
CAMPAIGN_RESULTS = re.compile(r"已(?:经)?(?:抽查|检查|查处|发现|排查|整改|完成|累计)|发现|查处|共检查|共排查|先后|累计")
SENTENCE = re.compile(r"[^。！？]+[。！？]?")
LEDE_SENTENCES = 4


def campaign_sentence(lede: list[Line]) -> tuple[int, int] | None:
    """Normalized range of the sentence among the lede's first ones that announces a campaign starting and reports
    no results."""
    sentences = [(ln.start + m.start(), m.group()) for ln in lede for m in SENTENCE.finditer(ln.text)]
    for start, text in sentences[:LEDE_SENTENCES]:
        if CAMPAIGN_WORD.search(text) and CAMPAIGN_START.search(text) and not CAMPAIGN_RESULTS.search(text):
            return start, start + len(text)
    return None


def reported_document(lede: list[Line]) -> tuple[int, int] | None:
    """Normalized range of the title, naming its 文种, of the document the lede's first paragraph reports issued."""
    for ln in lede[:1]:
        found = REPORTED_ISSUE.search(ln.text)
        group = "named" if found and found.group("named") else "bare"
        if found and kind_of_title(found.group(group)):
            return ln.start + found.start(group), ln.start + found.end(group)
    return None


def content_kind(doc: Document, lines: list[Line], lede: list[Line]) -> Field:
    """The 文种 of a document whose title does not name it: a phrase only that kind writes; else, on a news page, the
    kind of the document its lede reports issued; else what the classifier reads, but a page it files as a 通报 that
    announces a campaign starting reports the campaign's plan. A kind read from the lede has it as its evidence
    (`kind_from_lede`); any other has an empty span at the text's start."""
    first = lines[0]
    unnamed = doc.source_span(first.start, first.start)
    strong = strong_content_kind(doc.norm_text)
    if strong:
        return Field(strong, unnamed, "")
    if (named := reported_document(lede)) is not None:
        return make_field(doc, *named, kind_of_title(doc.norm_text[slice(*named)]))
    kind = classified_kind(doc.norm_text)
    if kind == "通报" and (announced := campaign_sentence(lede)) is not None:
        return make_field(doc, *announced, CAMPAIGN_KIND)
    return Field(kind, unnamed, "")


def kind_from_lede(meta: Meta) -> bool:
    """Whether the 文种 is the one of a document or campaign a news page's lede reports, not the page's own: its
    evidence lies in the text under the title (a title's, a masthead's or a portal's kind is read at or above it).
    The page itself still reports: its figures are facts and its dates events."""
    kind = meta.doc_type
    if kind is None or kind.text == "":
        return False
    return meta.title is None or kind.span.start >= meta.title.span.end


LEDE_PARAGRAPHS = 2


def lede_lines(lines: list[Line], after: int) -> list[Line]:
    """A news page's lede: its first paragraphs of text under the headline, past any sentence of the site's."""
    paragraphs = (ln for ln in lines[after:] if is_body_line(ln) and not is_page_sentence(ln.text) and not is_navigation(ln.text))
    return list(itertools.islice(paragraphs, LEDE_PARAGRAPHS))


# The 文号 a news lede gives in brackets after the document it reports: 下发《…的通知》（赣府厅明〔2011〕166号，以下简称《通知》）;
# …挂牌督办通知书（泉安委督〔2024〕1号）
REPORTED_NUMBER = re.compile(rf"(?:》|[\u4e00-\u9fff])\s*[（(]\s*{DOC_NUMBER.pattern}\s*[，,）)]")


ISSUING_VERB = re.compile(r"印发|下发|发出|出台|发布|公布")
CITING = re.compile(r"根据|按照|依据|依照|贯彻|落实|对照")  # a document the lede cites as the ground of another


def reported_number(doc: Document, lede: list[Line]) -> Field | None:
    """The 发文字号 of the document a news page's lede reports issued, as its first paragraph brackets it; not
    that of a document it cites (为贯彻落实《…》（国办发〔2013〕99号）)."""
    for ln in lede[:1]:
        found = REPORTED_NUMBER.search(ln.text)
        if found is None:
            return None
        sentence = re.sub(r"《[^《》]*》", "", ln.text[ln.text.rfind("。", 0, found.start()) + 1 : found.start("number")])
        if ISSUING_VERB.search(sentence) and not CITING.search(sentence):
            return make_field(doc, ln.start + found.start("number"), ln.start + found.end("number"))
    return None


def reported_issuer(doc: Document, lede: list[Line]) -> Field | None:
    """The organ that the title of the document a news lede reports issued names (…发出《广西壮族自治区安全生产委员会关于…
    的通知》): the body that issued what the page reports, written in full."""
    named = reported_document(lede)
    if named is None:
        return None
    title = doc.norm_text[slice(*named)]
    organ = issuer_from_title(title)
    return make_field(doc, named[0], named[0] + len(organ)) if organ and title.startswith(organ) else None


def is_body_line(line: Line) -> bool:
    """A sentence of the body; a stray mark a page left above its title (？) is none, nor a site's menu (20 city
    names make a long line, but no sentence)."""
    return (line.text[-1] in TERMINAL and CJK.search(line.text) is not None) or (
        len(line.text) > 70 and not is_navigation(line.text)
    )


# Web pages put a label or a breadcrumb before the title on its line, and the 文号 in brackets after it:
# 原标题：…, 文件名称：…, 首页 » 政策法规 » 省人民政府办公厅关于印发…的通知（鄂政办发〔2017〕49号）.
OUTLINE_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．])")
# Decorations of a headline as pages list it: a bullet or bar before it; a file type, a page index, (全文) or a portal's
# note on which copy is authoritative (此件为准) after.
LEADING_DECORATION = re.compile(r"^(?:[•●◆■▪|｜\-–—]+\s*)+")
TRAILING_DECORATION = re.compile(
    r"(?:\s*(?:[（(]\d{1,2}-\d{1,2}[)）])?\.(?:pdf|docx?|wps|xlsx?|ofd)|\s*【\d{1,2}】|\s*[（(](?:全文|以?此件为准|[一二三四五六七八九十\d]{1,2})[)）]|\s*[|｜]+)$",
    re.IGNORECASE,
)
# portals space a label's characters out (名 称：, 标  题：)
TITLE_LABEL = re.compile(
    r"^(?:原标题|标\s*题|文件名称|文件标题|文章标题|名\s*称|政策解读|第[一二三四五六七八九十\d]{1,3}篇)\s*[：:]\s*"
)
BREADCRUMB = re.compile(r"^(?:[^>»›＞]{0,30}[>»›＞]{1,2}\s*){2,}(?:正文\s*)?")
# a page pointing down at the text it serves (…最新发布关于…的通报↓↓↓ 河北省人民政府关于…的通报): its words are no title
POINTER = re.compile(r"^[^↓⬇👇\n]{0,100}[↓⬇👇]+\s*")
# an empty label after a title (…的通知 文号：), the page's date after a headline (…挂牌督办2024-01-15历史)
TRAILING_CHROME = re.compile(
    r"\s*(?:(?:文\s*号|发文字号|索\s*引\s*号)\s*[：:]?|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\u4e00-\u9fff]{0,2})$"
)
MIN_TITLE = 8
WHOLE_BRACKET = re.compile(r"^（[^（）]+）$")  # （甘谷县召开安委会第六次全体会议）: a headline the page bracketed
WHOLE_QUOTE = re.compile(r"^“[^“”]+”$")  # “安全生产曝光台丨湘潭市安委办发布…通报”: a headline the page quoted whole
TRAILING_NUMBER = re.compile(r"\s*[（(](?P<number>[^（()）]{0,20}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号)[)）]$")


# A portal prints the 文号 after the title and its widgets after that: …的通知 （辽安委办〔2021〕101号）放大字体 缩小字体 发布日…
TITLE_NUMBER_THEN_CHROME = re.compile(rf"^(?P<kept>.{{6,100}}?\s*[（(]\s*{DOC_NUMBER.pattern}\s*[)）])\s*\S")
MIN_REPEAT = 6
MAX_REPEATED_LINE = 240


def repeated_tail(text: str) -> int:
    """Length of a tail a page printed twice (…工作吉林省开展…工作 → the second copy), else 0."""
    if len(text) > MAX_REPEATED_LINE:  # a flattened page's one line is no headline
        return 0
    for size in range(len(text) // 2, MIN_REPEAT - 1, -1):
        if text.endswith(text[-size:] * 2):
            return size
    return 0


def trimmed(line: Line) -> Line:
    """The line without a label or breadcrumb before its text, a bracketed 文号 after it, or a tail printed twice."""
    text, start, end = line.text, line.start, line.end
    cut = TITLE_NUMBER_THEN_CHROME.match(text)
    if cut and kind_of_title(cut.group("kept")[: cut.start("number")].rstrip("（( ")) is not None:
        end -= len(text) - cut.end("kept")
        text = text[: cut.end("kept")]
    repeated = repeated_tail(text)
    if repeated:
        text, end = text[:-repeated], end - repeated
    for prefix in (LEADING_DECORATION, TITLE_LABEL, LEADING_DECORATION, BREADCRUMB, POINTER):  # a table's cell bar after its label
        m = prefix.match(text)
        if m and m.end() < len(text) and not (prefix in (BREADCRUMB, POINTER) and len(text) - m.end() < MIN_TITLE):  # 人民网>>时政
            text, start = text[m.end() :], start + m.end()
    # a title cut out of its chrome, or ending in its 文种 before the 文号, keeps its 文号 for split_title_number
    for suffix in (TRAILING_NUMBER, TRAILING_DECORATION, TRAILING_CHROME) if not cut else ():
        m = suffix.search(text)
        if m and suffix is TRAILING_NUMBER and kind_of_title(text[: m.start()]) is not None:
            continue
        if m and m.start() >= (MIN_TITLE if suffix is TRAILING_CHROME else 1):  # 成文日期 2009-12-14 stays whole
            end -= len(text) - m.start()
            text = text[: m.start()]
    if (WHOLE_BRACKET.match(text) and not DATE.search(text)) or WHOLE_QUOTE.match(text):  # （2022年2月23日） under a speech is its date
        text, start, end = text[1:-1], start + 1, end - 1
    if (start, end) == (line.start, line.end):
        return line
    return Line(line.index, start, end, text, line.gap_before)


# A government portal's metadata table (政府信息公开): 索引号：… 发布机构：… 名称：… 文号：… 成文日期：…
PORTAL_LABELS = (
    "索引号", "组配分类", "主题分类", "体裁分类", "服务对象", "发布机构", "发文机关", "名称", "标题", "文件名称", "文号",
    "发文字号", "文件编号", "成文日期", "发布日期", "发文日期", "生成日期", "发布时间", "实施日期", "实施时间", "有效性",
    "公开方式", "公开范围", "主题词", "关键词",
)  # fmt: skip
# Portals space a label's characters out (名 称：, 索 引 号) and may drop its colon (成文日期 2009-12-14).
PORTAL_LABEL = re.compile(
    "(" + "|".join(r"\s*".join(label) for label in sorted(PORTAL_LABELS, key=len, reverse=True)) + r")(?:\s*[：:]\s*|\s+)"
)
PORTAL_TITLE = ("标题", "名称", "文件名称")
PORTAL_ISSUER = ("发文机关", "发布机构")
ORGAN_LINE_LOOSE = re.compile(r"^[\u4e00-\u9fff（）]{2,40}$")
PORTAL_NUMBER = ("文号", "发文字号", "文件编号")


def is_portal_line(text: str) -> bool:
    return PORTAL_LABEL.match(text.lstrip("|｜ ")) is not None  # a table row opens with its bar: | 索引号 | … | 发布机构 | …


def portal_fields(lines: list[Line]) -> dict[str, tuple[int, int]]:
    """Label -> normalized range of its value, from the portal metadata lines at the top of a page."""
    fields: dict[str, tuple[int, int]] = {}
    head = lines[:40]
    for pos, ln in enumerate(head):
        if not is_portal_line(ln.text):
            continue
        labels = list(PORTAL_LABEL.finditer(ln.text))
        for m, nxt in zip(labels, labels[1:] + [None]):
            end = nxt.start() if nxt else len(ln.text)
            value = ln.text[m.end() : end]
            lead = len(value) - len(value.lstrip("| "))  # a value in a table row: |内政办发电[2009]15号|
            value = value.strip("| ")
            label = re.sub(r"\s", "", m.group(1))
            if value and label not in fields:
                start = ln.start + m.end() + lead
                fields[label] = (start, start + len(value))
            elif not value and nxt is None and label not in fields and (cell := next_cell(head, pos)) is not None:
                fields[label] = cell
    return fields


def next_cell(lines: list[Line], pos: int) -> tuple[int, int] | None:
    """The value a table saved one cell a line puts on the line under its label's (文号 | / 安市安委办发〔2021〕3号 |)."""
    if pos + 1 >= len(lines) or not lines[pos].text.rstrip().endswith(("|", "｜")):
        return None
    below = lines[pos + 1]
    value = below.text.strip("|｜ ")
    if not value or is_portal_line(below.text) or re.sub(r"\s", "", value) in PORTAL_LABELS:
        return None
    start = below.start + below.text.index(value)
    return start, start + len(value)


# a line ending in a portal's label awaiting its value, on the line under it (SY7543421111202300007主题分类：)
PORTAL_LABEL_END = re.compile(
    "(?:" + "|".join(r"\s*".join(label) for label in sorted(PORTAL_LABELS, key=len, reverse=True)) + r")\s*[：:|｜]\s*$"
)


def is_portal_value(lines: list[Line], line: Line) -> bool:
    """Whether `line` is the value a portal's table puts under the line ending in its label."""
    pos = next((i for i, ln in enumerate(lines) if ln.index == line.index), None)
    return bool(pos) and PORTAL_LABEL_END.search(lines[pos - 1].text) is not None


def read_portal_table(doc: Document, lines: list[Line], meta: Meta) -> None:
    """Title, 文号 and 成文日期 from a portal's metadata table, where the page's text gave none."""
    fields = portal_fields(lines)
    title = next((fields[k] for k in PORTAL_TITLE if k in fields), None)
    if meta.title is None and title:
        if WHOLE_QUOTE.match(doc.norm_text[slice(*title)]):
            title = (title[0] + 1, title[1] - 1)
        meta.title = make_field(doc, *title)
        meta.doc_type = Field(kind_of_title(meta.title.value), meta.title.span, meta.title.text)
    number = next((fields[k] for k in PORTAL_NUMBER if k in fields), None)
    if meta.doc_number is None and number and DOC_NUMBER.search(doc.norm_text[number[0] : number[1]]):
        meta.doc_number = make_field(doc, *number)
    if meta.date is None and "成文日期" in fields:
        written = doc.norm_text[slice(*fields["成文日期"])]
        date = DATE.search(written) or ISO_DATE.search(written)
        if date:
            meta.date = make_field(doc, *fields["成文日期"], iso_date(date))


# The bodies a news page reports as issuing or acting: 国务院安委办今天通报…, 省政府安委办对4市地政府下发…警示函.
ORGAN_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|安全生产委员会办公室|安全生产委员会|"
    r"安委会办公室|安委会|安委办|安办|委员会|领导小组|[一二三四五六七八九十\d]*(?:综合)?(?:督查组|检查组|巡查组|督导组|督察组|考核组|考评组)|"
    r"办公厅|办公室|督查室|监督管理局|管理局|管理处|街道办事处|街道|党委|厅|局|部|委|总队|支队|大队|处)"
)
# 昨日（21日）: a relative day with its date in brackets
WHEN = r"(?:(?:今天|今日|昨天|昨日)(?:（\d{1,2}日）)?|近日|日前|近期|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午)?)"
# 兴仁市安委办，于2026年1月28日发布…; 内蒙古自治区应急管理厅于2022年3月11日发布了…
# 省政府安委会将于2025年6月底前，在全省开展…
ON_DATE = r"(?:[，]?将?于(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日|底|初|上旬|中旬|下旬)前?)"
# an organ's name starts the clause, not a function word (由X牵头, 并以X名义, 按照X部署), an item's 一是, a time
# (近日江西煤矿安全监察局发布) or a caption (图为…)
NOT_A_NAME = rf"(?!由|并|以|按照|根据|依据|被|将|[一二三四五六七八九十]是|该|我|本|其|各|此|图为|与|和|及|{WHEN})"
# a name holds no word of running text (通过一定的方式向办公室, 王某代表省政府, 县安委会每半年组成考核组); its 和 joins two words of one name
# (住房和城乡建设厅), not two organs (省政府安委会办公室和省防汛抗旱指挥部办公室)
NAME_CHAR = r"(?![的向对在从将把被了是每]|代表|组成|和[省市县区州国中])[\u4e00-\u9fff（）]"
ORGAN_NAME = rf"{NOT_A_NAME}[\u4e00-\u9fff](?:{NAME_CHAR}){{0,27}}?{ORGAN_SUFFIX}"
# joint issuers: 中共中央办公厅、国务院办公厅印发了…; a 和 after a whole organ's name joins another (安监总局和煤监局通报),
# where one inside a name joins two words of it (住房和城乡建设厅)
JOINT = r"、|和"
ORGANS = rf"(?P<organs>(?P<org>{ORGAN_NAME})(?:(?:{JOINT}){ORGAN_NAME})*)"
# …李华强带队的国务院安委会第十二督查组，对我省…进行综合督查: the group a named leader heads starts its clause; a page's
# time stamp run into the lede (2019年03月25日 23:38市安委会办公室日前组织…) ends before one
CLAUSE_START = r"(?:^|[，。；：\n）)]|讯|电|\d:\d\d|(?:带队|率队|任组长|为组长)的)\s*(?:据|经)?"


def organ_doing(verbs: str) -> re.Pattern[str]:
    """A clause whose subject is an organ doing one of `verbs`, to someone or about something (向/对/就/在/给…)."""
    return re.compile(
        rf"{CLAUSE_START}(?:{WHEN}[，]?)?{ORGANS}(?:于?{WHEN})?{ON_DATE}?(?:，?[向对就在给][^，。；\n]{{1,30}}?)?(?:对外|向社会|公开)?"
        rf"(?:联合)?(?<!的)(?:{verbs})(?![组部室办])"  # 检查组, 组织部 and 的检查 name a body or a thing; none says one acts
    )


ISSUING = organ_doing("通报|印发|下发|公布|发布|发出|发文|曝光|约谈|表彰|奖励")
# 考核的内容 is a thing; 部署滞后, 检查流于形式 judge a body's work, not report it acting; a body deciding on someone
# or something (市政府决定对罗山县人民政府等…予以表彰, 省安委办决定将…) is the one issuing
ACTING = organ_doing(
    "(?:召开|(?:动员)?部署|开展|组织|派出|立即决定|决定(?=对|将|给予|成立)|(?:检查|督查|督导|考核|反馈)(?!的))"
    "(?!滞后|不力|不到位|不够|不及时|缓慢|流于形式)"
)
# The body a reporter names as the source: 记者从黑龙江省安监局获悉, 据云南省应急管理厅消息, 来自贵阳市安监局的消息.
SOURCE_ORGAN = re.compile(rf"(?:从|据|来自){ORGANS}(?P<site>网站|官网|官方网站|微信公众号)?(?:获悉|了解到|得知|的?消息)")
NEWS_OPENING = 800


# A news page on a place's work names the place as the one acting: 宁乡县召开…工作会, 颍州区多措并举全面开展…,
# 利辛县在今年的三级干部大会上，表彰了… (not 全县, nor a noun such as 辖区 or 社区)
PLACE_NAME = rf"{NOT_A_NAME}(?!全)[\u4e00-\u9fff]{{2,8}}?(?:自治州|自治县|省|市|县|区|州|盟|旗|镇|乡|街道)"
PLACE_ACTING = re.compile(
    rf"{CLAUSE_START}(?:{WHEN}[，]?)?(?P<organs>(?P<org>{PLACE_NAME}))(?:在[^，。；\n]{{2,30}}?[上中]，?)?"
    r"(?:多措并举|全面|集中|深入|认真|积极|扎实|迅速|立即|切实|持续|强力|广泛|精心)*(?:召开|举行|部署|开展|组织|表彰|启动|出台)了?"
)


def reporting_organ(text: str) -> re.Match[str] | None:
    """The issuer of a news page: the first body its opening reports as issuing (通报, 印发, 约谈) or names as
    its source (记者从…获悉: the body that told the reporter, before any it quotes further on), else the first
    body or place it reports as acting (召开, 组织)."""
    opening = text[:NEWS_OPENING]
    issuing, source = ISSUING.search(opening), SOURCE_ORGAN.search(opening)
    # a body's website is where the news was read, not who acted; a body the source's own sentence reports issuing
    # (据国家安监总局消息，国务院安委会办公室日前发出…) is who acted, the source only told of it
    if source and (source.group("site") or (issuing and (issuing.start() < source.start() or relays(opening, source, issuing)))):
        return issuing or source
    if source or issuing:
        return source or issuing
    place = next((m for m in PLACE_ACTING.finditer(opening) if is_place(m.group("org"))), None)
    acting = [m for m in (ACTING.search(opening), place) if m]
    return min(acting, key=lambda m: m.start("organs"), default=None) or LEDE_SUBJECT.search(opening)


def relays(text: str, source: re.Match[str], issuing: re.Match[str]) -> bool:
    """Whether the sentence naming the source goes on to the body it reports issuing."""
    return "。" not in text[source.end() : issuing.start("organs")]


# The body that opens a news lede after its byline is the one the news is about, whatever it did: 本报讯（记者赵梦怡）
# 市住建局联合相关部门，邀请…; 讯 7月25日，福州市督察组…
LEDE_SUBJECT = re.compile(rf"(?:讯|电)(?:\s*[（(][^（()）\n]{{1,30}}[)）]|\s+)\s*(?:{WHEN}，?)?(?!在){ORGANS}")


# A place name written before an organ's name (北京 in 北京市住建委, 西安市 in 西安市长安区…领导小组), at the start of
# a clause: no time, word of running text (记者从市安委会, 要求市政府) or noun (新闻中心省安委办) takes its place.
PLACE_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}$")
NOT_A_PLACE = ("记者", "近日", "日前", "今天", "今日", "昨天", "昨日", "近期", "目前", "当天", "随后", "同时", "其中", "代表")


@lru_cache(maxsize=1)
def place_stops() -> tuple[tuple[str, ...], frozenset[str]]:
    """(words before a department name that are no part of a place, characters a noun but no place ends in)."""
    rows = load_tsv("place_prefixes.tsv")
    stops = tuple(r["text"] for r in rows if r["type"] == "stop") + NOT_A_PLACE
    return stops, frozenset("".join(r["text"] for r in rows if r["type"] == "noun_end"))


def is_place(text: str) -> bool:
    stops, noun_end = place_stops()
    return text[-1] not in noun_end and not any(w in text for w in stops)
LEVEL_START = re.compile(r"^[省市县区州盟旗]")
LEVEL_END = re.compile(r"(?:省|市|县|区|州|盟|旗|自治区|镇|乡|街道)$")


def fuller_name(name: str, text: str) -> tuple[int, int] | None:
    """Range in `text` of the same organ written with its place before it, where `text` writes it so: a news body
    says 市住建委 under the headline's 北京市住建委; a signature 长安区…领导小组 under a title's 西安市长安区…领导小组;
    政府 and 人民政府 are one (省政府办公厅, 云南省人民政府办公厅)."""
    core = re.escape(name).replace("政府", "(?:人民)?政府")
    for m in re.finditer(core, text):
        if m.start() == 0 or is_chrome(line_around(text, m.start())):  # 主办：山西省临汾市汾西县人民政府 © 版权所有
            continue
        place = PLACE_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if place and is_place(place.group()) and (LEVEL_START.match(name) or LEVEL_END.search(place.group())):
            return place.start(), m.end()
    return None


def line_around(text: str, pos: int) -> str:
    """The line of `text` that holds `pos`."""
    return text[slice(*enclosing(text, pos, pos, "\n"))].strip()


def position(lines: list[Line], line: Line) -> int:
    """Where `line` (or the trimmed copy of one) stands in `lines`."""
    return next(i for i, ln in enumerate(lines) if ln.index == line.index)


# A site's greeting (您好！欢迎来到煤矿安全生产网！), its advice on viewing it, and a mirror's blurb over the copy it serves
# (下面是小编为大家整理的…，供大家参考。) are sentences of the page, not the document's first paragraph.
SITE_GREETING = re.compile(r"欢迎来到|欢迎访问|欢迎关注|欢迎光临")
# …and its advice on how to view it (…网站提示：使用大于1366*768分辨率/IE10.0或以上浏览器可以获得最佳浏览效果！)
SITE_NOTICE = re.compile(r"浏览器|分辨率|最佳浏览效果")
MIRROR_BLURB = re.compile(r"小编")
MAX_PAGE_SENTENCE = 100


def is_page_sentence(text: str) -> bool:
    return len(text) <= MAX_PAGE_SENTENCE and any(p.search(text) for p in (SITE_GREETING, SITE_NOTICE, MIRROR_BLURB))


def header_lines(lines: list[Line]) -> list[Line]:
    """The 版头 and title zone: lines before the first body paragraph (at most 12), trimmed of page labels."""
    out = []
    for ln in lines[:12]:
        ln = trimmed(ln)
        if is_body_line(ln) and not ln.text.endswith("：") and not is_page_sentence(ln.text):
            break
        out.append(ln)
    return out


def after_blurb(header: list[Line]) -> int | None:
    """Where a mirror's copy of the document starts under its blurb: past the blurb and any line repeating the
    page's title above it (第一篇：…, …（全文）)."""
    pos = next((i for i, ln in enumerate(header) if MIRROR_BLURB.search(ln.text) and is_body_line(ln)), None)
    if pos is None:
        return None
    page = {TRAILING_DECORATION.sub("", ln.text) for ln in header[:pos]}
    pos += 1
    while pos < len(header) and TRAILING_DECORATION.sub("", header[pos].text) in page:
        pos += 1
    return pos


def find_title(header: list[Line], after: int = 0) -> tuple[int, int] | None:
    """Line index range of the title: the first line from `after` on ending in a 文种, with its short lead-in lines."""
    for pos, ln in enumerate(header):
        if pos < after:
            continue
        # GB/T 9704 mastheads space a title's last line out (关于印发…规划的 / 通    知)
        if ln.text.endswith("文件") or DOC_NUMBER.fullmatch(ln.text) or kind_of_title(re.sub(r"\s", "", ln.text)) is None:
            continue
        if is_portal_line(ln.text) or is_chrome(ln.text):
            continue
        if len(ln.text) > 80:
            continue
        first = pos
        whole = "关于" in ln.text and issuer_from_title(ln.text) is not None  # it names its organ: no line above is part of it
        while not whole and first > after and is_lead_in(header[first - 1].text, header[first].text) and not header[first].gap_before and pos - first < 2:
            first -= 1
        if first == pos and len(ln.text) < MIN_TITLE and is_whole_title(header[pos + 1 : pos + 2]):
            continue  # a page's category (活动方案) over the title (乡镇安全生产月实施方案)
        return first, pos
    return None


def is_lead_in(text: str, below: str) -> bool:
    """Whether a header line is the first part of the title line `below` it. Over a line opening with 关于 only the
    organ's name is (铜冶中心校 / 关于做好…的通知), not a page's category label (政策法规 / 关于…的通报)."""
    if kind_of_title(text) is not None or not is_title_part(text):
        return False
    return not below.startswith("关于") or ORG_LINE.match(re.sub(r"\s", "", text)) is not None


def formal_title_below(header: list[Line], last: int) -> tuple[int, int] | None:
    """The document's own title (河北省人民政府关于…的通报) over its 主送, where a news page's headline naming no
    关于 (事关安全生产！河北省人民政府最新通报) stood above it and was taken first."""
    if "关于" in header[last].text:
        return None
    for pos in range(last + 1, len(header) - 1):
        text = header[pos].text
        if kind_of_title(text) and issuer_from_title(text) and "关于" in text and is_address_line(header[pos + 1].text):
            return pos, pos
    return None


def last_title_above(header: list[Line], anchor: int) -> tuple[int, int] | None:
    """The title a page prints right above the 文号 (or a 简报's issue line), where none stands under it: the last
    one before it, not the page's own headline over the copy (新余国家矿山安全监察局关于印发…的通知)."""
    found, start = None, 0
    while (title := find_title(header[:anchor], start)) is not None:
        found, start = title, title[1] + 1
    return found


def is_whole_title(lines: list[Line]) -> bool:
    """Whether the one line of `lines` is a title of its own: long enough and ending in a 文种."""
    return bool(lines) and len(lines[0].text) >= MIN_TITLE and kind_of_title(lines[0].text) is not None


# A weekly report's period under its masthead: （10月11日至10月17日）
PERIOD_LINE = re.compile(
    r"^[（(]?(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日?(?:[至到—\-－～~](?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日?)?[)）]?$"
)
# A reporter's byline over the lede: 海报新闻记者 孙佃潇 北京报道, （记者 王景巍）
BYLINE = re.compile(r"(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:\s|）|\)|$)")


def is_headline(text: str) -> bool:
    """A 简报 article's headline: a short line that is no date or period, office-and-date, byline or sentence."""
    return (
        4 <= len(text) <= 60
        and text[-1] not in TERMINAL + "："
        and not DATE.search(text)
        and not PERIOD_LINE.match(text)
        and not ORG_DATE_LINE.match(text)
        and not ISSUE_LINE.match(text)
        and not BYLINE.search(text)
    )


@lru_cache(maxsize=1)
def chrome_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in load_tsv("web_chrome.tsv"))


def is_chrome(text: str) -> bool:
    return len(text) <= 60 and any(w in text for w in chrome_words())


def lead_headline(header: list[Line]) -> Line | None:
    """The headline that opens a page without a GB/T 9704 title: the first header line that reads as one
    (a short line of text, no sentence, date, source, portal or chrome line, no outline heading). A forum's or
    portal's widgets above it (找回密码, 注 册, 查看：1156|回复：0) do not count among the lines it may stand on."""
    tried = 0
    for ln in header[:LEAD_SCAN]:
        if OUTLINE_HEADING.match(ln.text) or is_address_line(ln.text) or (is_body_line(ln) and not is_page_sentence(ln.text)):
            break  # the document's text has begun: an address line, a sentence, an outline heading
        if len(ln.text) < MIN_TITLE or is_chrome(ln.text) or is_navigation(ln.text):
            continue
        tried += 1
        if tried > LEAD_LINES:
            break
        if is_portal_line(ln.text) or DOC_NUMBER.search(ln.text) or ORG_DATE_LINE.match(ln.text):
            continue
        if is_headline(ln.text) and is_mostly_chinese(ln.text):
            return ln
    return None


LEAD_SCAN, LEAD_LINES = 8, 4
FIGURE = re.compile(r"\d+(?:\.\d+)?(?=[年月日起人家个名项次万亿元%])")  # a headline's figures: 2013年, 3542起, 31.1%


def is_mostly_chinese(text: str) -> bool:
    """Whether Chinese makes up most of a line, not counting the figures it reports (…事故3542起 死亡1436人)."""
    words = FIGURE.sub("", text)
    return bool(words) and len(CJK.findall(words)) >= 0.6 * len(words)


def is_address_line(text: str) -> bool:
    """A 主送 line (各县区人民政府：), not a widget's label (会员投稿 搜索：)."""
    return text.endswith("：") and RECIPIENT_HINT.search(text) is not None


# A page that runs its headline into the lede on one line: …获评优秀近日，经广东省委…; …考评工作1月12日，南宁市…
LEDE_OPENING = re.compile(
    r"\s*(?:近日|日前|今天|今日|昨天|昨日|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上?|凌晨)?)，"
)
MAX_HEADLINE = 60
# a byline (本报讯（记者…）), a clause left open (…机制，) or a date's preposition (截至) ends no headline
NO_HEADLINE_END = re.compile(r"(?:[，、：:（(）)]|讯|电|截至|至|于|在|从|自)$")


def glued_headline(lines: list[Line]) -> Line | None:
    """The headline a page ran into the lede of its first paragraph, where no line of its own holds one."""
    first = next((t for t in map(trimmed, lines[:12]) if is_body_line(t) and not t.text.endswith("：")), None)
    if first is None:
        return None
    for m in LEDE_OPENING.finditer(first.text, MIN_TITLE, MAX_HEADLINE + 1):
        head = first.text[: m.start()]
        if any(ch in head for ch in TERMINAL) or "记者" in head or NO_HEADLINE_END.search(head):
            return None
        if is_mostly_chinese(head):
            return Line(first.index, first.start, first.start + len(head), head, first.gap_before)
        return None
    return None


MAX_GLUED_TITLE = 100
# How the first paragraph under a title opens: its year or day, or a clause of purpose or ground (为…, 根据…)
PARAGRAPH_OPENING = re.compile(r"(?:(?:19|20)\d{2}\s*年|\d{1,2}月\d{1,2}日|近日|日前|今年|为了?|根据|按照|依据|经)")


def glued_title(lines: list[Line]) -> Line | None:
    """The formal title a page ran into the first paragraph under it (农业农村部…司 应急管理部…司关于2023年度…名单的公示2023年，
    农业农村部…): the first line of text opens with an organ's 关于, and a 文种 ends the title where the paragraph opens."""
    first = next((t for t in map(trimmed, lines[:12]) if is_body_line(t) and not t.text.endswith("：")), None)
    if first is None or issuer_from_title(first.text[:MAX_GLUED_TITLE]) is None:
        return None
    text = first.text
    for end in range(MIN_TITLE, min(len(text), MAX_GLUED_TITLE)):
        head = text[:end]
        if any(ch in head for ch in TERMINAL):
            return None
        if GUANYU_TITLE.search(head) and PARAGRAPH_OPENING.match(text, end):
            return Line(first.index, first.start, first.start + end, head, first.gap_before)
    return None


GUANYU_TITLE = re.compile(r"关于[^，。；]{2,80}的[\u4e00-\u9fff]{2,4}$")  # …关于…的公示: its last word is its kind, listed or not


# A news page prints its dateline right under its headline: the time it was posted and where from (2013年12月27日 09:19
# 来源：北京晨报; 2018-04-13 21:33:03 信息来源：新华网; 来源：南国早报客户端 发布时间：; 时间：2012-03-16).
DATELINE = re.compile(
    r"(?:来\s*源|发布时间|发表时间|发布日期|更新时间|时\s*间)\s*[：:]|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}"
)
MAX_DATELINE = 120
DATELINE_SCAN = 40  # a site's menus, one item a line, may fill the page's first screens


def headline_over_dateline(lines: list[Line]) -> Line | None:
    """The headline a news page prints over its dateline, however much of the site's chrome stands above it, where
    no line read as a title first: the line right above the first dateline, if it reads as a headline."""
    for pos, ln in enumerate(lines[:DATELINE_SCAN]):
        if is_body_line(ln) and not is_page_sentence(ln.text) and not is_navigation(ln.text):
            return None  # the text has begun
        if len(ln.text) > MAX_DATELINE or not DATELINE.search(ln.text):
            continue
        if pos == 0:
            return None
        above = trimmed(lines[pos - 1])
        text = above.text
        if len(text) < MIN_TITLE or is_chrome(text) or is_navigation(text) or is_portal_line(text) or DATELINE.search(text):
            return None
        return above if is_headline(text) and is_mostly_chinese(text) else None
    return None


# A news lede opens with when, or with the reporter having learnt it: 4月29日记者获悉，…; 近日，…; 本报讯…
NEWS_LEDE = re.compile(
    r"^(?:(?:近日|日前|今天|今日|昨天|昨日|近期)|(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上?|凌晨)?)(?:，|记者|从)"
    r"|^[\u4e00-\u9fff]{0,8}(?:报|网|社|台)讯"
)


def headline_over_lede(lines: list[Line]) -> Line | None:
    """The headline right above a news lede (4月29日记者获悉，…), where the page's chrome (a site's accounts one a
    line) fills the lines a headline is looked for in and no dateline stands between."""
    for pos, ln in enumerate(lines[:DATELINE_SCAN]):
        if not is_body_line(ln) or is_page_sentence(ln.text) or is_navigation(ln.text):
            continue
        if pos == 0 or not NEWS_LEDE.match(ln.text):
            return None
        above = trimmed(lines[pos - 1])
        text = above.text
        if len(text) < MIN_TITLE or is_chrome(text) or is_navigation(text) or is_portal_line(text):
            return None
        return above if is_headline(text) and is_mostly_chinese(text) else None
    return None


NAV_MARK = re.compile(r"[>»›＞|｜]")  # a breadcrumb's or a table row's separator; no headline holds one
NAV_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,6}$")


def is_navigation(text: str) -> bool:
    """A site's menu (西安新闻 长安新闻 高陵新闻 …), a breadcrumb (新闻频道 > 政务频道) or a table row."""
    items = text.split()
    return NAV_MARK.search(text) is not None or (len(items) >= 3 and all(NAV_ITEM.match(i) for i in items))


SITE_NAME = re.compile(r"--|\||https?:|www\.|网$")  # 法搜网--中国法律信息搜索网 over a title is the site's


# A newspaper's page label over its articles (第01版：头版要闻, A3版：要闻)
EDITION_LABEL = re.compile(r"^第?\s*[A-Z]?\d{1,3}\s*版\s*[：:]")


def is_title_part(text: str) -> bool:
    return (
        len(text) <= 30
        and not EDITION_LABEL.match(text)
        and not NAV_MARK.search(text)
        and not is_chrome(text)
        and not SITE_NAME.search(text)
        and not is_portal_line(text)
        and re.sub(r"[\s|｜：:]", "", text) not in PORTAL_LABELS  # a table's label cell on its own line (文件名称 |)
        and not ISO_DATE.search(text)
        and text[-1] not in TERMINAL + "："
        and not text.endswith("文件")
        and not DOC_NUMBER.search(text)
        and not DATE.search(text)
        and not SECRECY.match(text)
        and not URGENCY.match(text)
        and not COPY_NUMBER.match(text)
    )


# 、 separates two recipients when the part before it is a whole body (…人民政府、…办事处) and the part after starts
# one; in 各省、自治区、直辖市人民政府 or 各县、区 the parts before 、 are no bodies, and it stays one recipient.
BODY_END = re.compile(
    r"(?:政府|办事处|管委会|委员会|安委会|安委办|成员单位|单位|部门|机构|企业|学校|村委会|居委会|居民区|科室|"
    r"支队|大队|总队|中心|公司|集团|厅|局|委|办)$"
)


# A recipient of its own opens with its level (县直有关部门, 区安委会各成员单位, 市消防支队); a part that opens with
# 各/有关 or a bare kind (国务院各部委、各直属机构; 各镇党委、人民政府; …监督管理局、公安局) shares the prefix before it.
OWN_LEVEL = re.compile(r"[省市州盟地县区旗镇乡](?:直|属|级|政府|委|安委|人民|[\u4e00-\u9fff]{1,6}(?:局|委|办|队|会|单位|部门))")


# A body named in full carries its place (大通街道办事处, 兰州新区城交局); a bare kind after 、 (各镇人民政府、街道办事处;
# …公安局、广播电视局) shares the place or the 各 of the part before it.
DISTRIBUTIVE_MIN = 3  # characters of a recipient before a 各 that opens the next: 各部门, not 各州
NAMED_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:街道|区|县|州|旗|镇|乡)")


def ends_a_body(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the 、 at `pos` closes a whole recipient begun at `start` and opens another: of recipients each
    addressed with 各 (各部门、各店铺; not 各州、市安委会, where 州 is no recipient, nor 国务院各部委、各直属机构, whose
    members share their owner), one with its own level, or a whole body named with its place (各乡镇人民政府、
    大通街道办事处)."""
    following = re.match(r"[^、，；]*", text[pos + 1 : end]).group()
    if text.startswith("各", start) and following.startswith("各") and pos - start >= DISTRIBUTIVE_MIN:
        return True
    if BODY_END.search(text, start, pos) is None:
        return False
    if OWN_LEVEL.match(following):
        return True
    return BODY_END.search(following) is not None and NAMED_PLACE.match(following) is not None


def split_recipients(doc: Document, line: Line) -> list[Field]:
    """主送机关 split at ，；, and at 、 only between whole bodies (各州、市安委会 is one recipient)."""
    fields = []
    body_end = line.end - 1 if line.text.endswith("：") else line.end  # an address line read whole
    start = line.start
    depth = 0
    text = doc.norm_text
    for pos in range(line.start, body_end + 1):
        ch = text[pos] if pos < body_end else "，"
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in "，；" or (ch == "、" and ends_a_body(text, start, pos, body_end))):
            if pos > start:
                fields.append(make_field(doc, start, pos))
            start = pos + 1
    return fields


RECIPIENT_WINDOW = 8  # a portal repeats the title, its date and source line and the 文号 between title and 主送
RECIPIENT_HEAD = 30  # where an address line stands when the title was lost or a page's blurb sits above it
# What a page glued before an address line on its line: the 文号 printed above it (卫城管函发〔2018〕27号局机关各科室、…：),
# a table cell, a URL, a time, a widget (…|各街道、开发区，…：); not a mirror's mask of a name (有关中央在川和省属******企事业单位)
GLUED_CHROME = re.compile(rf"^(?:{DOC_NUMBER.pattern}|.*(?:[|｜】>»]|[\x21-\x27\x2b-\x7e](?![\x21-\x27\x2b-\x7e])))\s*")
ADDRESS_PART_END = re.compile(rf"(?:{BODY_END.pattern[:-1]}|区|县|市|州|盟|旗|镇|乡|街道|学校|校|会|组|所|站|院)$")


def address_range(line: Line) -> tuple[int, int] | None:
    """Normalized range of the 主送机关 a line addresses, without its colon: the whole line before a closing ：, or
    the part before the first ： when the page glued the first paragraph on (各县区人民政府，…：根据…); a table cell,
    URL or time glued before it is left out."""
    text = line.text
    colon = len(text) - 1 if text.endswith("：") else text.find("：")
    if colon <= 0:
        return None
    rest = text[colon + 1 :]
    if rest and rest[-1] not in TERMINAL and len(rest) <= 70:
        return None  # a label and its value (牵头单位：市应急局), not an address before a sentence
    head = text[:colon]
    glued = GLUED_CHROME.match(head) if not rest else None
    start = glued.end() if glued else 0
    address = head[start:]
    # what shares its line with page text must read as bodies' names (合格单位为：张家口市政府。 is a sentence)
    if not is_address(address) or ((rest or start) and not is_strict_address(address)):
        return None
    return line.start + start, line.start + colon


# A row of a list of names, blanks between them (…监管处 吉林省安全生产执法监察总队 长春市：), addresses no one: a 主送 parts
# its bodies with ，、；
LIST_ROW_GAP = re.compile(r"[\u4e00-\u9fff）]\s+(?=[\u4e00-\u9fff（])")
LIST_ROW_GAPS = 2


def is_address(text: str) -> bool:
    if not 2 <= len(text) < 200 or "。" in text or text.endswith("如下") or DATE.search(text):
        return False
    if len(LIST_ROW_GAP.findall(text)) >= LIST_ROW_GAPS:
        return False
    if is_portal_line(text) or is_chrome(text) or not RECIPIENT_HINT.search(text):  # 来源：… 发布时间：
        return False
    return not re.match(r"^(附件|抄送|联系人|主持人)", text)


def is_strict_address(text: str) -> bool:
    """An address line found away from its title: every part a body's name (各县、区; 省（中）直有关部门（单位）)."""
    parts = re.split(r"[，；]", text)
    return all(
        2 <= len(p) <= 40 and re.fullmatch(r"[\u4e00-\u9fff（）、]+", p) and ADDRESS_PART_END.search(re.sub(r"（[^（）]*）$", "", p))
        for p in parts
    )


def find_recipients(lines: list[Line], after: int) -> Line | None:
    """The 主送 line: in the few lines under the title, else anywhere in the head when the title found is the
    printed plan's under a wrapper notice or a page's blurb stands between (a strict address line there)."""
    found = address_under_title(lines, after)
    if found is None:
        found = next((ln for ln in (address_line(ln, strict=True) for ln in lines[:RECIPIENT_HEAD]) if ln), None)
    return found


def address_under_title(lines: list[Line], after: int) -> Line | None:
    seen = 0
    for ln in lines[after:]:
        if is_portal_line(ln.text) or is_chrome(ln.text):
            continue  # a portal's table or a page's date and source line between title and 主送
        found = address_line(ln)
        if found:
            return found
        seen += 1
        if is_body_line(ln) or seen >= RECIPIENT_WINDOW:
            return None
    return None


def address_line(ln: Line, strict: bool = False) -> Line | None:
    """The address part of `ln` as a line of its own, if `ln` addresses bodies."""
    found = address_range(ln)
    if found is None:
        return None
    text = ln.text[found[0] - ln.start : found[1] - ln.start]
    if strict and not is_strict_address(text):
        return None
    return Line(ln.index, found[0], found[1], text, ln.gap_before)


# The bodies a news lede says a body sent its document to: 国务院安委会办公室向各地区、各有关部门和中央企业通报了…; …向全省各地级以上市
# 和省安委会有关成员单位通报…. An inspection group feeding back to the province it inspected (督查组向省政府反馈督查情况) holds
# a meeting: no document is addressed.
REPORTED_TO = re.compile(r"向(?P<to>[^，。；：“”《》\n]{2,80}?)(?:通报|印发|下发|发出|转发)")
BODIES_JOINED = re.compile(r"和|及")


def reported_recipients(doc: Document, lede: list[Line]) -> list[Field]:
    """The 主送 of the document a news page's lede reports sent, each a body's name (not 上百名负责人)."""
    for ln in lede[:1]:
        found = REPORTED_TO.search(ln.text)
        if found is None:
            return []
        start, text = ln.start + found.start("to"), found.group("to")
        parts, cut = [], 0
        for joiner in BODIES_JOINED.finditer(text):
            if ADDRESS_PART_END.search(text, cut, joiner.start()):  # 和 after a whole body's name; 住房和城乡建设局 is one
                parts.append((cut, joiner.start()))
                cut = joiner.end()
        parts.append((cut, len(text)))
        fields = [f for a, b in parts for f in split_recipients(doc, Line(ln.index, start + a, start + b, text[a:b]))]
        if fields and all(is_strict_address(str(f.value)) and "的" not in str(f.value) for f in fields):
            return fields
    return []


def standalone_dates(lines: list[Line], start: int, stop: int) -> list[Line]:
    return [ln for ln in lines[start:stop] if DATE_LINE.match(ln.text)]


def title_letters(text: str) -> str:
    """A title's characters and figures without its marks: a page may drop a dash its font lacked (（20182020年）)."""
    return re.sub(r"[^\u4e00-\u9fff\dA-Za-z]", "", text)


def extract_embedded(doc: Document, lines: list[Line], title_text: str, after: int) -> Embedded | None:
    wrapped = WRAPPER.search(title_text)
    if not wrapped:
        return None
    inner = re.sub(r"[《》\s]", "", wrapped.group("inner"))
    letters = title_letters(inner)
    for ln in lines[after:]:
        candidate = title_letters(ln.text)
        if candidate.endswith(letters) and len(candidate) <= len(letters) + 20 and ln.text[-1] not in TERMINAL:
            title = make_field(doc, ln.start, ln.end)
            end = len(doc.norm_text)
            return Embedded(title, kind_of_title(inner), doc.source_span(ln.start, end))
    return None


JOINT_SIGNATURE_LINES = 4


def signature_before(lines: list[Line], date_line: Line) -> tuple[Line, Line] | None:
    """First and last line of the 署名 over the date: one organ, joint organs on one line, or joint organs one a
    line (中共洛阳市委办公室 / 洛阳市人民政府办公室 / 2012年11月23日)."""
    pos = lines.index(date_line)
    if pos == 0 or not (ORG_LINE.match(lines[pos - 1].text) or joint_organs(lines[pos - 1].text)):
        return None
    first = pos - 1
    while first > 0 and pos - first < JOINT_SIGNATURE_LINES and ORG_LINE.match(lines[first - 1].text):
        first -= 1
    return lines[first], lines[pos - 1]


def joint_organs(text: str) -> str | None:
    """The lead organ of several issuing organs on one line, apart by spaces or 、 (榆林市应急管理局   榆林市能源局)."""
    parts = re.split(r"\s*、\s*|\s+", text.strip())
    if len(parts) >= 2 and all(ORG_LINE.match(p) for p in parts):
        return parts[0]
    return glued_lead_organ(text.strip())


PLACE_OPENING = 3


def glued_lead_organ(text: str) -> str | None:
    """The lead one of two organs of one place whose names a page ran together (山东省人民政府安全生产委员会山东省人民政府
    消防安全委员会): the second opens as the first does."""
    for cut in range(PLACE_OPENING + 1, len(text) - PLACE_OPENING):
        if text.startswith(text[:PLACE_OPENING], cut) and ORG_LINE.match(text[:cut]) and ORG_LINE.match(text[cut:]):
            return text[:cut]
    return None


# A title that opens with its organ and the year it covers: 长春市应急管理局2021年安全生产工作总结, 市安委会2021年工作要点
ORGAN_THEN_YEAR = re.compile(rf"^(?P<org>{ORGAN_NAME})(?=(?:19|20)\d{{2}}\s*年)")


FORWARDED = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:转发|印发)(?=[\u4e00-\u9fff])")


def issuer_from_title(title: str) -> str | None:
    """The organ before 关于 in a title written as text (of joint organs, 甲 乙关于…, the lead one, 甲), or the organ
    a title opens with before the year it covers."""
    head, sep, _ = title.partition("关于")
    head = FORWARDED.split(head)[0]  # 安徽省人民政府办公厅转发国务院办公厅关于…: the forwarding office issues
    compact = re.sub(r"\s", "", head)
    if not sep or not 2 <= len(compact) <= 40 or any(mark in head for mark in "《〈"):
        # no 关于, or the 关于 of a document the title cites
        dated = ORGAN_THEN_YEAR.match(re.sub(r"\s", "", title))
        return dated.group("org") if dated else None
    return joint_organs(head) or compact


@stage("meta", step="structure", assigns="meta")
def extract_meta(doc: Document) -> Meta:
    """The metadata of `doc` (see module docstring); also fills `doc.embedded`."""
    meta = Meta()
    lines = norm_lines(doc)
    if not lines:
        return meta
    header = split_title_number(header_lines(lines))
    number_pos = read_version_head(doc, header, meta)

    # GB/T 9704 puts the title below the 发文字号 (or a 简报's 第5期 line); a 文种 word above it is the masthead
    # (漳州市安委会会议纪要, 安全生产工作简报).
    issue_pos = next((i for i, ln in enumerate(header) if ISSUE_LINE.match(ln.text)), None)
    anchor = number_pos if number_pos is not None else issue_pos
    if anchor is None and (copy_start := after_blurb(header)) is not None:
        anchor = copy_start - 1
    title_range = (find_title(header, anchor + 1) or last_title_above(header, anchor) if anchor is not None else None) or find_title(header)
    if title_range is not None and (formal := formal_title_below(header, title_range[1])) is not None:
        title_range = formal
    headline = None
    if title_range and issue_pos is not None and title_range[1] < issue_pos:
        # a 简报 masthead over its issue line: it gives the kind, the first plain line under them the title
        masthead = header[title_range[1]]
        if meta.issuer_mark is None:
            meta.issuer_mark = make_field(doc, masthead.start, masthead.end)
        headline = next((ln for ln in header[issue_pos + 1 :] if is_headline(ln.text)), None)
    after_title = 0
    if headline is not None:
        meta.title = make_field(doc, headline.start, headline.end)
        kind = kind_of_title(meta.issuer_mark.value) or kind_of_title(meta.title.value)
        meta.doc_type = Field(kind, meta.issuer_mark.span, meta.issuer_mark.text)
        after_title = position(lines, headline) + 1
    elif title_range:
        first, last = header[title_range[0]], header[title_range[1]]
        meta.title = make_field(doc, first.start, last.end)
        kind = None if reports_a_document(meta.title.value) else kind_of_title(meta.title.value)
        meta.doc_type = Field(kind, meta.title.span, meta.title.text)
        after_title = position(lines, last) + 1
        embedded = extract_embedded(doc, lines, meta.title.value, after_title)
        if embedded:
            doc.embedded = [embedded]
    elif (glued := glued_title(lines)) is not None:
        meta.title = make_field(doc, glued.start, glued.end)
        after_title = position(lines, glued)
        kind = kind_of_title(meta.title.value)
        meta.doc_type = Field(kind, meta.title.span, meta.title.text) if kind else None
    else:
        lead = lead_headline(header) or glued_headline(lines) or headline_over_dateline(lines) or headline_over_lede(lines)
        if lead is not None and is_portal_value(lines, lead):
            lead = None  # a portal's value under its label (主题分类： / 市场监管、安全生产监督-安全生产监管)
        if lead is not None:  # a news page or an excerpt: its headline is the title, with no 文种 to end it
            meta.title = make_field(doc, lead.start, lead.end)
            after_title = position(lines, lead) + 1

    lede = lede_lines(lines, after_title)  # a news page's first paragraphs: what it reports, if it reports
    if meta.doc_type is None:  # no title, or one that names no 文种
        meta.doc_type = content_kind(doc, lines, lede)

    recipients = find_recipients(lines, after_title)
    if recipients:
        meta.recipients = split_recipients(doc, recipients)
        if meta.issuer_mark is None:
            meta.issuer_mark = organ_over_address(doc, lines, recipients, meta.title)
        if meta.doc_number is None:
            meta.doc_number = number_over_address(doc, lines, recipients)
    elif meta.doc_type.text == "" or kind_from_lede(meta):
        meta.recipients = reported_recipients(doc, lede)

    body_stop = len(lines)
    if doc.embedded:
        body_stop = next(i for i, ln in enumerate(lines) if doc.source_span(ln.start, ln.end).start >= doc.embedded[0].span.start)
    meta.published = published_date(doc)
    read_tail(doc, lines, after_title, body_stop, meta)
    read_byline(doc, header, meta)
    read_portal_table(doc, lines, meta)
    if meta.title is None and (named := issued_title(doc.norm_text)) is not None:
        meta.title = make_field(doc, *named)  # its 文种 is the issued plan's; the page's kind stays as read
    if meta.doc_type is None or meta.doc_type.value is None:  # a portal's title that names no kind (…的公示)
        meta.doc_type = content_kind(doc, lines, lede)
    if meta.issuer is None and meta.title is not None:
        # the organ a title names is written in full, where a masthead may use the short form (省政府办公厅文件);
        # as written keeps the spaces between joint organs; the reading has 关于 in simplified script
        name = issuer_from_title(meta.title.text) or issuer_from_title(meta.title.value)
        if name:
            meta.issuer = Field(name, meta.title.span, meta.title.text)
    if meta.issuer is None and meta.issuer_mark is not None:
        name = MASTHEAD_END.sub("", meta.issuer_mark.value)
        meta.issuer = Field(name, meta.issuer_mark.span, meta.issuer_mark.text)
    if meta.issuer is None:
        read_portal_issuer(doc, lines, meta)
    if meta.doc_type.text == "" or kind_from_lede(meta):  # a news page: what its lede tells of the document it reports
        if meta.issuer is None:
            meta.issuer = reported_issuer(doc, lede)
        if meta.doc_number is None:
            meta.doc_number = reported_number(doc, lede)
    # a speech (…会议上的讲话) tells of bodies acting (刚才，县安委办通报了…): none issued it as a news page reports
    if meta.issuer is None and not (meta.title is not None and kind_of_title(meta.title.value) == "讲话"):
        organ = reporting_organ(doc.norm_text)
        if organ:
            meta.issuer = organ_field(doc, organ)
            if meta.date is None:
                meta.date = date_of_act(doc, organ, meta)
    if meta.issuer is not None:
        meta.issuer = written_in_full(doc, meta.issuer, meta.title)
    return meta


# A web page's date of publication as its header or footer writes it (发表时间:2019-11-28 10:27,
# 2026-01-21 16:15:37 来源:…): page chrome, not the document's date (the page may repost an older text), but
# the year of a text that writes none, and the day before which a news page tells its periods as past.
PAGE_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")


def published_date(doc: Document) -> Field | None:
    """The first date written as a web page writes its publication date (2019-11-28), in ISO form."""
    m = PAGE_DATE.search(doc.norm_text)
    if m is None:
        return None
    try:
        day = date(*(int(g) for g in m.groups()))
    except ValueError:
        return None
    return make_field(doc, m.start(), m.end(), day.isoformat())


# The full date a news lede opens with, before the body it reports acting (2019年12月2日，永湖镇召开…)
DATE_BEFORE = re.compile(rf"{DATE.pattern}\s*[，,]?\s*$")


def date_of_act(doc: Document, organ: re.Match[str], meta: Meta) -> Field | None:
    """The day a news page says the body it reports acted: in its clause (…安委办，于2026年1月28日发布) or opening the
    lede before it (2019年12月2日，永湖镇召开…; 4月12日，省安委会下发…). A day without its year takes the year the page
    gives it, from its date of publication or the 文号 of the document it reports; else it is no document's date."""
    text = doc.norm_text
    found = DATE.search(text, organ.start(), organ.end())
    line_start = text.rfind("\n", 0, organ.start()) + 1
    before = organ.start() + 1 if text[organ.start()] in "，," else organ.start()
    if found is None:
        found = DATE_BEFORE.search(text, line_start, before)
    iso = iso_date(found) if found else None
    if iso:
        return make_field(doc, found.start(), found.end(), iso)
    day = MONTH_DAY_BEFORE.search(text, line_start, organ.start("organs"))  # the match may open with the day
    year = year_of_day(meta, int(day.group(1)), int(day.group(2))) if day else None
    if year is None:
        return None
    try:
        return make_field(doc, day.start(), day.end(), date(year, int(day.group(1)), int(day.group(2))).isoformat())
    except ValueError:
        return None


MONTH_DAY_BEFORE = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日(?=(?:上午|下午|晚上?)?\s*[，,]?\s*$)")
NUMBER_YEAR = re.compile(r"(?:19|20)\d{2}")


def year_of_day(meta: Meta, month: int, day: int) -> int | None:
    """The year of a day a page writes without it: the last one on or before the page's date of publication, else
    the year of the 文号 it gives."""
    if meta.published is not None:
        published = date.fromisoformat(str(meta.published.value))
        return published.year if (month, day) <= (published.month, published.day) else published.year - 1
    if meta.doc_number is not None and (year := NUMBER_YEAR.search(str(meta.doc_number.value))) is not None:
        return int(year.group())
    return None


def organ_field(doc: Document, organ: re.Match[str]) -> Field:
    """The organ a news page reports acting; of joint organs (甲、乙印发) the lead one, 甲, the text keeping both."""
    return make_field(doc, organ.start("organs"), organ.end("organs"), organ.group("org"))


def written_in_full(doc: Document, issuer: Field, title: Field | None) -> Field:
    """The issuer as the head of the text writes it in full, if it does (北京市住建委 for 市住建委), or as the
    text outside a headline writes it out (a headline may name a body otherwise than its text does)."""
    name = str(issuer.value)
    if "、" in name or not 3 <= len(name) <= 40 or LEVEL_END.search(name):  # a place (宁乡县) is no organ to complete
        return issuer
    found = fuller_name(name, doc.norm_text[:NEWS_OPENING])
    if found is None:
        found = next((r for r in unabbreviated(name, doc.norm_text) if title is None or not doc.source_span(*r).overlaps(title.span)), None)
    return make_field(doc, *found) if found else issuer


FULL_NAME_END = re.compile(r"(?:局|厅|部|委|组|办)$")


def unabbreviated(name: str, text: str) -> Iterator[tuple[int, int]]:
    """Ranges of the names the text writes in full for the short form `name` (国务院安委会办公室 for 国务院安委办,
    国家煤矿安全监察局 for 国家煤矿安监局): the shortest organ's name opening as it does that holds its characters in
    order and is longer by two or more."""
    if len(name) < 4 or not FULL_NAME_END.search(name):
        return
    for m in re.finditer(re.escape(name[:3]), text):
        for end in range(m.start() + len(name) + 2, min(len(text), m.start() + 2 * len(name)) + 1):
            candidate = text[m.start() : end]
            if not CJK.fullmatch(candidate[-1]) or "\n" in candidate:
                break
            if candidate.endswith("办") and text.startswith("公室", end):
                end += 2  # 海南省安全生产委员会办 is 办公室 cut short: the whole name ends two characters on
                candidate += "公室"
            if is_expansion(name, candidate):
                yield m.start(), end
                break


def is_expansion(short: str, full: str) -> bool:
    """Whether `full` writes out `short`: it holds its characters in order, ends as it does (安委办: …办公室), and
    is not `short` with more after it (国务院安委办督导组) nor a list or phrase (…办公室和省防汛抗旱指挥部)."""
    if full.startswith(short) or any(ch in full for ch in "、和的及与"):
        return False
    if not (full[-1] == short[-1] or (short.endswith("办") and full.endswith("办公室"))):
        return False
    chars = iter(full)
    return all(ch in chars for ch in short)


def read_portal_issuer(doc: Document, lines: list[Line], meta: Meta) -> None:
    """The issuing organ a portal's metadata table names (发文机关, 发布机构), where the document's text named none."""
    fields = portal_fields(lines)
    found = next((fields[k] for k in PORTAL_ISSUER if k in fields), None)
    if found and ORGAN_LINE_LOOSE.match(doc.norm_text[found[0] : found[1]]):
        meta.issuer = make_field(doc, *found)


def read_byline(doc: Document, header: list[Line], meta: Meta) -> None:
    """Issuer and date written in the header instead of at the end: the office and date line of a
    纪要, the speaker and bracketed date under a speech's title. Only fills what the end left empty."""
    for ln in header:
        org_date = ORG_DATE_LINE.match(ln.text)
        if org_date and MEDIA_OUTLET.search(org_date.group("org")):
            org_date = None  # a newspaper's dateline over its report (四川日报    2020年12月22日) is the page's, not the document's
        bracketed = BRACKETED_DATE_LINE.match(ln.text)
        speaker = SPEAKER_LINE.match(ln.text)
        if org_date and (meta.issuer is None or meta.date is None):
            iso = iso_date(DATE.search(org_date.group("date")))
            if meta.date is None and iso:
                meta.date = make_field(doc, ln.start + org_date.start("date"), ln.end, iso)
            if meta.issuer is None:
                org = org_date.group("org")
                compiled = len(org) - len(COMPILED_BY.sub("", org))  # 四川省应急管理厅办公室编: the office, not 编
                meta.issuer = make_field(doc, ln.start, ln.start + org_date.end("org") - compiled)
        elif bracketed and meta.date is None:
            iso = iso_date(DATE.search(ln.text))
            if iso:
                meta.date = make_field(doc, ln.start, ln.end, iso)
        elif speaker and meta.issuer is None:
            meta.issuer = make_field(doc, ln.start, ln.end, speaker.group("office") + speaker.group("name"))


def number_over_address(doc: Document, lines: list[Line], address: Line) -> Field | None:
    """The 发文字号 alone on the line over the 主送, where a page put the text's first paragraph above its head
    (…制定本规划。 / 皖安〔2022〕4号 / 各市人民政府，…：)."""
    pos = position(lines, address)
    above = lines[pos - 1] if pos > 0 else None
    number = DOC_NUMBER.fullmatch(above.text) if above is not None else None
    return make_field(doc, above.start, above.end) if number else None


def organ_over_address(doc: Document, lines: list[Line], address: Line, title: Field | None) -> Field | None:
    """An organ's name alone on the line over the 主送, no title between (山东省人民政府 / 各市人民政府，…：): the 发文机关标志
    of a letter-form document, written without 文件."""
    pos = position(lines, address)
    if pos == 0 or not ORG_LINE.match(above := lines[pos - 1].text) or MASTHEAD_END.search(above):
        return None
    field = make_field(doc, lines[pos - 1].start, lines[pos - 1].end)
    return None if title is not None and title.span.overlaps(field.span) else field


def read_version_head(doc: Document, header: list[Line], meta: Meta) -> int | None:
    """份号, 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人 from the header zone; returns the header
    position of the 发文字号 line, if any."""
    number_pos = None
    for pos, ln in enumerate(header):
        if COPY_NUMBER.match(ln.text) and meta.copy_number is None:
            meta.copy_number = make_field(doc, ln.start, ln.end)
        elif SECRECY.match(ln.text):
            meta.secrecy = make_field(doc, ln.start, ln.end)
        elif URGENCY.match(ln.text):
            meta.urgency = make_field(doc, ln.start, ln.end)
        elif is_version_head(ln.text) and meta.issuer_mark is None:
            meta.issuer_mark = make_field(doc, ln.start, ln.end)
        number = DOC_NUMBER.search(ln.text) or BARE_DOC_NUMBER_LINE.match(ln.text)
        if number is None and (pos > 0 and header[pos - 1].text.endswith("文件") or SIGNER.search(ln.text)):
            number = GLYPHS_LOST_NUMBER.match(ln.text)
        if number and meta.doc_number is None and is_number_line(ln.text, number):
            meta.doc_number = make_field(doc, ln.start + number.start(), ln.start + number.end())
            number_pos = pos
            above = header[pos - 1].text if pos > 0 else ""
            masthead = MASTHEAD_END.search(above) and "关于" not in above  # not a title written above its number
            if meta.issuer_mark is None and pos > 0 and (ORG_LINE.match(above) or masthead):
                prev = header[pos - 1]
                meta.issuer_mark = make_field(doc, prev.start, prev.end)
        signer = SIGNER.search(ln.text)
        if signer:
            meta.signer = make_field(doc, ln.start + signer.start("name"), ln.start + signer.end("name"))
    return number_pos


def is_version_head(text: str) -> bool:
    """An organ's 版头 (…人民政府文件), not a page's category label (规范性文件)."""
    return text.endswith("文件") and len(text) <= 40 and ORG_LINE.match(re.sub(r"\s", "", text[:-2])) is not None


def is_number_line(text: str, number: re.Match[str]) -> bool:
    """A 发文字号 stands alone on its line, in brackets or not (portals print （鄂政办发〔2017〕49号） under
    the title), or beside 签发人; not cited inside a sentence."""
    rest = (text[: number.start()] + text[number.end() :]).strip()
    return rest in ("", "（）", "()") or SIGNER.search(rest) is not None


# A portal prints the 文号 on the title's line: …规划的通知（鄂政办发〔2017〕49号）扫描二维码, …办法的通知 汴政办〔2005〕5号
TITLE_WITH_NUMBER = re.compile(rf"^(?P<title>.{{6,100}}?)\s*[（(]?\s*{DOC_NUMBER.pattern}\s*[）)]?(?P<rest>[^。，；]{{0,20}})$")


# …and the 文号 on the 主送's line (卫城管函发〔2018〕27号局机关各科室、市城市公用事业管理所：) or before the title a
# portal brackets (琼府办〔2018〕48号《海南省人民政府办公厅关于印发…的通知》)
NUMBER_THEN_ADDRESS = re.compile(rf"^{DOC_NUMBER.pattern}\s*(?=[^。]{{2,120}}：$|《[^《》]{{6,}}》$)")


def split_title_number(lines: list[Line]) -> list[Line]:
    """Header lines with a title and its 文号 on one line, or the 文号 and the 主送, as two lines."""
    out = []
    for ln in lines:
        if (glued := NUMBER_THEN_ADDRESS.match(ln.text)) is not None:
            out.append(Line(ln.index, ln.start + glued.start("number"), ln.start + glued.end("number"), glued.group("number")))
            out.append(Line(ln.index, ln.start + glued.end(), ln.end, ln.text[glued.end() :]))
            continue
        m = TITLE_WITH_NUMBER.match(ln.text)
        if m is None or kind_of_title(m.group("title")) is None:
            out.append(ln)
            continue
        title_end, number_start, number_end = m.end("title"), m.start("number"), m.end("number")
        out.append(Line(ln.index, ln.start, ln.start + title_end, m.group("title"), ln.gap_before))
        out.append(Line(ln.index, ln.start + number_start, ln.start + number_end, ln.text[number_start:number_end]))
    return out


# A date whose 年/月/日 a page lost (the glyphs of another font): 202535日, 2024613日, 2025年516.
GLYPHS_LOST_DATE = re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<year_mark>年?)(?P<rest>\d{2,4})(?P<day_mark>日?)$")


def glyphs_lost_iso(text: str) -> str | None:
    """ISO date of a date line that lost its marks, where its digits split into a month and a day one way only."""
    m = GLYPHS_LOST_DATE.match(text)
    if m is None or not (m.group("year_mark") or m.group("day_mark")):
        return None
    rest = m.group("rest")
    readings = {
        (int(rest[:cut]), int(rest[cut:])) for cut in (1, 2) if cut < len(rest) and len(rest) - cut <= 2 and rest[cut] != "0"
    }
    valid = [(mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= 31]
    return f"{m.group('year')}-{valid[0][0]:02d}-{valid[0][1]:02d}" if len(valid) == 1 else None


def signed_glyphs_lost_date(lines: list[Line], start: int, stop: int) -> tuple[Line, str] | None:
    """A date line that lost its marks, under an organ's signature (the signature anchors what the digits are)."""
    for pos in range(max(start, 1), stop):
        iso = glyphs_lost_iso(lines[pos].text)
        if iso and ORG_LINE.match(lines[pos - 1].text):
            return lines[pos], iso
    return None


def read_tail(doc: Document, lines: list[Line], start: int, stop: int, meta: Meta) -> None:
    """署名, 成文日期, 附注, 附件说明, 抄送 and 印发 lines after the body."""
    dates = standalone_dates(lines, start, stop)
    lost = signed_glyphs_lost_date(lines, start, stop) if not dates else None
    if lost:
        dates = [lost[0]]
    if dates:
        date_line = dates[-1] if not doc.embedded else dates[0]
        match = DATE.search(date_line.text)
        iso = iso_date(match) if match else lost[1] if lost else None
        if iso:
            meta.date = make_field(doc, date_line.start, date_line.end, iso)
        signature = signature_before(lines, date_line)
        if signature:
            first, last = signature
            # joint organs sign together; GB/T 9704 puts the lead organ first, and the field's text keeps them all
            lead = joint_organs(first.text) if first is last else first.text
            meta.issuer = make_field(doc, first.start, last.end, lead)
    elif (undated := undated_signature(lines, start, stop)) is not None:
        meta.issuer = make_field(doc, undated.start, undated.end)
    for ln in lines[start:]:
        note = NOTE_LINE.match(ln.text)
        if note:
            meta.notes.append(make_field(doc, ln.start + 1, ln.end - 1))
        cc = CC_LINE.match(ln.text)
        if cc:
            meta.cc.extend(make_field(doc, ln.start + cc.start("rest"), ln.end).value and [make_field(doc, ln.start + cc.start("rest"), ln.end)])
        printed = PRINT_LINE.match(ln.text)
        if printed and (printed.group("org") or lines.index(ln) > 0):
            read_print_line(doc, lines, ln, printed, meta)
    read_attachments(doc, lines, start, meta)


def undated_signature(lines: list[Line], start: int, stop: int) -> Line | None:
    """The 署名 of a text whose page lost its date: an organ's name alone on the last line, under the body's
    closing sentence (…现印发给你们，请认真组织实施。 / 杭州市余杭区人民政府办公室 / <the plan it issues>)."""
    if stop - 2 < start:
        return None
    last, before = lines[stop - 1], lines[stop - 2]
    if ORG_LINE.match(last.text) and not last.gap_before and before.text.endswith("。"):
        return last
    return None


def read_print_line(doc: Document, lines: list[Line], ln: Line, printed: re.Match[str], meta: Meta) -> None:
    iso = iso_date(DATE.search(printed.group("date")))
    if iso is None:
        return
    meta.print_date = make_field(doc, ln.start + printed.start("date"), ln.start + printed.end("date"), iso)
    if printed.group("org"):
        meta.printed_by = make_field(doc, ln.start, ln.start + printed.end("org"))
        return
    pos = lines.index(ln)
    if pos > 0 and ORG_LINE.match(lines[pos - 1].text):
        prev = lines[pos - 1]
        meta.printed_by = make_field(doc, prev.start, prev.end)


def read_attachments(doc: Document, lines: list[Line], start: int, meta: Meta) -> None:
    """附件说明: `附件：1.xxx` with its numbered continuation lines."""
    for pos in range(start, len(lines)):
        head = ATTACHMENT.match(lines[pos].text)
        if not head or len(lines[pos].text) > 80:
            continue
        if head.group("rest"):
            rest_start = lines[pos].start + head.start("rest")
            meta.attachments.append(make_field(doc, rest_start, lines[pos].end))
        for ln in lines[pos + 1 :]:
            if not ATTACHMENT_ITEM.match(ln.text) or len(ln.text) > 80:
                break
            meta.attachments.append(make_field(doc, ln.start, ln.end))
        return
