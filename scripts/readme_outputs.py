"""Print the README's four user-task sections, each command run for real, as Markdown.

    python scripts/readme_outputs.py > /tmp/sections.md   # then paste over the README's sections

Runs every command in a scratch copy of corpora/ and notebooks/ (so nothing is written into the
repository), with an empty cache, and pastes the output it printed under the command. Rerun it
after the extractors change: the outputs in the README must be the current ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 40

SEED_NOTICE = "corpora/seeds/000_1bb60a10bc716a6b.txt"
SEED_PLAN = "corpora/seeds/001_610804f520c3391b.txt"
COUNTY_PLAN = "corpora/own/docs/sc_xuanhan_2024_plan.txt"

SECTIONS: list[tuple[str, str, list[str]]] = [
    (
        "Extract a notice (通报)",
        "Metadata, outline, regions with their stance and the problems named, each with the span of its "
        "evidence in the source text (`docparse text FILE` prints that text).",
        [
            f"docparse parse {SEED_NOTICE}",
            f"docparse extract {SEED_NOTICE} --indent 2 > 通报.json",
            textwrap.dedent(f"""\
                python - <<'EOF'
                import docparse

                doc = docparse.read("{SEED_NOTICE}")
                print(doc.meta.doc_number.value, doc.meta.date.value)
                print({{r.name: r.stance for r in doc.extraction.regions if r.stance != "neutral"}})
                for problem in doc.extraction.problems:
                    print(problem.category, [problem.span.start, problem.span.end], problem.regions)
                EOF"""),
        ],
    ),
    (
        "Make the 任务清单 (task list)",
        "Above the header, the plan's title with its 文号, 发文机关 and 成文日期; then 序号, 任务内容, 牵头单位 and "
        "配合单位 (full names with the jurisdiction), 完成时限 (the item's own, or inherited from its phase or the "
        "campaign's end and marked so), 所属行业领域 and 出处 (the section path, 三、（二）1., with the page for PDF and "
        "DOCX). The Excel file has set column widths, wrapped text, a frozen header and prints on A4 landscape; "
        "the CSV is UTF-8 with BOM, so Excel on Chinese Windows opens it correctly.",
        [
            f"docparse tasks {SEED_PLAN} -o 任务清单.xlsx",
            f"docparse tasks {SEED_PLAN} -o 任务清单.csv",
            "python -c \"import pandas as pd; print(pd.read_excel('任务清单.xlsx', header=2)"
            "[['序号', '牵头单位', '配合单位', '所属行业领域']].head(12).to_string(index=False))\"",
        ],
    ),
    (
        "Check a county plan",
        "A county's plan (宣汉县, 2024) checked for copying (照抄照搬) against the city plan and the other plans "
        "shipped, then for who leads what (三管三必须): sectors with several leads, sectors named but given to "
        "nobody, leads that differ from the reference division of duties. Last, a plan made the way copied plans "
        "are made (the city plan with the jurisdiction renamed) shows what a copy looks like.",
        [
            f"docparse copycheck {COUNTY_PLAN} --against {SEED_PLAN} corpora/heldout/docs/*.txt",
            f"docparse graph {COUNTY_PLAN} --audit",
            f"docparse graph {COUNTY_PLAN} -o 责任分工.png",
            f"sed -e 's/昆明市/某某县/g; s/全市/全县/g; s/市级/县级/g' {SEED_PLAN} > 某某县方案.txt",
            f"docparse copycheck 某某县方案.txt --against {SEED_PLAN} {COUNTY_PLAN}",
            f"docparse copycheck 某某县方案.txt --against {SEED_PLAN} --format html -o 查重报告.html",
        ],
    ),
    (
        "Analyse a corpus",
        "Every document under a folder, as JSON Lines and Parquet tables (one process per CPU, `-j N` to "
        "choose; a rerun resumes and skips what is done), or as pandas DataFrames in Python/Jupyter; every row carries `file`, `start`, `end` and `page`.",
        [
            "docparse batch corpora -o out/",
            "docparse batch corpora -o out/",
            "ls out out/tables",
            textwrap.dedent("""\
                python - <<'EOF'
                import docparse

                corpus = docparse.Corpus("corpora")     # parsed in parallel, cached by file content
                print(corpus)
                regions = corpus.regions()
                criticized = regions[regions["mention_stance"] == "criticized"]
                print(criticized.groupby("name").size().sort_values(ascending=False).head(8).to_string())
                print(corpus.tasks()[["sector", "lead", "deadline", "start", "end"]].head(5).to_string())
                EOF"""),
            "docparse cache info",
        ],
    ),
]


def run(command: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    text = (done.stdout + done.stderr).rstrip()
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… ({len(text.splitlines()) - MAX_LINES} more lines)"]
    if done.returncode:
        lines.append(f"(exit status {done.returncode})")
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for folder in ("corpora", "notebooks"):
            shutil.copytree(ROOT / folder, work / folder)
        env = {**os.environ, "DOCPARSE_CACHE_DIR": str(work / ".cache"), "COLUMNS": "120"}
        parts = [
            "<!-- written by scripts/readme_outputs.py; rerun it, do not edit by hand -->",
            "",
            "Every command below is run from the repository folder after `pip install -e '.[dev]'`; the output",
            "shown is what it printed (long outputs cut at 40 lines).",
        ]
        for title, intro, commands in SECTIONS:
            parts += ["", f"## {title}", "", intro, ""]
            for command in commands:
                output = run(command, work, env)
                parts += ["```console", f"$ {command}"] + ([output] if output else []) + ["```", ""]
        parts += [
            "Scale out: `Corpus` takes any `concurrent.futures.Executor`; with `pip install 'docparse[scale]'`",
            "the same code runs on a Dask cluster (the workers need docparse installed and the same file paths):",
            "",
            "```python",
            "from dask.distributed import Client",
            "import docparse",
            "",
            "with Client(\"tcp://scheduler:8786\") as client:      # or Client() for a local cluster",
            "    corpus = docparse.Corpus(\"corpora\", executor=client.get_executor())",
            "```",
            "",
            "Notebooks: `notebooks/` has three (criticism patterns across circulars, responsibility assignment in a",
            "plan, copy-check over plans); `python -m pytest tests/workflow/test_notebooks.py` runs them top to",
            "bottom, as CI does.",
        ]
    print("\n".join(parts))


if __name__ == "__main__":
    main()
