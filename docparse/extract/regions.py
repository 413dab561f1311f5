"""Region mentions (行政区划) and their stance: which provinces, prefectures and counties a document
criticizes (批评) or praises (表扬), resolved against the gazetteer in data/regions.tsv.

Matching is leftmost-longest over the written forms (红河哈尼族彝族自治州, 红河州, 襄樊市); bare short forms
(红河, 昆明) count only inside an enumeration (昆明、昭通、红河等6个州、市). A place that only locates an
enterprise, an accident, a cited document or the issuer itself gets no stance.
"""

from __future__ import annotations

from docparse.analyse.gazetteer import gazetteer
from docparse.analyse.places import Candidate, PlaceFacts
from docparse.analyse.stance import (
    StanceContext,
    own_tier,
    sanctioned_official,
    stance_context,
    stance_of_span,
    turned_against,
)
from docparse.model import Document, Region, RegionMention
from docparse.pipeline import stage


def official_penalty(doc: Document, ctx: StanceContext, c: Candidate) -> str | None:
    i = ctx.sentence_of(c.start)
    return sanctioned_official(doc.norm_text, c.end, ctx.sentence_starts[i], ctx.sentence_ends[i])


def overall(stances: list[str]) -> str:
    judged = set(stances) - {"neutral"}
    if len(judged) >= 2 or "mixed" in judged:
        return "mixed"
    return judged.pop() if judged else "neutral"


def mention_stance(
    doc: Document, ctx: StanceContext, c: Candidate, group_end: int, group_start: int
) -> tuple[str, str | None]:
    """A place's stance and its cue: a penalty on its officials (also at an accident's place, where they
    answer for it), else, for a subject, what the text says of it (mixed where praise turns to blame after
    但), and for the document's own region only a tier its own clause gives it; other roles are not judged."""
    penalty = official_penalty(doc, ctx, c) if c.role in ("subject", "accident") else None
    if penalty is not None:
        return "criticized", penalty
    if c.role == "issuer":  # the document's own region, named with a verdict others gave it (云南省政府考核为优秀)
        tier = own_tier(doc, ctx, c.start, c.end)
        return tier if tier is not None else ("neutral", None)
    if c.role == "subject":
        verdict = stance_of_span(doc, ctx, c.start, group_end, group_start)
        if verdict.stance == "praised":
            blame = turned_against(ctx, doc.norm_text, group_end, verdict.sentence_end)
            if blame is not None:
                return "mixed", f"{verdict.cue}…{blame}"
        return verdict.stance, verdict.cue
    return "neutral", None


def judging_context(doc: Document, places: PlaceFacts) -> StanceContext:
    """The stance context with the enumerations as the scopes of cues, and the names a sanction may fall on."""
    ctx = stance_context(doc)
    group_start: dict[int, int] = {}
    for c in places.mentions:
        group_start.setdefault(c.group, c.start)
    ctx.mention_spans = sorted((s, 0) for s in group_start.values())
    ctx.name_ends = frozenset(places.spans.ends) | {o.end for o in places.named}
    ctx.name_spans = sorted({(c.start, c.end) for c in places.mentions} | {(o.place_start, o.end) for o in places.named})
    return ctx


@stage(
    "regions",
    step="extract",
    assigns="extraction.regions",
    requires=("analysis.places", "analysis.stance"),
)
def regions(doc: Document) -> list[Region]:
    gaz = gazetteer()
    places: PlaceFacts = doc.analysis.places
    ctx = judging_context(doc, places)
    group_end = {c.group: c.end for c in places.mentions}
    group_start: dict[int, int] = {}
    for c in places.mentions:
        group_start.setdefault(c.group, c.start)
    by_unit: dict[str, Region] = {}
    for c in places.mentions:
        stance, cue = mention_stance(doc, ctx, c, group_end[c.group], group_start[c.group])
        span = doc.source_span(c.start, c.end)
        region = by_unit.get(c.key)
        if region is None:
            unit = gaz.units[c.key]
            parent = gaz.units.get(unit.parent) if unit.parent else None
            region = Region(unit.name, unit.full_name, unit.level, unit.adcode, parent.name if parent else None, "neutral")
            by_unit[c.key] = region
        region.mentions.append(RegionMention(doc.text_of(span), span, stance, cue))
    for region in by_unit.values():
        region.stance = overall([m.stance for m in region.mentions])
    return list(by_unit.values())
