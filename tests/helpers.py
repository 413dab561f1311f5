"""Paths shared by the tests: the corpus the project ships."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
GOLD = ROOT / "corpora" / "gold"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def gold(prefix: str) -> dict:
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))
