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


def cjk_font_missing() -> str | None:
    """Why a test that renders Chinese text (LibreOffice to PDF, Chromium) cannot run here, or None."""
    import shutil
    import subprocess

    if not shutil.which("fc-list"):
        return "fontconfig (fc-list) is not installed, so no CJK font can be found"
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout.strip()
    return None if found else "no CJK font is installed (apt-get install fonts-noto-cjk)"
