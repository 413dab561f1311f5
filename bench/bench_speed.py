"""docparse.read against jieba.lcut on the same real texts, as ratios measured in one run.

    python bench/bench_speed.py [--split test] [--repeat 3] [--cold 5]

- warm: throughput (KB/s of UTF-8) of `docparse.read` over the real corpus's .txt documents, in one
  process after a first pass, divided by that of `jieba.lcut` on the same decoded texts. Goal: >= 1.
- cold: wall time of a fresh process that imports docparse and reads one document, divided by that of a
  fresh process that imports jieba and segments the same file (jieba's dictionary cache already built,
  as on a user's machine after the first run). Median of `--cold` runs each. Goal: <= 0.5.
- linear: the exponent k of time ~ size^k for `docparse.read` on 1x, 4x and 16x a real text.

`--split test` takes the frozen test split's documents, held back from the rule work (corpora/real/MANIFEST.tsv).
Prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real"
COLD_DOCPARSE = "import sys, docparse; docparse.read(sys.argv[1])"
COLD_JIEBA = (
    "import sys, logging, jieba; jieba.setLogLevel(logging.WARNING); "
    "from docparse.read.text import decode_text; "
    "jieba.lcut(decode_text(open(sys.argv[1], 'rb').read())[0])"
)


def real_texts(split: str | None) -> list[Path]:
    """The real corpus's .txt documents, of one split or all."""
    with (REAL / "MANIFEST.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [REAL / "docs" / r["file"] for r in rows if r["file"].endswith(".txt") and split in (None, r["split"])]


def decoded(path: Path) -> str:
    from docparse.read.text import decode_text

    return decode_text(path.read_bytes())[0]


def best_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def warm_ratio(paths: list[Path], repeat: int) -> tuple[float, float, float]:
    """(docparse KB/s, jieba KB/s, ratio) over the same texts, each after a first untimed pass."""
    import logging

    import jieba

    import docparse

    jieba.setLogLevel(logging.WARNING)
    texts = [decoded(p) for p in paths]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1e3
    for fn in (lambda: [docparse.read(p) for p in paths], lambda: [jieba.lcut(t) for t in texts]):
        fn()
    t_doc = best_time(lambda: [docparse.read(p) for p in paths], repeat)
    t_jieba = best_time(lambda: [jieba.lcut(t) for t in texts], repeat)
    return kb / t_doc, kb / t_jieba, t_jieba / t_doc


def fresh_process_time(code: str, path: Path, runs: int) -> float:
    # bytecode is written, as pip writes it on install (jieba's is there already)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=ROOT, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_ratio(path: Path, runs: int) -> tuple[float, float, float]:
    """(docparse s, jieba s, docparse / jieba) for a fresh process on one file; caches warmed first."""
    fresh_process_time(COLD_DOCPARSE, path, 1)
    fresh_process_time(COLD_JIEBA, path, 1)
    t_doc = fresh_process_time(COLD_DOCPARSE, path, runs)
    t_jieba = fresh_process_time(COLD_JIEBA, path, runs)
    return t_doc, t_jieba, t_doc / t_jieba


def size_exponent(text: str, repeat: int) -> float:
    """k of time ~ size^k from 1x, 4x and 16x `text`, by least squares on the logs."""
    import docparse

    sizes, times = [], []
    for factor in (1, 4, 16):
        big = "\n".join([text] * factor)
        sizes.append(math.log(len(big)))
        data = big.encode("utf-8")
        times.append(math.log(best_time(lambda data=data: docparse.read(data, name="big.txt"), repeat)))
    mean_s, mean_t = statistics.mean(sizes), statistics.mean(times)
    return sum((s - mean_s) * (t - mean_t) for s, t in zip(sizes, times)) / sum((s - mean_s) ** 2 for s in sizes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "dev"), default=None, help="one split of corpora/real (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold", type=int, default=5, help="fresh processes per side")
    args = ap.parse_args()
    paths = real_texts(args.split)
    doc_rate, jieba_rate, ratio = warm_ratio(paths, args.repeat)
    print(f"warm, {len(paths)} real .txt documents: docparse.read {doc_rate:.0f} KB/s, jieba.lcut {jieba_rate:.0f} KB/s,"
          f" ratio {ratio:.2f} (goal >= 1)")
    median_doc = sorted(paths, key=lambda p: p.stat().st_size)[len(paths) // 2]
    t_doc, t_jieba, ratio = cold_ratio(median_doc, args.cold)
    print(f"cold, fresh process on {median_doc.name} ({median_doc.stat().st_size / 1e3:.1f} KB): docparse {t_doc:.2f} s,"
          f" jieba {t_jieba:.2f} s, ratio {ratio:.2f} (goal <= 0.5)")
    largest = max(paths, key=lambda p: p.stat().st_size)
    print(f"linear: time ~ size^k on 1x/4x/16x {largest.name}: k = {size_exponent(decoded(largest), args.repeat):.2f}")


if __name__ == "__main__":
    main()
