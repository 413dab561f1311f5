"""The learned text classifiers of the structure step, shipped as JSON under data/models/ and scored
without scikit-learn: a logistic regression over character 1–3-gram TF-IDF, as trained by the scripts in
models/ (section roles, 文种).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
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
        vocabulary = self.model["vocabulary"]
        # the n-grams in the order of their columns, so a match's term index is its column
        ngrams = sorted(vocabulary, key=vocabulary.__getitem__)
        self.vocabulary = TermMatcher.from_lists(ngrams, list(range(len(ngrams))))  # found overlapping in one pass
        idf = self.model["idf"]
        # idf folded into the coefficients once, so scoring a text gathers one row per class and nothing else
        self.weighted_coef = [list(map(mul, row, idf)) for row in self.model["coef"]]
        self.idf_squared = [w * w for w in idf]

    def logits(self, text: str) -> list[float]:
        """Intercepts plus coefficients times the L2-normalised sublinear TF-IDF of the text's character
        n-grams, as scikit-learn computes them (its char analyzer first lowers and squeezes whitespace)."""
        counts = Counter(self.vocabulary.every_index(WHITESPACE.sub(" ", text.lower())))
        intercept = self.model["intercept"]
        if not counts:
            return list(intercept)
        # most n-grams occur once, with tf 1: their weights are summed without multiplying
        once = gather([k for k, c in counts.items() if c == 1])
        repeated = [(k, 1.0 + math.log(c)) for k, c in counts.items() if c > 1]
        many = gather([k for k, _ in repeated])
        tf = [t for _, t in repeated]
        norm = math.sqrt(sum(once(self.idf_squared)) + sum(map(mul, map(mul, tf, tf), many(self.idf_squared))))
        return [
            b + (sum(once(row)) + sum(map(mul, tf, many(row)))) / norm
            for b, row in zip(intercept, self.weighted_coef)
        ]

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable class of the text and its probability."""
        logits = self.logits(text)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        best = max(range(len(exps)), key=exps.__getitem__)
        return self.model["classes"][best], exps[best] / sum(exps)


def gather(indexes: list[int]) -> Callable[[list[float]], tuple[float, ...]]:
    """A function picking the given positions of a row, as a tuple however many there are."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    if indexes:
        only = indexes[0]
        return lambda row: (row[only],)
    return lambda row: ()


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
