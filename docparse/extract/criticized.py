"""Criticized entities (被点名批评的单位): departments and enterprises a document criticizes by name.

Enterprises are recognised by their name endings (有限公司, 分公司, 金矿, 加油站… in data/entity_suffixes.tsv):
the name runs left from the ending to the clause start, less a leading place (曲靖市陆良县青山客运有限责任公司
names 青山客运有限责任公司 located in 陆良县). Departments come from the departments stage, or, where it found
none, from a place followed by a department ending (临沧市国土资源局).
"""

from __future__ import annotations

import re
from functools import lru_cache

from docparse.analyse.departments import BEFORE_LIST, role_cues
from docparse.analyse.gazetteer import gazetteer
from docparse.analyse.organizations import (
    COMPANY_FORMS,
    LEVEL_PREFIX,
    OrgName,
    Places,
    event_words,
    registered_start,
)
from docparse.analyse.stance import (
    Verdict,
    official_sanctions,
    sanctioned_official,
    sanctions_in,
    stance_context,
    stance_of_span,
)
from docparse.model import CriticizedEntity, Document
from docparse.pipeline import stage
from docparse.resources import load_tsv

GENERIC_BEFORE = ("个别", "有些", "部分", "一些", "少数", "各", "有的", "相关")
REFERENCE_OPENERS = ("该", "此", "这", "上述", "前述")  # 该加工厂: a name given before, not a new one
# before a department that is told or asked, not blamed: 向市安委办报送, 提请市安委会约谈
ADDRESSEE_BEFORE = ("向", "提请", "报请", "请", "报")
# after a department that inspects or sanctions, not one that is blamed: 市质监局抽查发现…, 省安委办对…进行了约谈
INSPECTOR_AFTER = ("抽查发现", "检查发现", "督查发现", "暗访发现", "调查发现", "检查提出", "督导发现")
LIST_JOINERS = ("、", "和", "及", "与", "以及")
# an official of a body written right after its name (省应急管理厅副厅长徐何明, 省交警总队副总队长陶学斌介绍, 省交通运输厅、
# 省公安厅交管局相关负责人参加约谈): the body says whose official it is; it is blamed only with a penalty of that official
OFFICIAL_AFTER = re.compile(
    r"(?:党组|党委)?原?(?:常务)?副?(?:厅长|局长|处长|科长|站长|所长|主任|总队长|支队长|大队长|队长|书记|(?:相关|有关|主要)?负责人"
    r"|有关处室负责人)"
)
# 市安委会第一次全体（扩大）会议, 市安委会2022年工作会议: the body's meeting, which it holds
MEETING_AFTER = re.compile(r"(?:\d{4}年)?(?:第[一二三四五六七八九十\d]+次)?[^，。；：\n]{0,8}?会议")
# what an official named by office, and by name or not, does, not suffers: 副总队长陶学斌介绍, 厅长徐卫明主约谈, 相关负责人指出
SPEAKING_OFFICIAL = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:介绍|表示|指出|说|主持|出席|参加|主约谈|带队|讲话)")
# a 约谈 is a meeting its hosts and the bodies that attend take part in: it blames those it is held with
MEETING_SANCTION = "约谈"
BODY_PENALTIES = ("通报批评", "问责", "追究责任", "黄牌警告", "书面检查", "深刻检查")
# after a department that speaks or publishes, as the subject of its verb, not one that is blamed: 市住建委表示,
# 云南省应急管理厅官网发布, 市安监局在…通报会上表示, 省防汛抗旱指挥部办公室联合下发通知, 执法人员要求立即停工整改,
# 四川省政府安委会办公室召集…负责人召开…约谈会 (who convenes a meeting holds it)
SPEAKING_AFTER = re.compile(
    r"(?:办公室)?(?:执法人员|工作人员|官网|网站|官方网站|微信公众号)?(?:在[^，。；\n]{1,24}?[上中])?(?:联合|分别|近日|日前)?"
    r"(?:表示|指出|强调|发布|下发|印发|召开|召集|要求)"
)
# after a department that imposes a sanction itself, as the subject of its verb: 市安委办分别约谈…, 省安委会（huì ）
# 决定对该起事故查处进行挂牌督办, 市纪委监委联合市安委办约谈 (a pinyin gloss a page adds may stand between)
SANCTIONING_AFTER = re.compile(
    r"(?:[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]{1,8}[)）])?(?:分别|联合|集中|依法|已|再次|专门)?"
    r"(?:约谈|挂牌督办|决定对|决定给予|责令|通报批评|予以通报)"
)


# 海南省个别地区安委会成员单位: a quantifier after the place makes the name a kind of body, nobody in particular
GENERIC_INSIDE = tuple(g for g in GENERIC_BEFORE if len(g) > 1)
# 省安委会成员单位, 区安委会各成员单位: the member units a committee's name stands for, not the committee
MEMBERS_AFTER = re.compile(r"会?各?成员单位")


def in_book_title(text: str, pos: int) -> bool:
    """Whether `pos` stands inside 《…》, the title of a document the text cites (《广西壮族自治区安全生产委员会关于…的
    通知》): its issuer, not a body the text blames."""
    opened = text.rfind("《", 0, pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0 and "\n" not in text[opened:pos]


def is_named(text: str, org: OrgName, places: Places) -> bool:
    """A department criticized by name opens with its place or level (临沧市国土资源局), and no
    quantifier stands before it or after its place (个别专委会, 海南省个别地区安委会 are nobody in particular); a name
    that stands for a committee's member units or in a cited document's title names no body blamed."""
    if any(text.endswith(g, 0, org.place_start) for g in GENERIC_BEFORE):
        return False
    if any(g in text[org.place_start : org.end] for g in GENERIC_INSIDE) or MEMBERS_AFTER.match(text, org.end):
        return False
    if in_book_title(text, org.place_start):
        return False
    if text.startswith(REFERENCE_OPENERS, org.place_start):
        return False
    if org.kind == "enterprise" or org.place_start in places.spans:
        return True
    return text[org.place_start : org.place_start + 1] in LEVEL_PREFIX


def qualified_name(doc: Document, org: OrgName, written: str, places: Places) -> str:
    """县应急管理局 in the paragraph on 于都县 is 于都县应急管理局: a name that opens with a bare level
    character takes the last place of that level named before it in its paragraph."""
    text = doc.norm_text
    level_char = written[:1]
    if level_char not in LEVEL_PREFIX or org.place_start != org.start or org.start in places.ends:
        return written
    paragraph_start = text.rfind("\n", 0, org.start) + 1
    best: tuple[int, str] | None = None
    for region in doc.extraction.regions:
        if not region.name.endswith(level_char):
            continue
        for m in region.mentions:
            at = doc.norm_index(m.span.start)
            if paragraph_start <= at < org.start and (best is None or at > best[0]):
                best = (at, region.name)
    return best[1] + written[1:] if best else written


def acts(text: str, org: OrgName, preceding: list[OrgName], following: list[OrgName]) -> bool:
    """Whether a department is given something to do rather than blamed: 由市安委办牵头, 市交通局、市应急局配合,
    市安委办每月通报…, 会同市质监局、市国土资源局 (the role cues of the task stage, on the list it stands in)."""
    end = org.end
    for nxt in following:
        if text[end : nxt.place_start] not in LIST_JOINERS:
            break
        end = nxt.end
    start = org.place_start
    for prev in reversed(preceding):
        if text[prev.end : start] not in LIST_JOINERS:
            break
        start = prev.place_start
    after = text[end : end + 16]
    before = text[max(0, start - 12) : start]
    for cue in role_cues():
        if cue.where in ("after", "subject") and cue.pattern.match(after):
            return True
        if cue.where in BEFORE_LIST and cue.pattern.search(before):
            return True
        if cue.where == "label" and cue.pattern.search(before[-8:]) and before.endswith(("：", ":", "、")):
            return True
    if after.startswith(INSPECTOR_AFTER) or SANCTIONING_AFTER.match(after) or SPEAKING_AFTER.match(text, end):
        return True
    if after.startswith("对") and sanctions_in(text, end):
        return True
    return before.endswith(ADDRESSEE_BEFORE)


REFERENCE = re.compile(r"(?:该|此)[\u4e00-\u9fff]{0,3}?(?:企业|公司|单位|厂|矿|站|店|场|点)")


def referred_verdict(doc: Document, ctx, org: OrgName, following: list[OrgName], stance_of_span):
    """(verdict, reason start) of the first 该企业/该公司 later in the enterprise's paragraph that is criticized,
    unless another enterprise is named first (the reference would then be to that one)."""
    text = doc.norm_text
    para_end = text.find("\n", org.end)
    para_end = len(text) if para_end < 0 else para_end
    next_name = next((o.place_start for o in following if o.kind == "enterprise" and o.place_start < para_end), para_end)
    for m in REFERENCE.finditer(text, org.end, next_name):
        verdict = stance_of_span(doc, ctx, m.start(), m.end())
        if verdict.stance == "criticized":
            return verdict, m.end()
    return None


CAMPAIGN_NOUNS = "工作|领导组|领导小组|期间|方案|验收|办公室|行动"
ACCIDENT_DATE = r"\d{1,2}\s*[·.．•]\s*\d{1,2}"  # “4·1”, “2.28”: the month and day an accident is known by


@lru_cache(maxsize=1)
def blame_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(after the names, lead-in of their list, penalty after the names) from data/enterprise_blame.tsv."""
    rows = load_tsv("enterprise_blame.tsv")
    event = "|".join(event_words())
    either = "|".join(r["word"] for r in rows if r["kind"] in ("event", "penalty"))
    penalty = "|".join(r["word"] for r in rows if r["kind"] == "penalty")
    return (
        # 涌山煤矿“2.28”较大煤与瓦斯突出事故, 上海鑫德物流有限公司发生火灾, 临沂三德特钢有限公司“4·1”铁水外溢、…和联化科技
        # （德州）有限公司废水处理装置“4·3”爆炸等三起生产安全事故 (the date an accident is named by, its kind told later)
        re.compile(
            rf"(?:[（(][^）)\n]{{0,40}}[)）])?(?:“[^”\n]{{1,12}}”[^，。；\n]{{0,20}}?(?:{event})|[\u4e00-\u9fff]{{0,10}}?“{ACCIDENT_DATE}”[^。；\n]*?(?:{event})"
            rf"|[^，。；\n]{{0,20}}?发生[^，。；\n]{{0,25}}?(?:{event}))"
        ),
        # 12家企业发生了较大生产安全责任事故：, 列入“黑名单”的4家企业分别是
        re.compile(rf"(?:{either})[^。；\n]{{0,30}}?(?:[：:]|分别是|分别为)\s*$"),
        # 煤矿停产整顿工作领导组, 停产整顿期间: the penalty names a campaign a body runs, imposed on nobody here
        re.compile(rf"[^，。；\n]{{0,8}}?(?:{penalty})(?!{CAMPAIGN_NOUNS})"),
    )


LIST_MARKER = re.compile(r"分别[是为][：:]?|[：:]")


def list_end(text: str, org: OrgName, following: list[OrgName]) -> int:
    """Where the list the name stands in ends: past the names joined to it (A、B和C)."""
    end = org.end
    for nxt in following:
        gap = re.sub(r"[（(][^）)\n]{0,60}[)）]", "", text[end : nxt.place_start])  # A（注册地址：…）和B
        if gap not in LIST_JOINERS:
            break
        end = nxt.end
    return end


BRACKETED = re.compile(r"[（(][^）)\n]{0,80}[)）]")


def in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether `pos` stands inside a bracket opened after `start`."""
    opened = max(text.rfind("（", start, pos), text.rfind("(", start, pos))
    return opened >= 0 and max(text.rfind("）", opened, pos), text.rfind(")", opened, pos)) < 0


@lru_cache(maxsize=1)
def officer_sanctions() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """(a post written right after an enterprise's name, what the law does to its holder) from enterprise_blame.tsv."""
    rows = load_tsv("enterprise_blame.tsv")
    posts = sorted((r["word"] for r in rows if r["kind"] == "officer"), key=len, reverse=True)
    return re.compile("原?(?:" + "|".join(posts) + ")"), tuple(r["word"] for r in rows if r["kind"] == "criminal")


def sanctioned_officer(text: str, org: OrgName, s_start: int, s_end: int) -> str | None:
    """The criminal measure on an officer of the enterprise named with their post (东泰公司副总经理闫展望…被批准逮捕)."""
    posts, measures = officer_sanctions()
    if posts.match(text, org.end) is None:
        return None
    return next((m for m in measures if m in text[s_start:s_end]), None)


def list_start(text: str, org: OrgName, preceding: list[OrgName]) -> int:
    """Where the list the name stands in starts: before the names joined to it (A、B和C)."""
    start = org.place_start
    for prev in reversed(preceding):
        if text[prev.end : start] not in LIST_JOINERS:
            break
        start = prev.place_start
    return start


CLAUSE_BREAK = re.compile(r"[，。；：\n]")
# 造成13人蒸汽灼烫或挫裂伤的广西金川有色金属有限公司, 对存在问题较多的龙洞沟煤矿、红稗地煤矿…, 发生较大事故的…: a clause
# that qualifies the names with what they caused, suffered or were found to have (事故发生地…的部门 only says where)
@lru_cache(maxsize=1)
def failing_before_pattern() -> re.Pattern[str]:
    event = "|".join(event_words())
    return re.compile(
        rf"(?:(?:造成|导致|致使|引发)[^，。；：\n]{{1,40}}|发生[^，。；：\n]{{0,30}}?(?:{event})[^，。；：\n]{{0,6}}"
        rf"|存在[^，。；：\n]{{0,12}}?(?:问题|隐患)[^，。；：\n]{{0,6}})的$"
    )


def dated_accident(text: str, org: OrgName, end: int) -> str | None:
    """The accident named by its date before the name and its kind after it (“10·4”荔波安平煤矿事故)."""
    if re.search(rf"“{ACCIDENT_DATE}”$", text[max(0, org.place_start - 12) : org.place_start]) is None:
        return None
    found = re.match(rf"[^，。；：\n“”]{{0,10}}?(?:{'|'.join(event_words())})", text[end : end + 16])
    return found.group() if found else None


def failing_before(text: str, start: int, s_start: int) -> str | None:
    """What the clause that ends right before a list of names says they caused (造成…的), if anything."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, s_start, start)]
    found = failing_before_pattern().search(text, breaks[-1] if breaks else s_start, start)
    return found.group() if found else None


def opens_clause(text: str, pos: int, s_start: int) -> bool:
    """Whether nothing but blanks stands between the start of its clause and `pos`: the name is its subject."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, s_start, pos)]
    return not text[breaks[-1] if breaks else s_start : pos].strip()


def lead_line_before(text: str, org: OrgName, s_start: int) -> str | None:
    """The lead-in of a list that a line of its own gives before the paragraph whose clause the name opens
    (此次曝光的典型案例有：⏎2月22日下午，青海省汽车运输集团有限公司李某某驾驶…；…): each item tells what one did."""
    if not opens_clause(text, org.place_start, s_start):
        return None
    paragraph = text.rfind("\n", 0, org.place_start)
    if paragraph <= 0:
        return None
    line = text[text.rfind("\n", 0, paragraph) + 1 : paragraph]
    found = blame_patterns()[1].search(line)
    return found.group() if found else None


def blamed_enterprise(
    text: str, org: OrgName, preceding: list[OrgName], following: list[OrgName], s_start: int, s_end: int
) -> str | None:
    """The cue that blames an enterprise an accident report names without a criticism word, if any."""
    after, lead_in, penalty = blame_patterns()
    end = list_end(text, org, following)
    found = after.match(text, end) or penalty.match(text, end)
    if found:
        return found.group()
    caused = (
        failing_before(text, list_start(text, org, preceding), s_start)
        or lead_line_before(text, org, s_start)
        or dated_accident(text, org, end)
    )
    if caused is not None:
        return caused
    officer = sanctioned_officer(text, org, s_start, s_end)
    if officer is not None:
        return officer
    marker = None
    for found_marker in LIST_MARKER.finditer(text, s_start, org.place_start):
        if not in_brackets(text, s_start, found_marker.start()):  # A（注册号：…）和B: the 注册号 label leads no list
            marker = found_marker  # the last lead-in marker before the name
    between = BRACKETED.sub("", text[marker.end() : org.place_start]) if marker is not None else ""
    if marker is not None and not re.search(r"[。；\n]", between):
        found = lead_in.search(text, s_start, marker.end())
        if found:
            return found.group()
    return None


OFFICE_ENDINGS = ("局", "办", "站", "所", "厅", "中心", "队")


# a commission of the government (黔南州工信委, 市发改委) is a functional body; 县委, 镇党委 are the place's party committee
PARTY_COMMITTEE = re.compile(r"(?:[省市县区州盟旗镇乡]|党|党工)委(?:常委)?$")


def is_office(text: str, org: OrgName) -> bool:
    """A functional body (吕梁市应急管理局, 镇安监站, 黔南州工信委), not a place's party committee (三都镇党委), which
    stands for the place: its officials' sanctions criticize the region (stance), not an entity."""
    name = text[org.start : org.end]
    return name.endswith(OFFICE_ENDINGS) or (name.endswith("委") and PARTY_COMMITTEE.search(name) is None)


def blame_by_name(
    text: str, org: OrgName, preceding: list[OrgName], following: list[OrgName], s_start: int, s_end: int
) -> str | None:
    """The cue that blames a name no criticism word judges: an enterprise an accident report names, a bureau
    whose official is sanctioned (吕梁市应急管理局原党委书记、局长高艳龙开除党籍)."""
    if org.kind == "enterprise":
        return blamed_enterprise(text, org, preceding, following, s_start, s_end)
    if is_office(text, org):
        return sanctioned_official(text, org.end, s_start, s_end)
    return None


def names_no_blamed_body(doc: Document, org: OrgName, orgs: list[OrgName], i: int, ctx, verdict: Verdict) -> bool:
    """Whether a department's name only says whose official speaks or takes part (省应急管理厅副厅长徐何明…参加约谈;
    省交警总队副总队长陶学斌介绍), whose meeting is held (市安委会第一次全体会议), or whom the document is addressed to
    (its 主送 line): no blame of it. The body stays blamed for its official's failing (王禹乡安全生产监督管理站站长王某…
    未采取有效措施), a penalty on them (局长梁再华被全省通报批评), or a 约谈 of them (约谈了…局主要负责人)."""
    text = doc.norm_text
    if any(doc.norm_index(f.span.start) <= org.start < doc.norm_index(f.span.end) for f in doc.meta.recipients):
        return True
    end = list_end(text, org, orgs[i + 1 :])
    if MEETING_AFTER.match(text, end):
        return True
    official = OFFICIAL_AFTER.match(text, end)
    if official is None:
        return False
    if SPEAKING_OFFICIAL.match(text, official.end()):
        return True
    s_start = ctx.sentence_starts[ctx.sentence_of(org.start)]
    sentence = text[s_start : verdict.sentence_end]
    _, penalties = official_sanctions()
    if any(p in sentence for p in penalties + BODY_PENALTIES):
        return False
    if verdict.cue is None or not verdict.cue.endswith(MEETING_SANCTION):
        return False  # the official's own failing
    before = text[max(s_start, org.place_start - 6) : org.place_start]
    return MEETING_SANCTION not in before and f"被{MEETING_SANCTION}" not in sentence


GOVERNMENT = re.compile(r"(?:人民)?政府(?=.)")  # 省政府安办 and 省安办 name one office; 省政府 alone stays


def issues(doc: Document, org: OrgName) -> bool:
    """Whether the department is the document's own issuer (a bureau does not criticize itself)."""
    issuer = doc.meta.issuer.value if doc.meta.issuer is not None else None
    name = doc.norm_text[org.place_start : org.end]
    return bool(issuer) and GOVERNMENT.sub("", name) == GOVERNMENT.sub("", str(issuer))


def reason_clause(text: str, org: OrgName, following: list[OrgName], sentence_end: int) -> str | None:
    """What the sentence says the entity did wrong: the rest of the sentence after its name, past any
    names listed with it (勐满曼纳金矿、昆明西金矿业…分公司2016年发现的…)."""
    end = org.end
    stop = sentence_end
    for nxt in following:
        gap = text[end : nxt.place_start]
        if gap not in LIST_JOINERS:
            if nxt.place_start < sentence_end:  # the next name opens a clause of its own: stop before it
                cut = max(text.rfind(ch, end, nxt.place_start) for ch in "，；：")
                stop = cut if cut >= 0 else sentence_end
            break
        end = nxt.end
    reason = text[end:stop].strip("，。；：、 ")
    return reason or None


@stage(
    "entities_criticized",
    step="extract",
    assigns="extraction.entities_criticized",
    requires=("sentences", "analysis.places", "analysis.organizations", "analysis.stance",
              "analysis.text_lines", "extraction.regions", "extraction.departments"),  # fmt: skip
)
def criticized_entities(doc: Document) -> list[CriticizedEntity]:
    ctx = stance_context(doc)
    out: list[CriticizedEntity] = []
    seen: set[tuple[str, int]] = set()
    orgs = doc.analysis.organizations
    places = doc.analysis.places.spans
    ctx.name_ends = frozenset(places.ends) | {o.end for o in orgs}
    for i, org in enumerate(orgs):
        if not is_named(doc.norm_text, org, places):
            continue
        verdict = stance_of_span(doc, ctx, org.start, org.end)
        reason_start = None
        if verdict.stance != "criticized" and org.kind == "enterprise":
            # 尚志市鑫源木业有限公司…发生火灾。该企业违规在车间内设置员工宿舍…: the blame comes with 该企业
            referred = referred_verdict(doc, ctx, org, orgs[i + 1 :], stance_of_span)
            if referred is not None:
                verdict, reason_start = referred
        if verdict.stance != "criticized":
            s_start = ctx.sentence_starts[ctx.sentence_of(org.start)]
            cue = blame_by_name(doc.norm_text, org, orgs[:i], orgs[i + 1 :], s_start, verdict.sentence_end)
            if cue is not None:
                verdict = Verdict("criticized", cue, verdict.sentence_end)
        if verdict.stance != "criticized":
            continue
        if org.kind == "department" and (acts(doc.norm_text, org, orgs[:i], orgs[i + 1 :]) or issues(doc, org)):
            continue
        if org.kind == "department" and doc.analysis.text_lines.tabbed_at(org.place_start):
            continue  # a department in a task table's cell is assigned, whatever its row says
        if org.kind == "department" and PARTY_COMMITTEE.search(doc.norm_text, org.start, org.end):
            continue  # 阳新县委, 洋港镇党委 stand for their place: the region is criticized, not an entity
        if org.kind == "department" and names_no_blamed_body(doc, org, orgs, i, ctx, verdict):
            continue
        start = registered_start(doc.norm_text, org)
        name = doc.norm_text[start : org.end]
        if org.kind == "department":
            name = qualified_name(doc, org, name, places)
        if (name, org.start) in seen:
            continue
        seen.add((name, org.start))
        span = doc.source_span(start, org.end)
        if reason_start is not None:
            reason = doc.norm_text[reason_start : verdict.sentence_end].strip("，。；：、 ") or None
        else:
            reason = reason_clause(doc.norm_text, org, orgs[i + 1 :], verdict.sentence_end)
        out.append(CriticizedEntity(name, org.kind, doc.text_of(span), span, reason))
    return without_short_forms(out)


# the legal form a company's registered name ends in, which a headline or a later mention leaves off
LEGAL_FORM = re.compile(r"(?:股份|有限责任|有限)?公司$")


def registered(name: str) -> bool:
    """Whether the name ends in a company's form, whose registered name opens with its place."""
    return name.endswith(COMPANY_FORMS)


def without_short_forms(entities: list[CriticizedEntity]) -> list[CriticizedEntity]:
    """One entry per enterprise: 安源煤矿 written again after 江西煤业集团有限责任公司安源煤矿 is that one, and so is
    山西兰花集团莒山煤矿 (a headline's) beside 山西兰花集团莒山煤矿有限公司."""
    full = {e.name for e in entities if e.kind == "enterprise"}
    short_places = gazetteer().short_names

    def short_form_of(name: str, other: str) -> bool:
        if other == name or (other[: len(other) - len(name)] in short_places and not registered(name)):
            return False  # 黑龙江富华煤矿 is 富华煤矿 with a bare province the places stage left unnamed: the mine's name is 富华煤矿
        return other.endswith(name) or LEGAL_FORM.fullmatch(other, len(name)) is not None and other.startswith(name)

    def placed_form_of(name: str, other: str) -> bool:
        # a company's registered name keeps its province (新疆八一钢铁股份有限公司, registered_start)
        return other != name and not registered(name) and name.endswith(other) and name[: len(name) - len(other)] in short_places

    return [
        e
        for e in entities
        if e.kind != "enterprise" or not any(short_form_of(e.name, f) or placed_form_of(e.name, f) for f in full)
    ]
