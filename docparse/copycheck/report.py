"""The copy-check report: dataclasses with spans into both source texts, JSON, a pandas view.

JSON schema `docparse.copycheck` (version below; committed as docparse/data/schema/copycheck.schema.json):
every span is `{"start", "end"}`, end-exclusive code-point offsets into the source text of its
document (`docparse text FILE` prints it). Character counts are counted characters: CJK
ideographs, letters and digits of the normalized text; punctuation and spaces are not counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docparse.errors import check_writable, writing
from docparse.model import Span

if TYPE_CHECKING:
    import pandas

    from docparse.model import Document

SCHEMA_NAME = "docparse.copycheck"
SCHEMA_VERSION = "1.2"  # 1.1: documents carry their issuer (发文机关); 1.2: formulaic parts counted apart

COPIED = "copied"
PARTLY_COPIED = "partly copied"
ORIGINAL = "original"
VERDICT_LABELS = {COPIED: "照抄照搬", PARTLY_COPIED: "部分照搬", ORIGINAL: "未见照搬"}  # the words of the HTML report


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Verdicts from the score (the share of substantive text copied from one reference).

    `copied` at or above `copied` (most of the plan is the reference's text); `partly copied` at or
    above `partly` (whole passages were taken over); `original` below. Independent plans of the same
    genre score under 0.05 after the boilerplate discount in the benchmark, but plans written
    independently for this project's corpus share genre phrasing (依职责分别牵头，重点整治…) and
    reach 0.12–0.15, so a plan is called partly copied from a fifth of its substantive text on.
    """

    copied: float = 0.5
    partly: float = 0.2

    def verdict(self, score: float) -> str:
        if score >= self.copied:
            return COPIED
        if score >= self.partly:
            return PARTLY_COPIED
        return ORIGINAL


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Who and what a compared document is, for a reader: its title, 发文机关 (issuer) and 成文日期."""

    path: str | None
    sha256: str
    title: str | None  # the plan's own title (the 方案 under a 关于印发…的通知), else the document's
    date: str | None  # 成文日期, ISO 8601
    chars: int  # length of the source text
    issuer: str | None = None  # 发文机关; None where the document does not name it or an index did not keep it


@dataclass(frozen=True, slots=True)
class CopiedPassage:
    """A passage of the checked plan found in a reference, with its place in both source texts."""

    kind: str  # "copied" (counts in the score), "boilerplate" or "formulaic" (shown, not counted)
    checked: Span
    reference: Span
    checked_text: str  # as written
    reference_text: str  # as written
    chars: int  # counted characters of the checked passage
    boilerplate_chars: int  # of which standard formulations
    copied_chars: int  # chars - boilerplate_chars for a copied passage; 0 for a boilerplate one
    contribution: float  # copied_chars / substantive chars of the checked plan: its part of the score
    verbatim_share: float  # share of the passage matched exactly (after masking); the rest is reworded


@dataclass(frozen=True, slots=True)
class ReferenceResult:
    reference: DocumentInfo
    score: float  # containment: copied chars / substantive chars of the checked plan, 0-1
    verdict: str
    copied_chars: int
    boilerplate_chars: int  # characters of boilerplate passages shared with this reference
    passages: tuple[CopiedPassage, ...]


@dataclass(frozen=True, slots=True)
class TextAccount:
    """How the checked plan's characters are counted: chars = metadata + formulaic + boilerplate + substantive."""

    chars: int  # counted characters of the whole text
    metadata_chars: int  # 文号, 主送机关, 署名, 成文日期, 抄送, 印发: not part of the plan's content
    boilerplate_chars: int  # standard formulations (shipped list, or frequent in the collection)
    substantive_chars: int  # the denominator of every score
    copied_chars: int  # substantive characters copied from at least one reference
    local_chars: int  # substantive characters found in no reference
    formulaic_chars: int = 0  # title, 印发 notice, cited titles and 文号, standard headings: not counted


@dataclass(slots=True)
class CopyReport:
    """Result of checking one plan against references: one `ReferenceResult` per reference, best first."""

    checked: DocumentInfo
    account: TextAccount
    results: list[ReferenceResult]
    thresholds: Thresholds
    settings: dict[str, Any]
    documents: dict[str, "Document"] = field(default_factory=dict, repr=False)  # sha256 -> Document, for HTML

    @property
    def score(self) -> float:
        """The highest score over the references (0 when none)."""
        return max((r.score for r in self.results), default=0.0)

    @property
    def verdict(self) -> str:
        return self.thresholds.verdict(self.score)

    @property
    def local_share(self) -> float:
        return _share(self.account.local_chars, self.account.substantive_chars)

    @property
    def boilerplate_share(self) -> float:
        """Boilerplate characters as a share of all counted characters but metadata."""
        return _share(self.account.boilerplate_chars, self.account.chars - self.account.metadata_chars)

    def explain(self) -> list[str]:
        """Every point of the score in words: the denominator, then each passage's contribution."""
        a = self.account
        lines = [
            f"counted characters {a.chars} (CJK, letters, digits; punctuation not counted)",
            f"- metadata {a.metadata_chars} (文号, 主送, 署名, 日期: not plan content)",
            f"- formulaic {a.formulaic_chars} (title, 印发 notice, cited titles, standard headings: not counted)",
            f"- boilerplate {a.boilerplate_chars} (standard formulations: shown, not counted)",
            f"= substantive {a.substantive_chars}: the denominator of every score",
            f"local {a.local_chars} ({self.local_share:.1%}) found in no reference",
        ]
        for r in self.results:
            name = r.reference.title or r.reference.path or r.reference.sha256[:12]
            lines.append(
                f"{name}: score {r.score:.3f} = {r.copied_chars} copied / {a.substantive_chars} substantive → {r.verdict}"
            )
            for i, p in enumerate(r.passages, 1):
                if p.kind == COPIED:
                    lines.append(
                        f"  #{i} [{p.checked.start}:{p.checked.end}] {p.copied_chars} chars"
                        f" (+{p.boilerplate_chars} boilerplate) = {p.contribution:.3f}"
                    )
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_NAME,
            "version": SCHEMA_VERSION,
            "checked": _info_dict(self.checked),
            "score": round(self.score, 4),
            "verdict": self.verdict,
            "local_share": round(self.local_share, 4),
            "boilerplate_share": round(self.boilerplate_share, 4),
            "account": {
                "chars": self.account.chars,
                "metadata_chars": self.account.metadata_chars,
                "formulaic_chars": self.account.formulaic_chars,
                "boilerplate_chars": self.account.boilerplate_chars,
                "substantive_chars": self.account.substantive_chars,
                "copied_chars": self.account.copied_chars,
                "local_chars": self.account.local_chars,
            },
            "thresholds": {"copied": self.thresholds.copied, "partly": self.thresholds.partly},
            "settings": self.settings,
            "references": [_result_dict(r) for r in self.results],
            "explanation": self.explain(),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def passages_frame(self) -> "pandas.DataFrame":
        """One row per passage and reference: spans in both texts, kind, counts and contribution."""
        import pandas as pd

        rows = []
        for r in self.results:
            for i, p in enumerate(r.passages, 1):
                rows.append(
                    {
                        "reference": r.reference.path or r.reference.title,
                        "passage": i,
                        "kind": p.kind,
                        "checked_start": p.checked.start,
                        "checked_end": p.checked.end,
                        "reference_start": p.reference.start,
                        "reference_end": p.reference.end,
                        "chars": p.chars,
                        "boilerplate_chars": p.boilerplate_chars,
                        "copied_chars": p.copied_chars,
                        "contribution": p.contribution,
                        "verbatim_share": p.verbatim_share,
                        "checked_text": p.checked_text,
                        "reference_text": p.reference_text,
                    }
                )
        columns = [
            "reference", "passage", "kind", "checked_start", "checked_end", "reference_start", "reference_end",
            "chars", "boilerplate_chars", "copied_chars", "contribution", "verbatim_share", "checked_text",
            "reference_text",
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=columns)

    def to_html(self) -> str:
        from docparse.copycheck.html import report_html

        return report_html(self)

    def save_html(self, path: str) -> None:
        check_writable(path)
        with writing(path), open(path, "w", encoding="utf-8") as fh:
            fh.write(self.to_html())

    def _repr_html_(self) -> str:
        return self.to_html()


def _share(part: int, whole: int) -> float:
    return part / whole if whole > 0 else 0.0


def _span_dict(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _info_dict(info: DocumentInfo) -> dict[str, Any]:
    return {
        "path": info.path, "sha256": info.sha256, "title": info.title, "issuer": info.issuer, "date": info.date,
        "chars": info.chars,
    }  # fmt: skip


def _result_dict(r: ReferenceResult) -> dict[str, Any]:
    return {
        "reference": _info_dict(r.reference),
        "score": round(r.score, 4),
        "verdict": r.verdict,
        "copied_chars": r.copied_chars,
        "boilerplate_chars": r.boilerplate_chars,
        "passages": [
            {
                "kind": p.kind,
                "checked": _span_dict(p.checked),
                "reference": _span_dict(p.reference),
                "checked_text": p.checked_text,
                "reference_text": p.reference_text,
                "chars": p.chars,
                "boilerplate_chars": p.boilerplate_chars,
                "copied_chars": p.copied_chars,
                "contribution": round(p.contribution, 4),
                "verbatim_share": round(p.verbatim_share, 3),
            }
            for p in r.passages
        ],
    }
