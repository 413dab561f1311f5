"""Fixtures: the real 昆明市 plan (corpora/seeds/001), renamed copies of it, and independent plans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_PLAN = ROOT / "corpora/seeds/001_610804f520c3391b.txt"
PLANS = ROOT / "bench/copycheck_data/plans"


def renamed_copy(text: str) -> str:
    """What a county office does to the city plan: rename the jurisdiction, shift the dates."""
    text = text.replace("昆明市", "嵩明县").replace("昆明", "嵩明")
    text = re.sub(r"(?<=[全我本])市|市(?=级|委|政府|安委|应急|工业|自然|住房|市场|交通|公安|人民)", "县", text)
    return text.replace("2023年5月15日", "2023年5月19日").replace("5月", "6月")


@pytest.fixture(scope="session")
def seed_plan() -> Path:
    return SEED_PLAN


@pytest.fixture(scope="session")
def plan_dir() -> Path:
    return PLANS


@pytest.fixture(scope="session")
def copy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A county copy of the seed plan, a partial copy (a third of it plus other text), and two independent plans."""
    d = tmp_path_factory.mktemp("copies")
    text = SEED_PLAN.read_text(encoding="utf-8")
    (d / "county_copy.txt").write_text(renamed_copy(text), encoding="utf-8")
    body = text[text.index("二、整治重点") :]
    third = body[: len(body) // 3]
    other = (PLANS / "p06_city_fire.txt").read_text(encoding="utf-8") + (PLANS / "p12_city_special_equipment.txt").read_text(encoding="utf-8")
    (d / "partial_copy.txt").write_text("嵩明县安全生产工作方案\n\n" + renamed_copy(third) + "\n" + other[:1200], encoding="utf-8")
    return d
