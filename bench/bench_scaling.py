"""How the whole pipeline's cost grows with input size: the exponent k in time ∝ size^k, per input kind.

    python bench/bench_scaling.py [--base 60000] [--kinds plan,sentence,table,docx]

Each kind is built at 1×, 4× and 16× a base size and read with `docparse.read` (every stage) in this
one process; k = log(t16 / t1) / log(16). Linear cost gives k ≈ 1; the target is k ≤ 1.1. Prints
numbers and asserts nothing: speed goals live here, never in timed tests.

Kinds:
- plan: real plan and circular text (the corpus seeds) repeated;
- sentence: dates and figures in one long sentence, no full stop (the worst case for sentence scans);
- table: text-table lines (tab-separated cells: task, lead, support, deadline);
- docx: a Word file whose task table has that many rows.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEPARTMENTS = ("市应急管理局", "市住房和城乡建设局", "市交通运输局", "市公安局", "市市场监管局", "市消防救援支队")


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt"))]


def plan_text(chars: int) -> str:
    texts, out, i = seed_texts(), [], 0
    while sum(map(len, out)) < chars:
        out.append(texts[i % len(texts)])
        i += 1
    return "\n".join(out)


def long_sentence(chars: int) -> str:
    parts, i = ["关于开展安全生产检查的通知\n全市"], 0
    while sum(map(len, parts)) < chars:
        parts.append(f"{i % 12 + 1}月{i % 28 + 1}日检查企业{i}家、发现隐患{i * 3}项、整改率{i % 100}%，")
        i += 1
    return "".join(parts)


def table_lines(chars: int) -> str:
    rows, i = ["重点任务\t牵头单位\t配合单位\t完成时限"], 0
    while sum(map(len, rows)) < chars:
        lead, support = DEPARTMENTS[i % 6], DEPARTMENTS[(i + 1) % 6]
        rows.append(f"开展第{i}项隐患排查整治\t{lead}\t{support}\t2024年{i % 12 + 1}月底前")
        i += 1
    return "\n".join(rows)


def docx_table(chars: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发安全生产专项整治任务分工的通知")
    rows = max(2, chars // 40)
    table = document.add_table(rows=rows + 1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("重点任务", "牵头单位", "配合单位", "完成时限")):
        cell.text = text
    for i, row in enumerate(list(table.rows)[1:]):  # rows listed once: indexing table.rows rebuilds the list
        cells = row.cells
        cells[0].text = f"开展第{i}项隐患排查整治"
        cells[1].text = DEPARTMENTS[i % 6]
        cells[2].text = DEPARTMENTS[(i + 1) % 6]
        cells[3].text = f"2024年{i % 12 + 1}月底前"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


KINDS: dict[str, tuple[Callable[[int], str | bytes], str]] = {
    "plan": (plan_text, "plan.txt"),
    "sentence": (long_sentence, "sentence.txt"),
    "table": (table_lines, "table.txt"),
    "docx": (docx_table, "table.docx"),
}


def read_seconds(data: bytes, name: str) -> float:
    import docparse

    start = time.perf_counter()
    docparse.read(data, name=name)
    return time.perf_counter() - start


def exponent(kind: str, base: int) -> tuple[list[tuple[int, float]], float]:
    make, name = KINDS[kind]
    points = []
    for factor in (1, 4, 16):  # size in characters of text: a DOCX's bytes are compressed
        content = make(base * factor)
        data = content.encode("utf-8") if isinstance(content, str) else content
        points.append((base * factor, read_seconds(data, name)))
    (size1, t1), (size16, t16) = points[0], points[-1]
    return points, math.log(t16 / t1) / math.log(size16 / size1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=60000, help="characters at 1×")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    import docparse

    docparse.read("安全生产".encode("utf-8"), name="warm.txt")  # load lexicons and models once
    print(f"{'kind':10} {'1× s':>8} {'4× s':>8} {'16× s':>8} {'16× kchar':>10} {'k':>6}")
    for kind in args.kinds.split(","):
        points, k = exponent(kind, args.base)
        times = " ".join(f"{t:8.2f}" for _, t in points)
        print(f"{kind:10} {times} {points[-1][0] / 1e3:10.0f} {k:6.2f}")


if __name__ == "__main__":
    main()
