"""Problems (存在问题): each problem a document names, with the regions and departments it names.

A problems section (二、存在的问题) gives one problem per sub-heading, its category the heading
(（一）思想认识有偏差); text with no outline gives one per item after a lead-in sentence (还存在不少差距和不足。
主要表现在4个方面：一是…). A document with neither gives each clause that states a shortcoming (a criticism
cue of the stance lexicon) outside requirements, penalties and directive sections, as news pages and
narrative reports name them; where it has a problems part, criticism elsewhere is narrative.
`copy_paste` marks accusations that plans were copied (照抄照搬, 高度雷同).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from docparse.analyse.stance import (
    ITEM_MARKER,
    OTHERS,
    cue_table,
    extra_heading_cues,
    heading_role,
    problem_cues,
    sanctions_in,
)
from docparse.model import Document, PartyRef, Problem, Section, Span
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.structure.meta import is_chrome
from docparse.textspans import IntervalIndex, enclosing, list_members

CATEGORY_END = re.compile(r"[，。；：]")
DIRECTIVE_ROLES = {"measures", "tasks", "phases", "organization"}


def accuses_copying(sentence: str) -> bool:
    """照抄照搬, 高度雷同 alone; 雷同, 照搬, 套用 only with what was copied (方案与上级方案雷同, 照搬省局方案)."""
    cues = problem_cues()
    if any(c in sentence for c in cues["copy_paste"]):
        return True
    return any(c in sentence for c in cues["copy_paste_weak"]) and any(o in sentence for o in cues["copy_object"])


def category_of(text: str) -> str:
    """The first clause of an item without its marker: 一是责任落实有待加强。… -> 责任落实有待加强."""
    body = ITEM_MARKER.sub("", text, count=1)
    m = CATEGORY_END.search(body)
    return (body[: m.start()] if m else body).strip()


# --- problem spans ------------------------------------------------------------------------------


def top_problem_sections(doc: Document) -> list[Section]:
    """Sections whose heading names the problems part (存在的问题), outermost only, and the sections a title
    line names as a list of problems."""
    titled = titled_problem_sections(doc)
    tops = list(titled)
    listed = {s.id for s in titled}
    for s in doc.sections:
        if s.id not in listed and heading_role(s.heading) == "problems" and not any(
            heading_role(a.heading) == "problems" or a.id in listed for a in doc.section_path(s.parent)
        ):
            tops.append(s)
    return sorted(tops, key=lambda s: s.span.start)


TITLE_MAX = 30


def names_problem_list(line: str) -> bool:
    """Whether a line of its own titles a list of problems (国务院安委会明查暗访发现共性问题清单, 存在的问题): a
    problems cue with no clause punctuation, which a sentence would have."""
    if not line or len(line) > TITLE_MAX or CLAUSE_BREAKS.search(line) or ITEM_MARKER.match(line):
        return False
    return heading_role(line) == "problems" or any(c in line for c, role in extra_heading_cues() if role == "problems")


def titled_problem_sections(doc: Document) -> list[Section]:
    """The sections listed under a title line that is no heading of the outline (an attachment's 国务院安委会明查暗访
    发现共性问题清单⏎一、消防领域⏎1．…; a 总结's 存在的问题⏎1、…方面：…): the first after the title and the siblings
    that follow it, up to one whose heading sets tasks or measures."""
    text = doc.norm_text
    out: list[Section] = []
    for sec in doc.sections:
        if sec.style == "inline" or any(s.id == sec.id for s in out):
            continue
        opening = doc.norm_index(sec.span.start)
        line_end = text.rfind("\n", 0, opening)
        if line_end < 0 or text[line_end + 1 : opening].strip():
            continue  # the heading does not open its line
        line = text[text.rfind("\n", 0, line_end) + 1 : line_end].strip()
        if not names_problem_list(line):
            continue
        siblings = doc.sections[sec.parent].children if sec.parent is not None else [
            s.id for s in doc.sections if s.parent is None
        ]
        for sid in siblings[siblings.index(sec.id) :]:
            if doc.sections[sid].role in DIRECTIVE_ROLES:
                break
            out.append(doc.sections[sid])
    return out


def is_place_heading(doc: Document, sec: Section) -> bool:
    """（一）赣州市于都县：… — a heading that only names where (a per-county list of problems)."""
    heading = sec.heading.strip("。；，：: ")
    if not heading:
        return False
    covered = 0
    for r in doc.extraction.regions:
        for m in r.mentions:
            if sec.heading_span.start <= m.span.start and m.span.end <= sec.heading_span.end:
                covered += len(m.text)
    return covered >= len(heading) - 1  # 赣州市于都县, 巴州、伊犁州


def heading_category(doc: Document, sec: Section) -> str | None:
    """A problem's category: its heading, or after a place-only heading the first clause of its text."""
    if not is_place_heading(doc, sec):
        return sec.heading.strip("。；，： ") or None
    body_start = doc.norm_index(sec.heading_span.end)
    body = doc.norm_text[body_start : doc.norm_index(sec.span.end)].lstrip("：: ")
    return category_of(body) or None


def section_items(doc: Document) -> list[tuple[int, int, str | None, int | None]]:
    """(norm start, norm end, category, section) for each problem under a problems section."""
    items = []
    for top in top_problem_sections(doc):
        children = [doc.sections[c] for c in top.children]
        # a plan's 现状和面临的形势 opens with what was achieved (“十二五”时期工作成效): no problem of anyone's
        for sec in [c for c in children if c.role != "evaluation"] if children else [top]:
            s, e = doc.norm_index(sec.span.start), doc.norm_index(sec.span.end)
            category = heading_category(doc, sec) if children else None
            lists = later_lists(doc, sec, s)
            if lists:  # the heading's problem ends where the paragraph of a list of its own begins
                e = doc.norm_text.rfind("\n", s, doc.norm_index(lists[0].span.start)) + 1
            items.append((s, e, category, sec.id))
            for item in lists:
                i_start, i_end = doc.norm_index(item.span.start), doc.norm_index(item.span.end)
                items.append((i_start, i_end, category_of(doc.norm_text[i_start:i_end]) or None, item.id))
    return items


def later_lists(doc: Document, sec: Section, start: int) -> list[Section]:
    """The 一是…二是… items of a paragraph after the one a problem heading opens (（四）问题整改不严不实。…⏎此外，
    暗访还发现一些共性问题：一是…；二是…): problems of their own; a list in the heading's own paragraph tells
    that heading's problem."""
    first_line_end = doc.norm_text.find("\n", start)
    if first_line_end < 0:
        return []
    return [
        doc.sections[c]
        for c in sec.children
        if doc.sections[c].style == "inline" and doc.norm_index(doc.sections[c].span.start) > first_line_end
    ]


def zone_items(doc: Document) -> list[tuple[int, int, str | None, int | None]]:
    return [
        (s, e, category_of(doc.norm_text[s:e]), None)
        for z in doc.analysis.stance.zones
        if z.role == "problems"
        for s, e in z.items
    ]


CLAUSE_BREAKS = re.compile(r"[，；：。！？\n]")
# a sentence that opens by citing an article of a law or a standard quotes what that article says
CITED_ARTICLE = re.compile(r"\s*《[^》\n]{2,60}》第[一二三四五六七八九十百零〇\d]{1,6}条")
# A clause that opens with one of these asks for something or acts on someone; it names no shortcoming.
REQUIREMENT = re.compile(
    r"(?:要|必须|务必|应当|须|请|严禁|禁止|不得|坚决|切实|严格|严肃|从严|依法|一律|加强|强化|推进|确保|有效|全面|深入|及时|立即|对|针对|根据|按照|依据"
    r"|紧盯|聚焦|围绕|消除|防范|遏制|解决|整治|治理|提高|提升|为使|为了|有助于|(?:提前)?(?:做好|抓好|落实好))"
)
MIN_CLAUSE, MAX_CLAUSE = 4, 60
# 切实解决思想认知不足、…等突出问题: what a plan sets out to solve exists; what it checks or goes after (重点检查…,
# 集中攻坚…等问题) may not
SOLVE = re.compile(r"解决")
# 如发现涉嫌存在重大事故隐患…，公众可…举报: what the public is asked to do if; 如 alone gives an example (如安全监管工作仍面临
# 严峻形势)
CONDITION = re.compile(r"(?:如果|如有|如发现|如遇|若|一旦|凡)")
# 是否存在安全隐患, 有无违规行为: what a check asks, not what it found; 全覆盖、无死角…排查, 堵塞制度漏洞: what a measure aims at
GOAL = re.compile(
    r"(?:防止|杜绝|遏制|消除|(?<!物体)打击|补齐|补|查找|查明|找出|避免|解决|震慑|严防|决不能|绝不能|不能|实现|以便"
    r"|是否|有无|全覆盖|无死角|无盲区|不留死角|堵塞[^，。；]{0,4}漏洞)"
)
# a short aside, or the definition of a quoted term of any length (持续整治“五假五超三瞒三不”（假整改…；隐瞒作业地点…）)
ASIDE = re.compile(r"（[^（）\n]{1,30}）|(?<=”)（[^（）\n]{1,200}）")
# 关闭非法违法企业1025家, 纠正了一大批违法违规行为, 没收超量存储烟花爆竹240余件: what enforcement dealt with, told as its
# result (…打击取缔工作组织不力 is a shortcoming of the enforcement itself)
ENFORCED = re.compile(r"(?:关闭|取缔|没收|纠正|查处|查扣|收缴|处罚|严惩|惩处|惩治)了?(?:一大?批|各类|所有)?$")
# 未经批准的地区禁止新建煤矿项目: a shortcoming a prohibition names is whom a rule targets
PROHIBITION = re.compile(r"禁止|严禁|不得|不准|一律")
# 充分认识…面临的严峻形势, 正视…短板: the clause asks to see a shortcoming; the object of such a verb is no finding.
# 思想认识 is the noun (部分从业人员思想认识上还有差距: a finding about it).
AWARENESS = re.compile(r"(?:(?<!思想)认识到?|认清|看到|正视|面对|应对)[^，。；]{2,}$")
# 致使该矿非法生产持续进行, 导致信息掌握不及时: what a shortcoming led to, told after it (导致事故发生的原因有… still
# leads into the shortcomings)
CONSEQUENCE = re.compile(r"(?:导致|致使|以致|从而|致(?!力))(?![^，。；]*原因)")
# 各类安全事故易发多发, 事故进入易发、频发阶段, 各类火灾事故进入高发期, 诱发…事故的风险仍然存在: a season's risk or
# what may happen, not what went wrong
RISK = re.compile(r"易发|(?:高发|多发)期|进入[^，。；]{0,10}?(?:期|阶段|季节)|风险[^，。；]{0,4}?存在")
# 非法小煤窑发生一起瓦斯爆炸事故, 在违法生产…过程中发生爆炸: a cue before 发生 describes where an accident happened;
# one that says accidents recur (接连发生, 时有发生) is the shortcoming itself
RECURRENCE = re.compile(r"(?:接连|相继|连续|时有|频|多发|屡)")
CAUSE = re.compile(r"(?:因|由于)")
# Rules, standards and measures set out what must be; they name no problem of anyone's.
# an accident named by its grade or kind (较大瞒报事故, 非法违法较大泄漏事故): the clause names an event
ACCIDENT_NAME = re.compile(r"(?:较大|重大|特别重大|特大|一般|爆炸|泄漏|火灾|坍塌|透水|中毒|窒息|坠落|冒顶|触电|淹溺)事故$")
# 死亡20人，同比上升66%; 事故起数和死亡人数同比分别上升1.8倍和2.3倍: a rise the text measures is a statistic of the
# period (the 基本情况 of 讲话 and 通报); a rise told without its size (事故总量却出现上升, 同比“双上升”) is the finding
MEASURED_RISE = re.compile(r"(?:上升|增加|增长|增多)(?:了|分别)?[\d０-９.．]+")
NORM_TYPES = frozenset({"办法", "规定", "条例", "细则", "标准", "规范", "规则"})


# A text of this many articles (第一条…) is a rule, whatever its 文种: a 部令 or a 通知 that publishes one.
RULE_ARTICLES = 10


def is_rule_text(doc: Document) -> bool:
    """Whether the document is a rule (办法, 规定…) or sets one out article by article."""
    if doc.meta.doc_type is not None and doc.meta.doc_type.value in NORM_TYPES:
        return True
    return sum(sec.style == "article" for sec in doc.sections) >= RULE_ARTICLES


def inside_other(other: IntervalIndex, start: int, end: int) -> bool:
    around = other.containing(start)
    return around is not None and around[1] >= end


@lru_cache(maxsize=1)
def deficiency_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{row['pattern']})" for row in load_tsv("deficiency_patterns.tsv")))


@lru_cache(maxsize=1)
def list_tail_pattern() -> re.Pattern[str]:
    """The end of a clause that calls the list before it problems (…、作风不优等突出问题)."""
    tails = "|".join(f"(?:{row['pattern']})" for row in load_tsv("problem_list_tails.tsv"))
    return re.compile(f"(?:{tails})\\s*$")


def list_tail_start(text: str, start: int, end: int) -> int | None:
    """Where a clause's problem-naming list tail (等突出问题) starts, when the clause ends in one."""
    m = list_tail_pattern().search(text, start, end)
    return m.start() if m else None


def measures_a_rise(text: str, start: int, end: int) -> bool:
    """Whether a cue ending in a rise is followed by how much (同比上升66%, 分别上升1.1倍): a statistic."""
    m = MEASURED_RISE.search(text, max(start, end - 2), end + 12)
    return m is not None and m.start() < end


@dataclass(frozen=True, slots=True)
class Shortcomings:
    """Where the criticism cues of the stance lexicon (不到位, 薄弱, 未落实, 频发…) and region mentions stand."""

    text: str
    cue_starts: list[int]
    cue_ends: list[int]
    region_starts: list[int]
    penalties: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document) -> Shortcomings:
        penalties = cue_table().sanctions + problem_cues().get("consequence", ())
        stance_cues = doc.analysis.stance.cues
        cues = {(c.start, c.end) for c in stance_cues if c.stance == "criticized" and c.text not in penalties}
        cues |= {m.span() for m in deficiency_pattern().finditer(doc.norm_text)}
        # a pattern inside a cue that praises or says nothing (未发生, 未雨绸缪, 未经本网) is that cue's
        other = IntervalIndex((c.start, c.end) for c in stance_cues if c.stance != "criticized")
        # a cue in an aside (报…（未定稿）, 另有4人受轻微伤（均未住院治疗）) remarks on something else, one in a term's
        # definition defines it
        asides = IntervalIndex(m.span() for m in ASIDE.finditer(doc.norm_text))
        ordered = sorted(
            c
            for c in cues
            if not inside_other(other, *c) and not inside_other(asides, *c) and not measures_a_rise(doc.norm_text, *c)
        )
        regions = sorted(doc.norm_index(m.span.start) for r in doc.extraction.regions for m in r.mentions)
        return cls(doc.norm_text, [c[0] for c in ordered], [c[1] for c in ordered], regions, penalties)

    def first_cue_end(self, start: int, end: int) -> int | None:
        i = bisect_left(self.cue_starts, start)
        return self.cue_ends[i] if i < len(self.cue_starts) and self.cue_ends[i] <= end else None

    def has_cue(self, start: int, end: int) -> bool:
        return self.first_cue_end(start, end) is not None

    def tells_an_accident(self, head: int, cue_start: int, cue_end: int, end: int) -> bool:
        """Whether the cue only describes an accident the clause reports (…非法小煤窑发生一起瓦斯爆炸事故) or
        names (西岔金矿较大瞒报事故, 非法储存烟花爆竹爆炸事故)."""
        if RECURRENCE.search(self.text, cue_start, cue_end) or CAUSE.search(self.text, head, cue_start):
            return False  # 因燃气软管老化破损发生泄漏爆燃事故: the cause of an accident is a shortcoming
        rest = self.text[cue_end:end]
        return "发生" in rest or ACCIDENT_NAME.search(rest.rstrip()) is not None

    def opens_a_list_of_regions(self, pos: int) -> bool:
        """Whether the names from `pos` on are regions: a region there, or after short names it is listed with
        that the gazetteer does not hold (昆区、东河区、九原区: 昆区 is 包头's 昆都仑区)."""
        i = bisect_left(self.region_starts, pos)
        if i == len(self.region_starts) or self.region_starts[i] - pos > 2 * UNKNOWN_NAME_MAX:
            return False
        return UNKNOWN_NAMES.fullmatch(self.text, pos, self.region_starts[i]) is not None

    def names_a_region(self, start: int, end: int) -> bool:
        i = bisect_left(self.region_starts, start)
        return i < len(self.region_starts) and self.region_starts[i] < end

    def states_one(self, start: int, end: int, head: int, named: bool = False) -> bool:
        """Whether the clause `[start, end)` states a shortcoming, rather than asks, penalizes or targets;
        `head` is where its comma clause starts, whose opening verb governs every member of a list.
        A member of a list the text itself calls problems (`named`) needs no cue of its own, and a verb that
        asks to solve them (切实解决…等突出问题) still names them."""
        if named:
            return MIN_CLAUSE <= end - start <= MAX_CLAUSE and not any(w in self.text[head:end] for w in self.penalties)
        cue_end = self.first_cue_end(start, end)
        if cue_end is None or REQUIREMENT.match(self.text, head) or not MIN_CLAUSE <= end - start <= MAX_CLAUSE:
            return False
        goal = GOAL.search(self.text, head, end)
        if CONDITION.match(self.text, head) or (goal is not None and goal.start() < cue_end):
            return False  # 如果事故频发…; 防止隐患反弹, 决不能流于形式, 堵塞安全漏洞: a condition or an aim, not a finding
        cue_start = self.cue_starts[bisect_left(self.cue_starts, start)]
        if AWARENESS.search(self.text, start, cue_start) or CONSEQUENCE.match(self.text, head):
            return False
        if RISK.search(self.text, head, end) or self.tells_an_accident(head, cue_start, cue_end, end):
            return False
        if PROHIBITION.search(self.text, head, end) or ENFORCED.search(self.text, head, cue_start):
            return False
        if any(w in self.text[head:end] for w in self.penalties):
            return False  # 对…进行约谈, 共查处无证、证照不全: the penalty, not the shortcoming it answers
        return not modifies_a_noun(self.text, cue_end, end)  # 逾期未改正的: whom a rule targets


def deficiency_clauses(doc: Document) -> list[tuple[int, int, str | None, int | None]]:
    """Clauses that state a shortcoming, outside directive sections, requirements, penalties, table rows and page chrome:
    each one problem, the way news pages and narrative reports name them (检查不严不细、执法宽松软)."""
    if is_rule_text(doc):
        return []
    text = doc.norm_text
    found = Shortcomings.of(doc)
    title = title_reading(doc)
    out: list[tuple[int, int, str | None, int | None]] = []
    listing = False  # inside a list a lead-in opened (主要问题有：A；B；C。), which runs on to the full stop
    for sent in doc.sentences:
        s, e = sent.norm_start, sent.norm_end
        lead_end = None if listing else inline_lead_end(text, s, e)
        if listing or lead_end is not None:
            items = lead_in_items(text, lead_end if lead_end is not None else s, e)
            out.extend((a, b, None, sent.section) for a, b in items)
            listing = bool(items) and text[s:e].rstrip().endswith("；")
            if items:
                continue
        directive = is_directive(doc, sent.section)
        if doc.analysis.text_lines.tabbed_at(s) or on_chrome_line(text, s):  # 未经允许不得转载: the page's furniture, not the document
            continue
        if restates_title(text, title, s, e):  # a headline (…迟报瓦斯爆炸事故被查) says what the text goes on to tell
            continue
        if CITED_ARTICLE.match(text, s, e):  # 《安全生产法》第九十七条第七项 生产经营单位…未按照规定…的，责令…: the rule's words
            continue
        led, told_before = ([], e) if directive else shortcoming_led_items(found, s, e)
        out.extend((a, b, None, sent.section) for a, b in led)
        e = told_before  # what the sentence says before its leads, read as any other
        failings = [] if directive else object_failings(found, s, e)
        out.extend((a, b, None, sent.section) for _, a, b in failings)
        if text[s:e].lstrip().startswith("对") and sanctions_in(text, s):
            continue
        clauses = sentence_shortcomings(found, s, e, named_only=directive)
        out.extend(
            (cs, ce, None, sent.section) for cs, ce in clauses if not any(f[0] < ce and cs < f[2] for f in failings)
        )
    return out


def named_lists_elsewhere(doc: Document, items: list[tuple[int, int, str | None, int | None]]) -> list[
    tuple[int, int, str | None, int | None]
]:
    """The members of the lists that sentences outside a document's problems part call problems (检查组…重点指出了
    我市部分企业单位存在的缺乏安全意识、法规标准执行不严…等问题): named outright, they are no narrative."""
    text = doc.norm_text
    found = Shortcomings.of(doc)
    covered = IntervalIndex((s, e) for s, e, _, _ in items)
    out: list[tuple[int, int, str | None, int | None]] = []
    for sent in doc.sentences:
        s, e = sent.norm_start, sent.norm_end
        if covered.overlaps(s, e) or is_directive(doc, sent.section) or doc.analysis.text_lines.tabbed_at(s):
            continue
        for cs, ce, head, named in clauses_of(text, s, e, found.has_cue):
            if named and not asks_to_check(text, s, head) and found.states_one(cs, ce, head, named):
                out.append((cs, ce, None, sent.section))
    return out


# …要求，重点排查厂房、仓库存在擅自改变建筑使用性质、违规改建冷链仓储等问题: what a check is to look for, not what it found
CHECK_ASKED = re.compile(r"(?:排查|检查|整治|治理|查处|打击|督查)")


def asks_to_check(text: str, sentence_start: int, head: int) -> bool:
    """Whether the clause from `head` asks for a check or a requirement (…要求，重点排查…), whose list is a target."""
    clause_end = CLAUSE_BREAKS.search(text, head)
    stop = clause_end.start() if clause_end else len(text)
    return (
        REQUIREMENT.match(text, head) is not None
        or CHECK_ASKED.search(text, head, stop) is not None
        or "要求" in text[sentence_start:head]
    )


UNKNOWN_NAME_MAX = 6
UNKNOWN_NAMES = re.compile(rf"(?:[\u4e00-\u9fff]{{2,{UNKNOWN_NAME_MAX}}}、){{0,2}}")
# 对今年以来发生重大事故…的河北省石家庄市、承德市…进行了约谈: what a region named as the object is dealt with for
OBJECT_FAILING = re.compile(r"对([^，。；：对]{2,60}?)的")


def object_failings(found: Shortcomings, start: int, end: int) -> list[tuple[int, int, int]]:
    """(对, failing start, failing end) of each clause of `[start, end)` that names regions as the object of
    a sanction or a measure and says before them what they failed in (对今年以来发生重大事故或6个月内发生3宗较大事故
    的河北省石家庄市…进行了约谈; 对该事故中存在失职失责问题的吕梁市…进行严肃处理): the failing is a problem of
    theirs. A sanction makes it one by itself; otherwise it must state a shortcoming (对平顶山市的汝州市… only
    says where)."""
    out = []
    for m in OBJECT_FAILING.finditer(found.text, start, end):
        if not found.opens_a_list_of_regions(m.end()):
            continue
        a, b = m.span(1)
        a += len(found.text[a:b]) - len(found.text[a:b].lstrip())
        if not MIN_CLAUSE <= b - a <= MAX_CLAUSE:
            continue
        if sanctions_in(found.text, m.start()) or found.has_cue(a, b):
            out.append((m.start(), a, b))
    return out


# 通过检查发现的主要问题有：, 主要问题包括, 检查出的问题包括：: the rest of the sentence, and the sentences that
# follow it up to the full stop when it ends in ；, list the problems without a marker of their own
INLINE_LEAD = re.compile(
    r"(?:主要|突出|存在的?|发现的?|检查出的?|查出的?|暴露出?的?)问题(?:隐患)?(?:主要)?(?:包括|有|是|为|表现为|表现在)[：:]?"
)
MAX_ITEM = 2 * MAX_CLAUSE


def inline_lead_end(text: str, start: int, end: int) -> int | None:
    """Where the list starts after a lead-in inside the sentence `[start, end)`; None when it has none."""
    m = INLINE_LEAD.search(text, start, end)
    return m.end() if m and m.end() < end - MIN_CLAUSE else None


def lead_in_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The problems a lead-in lists in `[start, end)`: the part up to a ；, or up to the full stop, one each; a
    part that opens with a clause of 、-members gives each member (主要问题包括隐患整改缓慢、…方案制定滞后、…),
    and what follows that clause (…等安全隐患9条，其中现场整改…) tells no more of them."""
    stop = end - 1 if text[end - 1 : end] in "；。！" else end
    body = text[start:stop]
    if not body.strip() or len(body) > MAX_ITEM:
        return []
    brk = CLAUSE_BREAKS.search(text, start, stop)
    members = list_members(text, start, brk.start() if brk else stop)
    if len(members) > 1 and all(MIN_CLAUSE <= b - a for a, b in members):
        return members
    return [(start, stop)]


# 形势十分严峻，表现在A、B、C，原因主要是D、E、F四个方面; 事故的直接原因是A、B等所致; 间接原因是A、B和C等: what a
# grave situation shows in, and the causes of it or of an accident, listed without a cue of their own
SHORTCOMING_LEAD = re.compile(r"(?:主要)?表现(?:在|为)[：:]?|(?:(?:直接|间接)原因|原因主要|主要原因)(?:是|为|有)[：:]?")
ACCIDENT_CAUSE = ("直接", "间接")
ASPECTS_TAIL = re.compile(r"等?[一二三四五六七八九十两\d]+个方面$")


def shortcoming_led_items(found: Shortcomings, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """The items of the lists a shortcoming leads into in the sentence `[start, end)` (…形势十分严峻，表现在…，原因
    主要是…), and where the sentence's own text before them ends: each lead runs to the clause of the next; an
    accident's 直接/间接原因 needs no shortcoming before it. Each clause after a lead that holds a cue is an item,
    or each of its 、-members; a clause without one (直接原因是…因放炮扰动作用诱发的…突出: nature, not negligence)
    is none, and what a cause led to (致使…) ends the list. What precedes a 表现 lead is the heading of its list."""
    text = found.text
    leads = [
        m
        for m in SHORTCOMING_LEAD.finditer(text, start, end)
        if m.group().startswith(ACCIDENT_CAUSE) or found.has_cue(start, m.start())
    ]
    items: list[tuple[int, int]] = []
    for i, m in enumerate(leads):
        stop = end
        if i + 1 < len(leads):
            comma = text.rfind("，", m.end(), leads[i + 1].start())
            stop = comma if comma >= 0 else leads[i + 1].start()
        for cs, ce in comma_clauses(text, m.end(), stop):
            if CONSEQUENCE.match(text, cs):
                break
            if not found.has_cue(cs, ce) or ce - cs > MAX_ITEM:
                continue
            members = list_members(text, cs, ce)
            if len(members) < 2 or any(b - a < MIN_CLAUSE for a, b in members):
                members = [(cs, ce)]
            for a, b in members:
                tail = ASPECTS_TAIL.search(text, a, b)
                items.append((a, tail.start() if tail else b))
    if not items:
        return [], end
    return items, start if "表现" in leads[0].group() else leads[0].start()


def comma_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of `[start, end)` between clause breaks, without blanks around them."""
    out, pos = [], start
    for m in list(CLAUSE_BREAKS.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        part = text[pos:stop]
        if part.strip():
            out.append((pos + len(part) - len(part.lstrip()), stop - (len(part) - len(part.rstrip()))))
        pos = stop + 1
    return out


def title_reading(doc: Document) -> tuple[int, int, str] | None:
    """The title's normalized range and its text without blanks, read once per document."""
    title = doc.meta.title
    if title is None:
        return None
    return doc.norm_index(title.span.start), doc.norm_index(title.span.end), squeezed(str(title.value))


def restates_title(text: str, title: tuple[int, int, str] | None, start: int, end: int) -> bool:
    """Whether the sentence `[start, end)` is the document's title, where the title stands or repeated."""
    if title is None:
        return False
    t_start, t_end, words = title
    return (start < t_end and t_start < end) or squeezed(text[start:end]).strip("。") == words


def squeezed(text: str) -> str:
    return "".join(text.split())


CHROME_LINE_MAX = 80  # is_chrome judges lines of up to 60 characters once stripped


def on_chrome_line(text: str, pos: int) -> bool:
    """Whether `pos` lies on a short line of web-page chrome (版权所有…未经允许不得转载或镜像, 失效日期：)."""
    start, end = enclosing(text, pos, pos, "\n")  # a long line is no chrome: no slice of it per sentence
    return end - start <= CHROME_LINE_MAX and is_chrome(text[start:end].strip())


def sentence_shortcomings(found: Shortcomings, start: int, end: int, named_only: bool = False) -> list[tuple[int, int]]:
    """The shortcomings one sentence states; a clause that gives a figure of the region the clause before it
    blamed joins that one (永宁县工作推进迟缓，安装率仅为41.2%), one that states a shortcoming of its own is
    another (荔波县贯彻落实…力度不够，审批把关不严，工作不到位: three, and the region blamed for each); the
    members of a list the text calls problems stay apart (南昌市…存在站位不高、监管不严…等突出问题)."""
    out: list[tuple[int, int]] = []
    named_last = False
    for cs, ce, head, named in clauses_of(found.text, start, end, found.has_cue):
        if named_only and not (named and SOLVE.search(found.text, head, ce)):
            continue
        if not found.states_one(cs, ce, head, named):
            named_last = named_last and found.has_cue(cs, ce)  # a clause with no shortcoming ends the run
            continue
        if named_last and not named and not found.names_a_region(cs, ce) and FIGURE.search(found.text, cs, ce):
            out[-1] = (out[-1][0], ce)
            continue
        out.append((cs, ce))
        named_last = found.names_a_region(cs, ce)
    return out


FIGURE = re.compile(r"\d")
NOUN_AFTER_DE = 8


def modifies_a_noun(text: str, cue_end: int, clause_end: int) -> bool:
    """Whether the shortcoming only describes a noun that ends the clause (…未改正的; …不到位的单位)."""
    de = text.rfind("的", cue_end, clause_end)
    return de >= 0 and clause_end - de <= NOUN_AFTER_DE + 1


def is_directive(doc: Document, section_id: int | None) -> bool:
    """Whether a section or one it lies in sets tasks, measures, phases or organization (the outline's roles); a
    news page's headline taken for a heading (海南省安委办通报两起事故 强调抓好重点行业领域安全防范) heads the whole
    report, whatever its words ask."""
    return any(
        sec.role in DIRECTIVE_ROLES and not (sec.marker == "" and heads_as_title(doc, sec))
        for sec in doc.section_path(section_id)
    )


def heads_as_title(doc: Document, sec: Section) -> bool:
    """Whether an unmarked section's heading is the document's title, where the title stands."""
    title = doc.meta.title
    return title is not None and sec.heading_span.start < title.span.end and title.span.start < sec.heading_span.end


def last_closer_end(text: str, start: int, end: int) -> int:
    """Where the last list that closed before `end` ended (…有限公司等8家企业): `start` when none did."""
    ends = [i + len(c) for c in problem_cues().get("list_closer", ()) if (i := text.rfind(c, start, end)) >= 0]
    return max(ends, default=start)


def named_list(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The members of the list a clause calls problems (…存在站位不高、监管不严、作风不优等突出问题), the first
    with the clause's lead, the last without the tail; None when the clause ends in no such list, or the list
    is what a campaign goes after (集中排查整治…、…等问题), not what was found."""
    tail = list_tail_start(text, start, end)
    if tail is None:
        return None
    # a list that closed before (宁夏大北农…公司、中粮米业…等8家企业分别存在着…) only leads into the named one
    members = list_members(text, last_closer_end(text, start, tail), tail)
    if len(members) < 2:
        return None
    members[0] = (start, members[0][1])
    if any(w in text[start : members[0][1]] for w in problem_cues().get("list_target", ())):
        return None
    return members


# …指出了我省在安全生产方面存在的短板和问题，A、B等: a clause that ends by naming problems found leads the list after it
PROBLEMS_LEAD = re.compile(r"(?:存在的?|指出|发现|暴露出?的?)[^，。；：]{0,12}?(?:问题|短板|不足)$")
LIST_END = re.compile(r"等(?:等)?$")


def listed_after_lead(text: str, start: int, end: int, before: list[tuple[int, int, int, bool]]) -> list[tuple[int, int]] | None:
    """The members of a 、-list ending in 等 (企业主体责任落实不到位、大检查工作力度递减等) that the clause before it
    leads (…存在的短板和问题): named problems, the last without its 等; the lead, which only announces them, is
    dropped from `before`. None when the clause is no such list."""
    if not before or not LIST_END.search(text, start, end):
        return None
    lead_start, lead_end, _, lead_named = before[-1]
    if lead_named or lead_end != start - 1 or PROBLEMS_LEAD.search(text, lead_start, lead_end) is None:
        return None
    tail = LIST_END.search(text, start, end)
    members = list_members(text, start, tail.start())
    if len(members) < 2 or any(b - a < MIN_CLAUSE for a, b in members):
        return None
    before.pop()
    return members


def clauses_of(text: str, start: int, end: int, has_cue) -> list[tuple[int, int, int, bool]]:
    """(start, end, head, named) of the clauses of a sentence, `head` where the comma clause holding it starts;
    a clause that lists shortcomings (消防设施不全、安全通道不畅) gives each member as a clause of its own,
    when every member carries its own cue, or when the clause calls the list problems (`named`: …、作风不优等
    突出问题 gives 作风不优)."""
    out = []
    pos = start
    for m in list(CLAUSE_BREAKS.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        named = named_list(text, pos, stop) or listed_after_lead(text, pos, stop, out)
        members = named or list_members(text, pos, stop)
        if named or (len(members) > 1 and all(has_cue(a, b) for a, b in members)):
            out.extend((a, b, pos, named is not None) for a, b in members)
        else:
            out.append((pos, stop, pos, False))
        pos = stop + 1
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e, h, n) for s, e, h, n in out if text[s:e].strip()]


def regions_in(doc: Document, span: Span) -> list[str]:
    """Names of the regions criticized inside a problem's source span."""
    names = []
    for r in doc.extraction.regions:
        for m in r.mentions:
            if m.stance == "criticized" and span.start <= m.span.start < span.end and r.name not in names:
                names.append(r.name)
    return names


def parties_in(doc: Document, span: Span, orgs) -> list[PartyRef]:
    """Departments (from the departments stage) and enterprises named inside a problem's source span."""
    refs: list[PartyRef] = []
    for dept in doc.extraction.departments:
        for ref in dept.mentions:
            if span.start <= ref.span.start < span.end and all(r.span != ref.span for r in refs):
                refs.append(ref)
    for org in orgs:
        org_span = doc.source_span(org.start, org.end)
        inside = span.start <= org_span.start < span.end
        if inside and not any(r.span.start <= org_span.start < r.span.end for r in refs):
            refs.append(PartyRef(doc.norm_text[org.start : org.end], doc.text_of(org_span), org_span, kind=org.kind))
    refs.sort(key=lambda r: r.span.start)
    return refs


@stage(
    "problems",
    step="extract",
    assigns="extraction.problems",
    requires=("sections", "sentences", "analysis.organizations", "analysis.stance",
              "analysis.text_lines", "extraction.regions", "extraction.departments"),  # fmt: skip
)
def problems(doc: Document) -> list[Problem]:
    items = section_items(doc) or zone_items(doc)
    clause_level = not items
    if clause_level:
        # a document with a problems part names its problems there; elsewhere criticism is narrative
        items = deficiency_clauses(doc)
    else:
        items = items + named_lists_elsewhere(doc, items)
    orgs = doc.analysis.organizations
    out = []
    for s, e, category, section in sorted(items):
        text = doc.norm_text[s:e]
        accusations = copy_paste_passages(doc, s, e, category)
        # A problem that holds a copy-paste accusation gets it as its own item (with only its regions).
        copied = not accusations and accuses_copying(text)
        problem = make_problem(doc, s, e, category, section, orgs, copy_paste=copied)
        if clause_level and not problem.regions:  # 临沧、普洱…落实不到位: the sentence names whom the clause blames
            sentence = sentence_around(doc, s)
            problem.regions = regions_in(doc, doc.source_span(*blamed_part(doc.norm_text, sentence, s, e)))
            if not problem.regions:
                problem.regions = members_named_after(doc, sentence)
            if not problem.regions and not names_an_enterprise(orgs, *sentence):
                problem.regions = paragraph_region(doc, s)
        out.append(problem)
        out.extend(make_problem(doc, cs, ce, category, section, orgs, copy_paste=True) for cs, ce in accusations)
    return out


def blamed_part(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Where a clause's sentence names whom the clause `[start, end)` blames: before it (临沧、普洱…落实不到位),
    or, for the failing of a sanctioned object (发生重大事故…的石家庄市、承德市…) or a cause told first (因道路交通
    事故多发，…约谈…新湾镇), the names after it; a region
    named after any other clause (协泰井蓄意瞒报事故，阳新县委县政府迟报事故) is the subject of its own."""
    head = max([sentence[0]] + [text.rfind(ch, sentence[0], start) + 1 for ch in "，；："])
    clause = text[head:start].lstrip() or text[start:end]
    if text.startswith("的", end) or (CAUSE.match(clause) and not clause.startswith("因此")):  # 由于…，攸县政府…
        return end, sentence[1]
    return sentence[0], start


# the opening of a sentence that names members of a group the sentence before it spoke of (其中，鹿邑县、林州市…)
MEMBERS_LEAD = "其中"


def members_named_after(doc: Document, sentence: tuple[int, int]) -> list[str]:
    """The regions blamed in the document that the next sentence of the paragraph names as members of the group a
    problem is said of (但部分县、市道路交通安全管理不到位…。其中，鹿邑县、林州市…等地均先后发生…事故)."""
    text = doc.norm_text
    if not OTHERS.search(text, sentence[0], sentence[1]):
        return []
    i = bisect_left(doc.sentences, sentence[1], key=lambda x: x.norm_start)
    if i >= len(doc.sentences):
        return []
    n_start, n_end = doc.sentences[i].norm_start, doc.sentences[i].norm_end
    if "\n" in text[sentence[1] : n_start] or not text[n_start:n_end].lstrip().startswith(MEMBERS_LEAD):
        return []
    names = []
    for r in doc.extraction.regions:
        named = any(n_start <= doc.norm_index(m.span.start) < n_end for m in r.mentions)
        if named and r.stance in ("criticized", "mixed") and r.name not in names:
            names.append(r.name)
    return names


def names_an_enterprise(orgs, start: int, end: int) -> bool:
    """Whether an enterprise is named in `[start, end)`: its shortcomings are its own, not the region's before it."""
    return any(o.kind == "enterprise" and start <= o.start < end for o in orgs)


def paragraph_region(doc: Document, pos: int) -> list[str]:
    """The region blamed last before `pos` in its paragraph (海南省安全生产形势…不容乐观。通过检查发现的主要问题有：…;
    第一督导核查组…在内蒙古鄂尔多斯市检查了…主要问题包括…): a feedback names the region it is about once."""
    start = doc.norm_text.rfind("\n", 0, pos) + 1
    last: tuple[int, str] | None = None
    for r in doc.extraction.regions:
        for m in r.mentions:
            at = doc.norm_index(m.span.start)
            if m.stance in ("criticized", "mixed") and start <= at < pos and (last is None or at > last[0]):
                last = (at, r.name)
    return [last[1]] if last else []


def sentence_around(doc: Document, pos: int) -> tuple[int, int]:
    i = max(bisect_right(doc.sentences, pos, key=lambda x: x.norm_start) - 1, 0)
    return doc.sentences[i].norm_start, doc.sentences[i].norm_end


def copy_paste_passages(doc: Document, start: int, end: int, category: str | None) -> list[tuple[int, int]]:
    """Passages inside a longer problem that accuse plans of being copied (…方案高度雷同，照抄照搬);
    accusing sentences that follow one another make one passage (…与上级方案雷同；巫溪县…直接套用…).

    A problem that is itself one sentence needs no separate item, nor does its heading sentence
    (（三）应急预案照抄照搬。) count as an accusation of its own."""
    i = bisect_left([x.norm_start for x in doc.sentences], start)
    sents = []
    while i < len(doc.sentences) and doc.sentences[i].norm_start < end:
        sents.append((doc.sentences[i].norm_start, doc.sentences[i].norm_end))
        i += 1
    if len(sents) <= 1:
        return []
    passages: list[tuple[int, int]] = []
    previous_accused = False
    for s, e in sents:
        is_heading = category is not None and category_of(doc.norm_text[s:e]).strip("。；") == category
        accused = not is_heading and accuses_copying(doc.norm_text[s:e])
        if accused and previous_accused:
            passages[-1] = (passages[-1][0], e)
        elif accused:
            passages.append((s, e))
        previous_accused = accused
    return passages


def make_problem(doc: Document, s: int, e: int, category, section, orgs, copy_paste: bool) -> Problem:
    text = doc.norm_text[s:e]
    trimmed = len(text) - len(text.rstrip())
    span = doc.source_span(s, e - trimmed)
    return Problem(
        text=doc.text_of(span),
        span=span,
        category=category,
        regions=regions_in(doc, span),
        departments=parties_in(doc, span, orgs),
        copy_paste=copy_paste,
        section=section,
    )
