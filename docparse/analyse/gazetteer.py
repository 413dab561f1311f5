"""The region gazetteer (data/regions.tsv: every province, prefecture, county and township with its
names, short forms and earlier names), as two term matchers that the places and departments stages
both match with: trusted names, and bare short forms trusted only in enumerations.

Reading the tables takes longer than reading a document, so they are built once per machine and saved
in the cache folder (see `resources.built_from`), as jieba saves its dictionary.
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docparse.matching import TermMatcher
from docparse.resources import built_from, load_tsv

# Short forms that end in one of these keep their level suffix (达旗, 东乌旗) and are trusted like names.
ABBREVIATION_SUFFIXES = ("旗",)


@dataclass(frozen=True, slots=True)
class Unit:
    key: str  # adcode, or parent:name for townships (the source gives them no code)
    adcode: str | None
    name: str
    full_name: str
    level: str
    parent: str | None


class UnitTable(Mapping[str, Unit]):
    """Units by key, each made from its row when first asked for: a document names a few dozen of the
    gazetteer's units, and making all of them cost a fresh process a tenth of its time."""

    def __init__(self, rows: dict[str, tuple]) -> None:
        self.rows = rows
        self.made: dict[str, Unit] = {}

    def __getitem__(self, key: str) -> Unit:
        unit = self.made.get(key)
        if unit is None:
            row = self.rows.get(key) or unlisted_township(key, self.rows)
            if row is None:
                raise KeyError(key)
            unit = self.made[key] = Unit(*row)
        return unit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.rows or unlisted_township(key, self.rows) is not None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def township_key(county: str, name: str) -> str:
    """The key of a township, as the gazetteer keys its own (they have no code): county:name."""
    return f"{county}:{name}"


def unlisted_township(key: str, rows: dict[str, tuple]) -> tuple | None:
    """The row of a township the gazetteer lacks (merged or renamed since its source was made) that a text
    names under a county it knows (浏阳市葛家乡): derived from its key, so the shared table never changes."""
    county, _, name = key.rpartition(":")
    return (key, None, name, name, "township", county) if name and county in rows else None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    units: UnitTable
    trusted: TermMatcher[tuple[str, tuple[str, ...]]]  # names, suffixed aliases, earlier names: (form, unit keys)
    bare: TermMatcher[tuple[str, tuple[str, ...]]]  # bare short forms, trusted in enumerations only
    needs_parent: frozenset[str]
    place_names: frozenset[str]  # every name, full name and alias: what a department's place prefix may be
    short_names: dict[str, tuple[str, str]]  # bare province and prefecture names (漳州) -> (level, name)

    def ancestors(self, key: str) -> list[str]:
        out = []
        parent = self.units[key].parent
        while parent and parent in self.units and parent not in out:
            out.append(parent)
            parent = self.units[parent].parent
        return out


def _add(table: dict[str, list[str]], form: str, key: str) -> None:
    if form and key not in table.setdefault(form, []):
        table[form].append(key)


def _matcher(table: dict[str, list[str]]) -> TermMatcher[tuple[str, tuple[str, ...]]]:
    return TermMatcher({form: (form, tuple(keys)) for form, keys in table.items()})





def is_suffixed_abbreviation(short: str) -> bool:
    """科右前旗 for 科尔沁右翼前旗: a short form that still ends in 旗 names the banner outright."""
    return len(short) >= 2 and short.endswith(ABBREVIATION_SUFFIXES)


GAZETTEER_SOURCES = ("regions.tsv", "region_aliases.tsv", "region_guards.tsv")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process and built once per machine (its tables are saved)."""
    return built_from("gazetteer", GAZETTEER_SOURCES, build_gazetteer, save_gazetteer, load_gazetteer)


def save_gazetteer(gaz: Gazetteer, folder: Path) -> None:
    forms = [(m.terms, m.values) for m in (gaz.trusted, gaz.bare)]
    names = (gaz.units.rows, *forms, tuple(gaz.needs_parent), tuple(gaz.place_names), gaz.short_names)
    (folder / "gazetteer.marshal").write_bytes(marshal.dumps(names))


def load_gazetteer(folder: Path) -> Gazetteer:
    data = (folder / "gazetteer.marshal").read_bytes()
    # Its 300,000 objects would set off the cyclic collector many times while they are made; none of them
    # can be garbage, so the collector stays off for the load (a third of it in a fresh process).
    enabled = gc.isenabled()
    gc.disable()
    try:
        units, trusted, bare, needs_parent, place_names, short_names = marshal.loads(data)
    finally:
        if enabled:
            gc.enable()
    return Gazetteer(
        UnitTable(units),
        TermMatcher.from_lists(*trusted),
        TermMatcher.from_lists(*bare),
        frozenset(needs_parent),
        frozenset(place_names),
        short_names,
    )


def build_gazetteer() -> Gazetteer:
    # rows, as the cache keeps them: the built and the loaded gazetteer are one UnitTable, which derives the
    # townships a text names under a known county (a plain dict of units had none, so a machine's first
    # process failed on 浏阳市葛家乡 where every later one read it)
    units: dict[str, tuple] = {}
    trusted: dict[str, list[str]] = {}
    bare: dict[str, list[str]] = {}
    place_names: set[str] = set()
    short_names: dict[str, tuple[str, str]] = {}
    for row in load_tsv("regions.tsv"):
        place_names.update(n for n in (row["name"], row["full_name"], *row["aliases"].split("|")) if n)
        if len(row["short"]) >= 2 and row["level"] in ("province", "prefecture"):
            short_names[row["short"]] = (row["level"], row["name"])
        parent = row["parent_adcode"] or None
        key = row["adcode"] or township_key(parent, row["name"])
        units[key] = (key, row["adcode"] or None, row["name"], row["full_name"], row["level"], parent)
        _add(trusted, row["name"], key)
        _add(trusted, row["full_name"], key)
        for alias in filter(None, row["aliases"].split("|")):
            _add(trusted, alias, key)
        for former in filter(None, row["former"].split("|")):
            _add(trusted, former.split("@")[0], key)
        # 达旗, 科右前旗, 阿左旗: a banner's abbreviation keeps the suffix 旗 and is as safe as a name
        _add(trusted if is_suffixed_abbreviation(row["short"]) else bare, row["short"], key)
    for row in load_tsv("region_aliases.tsv"):
        if row["adcode"] in units:
            _add(bare if row["kind"] == "bare" else trusted, row["form"], row["adcode"])
    # 巴州 is 巴音郭楞's abbreviation and 巴州区's bare short form: the context decides between them
    for form in trusted.keys() & bare.keys():
        for key in bare[form]:
            _add(trusted, form, key)
    guards = load_tsv("region_guards.tsv")
    needs_parent = frozenset(r["word"] for r in guards if r["kind"] == "needs_parent")
    return Gazetteer(UnitTable(units), _matcher(trusted), _matcher(bare), needs_parent, frozenset(place_names), short_names)
