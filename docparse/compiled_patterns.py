"""The compiled programs of docparse's regular expressions, kept on disk between processes.

A fresh process spends more time compiling docparse's few hundred patterns than reading a short
document: `re` compiles in Python, and every CJK character range ([\u4e00-\u9fff]) is expanded
into a bitmap one character at a time. As the gazetteer's built form is kept (`resources.built_from`),
the programs a process compiled are saved once, and a later process hands them to `re`'s own cache,
where `re.compile` finds them ready. Nothing changes in what a pattern matches: the saved program is the
one `re` itself produced. The programs depend on CPython's internal `_sre.compile`, so the file is
keyed by the interpreter's exact version and `re`'s MAGIC number, and any failure, on loading or on
saving, leaves `re` compiling as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from docparse.resources import default_cache_dir

MAX_SAVED = 450  # below `re`'s own cache size (512); past it, the file keeps only what one process used
# A few patterns differ in every process (the standard library's email parser builds some from sets, in
# hash order): rewriting the file for them would cost each process more than compiling them.
MIN_NEW_SHARE = 0.05

_loaded: set[tuple[str, int]] = set()
_present_before: set[object] = set()
_saved = False
# What `matching.FirstCharScan` derived from a pattern, which costs a parse of it: {(pattern, flags): class}
_start_classes: dict[tuple[str, int], str | None] = {}
_loaded_start_classes = 0


def cache_file() -> Path:
    from re import _constants  # internal: the program format's version

    key = f"{sys.version}|{sys.implementation.name}|{_constants.MAGIC}".encode()
    return default_cache_dir() / "built" / f"regex-{hashlib.sha256(key).hexdigest()[:16]}.marshal"


def load_saved_programs() -> None:
    """Put the saved programs into `re`'s cache; called once, before docparse's modules compile anything."""
    global _loaded_start_classes
    _present_before.update(re._cache)  # type: ignore[attr-defined]
    try:
        entries, start_classes = marshal.loads(cache_file().read_bytes())
        import _sre

        for pattern, flags, state_flags, code, groups, groupindex, indexgroup in entries:
            key = (str, pattern, flags)
            if key not in re._cache:  # type: ignore[attr-defined]
                compiled = _sre.compile(pattern, state_flags, code, groups, groupindex, indexgroup)
                re._cache[key] = compiled  # type: ignore[attr-defined]
            _loaded.add((pattern, flags))
        _start_classes.update(start_classes)
        _loaded_start_classes = len(start_classes)
    except Exception:  # no file yet, another Python, a damaged file: compile as usual
        _loaded.clear()


def start_class(pattern: re.Pattern[str], derive: Callable[[], str | None]) -> str | None:
    """The class of the characters `pattern`'s matches can start with, as `derive` finds it, remembered
    between processes with the programs."""
    key = (pattern.pattern, pattern.flags)
    if key not in _start_classes:
        _start_classes[key] = derive()
    return _start_classes[key]


def save_new_programs() -> None:
    """Once per process, after its first document: save the programs of the patterns compiled since
    docparse was imported, when there is no file yet or a share of them was not saved."""
    global _saved
    if _saved:
        return
    _saved = True
    try:
        compiled = [
            (key[1], key[2]) for key in list(re._cache)  # type: ignore[attr-defined]
            if key not in _present_before and key[0] is str
        ]
        new = [k for k in compiled if k not in _loaded]
        new_classes = len(_start_classes) > _loaded_start_classes
        if not new_classes and (not new or (_loaded and len(new) < MIN_NEW_SHARE * len(compiled))):
            return
        keep = _loaded | set(compiled) if len(_loaded) + len(new) <= MAX_SAVED else set(compiled)
        write_programs(sorted(keep))
    except Exception:  # an unwritable cache folder or an interpreter whose `re` differs: nothing is lost
        return


def write_programs(patterns: list[tuple[str, int]]) -> None:
    from re import _compiler, _parser

    entries = []
    for pattern, flags in patterns:
        parsed = _parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        code = [int(op) for op in _compiler._code(parsed, flags)]
        entries.append(
            (pattern, flags, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        )
    target = cache_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=".regex-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(marshal.dumps((entries, _start_classes)))
        os.replace(scratch, target)  # whole or not at all; another process may write the same file
    except OSError:
        Path(scratch).unlink(missing_ok=True)
