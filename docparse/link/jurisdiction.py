"""The document's own jurisdiction: the place of the body that issued it (昆明市, 宣汉县; 全国 for a
national body), which tables and graphs need to tell one city's 市应急管理局 from another's."""

from __future__ import annotations

from docparse.model import Department, Document
from docparse.pipeline import stage

NATIONAL = "全国"


@stage("jurisdiction", step="link", assigns="jurisdiction",
       requires=("meta", "extraction.departments", "extraction.regions"))  # fmt: skip
def jurisdiction(doc: Document) -> str | None:
    """The issuer's place, else the place the issuer's name or the title starts with."""
    issuer = issuer_department(doc)
    if issuer is not None and issuer.level == "central":
        return NATIONAL
    if issuer is not None and issuer.jurisdiction:
        return issuer.jurisdiction
    for written in (doc.meta.issuer, doc.meta.title):
        if written is not None:
            value = str(written.value)
            place = next((r.name for r in doc.extraction.regions if value.startswith((r.full_name, r.name))), None)
            if place:
                return place
    return None


def issuer_department(doc: Document) -> Department | None:
    """The department named where the metadata found the issuer (发文机关), if the departments stage saw it."""
    issuer = doc.meta.issuer
    if issuer is None:
        return None
    inside = [
        (m.span.start, d)
        for d in doc.extraction.departments
        for m in d.mentions
        if issuer.span.start <= m.span.start and m.span.end <= issuer.span.end
    ]
    if inside:
        return min(inside, key=lambda pair: pair[0])[1]
    value = str(issuer.value)
    return next((d for d in doc.extraction.departments if d.full_name and value.startswith(d.full_name)), None)
