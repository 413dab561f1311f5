"""The learned fallback for section roles (models/section_roles/train.py, data/models/section_role.json).

It decides only sections that no heading cue and no rule decides, and only when confident:
held-out documents' sections predicted at probability ≥ 0.6 were right 88 % of the time.
"""

from __future__ import annotations

from docparse.structure.classifier import classifier

MIN_PROBABILITY = 0.6


def predict_role(text: str) -> tuple[str, float]:
    """The most probable role of a section body and its probability."""
    return classifier("section_role").predict(text)


def confident_role(text: str) -> str | None:
    role, probability = predict_role(text)
    return role if probability >= MIN_PROBABILITY else None
