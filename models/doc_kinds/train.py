"""Train the 文种 classifier for documents whose title does not name their kind, and export it as JSON.

    python models/doc_kinds/train.py          # prints cross-validated scores, writes the model

Most real documents users bring are web excerpts and news pages: the title line is missing, or is a
headline with no 文种 word at its end. Their kind is then read from the text. The labels are the blind
gold of the real corpus's development split (corpora/real/gold/dev, the first accepted 文种); the frozen
test split is never read. Features: TF-IDF of character 1–3-grams of the opening and the close of the
normalized text; model: multinomial logistic regression (scikit-learn). The export is plain JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, cross_val_predict

import docparse
from docparse.structure.classifier import export_model
from docparse.structure.meta import kind_evidence, strong_content_kind

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "real" / "gold" / "dev"
DOCS = ROOT / "corpora" / "real" / "docs"
TARGET = ROOT / "docparse" / "data" / "models" / "doc_kind.json"


def labelled_documents():
    """(path, accepted kinds) per gold document."""
    for gold_file in sorted(GOLD.glob("*.json")):
        kinds = json.loads(gold_file.read_text(encoding="utf-8"))["meta"].get("doc_type") or []
        found = sorted(DOCS.glob(gold_file.stem + ".*"))
        if kinds and found:
            yield found[0], kinds


def named_kind(path: Path) -> str | None:
    """The kind a document's title or a strong phrase names, which docparse takes before the classifier's."""
    doc = docparse.read(path, steps=("structure",))
    by_title = doc.meta.doc_type is not None and doc.meta.doc_type.text != ""
    return doc.meta.doc_type.value if by_title else strong_content_kind(doc.norm_text)


def main() -> None:
    rows = list(labelled_documents())
    paths, accepted = zip(*rows)
    texts = [kind_evidence(docparse.read(p, steps=("normalize",)).norm_text) for p in paths]
    labels = [k[0] for k in accepted]
    print(f"{len(rows)} documents of {GOLD.relative_to(ROOT)}: {dict(Counter(labels).most_common())}")
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), max_features=4000, sublinear_tf=True)
    # balanced: a 总结 or 讲话 is rarer than a 通报 in the gold, not less likely on a page a user brings
    model = LogisticRegression(max_iter=3000, C=10.0, class_weight="balanced")
    features = vectorizer.fit_transform(texts)
    predicted = cross_val_predict(model, features, labels, cv=KFold(5, shuffle=True, random_state=0))
    model.fit(features, labels)
    trained_on = f"{len(rows)} documents of corpora/real/gold/dev (blind gold, first accepted 文种)"
    export_model(TARGET, "doc_kind", trained_on, vectorizer, model, digits=5)
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1e3:.0f} kB)")
    print_cross_validation(paths, accepted, predicted)


def print_cross_validation(paths, accepted, predicted) -> None:
    """Accuracy of the held-out predictions, alone and behind what a title or a strong phrase names
    (read after the export: the structure step loads the model)."""
    named = [named_kind(p) for p in paths]
    combined = [n or p for n, p in zip(named, predicted)]
    unnamed = [i for i, n in enumerate(named) if n is None]

    def right(kinds) -> float:
        return sum(k in a for k, a in zip(kinds, accepted)) / len(accepted)

    print(f"5-fold cross-validated accuracy (prediction among the accepted kinds): classifier alone {right(predicted):.3f}; "
          f"title or strong phrase, else classifier {right(combined):.3f}; on the {len(unnamed)} documents "
          f"nothing names: {sum(predicted[i] in accepted[i] for i in unnamed) / len(unnamed):.3f}")


if __name__ == "__main__":
    main()
