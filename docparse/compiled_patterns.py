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

MAX_SAVED = 450  # below `re`'s own cache size (512); past it, the file keeps what this process compiled itself
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
    """The file of this interpreter and this code: patterns change with the code, and a file that mixed the
    patterns of several versions would grow past `re`'s cache."""
    return cache_folder() / f"{interpreter_key()}-{code_stamp()}.marshal"


def cache_folder() -> Path:
    return default_cache_dir() / "built"


def interpreter_key() -> str:
    from re import _constants  # internal: the program format's version

    key = f"{sys.version}|{sys.implementation.name}|{_constants.MAGIC}".encode()
    return f"regex-{hashlib.sha256(key).hexdigest()[:16]}"


def code_stamp() -> str:
    """The names, sizes and times of docparse's modules and lexicons (whose words several patterns are built
    from): a stat of each, not a read, since this runs in every fresh process."""
    root = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(n for n in names if n.endswith((".py", ".tsv"))):
            stat = os.stat(os.path.join(folder, name))
            digest.update(f"{folder[len(root):]}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


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
        keep = set(compiled) if len(compiled) <= MAX_SAVED else set(new)  # new ones, surely used here
        write_programs(sorted(keep))
    except Exception:  # an unwritable cache folder or an interpreter whose `re` differs: nothing is lost
        return


KEPT_FILES = 4  # of earlier code versions: a few, for checkouts used side by side


def remove_oldest_files(folder: Path) -> None:
    files = sorted(folder.glob(f"{interpreter_key()}-*.marshal"), key=lambda f: f.stat().st_mtime, reverse=True)
    for older in files[KEPT_FILES - 1 :]:
        older.unlink(missing_ok=True)


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
    remove_oldest_files(target.parent)
    handle, scratch = tempfile.mkstemp(prefix=".regex-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(marshal.dumps((entries, _start_classes)))
        os.replace(scratch, target)  # whole or not at all; another process may write the same file
    except OSError:
        Path(scratch).unlink(missing_ok=True)
