"""Run hostile cases (``tests/hostile_cases.py``) in this process, printing a JSON line for
each: the outcome, the parse's CPU and wall seconds, and the process's peak memory so far
(an upper bound on the case's own peak).

    python tests/hostile_run.py CASE [CASE ...]
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_cases  # noqa: E402
from reportparse import ReportParseError, parse, parse_text, summarize  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(name: str, cases=hostile_cases) -> None:
    data, file_name = cases.build(name)
    cpu, wall = _cpu(), time.monotonic()
    out: dict = {"case": name}
    try:
        if file_name == "surrogate":
            report = parse_text(hostile_cases.sample() + "\ud800 \udfff", name="x.txt")
        else:
            report = parse(data, name=file_name)
    except ReportParseError as err:
        out.update(ok=False, error=str(err))
    except BaseException as exc:  # noqa: BLE001 - what the test must never see
        out.update(ok=False, error=f"ESCAPED {type(exc).__name__}: {exc}")
    else:
        summary = summarize(report, file_name).model_dump(mode="json")
        report.model_dump_json()  # the report must also be writable
        out.update(ok=True, summary=summary, warnings=report.warnings)
    out["cpu"] = round(_cpu() - cpu, 2)
    out["wall"] = round(time.monotonic() - wall, 2)
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(out, ensure_ascii=False), flush=True)


def main(names: list[str]) -> None:
    # A guard for the machine, well above the 1 GiB the test asserts.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    cases = hostile_cases
    if names and names[0].startswith("--module="):  # another table of cases (hostile_cases3)
        import importlib

        cases = importlib.import_module(names.pop(0).split("=", 1)[1])
    for name in names:
        run(name, cases)


if __name__ == "__main__":
    main(sys.argv[1:])
