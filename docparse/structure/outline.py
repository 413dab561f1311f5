"""Outline (placeholder until written)."""

from docparse.model import Document, Section
from docparse.pipeline import stage


@stage("outline", step="structure", assigns="sections")
def extract_outline(doc: Document) -> list[Section]:
    return []
