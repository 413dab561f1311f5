import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

import docparse
from docparse.structure.classifier import classifier
from docparse.structure.role_model import confident_role, predict_role


def sklearn_probabilities(text: str, name: str = "section_role") -> np.ndarray:
    """The shipped model rebuilt in scikit-learn, to check the JSON scorer computes the same thing."""
    m = classifier(name).model
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=tuple(m["ngram_range"]), sublinear_tf=True,
                                 vocabulary=m["vocabulary"])
    vectorizer.fit(["x"])
    vectorizer.idf_ = np.array(m["idf"])
    x = vectorizer.transform([text])
    logits = x @ np.array(m["coef"]).T + np.array(m["intercept"])
    e = np.exp(logits - logits.max())
    return np.asarray(e / e.sum()).ravel()


def test_json_scorer_matches_scikit_learn():
    text = "部分县区对隐患整改不到位，督导检查流于形式，个别企业主体责任落实不力。"
    role, probability = predict_role(text)
    expected = sklearn_probabilities(text)
    assert classifier("section_role").model["classes"][int(expected.argmax())] == role
    assert abs(expected.max() - probability) < 1e-6


def test_unheaded_problem_paragraph_is_recognised():
    body = ("一些地方和部门对安全生产工作重视不够，隐患排查整改不到位，监管执法宽松软，"
            "部分企业主体责任落实不力，存在形式主义问题，问题整改流于形式，工作推进滞后。")
    assert confident_role(body) == "problems"


def test_news_style_report_sections_without_cues_keep_a_role():
    doc = docparse.read(
        "全县安全生产工作情况\n\n"
        "今年以来，全县认真贯彻落实上级决策部署，安全生产形势总体平稳。\n\n"
        "隐患整治见实效\n\n"
        "全县开展隐患排查整治，共排查企业1200家，发现隐患3400项，已整改3300项，整改率97%，"
        "约谈企业负责人45人，关闭取缔非法违法企业12家，安全生产形势持续稳定向好。\n\n"
        "短板弱项仍突出\n\n"
        "部分乡镇对安全生产工作重视不够，隐患排查整改不到位，监管执法宽松软，"
        "部分企业主体责任落实不力，问题整改流于形式，工作推进滞后。\n".encode(),
        name="report.txt",
        steps=("structure",),
    )
    roles = {s.heading: s.role for s in doc.sections}
    assert roles["短板弱项仍突出"] == "problems"
