"""Coverage-guided fuzzing of ``reportparse.parse`` with atheris (libFuzzer).

    python fuzz/fuzz_parse.py --container=txt|html|docx|any [libFuzzer flags] [CORPUS_DIR ...]

See fuzz/README.md for the commands used in CI and for long runs. The oracle
(what counts as a crash) is :func:`targets.check`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["reportparse"]):
    import reportparse  # noqa: F401  (instrumented before targets imports it)

import targets  # noqa: E402


def main() -> None:
    container = "any"
    argv = []
    for arg in sys.argv:
        if arg.startswith("--container="):
            container = arg.split("=", 1)[1]
        else:
            argv.append(arg)
    targets.to_container(container, b"")  # fail early on an unknown container name
    # Warm the lazy imports (OpenCC, lxml) outside the first timed input.
    for seed in (b"x", "政府信息公开工作年度报告\n一、概述".encode()):
        targets.run_one(container, seed)

    def test_one_input(data: bytes) -> None:
        targets.run_one(container, data)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
