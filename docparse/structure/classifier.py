"""The learned text classifiers of the structure step, shipped as JSON under data/models/ and scored
without scikit-learn: a logistic regression over character 1–3-gram TF-IDF, as trained by the scripts in
models/ (section roles, 文种).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache
from operator import itemgetter, mul

from docparse.matching import TermMatcher
from docparse.resources import load_json

WHITESPACE = re.compile(r"\s\s+")


class TextClassifier:
    """One exported model: its n-gram vocabulary, idf, coefficients and intercepts."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.model = load_json(f"models/{name}.json")
        self.vocabulary = TermMatcher(self.model["vocabulary"])  # n-grams found overlapping in one pass

    def features(self, text: str) -> dict[int, float]:
        """L2-normalised sublinear TF-IDF of the text's character n-grams, as scikit-learn computes it."""
        text = WHITESPACE.sub(" ", text.lower())  # scikit-learn's char analyzer does the same first
        counts = Counter(self.vocabulary.every_value(text))
        idf = self.model["idf"]
        weights = {i: (1 + math.log(c)) * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {i: w / norm for i, w in weights.items()}

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable class of the text and its probability."""
        m = self.model
        found = self.features(text)
        if not found:
            logits = list(m["intercept"])
        else:
            pick, weights = itemgetter(*found), list(found.values())
            if len(weights) == 1:  # itemgetter of one index returns the item, not a tuple
                logits = [b + weights[0] * pick(row) for b, row in zip(m["intercept"], m["coef"])]
            else:
                logits = [b + sum(map(mul, weights, pick(row))) for b, row in zip(m["intercept"], m["coef"])]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        best = max(range(len(exps)), key=exps.__getitem__)
        return m["classes"][best], exps[best] / sum(exps)


@cache
def classifier(name: str) -> TextClassifier:
    return TextClassifier(name)


def export_model(path, kind: str, trained_on: str, vectorizer, model, digits: int = 6) -> None:
    """Write a fitted scikit-learn char TF-IDF vectorizer and logistic regression as the JSON `TextClassifier`
    reads (no pickle: it loads without scikit-learn). Used by the training scripts in models/."""
    export = {
        "format": f"docparse.{kind}/1",
        "trained_on": trained_on,
        "ngram_range": list(vectorizer.ngram_range),
        "sublinear_tf": vectorizer.sublinear_tf,
        "classes": [str(c) for c in model.classes_],
        "vocabulary": {k: int(v) for k, v in vectorizer.vocabulary_.items()},
        "idf": [round(float(x), digits) for x in vectorizer.idf_],
        "coef": [[round(float(x), digits) for x in row] for row in model.coef_],
        "intercept": [round(float(x), digits) for x in model.intercept_],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
