"""Build docparse/data/boilerplate.tsv: passages shared by many plans of a collection (standard formulations).

    python scripts/build_boilerplate.py DIR_OR_FILES... [--min-documents 3] [-o docparse/data/boilerplate.tsv]

The same procedure as the document-frequency discount of `docparse copycheck --corpus` and of the
benchmark's held-out lists: mask jurisdictions and numbers, shingle, keep shingles found in at least
`--min-documents` documents, and write each document's maximal runs of them as normalized text.
Build it from independent plans (a collection with many copies of one plan would list that plan).
"""

from __future__ import annotations

import argparse
import datetime

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
    args = parser.parse_args()
    k = CopyCheckSettings().align.k
    paths = collect_files(args.inputs)
    texts = [prepare(load_document(p), k) for p in paths]
    phrases = [p for p in common_phrases(texts, k, args.min_documents, args.min_length) if "\t" not in p.text]
    source = args.source or ", ".join(args.inputs)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(f"# Standard formulations (boilerplate) for docparse copycheck, built {datetime.date.today()}\n")
        fh.write(f"# by scripts/build_boilerplate.py from {len(paths)} documents: {source}\n")
        fh.write(f"# passages whose masked {k}-character shingles occur in >= {args.min_documents} documents\n")
        fh.write("text\tdocuments\n")
        for p in phrases:
            fh.write(p.text.replace("\n", " ") + f"\t{p.documents}\n")
    print(f"{len(phrases)} passages from {len(paths)} documents -> {args.output}")


if __name__ == "__main__":
    main()
