"""Which plan of a copied pair is the source: an explicit citation, the hierarchy, or the dates.

The hierarchy is read from the issuer (发文机关), else the title: the first place it names, looked up
in the region gazetteer for its level and its ancestors, so a county-level city (兴仁市) is a county
and a 国务院 or 国家 body is national. A higher level is the source only of places under it (or of
any place, when it is national): a province's plan is no source of another province's counties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docparse.analyse.gazetteer import gazetteer
from docparse.copycheck.check import PreparedText
from docparse.copycheck.report import DocumentInfo

LEVEL_RANK = {"national": 0, "province": 1, "prefecture": 2, "county": 3, "township": 4}
NATIONAL = re.compile(r"^(?:国务院|国家|全国|中共中央|中央|中华人民共和国|应急管理部|公安部|住房和城乡建设部|交通运输部)")
PLACE_WINDOW = 24  # the place of an issuer or title stands near its start (after page chrome, 关于印发)
# 省安委会, 自治区人民政府: a body that names its level and not its place
LEVEL_ONLY = re.compile(r"^(?:(省|自治区)|(市|州|盟)|(县|区|旗))(?=安全生产|安委|人民政府|政府|应急|委员会|办公)")
CITATION = re.compile(r"《([^《》]{4,80})》")
CITED = re.compile(r"《[^《》]*(?:》|$)")  # a title the opening cites (根据《山东省…纲要》) is another document's


@dataclass(frozen=True, slots=True)
class Place:
    """Where a plan was issued: its level rank (0 national … 4 township) and the gazetteer units its name
    may stand for (one, or several for a name such as 长安区 that several places bear; none when only the
    level is written: 省安委会)."""

    rank: int
    units: tuple[str, ...] = ()

    def is_above(self, other: Place) -> bool:
        """Whether this place is higher and `other` lies under it (anything lies under the nation). A place
        whose name several units bear is under a higher one when one of them is."""
        if self.rank >= other.rank:
            return False
        if self.rank == 0 or not self.units or not other.units:
            return True
        return any(unit in gazetteer().ancestors(under) for unit in self.units for under in other.units)


@dataclass(frozen=True, slots=True)
class Direction:
    """`source` is 0 when the first plan of the pair is the source, 1 for the second, None if unknown."""

    source: int | None
    evidence: str | None  # citation, hierarchy, date
    detail: str | None


def issuing_place(text: PreparedText) -> Place | None:
    """The place of the plan's issuer, else of its title, else of the text's opening words, cited titles
    left out (where the issuer and title were not read, the opening is their line); None where none
    names one."""
    return place_of(text.info, opening_words(text.doc.norm_text[: 4 * PLACE_WINDOW]))


@lru_cache(maxsize=65536)
def opening_words(head: str) -> str:
    """The first words of a text where a place may be read: cited titles left out."""
    return CITED.sub("", head)[:PLACE_WINDOW]


@lru_cache(maxsize=65536)
def place_of(info: DocumentInfo, opening: str = "") -> Place | None:
    """`issuing_place` of a plan's description, worked out once per plan however many pairs it is in.

    A place named anywhere of the three comes before a level written alone: 自治区安全生产委员会 issues
    《宁夏回族自治区安全生产“十四五”规划》, which says which 自治区."""
    heads = [h for h in ((w or "").strip().lstrip("《")[:PLACE_WINDOW] for w in (info.issuer, info.title, opening)) if h]
    for head in heads:
        if NATIONAL.match(head):
            return Place(0)
        place = innermost_place(head)
        if place is not None:
            return place
    for head in heads:
        level_only = LEVEL_ONLY.match(head)
        if level_only:
            return Place(level_only.lastindex)
    return None


def innermost_place(head: str) -> Place | None:
    """The last of the first run of places written together (重庆市武隆区 is 武隆区, a county)."""
    found = gazetteer().trusted.longest(head)
    if not found:
        return None
    run = [found[0]]
    for match in found[1:]:
        if match[0] != run[-1][1]:
            break
        run.append(match)
    keys = run[-1][2][1]
    unit = gazetteer().units[keys[0]]
    return Place(LEVEL_RANK[unit.level], tuple(k for k in keys if gazetteer().units[k].level == unit.level))


def cites(citing: PreparedText, cited: PreparedText) -> bool:
    """Whether `citing` names `cited`'s title in 《…》 (根据《昆明市…方案》)."""
    title = (cited.info.title or "").strip("《》 ")
    if len(title) < 4 or title == (citing.info.title or "").strip("《》 "):
        return False
    return any(m.group(1).strip() == title for m in CITATION.finditer(citing.doc.norm_text))


def copy_direction(a: PreparedText, b: PreparedText) -> Direction:
    """Direction of copying between two plans, where it can be known."""
    if cites(a, b) and not cites(b, a):
        return Direction(1, "citation", f"《{b.info.title}》 cited by the other plan")
    if cites(b, a) and not cites(a, b):
        return Direction(0, "citation", f"《{a.info.title}》 cited by the other plan")
    pa, pb = issuing_place(a), issuing_place(b)
    if pa is not None and pb is not None and (pa.is_above(pb) or pb.is_above(pa)):
        return Direction(0 if pa.is_above(pb) else 1, "hierarchy", "the higher-level jurisdiction's plan is the source")
    da, db = a.info.date, b.info.date
    if da and db and da != db:
        return Direction(0 if da < db else 1, "date", f"issued {min(da, db)}, before {max(da, db)}")
    return Direction(None, None, None)


def in_different_lines(a: PreparedText, b: PreparedText) -> bool:
    """Whether neither plan's place lies under the other's (two counties; a county and another province's
    city): neither is the other's source, so text they share came from a plan above both."""
    pa, pb = issuing_place(a), issuing_place(b)
    if pa is None or pb is None or pa.is_above(pb) or pb.is_above(pa):
        return False
    return not pa.units or not pb.units or not set(pa.units) & set(pb.units)
