"""The pipeline's layers: data flows forward, so no stage module imports a module of a later step, no
extractor imports another, and the stage modules import each other without cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import docparse
from docparse.pipeline import Pipeline

PACKAGE = Path(docparse.__file__).parent
STEPS = ("read", "normalize", "structure", "analyse", "extract", "link")


def stage_module_imports() -> nx.DiGraph:
    """module -> the docparse modules it imports, for the modules of the pipeline's steps."""
    graph = nx.DiGraph()
    for step in STEPS:
        for path in (PACKAGE / step).glob("*.py"):
            if path.name == "__init__.py":
                continue
            module = f"docparse.{step}.{path.stem}"
            graph.add_node(module)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                elif isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                for name in names:
                    if name.startswith("docparse.") and name.split(".")[1] in STEPS and name.count(".") == 2:
                        graph.add_edge(module, name)
    return graph


def step_of(module: str) -> str:
    return module.split(".")[1]


def test_stage_modules_import_each_other_without_cycles():
    graph = stage_module_imports()
    assert graph.number_of_nodes() > 20
    assert list(nx.simple_cycles(graph)) == []


def test_no_module_imports_a_later_step_and_no_extractor_another():
    later = []
    for module, imported in stage_module_imports().edges:
        if STEPS.index(step_of(imported)) > STEPS.index(step_of(module)):
            later.append((module, imported))
        elif step_of(module) == step_of(imported) == "extract":
            later.append((module, imported))
    assert later == []


def test_the_stage_list_shows_the_analysis_layer_between_structure_and_extraction():
    steps = [s.step for s in Pipeline().stages]
    assert "analyse" in steps
    first_analyse, last_analyse = steps.index("analyse"), len(steps) - 1 - steps[::-1].index("analyse")
    assert max(i for i, s in enumerate(steps) if s == "structure") < first_analyse
    assert last_analyse < min(i for i, s in enumerate(steps) if s == "extract")
    assert Pipeline().analyze() == []
