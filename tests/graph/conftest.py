"""Fixtures: real documents through the real pipeline (seeds 000, 001, 002; a county plan from corpora/own),
and a county plan derived from seed 001 that cites it."""

from __future__ import annotations

import re

import networkx as nx
import pytest

import docparse
from docparse.graph import build, document_id
from docparse.model import Document
from tests.helpers import ROOT, gold, seed

COUNTY_PLAN = ROOT / "corpora/own/docs/sc_xuanhan_2024_plan.txt"


def county_version(city_plan: str) -> str:
    """Seed 001 as a county (嵩明县) would reissue it, citing the city plan it carries out."""
    text = city_plan.replace("昆明市", "嵩明县").replace("昆明", "嵩明")
    text = re.sub(r"(?<=[全我本])市|市(?=级|委|政府|安委|应急|工业|自然|住房|市场|交通|公安|人民)", "县", text)
    return text.replace("按照国务院安委会、省安委会部署", "根据《昆明市重大事故隐患专项排查整治2023行动方案》和省安委会部署")


@pytest.fixture(scope="session")
def seeds() -> dict[str, Document]:
    return {p: docparse.read(seed(p)) for p in ("000", "001", "002")}


@pytest.fixture(scope="session")
def plan(seeds) -> Document:
    return seeds["001"]


@pytest.fixture(scope="session")
def plan_graph(plan) -> nx.MultiDiGraph:
    return build(plan)


@pytest.fixture(scope="session")
def merged_graph(seeds) -> nx.MultiDiGraph:
    return build([seeds["000"], seeds["001"], seeds["002"]])


@pytest.fixture(scope="session")
def county_plan() -> Document:
    return docparse.read(COUNTY_PLAN)


@pytest.fixture(scope="session")
def derived_county_plan(plan, tmp_path_factory) -> Document:
    path = tmp_path_factory.mktemp("county") / "songming_plan.txt"
    path.write_text(county_version(plan.text), encoding="utf-8")
    return docparse.read(path)


@pytest.fixture(scope="session")
def gold_001() -> dict:
    return gold("001")


@pytest.fixture(scope="session")
def gold_000() -> dict:
    return gold("000")


@pytest.fixture(scope="session")
def plan_node(plan) -> str:
    return document_id(plan)
