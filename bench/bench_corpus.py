"""`docparse.Corpus` at scale: parsing with 1 and 2 processes, and a rerun served from the cache.

    python bench/bench_corpus.py [--documents 1000] [--repeat 3] [--keep DIR]

Prints numbers and asserts nothing. The corpus is the documents the project ships
(`corpora/seeds`, `corpora/own/docs`, `corpora/heldout/docs`) repeated in turn to `--documents`
files, each made unique by a closing line (so every file has its own content hash and nothing is
served from the cache by accident). Timings are wall-clock seconds of `Corpus(...)` plus one
DataFrame (`.tasks()`), the minimum and the median of `--repeat` rounds (the three parsing runs
take turns within a round):

- **no cache, 1 process**: a `ProcessPoolExecutor(max_workers=1)` (one worker, the same
  pickling and process start-up as the parallel run, so the ratio measures parallelism only);
- **no cache, 2 processes**: a `ProcessPoolExecutor(max_workers=2)`;
- **in this process**: `max_workers=1` (no pool at all), for reference;
- **cache cold / warm**: the default executor with an empty cache directory, then the same call
  again; the warm run reads one JSON file per document instead of parsing it.

The cache runs are also done on the shipped corpus itself (13 documents), which is what a
notebook over `corpora/` sees.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [ROOT / "corpora" / "seeds", ROOT / "corpora" / "own" / "docs", ROOT / "corpora" / "heldout" / "docs"]


def shipped_files() -> list[Path]:
    return sorted(p for folder in SHIPPED for p in folder.glob("*.txt"))


def make_corpus(folder: Path, count: int) -> int:
    """Write `count` documents into `folder`; returns the UTF-8 bytes written."""
    sources = [(p.stem, p.read_text(encoding="utf-8")) for p in shipped_files()]
    total = 0
    for i in range(count):
        stem, text = sources[i % len(sources)]
        data = f"{text.rstrip()}\n\n（本件为基准测试副本，编号 {i:05d}）\n".encode()
        (folder / f"{i:05d}_{stem}.txt").write_bytes(data)
        total += len(data)
    return total


def timed_alternately(runs: list[Callable[[], object]], repeat: int) -> list[tuple[float, float]]:
    """(minimum, median) seconds of each run over `repeat` rounds; the runs take turns within a
    round, so a burst of other work on the machine does not land on one of them only."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, spent in zip(runs, times):
            start = time.perf_counter()
            run()
            spent.append(time.perf_counter() - start)
    return [(min(spent), statistics.median(spent)) for spent in times]


def corpus_tasks(paths, **kwargs) -> int:
    import docparse

    corpus = docparse.Corpus(paths, **kwargs)
    return len(corpus.tasks())


def with_pool(workers: int) -> Callable[[Path], int]:
    def run(folder: Path) -> int:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return corpus_tasks(folder, executor=pool, use_cache=False)

    return run


def cache_speedup(paths, cache_dir: Path) -> tuple[float, float]:
    """Seconds of a first run into an empty cache, and of the same run again."""
    start = time.perf_counter()
    corpus_tasks(paths, cache_dir=cache_dir)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    corpus_tasks(paths, cache_dir=cache_dir)
    return cold, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the generated corpus here and keep it")
    args = parser.parse_args()

    import docparse

    print(f"docparse {docparse.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average at start {os.getloadavg()[0]:.2f} (other work on the machine slows the parallel runs most)")
    print(f"stages: {' → '.join(docparse.Pipeline().names)}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        size = make_corpus(folder, args.documents)
        print(f"corpus: {args.documents} documents, {size / 1e6:.2f} MB, from {len(shipped_files())} shipped documents")

        one, two, inline = timed_alternately(
            [lambda: with_pool(1)(folder), lambda: with_pool(2)(folder),
             lambda: corpus_tasks(folder, max_workers=1, use_cache=False)],
            args.repeat,
        )  # fmt: skip
        for label, (best, median) in [("1 process (pool)", one), ("2 processes (pool)", two), ("in this process", inline)]:
            print(f"no cache, {label:<20} min {best:7.2f} s  median {median:7.2f} s  "
                  f"{args.documents / best:7.1f} docs/s")
        print(f"speed-up 2 vs 1 process: {one[0] / two[0]:.2f}x (min), {one[1] / two[1]:.2f}x (median); "
              f"2 processes vs in this process: {inline[0] / two[0]:.2f}x (min)")

        print(f"load average after the parsing runs: {os.getloadavg()[0]:.2f}")
        for label, paths in [(f"{args.documents} documents", folder), ("shipped corpus", SHIPPED)]:
            cold, warm = cache_speedup(paths, Path(tmp) / f"cache-{label.split()[0]}")
            print(f"cache, {label:<16} first run {cold:7.3f} s, second run {warm:7.3f} s: {cold / warm:6.1f}x faster")


if __name__ == "__main__":
    main()
