"""GB/T 9704-2012 metadata (placeholder until written)."""

from docparse.model import Document, Meta
from docparse.pipeline import stage


@stage("meta", step="structure", assigns="meta")
def extract_meta(doc: Document) -> Meta:
    return Meta()
