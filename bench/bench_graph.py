"""Build and audit the responsibility graph (三管三必须) of 1,000 extracted documents on one core.

    python bench/bench_graph.py [--documents 1000] [--repeat 3] [--jobs N] [--exports]

The documents are the 13 real texts of corpora/ (seeds, heldout, own) and variants of them in other
jurisdictions: the issuer's place (昆明市, 宣汉县, 山东省 …) replaced in the text by another place of the same
level from regions.tsv, so each variant has its own departments (X市应急管理局) as a stack of plans from many
places would. Every variant goes through the real pipeline; that extraction runs first, in a process pool,
and is not timed. Then, pinned to one core, each timing is the median of `--repeat` runs:

- build: `docparse.graph.build(documents)` (without copy-check, which has its own benchmark);
- audit: `docparse.graph.audit(graph)`;
- with `--exports`, writing and reading back GraphML, GEXF and JSON.

Prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_GLOBS = ("corpora/seeds/*.txt", "corpora/heldout/docs/*.txt", "corpora/own/docs/*.txt")
SEED = 20261124


def template_paths() -> list[Path]:
    return sorted(p for g in CORPUS_GLOBS for p in ROOT.glob(g))


def extract(item: tuple[str, bytes]):
    import docparse

    name, data = item
    return docparse.read(data, name=name)


def places_by_level() -> dict[str, list[tuple[str, str, str]]]:
    """(name, full_name, short) of every province, prefecture and county in regions.tsv, by level."""
    from docparse.resources import load_tsv

    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in load_tsv("regions.tsv"):
        if row["level"] in ("province", "prefecture", "county"):
            out.setdefault(row["level"], []).append((row["name"], row["full_name"], row["short"]))
    return out


def home_region(doc) -> tuple[str, str, str, str] | None:
    """The issuer's region (name, full_name, short, level) of an extracted document, or None."""
    from docparse.graph.build import document_place

    home = document_place(doc).home
    for r in doc.extraction.regions if home else ():
        if home in (r.name, r.full_name):
            return r.name, r.full_name, short_names().get(r.full_name, ""), r.level
    return None


@lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    """Full name -> bare form (昆明市 -> 昆明) from regions.tsv."""
    from docparse.resources import load_tsv

    return {row["full_name"]: row["short"] for row in load_tsv("regions.tsv") if row["short"]}


def moved(text: str, home: tuple[str, str, str, str], place: tuple[str, str, str]) -> str:
    """The text with the issuer's place replaced by another place of the same level (full name first)."""
    name, full_name, short, _ = home
    new_name, new_full, new_short = place
    text = text.replace(full_name, new_full)
    if name != full_name:
        text = text.replace(name, new_name)
    if len(short) >= 2 and len(new_short) >= 2:
        text = text.replace(short, new_short)
    return text


def variant_inputs(n: int, templates: list[tuple[str, str]], homes: list) -> list[tuple[str, bytes]]:
    """`n` distinct inputs: the templates as they are, then their variants in other places, in turn.

    Each template walks the places of its level from its own offset; once a level's places run out (34
    provinces for three provincial notices), a round number of trailing newlines keeps the bytes distinct.
    """
    rng = random.Random(SEED)
    pools = {level: rng.sample(places, len(places)) for level, places in places_by_level().items()}
    out = []
    for i in range(n):
        t, k = i % len(templates), i // len(templates)
        name, text = templates[t]
        home = homes[t]
        rounds = k
        if k and home is not None and pools.get(home[3]):
            pool = [p for p in pools[home[3]] if p[1] != home[1]]
            step = t * 7 + k - 1
            text = moved(text, home, pool[step % len(pool)])
            rounds = step // len(pool)
        # a document without a known place, or a place used again: a distinct copy
        out.append((f"{i:04d}_{name}", (text + "\n" * rounds).encode("utf-8")))
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the (untimed) extraction")
    parser.add_argument("--exports", action="store_true", help="also time GraphML, GEXF and JSON save + load")
    args = parser.parse_args(argv)

    import docparse
    from docparse.graph import audit, build, load, save

    templates = [(p.name, p.read_text(encoding="utf-8")) for p in template_paths()]
    homes = [home_region(docparse.read(p)) for p in template_paths()]
    inputs = variant_inputs(args.documents, templates, homes)
    start = time.perf_counter()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            documents = list(pool.map(extract, inputs, chunksize=8))
    else:
        documents = [extract(item) for item in inputs]
    extraction = time.perf_counter() - start
    chars = sum(len(d.text) for d in documents)
    tasks = sum(len(d.extraction.tasks) for d in documents)
    print(f"inputs: {len(documents)} documents from {len(templates)} real texts, {chars / 1e6:.2f} M chars, "
          f"{tasks} tasks; extraction (not timed below) {extraction:.1f} s with {args.jobs} process(es)")

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print(f"timings pinned to one core (cpu {min(os.sched_getaffinity(0))}); median of {args.repeat}")

    build_s, graph = timed(lambda: build(documents), args.repeat)
    audit_s, report = timed(lambda: audit(graph), args.repeat)
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    edge_kinds = Counter(d.get("kind") for _, _, d in graph.edges(data=True))
    print(f"graph: {graph.number_of_nodes():,} nodes ({', '.join(f'{k} {v:,}' for k, v in kinds.most_common())})")
    print(f"       {graph.number_of_edges():,} edges ({', '.join(f'{k} {v:,}' for k, v in edge_kinds.most_common())})")
    print(f"build            {build_s:7.2f} s   {1000 * build_s / len(documents):6.2f} ms/doc")
    print(f"audit            {audit_s:7.2f} s   {1000 * audit_s / len(documents):6.2f} ms/doc")
    print(f"build + audit    {build_s + audit_s:7.2f} s")
    print(f"findings: {len(report.multi_head)} multi-head, {len(report.gaps)} gaps, {len(report.mismatches)} "
          f"reference mismatches, {len(report.comparisons)} sectors compared across plans, "
          f"{len(report.criticisms)} criticisms")

    if args.exports:
        with tempfile.TemporaryDirectory() as tmp:
            for suffix in ("graphml", "gexf", "json"):
                path = Path(tmp) / f"graph.{suffix}"
                save_s, _ = timed(lambda: save(graph, path), 1)
                load_s, back = timed(lambda: load(path), 1)
                size = (back.number_of_nodes(), back.number_of_edges())
                same = size == (graph.number_of_nodes(), graph.number_of_edges())
                print(f"{suffix:8s} save {save_s:6.2f} s  load {load_s:6.2f} s  {path.stat().st_size / 1e6:6.1f} MB  "
                      f"{'same size' if same else 'DIFFERENT'}")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (this process): {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
