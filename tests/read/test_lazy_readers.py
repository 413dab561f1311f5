"""Each format's reader is imported when a document of that format comes, and every format has one."""

from __future__ import annotations

import subprocess
import sys

from docparse.read import EXTENSIONS, READER_MODULES, READERS, _load_readers
from tests.helpers import ROOT


def test_every_format_names_the_module_that_registers_its_reader():
    _load_readers()
    assert set(READER_MODULES) == set(READERS) == set(EXTENSIONS.values())
    assert all(READERS[fmt].__module__ == f"docparse.read.{module}" for fmt, module in READER_MODULES.items())


def test_a_fresh_process_reading_text_imports_no_other_reader():
    code = (
        "import sys, docparse; docparse.read('安全生产检查通知。'.encode(), name='a.txt'); "
        "print(sorted(m for m in sys.modules if m.startswith('docparse.read.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "['docparse.read.text']"


def test_a_fresh_process_reading_one_document_starts_no_pool_machinery():
    # read_many and Result come with docparse.batch (process pools, executors) when first asked for
    code = (
        "import sys, docparse; docparse.read('安全生产检查通知。'.encode(), name='a.txt'); "
        "print('docparse.batch' in sys.modules, 'multiprocessing' in sys.modules); "
        "from docparse import read_many, Result; print(read_many.__module__, Result.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split("\n")[:2] == ["False False", "docparse.batch docparse.batch"]
