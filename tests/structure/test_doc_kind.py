from pathlib import Path

import pytest

import docparse
from docparse.structure.classifier import classifier
from docparse.structure.meta import kind_evidence, kind_from_content
from tests.structure.test_role_model import sklearn_probabilities

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "seeds"


def test_json_scorer_matches_scikit_learn():
    text = "近日，省安委办对全省安全生产工作进行督查，发现部分地区隐患排查不到位，现将有关情况予以通报。"
    kind, probability = classifier("doc_kind").predict(text)
    expected = sklearn_probabilities(text, "doc_kind")
    assert classifier("doc_kind").model["classes"][int(expected.argmax())] == kind
    assert abs(expected.max() - probability) < 1e-6


def test_a_prefecture_report_of_its_own_work_is_a_summary():
    # a real Guizhou page (not in the model's training documents): no title, 今年以来…整改率96.75%
    doc = docparse.read(next(SEEDS.glob("004_*.txt")), steps=("structure",))
    assert doc.meta.doc_type.value == "总结"
    assert doc.meta.doc_type.text == ""  # read from the content, not from a title


def test_a_phrase_only_one_kind_writes_decides_before_the_classifier():
    text = "各县（市、区）安委会：\n近日，市安委会组织对各地开展检查。现将有关情况通报如下：\n一、总体情况\n"
    assert kind_from_content(text) == "通报"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("秦安县“十四五”安全生产规划", "规划"),
        ("市安委会2021年工作要点", "要点"),
        ("徐闻县安全生产专项整治三年行动实施计划", "计划"),
    ],
)
def test_plans_programmes_and_work_points_are_kinds_of_their_own(title, kind):
    doc = docparse.read(f"{title}\n\n一、总体要求\n坚持安全发展。\n".encode(), name="plan.txt", steps=("structure",))
    assert doc.meta.doc_type.value == kind


def test_the_classifier_reads_the_opening_and_the_close():
    text = "开" * 5000 + "中" * 5000 + "尾" * 2000
    evidence = kind_evidence(text)
    assert "中" not in evidence and evidence.startswith("开") and evidence.endswith("尾")
