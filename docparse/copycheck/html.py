"""Self-contained HTML copy-check report, in Chinese for the officials who read it: summary on top,
then both texts side by side per reference.

The page is `templates/report.html.j2` (Jinja2, autoescaped): inline CSS and a few lines of inline
JavaScript, no CDN, no external file. Copied passages are highlighted in both texts and link to each
other (click one to jump to its counterpart); boilerplate and formulaic parts have their own colours. Offsets are sliced in
Python, so characters outside the BMP (𠮷) cannot shift highlights.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

import jinja2

from docparse.copycheck.report import COPIED, PARTLY_COPIED, VERDICT_LABELS, CopyReport, DocumentInfo


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of one text: unmarked (`kind` None), or a passage with its id and its counterpart's."""

    text: str
    kind: str | None = None  # "copied", "boilerplate" or "formulaic"
    mark_id: str = ""
    to: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """One reference's side-by-side view: the checked text and the reference text, cut into pieces."""

    n: int
    result: object  # ReferenceResult
    copied: int  # copied passages (the others are boilerplate)
    checked: list[Piece]
    reference: list[Piece]


def pieces(text: str, marks: list[tuple[int, int, str, str, str]]) -> list[Piece]:
    """`text` cut at `(start, end, kind, id, counterpart id)` marks; overlapping marks are clipped."""
    out, pos = [], 0
    for start, end, kind, mark_id, to in sorted(marks):
        start = max(start, pos)
        if end <= start:
            continue
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], kind, mark_id, to))
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def file_name(info: DocumentInfo) -> str:
    """The file's name without its folder; nothing for stdin (`<stdin>`)."""
    if not info.path or info.path.startswith("<"):
        return ""
    return os.path.basename(info.path)


def display_title(info: DocumentInfo) -> str:
    """The document's title; its file name only when it has none."""
    return info.title or file_name(info) or info.sha256[:12]


def cn_date(iso: str | None) -> str:
    """2024-05-20 → 2024年5月20日 (2024-05 → 2024年5月); anything else as it is."""
    if not iso:
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", iso)
    if not m:
        return iso
    y, mo, d = m.groups()
    return f"{y}年" + (f"{int(mo)}月" if mo else "") + (f"{int(d)}日" if d else "")


def percent(share: float, digits: int = 1) -> str:
    return f"{share * 100:.{digits}f}%"


def verdict_class(verdict: str) -> str:
    return {COPIED: "v-copied", PARTLY_COPIED: "v-partly"}.get(verdict, "v-original")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("docparse.copycheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(
        display_title=display_title, file_name=file_name, cn_date=cn_date, percent=percent,
        verdict_class=verdict_class, verdict_label=lambda v: VERDICT_LABELS.get(v, v),
    )  # fmt: skip
    return env


def report_html(report: CopyReport) -> str:
    """The whole report as one HTML page."""
    checked_doc = report.documents.get(report.checked.sha256)
    sections = []
    for n, result in enumerate(report.results):
        ref_doc = report.documents.get(result.reference.sha256)
        left, right = [], []
        for i, p in enumerate(result.passages):
            left.append((p.checked.start, p.checked.end, p.kind, f"c{n}-{i}", f"r{n}-{i}"))
            right.append((p.reference.start, p.reference.end, p.kind, f"r{n}-{i}", f"c{n}-{i}"))
        sections.append(
            Section(
                n=n,
                result=result,
                copied=sum(1 for p in result.passages if p.kind == COPIED),
                checked=pieces(checked_doc.text, left) if checked_doc else [],
                reference=pieces(ref_doc.text, right) if ref_doc else [],
            )
        )
    return environment().get_template("report.html.j2").render(report=report, a=report.account, sections=sections)
