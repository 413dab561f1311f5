"""Stage 7, export: readers of the document model (JSON, tables, HTML). None re-reads a file."""
