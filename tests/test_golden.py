"""The whole-corpus golden diff: every document in corpora/ gives the output stored in tests/golden/.

A deliberate change of output is stored with `python scripts/golden.py --update`, and the commit
that does it says which documents changed and why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.helpers import cjk_font_missing

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from golden import changed_keys, corpus_documents, current_output, golden_path  # noqa: E402

DOCUMENTS = list(corpus_documents())


def test_every_corpus_document_has_stored_output():
    missing = [str(d) for d in DOCUMENTS if not golden_path(d).exists()]
    assert not missing, f"run scripts/golden.py --update for: {missing[:5]}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_output_is_the_stored_output(document):
    target = golden_path(document)
    if not target.exists():
        pytest.skip("no stored output yet")
    if document.suffix.lower() == ".pdf" and cjk_font_missing():
        # PDFium places the glyphs of a font the PDF does not embed with a system font, and drops some without one
        pytest.skip(f"the stored PDF output was made where a CJK font is installed: {cjk_font_missing()}")
    stored = json.loads(target.read_text(encoding="utf-8"))
    current = current_output(document)
    assert stored == current, f"changed keys: {changed_keys(stored, current)}"
