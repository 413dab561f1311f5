"""Checking one plan against references: prepare (mask, shingle), align, discount boilerplate, score."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

import numpy as np

from docparse.copycheck.align import AlignSettings, Alignment, align
from docparse.copycheck.boilerplate import (
    BoilerplateSet,
    DfPolicy,
    DocumentFrequency,
    covered_codes,
    shipped_boilerplate,
)
from docparse.copycheck.formulaic import formulaic_ranges
from docparse.copycheck.mask import Gazetteer, MaskedText, mask_text
from docparse.copycheck.report import (
    COPIED,
    CopiedPassage,
    CopyReport,
    DocumentInfo,
    ReferenceResult,
    TextAccount,
    Thresholds,
)
from docparse.copycheck.shingles import fingerprints, shingle_hashes
from docparse.model import Document, Span

# Punctuation that closes a copied sentence: a passage found on the masked stream extends over it.
CLOSING_PUNCTUATION = set("。；！？：，、”’）》」』】")
BOILERPLATE_PASSAGE_SHARE = 0.75  # a passage at least this much boilerplate is shown as boilerplate
FORMULAIC_PASSAGE_SHARE = 0.75  # a passage at least this much formulaic (title, 印发 notice, citations) is shown as such
FORMULAIC = "formulaic"
BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class CopyCheckSettings:
    align: AlignSettings = field(default_factory=AlignSettings)
    fingerprint_rate: int = 8  # one shingle in this many is a fingerprint for candidate search
    thresholds: Thresholds = field(default_factory=Thresholds)
    df_policy: DfPolicy = field(default_factory=DfPolicy)
    use_shipped_boilerplate: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class PreparedText:
    """A document ready to compare: masked stream, shingle hashes and which codes are plan content."""

    doc: Document
    info: DocumentInfo
    masked: MaskedText
    hashes: np.ndarray  # uint64, one per shingle start
    metadata: np.ndarray  # bool per masked code: inside a metadata field (文号, 主送, 日期…)
    formulaic: np.ndarray  # bool per masked code: a formulaic part (title, 印发 notice, citation; formulaic.py)

    def fingerprints(self, rate: int) -> np.ndarray:
        return fingerprints(self.hashes, rate)


@dataclass(slots=True)
class BoilerplateModel:
    """What counts as boilerplate: a fixed set of shingles and, for collections, document frequency."""

    fixed: BoilerplateSet
    frequency: DocumentFrequency | None = None
    policy: DfPolicy = field(default_factory=DfPolicy)

    def shingle_flags(self, hashes: np.ndarray) -> np.ndarray:
        flags = self.fixed.contains(hashes)
        if self.frequency is not None:
            flags |= self.frequency.boilerplate_flags(hashes, self.policy)
        return flags

    def code_flags(self, text: PreparedText, k: int) -> np.ndarray:
        """Per masked code of `text`: whether it lies in a boilerplate shingle."""
        return covered_codes(self.shingle_flags(text.hashes), len(text.masked), k)


def default_boilerplate(settings: CopyCheckSettings) -> BoilerplateModel:
    fixed = shipped_boilerplate(settings.align.k) if settings.use_shipped_boilerplate else BoilerplateSet.empty()
    return BoilerplateModel(fixed, policy=settings.df_policy)


METADATA_FIELDS = (
    "doc_number", "issuer", "date", "published", "copy_number", "secrecy", "urgency", "issuer_mark", "signer",
    "printed_by", "print_date",
)  # fmt: skip
METADATA_LISTS = ("recipients", "attachments", "notes", "cc")


def metadata_spans(doc: Document) -> list[Span]:
    """Source spans of the GB/T 9704 elements that are not plan content (the title is content)."""
    spans = [getattr(doc.meta, name).span for name in METADATA_FIELDS if getattr(doc.meta, name) is not None]
    for name in METADATA_LISTS:
        spans.extend(f.span for f in getattr(doc.meta, name))
    if doc.embedded:
        # a 关于印发…的通知 wrapper is a formula around the plan, not plan content
        spans.append(Span(0, doc.embedded[0].span.start))
    return spans


def document_info(doc: Document) -> DocumentInfo:
    title = doc.meta.title.value if doc.meta.title else None
    if doc.embedded:
        title = doc.embedded[0].title.value or title
    date = doc.meta.date.value if doc.meta.date else None
    issuer = doc.meta.issuer.value if doc.meta.issuer else None
    return DocumentInfo(doc.source.path, doc.source.sha256, title, date, len(doc.text), issuer)


def prepare(doc: Document, k: int, gazetteer: Gazetteer | None = None) -> PreparedText:
    """Mask and shingle a document; mark its metadata and formulaic codes."""
    masked = mask_text(doc.norm_text, gazetteer)
    metadata = codes_within(masked, [(doc.norm_index(s.start), doc.norm_index(s.end)) for s in metadata_spans(doc)])
    formulaic = codes_within(masked, formulaic_ranges(doc))
    return PreparedText(doc, document_info(doc), masked, shingle_hashes(masked.codes, k), metadata, formulaic)


def prepare_text(text: str, k: int = 8, name: str | None = None) -> PreparedText:
    """A plain text prepared without reading its structure (normalized, folded, masked, shingled): the
    path for collections too large to read in full. The formulas of running text are still discounted
    (cited titles, 文号, the 印发 notice, framing clauses, headings after an outline marker); the title, the
    公文 metadata block (counted as content here) and the issuer and date (which give a copy's direction)
    are not known, so scores can differ a little from those of a structured read."""
    import docparse

    return prepare(docparse.read(text.encode("utf-8"), name=name, steps=()), k)


def codes_within(masked: MaskedText, ranges: list[tuple[int, int]]) -> np.ndarray:
    """Per masked code: whether it stands for normalized text inside one of `ranges`."""
    flags = np.zeros(len(masked), dtype=bool)
    for ns, ne in ranges:
        lo, hi = np.searchsorted(masked.norm_start, [ns, ne])
        flags[lo:hi] = True
    return flags


def load_document(source: str | os.PathLike[str] | Document) -> Document:
    """A structured Document from a path (or the Document itself)."""
    if isinstance(source, Document):
        return source
    import docparse

    return docparse.read(source, steps=("structure",))


def source_span(text: PreparedText, start: int, end: int) -> Span:
    """Source span of masked codes `[start, end)`, extended over the punctuation that closes it."""
    ns, ne = text.masked.norm_range(start, end)
    norm = text.doc.norm_text
    while ne < len(norm) and norm[ne] in CLOSING_PUNCTUATION:
        ne += 1
    return text.doc.source_span(ns, ne)


def passage_of(
    al: Alignment, checked: PreparedText, reference: PreparedText, counted: np.ndarray, weights: np.ndarray,
    boilerplate: np.ndarray, substantive: int, min_length: int,
) -> CopiedPassage:  # fmt: skip
    """The passage `al`, its characters counted where they are `counted` (shared with the reference,
    neither metadata nor formulaic). It is copied only when what it shares beyond formulas is itself as
    long as a passage must be (`min_length`): a formula with a few shared words around it
    (制定本规划。一、现状与形势……以习近平同志为核心的党中央) is no evidence of copying."""
    window = slice(al.a_start, al.a_end)
    chars = int(weights[window][counted[window]].sum())
    bp_chars = int(weights[window][counted[window] & boilerplate[window]].sum())
    formula_chars = int(weights[window][~checked.metadata[window] & checked.formulaic[window]].sum())
    if chars == 0 or formula_chars >= FORMULAIC_PASSAGE_SHARE * (chars + formula_chars):
        kind = FORMULAIC  # the 公文 wrapper (metadata) and formulas: nothing of the plan's content
    elif bp_chars < BOILERPLATE_PASSAGE_SHARE * chars and chars >= min_length:
        kind = COPIED
    else:
        kind = BOILERPLATE if bp_chars > formula_chars else FORMULAIC  # a short match goes with what it adjoins
    copied = chars - bp_chars if kind == COPIED else 0
    cspan = source_span(checked, al.a_start, al.a_end)
    rspan = source_span(reference, al.b_start, al.b_end)
    return CopiedPassage(
        kind=kind,
        checked=cspan,
        reference=rspan,
        checked_text=checked.doc.text_of(cspan),
        reference_text=reference.doc.text_of(rspan),
        chars=chars,
        boilerplate_chars=bp_chars,
        copied_chars=copied,
        contribution=copied / substantive if substantive else 0.0,
        verbatim_share=al.matched / al.length if al.length else 0.0,
    )


def split_at_boilerplate(al: Alignment, boilerplate: np.ndarray, min_run: int) -> list[Alignment]:
    """Cut a passage where it crosses boilerplate of at least `min_run` codes, so that standard
    formulations inside a copied stretch are shown (and not counted) as boilerplate passages.
    Copied remnants shorter than `min_run` between the cuts are dropped.

    Reference offsets of the cuts are interpolated along the passage (exact for verbatim copies).
    """
    flags = boilerplate[al.a_start : al.a_end].astype(np.int8)
    edges = np.flatnonzero(np.diff(np.r_[0, flags, 0]))
    runs = [(s, e) for s, e in zip(edges[::2].tolist(), edges[1::2].tolist()) if e - s >= min_run]
    if not runs:
        return [al]
    cuts = sorted({0, al.length, *[x for run in runs for x in run]})
    ratio = (al.b_end - al.b_start) / al.length
    in_run = {s for s, _ in runs}
    pieces = []
    for s, e in zip(cuts, cuts[1:]):
        if s in in_run or e - s >= min_run:  # remnants shorter than min_run between cuts are no evidence
            b0 = al.b_start + round(s * ratio)
            b1 = al.b_start + round(e * ratio)
            share = (e - s) / al.length
            pieces.append(
                Alignment(al.a_start + s, al.a_start + e, b0, max(b1, b0 + 1), round(al.matched * share),
                          round(al.informative * share))
            )  # fmt: skip
    return pieces


def check_prepared(
    checked: PreparedText,
    references: list[PreparedText],
    boilerplate: BoilerplateModel,
    settings: CopyCheckSettings,
) -> CopyReport:
    """The report for one prepared plan against prepared references."""
    k = settings.align.k
    weights = checked.masked.weights()
    counted = ~checked.metadata & ~checked.formulaic
    bp = boilerplate.code_flags(checked, k)
    total = int(weights.sum())
    metadata_chars = int(weights[checked.metadata].sum())
    formulaic_chars = int(weights[~checked.metadata & checked.formulaic].sum())
    bp_chars = int(weights[counted & bp].sum())
    substantive = total - metadata_chars - formulaic_chars - bp_chars
    copied_any = np.zeros(len(weights), dtype=bool)
    results = []
    for ref in references:
        found, seeded = align(checked.hashes, ref.hashes, checked.masked.codes, settings.align)
        alignments = [piece for al in found for piece in split_at_boilerplate(al, bp, settings.align.min_length)]
        # A passage bridges reworded stretches to show the copied sentence whole; what counts as copied is
        # only the text both plans hold (the codes of shared shingles), never the bridged gaps.
        counted_shared = counted & covered_codes(seeded, len(weights), k)
        passages = [
            passage_of(al, checked, ref, counted_shared, weights, bp, substantive, settings.align.min_length)
            for al in alignments
        ]
        covered = np.zeros(len(weights), dtype=bool)
        for al, p in zip(alignments, passages):
            if p.kind == COPIED:
                covered[al.a_start : al.a_end] = True
        copied_any |= covered & counted_shared
        copied = int(weights[covered & counted_shared & ~bp].sum())
        score = copied / substantive if substantive else 0.0
        results.append(
            ReferenceResult(
                reference=ref.info,
                score=score,
                verdict=settings.thresholds.verdict(score),
                copied_chars=copied,
                boilerplate_chars=sum(p.chars for p in passages if p.kind != COPIED),
                passages=tuple(passages),
            )
        )
    results.sort(key=lambda r: -r.score)
    copied_all = int(weights[copied_any & counted & ~bp].sum())
    account = TextAccount(
        chars=total,
        metadata_chars=metadata_chars,
        boilerplate_chars=bp_chars,
        substantive_chars=substantive,
        copied_chars=copied_all,
        local_chars=substantive - copied_all,
        formulaic_chars=formulaic_chars,
    )
    docs = {checked.info.sha256: checked.doc} | {r.info.sha256: r.doc for r in references}
    return CopyReport(checked.info, account, results, settings.thresholds, settings.as_dict(), docs)


def copycheck(
    checked: str | os.PathLike[str] | Document,
    references: list[str | os.PathLike[str] | Document] | str | os.PathLike[str] | Document,
    *,
    settings: CopyCheckSettings | None = None,
    boilerplate: BoilerplateModel | None = None,
) -> CopyReport:
    """How much of `checked` was copied from each reference, and which passages.

    `checked` and `references` are paths or Documents. Boilerplate is the shipped list of standard
    formulations unless `boilerplate` says otherwise.

        >>> report = docparse.copycheck("某某县方案.docx", ["昆明市方案.pdf"])
        >>> report.score, report.verdict, report.passages_frame()
    """
    settings = settings or CopyCheckSettings()
    if isinstance(references, (str, os.PathLike, Document)):
        references = [references]
    k = settings.align.k
    prepared = prepare(load_document(checked), k)
    refs = [prepare(load_document(r), k) for r in references]
    return check_prepared(prepared, refs, boilerplate or default_boilerplate(settings), settings)
