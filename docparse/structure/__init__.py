"""Stage 3, structure: GB/T 9704 metadata, the outline tree with section roles, sentences."""

from docparse.structure import meta, outline, sentences  # noqa: F401  (registers the stages)
