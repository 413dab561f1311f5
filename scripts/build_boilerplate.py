"""Build docparse/data/boilerplate.tsv: passages shared by many plans of a collection (standard formulations).

    python scripts/build_boilerplate.py DIR_OR_FILES... [--min-documents 3] [-o docparse/data/boilerplate.tsv]
        [--manifest corpora/real/MANIFEST.tsv] [--exclude bench/copycheck_real/docs]

The same procedure as the document-frequency discount of `docparse copycheck --corpus` and of the
benchmark's held-out lists: mask jurisdictions and numbers, shingle, keep shingles found in at least
`--min-documents` documents, and write each document's maximal runs of them as normalized text.
Build it from independent plans (a collection with many copies of one plan would list that plan).
With `--manifest` (a TSV with `file` and `campaign` columns), a shingle counts once per campaign, so
only phrasing shared across campaigns qualifies, never one campaign's parent text. `--exclude` leaves
out files byte-identical to those under a folder (a benchmark's documents).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
from pathlib import Path

from docparse.batch import collect_files
from docparse.copycheck.boilerplate import common_phrases
from docparse.copycheck.check import CopyCheckSettings, load_document, prepare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--min-documents", type=int, default=3)
    parser.add_argument("--min-length", type=int, default=12, help="shortest passage, in masked characters")
    parser.add_argument("-o", "--output", default="docparse/data/boilerplate.tsv")
    parser.add_argument("--source", default=None, help="what the collection is, for the header note")
    parser.add_argument("--manifest", default=None, help="TSV with file and campaign columns: count campaigns")
    parser.add_argument("--exclude", default=None, help="leave out files identical to those under this folder")
    args = parser.parse_args()
    k = CopyCheckSettings().align.k
    excluded = {digest(p) for p in collect_files([args.exclude])} if args.exclude else set()
    paths = [p for p in collect_files(args.inputs) if digest(p) not in excluded]
    texts = [prepare(load_document(p), k) for p in paths]
    groups = campaigns(args.manifest, paths) if args.manifest else None
    phrases = [p for p in common_phrases(texts, k, args.min_documents, args.min_length, groups) if "\t" not in p.text]
    unit = "campaigns" if groups else "documents"
    source = args.source or ", ".join(args.inputs)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(f"# Standard formulations (boilerplate) for docparse copycheck, built {datetime.date.today()}\n")
        fh.write(f"# by scripts/build_boilerplate.py from {len(paths)} documents: {source}\n")
        fh.write(f"# passages whose masked {k}-character shingles occur in >= {args.min_documents} {unit}\n")
        fh.write("text\tdocuments\n")
        for p in phrases:
            fh.write(p.text.replace("\n", " ") + f"\t{p.documents}\n")
    print(f"{len(phrases)} passages from {len(paths)} documents -> {args.output}")


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def campaigns(manifest: str, paths: list[str]) -> list[str]:
    """The campaign of each path by its file name (the file name itself where the manifest has none)."""
    with open(manifest, encoding="utf-8") as fh:
        rows = {r["file"]: r.get("campaign", "") for r in csv.DictReader(fh, delimiter="\t")}
    return [rows.get(Path(p).name) or Path(p).name for p in paths]


if __name__ == "__main__":
    main()
