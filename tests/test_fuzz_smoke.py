"""The fuzz harness in CI: every input the fuzzer ever failed on, the seeds, and a short atheris run.

fuzz/regressions/ holds the inputs that crashed or timed out (named
``<container>-<what>``); each must now parse or fail with a one-line
ReportParseError, quickly. The atheris run is skipped where atheris is not
installed (``pip install -e '.[fuzz]'``).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
sys.path.insert(0, str(FUZZ))

import targets  # noqa: E402

REGRESSIONS = sorted((FUZZ / "regressions").iterdir())
SEEDS = sorted(p for c in targets.CONTAINERS for p in (FUZZ / "seeds" / c).iterdir())
SMOKE_SECONDS = 6  # per container; the whole smoke stays under half a minute


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzz_regression(path):
    container = path.name.split("-", 1)[0]
    started = time.perf_counter()
    targets.run_one(container, path.read_bytes())
    assert time.perf_counter() - started < 5


def test_seeds_parse_cleanly():
    for path in SEEDS:
        targets.run_one(path.parent.name, path.read_bytes())


def test_generated_docx_is_well_formed_and_deterministic():
    import random

    rng = random.Random(5)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        assert targets.generate_docx_parts(data) == targets.generate_docx_parts(data)
        targets.run_one("docx", b"\x01" + data)


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed (extra 'fuzz')")
@pytest.mark.parametrize("container", targets.CONTAINERS)
def test_atheris_smoke(container, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    proc = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_parse.py"), f"--container={container}",
         f"-max_total_time={SMOKE_SECONDS}", "-timeout=10", "-rss_limit_mb=1024", "-max_len=16384",
         f"-artifact_prefix={tmp_path}/", str(corpus), str(FUZZ / "seeds" / container)],
        capture_output=True, text=True, timeout=SMOKE_SECONDS + 120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done" in proc.stderr
