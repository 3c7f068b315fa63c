"""The county roll-up: totals of every count, findings by code, formats, channels,
refusal reasons and the problems most often reported, each with its organs."""

from __future__ import annotations

from collections import Counter

from .keywords import domain_terms

# Summary fields that are counts (or amounts) and add up across reports.
COUNT_FIELDS = (
    "proactive_total", "requests_received", "requests_carried_over", "requests_completed",
    "requests_carried_forward", "requests_granted", "requests_denied", "review_total",
    "litigation_total", "processing_fee_yuan",
)
FORMATS = ("pre2019", "fmt2019", "fmt2021")
TOP_PROBLEMS = 50


def organ_label(record: dict) -> str:
    """The organ of a report as a person names it; without one, the file's own name, whole
    (never the output's internal name, 乡镇__016_report)."""
    file = (record.get("file") or record["name"]).replace("\\", "/")
    return record["summary"].get("organ") or file.rsplit("/", 1)[-1]


def rollup(records: list[dict]) -> dict:
    ok = [r for r in records if r.get("ok")]
    totals = {}
    for field in COUNT_FIELDS:
        values = [r["summary"][field] for r in ok if r["summary"].get(field) is not None]
        total = sum(values)
        if isinstance(total, float):
            total = round(total, 2)
        totals[field] = {"sum": total if values else None, "reports": len(values)}

    findings_by_code: Counter[str] = Counter()
    findings_by_severity: Counter[str] = Counter()
    for r in ok:
        for f in r.get("findings", []):
            findings_by_code[f["code"]] += 1
            findings_by_severity[f["severity"]] += 1

    formats = Counter(r["summary"].get("format") or "unknown" for r in ok)
    channels = Counter(c for r in ok for c in r["summary"].get("channels", []))
    refusals = Counter(c for r in ok for c in r["summary"].get("refusal_categories", []))

    organs_by_keyword: dict[str, list[str]] = {}
    for r in ok:
        for word in r.get("keywords", []):
            organs_by_keyword.setdefault(word, []).append(organ_label(r))
    domain = domain_terms()
    problems = sorted(organs_by_keyword.items(),
                      key=lambda kv: (-len(kv[1]), kv[0] not in domain, kv[0]))[:TOP_PROBLEMS]
    # "reports" counts reports; "organs" names each organ once (an organ may file several reports).

    return {
        "reports": len(records),
        "parsed": len(ok),
        "failed": len(records) - len(ok),
        "totals": totals,
        "findings_by_code": dict(sorted(findings_by_code.items())),
        "findings_by_severity": dict(sorted(findings_by_severity.items())),
        "formats": {key: formats.get(key, 0) for key in (*FORMATS, "unknown")},
        "channels": dict(sorted(channels.items(), key=lambda kv: (-kv[1], kv[0]))),
        "refusal_categories": dict(sorted(refusals.items(), key=lambda kv: (-kv[1], kv[0]))),
        "problems": [{"keyword": word, "reports": len(organs), "organs": list(dict.fromkeys(organs))}
                     for word, organs in problems],
    }


def rollup_rows(data: dict) -> list[tuple[str, str, int | float | None, int | None, str]]:
    """The roll-up flattened to ``(category, item, value, reports, organs)`` rows for CSV and xlsx."""
    rows: list[tuple[str, str, int | float | None, int | None, str]] = [
        ("reports", "total", data["reports"], None, ""),
        ("reports", "parsed", data["parsed"], None, ""),
        ("reports", "failed", data["failed"], None, ""),
    ]
    rows += [("totals", field, t["sum"], t["reports"], "") for field, t in data["totals"].items()]
    rows += [("findings", code, n, None, "") for code, n in data["findings_by_code"].items()]
    rows += [("severity", sev, n, None, "") for sev, n in data["findings_by_severity"].items()]
    rows += [("format", era, n, None, "") for era, n in data["formats"].items()]
    rows += [("channels", code, n, None, "") for code, n in data["channels"].items()]
    rows += [("refusal_categories", code, n, None, "") for code, n in data["refusal_categories"].items()]
    rows += [("problems", p["keyword"], p["reports"], p["reports"], ";".join(p["organs"]))
             for p in data["problems"]]
    return rows
