import re

import pytest

import docparse
import docparse.copycheck  # noqa: F401  (docparse.copycheck is callable)
from docparse.copycheck.boilerplate import BoilerplateSet, phrases_boilerplate
from docparse.copycheck.check import BoilerplateModel, CopyCheckSettings


def test_renamed_full_copy_scores_as_copied(copy_dir, seed_plan):
    report = docparse.copycheck(copy_dir / "county_copy.txt", [seed_plan])
    assert report.score >= 0.9
    assert report.verdict == "copied"
    assert report.local_share < 0.05


def test_independent_plans_score_low(plan_dir):
    report = docparse.copycheck(plan_dir / "p02_city_gas.txt", [plan_dir / "p09_city_gas2.txt", plan_dir / "p03_pref_road.txt"])
    assert report.score <= 0.2
    assert report.verdict == "original"


def test_partial_copy_is_found_with_spans_in_both_texts(copy_dir, seed_plan):
    report = docparse.copycheck(copy_dir / "partial_copy.txt", [seed_plan])
    result = report.results[0]
    assert 0.3 <= result.score <= 0.8
    checked = docparse.read_text(copy_dir / "partial_copy.txt")
    reference = docparse.read_text(seed_plan)
    copied = [p for p in result.passages if p.kind == "copied"]
    assert copied
    for p in copied:
        assert checked[p.checked.start : p.checked.end] == p.checked_text
        assert reference[p.reference.start : p.reference.end] == p.reference_text
    # The copy says 嵩明县 where the source says 昆明市: the report shows each text as written.
    assert any("县" in p.checked_text and "市" in p.reference_text for p in copied)


def test_every_point_of_the_score_is_explained(copy_dir, seed_plan):
    report = docparse.copycheck(copy_dir / "partial_copy.txt", [seed_plan])
    result = report.results[0]
    assert sum(p.contribution for p in result.passages) == pytest.approx(result.score, abs=1e-9)
    a = report.account
    assert a.chars == a.metadata_chars + a.formulaic_chars + a.boilerplate_chars + a.substantive_chars
    assert a.substantive_chars == a.copied_chars + a.local_chars
    assert any("substantive" in line for line in report.explain())


def test_boilerplate_is_shown_but_not_counted(plan_dir):
    checked = plan_dir / "p01_province_hazchem.txt"
    other = plan_dir / "p07_pref_mines.txt"
    phrase = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持人民至上、生命至上"
    settings = CopyCheckSettings(use_shipped_boilerplate=False)
    without = docparse.copycheck(checked, [other], settings=settings, boilerplate=BoilerplateModel(BoilerplateSet.empty()))
    model = BoilerplateModel(phrases_boilerplate((phrase,), settings.align.k))
    with_list = docparse.copycheck(checked, [other], settings=settings, boilerplate=model)
    assert with_list.account.boilerplate_chars > 0
    assert with_list.results[0].score < without.results[0].score
    assert any(p.kind == "boilerplate" for p in with_list.results[0].passages)


def test_accepts_documents_and_gives_a_dataframe(copy_dir, seed_plan):
    checked = docparse.read(copy_dir / "partial_copy.txt", steps=("structure",))
    report = docparse.copycheck(checked, docparse.read(seed_plan, steps=("structure",)))
    frame = report.passages_frame()
    assert {"checked_start", "checked_end", "reference_start", "reference_end", "kind", "contribution"} <= set(frame.columns)
    assert len(frame) == len(report.results[0].passages)


def test_a_bridged_gap_is_shown_in_the_passage_but_not_counted_as_copied():
    # two sentences copied around a rewritten middle: one passage spans all three, only the two count
    first = "全面排查整治城镇燃气安全风险隐患，坚决防范遏制燃气爆炸事故发生，"
    last = "切实保障人民群众生命财产安全和社会大局稳定，推动燃气安全形势持续向好。"
    source = docparse.read(("昆明市城镇燃气安全排查整治工作方案\n" + first + "建立隐患排查台账实行动态清零管理，" + last).encode(), name="source.txt")
    copy = docparse.read(("嵩明县燃气专项行动计划\n" + first + "组织专班逐户上门开展入户检查，" + last).encode(), name="copy.txt")
    settings = CopyCheckSettings(use_shipped_boilerplate=False)
    no_boilerplate = BoilerplateModel(BoilerplateSet.empty())
    result = docparse.copycheck(copy, [source], settings=settings, boilerplate=no_boilerplate).results[0]
    [passage] = [p for p in result.passages if p.kind == "copied"]
    assert "组织专班逐户上门" in passage.checked_text
    assert passage.copied_chars == len(re.sub(r"\W", "", first + last))  # 77 when the middle counted
