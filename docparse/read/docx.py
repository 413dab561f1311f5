"""Placeholder, filled in by the readers work."""
