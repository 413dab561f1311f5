"""Seeded mutation fuzzing: whatever the bytes, docparse.read raises only DocparseError (bench/fuzz.py runs more)."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import fuzz  # noqa: E402

MUTANTS = 300


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return fuzz.fixture_files(tmp_path_factory.mktemp("fuzz"))


def test_mutated_files_give_documented_errors_only(files):
    outcomes = Counter()
    others = []
    for name, data in fuzz.mutants(files, MUTANTS, seed=20261207):
        result = fuzz.outcome(name, data)
        outcomes[result.split(":")[0]] += 1
        if result.startswith("other"):
            others.append(f"{name}: {result}")
    assert not others, others[:5]
    assert outcomes["error"] > 0 and outcomes["ok"] > 0  # the mutants reach both the readers' checks and extraction
