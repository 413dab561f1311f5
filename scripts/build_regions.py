"""Build docparse/data/regions.tsv, the gazetteer of Chinese administrative divisions (行政区划).

Source: the JioNLP wheel (Apache-2.0, https://github.com/dongrixinyu/JioNLP), which ships
`jionlp/dictionary/china_location.zip` (province / prefecture / county with GB/T 2260 codes, then
townships and villages by indentation) and `jionlp/dictionary/china_location_change.txt` (renamed
and merged units since 2002). JioNLP is not a dependency: this script reads the wheel as a zip file.

    python scripts/build_regions.py /tmp/jio/jionlp-1.5.31-py2.py3-none-any.whl

Columns: adcode, name (as usually written: 红河州, 澜沧县), full_name, level (province, prefecture,
county, township), parent_adcode, short (the bare short form, 红河, only trusted in enumerations),
aliases (other suffixed forms, `|`-separated), former (earlier names `name@date`, `|`-separated).
Townships have no code in the source: their adcode is empty and parent_adcode is their county.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docparse" / "data" / "regions.tsv"
LOCATION_ZIP = "jionlp/dictionary/china_location.zip"
CHANGE_FILE = "jionlp/dictionary/china_location_change.txt"
LEVELS = ("province", "prefecture", "county", "township")
# Placeholder units of the source that are not real divisions; their children go to the grandparent.
PLACEHOLDER = re.compile(r"(直辖行政区划|市辖区|直辖县级行政区划)$")
# 自治州 -> X州, 自治县 -> X县, 自治旗 -> X旗: the forms documents use (红河州, 澜沧县).
AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# Township names worth matching end with one of these.
TOWNSHIP_SUFFIX = ("镇", "乡", "街道", "苏木")


@dataclass(slots=True)
class Unit:
    adcode: str
    name: str
    full_name: str
    level: str
    parent: str
    short: str = ""
    aliases: list[str] = field(default_factory=list)
    former: list[str] = field(default_factory=list)


def usual_name(full_name: str, short: str) -> tuple[str, list[str], str]:
    """The name as documents usually write it, the other suffixed forms, and the bare short form.

    The source writes two short forms of a few prefectures with a slash (巴州/巴音郭楞): a variant that
    already ends in the usual suffix (巴州, 克州) is a conventional abbreviation and becomes the name.
    """
    variants = [v for v in short.split("/") if v]
    for suffix, usual_suffix in AUTONOMOUS.items():
        if not full_name.endswith(suffix):
            continue
        abbreviated = [v for v in variants if v.endswith(usual_suffix)]
        bare = [v for v in variants if not v.endswith(usual_suffix)]
        forms = abbreviated + [b + usual_suffix for b in bare]
        # 海南州 -> 海南 (listed bare in 海西、海南、黄南等5个自治州); 巴州 has no bare form
        bare += [a[: -len(usual_suffix)] for a in abbreviated if len(a) - len(usual_suffix) >= 2]
        if forms:
            return forms[0], forms[1:], bare[0] if bare else ""
    return full_name, [], variants[0] if variants else ""


def read_locations(wheel: zipfile.ZipFile) -> list[str]:
    inner = zipfile.ZipFile(io.BytesIO(wheel.read(LOCATION_ZIP)))
    name = next(n for n in inner.namelist() if n.endswith(".txt"))
    return inner.read(name).decode("utf-8").splitlines()


def parse_units(lines: list[str], with_townships: bool) -> list[Unit]:
    """Walk the indented tree; depth 0-2 carry codes, depth 3 (or 2 without code) are townships."""
    units: list[Unit] = []
    stack: dict[int, str] = {}  # depth -> adcode of the unit (or its substitute parent)
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        cells = line.strip().split("\t")
        if not cells[0] or depth > 3:
            continue
        parent = stack.get(depth - 1, "") if depth else ""
        if len(cells) == 3:
            full, code, short = cells
            if PLACEHOLDER.search(full) or code == parent:
                # placeholders, and the municipalities' second entry (北京市 110000 under 北京市 110000):
                # their children hang on the grandparent
                stack[depth] = parent
                continue
            level = LEVELS[depth]
            name, aliases, short = usual_name(full, short)
            short = short if short != name and len(short) >= 2 else ""
            if full != name:
                aliases.append(full)
            units.append(Unit(code, name, full, level, parent, short, aliases))
            stack[depth] = code
        elif with_townships and depth >= 2 and parent and cells[0].endswith(TOWNSHIP_SUFFIX):
            units.append(Unit("", cells[0], cells[0], "township", parent))
    return units


def apply_changes(units: list[Unit], text: str) -> int:
    """Attach earlier names (襄樊市, 盘县) to the units that carry them on; returns how many."""
    by_path: dict[tuple[str, ...], Unit] = {}
    by_code = {u.adcode: u for u in units if u.adcode}
    for u in units:
        if u.level in ("prefecture", "county"):
            chain = [u.full_name]
            p = by_code.get(u.parent)
            while p is not None:
                chain.insert(0, p.full_name)
                p = by_code.get(p.parent)
            by_path[tuple(chain)] = u
    current = {u.full_name for u in units} | {u.name for u in units}
    added = 0
    for line in text.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")
        date, old_names = old[0], old[2::2]
        new_names = tuple(right.split("\t"))
        if old_names[-1] == new_names[-1] or old_names[-1] in current:
            continue  # same name under a new parent, or a name still in use elsewhere (城区, 郊区)
        target = by_path.get(new_names)
        entry = f"{old_names[-1]}@{date}"
        if target is not None and entry not in target.former:
            target.former.append(entry)
            added += 1
    return added


def write_tsv(units: list[Unit], out: Path, wheel_name: str, version: str, changes: int) -> None:
    today = dt.date.today().isoformat()
    head = [
        "# Chinese administrative divisions (行政区划): provinces, prefectures and counties with GB/T 2260 codes,",
        "# townships (乡镇/街道, no code in the source) under their county, and earlier names of renamed units.",
        f"# Source: JioNLP {version} (Apache-2.0, https://github.com/dongrixinyu/JioNLP), {wheel_name}:",
        f"#   {LOCATION_ZIP} and {CHANGE_FILE} ({changes} renamed units).",
        f"# Generated by scripts/build_regions.py on {today}; do not edit by hand.",
        "# name: the form documents use (自治州 -> X州, 自治县 -> X县); short: the bare form (红河), trusted in",
        "# enumerations only; aliases and former are |-separated; former entries are name@date of change.",
    ]
    cols = ["adcode", "name", "full_name", "level", "parent_adcode", "short", "aliases", "former"]
    with out.open("w", encoding="utf-8") as fh:
        fh.write("\n".join(head) + "\n" + "\t".join(cols) + "\n")
        for u in units:
            row = [u.adcode, u.name, u.full_name, u.level, u.parent, u.short, "|".join(u.aliases), "|".join(u.former)]
            fh.write("\t".join(row) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", help="path to a jionlp-*.whl")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-townships", action="store_true")
    args = ap.parse_args()
    wheel = zipfile.ZipFile(args.wheel)
    version = re.search(r"jionlp-([\d.]+)", Path(args.wheel).name)
    units = parse_units(read_locations(wheel), with_townships=not args.no_townships)
    changes = apply_changes(units, wheel.read(CHANGE_FILE).decode("utf-8"))
    write_tsv(units, args.out, Path(args.wheel).name, version.group(1) if version else "?", changes)
    print(f"{len(units)} units ({changes} earlier names) -> {args.out}")


if __name__ == "__main__":
    main()
