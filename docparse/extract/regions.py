"""Region mentions (行政区划) and their stance: which provinces, prefectures and counties a document
criticizes (批评) or praises (表扬), resolved against the gazetteer in data/regions.tsv.

Matching is leftmost-longest over the written forms (红河哈尼族彝族自治州, 红河州, 襄樊市); bare short forms
(红河, 昆明) count only inside an enumeration (昆明、昭通、红河等6个州、市). A place that only locates an
enterprise, an accident, a cited document or the issuer itself gets no stance.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from docparse.extract.criticized import Places, find_organizations
from docparse.extract.problems import fallback_zones
from docparse.model import Document, Region, RegionMention
from docparse.pipeline import stage
from docparse.resources import load_tsv

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3}
# What may stand between two members of one enumeration.
LIST_SEPARATORS = {"", "、", "和", "及", "与", "以及", "或", "，"}
# After an enumeration of bare names: 等6个州、市 / 等地 / 两州 / 州、市.
ENUM_TAIL = re.compile(
    r"^(?:等|[两三四五六七八九十\d]+个?)?(?:[\d一二三四五六七八九十]+个)?(?:自治)?(?P<level>州|市|县|区|省|地|盟|旗)"
)
# The level an enumeration's tail names (等5个自治州 -> prefecture); 市 and 区 name more than one.
TAIL_LEVEL = {"州": "prefecture", "盟": "prefecture", "地": "prefecture", "县": "county", "旗": "county", "省": "province"}
# after a place: a cited document (《…》), or the author of a decision or instruction (自治区和南宁市关于…的决策部署)
CITATION_AFTER = re.compile(r"^(?:《|(?:(?:人民政府|政府|党委|委员会)[\u4e00-\u9fff]{0,8})?关于)")
# 除郑州、焦作…外，其他地区…未发生…: the places excepted from what the sentence says of the rest
EXCEPTED = re.compile(r"除[^，。；除外]{0,60}外")
DIRECTIVE_SUBJECT = r"^(?:人民政府|政府|党委|党委政府|安委会|安委办|各级|各有关部门|有关部门|和有关部门)?"
CLAUSE_END = "，。；！？\n"
NAME_BOUNDARY = set("，。；：！？、（）“”《》 \n和及与对在由")
SENTENCE_END = "。；！？\n"
SECTION_PRIOR = {"problems": "criticized", "evaluation": "praised"}
EVALUATIVE_ROLES = {"problems", "evaluation", None, "other"}
DIRECTIVE_ROLES = {"measures", "tasks", "phases", "organization"}
WEIGHT = {"strong": 2, "weak": 1}
TITLE_WINDOW = 120
SHORT_HEADING = 12
SANCTION_VERBS = ("予以", "进行", "给予", "实施", "一并", "分别")  # characters: 暗访发现的问题 is a heading, a longer line is a sentence
# 存在, 所在, 正在…: 在 as part of a word, not the locative preposition.
LOCATIVE_NOT_AFTER = set("存所正现实旨内外")
# Short forms that end in one of these keep their level suffix (达旗, 东乌旗) and are trusted like names.
ABBREVIATION_SUFFIXES = ("旗",)  # how far to look for the 《》 or the clause around a mention


# --- gazetteer ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # adcode, or parent:name for townships (the source gives them no code)
    adcode: str | None
    name: str
    full_name: str
    level: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    units: dict[str, Unit]
    trusted: ahocorasick.Automaton  # names, suffixed aliases, earlier names
    bare: ahocorasick.Automaton  # bare short forms, trusted in enumerations only
    needs_parent: frozenset[str]

    def ancestors(self, key: str) -> list[str]:
        out = []
        parent = self.units[key].parent
        while parent and parent in self.units and parent not in out:
            out.append(parent)
            parent = self.units[parent].parent
        return out


def _add(table: dict[str, list[str]], form: str, key: str) -> None:
    if form and key not in table.setdefault(form, []):
        table[form].append(key)


def _automaton(table: dict[str, list[str]]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for form, keys in table.items():
        auto.add_word(form, (form, tuple(keys)))
    auto.make_automaton()
    return auto


def is_suffixed_abbreviation(short: str) -> bool:
    """科右前旗 for 科尔沁右翼前旗: a short form that still ends in 旗 names the banner outright."""
    return len(short) >= 2 and short.endswith(ABBREVIATION_SUFFIXES)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    units: dict[str, Unit] = {}
    trusted: dict[str, list[str]] = {}
    bare: dict[str, list[str]] = {}
    for row in load_tsv("regions.tsv"):
        parent = row["parent_adcode"] or None
        key = row["adcode"] or f"{parent}:{row['name']}"
        units[key] = Unit(key, row["adcode"] or None, row["name"], row["full_name"], row["level"], parent)
        _add(trusted, row["name"], key)
        _add(trusted, row["full_name"], key)
        for alias in filter(None, row["aliases"].split("|")):
            _add(trusted, alias, key)
        for former in filter(None, row["former"].split("|")):
            _add(trusted, former.split("@")[0], key)
        # 达旗, 科右前旗, 阿左旗: a banner's abbreviation keeps the suffix 旗 and is as safe as a name
        _add(trusted if is_suffixed_abbreviation(row["short"]) else bare, row["short"], key)
    for row in load_tsv("region_aliases.tsv"):
        if row["adcode"] in units:
            _add(bare if row["kind"] == "bare" else trusted, row["form"], row["adcode"])
    # 巴州 is 巴音郭楞's abbreviation and 巴州区's bare short form: the context decides between them
    for form in trusted.keys() & bare.keys():
        for key in bare[form]:
            _add(trusted, form, key)
    guards = load_tsv("region_guards.tsv")
    needs_parent = frozenset(r["word"] for r in guards if r["kind"] == "needs_parent")
    return Gazetteer(units, _automaton(trusted), _automaton(bare), needs_parent)


@lru_cache(maxsize=1)
def guard_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in load_tsv("region_guards.tsv"):
        out.setdefault(row["kind"], []).append(row["word"])
    return {k: tuple(v) for k, v in out.items()}


# --- candidate mentions ---------------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    start: int  # normalized offsets
    end: int
    keys: tuple[str, ...]  # units this form may name
    bare: bool
    key: str | None = None  # the unit chosen
    role: str = "subject"  # subject, qualifier (普洱市 in 普洱市澜沧县), enterprise, accident, citation, issuer, locative
    group: int = 0  # enumeration this mention belongs to


def raw_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Trusted matches, then bare short forms where no trusted match overlaps them."""
    found = [Candidate(e + 1 - len(f), e + 1, keys, False) for e, (f, keys) in gaz.trusted.iter_long(text)]
    taken = bytearray(len(text) + 1)
    for c in found:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for e, (form, keys) in gaz.bare.iter_long(text):
        s = e + 1 - len(form)
        if not any(taken[s : e + 1]):
            found.append(Candidate(s, e + 1, keys, True))
    found.sort(key=lambda c: c.start)
    return found


def group_enumerations(text: str, cands: list[Candidate]) -> list[list[Candidate]]:
    """Runs of mentions joined by 、/和/及/与 or written together (普洱市澜沧县)."""
    groups: list[list[Candidate]] = []
    for c in cands:
        if groups and text[groups[-1][-1].end : c.start] in LIST_SEPARATORS - {"，"}:
            groups[-1].append(c)
        else:
            groups.append([c])
    for i, g in enumerate(groups):
        for c in g:
            c.group = i
    return groups


def linked(text: str, c: Candidate) -> bool:
    """A bare form must be followed by a list separator or an enumeration's tail (昆明和…, 红河等…)."""
    after = text[c.end : c.end + 8]
    return after[:1] in ("、", "和", "及", "与") or ENUM_TAIL.match(after) is not None


def keep_bare(text: str, group: list[Candidate]) -> list[Candidate]:
    """Bare short forms survive in a list with a full name, or a list of two or more closed by 等…州、市."""
    if all(not c.bare for c in group):
        return group
    group = [c for c in group if not c.bare or linked(text, c)]
    if not group:
        return group
    has_full = any(not c.bare for c in group)
    closed = ENUM_TAIL.match(text[group[-1].end : group[-1].end + 8]) is not None
    bare_count = sum(c.bare for c in group)
    if has_full or (closed and (bare_count >= 2 or text[group[-1].end : group[-1].end + 1] == "等")):
        return group
    return [c for c in group if not c.bare]


def drop_unsupported(text: str, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Townships and listed generic names (城区, 和县) need their parent written right before them; other
    two-character names (成县, 荣县) need it too unless they start after a boundary (完成县级 is no 成县)."""
    out: list[Candidate] = []
    for c in cands:
        form = text[c.start : c.end]
        prev = out[-1] if out and out[-1].end == c.start else None
        needs_parent = form in gaz.needs_parent or all(gaz.units[k].level == "township" for k in c.keys)
        if len(form) == 2 and not c.bare and c.start > 0 and text[c.start - 1] not in NAME_BOUNDARY:
            needs_parent = True
        if needs_parent:
            parents = {gaz.units[k].parent for k in c.keys}
            if prev is None or not parents & set(prev.keys):
                continue
            c.keys = tuple(k for k in c.keys if gaz.units[k].parent in prev.keys)
        out.append(c)
    return out


def find_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    cands = drop_unsupported(text, gaz, raw_candidates(text, gaz))
    kept: list[Candidate] = []
    for g in group_enumerations(text, cands):
        kept.extend(keep_bare(text, g))
    group_enumerations(text, kept)
    return kept


# --- resolving ambiguous names --------------------------------------------------------------------


def context_counts(gaz: Gazetteer, cands: list[Candidate], issuer_keys: list[str]) -> Counter[str]:
    """How strongly the document points at each unit: its issuer, and the unambiguous mentions."""
    counts: Counter[str] = Counter()
    for key in issuer_keys:
        for k in [key, *gaz.ancestors(key)]:
            counts[k] += 5
    for c in cands:
        if len(c.keys) == 1:
            for k in [c.keys[0], *gaz.ancestors(c.keys[0])]:
                counts[k] += 1
    return counts


def link_chains(text: str, gaz: Gazetteer, cands: list[Candidate]) -> None:
    """普洱市澜沧县: a mention written right after its ancestor is resolved under it."""
    for a, b in zip(cands, cands[1:]):
        if a.end != b.start:
            continue
        under = [k for k in b.keys if set(gaz.ancestors(k)) & set(a.keys)]
        if under:
            b.keys = tuple(under)
            anc = set().union(*(gaz.ancestors(k) for k in under))
            a.keys = tuple(k for k in a.keys if k in anc) or a.keys
            a.role = "qualifier"


def choose(gaz: Gazetteer, c: Candidate, counts: Counter[str], sibling_levels: Counter[str]) -> str:
    def score(key: str) -> tuple:
        unit = gaz.units[key]
        ctx = sum(counts[a] for a in gaz.ancestors(key)) + counts[key]
        return (ctx, sibling_levels[unit.level], -LEVEL_RANK[unit.level])

    return max(c.keys, key=score)


def tail_level(text: str, group: list[Candidate]) -> str | None:
    """The level an enumeration closes with: 海西、海南、黄南等5个自治州 -> prefecture."""
    m = ENUM_TAIL.match(text, group[-1].end, group[-1].end + 8)
    return TAIL_LEVEL.get(m.group("level")) if m else None


def resolve(text: str, gaz: Gazetteer, cands: list[Candidate], issuer_keys: list[str]) -> None:
    link_chains(text, gaz, cands)
    counts = context_counts(gaz, cands, issuer_keys)
    by_group: dict[int, list[Candidate]] = {}
    for c in cands:
        by_group.setdefault(c.group, []).append(c)
    for group in by_group.values():
        level = tail_level(text, group)
        for c in group:
            fitting = tuple(k for k in c.keys if gaz.units[k].level == level)
            if c.bare and fitting:
                c.keys = fitting
    for c in cands:
        levels = Counter(gaz.units[o.keys[0]].level for o in by_group[c.group] if o is not c and len(o.keys) == 1)
        c.key = c.keys[0] if len(c.keys) == 1 else choose(gaz, c, counts, levels)


def home_units(doc: Document, gaz: Gazetteer, cands: list[Candidate]) -> list[str]:
    """The document's own region: its issuer's (云南省安全生产委员会办公室 -> 云南省, with ancestors), or,
    with no issuer, the province it names most (a 访谈 of 云南省 officials)."""
    keys = issuer_units(doc, gaz)
    if keys:
        return keys
    provinces = Counter(c.keys[0] for c in cands if len(c.keys) == 1 and gaz.units[c.keys[0]].level == "province")
    return [provinces.most_common(1)[0][0]] if provinces else []


def issuer_units(doc: Document, gaz: Gazetteer) -> list[str]:
    if doc.meta.issuer is None or not isinstance(doc.meta.issuer.value, str):
        return []
    text = doc.meta.issuer.value
    cands = drop_unsupported(text, gaz, [c for c in raw_candidates(text, gaz) if not c.bare])
    link_chains(text, gaz, cands)
    keys = [c.keys[0] for c in cands if c.role != "qualifier"][:1]
    return [k for key in keys for k in [key, *gaz.ancestors(key)]]


# --- stance ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    stance: str  # criticized, praised
    weight: int


@dataclass(frozen=True, slots=True)
class CueTable:
    automaton: ahocorasick.Automaton
    negators: tuple[str, ...]
    directive: re.Pattern[str]
    sanctions: tuple[str, ...]  # penalties on whoever 对 names (予以通报批评, 约谈)


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    auto = ahocorasick.Automaton()
    negators, directives, sanctions = [], [], []
    for row in load_tsv("stance_cues.tsv"):
        if row["stance"] == "negate":
            negators.append(row["cue"])
        elif row["stance"] == "directive":
            directives.append(row["cue"])
        elif row["stance"] == "sanction":
            sanctions.append(row["cue"])
        else:
            auto.add_word(row["cue"], (row["cue"], row["stance"], WEIGHT[row["weight"]]))
    auto.make_automaton()
    alt = "|".join(sorted(map(re.escape, directives), key=len, reverse=True))
    return CueTable(auto, tuple(negators), re.compile(DIRECTIVE_SUBJECT + f"(?:{alt})"), tuple(sanctions))


def find_cues(text: str, keep_none: bool = False) -> list[Cue]:
    """Stance cues, leftmost-longest; a praised cue right after a negator (不积极) counts as criticism.

    Words listed as `none` (泄漏报警) take part in the longest match only to hide the cue inside them;
    `keep_none` returns them too, for a caller that must know what they hide."""
    table = cue_table()
    cues = []
    for e, (word, stance, weight) in table.automaton.iter_long(text):
        if stance == "none" and not keep_none:
            continue
        s = e + 1 - len(word)
        if stance == "praised" and any(text[max(0, s - len(n)) : s] == n for n in table.negators):
            stance, weight = "criticized", max(weight, 1)
        cues.append(Cue(s, e + 1, word, stance, weight))
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
    sentence_tiers: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # sentence -> its tiers, once

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


def sentence_table(doc: Document) -> tuple[list[int], list[int], list[tuple[str | None, str | None]]]:
    """Sentence bounds and roles; text with no outline falls back to lead-in zones (存在问题…：)."""
    if doc.sentences:
        bounds = [(s.norm_start, s.norm_end, s.section) for s in doc.sentences]
    else:
        bounds = [(m.start(), m.end(), None) for m in re.finditer(r"[^。；！？\n]+[。；！？]*", doc.norm_text)]
    zones = fallback_zones(doc)
    starts, ends, roles = [], [], []
    for s, e, sec in bounds:
        starts.append(s)
        ends.append(e)
        role = section_role(doc, sec) if doc.sections else (None, None)
        if role[0] is None:
            role = next(((z.role, z.heading) for z in zones if z.start <= s < z.end), (None, None))
        roles.append(role)
    return starts, ends, roles


def stance_context(doc: Document) -> StanceContext:
    cues = find_cues(doc.norm_text)
    starts, ends, roles = sentence_table(doc)
    ctx = StanceContext(cues, [c.start for c in cues], starts, ends, roles)
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

    The name must stand between 对 and the penalty in one clause, and the penalty must follow a name (the
    last of those it falls on); 由吉安市应急管理局…挂牌督办 (who imposes it), 对整改不力的地方予以通报批评
    (nobody named) and 对省安委会交办的问题隐患…挂牌督办 (a name qualifying something else) give none."""
    clause_start = max(s_start, max(text.rfind(ch, s_start, start) for ch in CLAUSE_END) + 1)
    ends = [i for i in (text.find(ch, end, s_end) for ch in CLAUSE_END) if i >= 0]
    clause_end = min(ends) if ends else s_end
    if "对" not in text[clause_start:start]:
        return None
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
    return None


@dataclass(frozen=True, slots=True)
class TierTable:
    in_text: re.Pattern[str]  # a tier word used as one in a sentence: after a marker, or before 等次-like words
    in_heading: re.Pattern[str]  # the same in a heading, where 先进单位 and 优秀组织单位 are tiers too
    stance: dict[str, str]


def tier_pattern(words: list[str], markers: list[str], suffixes: list[str]) -> re.Pattern[str]:
    def alt(items: list[str]) -> str:
        return "|".join(map(re.escape, sorted(items, key=len, reverse=True)))

    return re.compile(rf"(?:{alt(markers)})[“\"「]?(?P<a>{alt(words)})|(?P<b>{alt(words)})[”\"」]?(?:{alt(suffixes)})")


@lru_cache(maxsize=1)
def tier_table() -> TierTable:
    rows = load_tsv("tiers.tsv")
    kinds: dict[str, list[str]] = {}
    for r in rows:
        kinds.setdefault(r["kind"], []).append(r["word"])
    words, markers, suffixes = kinds["tier"], kinds["marker"], kinds["suffix"]
    # 不合格单位为：张家口市政府, 先进集体有：…: a heading word that a list follows is a tier in a sentence too
    introduced = [h + f for h in kinds["heading_suffix"] for f in ("为", "是", "有", "包括", "：")]
    return TierTable(
        tier_pattern(words, markers, suffixes + introduced),
        tier_pattern(words, markers, suffixes + kinds["heading_suffix"]),
        {r["word"]: r["stance"] for r in rows if r["kind"] == "tier"},
    )


def tiers_in(text: str, s_start: int, s_end: int) -> list[tuple[int, str]]:
    """(offset, tier word) of every tier given in the sentence `[s_start, s_end)`."""
    return [(m.start(), m.group("a") or m.group("b")) for m in tier_table().in_text.finditer(text, s_start, s_end)]


def tier_given(found: list[tuple[int, str]], start: int, end: int) -> tuple[str, str] | None:
    """(stance, tier word) of the tier a results sentence (its tiers `found`) gives the region at
    `[start, end)`: the first tier after it, else the last one before it (考核等次为“优秀”的地市包括：深圳、广州)."""
    after = [f for f in found if f[0] >= end]
    before = [f for f in found if f[0] < start]
    chosen = after[0] if after else before[-1] if before else None
    return (tier_table().stance[chosen[1]], chosen[1]) if chosen else None


def tier_heading(heading: str | None) -> tuple[str, str] | None:
    """(stance, tier word) of a section headed by a tier (一、先进单位, 二、优秀组织单位)."""
    if not heading or len(heading) > 20:
        return None
    m = tier_table().in_heading.search(heading)
    if not m:
        return None
    word = m.group("a") or m.group("b")
    return tier_table().stance[word], word


@lru_cache(maxsize=1)
def official_sanctions() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """(an office written right after a region's name, the penalties) of official_sanctions.tsv."""
    rows = load_tsv("official_sanctions.tsv")
    titles = sorted((r["word"] for r in rows if r["kind"] == "title"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, titles)) + ")"), tuple(r["word"] for r in rows if r["kind"] == "sanction")


def sanctioned_official(text: str, end: int, s_start: int, s_end: int) -> str | None:
    """The penalty of an official of the region that ends at `end`, named with its office in a sentence that
    sanctions (三都镇镇长…被免职; 免去照金镇镇党委副书记…的职务): the region answers for it."""
    titles, penalties = official_sanctions()
    if not (titles.match(text, end) or titles.match(text, end - 1)):  # 三都镇长: the office shares the 镇
        return None
    sentence = text[s_start:s_end]
    return next((p for p in penalties if p in sentence), None)


def official_penalty(doc: Document, ctx: StanceContext, c: Candidate) -> str | None:
    i = ctx.sentence_of(c.start)
    return sanctioned_official(doc.norm_text, c.end, ctx.sentence_starts[i], ctx.sentence_ends[i])


def stance_of_span(doc: Document, ctx: StanceContext, start: int, end: int) -> Verdict:
    """Stance of whatever is named at `[start, end)`: its own clause's cues first, then its section's role.

    Instructions (红河州要…, a 下步工作 section) judge nobody, except a penalty announced on a name."""
    text = doc.norm_text
    i = ctx.sentence_of(start)
    s_start, s_end = ctx.sentence_starts[i], ctx.sentence_ends[i]
    role, heading = ctx.sentence_roles[i]
    if cue_table().directive.match(text, end) or role in DIRECTIVE_ROLES:
        sanction = sanction_on(ctx, text, start, end, s_start, s_end)
        if sanction is not None:
            return Verdict("criticized", sanction, s_end)
        return Verdict("neutral", None, s_end)
    if i not in ctx.sentence_tiers:  # a results list names many regions in one sentence: find its tiers once
        ctx.sentence_tiers[i] = tiers_in(text, s_start, s_end)
    tier = tier_given(ctx.sentence_tiers[i], start, end) or tier_heading(heading)
    if tier is not None:  # a results list: the tier it is given is its stance, middle tiers none
        return Verdict(tier[0], tier[1], s_end)
    evaluative = role in EVALUATIVE_ROLES
    forward = cues_between(ctx, end, next_group_start(ctx, end, s_end), evaluative)
    found = verdict_from(forward)
    if found is None:
        clause_start = max(text.rfind(ch, s_start, start) for ch in CLAUSE_END) + 1
        found = verdict_from(cues_between(ctx, max(clause_start, s_start), start, evaluative))
    if found is None and role in SECTION_PRIOR:
        found = (SECTION_PRIOR[role], heading)
    if found is None:
        return Verdict("neutral", None, s_end)
    return Verdict(found[0], found[1], s_end)


# --- guards: places that are not judged -----------------------------------------------------------


def in_citation(text: str, start: int, end: int) -> bool:
    """Inside 《…》, or the issuer of a cited document (陕西省《实施细则》, 云南省人民政府办公厅关于…)."""
    opened = text.rfind("《", max(0, start - TITLE_WINDOW), start)
    if opened >= 0 and text.rfind("》", opened, start) < 0:
        close = text.find("》", end, end + TITLE_WINDOW)
        line_end = text.find("\n", end, end + TITLE_WINDOW)
        if close >= 0 and (line_end < 0 or close < line_end):
            return True
    return CITATION_AFTER.match(text[end : end + 16]) is not None


ACCIDENT_COUNT = re.compile(r"\d+起|[一二两三四五六七八九十百]+起")


def is_accident_site(text: str, start: int, end: int) -> bool:
    """临沧市凤庆县在建安石隧道“11·26”涌水突泥事故: the clause reports an accident at the place."""
    words = guard_words()
    lo, hi = max(0, start - TITLE_WINDOW), min(len(text), end + TITLE_WINDOW)
    clause_start = max(max(text.rfind(ch, lo, start) for ch in CLAUSE_END) + 1, lo)
    ends = [i for i in (text.find(ch, end, hi) for ch in CLAUSE_END) if i >= 0]
    after = text[end : min(ends) if ends else hi]
    before = text[clause_start:start]
    for head in words["accident_head"]:
        pos = after.find(head)
        while pos >= 0:
            tail = after[pos + len(head) : pos + len(head) + 2]
            counted = ACCIDENT_COUNT.match(after, pos + len(head)) is not None  # 发生事故19起: a tally, not a site
            elsewhere = any(w in after[:pos] for w in words.get("accident_elsewhere", ()))
            if not counted and not elsewhere and not any(tail.startswith(n) for n in words["accident_not"]):
                if any(v in before or v in after for v in words["accident_verb"]) or "·" in after[:pos]:
                    return True
            pos = after.find(head, pos + 1)
    return False


def is_locative(text: str, start: int) -> bool:
    """华厦公司在谷城县承建的项目: after 在, with a subject earlier in its clause, the place only says where."""
    if start < 2 or text[start - 1] != "在" or text[start - 2] in LOCATIVE_NOT_AFTER:
        return False
    clause_start = max(text.rfind(ch, 0, start) for ch in CLAUSE_END) + 1
    subject = text[clause_start : start - 1].strip()
    return len(subject) >= 2


def is_excepted(text: str, start: int) -> bool:
    """Inside 除…外: what the sentence says is said of the others, not of these."""
    opened = text.rfind("除", max(0, start - 60), start)
    return opened >= 0 and (m := EXCEPTED.match(text, opened)) is not None and m.end() > start


def is_inspected(text: str, start: int) -> bool:
    """此次督查共检查了6个市（广州、深圳…）, 督导组先后在北京、天津…: the places an inspection visited, its
    scope; what it found there is said of them in later clauses, which judge them on their own."""
    lo = max(0, start - TITLE_WINDOW)
    opened = text.rfind("（", lo, start)
    if opened >= 0 and text.rfind("）", opened, start) < 0:
        start = opened  # a list in brackets elaborates the clause before it: 检查了6个市（广州、深圳…，深圳市光明新区…）
    clause_start = max(text.rfind(ch, lo, start) for ch in "，。；：\n") + 1
    before = text[clause_start:start]
    return any(w in before for w in guard_words()["inspected"])


def mark_guards(doc: Document, gaz: Gazetteer, cands: list[Candidate], issuer_keys: list[str]) -> None:
    text = doc.norm_text
    places = Places.from_spans({c.start: c.end for c in cands})
    orgs = [o for o in find_organizations(text, places) if o.kind == "enterprise"]
    org_starts = [o.place_start for o in orgs]
    issuer = set(issuer_keys)
    for c in cands:
        i = bisect_right(org_starts, c.start) - 1
        if c.key in issuer:
            c.role = "issuer"
        elif i >= 0 and c.start < orgs[i].end:
            c.role = "enterprise"  # 陆良县 in 曲靖市陆良县青山客运有限责任公司: where the company is
        elif in_citation(text, c.start, c.end):
            c.role = "citation"
        elif is_accident_site(text, c.start, c.end):
            c.role = "accident"
        elif is_locative(text, c.start):
            c.role = "locative"
        elif is_inspected(text, c.start):
            c.role = "inspected"
        elif is_excepted(text, c.start):
            c.role = "excepted"


# --- the stage ------------------------------------------------------------------------------------


def region_mentions(doc: Document) -> list[Candidate]:
    """Resolved mentions with their roles, in text order."""
    gaz = gazetteer()
    cands = find_candidates(doc.norm_text, gaz)
    issuer_keys = home_units(doc, gaz, cands)
    resolve(doc.norm_text, gaz, cands, issuer_keys)
    mark_guards(doc, gaz, cands, issuer_keys)
    return cands


def overall(stances: list[str]) -> str:
    judged = set(stances) - {"neutral"}
    if len(judged) == 2:
        return "mixed"
    return judged.pop() if judged else "neutral"


@stage(
    "regions",
    step="extract",
    assigns="extraction.regions",
    requires=("sentences", "extraction.departments"),
)
def regions(doc: Document) -> list[Region]:
    gaz = gazetteer()
    cands = region_mentions(doc)
    ctx = stance_context(doc)
    group_start: dict[int, int] = {}
    group_end: dict[int, int] = {}
    for c in cands:
        group_start.setdefault(c.group, c.start)
        group_end[c.group] = c.end
    ctx.mention_spans = sorted((s, 0) for s in group_start.values())
    places = Places.from_spans({c.start: c.end for c in cands})
    ctx.name_ends = frozenset(places.ends) | {o.end for o in find_organizations(doc.norm_text, places)}
    by_unit: dict[str, Region] = {}
    for c in cands:
        penalty = official_penalty(doc, ctx, c) if c.role in ("subject", "accident") else None
        if penalty is not None:  # the place of an accident too, where its officials answer for it
            stance, cue = "criticized", penalty
        elif c.role == "subject":
            verdict = stance_of_span(doc, ctx, c.start, group_end[c.group])
            stance, cue = verdict.stance, verdict.cue
        else:
            stance, cue = "neutral", None
        span = doc.source_span(c.start, c.end)
        unit = gaz.units[c.key]
        region = by_unit.get(c.key)
        if region is None:
            parent = gaz.units.get(unit.parent) if unit.parent else None
            parent_name = parent.name if parent else None
            region = Region(unit.name, unit.full_name, unit.level, unit.adcode, parent_name, "neutral")
            by_unit[c.key] = region
        region.mentions.append(RegionMention(doc.text_of(span), span, stance, cue))
    for region in by_unit.values():
        region.stance = overall([m.stance for m in region.mentions])
    return list(by_unit.values())
