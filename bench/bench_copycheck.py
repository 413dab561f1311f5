"""Copy-check benchmark: accuracy on the labelled set, the TF-IDF baseline, speed and memory at scale.

    python bench/bench_copycheck.py accuracy      # labelled set (bench/copycheck_data/generate.py)
    python bench/bench_copycheck.py speed         # 10,000-plan index, one check, all pairs over 3,000 against TF-IDF
    python bench/bench_copycheck.py scale --plans 100000 [--read text|structure] [--partitions N]
    python bench/bench_copycheck.py candidates    # fingerprints vs MinHash LSH (datasketch), own minhash speed
    python bench/bench_copycheck.py all

Accuracy: pair-level ROC AUC (positive = the checked plan took text from the reference), the hard
AUC (partial and reworded copies against independent plans of the genre only), mean
absolute error of the score against the true copied share, and character-level precision, recall
and F1 of copied passages, PAN text-alignment style (macro over detections and over true passages;
characters of both documents, whitespace not counted). Boilerplate for each case is held out: the
list is built, as the shipped one is, from the plans that are not part of the case.
Results are written to bench/out/copycheck_results.json.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from copycheck_data.generate import PLAN_FILES, ROOT, SENTENCE, Case, generate, load_cases, plan_paths  # noqa: E402

import docparse  # noqa: E402
from docparse.copycheck.boilerplate import BoilerplateSet, common_phrases, phrases_boilerplate  # noqa: E402
from docparse.copycheck.check import BoilerplateModel, CopyCheckSettings, check_prepared, prepare  # noqa: E402

OUT = ROOT / "bench/out"
CASES_DIR = OUT / "copycheck_cases"
RESULTS: dict = {}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- accuracy -------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def document(path: str) -> docparse.Document:
    return docparse.read(ROOT / path, steps=("structure",))


@lru_cache(maxsize=None)
def prepared(path: str, k: int):
    return prepare(document(path), k)


@lru_cache(maxsize=None)
def held_out_boilerplate(excluded: frozenset[str], k: int, min_documents: int = 3) -> BoilerplateSet:
    """Boilerplate built, the way the shipped list is built, from the plans not involved in a case
    and the background collection."""
    background = sorted((CASES_DIR / "background").glob("*.txt"))
    plans = [p for p in plan_paths(CASES_DIR) if p.stem not in excluded] + background
    texts = [prepared(str(p.relative_to(ROOT)), k) for p in plans]
    return phrases_boilerplate(tuple(p.text for p in common_phrases(texts, k, min_documents)), k)


@dataclass
class Detection:
    checked: tuple[int, int]
    reference: tuple[int, int]


def run_docparse(cases: list[Case], settings: CopyCheckSettings, boilerplate: str) -> tuple[list[float], list[list[Detection]]]:
    scores, detections = [], []
    k = settings.align.k
    for case in cases:
        if boilerplate == "held-out":
            excluded = frozenset(case.sources) | {Path(case.reference).stem}
            model = BoilerplateModel(held_out_boilerplate(excluded, k))
        elif boilerplate == "shipped":
            from docparse.copycheck.boilerplate import shipped_boilerplate

            model = BoilerplateModel(shipped_boilerplate(k))
        else:
            model = BoilerplateModel(BoilerplateSet.empty())
        report = check_prepared(prepared(case.checked, k), [prepared(case.reference, k)], model, settings)
        result = report.results[0]
        scores.append(result.score)
        detections.append(
            [
                Detection((p.checked.start, p.checked.end), (p.reference.start, p.reference.end))
                for p in result.passages
                if p.kind == "copied"
            ]
        )
    return scores, detections


def run_tfidf(cases: list[Case]) -> tuple[list[float], list[list[Detection]]]:
    """The naive baseline: TF-IDF character 2-4-gram cosine, for documents and for sentences."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    paths = sorted({c.checked for c in cases} | {c.reference for c in cases})
    texts = {p: document(p).text for p in paths}
    vec = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True).fit([texts[p] for p in paths])
    doc_vectors = dict(zip(paths, vec.transform([texts[p] for p in paths])))

    def sentence_spans(text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if len(m.group().strip()) >= 10]

    scores, detections = [], []
    for case in cases:
        a, b = texts[case.checked], texts[case.reference]
        scores.append(float(cosine_similarity(doc_vectors[case.checked], doc_vectors[case.reference])[0, 0]))
        sa, sb = sentence_spans(a), sentence_spans(b)
        found = []
        if sa and sb:
            sim = cosine_similarity(vec.transform([a[s:e] for s, e in sa]), vec.transform([b[s:e] for s, e in sb]))
            best = sim.argmax(axis=1)
            for i, j in enumerate(best):
                if sim[i, j] >= 0.5:
                    found.append(Detection(sa[i], sb[j]))
        detections.append(found)
    return scores, detections


def char_set(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def pan_scores(cases: list[Case], detections: list[list[Detection]]) -> tuple[float, float, float]:
    """PAN character-level precision and recall (macro over detections / true passages) and F1."""
    precisions, recalls = [], []
    for case, dets in zip(cases, detections):
        a, b = document(case.checked).text, document(case.reference).text
        truth_a = char_set(a, [p[0] for p in case.passages])
        truth_b = char_set(b, [p[1] for p in case.passages])
        det_a = char_set(a, [d.checked for d in dets])
        det_b = char_set(b, [d.reference for d in dets])
        for d in dets:
            ca, cb = char_set(a, [d.checked]), char_set(b, [d.reference])
            if ca or cb:
                precisions.append((len(ca & truth_a) + len(cb & truth_b)) / (len(ca) + len(cb)))
        for p in case.passages:
            ca, cb = char_set(a, [p[0]]), char_set(b, [p[1]])
            if ca or cb:
                recalls.append((len(ca & det_a) + len(cb & det_b)) / (len(ca) + len(cb)))
    precision = float(np.mean(precisions)) if precisions else 0.0
    recall = float(np.mean(recalls)) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


HARD_POSITIVE = ("partial", "reworded")


def hard_auc(kinds: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC of partial and reworded copies against independent plans of the genre (both sharing the
    genre's formulations): the renamed full copies and the unrelated pairs, easy on either side, left out."""
    from sklearn.metrics import roc_auc_score

    keep = np.isin(kinds, (*HARD_POSITIVE, "independent"))
    return float(roc_auc_score(np.isin(kinds[keep], HARD_POSITIVE), scores[keep]))


def summarize(name: str, cases: list[Case], scores: list[float], detections: list[list[Detection]]) -> dict:
    from sklearn.metrics import roc_auc_score

    truth = np.array([c.true_share for c in cases])
    s = np.array(scores)
    p, r, f1 = pan_scores(cases, detections)
    kinds = np.array([c.kind for c in cases])
    row = {
        "method": name,
        "auc": float(roc_auc_score(truth > 0, s)),
        "auc_hard": hard_auc(kinds, s),
        "mae": float(np.abs(s - truth).mean()),
        "precision": p,
        "recall": r,
        "f1": f1,
        "min_renamed": float(s[kinds == "renamed"].min()),
        "max_independent": float(s[kinds == "independent"].max()),
        "max_unrelated": float(s[kinds == "unrelated"].max()),
        "mae_by_kind": {k: float(np.abs(s - truth)[kinds == k].mean()) for k in sorted(set(kinds))},
    }
    return row


def accuracy() -> None:
    generate(CASES_DIR)
    cases = load_cases(CASES_DIR)
    settings = CopyCheckSettings()
    kinds: dict[str, int] = {}
    for c in cases:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    print(f"labelled set: {len(cases)} pairs {kinds}, {len(PLAN_FILES)} plans")
    rows = []
    for mode in ("held-out", "shipped", "none"):
        t = time.perf_counter()
        scores, dets = run_docparse(cases, settings, mode)
        row = summarize(f"docparse (boilerplate: {mode})", cases, scores, dets)
        row["seconds"] = time.perf_counter() - t
        rows.append(row)
    t = time.perf_counter()
    scores, dets = run_tfidf(cases)
    row = summarize("TF-IDF char 2-4-gram cosine", cases, scores, dets)
    row["seconds"] = time.perf_counter() - t
    rows.append(row)
    print(f"{'method':38} {'AUC':>6} {'hard':>6} {'MAE':>6} {'charP':>6} {'charR':>6} {'charF1':>6} {'minRen':>6} {'maxInd':>6} {'maxUnr':>6}")
    for r in rows:
        print(
            f"{r['method']:38} {r['auc']:6.3f} {r['auc_hard']:6.3f} {r['mae']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
            f" {r['min_renamed']:6.3f} {r['max_independent']:6.3f} {r['max_unrelated']:6.3f}"
        )
    for r in rows:
        print(f"  MAE by kind, {r['method']}: " + ", ".join(f"{k} {v:.3f}" for k, v in r["mae_by_kind"].items()))
    RESULTS["accuracy"] = rows


# --- speed and memory ------------------------------------------------------------------------------


def plan_pool() -> tuple[list[np.ndarray], np.ndarray]:
    """Paragraph code arrays of the real and written plans, and their character distribution."""
    paras = []
    for p in PLAN_FILES:
        for line in p.read_text(encoding="utf-8").splitlines():
            if len(line.strip()) >= 20:
                paras.append(np.frombuffer(line.strip().encode("utf-32-le"), dtype=np.uint32))
    chars = np.concatenate(paras)
    cjk = chars[(chars >= 0x4E00) & (chars <= 0x9FFF)]
    return paras, cjk


def synthetic_plans(n: int, seed: int = 1, copy_rate: float = 0.05) -> list[str]:
    """`n` plan-like texts: paragraphs of real plans with a third of their characters replaced, so
    each text is its own, plus the genre's untouched formulations; `copy_rate` of them copy an
    earlier one (renamed, 30-100 %)."""
    rng = np.random.default_rng(seed)
    paras, cjk = plan_pool()
    formulas = [p for p in paras if 20 <= len(p) <= 60][:40]
    texts: list[str] = []
    for i in range(n):
        if i > 10 and rng.random() < copy_rate:
            src = texts[int(rng.integers(0, i))].split("\n")
            keep = max(2, int(len(src) * rng.uniform(0.3, 1.0)))
            start = int(rng.integers(0, len(src) - keep + 1))
            body = [line.replace("市", "县").replace("全州", "全县") for line in src[start : start + keep]]
            texts.append("\n".join([f"某某县方案{i}"] + body))
            continue
        lines = [f"第{i}号安全生产工作方案"]
        for _ in range(int(rng.integers(12, 30))):
            para = paras[int(rng.integers(0, len(paras)))].copy()
            mutate = rng.random(len(para)) < 0.33
            para[mutate] = cjk[rng.integers(0, len(cjk), mutate.sum())]
            lines.append(para.tobytes().decode("utf-32-le"))
            if rng.random() < 0.15:
                lines.append(formulas[int(rng.integers(0, len(formulas)))].tobytes().decode("utf-32-le"))
        texts.append("\n".join(lines))
    return texts


def read_all(texts: list[str], prefix: str) -> list[docparse.Document]:
    pipeline = docparse.Pipeline(steps=("structure",))
    return [pipeline(t.encode("utf-8"), name=f"{prefix}{i}.txt") for i, t in enumerate(texts)]


def speed(n_index: int = 10_000, n_pairs: int = 3_000) -> None:
    from docparse.copycheck import CopyIndex, check_corpus

    settings = CopyCheckSettings()
    k = settings.align.k
    t = time.perf_counter()
    texts = synthetic_plans(n_index)
    print(f"synthetic plans: {n_index}, mean {np.mean([len(x) for x in texts]):.0f} chars, made in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    docs = read_all(texts, "plan")
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    prepared_texts = [prepare(d, k) for d in docs]
    t_prep = time.perf_counter() - t
    print(f"read + structure: {t_read:.1f} s; mask + shingle: {t_prep:.1f} s ({n_index / (t_read + t_prep):.0f} plans/s)")

    # All pairs over the first n_pairs plans (prepared once, as an index or a corpus run has them).
    t = time.perf_counter()
    report = check_corpus(prepared_texts[:n_pairs], settings=settings)
    t_pairs = time.perf_counter() - t
    t_prep_pairs = t_prep * n_pairs / n_index + t_read * n_pairs / n_index
    print(
        f"all pairs over {n_pairs} plans: {t_pairs:.1f} s ({report.candidates} candidate pairs aligned,"
        f" {len(report.pairs)} pairs ≥ {report.threshold}); with reading and preparing: {t_pairs + t_prep_pairs:.1f} s"
    )

    index_path = OUT / "copycheck_index.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path}{suffix}").unlink(missing_ok=True)
    rss_before = peak_rss_mb()
    t = time.perf_counter()
    index = CopyIndex(str(index_path), settings=settings)
    index.add(prepared_texts)
    t_index = time.perf_counter() - t
    size_mb = sum(Path(f"{index_path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{index_path}{s}").exists()) / 2**20
    print(f"index of {len(index)} plans: built in {t_index:.1f} s, file {size_mb:.0f} MiB, peak RSS {peak_rss_mb():.0f} MiB (before: {rss_before:.0f})")
    del index

    # One check: a fresh process would open the index; here a new CopyIndex object opens the file.
    rng = random.Random(3)
    new_texts = synthetic_plans(60, seed=99, copy_rate=0.0)
    queries = [("new plan", t_) for t_ in new_texts[40:50]]
    for i in rng.sample(range(n_index), 10):
        lines = texts[i].split("\n")
        queries.append(("copy of an indexed plan", "\n".join(["某某县方案"] + [x.replace("市", "县") for x in lines[1:]])))
    times = {"new plan": [], "copy of an indexed plan": []}
    scores = {"new plan": [], "copy of an indexed plan": []}
    for kind, text in queries:
        t = time.perf_counter()
        index = CopyIndex(str(index_path), settings=settings)
        doc = docparse.read(text.encode("utf-8"), name="query.txt", steps=("structure",))
        rep = index.check(doc)
        times[kind].append(time.perf_counter() - t)
        scores[kind].append(rep.score)
        index.storage.close()
    for kind in times:
        print(
            f"check one {kind} against {n_index}: median {np.median(times[kind]) * 1000:.0f} ms,"
            f" max {max(times[kind]) * 1000:.0f} ms; scores {np.round(scores[kind], 2).tolist()}"
        )
    query_file = OUT / "copycheck_query.txt"
    query_file.write_text(queries[-1][1], encoding="utf-8")
    rss, seconds = check_in_fresh_process(index_path, query_file)
    print(f"a fresh process checking one plan against the {n_index}-plan index: {seconds * 1000:.0f} ms"
          f" (imports excluded), peak RSS {rss:.0f} MiB")
    print(f"peak RSS of the whole benchmark process (10,000 Documents in memory): {peak_rss_mb():.0f} MiB")
    RESULTS["speed"] = {
        "plans": n_index, "read_s": t_read, "prepare_s": t_prep, "all_pairs_n": n_pairs, "all_pairs_s": t_pairs,
        "all_pairs_with_preparation_s": t_pairs + t_prep_pairs, "candidate_pairs": report.candidates,
        "index_build_s": t_index, "index_file_mib": size_mb,
        "check_median_ms": {k: float(np.median(v) * 1000) for k, v in times.items()},
        "check_max_ms": {k: float(max(v) * 1000) for k, v in times.items()},
        "peak_rss_mib": peak_rss_mb(), "fresh_process_check_rss_mib": rss, "fresh_process_check_s": seconds,
    }  # fmt: skip


# --- all pairs against the TF-IDF baseline, and collections of 100,000 plans ---------------------------

TFIDF_THRESHOLD = 0.5


def current_rss_mb() -> float:
    with open("/proc/self/status") as f:
        return int(f.read().split("VmRSS:")[1].split()[0]) / 1024


def tfidf_all_pairs(texts: list[str], threshold: float = TFIDF_THRESHOLD) -> list[tuple[float, int, int]]:
    """All pairs as a user writes them: TF-IDF of character 3-grams (the baseline of copycheck_real/run.py),
    sparse cosine of every pair, the pairs above `threshold`, best first."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(analyzer="char", ngram_range=(3, 3), sublinear_tf=True).fit_transform(texts)
    sim = (vectors @ vectors.T).tocoo()  # rows are L2-normalised: the product is the cosine
    keep = (sim.row < sim.col) & (sim.data >= threshold)
    return sorted(zip(sim.data[keep].tolist(), sim.row[keep].tolist(), sim.col[keep].tolist()), reverse=True)


def prepared_plans(texts: list[str], read: str, k: int) -> list:
    """The texts prepared for copy-check: `structure` reads each through docparse.read (meta and outline:
    title, 公文 metadata, issuer), `text` through the text-only path `prepare_text`."""
    from docparse.copycheck import prepare_text

    if read == "text":
        return [prepare_text(t, k, name=f"plan{i}.txt") for i, t in enumerate(texts)]
    return [prepare(d, k) for d in read_all(texts, "plan")]


STAGE_SECONDS: dict[str, float] = {}


def time_corpus_stages() -> None:
    """Time check_corpus's stages (fingerprints, candidate search, alignment) where it calls them."""
    from docparse.copycheck import corpus

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                STAGE_SECONDS[name] = STAGE_SECONDS.get(name, 0.0) + time.perf_counter() - t

        return wrapper

    for name, stage in (("fingerprints_s", "passage_fingerprints"), ("candidate_search_s", "candidate_pairs"),
                        ("candidate_search_s", "candidate_pairs_partitioned"), ("align_s", "aligned_pairs")):
        if not hasattr(getattr(corpus, stage), "__wrapped_stage__"):
            setattr(corpus, stage, timed(name, getattr(corpus, stage)))
            getattr(corpus, stage).__wrapped_stage__ = True


def pairs_job(method: str, n: int, read: str = "structure", partitions: int = 0) -> dict:
    """All pairs over `n` synthetic plans by one method, from the texts, in this process: seconds by stage
    and the memory it took (peak RSS over the RSS after the texts were made)."""
    from docparse.copycheck import check_corpus

    time_corpus_stages()
    texts = synthetic_plans(n)
    if method == "docparse":  # imports and lazily loaded lexicons are not part of the job
        prepared_plans(texts[:2], read, 8)
    rss0 = current_rss_mb()
    out: dict = {"method": method, "plans": n, "mean_chars": float(np.mean([len(x) for x in texts]))}
    t = time.perf_counter()
    if method == "tfidf":
        out["pairs"] = len(tfidf_all_pairs(texts))
        out["seconds"] = time.perf_counter() - t
    else:
        settings = CopyCheckSettings()
        prepared_texts = prepared_plans(texts, read, settings.align.k)
        out["read"] = read
        out["prepare_s"] = time.perf_counter() - t
        t1 = time.perf_counter()
        if partitions:  # the index sharded across the dask partitions of a 2-process local cluster
            import distributed

            cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            with cluster, distributed.Client(cluster) as client:
                t1 = time.perf_counter()
                report = check_corpus(prepared_texts, settings=settings, executor=client.get_executor(), partitions=partitions)
                out["check_corpus_s"] = time.perf_counter() - t1  # cluster start and stop not counted
        else:
            report = check_corpus(prepared_texts, settings=settings)
            out["check_corpus_s"] = time.perf_counter() - t1
        out.update(STAGE_SECONDS)
        out["seconds"] = out["prepare_s"] + out["check_corpus_s"]
        out["candidates"] = report.candidates
        out["pairs"] = len(report.pairs)
    out["peak_rss_mib"] = peak_rss_mb()
    out["memory_mib"] = peak_rss_mb() - rss0
    return out


def run_job(method: str, n: int, read: str = "structure", partitions: int = 0) -> dict:
    """`pairs_job` in a fresh process, so that each method's memory is its own."""
    import subprocess

    args = [sys.executable, __file__, "_job", method, str(n), read, str(partitions)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    return json.loads(out[-1])


def all_pairs_against_tfidf(n: int = 3_000) -> None:
    """All pairs over `n` plans, from their texts: docparse (both preparation paths) and the TF-IDF
    baseline, one after the other, each in a process of its own."""
    rows = [run_job("tfidf", n), run_job("docparse", n, "structure"), run_job("docparse", n, "text")]
    tfidf = rows[0]
    print(f"all pairs over {n} plans, from the texts, one process each (mean {tfidf['mean_chars']:.0f} chars):")
    print(f"  TF-IDF char-3 cosine ≥ {TFIDF_THRESHOLD}: {tfidf['seconds']:.1f} s, {tfidf['memory_mib']:.0f} MiB, {tfidf['pairs']} pairs")
    for r in rows[1:]:
        print(
            f"  docparse, {r['read']} read: {r['seconds']:.1f} s (prepare {r['prepare_s']:.1f} s, check_corpus"
            f" {r['check_corpus_s']:.1f} s: {r['candidates']} candidates, {r['pairs']} pairs), {r['memory_mib']:.0f} MiB;"
            f" time ratio docparse / TF-IDF {r['seconds'] / tfidf['seconds']:.2f}, once prepared"
            f" {r['check_corpus_s'] / tfidf['seconds']:.2f}; memory ratio {r['memory_mib'] / tfidf['memory_mib']:.2f}"
        )
    RESULTS["all_pairs_vs_tfidf"] = rows


def scale(n: int, read: str, partitions: int) -> None:
    r = pairs_job("docparse", n, read, partitions)
    print(
        f"{n} plans ({r['mean_chars']:.0f} chars on average), {read} read, partitions {partitions or 'none'}:"
        f" prepare {r['prepare_s']:.1f} s; check_corpus {r['check_corpus_s']:.1f} s: fingerprints"
        f" {r.get('fingerprints_s', 0):.1f} s, candidate search {r.get('candidate_search_s', 0):.1f} s, alignment"
        f" {r.get('align_s', 0):.1f} s ({r['candidates']} candidate pairs aligned, {r['pairs']} pairs reported);"
        f" total {r['seconds']:.1f} s; peak RSS {r['peak_rss_mib']:.0f} MiB"
    )
    RESULTS["scale"] = r


def check_in_fresh_process(index_path: Path, query_file: Path) -> tuple[float, float]:
    """Peak RSS (MiB) and check time of a new Python process that opens the index and checks one plan."""
    import subprocess

    code = (
        "import resource, time, docparse, docparse.copycheck as cc\n"
        "t = time.perf_counter()\n"
        f"r = cc.CopyIndex({str(index_path)!r}).check({str(query_file)!r})\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.perf_counter() - t)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


# --- candidate search: fingerprints vs MinHash LSH ---------------------------------------------------


def candidates() -> None:
    from docparse.copycheck.shingles import minhash_signature

    generate(CASES_DIR)
    cases = [c for c in load_cases(CASES_DIR) if c.true_share > 0]
    settings = CopyCheckSettings()
    k, rate = settings.align.k, settings.fingerprint_rate
    found_fp = []
    jaccards = []
    for c in cases:
        a, b = prepared(c.checked, k), prepared(c.reference, k)
        fa, fb = a.fingerprints(rate), b.fingerprints(rate)
        shared = len(np.intersect1d(fa, fb))
        found_fp.append(shared >= 3 and shared / max(1, min(len(fa), len(fb))) >= 0.04)
        sa, sb = set(a.hashes.tolist()), set(b.hashes.tolist())
        jaccards.append(len(sa & sb) / len(sa | sb))
    jaccards = np.array(jaccards)
    small = np.array([c.true_share < 0.35 for c in cases])
    print(f"positive pairs: {len(cases)}; fingerprint candidates found: {np.mean(found_fp):.3f}"
          f" (true share < 0.35: {np.mean(np.array(found_fp)[small]):.3f})")
    for thr in (0.3, 0.5):
        print(f"MinHash LSH at Jaccard threshold {thr}: would find about {np.mean(jaccards >= thr):.3f}"
              f" (true share < 0.35: {np.mean(jaccards[small] >= thr):.3f}); median Jaccard of the small copies"
              f" {np.median(jaccards[small]):.3f}")
    try:
        from datasketch import MinHash
    except ImportError:
        print("datasketch not installed: pip install datasketch to time it")
        return
    sets = [prepared(c.checked, k).hashes for c in cases[:40]]
    t = time.perf_counter()
    for h in sets:
        minhash_signature(h, 128)
    own = (time.perf_counter() - t) / len(sets)
    t = time.perf_counter()
    for h in sets:
        m = MinHash(num_perm=128)
        m.update_batch([int(x).to_bytes(8, "little") for x in h])
    theirs = (time.perf_counter() - t) / len(sets)
    print(f"MinHash signature (128 permutations) per plan: own numpy {own * 1000:.1f} ms, datasketch {theirs * 1000:.1f} ms")
    RESULTS["candidates"] = {
        "fingerprint_recall": float(np.mean(found_fp)),
        "lsh_recall_at_0.3": float(np.mean(jaccards >= 0.3)),
        "lsh_recall_at_0.5": float(np.mean(jaccards >= 0.5)),
        "minhash_ms_own": own * 1000, "minhash_ms_datasketch": theirs * 1000,
    }  # fmt: skip


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what == "_job":
        print(json.dumps(pairs_job(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))))
        sys.exit()
    if what == "scale":
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("what")
        parser.add_argument("--plans", type=int, default=100_000)
        parser.add_argument("--read", choices=("text", "structure"), default="text")
        parser.add_argument("--partitions", type=int, default=0, help="shard the fingerprint index into N dask partitions")
        a = parser.parse_args()
        OUT.mkdir(parents=True, exist_ok=True)
        scale(a.plans, a.read, a.partitions)
        (OUT / f"copycheck_results_scale_{a.plans}.json").write_text(json.dumps(RESULTS, ensure_ascii=False, indent=1))
        sys.exit()
    OUT.mkdir(parents=True, exist_ok=True)
    if what in ("accuracy", "all"):
        accuracy()
    if what in ("candidates", "all"):
        candidates()
    if what in ("speed", "all"):
        speed()
        all_pairs_against_tfidf()
    (OUT / f"copycheck_results_{what}.json").write_text(json.dumps(RESULTS, ensure_ascii=False, indent=1))
