"""Mutation fuzzing of the readers and the pipeline: docparse raises only DocparseError, and never hangs.

    python bench/fuzz.py [--mutants 3000] [--seed 1] [--timeout 20]

Mutants are made from fixture files of every format (seed texts in UTF-8, GBK with CRLF and UTF-16,
a saved HTML page, a generated DOCX and PDF): bytes flipped, runs deleted or repeated, the file
truncated, zip members swapped or damaged, nesting deepened. Each mutant is read in a child
process with a time limit. Prints the counts: tried / documented error / read fine / other
exception / hang. tests/read/test_fuzz.py runs a few hundred of the same mutants on every CI run.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HTML_PAGE = (
    "<html><head><meta charset='utf-8'><title>关于开展安全生产检查的通知_应急管理局</title></head><body>"
    "<div class='nav'>首页 > 通知公告</div><div id='content'><h1>关于开展安全生产检查的通知</h1>"
    "<p>各县（区）应急管理局：</p><p>一、工作任务</p><p>（一）请于2024年6月30日前完成自查自改。</p>"
    "<table><tr><td>重点任务</td><td>牵头单位</td></tr><tr><td>燃气安全</td><td>县住建局</td></tr></table>"
    "</div></body></html>"
)


def fixture_files(workdir: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of one small file per format and encoding."""
    from tests.docgen import TASK_TABLE, make_docx, make_pdf

    seeds = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    text = seeds[1].read_text(encoding="utf-8")
    short = text[:3000]
    files = [
        ("plan.txt", short.encode("utf-8")),
        ("plan-gbk.txt", short.replace("\n", "\r\n").encode("gbk", "replace")),
        ("plan-utf16.txt", short.encode("utf-16")),
        ("notice.html", HTML_PAGE.encode("utf-8")),
        ("report.txt", seeds[0].read_bytes()[:3000]),
    ]
    docx = make_docx(short, workdir / "plan.docx", task_table=TASK_TABLE)
    pdf = make_pdf(short[:1500], workdir / "plan.pdf")
    files += [("plan.docx", docx.read_bytes()), ("plan.pdf", pdf.read_bytes())]
    return files


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    """A DOCX with one member swapped with another, emptied, or with its XML damaged."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    a, b = rng.sample(names, 2)
    how = rng.choice(["swap", "empty", "damage"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in names:
            body = source.read(name)
            if how == "swap" and name in (a, b):
                body = source.read(b if name == a else a)
            elif how == "empty" and name == a:
                body = b""
            elif how == "damage" and name == a and body:
                pos = rng.randrange(len(body))
                body = body[:pos] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))) + body[pos:]
            zf.writestr(name, body)
    return out.getvalue()


def mutate(data: bytes, name: str, rng: random.Random) -> bytes:
    """One random mutation of a file's bytes."""
    kind = rng.choice(["flip", "delete", "repeat", "truncate", "insert", "zip", "nest"])
    if kind == "zip" and data.startswith(b"PK"):
        return mutate_zip(data, rng)
    if kind == "nest" and name.endswith(".html"):
        depth = rng.choice([200, 1200, 5000])
        return data.replace(b"<body>", b"<body>" + b"<div>" * depth).replace(b"</body>", b"</div>" * depth + b"</body>")
    out = bytearray(data)
    if not out:
        return bytes(out)
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "delete":
        start = rng.randrange(len(out))
        del out[start : start + rng.randint(1, 500)]
    elif kind == "repeat":
        start = rng.randrange(len(out))
        piece = out[start : start + rng.randint(1, 200)]
        out[start:start] = piece * rng.randint(2, 50)
    elif kind == "truncate":
        del out[rng.randrange(len(out)) :]
    else:
        pos = rng.randrange(len(out))
        out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return bytes(out)


def mutants(files: list[tuple[str, bytes]], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    for i in range(count):
        name, data = files[i % len(files)]
        yield name, mutate(data, name, rng)


def outcome(name: str, data: bytes) -> str:
    """"ok", "error:CODE" for a DocparseError, or "other:TYPE" for anything else."""
    import docparse

    try:
        docparse.read(data, name=name)
    except docparse.DocparseError as err:
        return f"error:{err.code}"
    except Exception as err:  # noqa: BLE001 - what the fuzzer is looking for
        return f"other:{type(err).__name__}: {err}"[:200]
    return "ok"


def _child(name: str, data: bytes, queue) -> None:  # type: ignore[no-untyped-def]
    queue.put(outcome(name, data))


def outcome_in_child(name: str, data: bytes, timeout: float) -> str:
    """The outcome in a fresh process, or "hang" past `timeout` seconds."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    proc = context.Process(target=_child, args=(name, data, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return "hang"
    return queue.get() if not queue.empty() else f"other:exit code {proc.exitcode}"


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    import docparse

    docparse.read("安全".encode("utf-8"), name="warm.txt")  # the children inherit loaded lexicons
    with tempfile.TemporaryDirectory() as tmp:
        files = fixture_files(Path(tmp))
    counts: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    others: list[str] = []
    for name, data in mutants(files, args.mutants, args.seed):
        result = outcome_in_child(name, data, args.timeout)
        kind = result.split(":")[0]
        counts[kind] += 1
        if kind == "error":
            codes[result.split(":")[1]] += 1
        if kind in ("other", "hang") or result == "error:E_INTERNAL":
            others.append(f"{name}: {result}")
    print(f"tried {args.mutants}: documented error {counts['error']}, read fine {counts['ok']}, "
          f"other exception {counts['other']}, hang {counts['hang']}")
    print("documented errors by code: " + ", ".join(f"{code} {n}" for code, n in codes.most_common()))
    for line in others[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
