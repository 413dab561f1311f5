"""Throughput of reading + structuring and of full extraction on one core; load time and peak RSS.

    python bench/bench_extract.py [--target-mb 1.0] [--repeat 3]

Prints numbers and asserts nothing. Sizes are UTF-8 bytes of the source text; each timing is the
median of `--repeat` runs over the same inputs, in this one process (one core).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
OWN_DOCS = ROOT / "corpora" / "own" / "docs"
PLAN_CHARS = 20_000


def load_time() -> tuple[float, float]:
    """Seconds to import docparse and run the full pipeline on a tiny document, cold then warm.

    The cold run includes every lexicon, gazetteer and model a stage loads lazily; it must run
    before anything else in this process has imported docparse.
    """
    tiny = "某县安全生产委员会关于开展安全生产检查的通知\n\n各乡镇：\n\n请于6月底前完成自查。\n".encode()
    start = time.perf_counter()
    import docparse

    docparse.read(tiny, name="tiny.txt")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    docparse.read(tiny, name="tiny.txt")
    return cold, time.perf_counter() - start


def seed_inputs(target_bytes: int) -> list[tuple[str, bytes]]:
    """The seed files, repeated in turn until their text adds up to `target_bytes`."""
    seeds = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    inputs: list[tuple[str, bytes]] = []
    total = 0
    while total < target_bytes:
        name, data = seeds[len(inputs) % len(seeds)]
        inputs.append((name, data))
        total += len(data)
    return inputs


def long_plan() -> tuple[str, bytes]:
    """A plan of about PLAN_CHARS characters: the seed plan followed by the own-corpus plan, repeated.

    Cut at a paragraph boundary so the outline stays well formed.
    """
    parts = [next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")]
    own_plan = OWN_DOCS / "sc_xuanhan_2024_plan.txt"
    if own_plan.exists():
        parts.append(own_plan.read_text(encoding="utf-8"))
    text = ""
    i = 0
    while len(text) < PLAN_CHARS:
        text += parts[i % len(parts)] + "\n"
        i += 1
    cut = text.rfind("\n", 0, PLAN_CHARS)
    return "plan_20k.txt", text[: cut if cut > 0 else PLAN_CHARS].encode("utf-8")


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def structure_all(inputs: list[tuple[str, bytes]]) -> None:
    """Read, normalize and run the structure stages (metadata, outline, sentences)."""
    from docparse.pipeline import Pipeline, make_document
    from docparse.read import read_raw

    pipeline = Pipeline(steps=("structure",))
    for name, data in inputs:
        pipeline.run(make_document(read_raw(data, name=name)))


def extract_all(inputs: list[tuple[str, bytes]]) -> None:
    """The whole pipeline: read, normalize, structure, extract, link."""
    from docparse.pipeline import Pipeline

    pipeline = Pipeline()
    for name, data in inputs:
        pipeline(data, name=name)


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-mb", type=float, default=1.0, help="text volume of the seed run (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is printed")
    args = parser.parse_args(argv)

    cold, warm = load_time()
    import docparse
    from docparse.pipeline import Pipeline

    print(f"docparse {docparse.__version__}, Python {sys.version.split()[0]}, stages: {' → '.join(Pipeline().names)}")
    print(f"load: import + first document {cold * 1000:.0f} ms (second document {warm * 1000:.1f} ms)")

    seeds = seed_inputs(int(args.target_mb * 1_000_000))
    seed_bytes = sum(len(d) for _, d in seeds)
    seed_chars = sum(len(d.decode("utf-8")) for _, d in seeds)
    plan = [long_plan()]
    plan_bytes = len(plan[0][1])
    plan_chars = len(plan[0][1].decode("utf-8"))
    print(f"inputs: {len(seeds)} seed documents, {seed_bytes / 1e6:.2f} MB ({seed_chars:,} chars); "
          f"one plan of {plan_chars:,} chars ({plan_bytes / 1e3:.0f} KB)")

    rows = []
    for label, fn, unit in (("read + structure", structure_all, "MB/s"), ("full extraction", extract_all, "KB/s")):
        for corpus, inputs, nbytes in (("seeds", seeds, seed_bytes), ("20k plan", plan, plan_bytes)):
            seconds = median_seconds(lambda fn=fn, inputs=inputs: fn(inputs), args.repeat)
            rate = nbytes / seconds / (1e6 if unit == "MB/s" else 1e3)
            rows.append((label, corpus, seconds, rate, unit, len(inputs)))
    for label, corpus, seconds, rate, unit, ndocs in rows:
        per_doc = seconds / ndocs * 1000
        print(f"{label:<17} {corpus:<9} {seconds:8.3f} s  {rate:9.2f} {unit}  {per_doc:8.1f} ms/doc")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
