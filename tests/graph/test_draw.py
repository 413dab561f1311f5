"""The department × sector picture: Chinese labels render, or a clear message says which font to install."""

from __future__ import annotations

import struct
import warnings

import pytest

pytest.importorskip("matplotlib", reason="pictures need matplotlib: pip install 'docparse[viz]'")

from docparse.graph import draw  # noqa: E402
from docparse.graph.draw import FontNotFoundError, assignment_grid, cjk_font, draw_assignments  # noqa: E402


def png_size(path):
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.fixture
def font():
    try:
        return cjk_font()
    except FontNotFoundError as err:
        pytest.skip(f"no CJK font on this machine ({err.reason})")


def test_grid_of_a_plan(plan_graph, plan_node):
    grid = assignment_grid(plan_graph, plan_node)
    assert "昆明市应急管理局" in grid.labels and "道路运输" in grid.sectors
    assert grid.sectors.index("煤矿") < grid.sectors.index("道路运输")  # the plan's order
    row, col = grid.labels.index("昆明市滇池管理局"), grid.sectors.index("水上交通")
    assert grid.cells[(row, col)] == "lead" and (row, col) in grid.unexpected
    row = grid.labels.index("昆明市交通运输局")
    assert (row, col) not in grid.unexpected


def test_png_with_chinese_labels(plan_graph, plan_node, tmp_path, font):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = draw_assignments(plan_graph, tmp_path / "plan.png", document=plan_node)
    missing = [w for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing[0].message
    width, height = png_size(path)
    assert width > 800 and height > 600


def test_no_cjk_font_is_a_clear_error(monkeypatch, plan_graph, tmp_path):
    from matplotlib import font_manager

    monkeypatch.delenv(draw.FONT_ENV, raising=False)
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    cjk_font.cache_clear()
    try:
        with pytest.raises(FontNotFoundError, match="fonts-noto-cjk"):
            draw_assignments(plan_graph, tmp_path / "x.png")
    finally:
        cjk_font.cache_clear()
    monkeypatch.setenv(draw.FONT_ENV, str(tmp_path / "none.ttf"))
    try:
        with pytest.raises(FontNotFoundError, match=draw.FONT_ENV):
            cjk_font()
    finally:
        cjk_font.cache_clear()


def test_a_font_installed_after_matplotlibs_cache_is_found(monkeypatch, font):
    """apt-get install fonts-noto-cjk after matplotlib cached its font list: the file on disk is used."""
    from matplotlib import font_manager

    monkeypatch.delenv(draw.FONT_ENV, raising=False)
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: ["/nonexistent/a.ttf", font])
    cjk_font.cache_clear()
    try:
        assert cjk_font() == font
    finally:
        cjk_font.cache_clear()


def test_a_font_removed_after_matplotlibs_cache_is_not_used(monkeypatch, tmp_path):
    """apt-get remove fonts-noto-cjk after matplotlib cached its font list: the missing file is never handed on."""
    from matplotlib import font_manager

    gone = font_manager.FontEntry(fname=str(tmp_path / "NotoSansCJK-Regular.ttc"), name="Noto Sans CJK SC")
    monkeypatch.delenv(draw.FONT_ENV, raising=False)
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [gone])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    cjk_font.cache_clear()
    try:
        with pytest.raises(FontNotFoundError):
            cjk_font()
    finally:
        cjk_font.cache_clear()


def test_several_plans_one_lead_each_is_no_multi_head(plan, county_plan):
    from docparse.graph import build

    grid = assignment_grid(build([plan, county_plan]))
    assert grid.sectors.index("危险化学品") not in grid.multi_head  # one lead in each plan
    assert grid.sectors.index("道路运输") in grid.multi_head  # three leads in the city plan
    places = [label[:3] for label in grid.labels]
    assert places == sorted(places, key=places.index)  # each jurisdiction's bodies together


def test_graph_of_one_plan_is_titled_with_the_plan(plan_graph, plan):
    assert assignment_grid(plan_graph).title == str(plan.meta.title.value)
