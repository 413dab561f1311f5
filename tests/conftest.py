"""Shared fixtures: generated PDF/DOCX versions of the seed texts (see tests/docgen.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.docgen import TASK_TABLE, make_docx, make_pdf
from tests.helpers import seed


@pytest.fixture(scope="session")
def generated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generated")


@pytest.fixture(scope="session")
def seed_pdf(generated_dir: Path) -> Callable[[str], Path]:
    """`seed_pdf("001")`: the seed's normalized text laid out as an A4 公文 PDF (made once)."""
    from docparse.pipeline import make_document
    from docparse.read import read_raw

    made: dict[str, Path] = {}

    def make(prefix: str) -> Path:
        if prefix not in made:
            norm = make_document(read_raw(seed(prefix))).norm_text
            made[prefix] = make_pdf(norm, generated_dir / f"{prefix}.pdf")
        return made[prefix]

    return make


@pytest.fixture(scope="session")
def seed_docx(generated_dir: Path) -> Callable[[str], Path]:
    """`seed_docx("001")`: the seed text as a Word file with list numbering and a task table."""
    made: dict[str, Path] = {}

    def make(prefix: str) -> Path:
        if prefix not in made:
            made[prefix] = make_docx(
                seed(prefix).read_text(encoding="utf-8"), generated_dir / f"{prefix}.docx", task_table=TASK_TABLE
            )
        return made[prefix]

    return make
