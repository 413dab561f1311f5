"""The notebooks under notebooks/ run top to bottom on the shipped corpus (and are committed without outputs)."""

from pathlib import Path

import pytest

from tests.helpers import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def missing_tool(needs: list[str]) -> str | None:
    """Why a notebook cannot run here: a system tool it declares in its metadata (docparse.needs) is absent."""
    if "cjk_font" in needs:
        from docparse.errors import DocparseError
        from docparse.graph.draw import cjk_font

        try:
            cjk_font()
        except DocparseError as err:
            return f"the notebook draws Chinese labels and this machine has no CJK font ({err.reason})"
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("DOCPARSE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    reason = missing_tool(notebook.metadata.get("docparse", {}).get("needs", []))
    if reason:
        pytest.skip(reason)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit without outputs"
    nbclient.NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_the_notebooks_the_readme_describes_are_there():
    names = {p.stem for p in NOTEBOOKS}
    assert names == {"criticism_patterns", "responsibility_graph", "copycheck_plans", "plan_diffusion"}
