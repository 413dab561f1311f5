"""Copy-check on real public plan families: docparse vs two naive baselines, one run.

    python bench/copycheck_real/run.py

Reads docs/*.txt, pairs.tsv (labels written by reading the texts, before any scoring) and scores
every pair with
  (a) docparse's copy-check, the way bench/bench_copycheck.py calls it (prepare each plan once,
      `check_prepared` with the shipped boilerplate and default settings); the pair score is the
      larger of the two directions' scores (share of the checked plan copied from the other);
  (b) TF-IDF character 3-gram cosine (scikit-learn, fitted on the 58 documents);
  (c) 5-gram containment |A∩B| / min(|A|,|B|) over character 5-gram sets (whitespace removed).
Prints ROC AUC for text reuse (copy+common vs independent) and for copy vs common, and writes
everything to bench/out/copycheck_real.json.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "bench/out/copycheck_real.json"


def load_pairs() -> list[dict]:
    with open(HERE / "pairs.tsv", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def docparse_scores(files: list[str], pairs: list[dict]) -> tuple[list[float], list[dict]]:
    import docparse
    from docparse.copycheck import CopyCheckSettings, prepare
    from docparse.copycheck.check import check_prepared, default_boilerplate

    settings = CopyCheckSettings()
    k = settings.align.k
    model = default_boilerplate(settings)
    prepared = {f: prepare(docparse.read(HERE / f, steps=("structure",)), k) for f in files}
    scores, detail = [], []
    for p in pairs:
        a, b = p["file_a"], p["file_b"]
        ab = check_prepared(prepared[a], [prepared[b]], model, settings).results[0]
        ba = check_prepared(prepared[b], [prepared[a]], model, settings).results[0]
        scores.append(max(ab.score, ba.score))
        detail.append({"a_from_b": ab.score, "b_from_a": ba.score, "verdict_a": ab.verdict, "verdict_b": ba.verdict})
    return scores, detail


def tfidf_scores(texts: dict[str, str], pairs: list[dict]) -> list[float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    names = sorted(texts)
    vec = TfidfVectorizer(analyzer="char", ngram_range=(3, 3), sublinear_tf=True)
    m = vec.fit_transform([texts[n] for n in names])
    row = {n: i for i, n in enumerate(names)}
    sim = cosine_similarity(m)
    return [float(sim[row[p["file_a"]], row[p["file_b"]]]) for p in pairs]


def containment_scores(texts: dict[str, str], pairs: list[dict], n: int = 5) -> list[float]:
    grams = {}
    for name, t in texts.items():
        s = re.sub(r"\s+", "", t)
        grams[name] = {s[i : i + n] for i in range(len(s) - n + 1)}
    out = []
    for p in pairs:
        a, b = grams[p["file_a"]], grams[p["file_b"]]
        out.append(len(a & b) / max(1, min(len(a), len(b))))
    return out


def corpus_relations(files: list[str], pairs: list[dict]) -> dict[str, dict[str, int]]:
    """Corpus mode over all documents: for each label, how many of its pairs are reported as direct
    copies and how many as common-source inheritance (and how many not at all)."""
    from docparse.copycheck import check_corpus

    labels = {frozenset((p["file_a"], p["file_b"])): p["label"] for p in pairs}
    report = check_corpus([str(HERE / f) for f in files])
    found: dict[str, dict[str, int]] = {lab: {"copied": 0, "common source": 0} for lab in ("copy", "common", "independent")}
    for p in report.pairs:
        key = frozenset(str(Path(x).relative_to(HERE)) for x in (p.checked.path, p.reference.path))
        if key in labels:
            found[labels[key]][p.relation] += 1
    return found


def candidate_recall(files: list[str]) -> tuple[int, int]:
    """Corpus mode against exhaustive comparison: (pairs at or above the reporting threshold when every
    pair is aligned both ways, how many of them corpus mode's candidate search finds)."""
    import itertools

    from docparse.copycheck import check_corpus
    from docparse.copycheck.check import CopyCheckSettings, check_prepared, default_boilerplate, load_document, prepare

    settings = CopyCheckSettings()
    texts = [prepare(load_document(str(HERE / f)), settings.align.k) for f in files]
    model = default_boilerplate(settings)
    found = {frozenset((p.checked.sha256, p.reference.sha256)) for p in check_corpus(texts).pairs}
    above = [
        frozenset((a.info.sha256, b.info.sha256))
        for a, b in itertools.combinations(texts, 2)
        if max(check_prepared(a, [b], model, settings).score, check_prepared(b, [a], model, settings).score)
        >= settings.thresholds.partly
    ]
    return len(above), sum(key in found for key in above)


Case = tuple[str, str, int, int, int, int]  # copy file, source file, copy start/end, source start/end


def marked_cases() -> list[Case]:
    """The hand-marked copied passages of spans.tsv (absent: none)."""
    path = HERE / "spans.tsv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(r["copy_file"], r["source_file"], *(int(r[k]) for k in ("copy_start", "copy_end", "source_start", "source_end")))
            for r in rows]  # fmt: skip


def detected_cases(cases: list[Case]) -> list[Case]:
    """docparse's copied passages for each (copy, source) pair that has marked passages."""
    import docparse

    out = []
    for copy_file, source_file in dict.fromkeys((c[0], c[1]) for c in cases):
        report = docparse.copycheck(str(HERE / copy_file), [str(HERE / source_file)])
        out += [(copy_file, source_file, p.checked.start, p.checked.end, p.reference.start, p.reference.end)
                for p in report.results[0].passages if p.kind == "copied"]  # fmt: skip
    return out


def overlap(a: Case, b: Case) -> int:
    """Characters two cases share, in the copy and in the source (PAN's s ⊓ r), 0 for other documents."""
    if a[:2] != b[:2]:
        return 0
    return max(0, min(a[3], b[3]) - max(a[2], b[2])) + max(0, min(a[5], b[5]) - max(a[4], b[4]))


def covered(case: Case, others: list[Case]) -> int:
    """Characters of `case` (copy and source side) that any of `others` covers, each counted once."""
    sides = []
    for lo, hi, olo, ohi in ((2, 3, 2, 3), (4, 5, 4, 5)):
        flags = bytearray(case[hi] - case[lo])
        for o in others:
            if o[:2] == case[:2]:
                s, e = max(case[lo], o[olo]), min(case[hi], o[ohi])
                if e > s:
                    flags[s - case[lo] : e - case[lo]] = b"\x01" * (e - s)
        sides.append(sum(flags))
    return sum(sides)


def plagdet(cases: list[Case], detections: list[Case]) -> dict[str, float]:
    """PAN's measures (Potthast et al. 2010): character precision and recall over cases and detections,
    granularity, plagdet = F1 / log2(1 + granularity); and plain character precision/recall on the copy side."""
    import math

    size = lambda c: (c[3] - c[2]) + (c[5] - c[4])  # noqa: E731
    rec = sum(covered(s, [r for r in detections if overlap(s, r)]) / size(s) for s in cases) / len(cases)
    prec = sum(covered(r, [s for s in cases if overlap(s, r)]) / size(r) for r in detections) / len(detections) if detections else 0.0
    detected = [s for s in cases if any(overlap(s, r) for r in detections)]
    gran = sum(sum(1 for r in detections if overlap(s, r)) for s in detected) / len(detected) if detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    gold_chars = {(c[0], i) for c in cases for i in range(c[2], c[3])}
    found_chars = {(c[0], i) for c in detections for i in range(c[2], c[3])}
    both = len(gold_chars & found_chars)
    return {"cases": len(cases), "detections": len(detections), "precision": prec, "recall": rec,
            "granularity": gran, "plagdet": f1 / math.log2(1 + gran),
            "char_precision": both / len(found_chars) if found_chars else 0.0, "char_recall": both / len(gold_chars)}  # fmt: skip


def auc(labels: list[int], scores: list[float]) -> float | None:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else None


def main() -> None:
    t0 = time.perf_counter()
    pairs = load_pairs()
    files = sorted({p["file_a"] for p in pairs} | {p["file_b"] for p in pairs})
    texts = {f: (HERE / f).read_text(encoding="utf-8") for f in files}
    methods = {}
    methods["docparse"], detail = docparse_scores(files, pairs)
    methods["tfidf_char3_cosine"] = tfidf_scores(texts, pairs)
    methods["char5_containment"] = containment_scores(texts, pairs)

    reuse = [1 if p["label"] in ("copy", "common") else 0 for p in pairs]
    cc_idx = [i for i, p in enumerate(pairs) if p["label"] in ("copy", "common")]
    cc = [1 if pairs[i]["label"] == "copy" else 0 for i in cc_idx]
    table = {}
    for name, s in methods.items():
        table[name] = {
            "auc_reuse_vs_independent": auc(reuse, s),
            "auc_copy_vs_common": auc(cc, [s[i] for i in cc_idx]),
        }
    counts = {lab: sum(p["label"] == lab for p in pairs) for lab in ("copy", "common", "independent")}
    families = sorted({f.split("/")[-1].split("_")[0] for f in files})
    print(f"{len(files)} documents, {len(families)} families, {len(pairs)} pairs {counts}")
    print(f"{'method':22s} {'reuse vs indep':>15s} {'copy vs common':>15s}")
    for name, r in table.items():
        fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"{name:22s} {fmt(r['auc_reuse_vs_independent']):>15s} {fmt(r['auc_copy_vs_common']):>15s}")

    relations = corpus_relations(files, pairs)
    print("corpus mode (check_corpus over all documents), pairs reported as direct copy / common source:")
    for lab, n in relations.items():
        print(f"  labelled {lab:12s} {n['copied']:3d} copied  {n['common source']:3d} common source")
    told = relations["copy"]["copied"] + relations["common"]["common source"]
    reported = sum(relations["copy"].values()) + sum(relations["common"].values())
    print(f"  direct copying told apart from common source: {told}/{reported} of the reported reuse pairs")

    exhaustive, found = candidate_recall(files)
    print(f"candidate search: {found} of the {exhaustive} pairs an exhaustive comparison scores at or above the"
          f" threshold ({found / max(1, exhaustive):.3f})")

    cases = marked_cases()
    passages = plagdet(cases, detected_cases(cases)) if cases else None
    if passages:
        print(f"passages on {len({c[:2] for c in cases})} hand-marked pairs ({passages['cases']} passages): character"
              f" precision {passages['char_precision']:.3f}, recall {passages['char_recall']:.3f}; PAN precision"
              f" {passages['precision']:.3f}, recall {passages['recall']:.3f}, granularity {passages['granularity']:.2f},"
              f" plagdet {passages['plagdet']:.3f}")

    rows = []
    for i, p in enumerate(pairs):
        rows.append({**p, **{m: methods[m][i] for m in methods}, **detail[i]})
    elapsed = time.perf_counter() - t0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"documents": len(files), "families": families, "pairs": len(pairs), "labels": counts,
                    "auc": table, "corpus_relations": relations,
                    "candidate_recall": {"exhaustive": exhaustive, "found": found},
                    "passages": passages, "seconds": round(elapsed, 1), "rows": rows}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)} in {elapsed:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
