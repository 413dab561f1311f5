"""The `docparse` command: each command parses options, makes one library call and formats it.

Exit status: 0 when every input was processed, 1 when some failed (the others are still done and
each failure is one line on stderr), 2 for usage errors (click's convention).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

import docparse
from docparse.batch import collect_files, read_many
from docparse.errors import DocparseError, check_writable, writing
from docparse.export.json import dumps


def fail_line(path: str, reason: str) -> None:
    click.echo(f"docparse: {path}: {reason}", err=True)


def with_progress(results: Iterable, total: int) -> Iterable:
    """A progress bar on stderr when it is a terminal; never in a pipe or a log file."""
    if total < 2 or not sys.stderr.isatty():
        return results
    from tqdm import tqdm

    return tqdm(results, total=total, unit="doc", file=sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(docparse.__version__, prog_name="docparse")
def main() -> None:
    """Turn Chinese work-safety documents (通报, 方案, 通知, 总结, 访谈) into data."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
def text(file: str) -> None:
    """Print the source text of FILE: the text that every span points into."""
    try:
        click.echo(docparse.read_text(_input(file), name=_name(file)), nl=False)
    except DocparseError as err:
        fail_line(file, err.reason)
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
def parse(file: str, fmt: str) -> None:
    """Show the metadata and outline of FILE."""
    try:
        doc = docparse.read(_input(file), name=_name(file), steps=("structure",))
    except DocparseError as err:
        fail_line(file, err.reason)
        sys.exit(1)
    if fmt == "json":
        data = doc.to_dict()
        click.echo(dumps({k: data[k] for k in ("file", "source", "meta", "embedded", "sections", "noise")}, indent=2))
    else:
        from docparse.export.table import print_structure

        print_structure(doc)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object for one file; several files always give JSON Lines.")
@click.option("--indent", type=int, default=None, help="Indent a single JSON object.")
@click.option("--disable", multiple=True, help="Skip a pipeline stage (repeatable).")
def extract(files: tuple[str, ...], fmt: str, indent: int | None, disable: tuple[str, ...]) -> None:
    """Extract everything from FILES (files or directories) as JSON; JSON Lines for several."""
    try:
        docparse.Pipeline(disable=disable)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--disable") from None
    if files == ("-",):
        try:
            doc = docparse.read(_input("-"), name="<stdin>", disable=disable)
        except DocparseError as err:
            fail_line("<stdin>", err.reason)
            click.echo(dumps({"file": "<stdin>", "error": {"code": err.code, "message": err.reason}}))
            sys.exit(1)
        click.echo(dumps(doc.to_dict(), indent=indent))
        return
    paths = collect_files(files)
    single = len(paths) == 1 and fmt == "json" and not any(_is_dir(f) for f in files)
    failures = 0
    for result in with_progress(read_many(paths, disable=disable), len(paths)):
        if result.document is None:
            failures += 1
            fail_line(result.path, result.error or "")
            click.echo(dumps(result.error_dict()))
        else:
            click.echo(dumps(result.document.to_dict(), indent=indent if single else None))
    if not paths:
        fail_line(" ".join(files), "no documents found")
        sys.exit(1)
    if failures:
        click.echo(f"docparse: {failures} of {len(paths)} file(s) failed", err=True)
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("doc_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_command(gold_dir: str, doc_dir: str, fmt: str) -> None:
    """Precision, recall and F1 per field against gold annotations (../shared/corpus format)."""
    from docparse.eval import evaluate, format_report

    try:
        report = evaluate(gold_dir, doc_dir)
    except DocparseError as err:
        fail_line(err.path or gold_dir, err.reason)
        sys.exit(1)
    click.echo(dumps(report.to_dict(), indent=2) if fmt == "json" else format_report(report))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="任务清单.xlsx or .csv; without it, a table on screen.")
def tasks(file: str, output: str | None) -> None:
    """The task list (任务清单) of a plan: 序号, 任务内容, 牵头单位, 配合单位, 完成时限, 所属行业领域."""
    from docparse.export.excel import save_task_list, task_list_format, task_list_heading, task_list_rows

    if output:
        try:
            task_list_format(output)
        except DocparseError as err:
            raise click.BadParameter(err.reason, param_hint="-o") from None
    try:
        if output:
            check_writable(output)
        doc = docparse.read(_input(file), name=_name(file))
        if output:
            save_task_list(doc, output)
    except DocparseError as err:
        fail_line(err.path or file, err.reason)
        sys.exit(1)
    if output:
        click.echo(f"{len(doc.extraction.tasks)} tasks written to {output}", err=True)
    else:
        from docparse.export.table import print_task_list

        print_task_list(task_list_heading(doc), task_list_rows(doc))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for documents.jsonl, failures.jsonl and tables/*.parquet.")
@click.option("--force", is_flag=True, help="Start over, replacing an earlier batch's output in that folder.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per CPU).")
def batch(inputs: tuple[str, ...], out_dir: str, force: bool, jobs: int | None) -> None:
    """Extract a whole corpus to JSON Lines and Parquet tables; a rerun resumes where it stopped."""
    from docparse.batch_run import run_batch

    def progress(files, total):
        return with_progress(files, total)

    try:
        summary = run_batch(inputs, out_dir, force=force, progress=progress, jobs=jobs)
    except DocparseError as err:
        fail_line(err.path or out_dir, err.reason)
        sys.exit(1)
    for failure in summary.failures:
        fail_line(failure.path, failure.error or "")
    click.echo(
        f"docparse: {summary.done} done, {summary.skipped} already done, {len(summary.failures)} failed; "
        f"output in {summary.out_dir}",
        err=True,
    )
    if summary.failures:
        sys.exit(1)


def _input(file: str) -> str | bytes:
    """A path, or for "-" the bytes on stdin, read with the same size limit as a file."""
    from docparse.read import read_bounded

    return read_bounded(sys.stdin.buffer, "<stdin>") if file == "-" else file


def _name(file: str) -> str | None:
    return "<stdin>" if file == "-" else None


def _is_dir(path: str) -> bool:
    import os

    return os.path.isdir(path)


# --- copycheck (照抄照搬) -------------------------------------------------------------------------


def pair_line(p) -> str:  # type: ignore[no-untyped-def]
    """One copied pair of `copycheck --corpus` as a tab-separated line: who took from whom, or their common source."""
    if p.relation == "copied":
        return f"{p.score:.3f}\t{p.verdict}\t{p.checked.path}\t<-\t{p.reference.path}\t{p.evidence or 'direction unknown'}"
    source = (p.common_source.path or p.common_source.title) if p.common_source else "a plan not in the collection"
    return f"{p.score:.3f}\tcommon source\t{p.checked.path}\t<>\t{p.reference.path}\t{source}"


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--against", "against", is_flag=True, help="FILES are CHECKED REF [REF...]: check the first against the rest.")
@click.option("--index", "index_path", type=click.Path(dir_okay=False), help="Check CHECKED against an index (docparse index add).")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), help="All copied pairs of the documents under DIR.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "html"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file (HTML: the default is stdout).")
@click.option("--threshold", type=float, default=None, help="--corpus: smallest score reported (default: the partly-copied threshold).")
def copycheck(files: tuple[str, ...], against: bool, index_path: str | None, corpus: str | None, fmt: str,
              output: str | None, threshold: float | None) -> None:  # fmt: skip
    """Copy-paste check (照抄照搬): CHECKED --against REF..., CHECKED --index FILE, or --corpus DIR.

    CHECKED may be "-": the plan is read from stdin.
    """
    from docparse.copycheck import CopyIndex, check_corpus, copycheck as check

    modes = sum([against, index_path is not None, corpus is not None])
    if modes != 1:
        raise click.UsageError("give exactly one of --against, --index, --corpus")
    if (against and len(files) < 2) or (index_path and len(files) != 1) or (corpus and files):
        raise click.UsageError("usage: CHECKED --against REF [REF...] | CHECKED --index FILE | --corpus DIR")
    if "-" in files[1:]:
        raise click.UsageError('only CHECKED can be "-" (stdin); references are files')
    try:
        if output:
            check_writable(output)
        if corpus:
            from docparse.batch import collect_files

            result = check_corpus(collect_files([corpus]), threshold=threshold)
            text = result.to_json() if fmt == "json" else "\n".join(map(pair_line, result.pairs))
            if fmt == "html":
                raise click.UsageError("--corpus writes table or json")
        else:
            checked = docparse.read(_input(files[0]), name="<stdin>", steps=("structure",)) if files[0] == "-" else files[0]
            report = check(checked, list(files[1:])) if against else CopyIndex(index_path).check(checked)
            text = {"json": report.to_json, "html": report.to_html}.get(fmt, lambda: "\n".join(report.explain()))()
    except DocparseError as err:
        fail_line(err.path or files[0] if files else corpus or "", err.reason)
        sys.exit(1)
    if not output:
        click.echo(text)
        return
    try:
        with writing(output), open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except DocparseError as err:
        fail_line(output, err.reason)
        sys.exit(1)
    click.echo(f"docparse: report written to {output}", err=True)


@main.group()
def index() -> None:
    """A copy-check index of plans (SQLite file)."""


@index.command(name="add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--index", "index_path", required=True, type=click.Path(dir_okay=False), help="The index file (created if missing).")
def index_add(files: tuple[str, ...], index_path: str) -> None:
    """Add FILES (files or directories) to the copy-check index."""
    from docparse.copycheck import CopyIndex

    failures: list[DocparseError] = []

    def report(err: DocparseError) -> None:
        failures.append(err)
        fail_line(err.path or index_path, err.reason)

    try:
        ix = CopyIndex(index_path)
        added = ix.add(collect_files(files), on_error=report)
    except DocparseError as err:
        fail_line(err.path or index_path, err.reason)
        sys.exit(1)
    click.echo(f"{added} added, {len(ix)} in {index_path}" + (f", {len(failures)} failed" if failures else ""), err=True)
    if failures:
        sys.exit(1)


# --- responsibility graph (三管三必须) ------------------------------------------------------------


@main.command(name="graph")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="graph.graphml, .gexf or .json; a picture: .png (department × sector grid) or .html (interactive).")
@click.option("--audit", "run_audit", is_flag=True, help="Check who leads each sector against 三管三必须 and the reference.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="How --audit prints.")
@click.option("--copycheck", is_flag=True, help="Also link plans copied from one another (implements edges; slower).")
def graph_command(files: tuple[str, ...], output: str | None, run_audit: bool, fmt: str, copycheck: bool) -> None:
    """The responsibility graph of FILES: who leads and supports which sector, who is criticized, which plan
    implements which. Write it with -o, check it with --audit."""
    from docparse.graph import audit, graph_of_files, save
    from docparse.graph.export import format_of
    from docparse.graph.table import document_names, print_audit

    if not output and not run_audit:
        raise click.UsageError("give -o FILE (.graphml, .gexf, .json, .png, .html) and/or --audit")
    if output:
        try:
            format_of(output)
        except DocparseError as err:
            raise click.BadParameter(err.reason, param_hint="-o") from None
        try:
            check_writable(output)
        except DocparseError as err:
            fail_line(output, err.reason)
            sys.exit(1)
    graph, failures = graph_of_files(files, copycheck=copycheck)
    for failure in failures:
        fail_line(failure.path, failure.error or "")
    try:
        if output:
            save(graph, output)
            click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges written to {output}", err=True)
        if run_audit:
            report = audit(graph)
            if fmt == "json":
                click.echo(dumps(report.to_dict(), indent=2))
            else:
                print_audit(report, documents=document_names(graph))
    except DocparseError as err:
        fail_line(err.path or output or "", err.reason)
        sys.exit(1)
    if failures:
        sys.exit(1)


# --- corpus cache (docparse.Corpus) ---------------------------------------------------------------


@main.group()
def cache() -> None:
    """The cache of extraction results that docparse.Corpus keeps, keyed by file content.

    Location: $DOCPARSE_CACHE_DIR, else $XDG_CACHE_HOME/docparse, else ~/.cache/docparse.
    """


@cache.command(name="info")
def cache_info() -> None:
    """Where the cache is and how much it holds."""
    from docparse.corpus import JsonCache

    store = JsonCache()
    records, size = store.usage()
    click.echo(f"{store.directory}\t{records} documents\t{size / 1e6:.1f} MB\t(this version: {store.version})")


@cache.command(name="clear")
def cache_clear() -> None:
    """Delete every cached result (all docparse versions)."""
    from docparse.corpus import JsonCache

    store = JsonCache()
    records, _ = store.usage()
    store.clear(all_versions=True)
    click.echo(f"{records} cached documents deleted from {store.directory}", err=True)
