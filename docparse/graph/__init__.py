"""The responsibility graph (三管三必须): departments, sectors, tasks, criticisms and plan links across documents.

    >>> import docparse
    >>> g = docparse.graph.build([docparse.read("昆明市方案.txt"), docparse.read("某县方案.docx")])
    >>> report = docparse.graph.audit(g)
    >>> [(f.topic, f.leads, f.division) for f in report.multi_head]
    >>> docparse.graph.save(g, "graph.graphml")     # .gexf, .json; pictures: .png, .html
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import networkx as nx

from docparse.batch import Result, collect_files, read_many
from docparse.graph.audit import AuditReport, audit
from docparse.graph.build import EDGE_KINDS, GRAPH_SCHEMA, GRAPH_VERSION, NODE_KINDS, build, document_id
from docparse.graph.export import GraphFormatError, load, save

__all__ = [
    "EDGE_KINDS", "GRAPH_SCHEMA", "GRAPH_VERSION", "NODE_KINDS", "AuditReport", "GraphFormatError", "audit",
    "build", "document_id", "graph_of_files", "load", "save",
]  # fmt: skip


def graph_of_files(paths: Iterable[str | os.PathLike[str]], *, copycheck: bool = False) -> tuple[nx.MultiDiGraph, list[Result]]:
    """Read files (or the documents under directories) and build their graph; returns it with the failures."""
    results = list(read_many(collect_files(paths)))
    documents = [r.document for r in results if r.document is not None]
    return build(documents, copycheck=copycheck), [r for r in results if r.document is None]
