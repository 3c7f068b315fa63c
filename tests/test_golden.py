"""Golden tests: every corpus/*.gold.json (written by the project) must match exactly."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from golden import compare

GOLDS = sorted(CORPUS.glob("**/*.gold.json"))


@pytest.mark.parametrize("gold", GOLDS, ids=[str(g.relative_to(CORPUS)) for g in GOLDS])
def test_golden(gold):
    diffs = compare(gold)
    assert not diffs, "\n".join(diffs)
