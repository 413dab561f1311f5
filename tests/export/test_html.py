"""The document view in Jupyter: each highlight says in words what was extracted, on real documents."""

from __future__ import annotations

import html
import re

import docparse
from tests.helpers import ROOT, seed


def tooltips(page: str, kind: str) -> list[str]:
    """The tooltips of one kind's highlights, unescaped, lines joined by ' | '."""
    found = re.findall(rf'<mark class="dp-{kind}[^"]*" style="[^"]*" title="([^"]*)">', page)
    return [html.unescape(t).replace("\n", " | ") for t in found]


def test_a_region_says_its_stance_in_chinese_and_the_cue():
    doc = docparse.read(seed("000"))  # 云南 通报: regions criticized by name
    tips = tooltips(doc._repr_html_(), "regions")
    red_river = [t for t in tips if t.startswith("地区 region：红河州")]
    assert any("此处 here：受批评 criticized" in t and "依据 cue：" in t for t in red_river), red_river
    assert any("中性 neutral" in t for t in tips)
    assert 'class="dp-regions dp-criticized"' in doc._repr_html_()


def test_a_task_names_its_lead_support_and_deadline():
    doc = docparse.read(ROOT / "corpora/heldout/docs/zj_deqing_2024_plan.txt")
    tips = tooltips(doc._repr_html_(), "tasks")
    chemicals = next(t for t in tips if "行业领域 sector：危险化学品" in t)
    assert "牵头单位 lead：县应急管理局" in chemicals
    assert "配合单位 support：县公安局、县经济和信息化局" in chemicals
    assert "期限 deadline：2024年6月30日前（2024-06-30）" in chemicals


def test_seed_001_tasks_name_their_bodies_not_counts():
    page = docparse.read(seed("001"))._repr_html_()
    tourism = next(t for t in tooltips(page, "tasks") if "行业领域 sector：文化旅游" in t)
    assert "牵头单位 lead：市文化和旅游局" in tourism and "市消防救援支队" in tourism
    assert not re.search(r"\b(?:lead|support|section)=", page)


def test_items_inside_a_task_keep_their_own_highlight():
    doc = docparse.read(seed("001"))
    page = doc._repr_html_()
    assert page.count("<mark") == page.count("</mark>")
    # the lead named inside the task (市文化和旅游局牵头) is a department highlight within the task's
    tourism = r'<mark class="dp-tasks"[^>]*title="任务 task\n行业领域 sector：文化旅游[^"]*">(.*?)牵头'
    task = re.search(tourism, page, re.DOTALL)
    assert task and '<mark class="dp-departments"' in task.group(1)
