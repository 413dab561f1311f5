"""Which plan of a copied pair is the source: an explicit citation, the hierarchy, or the dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docparse.copycheck.check import PreparedText

# Rank of the jurisdiction that issues a plan: 省 above 市/州 above 县/区 above 乡/镇.
LEVEL_RANK = {"省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "地区": 2, "县": 3, "区": 3, "旗": 3, "乡": 4, "镇": 4}
TITLE_JURISDICTION = re.compile(r"^[\u4e00-\u9fff]{2,8}?(自治区|地区|省|市|州|盟|县|区|旗|乡|镇)")
CITATION = re.compile(r"《([^《》]{4,80})》")


@dataclass(frozen=True, slots=True)
class Direction:
    """`source` is 0 when the first plan of the pair is the source, 1 for the second, None if unknown."""

    source: int | None
    evidence: str | None  # citation, hierarchy, date
    detail: str | None


def jurisdiction_rank(text: PreparedText) -> int | None:
    """Rank of the jurisdiction named at the start of the title (1 province … 4 township)."""
    title = (text.info.title or "").strip()
    m = TITLE_JURISDICTION.match(title)
    return LEVEL_RANK.get(m.group(1)) if m else None


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
    ra, rb = jurisdiction_rank(a), jurisdiction_rank(b)
    if ra is not None and rb is not None and ra != rb:
        return Direction(0 if ra < rb else 1, "hierarchy", "the higher-level jurisdiction's plan is the source")
    da, db = a.info.date, b.info.date
    if da and db and da != db:
        return Direction(0 if da < db else 1, "date", f"issued {min(da, db)}, before {max(da, db)}")
    return Direction(None, None, None)
