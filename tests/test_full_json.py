"""Every corpus and dev report gives exactly the full JSON it gave when the digests were written.

A refactoring (speed work, a shared index) must not move any result; a change that means to
move results updates the digests in the same commit (``python tools/full_json.py --update``),
so the diff shows which reports it moved.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("full_json", ROOT / "tools" / "full_json.py")
full_json = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(full_json)

KNOWN = json.loads(full_json.DIGESTS.read_text(encoding="utf-8"))
FILES = full_json.report_files()


def test_digests_cover_every_corpus_report():
    missing = [name for name, _ in FILES if name not in KNOWN]
    assert not missing, f"run `python tools/full_json.py --update` (reports without a digest: {missing[:5]})"


@pytest.mark.parametrize("name,path", FILES, ids=[n for n, _ in FILES])
def test_full_json_unchanged(name, path):
    if name not in KNOWN:
        pytest.skip("no digest yet")
    text = full_json.full_json(name, path.read_bytes())
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    assert digest == KNOWN[name], (
        f"{name}: the full JSON changed. If the change is intended, run "
        f"`python tools/full_json.py --update` and say so in the commit; to see what moved, "
        f"`python tools/full_json.py --dump DIR` before and after and diff the two folders.")


def test_a_changed_result_is_caught():
    name, path = FILES[0]
    text = full_json.full_json(name, path.read_bytes())
    assert hashlib.sha256((text + " ").encode("utf-8")).hexdigest()[:20] != KNOWN[name]
