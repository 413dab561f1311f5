"""Stance context: the stance cues of the text (data/stance_cues.tsv), matched once, and each sentence's
bounds with the role of the part it stands in (a 存在问题 section, a lead-in zone such as
…存在不少差距和不足。主要表现在：); and the judgement of a name's stance from them, which the regions
and the criticized-entities stages both ask for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from docparse.analyse.numerals import chinese_integer
from docparse.matching import TermMatcher
from docparse.model import Document
from docparse.pipeline import stage
from docparse.resources import load_tsv
from docparse.structure.outline import INLINE, in_sequence
from docparse.textspans import enclosing

DIRECTIVE_SUBJECT = r"(?:人民政府|政府|党委|党委政府|安委会|安委办|各级|各有关部门|有关部门|和有关部门)?"


CLAUSE_END = "，。；！？\n"


# a modal's character starting another word: 柏乡县应急管理局, 昆明市需求, 玉溪市要点
NOT_MODAL = "(?!急|用|求|素|点|害|闻)"


SECTION_PRIOR = {"problems": "criticized", "evaluation": "praised"}


EVALUATIVE_ROLES = {"problems", "evaluation", None, "other"}


DIRECTIVE_ROLES = {"measures", "tasks", "phases", "organization"}


WEIGHT = {"strong": 2, "weak": 1}


SHORT_HEADING = 12


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    stance: str  # criticized, praised
    weight: int


@dataclass(frozen=True, slots=True)
class CueTable:
    matcher: TermMatcher[tuple[str, str, int]]  # cue -> (cue, stance, weight)
    negators: tuple[str, ...]
    directive: re.Pattern[str]
    sanctions: tuple[str, ...]  # penalties on whoever 对 names (予以通报批评, 约谈)
    aftermath: tuple[str, ...]  # openings of a sentence that tells the response to an accident (事故发生后)


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    cues: dict[str, tuple[str, str, int]] = {}
    negators, directives, sanctions, aftermath = [], [], [], []
    for row in load_tsv("stance_cues.tsv"):
        if row["stance"] == "negate":
            negators.append(row["cue"])
        elif row["stance"] == "directive":
            directives.append(row["cue"])
        elif row["stance"] == "sanction":
            sanctions.append(row["cue"])
        elif row["stance"] == "aftermath":
            aftermath.append(row["cue"])
        else:
            cues[row["cue"]] = (row["cue"], row["stance"], WEIGHT[row["weight"]])
    alt = "|".join(sorted(map(re.escape, directives), key=len, reverse=True))
    directive = re.compile(DIRECTIVE_SUBJECT + f"(?:{alt})" + NOT_MODAL)
    return CueTable(TermMatcher(cues), tuple(negators), directive, tuple(sanctions), tuple(aftermath))


def find_cues(text: str, keep_none: bool = False) -> list[Cue]:
    """Stance cues, leftmost-longest; a praised cue right after a negator (不积极) counts as criticism.

    Words listed as `none` (泄漏报警) take part in the longest match only to hide the cue inside them;
    `keep_none` returns them too, for a caller that must know what they hide."""
    table = cue_table()
    cues = []
    for s, e, (word, stance, weight) in table.matcher.longest(text):
        if stance == "none" and not keep_none:
            continue
        if stance == "praised" and any(text[max(0, s - len(n)) : s] == n for n in table.negators):
            stance, weight = "criticized", max(weight, 1)
        cues.append(Cue(s, e, word, stance, weight))
    return cues


@dataclass(slots=True)
class StanceContext:
    """What stance decisions need from the document, computed once."""

    cues: list[Cue]
    cue_starts: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    sentence_roles: list[tuple[str | None, str | None]]  # (role, heading) per sentence
    mention_spans: list[tuple[int, int]] = field(default_factory=list)  # enumeration groups, sorted
    name_ends: frozenset[int] = frozenset()  # where a region or organisation name ends (objects of a sanction)
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # region and organisation names, sorted
    sentence_tiers: dict[int, list[Tier]] = field(default_factory=dict)  # sentence -> its tiers, once

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence that holds normalized offset `pos`."""
        return max(bisect_right(self.sentence_starts, pos) - 1, 0)


@dataclass(frozen=True, slots=True)
class Verdict:
    stance: str
    cue: str | None
    sentence_end: int


@lru_cache(maxsize=1)
def strong_role_cues() -> tuple[tuple[str, str], ...]:
    """(cue, role) pairs that name a part outright (存在问题, 基本评价), longest first."""
    rows = [(r["cue"], r["role"]) for r in load_tsv("section_roles.tsv") if r["strength"] == "strong"]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def extra_heading_cues() -> tuple[tuple[str, str], ...]:
    """Headings the section roles miss (暗访发现的问题, 好的做法), from data/problem_cues.tsv."""
    roles = {"problem_heading": "problems", "praise_heading": "evaluation"}
    return tuple((r["cue"], roles[r["kind"]]) for r in load_tsv("problem_cues.tsv") if r["kind"] in roles)


def heading_role(heading: str) -> str | None:
    """The role a heading names outright: the section roles' strong cues, then, in a short heading (not a
    sentence such as 各地要对检查发现的问题逐项整改), the extra heading cues."""
    found = next((role for cue, role in strong_role_cues() if cue in heading), None)
    if found is None and len(heading) <= SHORT_HEADING:
        found = next((role for cue, role in extra_heading_cues() if cue in heading), None)
    return found


def section_role(doc: Document, section_id: int | None) -> tuple[str | None, str | None]:
    """The role named by the nearest heading on the section's path that names one (二、存在的问题).

    Roles the outline guessed from weak words in a heading (一是…不到位) are not trusted here: the
    stance of a mention should not hang on them.
    """
    for sec in reversed(doc.section_path(section_id)):
        role = heading_role(sec.heading)
        if role is not None:
            return role, sec.heading
    return None, None


@dataclass(frozen=True, slots=True)
class StanceFacts:
    """What every stance decision reads, found once per document: the stance cues (the `none` words
    that only hide a cue included), each sentence's bounds with the role of its part, and the lead-in
    zones that give text with no outline its parts."""

    cues: tuple[Cue, ...]
    sentence_starts: list[int]
    sentence_ends: list[int]
    sentence_roles: list[tuple[str | None, str | None]]  # (role, heading) per sentence
    zones: tuple[Zone, ...]


@stage("stance", step="analyse", assigns="analysis.stance", requires=("sentences",))
def stance_facts(doc: Document) -> StanceFacts:
    starts, ends, roles, zones = sentence_table(doc)
    return StanceFacts(tuple(find_cues(doc.norm_text, keep_none=True)), starts, ends, roles, tuple(zones))


def sentence_table(doc: Document) -> tuple[list[int], list[int], list[tuple[str | None, str | None]], list[Zone]]:
    """Sentence bounds and roles, each section's role worked out once; text with no outline falls back
    to lead-in zones (存在问题…：)."""
    if doc.sentences:
        bounds = [(s.norm_start, s.norm_end, s.section) for s in doc.sentences]
    else:
        bounds = [(m.start(), m.end(), None) for m in re.finditer(r"[^。；！？\n]+[。；！？]*", doc.norm_text)]
    zones = fallback_zones(doc)
    by_section: dict[int | None, tuple[str | None, str | None]] = {}
    starts, ends, roles = [], [], []
    for s, e, sec in bounds:
        starts.append(s)
        ends.append(e)
        if sec not in by_section:
            by_section[sec] = section_role(doc, sec) if doc.sections else (None, None)
        role = by_section[sec]
        if role[0] is None:
            role = next(((z.role, z.heading) for z in zones if z.start <= s < z.end), (None, None))
        roles.append(role)
    return starts, ends, roles, zones


def stance_context(doc: Document) -> StanceContext:
    """A stance context over the document's facts, with the region mentions found so far."""
    facts: StanceFacts = doc.analysis.stance
    cues = [c for c in facts.cues if c.stance != "none"]
    ctx = StanceContext(cues, [c.start for c in cues], facts.sentence_starts, facts.sentence_ends, facts.sentence_roles)
    for r in doc.extraction.regions:
        for m in r.mentions:
            ctx.mention_spans.append((doc.norm_index(m.span.start), doc.norm_index(m.span.end)))
    ctx.mention_spans.sort()
    return ctx


def cues_between(ctx: StanceContext, start: int, end: int, evaluative: bool) -> list[Cue]:
    i = bisect_right(ctx.cue_starts, start - 1)
    out = []
    while i < len(ctx.cues) and ctx.cues[i].start < end:
        cue = ctx.cues[i]
        if cue.end <= end and (evaluative or cue.weight >= WEIGHT["strong"]):
            out.append(cue)
        i += 1
    return out


def verdict_from(cues: list[Cue]) -> tuple[str, str] | None:
    score = sum(c.weight if c.stance == "praised" else -c.weight for c in cues)
    if score == 0:
        return None
    stance = "praised" if score > 0 else "criticized"
    return stance, next(c.text for c in cues if c.stance == stance)


def next_group_start(ctx: StanceContext, end: int, limit: int) -> int:
    """Where the next mention that is not part of this enumeration starts (the scope of a cue ends there)."""
    i = bisect_right(ctx.mention_spans, (end, 10**12))
    return min(ctx.mention_spans[i][0], limit) if i < len(ctx.mention_spans) else limit


def sanction_on(ctx: StanceContext, text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The penalty a clause announces on what `[start, end)` names: 对万州区和綦江区予以通报批评 -> 予以通报批评.

    The name must stand between 对 (or 责令) and the penalty in one clause, or in a list of bodies between them that
    runs over commas (sanction_on_bodies), and the penalty must follow a name (the
    last of those it falls on); 由吉安市应急管理局…挂牌督办 (who imposes it), 对整改不力的地方予以通报批评
    (nobody named) and 对省安委会交办的问题隐患…挂牌督办 (a name qualifying something else) give none."""
    clause_start = max(s_start, max(text.rfind(ch, s_start, start) for ch in CLAUSE_END) + 1)
    ends = [i for i in (text.find(ch, end, s_end) for ch in CLAUSE_END) if i >= 0]
    clause_end = min(ends) if ends else s_end
    if not any(w in text[clause_start:start] for w in OBJECT_LEADS):
        return sanction_on_bodies(text, start, end, s_start, s_end)
    for cue in cue_table().sanctions:
        at = text.find(cue, end, clause_end)
        if at < 0 or text.startswith("的", at + len(cue)):
            continue  # 挂牌督办的隐患: the penalty only describes something
        object_end = at
        while text[:object_end].endswith(SANCTION_VERBS):
            object_end -= next(len(v) for v in SANCTION_VERBS if text[:object_end].endswith(v))
        # 对同仁县汛期值班值守不落实的问题进行约谈: the name's own failing stands between it and the penalty
        failing = any(c.stance == "criticized" for c in cues_between(ctx, end, at, evaluative=False))
        if object_end in ctx.name_ends or object_end == end or failing:
            return cue
    return sanction_on_bodies(text, start, end, s_start, s_end)


# words that introduce whom a penalty falls on: 对万州区予以通报批评, 责令威信县委、县人民政府作出书面检查
OBJECT_LEADS = ("对", "责令")


# a member of a list of bodies: 威信县能源局, 自然资源局, 威信县委, 县人民政府, 昭通市人民政府
BODY_MEMBER = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:人民政府|政府|党委|党工委|委员会|管委会|委|局|厅|办|中心)")
BODY_SEPARATOR = re.compile(r"、|，|,|以及|和|及|与")


# the officials of a body a penalty falls on (南昌市政府相关负责人, 进贤县政府主要负责人): the body answers for them
OFFICIALS_OF = re.compile(r"(?:相关|主要|有关)?(?:负责人|负责同志)$")
# a place whose ending a later member gives (南昌县、新建区、进贤县政府: each one's 政府)
PLACE_MEMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[省市县区州旗盟镇乡]")
# 进行安全生产约谈: what the penalty is about, between the object and it
PENALTY_TOPIC = ("安全生产", "安全")


def listed_bodies(text: str, start: int, end: int) -> bool:
    """Whether `[start, end)` is a list of bodies written over commas (威信县能源局、自然资源局，昭通市能源局，
    威信县委、县人民政府), or of their officials (南昌市政府相关负责人和南昌市交通运输局…以及南昌县、新建区、进贤县政府
    主要负责人), nothing else; a bare place takes the ending of the body listed after it."""
    parts = [OFFICIALS_OF.sub("", p) for p in BODY_SEPARATOR.split("".join(text[start:end].split()))]
    if len(parts) < 2 or not BODY_MEMBER.fullmatch(parts[-1]):
        return False
    return all(BODY_MEMBER.fullmatch(p) or PLACE_MEMBER.fullmatch(p) for p in parts)


def sanction_on_bodies(text: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The penalty a sentence announces on a list of bodies that runs over commas, the name at `[start, end)`
    among them (责令威信县能源局、自然资源局，昭通市能源局，威信县委、县人民政府作出书面检查): a clause alone
    holds neither the lead nor the penalty."""
    leads = [(text.rfind(w, s_start, start), w) for w in OBJECT_LEADS]
    at, lead = max(leads)
    if at < 0:
        return None
    for cue in cue_table().sanctions:
        found = text.find(cue, end, s_end)
        if found < 0 or text.startswith("的", found + len(cue)):
            continue
        object_end = found
        topic = next((t for t in PENALTY_TOPIC if text.endswith(t, 0, object_end)), "")
        object_end -= len(topic)
        while text[:object_end].rstrip().endswith(SANCTION_VERBS):
            trimmed = text[:object_end].rstrip()
            object_end = len(trimmed) - next(len(v) for v in SANCTION_VERBS if trimmed.endswith(v))
        if listed_bodies(text, at + len(lead), object_end):
            return cue
    return None


@dataclass(frozen=True, slots=True)
class Tier:
    """A tier a sentence gives: where its word stands, the word, and where the names it may fall on begin
    (the verb that confers it: 授予庐江县、固镇县…为…示范县, not 合肥市 named before 授予)."""

    at: int
    word: str
    scope: int
    forward: bool = False  # a label (优秀：, 优秀单位（5个）：) that holds the names after it, not those before
    honour: bool = False  # an honour bestowed under a name of its own (授予…“安全发展铜鼎”): praise, whatever its word


@dataclass(frozen=True, slots=True)
class TierTable:
    in_text: re.Pattern[str]  # a tier word used as one in a sentence: after a marker, or before 等次-like words
    in_heading: re.Pattern[str]  # the same in a heading, where 先进单位 and 优秀组织单位 are tiers too
    stance: dict[str, str]
    tiers: frozenset[str]  # the tier words (优秀, 不合格), awards aside
    cell_suffixes: tuple[str, ...]  # what may follow a tier word alone in a table's cell (等次, 等级)


def alternation(items: list[str]) -> str:
    return "|".join(map(re.escape, sorted(items, key=len, reverse=True)))


def tier_pattern(words: list[str], markers: list[str], suffixes: list[str]) -> re.Pattern[str]:
    return re.compile(
        rf"(?:{alternation(markers)})[“\"「]?(?P<a>{alternation(words)})|(?P<b>{alternation(words)})[”\"」]?(?:{alternation(suffixes)})"
    )


# 被评为2019年度安全生产和消防工作目标责任优秀单位, 被命名为2022年度“湖南省安全发展工作示范县”: a marker, a title
# within one clause, and a tier word that ends the title (a unit word or the clause follows it, not 的)
TIER_GAP = r"(?:{markers})[^，。；：！？、\n]{{1,30}}?(?P<c>{words})[”\"」]?(?:(?:{ends})(?![的之])|(?=[，。；、（(\n]|$))"


def gapped_tier_pattern(words: list[str], markers: list[str], ends: list[str]) -> str:
    return TIER_GAP.format(markers=alternation(markers), words=alternation(words), ends=alternation(ends))


# 授予厦门、泉州、莆田市人民政府“安全生产工作创新奖”: a marker, then, in the same sentence, the name of an award,
# quoted or ending its clause; the names between them are who receive it
AWARD = (
    r"(?:{markers})[^。；！？\n]{{0,60}}?(?:[“\"「](?P<d>[^”\"」，。；\n]{{1,20}}?(?:{endings}))[”\"」]"
    r"|(?P<e>[^“”\"「」、，。；！？\n]{{1,20}}?(?:{endings}))(?=[，。；！？\n]|$))"
)


def award_pattern(markers: list[str], endings: list[str]) -> str:
    return AWARD.format(markers=alternation(markers), endings=alternation(endings))


# 授予杭州、湖州…5个设区市以及杭州西湖区等24个县（市、区）“安全发展铜鼎”: a verb that only ever bestows an honour, then,
# in the same sentence, a quoted name: the honour, whatever it is called (an 奖, a 鼎, a 称号's name)
BESTOWED = r"(?:{verbs})[^。；！？\n“”\"「」]{{0,80}}?[“\"「](?P<q>[^”\"」，。；\n]{{2,20}})[”\"」]"


def bestowed_pattern(verbs: list[str]) -> str:
    return BESTOWED.format(verbs=alternation(verbs))


# …等省级政府为“优秀”；西藏、青海…为“良好”, 官渡区为合格，西山区为不合格: a tier word after 为 or 是, quoted whole or
# ending its clause, is the tier given
QUOTED_TIER = r"(?:{leads})(?:[“\"「](?P<g>{words})[”\"」]|(?P<g2>{words})(?=[，。；\n]|$))"


def quoted_tier_pattern(words: list[str], leads: list[str]) -> str:
    return QUOTED_TIER.format(leads=alternation(leads), words=alternation(words))


# 决定授予庐江县、固镇县、…明光市15个县（市、区）为2012-2013年度“安徽省平安渔业示范县”创建先进单位: a verb that
# confers a title, the list of those who receive it, then 为 and a title holding a tier word, as after a marker
CONFERRED = r"(?P<v>{verbs})[^。；！？\n]{{2,300}}?为[^，。；：！？、\n]{{0,30}}?(?P<h>{words})[”\"」]?(?:(?:{ends})(?![的之])|(?=[，。；、（(\n]|$))"


def conferred_pattern(words: list[str], verbs: list[str], ends: list[str]) -> str:
    return CONFERRED.format(verbs=alternation(verbs), words=alternation(words), ends=alternation(ends))


# 优秀：昆明市、玉溪市；良好：…, 考核优秀单位（共5个）：…, 考核优秀的州（市）：昆明、玉溪: a tier word labelling the list
# after its colon, with at most 的, a unit word and a bracketed count or level between them
# or, with 的 or a unit word, before 有/是/为/包括 (考核结果优秀的有昆明、曲靖…; 考核优秀县（区）为：五华区)
LABEL = (
    r"(?P<k>{words})[”\"」]?(?:的?(?:{units})?{paren}[：:]|(?:的(?:{units})?|(?:{units})){paren}(?:有|是|为|包括)[：:]?)"
)
LABEL_PAREN = r"(?:[（(][^（）()\n]{0,10}[）)])?"


def label_pattern(words: list[str], units: list[str]) -> str:
    return LABEL.format(words=alternation(words), units=alternation(units), paren=LABEL_PAREN)


# what may stand between a tier and the colon that makes it the label of the list after it (”的地市包括：)
LABEL_END = re.compile(r"[^，。；、\n：:（(]{0,10}[：:（(]")


# 对罗山县人民政府等11个优秀单位、平桥区人民政府等67个先进单位…予以通报表彰: the tail that closes a list counts its
# members as units of a tier, with or without the count (对五华区、盘龙区等安全生产先进县（市、区）予以通报表彰)
COUNTED_TIER = r"等(?:[\d一二三四五六七八九十百]+[个家])?[^，。；、\n]{{0,10}}?[“\"「]?(?P<f>{words})[^，。；、\n]{{0,4}}?(?:{units})"


def counted_tier_pattern(words: list[str], units: list[str]) -> str:
    return COUNTED_TIER.format(words=alternation(words), units=alternation(units))


@lru_cache(maxsize=1)
def tier_table() -> TierTable:
    rows = load_tsv("tiers.tsv")
    kinds: dict[str, list[str]] = {}
    for r in rows:
        kinds.setdefault(r["kind"], []).append(r["word"])
    words, markers, suffixes = kinds["tier"], kinds["marker"], kinds["suffix"]
    # 不合格单位为：张家口市政府, 先进集体有：…: a heading word that a list follows is a tier in a sentence too
    introduced = [h + f for h in kinds["heading_suffix"] for f in ("为", "是", "有", "包括", "：")]
    in_text = tier_pattern(words, markers, suffixes + introduced)
    gapped = gapped_tier_pattern(words, markers, kinds["heading_suffix"] + kinds["title_end"])
    award = award_pattern(markers, kinds["award"])
    bestowed = bestowed_pattern(kinds["bestow"])
    counted = counted_tier_pattern(words, kinds["heading_suffix"] + kinds["title_end"])
    quoted = quoted_tier_pattern(words, kinds["quote_lead"])
    conferred = conferred_pattern(words, kinds["confer"], kinds["heading_suffix"] + kinds["title_end"])
    label = label_pattern(words, suffixes + kinds["heading_suffix"] + kinds["title_end"] + kinds["label_unit"])
    return TierTable(
        re.compile(f"{in_text.pattern}|{gapped}|{award}|{bestowed}|{counted}|{quoted}|{conferred}|{label}"),
        tier_pattern(words, markers, suffixes + kinds["heading_suffix"] + kinds["title_end"]),
        {r["word"]: r["stance"] for r in rows if r["kind"] in ("tier", "award")},
        frozenset(words),
        tuple(suffixes),
    )


def tier_stance(word: str) -> str:
    """The stance of a tier word, or of an award named by its ending (安全生产工作创新奖 -> 奖)."""
    stances = tier_table().stance
    return stances.get(word) or next(v for k, v in stances.items() if word.endswith(k))


def tiers_in(text: str, s_start: int, s_end: int) -> list[Tier]:
    """Every tier given in the sentence `[s_start, s_end)`."""
    found = tier_table().in_text.finditer(text, s_start, s_end)
    out = []
    for m in found:
        award = m.group("d") or m.group("e")
        if award:
            out.append(Tier(m.start("d") if m.group("d") else m.start("e"), award, s_start))
        elif m.group("q"):
            out.append(Tier(m.start("q"), m.group("q"), s_start, honour=True))
        elif m.group("h"):
            out.append(Tier(m.start("h"), m.group("h"), m.start("v")))
        else:
            word = m.group("a") or m.group("b") or m.group("c") or m.group("f") or m.group("g") or m.group("g2")
            label = m.group("k") is not None or LABEL_END.match(text, m.end() - 1) is not None
            out.append(Tier(m.start(), word or m.group("k"), s_start, label))
    return out


def tier_given(found: list[Tier], start: int, end: int, clause_end: int = -1) -> tuple[str, str] | None:
    """(stance, tier word) of the tier a results sentence (its tiers `found`) gives the region at
    `[start, end)`: one after it in its own clause (ending at `clause_end`: 优秀：A、B，C为不合格), else the label it
    stands under (优秀：昆明市、玉溪市；良好：昭通市; 优秀等次的州（市）有3个（昆明市…）), else the first tier after it
    whose scope holds it, else the last one before it (考核等次为“优秀”的地市包括：深圳、广州)."""
    after = [f for f in found if f.at >= end and f.scope <= start]
    before = [f for f in found if f.at < start]
    own = [f for f in after if f.at < clause_end]
    plain = [f for f in after if not f.forward]
    label = before[-1] if before and before[-1].forward else None
    chosen = own[0] if own else label or (plain[0] if plain else before[-1] if before else None)
    if chosen is None:
        return None
    return ("praised" if chosen.honour else tier_stance(chosen.word)), chosen.word


# the count a heading of a results list ends with: 完成年度安全生产目标管理责任制先进单位（11个）
HEADING_COUNT = re.compile(r"[（(]\s*[\d一二三四五六七八九十]+\s*[个家]?[）)]\s*$")


def tier_heading(heading: str | None, longest: int = 20) -> tuple[str, str] | None:
    """(stance, tier word) of a section headed by a tier (一、先进单位, 二、优秀组织单位), its count aside."""
    heading = HEADING_COUNT.sub("", heading) if heading else heading
    if not heading or len(heading) > longest:
        return None
    m = tier_table().in_heading.search(heading)
    if not m:
        return None
    word = m.group("a") or m.group("b")
    return tier_table().stance[word], word


OFFICE_LEAD = 2  # characters that may stand between a region's name and an office

BODY_ENDINGS = ("局", "办", "站", "所", "厅", "中心", "党组", "委员会")  # a region's body an office may sit in


@lru_cache(maxsize=1)
def official_sanctions() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """(an office written right after a region's name, the penalties) of official_sanctions.tsv."""
    rows = load_tsv("official_sanctions.tsv")
    titles = sorted((r["word"] for r in rows if r["kind"] == "title"), key=len, reverse=True)
    office = "(?:" + "|".join(map(re.escape, titles)) + ")"
    # 照金镇镇党委副书记, 万柏林区代区长, 李阳镇煤炭副镇长: a level or a short field may come before the office
    # 宣汉县县煤监办党组副书记, 吕梁市应急管理局原党委书记: an office in one of the region's own bodies
    body = "(?:[\u4e00-\u9fff]{1,10}?(?:" + "|".join(map(re.escape, BODY_ENDINGS)) + ")[原]?)?"
    lead = f"[\u4e00-\u9fff]{{0,{OFFICE_LEAD}}}?"
    return re.compile(body + lead + office), tuple(r["word"] for r in rows if r["kind"] == "sanction")


def sanctioned_official(text: str, end: int, s_start: int, s_end: int) -> str | None:
    """The penalty of an official of the region that ends at `end`, named with its office in a sentence that
    sanctions (三都镇镇长…被免职; 免去照金镇镇党委副书记…的职务): the region answers for it."""
    titles, penalties = official_sanctions()
    if not (titles.match(text, end) or titles.match(text, end - 1)):  # 三都镇长: the office shares the 镇
        return None
    sentence = text[s_start:s_end]
    return next((p for p in penalties if p in sentence), None)


# what may stand between the names of a bare list: 长沙市：浏阳市葛家乡、宁乡县喻家坳乡; 1 汝阳县; (3个); the
# place a results list gives (第一名：三明市人民政府)
# (and the bars and numbers of a table written as text: | 1 | 河北省 | 安平县 |)
LIST_FILLER = re.compile(r"[\s、，,：:；;。.（）()\d０-９个家等和及与|｜]+|第[一二三四五六七八九十\d]+名")


# a region's own government written right after its name in a list of results (三明市人民政府, 平潭综合实验区管委会, 县委):
# the name of the body the region is judged by
REGION_BODY = re.compile(r"(?:人民政府|政府|党委|管委会|委员会|委)")


# a bare list may hold a few names the gazetteer does not know (a renamed 乡): at most a quarter of its text
LIST_OTHER_SHARE = 4


def names_only(text: str, names: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether `[start, end)` is a bare list: names (with their government: 三明市人民政府), and between them
    only separators, counts and places, with at most a quarter of the text left unrecognised."""
    i = bisect_right(names, (start, -1))
    rest, pos = [], start
    while i < len(names) and names[i][0] < end:
        s, e = names[i]
        if s >= pos:
            rest.append(text[pos:s])
        body = REGION_BODY.match(text, e)
        pos = max(pos, min(body.end() if body else e, end))
        i += 1
    rest.append(text[pos:end])
    other = LIST_FILLER.sub("", "".join(rest))
    return pos > start and len(other) * LIST_OTHER_SHARE <= end - start


def listed_under_tier(doc: Document, i: int) -> tuple[str, str] | None:
    """(stance, tier word) of the nearest heading above sentence `i` that names a tier (一、先进单位,
    一、省安全生产示范县（区）（3个）): a bare list under it gets that tier, whatever part it stands in."""
    if i >= len(doc.sentences):
        return None
    for sec in reversed(doc.section_path(doc.sentences[i].section)):
        found = tier_heading(sec.heading) or list_heading_verdict(sec.heading)
        if found is not None:
            return found
    return None


LIST_HEADING_LONGEST = 40


def list_heading_verdict(heading: str | None) -> tuple[str, str] | None:
    """(stance, cue) of the heading or title of a bare list that says what is done to those listed rather than
    naming a tier (一、予以通报表扬的县（市、区）; 通报批评县（市、区）名单): its strong cues, else a penalty it names."""
    heading = HEADING_COUNT.sub("", heading).strip() if heading else heading
    if not heading or len(heading) > LIST_HEADING_LONGEST or SENTENCE_END.search(heading):
        return None
    found = verdict_from([c for c in find_cues(heading) if c.weight >= WEIGHT["strong"]])
    if found is not None:
        return found
    return next((("criticized", w) for w in cue_table().sanctions if w in heading), None)


# the cells of a results table written as text: apart by tabs, bars or spaces (1 五华区 优秀, 昆明市人民政府\t良好)
ROW_GAP = re.compile(r"[\s|｜]+")


def tier_in_row(text: str, start: int) -> tuple[str, str] | None:
    """(stance, tier word) of a results table's row that names the region at `start`: a cell of its line is a tier
    word alone, or with 等次-like words (序号 单位 考核等次⏎1 五华区 优秀⏎…⏎4 西山区 不合格)."""
    line = text[slice(*line_at(text, start))]
    cells = [c for c in ROW_GAP.split(line) if c]
    if len(cells) < 2:
        return None
    table = tier_table()
    for cell in cells:
        word = cell.strip("“”\"「」")
        for suffix in table.cell_suffixes:
            word = word.removesuffix(suffix)
        if word in table.stance and word in table.tiers:
            return table.stance[word], word
    return None


def listed_under_lead(doc: Document, ctx: StanceContext, i: int) -> tuple[str, str] | None:
    """(stance, cue) that the line opening a list written one name a line gives each of them (对以下单位予以通报表扬：⏎
    昆明市人民政府⏎玉溪市人民政府; 考核优秀单位：⏎…): the tier it labels, else its strong cues; or the tier of the list's
    title (附件：2019年度安全生产目标考核先进单位名单⏎昆明市人民政府⏎…). The lead is the line right before the run of
    bare-list lines that holds sentence `i`; a list that opens with its attachment's number (附件2 北京市：大兴区…) is
    led by it, and an attachment without a title by what the body says of it (…名单（见附件1、2）)."""
    text = doc.norm_text
    own = ATTACHMENT_MARK.match(text, ctx.sentence_starts[i], ctx.sentence_ends[i])
    if own is not None:
        return attachment_tier(doc, ctx, own.group("n"), own.start())
    j = i - 1
    while j >= 0 and names_only(text, ctx.name_spans, ctx.sentence_starts[j], ctx.sentence_ends[j]):
        j -= 1
    if j < 0 or "\n" not in text[ctx.sentence_ends[j] : ctx.sentence_starts[j + 1] + 1]:
        return None
    headers: list[tuple[str, str] | None] = []
    while j > 0 and (
        TABLE_HEADER_ROW.match(text, ctx.sentence_starts[j], ctx.sentence_ends[j])
        or LIST_COUNT_LINE.fullmatch(text, ctx.sentence_starts[j], ctx.sentence_ends[j])
    ):
        headers.append(column_tier(text[ctx.sentence_starts[j] : ctx.sentence_ends[j]]))
        j -= 1  # a table's header row (序号 | 省份 | 县（市、区）) or the list's count (（共74个）): the title stands above
    return lead_tier(doc, ctx, j) or next((h for h in headers if h is not None), None)


def column_tier(row: str) -> tuple[str, str] | None:
    """(stance, tier word) a table's header row names in one of its cells (序号 | 省份 | 示范县（市、区）)."""
    return next((t for cell in ROW_GAP.split(row) if cell and (t := tier_heading(cell)) is not None), None)


def lead_tier(doc: Document, ctx: StanceContext, j: int) -> tuple[str, str] | None:
    """(stance, cue) that line `j`, the lead of a bare list below it, gives the list."""
    text = doc.norm_text
    l_start, l_end = ctx.sentence_starts[j], ctx.sentence_ends[j]
    lead = text[l_start:l_end].strip()
    bare = ATTACHMENT_MARK.fullmatch(lead)
    if bare is not None:
        return attachment_tier(doc, ctx, bare.group("n"), l_start)
    if not lead.endswith(("：", ":")):  # a title: …先进单位名单, or one without 名单 (全国“平安农机”示范县)
        return list_title_tier(lead) or tier_heading(lead) or list_heading_verdict(lead)
    return (
        tier_given(tiers_in(text, l_start, l_end), l_end, l_end)
        or verdict_from(cues_between(ctx, l_start, l_end, False))
        or named_list_tier(text, l_start, l_end)
    )


# the header row of a table written as text, which opens with its number column: 序号 | 省份 | 县（市、区）
TABLE_HEADER_ROW = re.compile(r"[\s|｜]*(?:序号|编号|序)[\s|｜]")

# a line that only counts the list below it: （共74个）, 共5家
LIST_COUNT_LINE = re.compile(r"\s*[（(]?\s*共?\s*[\d一二三四五六七八九十百]+\s*[个家名项]\s*[）)]?\s*")

# the title of a list of names: 2019年度安全生产工作先进单位名单, after any 附件：
LIST_TITLE = re.compile(r"(?:附件[\d一二三四五六七八九十]*[：:]?)?(?P<title>[^，。；：:！？]{2,40}?(?:名单|名录))")

# the longest list title (without 名单) read for a tier: 2023年度全国“平安农机”示范市、县 is longer than a heading
LIST_TITLE_LONGEST = 40


def list_title_tier(line: str) -> tuple[str, str] | None:
    """(stance, tier word) of a line that is the title of a list and names its tier (…先进单位名单)."""
    m = LIST_TITLE.fullmatch(line)
    return tier_heading(m.group("title").removesuffix("名单").removesuffix("名录"), LIST_TITLE_LONGEST) if m else None


def named_list_tier(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(stance, tier word) of the list title a lead names before its colon (现将2023年度安全生产示范县名单公布如下：)."""
    m = LIST_TITLE.search(text, start, end)
    return list_title_tier(m.group("title")) if m else None


def titled_list_tier(ctx: StanceContext, text: str, start: int) -> tuple[str, str] | None:
    """(stance, tier word) of a name in a list that runs on after its title in the same line (…示范县名单如下：安平县、
    元氏县、繁峙县): the list's title names the tier of every name between the colon and the next one."""
    line_start = text.rfind("\n", 0, start) + 1
    colon = max(text.rfind("：", line_start, start), text.rfind(":", line_start, start))
    if colon < 0:
        return None
    if text[colon + 1 : start].strip(" \t、，,") and not names_only(text, ctx.name_spans, colon + 1, start):
        return None
    return named_list_tier(text, line_start, colon)


# an attachment's number without its title, alone on its line or opening the list it holds (附件2 北京市：大兴区)
ATTACHMENT_MARK = re.compile(r"\s*附件\s*(?P<n>[\d一二三四五六七八九十]{0,3})\s*[：:.、]?\s*")

# where the body points to its attachments: （见附件1、2）, （详见附件）, (附件3), 名单详见附件2
ATTACHMENT_REF = re.compile(
    r"[（(]\s*(?:详见|见)?\s*附件\s*(?P<ns>[\d一二三四五六七八九十、，,和及至\-－~—]*)\s*[）)]"
    r"|(?:详见|见)附件\s*(?P<ns2>[\d一二三四五六七八九十、和及至\-－~—]*)"
)

ATTACHMENT_NUMBER = re.compile(r"\d+|[一二三四五六七八九十]+")


def attachment_numbers(ns: str) -> set[str]:
    """The attachment numbers a reference names (1、2; 1-3 as 1, 2, 3), as written and as digits."""
    numbers = {str(chinese_integer(n)) for n in ATTACHMENT_NUMBER.findall(ns)}
    digits = sorted(int(n) for n in numbers)
    if digits and re.search(r"[至\-－~—]", ns):
        numbers |= {str(n) for n in range(digits[0], digits[-1] + 1)}
    return numbers


CLAUSE_BREAKS = "，。；：:！？\n"


def clause_start(text: str, end: int) -> int:
    return enclosing(text, end, end, CLAUSE_BREAKS)[0]


def attachment_tier(doc: Document, ctx: StanceContext, number: str, at: int) -> tuple[str, str] | None:
    """(stance, cue) of an attachment that has no title of its own (附件1⏎江苏省：常州市…): the clause of the body
    that points to it (确定了2023年度全国“平安农机”示范市、县名单（见附件1、2）) read as the list's title, else as a
    list's lead (对以下单位予以通报表扬（见附件）); failing both, and unless the body named it by its number, the
    document's title where it names a list (关于公布2023年度安全生产示范县名单的通知)."""
    text = doc.norm_text
    wanted = {str(chinese_integer(number))} if number else set()
    named = False  # the body points to this attachment by its number: what it says there, or nothing, is its tier
    for ref in ATTACHMENT_REF.finditer(text, 0, at):
        numbers = attachment_numbers(ref.group("ns") or ref.group("ns2") or "")
        if wanted and numbers and not wanted & numbers:
            continue
        named = named or bool(wanted and numbers)
        c_end = ref.start()
        c_start = clause_start(text, c_end)
        if c_start > 0 and not text[c_start:c_end].strip():  # …示范县名单，详见附件1: the clause before it names it
            c_end = c_start - 1
            c_start = clause_start(text, c_end)
        clause = text[c_start:c_end].strip()
        found = list_title_tier(clause) or verdict_from(cues_between(ctx, c_start, c_end, False))
        if found is not None:
            return found
    if named:
        return None  # 另附本次抽查地区名单（见附件3）: a list the title's tier is not about
    title = LIST_TITLE.search(str(doc.meta.title.value)) if doc.meta.title is not None else None
    return list_title_tier(title.group("title")) if title else None


def tells_aftermath(text: str, s_start: int, start: int) -> bool:
    """Whether the sentence tells, before the name at `start`, that what follows answers an accident
    (事故发生后，灵武市委、市政府高度重视，迅速…): that is duty, not merit, so its praise words praise nobody;
    its blame (迟报) stands."""
    before = text[s_start:start]
    return any(w in before for w in cue_table().aftermath)


def blame_only(cues: list[Cue]) -> list[Cue]:
    return [c for c in cues if c.stance == "criticized"]


RANK_LINE = re.compile(r"[ \t]*(\d{1,3})[ \t　]+\S{2,20}[ \t]*")
RANKING = ("排名", "排序", "名次")


def line_at(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the line that holds `pos`."""
    return enclosing(text, pos, pos, "\n")


def rank_lines(text: str, pos: int) -> list[tuple[int, int]]:
    """The run of rank lines (1 汝阳县) around the one at `pos`, in order; empty if `pos` is on none."""
    here = line_at(text, pos)
    if not RANK_LINE.fullmatch(text, *here):
        return []
    run = [here]
    while run[0][0] > 0 and RANK_LINE.fullmatch(text, *(prev := line_at(text, run[0][0] - 1))):
        run.insert(0, prev)
    while run[-1][1] < len(text) and RANK_LINE.fullmatch(text, *(nxt := line_at(text, run[-1][1] + 1))):
        run.append(nxt)
    return run


def rank_verdict(text: str, start: int) -> tuple[str, str] | None:
    """A ranking table written as lines of a rank and a name (…进行了排名，具体如下：⏎名次 县（市）区⏎1 汝阳县⏎…⏎
    18 偃师市): the first place is praised, the last blamed, the rest judged by nothing here."""
    run = rank_lines(text, start)
    if len(run) < 3:
        return None
    lead_start = line_at(text, max(0, line_at(text, max(0, run[0][0] - 1))[0] - 1))[0]
    if not any(w in text[lead_start : run[0][0]] for w in RANKING):
        return None
    ranks = [int(RANK_LINE.fullmatch(text, a, b).group(1)) for a, b in run]
    k = next(n for n, (a, b) in enumerate(run) if a <= start <= b)
    line = text[run[k][0] : run[k][1]].strip()  # the cue: the rank line as written
    if ranks[k] == min(ranks) and ranks.count(ranks[k]) == 1:
        return "praised", line
    if k == len(run) - 1 and ranks[k] == max(ranks):
        return "criticized", line
    return None


# a ranking written as one list after its lead (排名1-9位分别为：醴陵市、芦淞区、…、石峰区; 排序依次为：…), or a part of
# one (排名前两位的分别为：…; 排名后两位的是：…; 排名倒数…)
RANKED_LEAD = re.compile(r"(?:排名|排序|名次)[^，。；：:\n]{0,12}?(?:依次|分别)?(?:为|是|如下)\s*[：:]\s*$")
TOP_OF_RANKING = re.compile(r"前[\d一二两三四五六七八九十]")
FOOT_OF_RANKING = re.compile(r"后[\d一二两三四五六七八九十]|倒数")
BRACKETED = re.compile(r"[（(][^（）()\n]*[）)]")
RANKED_MIN = 3


def name_end(ctx: StanceContext, start: int, end: int) -> int:
    """Where the one name at `start` ends: `[start, end)` may span its whole enumeration."""
    k = bisect_right(ctx.name_spans, (start, -1))
    return ctx.name_spans[k][1] if k < len(ctx.name_spans) and ctx.name_spans[k][0] == start else end


def ranked_list_verdict(text: str, start: int, end: int) -> tuple[str, str] | None:
    """A ranking written as one list after a lead that says so (排名1-9位分别为：醴陵市、芦淞区、…、石峰区): its first name
    is praised, its last blamed, as in a ranking table (rank_verdict), the rest judged by nothing here; the top of a
    ranking (排名前两位的分别为：) is praised whole, its foot (排名后两位的是：, 倒数) blamed whole."""
    line_start = text.rfind("\n", 0, start) + 1
    item_start = max(text.rfind(ch, line_start, start) for ch in "；;。") + 1
    colon = max(text.rfind("：", item_start, start), text.rfind(":", item_start, start))
    if colon < 0:
        return None
    lead = text[max(line_start, item_start) : colon + 1]
    if not RANKED_LEAD.search(lead):
        return None
    cue = lead.strip()
    if FOOT_OF_RANKING.search(lead):
        return "criticized", cue
    if TOP_OF_RANKING.search(lead):
        return "praised", cue
    list_end = min((k for k in (text.find(ch, colon) for ch in "；;。\n") if k >= 0), default=len(text))
    if BRACKETED.sub("", text[colon + 1 : list_end]).count("、") + 1 < RANKED_MIN:
        return None
    if not text[colon + 1 : start].strip():
        return "praised", cue
    if not BRACKETED.sub("", text[end:list_end]).strip(" \t、，,"):
        return "criticized", cue
    return None


ANAPHORA = ("上述", "前述")


def anaphora_verdict(ctx: StanceContext, text: str, i: int) -> tuple[str, str] | None:
    """The tier or sanction the next sentence gives what it calls 上述 (仓山区人民政府第一名…；…上述6个单位评为
    2006年度…考核先进单位; 对上述4个市（地）政府下发…警示函): it falls on the names of sentence `i`."""
    if i + 1 >= len(ctx.sentence_starts):
        return None
    n_start, n_end = ctx.sentence_starts[i + 1], ctx.sentence_ends[i + 1]
    at = max(text.find(w, n_start, n_end) for w in ANAPHORA)
    if at < 0:
        return None
    tier = tier_given(tiers_in(text, at, n_end), at, at)
    if tier is not None:
        return tier
    return next((("criticized", w) for w in cue_table().sanctions if text.find(w, at, n_end) >= 0), None)


def findings_after(ctx: StanceContext, text: str, i: int) -> tuple[str, str] | None:
    """The problems the next sentence of the paragraph lists, naming nobody, for the names of sentence `i`
    (在内蒙古鄂尔多斯市检查了2个化工园区…共发现30项问题隐患…。主要问题包括隐患整改缓慢、…): it opens with a
    problem lead-in (主要问题, 存在的问题) and blames."""
    if i + 1 >= len(ctx.sentence_starts):
        return None
    n_start, n_end = ctx.sentence_starts[i + 1], ctx.sentence_ends[i + 1]
    if "\n" in text[ctx.sentence_ends[i] : n_start] or not text[n_start:n_end].lstrip().startswith(problem_cues()["lead_in"]):
        return None
    k = bisect_right(ctx.mention_spans, (n_start, -1))
    if k < len(ctx.mention_spans) and ctx.mention_spans[k][0] < n_end:
        return None  # the sentence names its own subjects
    return verdict_from(blame_only(cues_between(ctx, n_start, n_end, evaluative=True)))


CONTRAST = ("但是", "但", "然而", "不过")


# words after a turn that move the blame to others (但部分地区…, 但一些企业…): the praised name is not blamed
OTHERS = re.compile(r"(?:部分|一些|个别|有的|少数)(?:地区|地方|单位|企业|部门|县|市|区|乡镇|街道)")


def turned_against(ctx: StanceContext, text: str, end: int, s_end: int) -> str | None:
    """The criticism a paragraph turns to after praising what ends at `end` (…取得了显著成效。但目前仍然面临一些问题，
    如…有待加强): the first blame cue after a contrast word in the rest of the name's sentence or opening the
    next one in the same paragraph, before any other name, unless the turn blames others (但部分地区…)."""
    i = ctx.sentence_of(s_end - 1) + 1
    after = ctx.sentence_ends[i] if i < len(ctx.sentence_starts) else s_end
    line_end = text.find("\n", end)
    limit = next_group_start(ctx, end, min(after, line_end) if line_end >= 0 else after)
    turn = min((t for t in (text.find(w, end, limit) for w in CONTRAST) if t >= 0), default=-1)
    if turn < 0 or (turn >= s_end and text[s_end:turn].strip()):
        return None  # the next sentence does not open with the turn
    blame = blame_only(cues_between(ctx, turn, limit, evaluative=True))
    if not blame or OTHERS.search(text, turn, blame[0].start):
        return None
    return blame[0].text


def turned_verdict(text: str, cues: list[Cue]) -> tuple[str, str] | None:
    """Mixed, for praise and blame that weigh the same and that a contrast word sets apart (河北省安全生产工作取得
    积极成效，但仍存在隐患排查不深入等问题): the text says both of the name, so neither cancels the other."""
    praise = [c for c in cues if c.stance == "praised"]
    blame = blame_only(cues)
    if not praise or not blame:
        return None
    first, second = sorted((praise[0], blame[0]), key=lambda c: c.start)
    if not any(w in text[first.end : second.start] for w in CONTRAST):
        return None
    return "mixed", f"{praise[0].text}…{blame[0].text}"


def lead_in_verdict(ctx: StanceContext, text: str, start: int) -> tuple[str, str] | None:
    """The judgement a line's lead-in gives the items after its colon (死亡人数突破年度控制考核指标的情况：
    梧州市为102.69%…；北海市为115.24%…): strong cues between the line's start and its colon, for a name that
    opens an item (right after the colon or a ；)."""
    line_start = text.rfind("\n", 0, start) + 1
    item_start = max(text.rfind(ch, line_start, start) for ch in "：:；;") + 1
    if item_start == 0 or text[item_start:start].strip():
        return None
    colon = max(text.rfind("：", line_start, start), text.rfind(":", line_start, start))
    if colon < 0:
        return None
    return verdict_from(cues_between(ctx, line_start, colon, evaluative=False))


# words right before a name that address it an instruction: 请龙文区人民政府依照…认真开展事故调查工作; 由 assigns it a duty
# (由百色市交通运输局局长亲自担任监管负责人: 亲自 tells how the duty is to be done, not praise of the region)
ADDRESSING = ("请", "要求", "责成", "由")


def addressed(text: str, s_start: int, start: int) -> bool:
    """Whether the name at `start` is addressed an instruction (请龙文区人民政府…, 要求各县…, 责成昆明市…, 由百色市…负责)."""
    return text[max(s_start, start - 2) : start].endswith(ADDRESSING)


OWN_TIER_GAP = 12  # characters between a name (and its government) and the tier its clause gives it: 考核为


def own_tier(doc: Document, ctx: StanceContext, start: int, end: int) -> tuple[str, str] | None:
    """(stance, tier word) that the clause of the name at `[start, end)` gives it after the name (云南省政府考核为优秀):
    a verdict stated of the name itself, which holds even for the document's own region, whom others judge."""
    text = doc.norm_text
    i = ctx.sentence_of(start)
    s_start, s_end = ctx.sentence_starts[i], ctx.sentence_ends[i]
    if ctx.sentence_roles[i][0] in DIRECTIVE_ROLES or cue_table().directive.match(text, end):
        return None
    if i not in ctx.sentence_tiers:
        ctx.sentence_tiers[i] = tiers_in(text, s_start, s_end)
    clause_end = min((k for k in (text.find(ch, start, s_end) for ch in "，；。") if k >= 0), default=s_end)
    own = [f for f in ctx.sentence_tiers[i] if end <= f.at < clause_end and f.scope <= start]
    if not own:
        return None
    # close after the name and its government, or the name only opens another's (陕西省第六建筑工程公司等20个…先进单位)
    body = REGION_BODY.match(text, end)
    between = text[body.end() if body else end : own[0].at]
    if len(between) > OWN_TIER_GAP or any(w in between + text[own[0].at] for w in ("等", "、")):
        return None
    return ("praised" if own[0].honour else tier_stance(own[0].word)), own[0].word


def stance_of_span(doc: Document, ctx: StanceContext, start: int, end: int, list_start: int | None = None) -> Verdict:
    """Stance of whatever is named at `[start, end)`: its own clause's cues first, then its section's role.
    A member of a list (starting at `list_start`) that runs on over a comma takes the clause before the list
    (约谈了郑州、安阳、商丘市政府，鹿邑、新密…政府: 约谈 is said of every body listed).

    Instructions (红河州要…, a 下步工作 section) judge nobody, except a penalty announced on a name."""
    text = doc.norm_text
    i = ctx.sentence_of(start)
    s_start, s_end = ctx.sentence_starts[i], ctx.sentence_ends[i]
    role, heading = ctx.sentence_roles[i]
    sanction = sanction_on(ctx, text, start, end, s_start, s_end)
    if sanction is not None:  # 对楚雄州给予黄牌警告: wherever it stands, a penalty announced on the name blames it
        return Verdict("criticized", sanction, s_end)
    if cue_table().directive.match(text, end) or addressed(text, s_start, start) or role in DIRECTIVE_ROLES:
        return Verdict("neutral", None, s_end)
    if i not in ctx.sentence_tiers:  # a results list names many regions in one sentence: find its tiers once
        ctx.sentence_tiers[i] = tiers_in(text, s_start, s_end)
    clause_end = min((k for k in (text.find(ch, start, s_end) for ch in "，；。") if k >= 0), default=s_end)
    tier = tier_given(ctx.sentence_tiers[i], start, end, clause_end) or tier_in_row(text, start) or tier_heading(heading)
    if tier is None:
        tier = titled_list_tier(ctx, text, start)
    if tier is None and names_only(text, ctx.name_spans, s_start, s_end):
        tier = listed_under_tier(doc, i) or listed_under_lead(doc, ctx, i)
    if tier is not None:  # a results list: the tier it is given is its stance, middle tiers none
        return Verdict(tier[0], tier[1], s_end)
    evaluative = role in EVALUATIVE_ROLES
    judged = blame_only if tells_aftermath(text, s_start, start) else list
    said = judged(cues_between(ctx, end, next_group_start(ctx, end, s_end), evaluative))
    found = verdict_from(said) or turned_verdict(text, said)
    if found is None:
        before = min(start, list_start) if list_start is not None and list_start >= s_start else start
        clause_start = max(text.rfind(ch, s_start, before) for ch in CLAUSE_END) + 1
        found = verdict_from(judged(cues_between(ctx, max(clause_start, s_start), before, evaluative)))
    if found is None:
        found = lead_in_verdict(ctx, text, start)
    if found is None:
        found = rank_verdict(text, start) or ranked_list_verdict(text, start, name_end(ctx, start, end))
    if found is None:
        found = anaphora_verdict(ctx, text, i)
    if found is None:
        found = findings_after(ctx, text, i)
    if found is None and role in SECTION_PRIOR:
        found = (SECTION_PRIOR[role], heading)
    if found is None:
        return Verdict("neutral", None, s_end)
    return Verdict(found[0], found[1], s_end)


ITEM_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、，]|\d{1,2}[.、])"
)


LEAD_IN_END = re.compile(r"(?:[：:？?]\s*$|表现在|如下)")


@dataclass(frozen=True, slots=True)
class Zone:
    """A stretch of normalized text with a role, found from a lead-in sentence where there is no outline."""

    start: int
    end: int
    role: str
    heading: str
    items: tuple[tuple[int, int], ...]  # the marked items (一是…) inside, as normalized ranges


@lru_cache(maxsize=1)
def problem_cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("problem_cues.tsv"):
        out.setdefault(row["kind"], []).append(row["cue"])
    return {k: tuple(v) for k, v in out.items()}


def lines_of(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def inline_zone(text: str, start: int, end: int, cues: dict[str, tuple[str, ...]]) -> Zone | None:
    """A paragraph whose sentence names problems and lists them on: 仍存在薄弱环节。一是…；二是…；三是…"""
    line = text[start:end]
    items = list(INLINE.finditer(line))
    ordered = in_sequence(items)
    if len(ordered) < 2 or len(ordered) != len(items):
        return None
    lead = line[: ordered[0].start("marker")]
    if not any(c in lead for c in cues["lead_in"]):
        return None
    bounds = [start + m.start("marker") for m in ordered] + [end]
    # the last item ends with its sentence: what follows (各地各部门务必…) is no part of it
    last_end = text.find("。", bounds[-2], end)
    bounds[-1] = last_end + 1 if last_end >= 0 else end
    spans = tuple((bounds[k], bounds[k + 1]) for k in range(len(ordered)))
    return Zone(spans[0][0], spans[-1][1], "problems", lead.strip(), spans)


@lru_cache(maxsize=1)
def counted_problems() -> re.Pattern[str]:
    """The end of a lead-in that counts the problems it goes on to list (暴露了四方面问题：)."""
    counted = [row["pattern"] for row in load_tsv("problem_list_tails.tsv") if not row["pattern"].startswith("等")]
    return re.compile("(?:" + "|".join(counted) + r")[：:]\s*$")


def counts_problems(line: str) -> bool:
    return counted_problems().search(line) is not None


SENTENCE_END = re.compile(r"[。！？!?]")


SHOWN_IN = re.compile(r"\s*(?:主要|具体|集中)?表现(?:在|为)")


def opening_sentences(line: str) -> str:
    """The sentence a line ends with, the one that opens what follows, with the sentence before it when it only
    says how that one shows (…还存在不少差距和不足。主要表现在3个方面：)."""
    ends = [0] + [m.end() for m in SENTENCE_END.finditer(line.rstrip())]
    ends = [e for e in ends if e < len(line.rstrip())]
    last = ends[-1]
    if SHOWN_IN.match(line, last) and len(ends) > 1:
        last = ends[-2]
    return line[last:]


def fallback_zones(doc: Document) -> list[Zone]:
    """Problem and achievement lists introduced by a lead-in line (…存在不少差距和不足。主要表现在：)."""
    text = doc.norm_text
    cues = problem_cues()
    lines = lines_of(text)
    zones: list[Zone] = []
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        inline = inline_zone(text, s, e, cues)
        if inline is not None:
            zones.append(inline)
            continue
        if not LEAD_IN_END.search(line) or ITEM_MARKER.match(line):
            continue
        lead = opening_sentences(line)  # 针对…暴露出的突出问题，提出了…措施。现将调查结果报告如下： announces no problems
        role = "problems" if names_problems(lead, cues["lead_in"]) or counts_problems(lead) else None
        if role is None and any(c in lead for c in cues.get("praise_lead_in", ())):
            role = "evaluation"
        if role is None:
            continue
        items = []
        for s2, e2 in lines[i + 1 :]:
            if not ITEM_MARKER.match(text[s2:e2]):
                break
            items.append((s2, e2))
        if items:
            zones.append(Zone(items[0][0], items[-1][1], role, line.strip(), tuple(items)))
    return zones


# 全面排查风险隐患和薄弱环节，…现将…通知如下：: what a check or a measure goes after, which it has not found
AIMED_AT = re.compile(r"(?:排查|查找|查改|整治|解决|消除|补齐|补强|防范|堵塞)[^，。；：]*$")


def names_problems(lead: str, lead_in: tuple[str, ...]) -> bool:
    """Whether a lead-in names problems with one of its cues, other than as what a check goes after."""
    for cue in lead_in:
        at = lead.find(cue)
        while at >= 0:
            if not AIMED_AT.search(lead, max(lead.rfind(ch, 0, at) for ch in "，。；：") + 1, at):
                return True
            at = lead.find(cue, at + 1)
    return False


@lru_cache(maxsize=1)
def sanction_words() -> tuple[str, ...]:
    return tuple(r["cue"] for r in load_tsv("stance_cues.tsv") if r["stance"] == "sanction")


def sanctions_in(text: str, start: int) -> bool:
    """Whether the clause from `start` announces a sanction (对…进行了约谈, 对…予以通报批评)."""
    stop = min((i for i in (text.find(ch, start) for ch in "。；\n") if i >= 0), default=len(text))
    return any(w in text[start:stop] for w in sanction_words())


SANCTION_VERBS = ("予以", "进行", "给予", "实施", "一并", "分别", "作出", "做出")  # characters: 暗访发现的问题 is a heading, a longer line is a sentence
