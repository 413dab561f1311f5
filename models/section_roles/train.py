"""Train the section-role fallback classifier and export it as JSON for docparse/data/models/.

    python models/section_roles/train.py          # prints cross-validated scores, writes the model

Labels come from the documents themselves (weak supervision): a section whose heading, or an
ancestor's heading, carries a strong role cue from docparse/data/section_roles.tsv is labelled with
that role; its body text is the example. The model then decides sections whose headings say
nothing (news-style reports, unnumbered parts), where the rules only count cue words.
Features: TF-IDF of character 1–3-grams; model: multinomial logistic regression (scikit-learn).
The export is plain JSON (vocabulary, idf, coefficients): no pickle, loadable without scikit-learn.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import GroupKFold, cross_val_predict

import docparse
from docparse.structure.classifier import export_model
from docparse.structure.outline import heading_role

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "docparse" / "data" / "models" / "section_role.json"
ROLES = ("evaluation", "problems", "measures", "tasks", "phases", "organization")


def labelled_sections():
    """(body text, role, document) for every section with a strong heading cue on its path."""
    for path in sorted((ROOT / "corpora").rglob("*.txt")):
        doc = docparse.read(path, steps=("structure",))
        for sec in doc.sections:
            role = next(
                (r for s in reversed(doc.section_path(sec.id)) if (r := heading_role(s.heading, strong_only=True))),
                None,
            )
            body = doc.text_of(sec.span)[len(sec.marker) + len(sec.heading):]
            if role in ROLES and len(body) >= 20:
                yield body, role, path.name


def main() -> None:
    rows = list(labelled_sections())
    texts, labels, groups = zip(*rows)
    print(f"{len(rows)} sections from {len(set(groups))} documents: {dict(Counter(labels))}")
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), max_features=4000, sublinear_tf=True)
    model = LogisticRegression(max_iter=2000, C=4.0)
    features = vectorizer.fit_transform(texts)
    folds = GroupKFold(n_splits=5)  # whole documents held out, as a new document would be
    predicted = cross_val_predict(model, features, labels, groups=groups, cv=folds)
    print(classification_report(labels, predicted, zero_division=0))
    model.fit(features, labels)
    trained_on = f"{len(rows)} sections of corpora/ (weak labels from strong heading cues)"
    export_model(TARGET, "section_role", trained_on, vectorizer, model)
    print(f"wrote {TARGET} ({TARGET.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
