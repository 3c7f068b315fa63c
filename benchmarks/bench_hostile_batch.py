#!/usr/bin/env python3
"""``reportparse batch`` on a county of N files of which a share is hostile: time, memory, outcome.

    python benchmarks/bench_hostile_batch.py [-n 1000] [--hostile 0.15] [--jobs 2] [--keep DIR]

The county (in a temporary folder unless ``--keep``) holds:

- good reports: the corpus texts re-encoded (UTF-8, BOM, GB18030, UTF-16,
  CRLF), the generated sample reports, and the corpus HTML and .docx files;
- damaged but readable reports, which must parse (with a warning): GBK text
  read as Latin-1 and saved as UTF-8, a report pasted twice, a Word file
  renamed .txt, a text cut in the middle of its tables, control characters, a
  script-rendered page with its article in <noscript>, an ASP.NET page of nested
  layout tables, a .docx imported into a .docx (altChunk);
- hostile files, which must each become one row of errors.csv: zip bombs (a
  declared 250 MB member; a member lying about its size), an entity-bomb
  docx, truncated .docx, random binary named .txt, images and programs named
  .txt, a zip renamed .txt, legacy .doc, empty and whitespace-only files,
  25 MB text (over the 20 MB limit), UTF-8 text read as GBK with bytes lost
  (unrepairable mojibake), HTML with 150,000 elements, a truncated PDF, a
  text that is no report; and round three's held-out shapes (tests/hostile_cases3.py): an
  ASCIIHex-over-Flate and a RunLength PDF bomb, a PDF with a user password, a master
  document whose body is sub-documents, a page whose only article is commented out;
- pathological text (table rows of 60-digit runs, 1.8 million characters of
  heading words on one line), which must parse or fail within the time limit
  (counted apart).

The batch runs as a fresh process. Wall time, the CPU time of the batch and
its workers, and peak RSS (the batch's own figures, plus the largest RSS of any
child process from getrusage) are printed, and the outcome is checked: every
good and damaged file in summary.csv with ok, every hostile one in errors.csv.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT / "corpus"


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _docx(document: bytes) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": document})


def declared_bomb() -> bytes:
    """A docx whose document.xml expands to 250 MB of one repeated paragraph (~250 KB zipped)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"<w:p><w:r><w:t>" + "政府信息公开".encode() * 1000 + b"</w:t></w:r></w:p>"
            for _ in range(250 * 1024 * 1024 // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


def lying_bomb() -> bytes:
    """A docx whose 50 MB member declares 1,000 bytes in both zip headers."""
    data = bytearray(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (50 * 1024 * 1024)}))
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04" + data[4:6])  # first local header
    while local != -1:
        if data[local + 30: local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, 1000)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, 1000)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def entity_bomb() -> bytes:
    lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    ) + b"]><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    return _docx(lol)


def make_county(folder: Path, count: int, hostile_share: float, seed: int = 1) -> dict[str, list[str]]:
    """Write the county; return the file names expected to parse, to fail, and either."""
    import reportparse
    from batch_samples import report_text

    rng = random.Random(seed)
    texts = [reportparse.parse(p).text for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))]
    containers = sorted((CORPUS / "containers").glob("*.html")) + sorted((CORPUS / "containers").glob("*.docx"))
    docx_bytes = (CORPUS / "containers" / "containers_lianhua_town_2018.docx").read_bytes()
    pdf_bytes = (CORPUS / "containers" / "containers_lianhua_town_2018.pdf").read_bytes()
    expect: dict[str, list[str]] = {"ok": [], "error": [], "either": []}
    n_hostile = int(count * hostile_share)
    n_damaged = max(20, count // 20)
    bombs = {"declared": declared_bomb(), "lying": lying_bomb()}
    import hostile_cases3 as held_out  # the round-three shapes (tests/hostile_cases3.py)

    held = {name: held_out.build(name)[0] for name in (
        "pdf-asciihex-flate-bomb-400mb", "pdf-runlength-bomb-384mb", "pdf-rc4-128-user-password",
        "docx-subdocuments-only", "html-article-only-in-comment", "html-noscript-article",
        "html-aspnet-nested-tables-8", "docx-altchunk-docx-3-deep")}

    hostile_kinds = [
        ("bomb_declared.docx", lambda i: bombs["declared"]),
        ("bomb_lying.docx", lambda i: bombs["lying"]),
        ("bomb_entities.docx", lambda i: entity_bomb()),
        ("truncated.docx", lambda i: docx_bytes[: rng.randrange(200, len(docx_bytes) - 200)]),
        ("random_binary.txt", lambda i: rng.randbytes(rng.randrange(100, 200_000))),
        ("image.txt", lambda i: b"\x89PNG\r\n\x1a\n" + rng.randbytes(5000)),
        ("program.txt", lambda i: b"\x7fELF\x02\x01\x01" + rng.randbytes(5000)),
        ("zip_renamed.txt", lambda i: _zip({"data.xml": b"<a/>" * 100})),
        ("legacy.doc", lambda i: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4000)),
        ("empty.txt", lambda i: b""),
        ("blank.txt", lambda i: b" \r\n\t\n" * rng.randrange(1, 100)),
        ("huge.txt", lambda i: (texts[i % len(texts)] * 20_000).encode()[: 25 * 1024 * 1024]),
        ("mojibake_lossy.txt", lambda i: texts[i % len(texts)].encode().decode("gbk", "replace").encode()),
        ("elements.html", lambda i: b"<html><body>" + b"<span>x</span>" * 150_000 + b"</body></html>"),
        ("truncated.pdf", lambda i: pdf_bytes[: rng.randrange(100, len(pdf_bytes) // 2)]),
        ("not_a_report.txt", lambda i: "红烧肉的做法:五花肉切块,冷水下锅焯水。\n".encode() * 50),
        ("bomb_hex_flate.pdf", lambda i: held["pdf-asciihex-flate-bomb-400mb"]),
        ("bomb_runlength.pdf", lambda i: held["pdf-runlength-bomb-384mb"]),
        ("user_password.pdf", lambda i: held["pdf-rc4-128-user-password"]),
        ("subdocuments_only.docx", lambda i: held["docx-subdocuments-only"]),
        ("article_in_comment.html", lambda i: held["html-article-only-in-comment"]),
    ]
    either_kinds = [
        ("digit_runs.txt", lambda i: ("政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
                                      + "".join(f"{label}\t{'1' * 60}\n" for label in ("本年新收", "予以公开", "总计") * 3000)
                                      ).encode()),
        ("heading_words.txt", lambda i: ("政府信息公开工作年度报告\n" + "一、主动公开政府信息情况" * 150_000).encode()),
    ]
    damaged_kinds = [
        ("gbk_as_latin1.txt", lambda i: texts[i % len(texts)].encode("gbk", "replace").decode("latin-1").encode()),
        ("pasted_twice.txt", lambda i: (texts[i % len(texts)] * 2).encode()),
        ("cut_in_tables.txt", lambda i: texts[i % len(texts)][: max(300, len(texts[i % len(texts)]) * 3 // 4)].encode()),
        ("word_renamed.txt", lambda i: docx_bytes),
        ("noscript.html", lambda i: held["html-noscript-article"]),
        ("aspnet_tables.html", lambda i: held["html-aspnet-nested-tables-8"]),
        ("nested_altchunk.docx", lambda i: held["docx-altchunk-docx-3-deep"]),
        ("control_chars.txt", lambda i: "".join(ch + ("\x07" if rng.random() < 0.01 else "")
                                                 for ch in texts[i % len(texts)]).encode()),
    ]
    n_either = len(either_kinds) * 2

    def good(i: int) -> tuple[str, bytes]:
        if i % 10 == 0:
            source = containers[i % len(containers)]
            return "good" + source.suffix, source.read_bytes()
        if i % 2:
            return "good.txt", report_text(i).encode(("utf-8", "gb18030")[i % 2])
        encoding = ("utf-8", "utf-8-sig", "gb18030", "utf-16")[i % 4]
        return "good.txt", (texts[i % len(texts)].rstrip("\n") + "\n" + " " * (i // 2)).encode(encoding)

    for i in range(count):
        unit = folder / f"unit_{i // 100:02d}"
        unit.mkdir(parents=True, exist_ok=True)
        if i < n_hostile - n_either:
            suffix_name, make = hostile_kinds[i % len(hostile_kinds)]
            bucket, data = "error", make(i)
        elif i < n_hostile:
            suffix_name, make = either_kinds[i % len(either_kinds)]
            bucket, data = "either", make(i)
        elif i < n_hostile + n_damaged:
            suffix_name, make = damaged_kinds[i % len(damaged_kinds)]
            bucket, data = "ok", make(i)
        else:
            (suffix_name, data), bucket = good(i), "ok"
        path = unit / f"f{i:05d}_{suffix_name}"
        path.write_bytes(data)
        expect[bucket].append(str(path))
    return expect


def run_batch(county: Path, out: Path, jobs: int) -> tuple[float, int, dict]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reportparse", "batch", str(county), "--out", str(out),
                           "--jobs", str(jobs), "--quiet", "--lang", "en"], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = json.loads((out / ".cache" / "last_run.json").read_text())
    stats["cpu"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    stats["children_max_rss_kb"] = after.ru_maxrss  # the largest of any child, the batch included
    stats["stderr"] = proc.stderr[-2000:]
    return wall, proc.returncode, stats


def check_outcome(out: Path, expect: dict[str, list[str]]) -> dict:
    with open(out / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        error_rows = list(csv.DictReader(fh))
    errors = {r["file"]: r for r in error_rows}
    ok_missing = [f for f in expect["ok"] if rows.get(f, {}).get("ok") not in ("true", "True", "1")]
    bad_missing = [f for f in expect["error"] if f not in errors]
    either_failed = [f for f in expect["either"] if f in errors]
    multi_line = [r for r in error_rows if "\n" in " ".join(str(v) for v in r.values())]
    internal = [r for r in error_rows if "internal error" in " ".join(str(v) for v in r.values())
                or "worker process died" in " ".join(str(v) for v in r.values())]
    return {"good_not_parsed": ok_missing, "bad_not_in_errors": bad_missing, "either_failed": either_failed,
            "errors_rows": len(error_rows), "multi_line_errors": len(multi_line), "internal_errors": internal,
            "reasons": sorted({(Path(r["file"]).name.split("_", 1)[1], _reason(r)) for r in error_rows})}


def _reason(row: dict) -> str:
    text = row.get("error") or row.get("reason") or " ".join(str(v) for v in row.values())
    return text[:90]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--count", type=int, default=1000)
    ap.add_argument("--hostile", type=float, default=0.15, help="share of hostile files (default 0.15)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", help="write the county and outputs here instead of a temporary folder")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_parse import machine

    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        base = Path(args.keep or tmp)
        county, out = base / "county", base / "out"
        t0 = time.perf_counter()
        expect = make_county(county, args.count, args.hostile)
        size = sum(p.stat().st_size for p in county.rglob("*") if p.is_file())
        print(f"machine: {machine()}")
        print(f"county: {args.count} files, {size / 1e6:.1f} MB, made in {time.perf_counter() - t0:.1f} s: "
              f"{len(expect['ok'])} good or damaged-readable, {len(expect['error'])} hostile, "
              f"{len(expect['either'])} pathological (parse or fail in time)")
        wall, status, stats = run_batch(county, out, args.jobs)
        print(f"batch --jobs {args.jobs}: {wall:.1f} s wall, exit {status}, {stats['failed']} failed; "
              f"CPU {stats['cpu']:.1f} s; peak RSS per worker {stats['worker_peak_rss_kb'] / 1024:.0f} MB, "
              f"main process {stats['main_peak_rss_kb'] / 1024:.0f} MB, largest child "
              f"{stats['children_max_rss_kb'] / 1024:.0f} MB; load average after {os.getloadavg()[0]:.2f}")
        outcome = check_outcome(out, expect)
        print(f"good or damaged files not parsed: {len(outcome['good_not_parsed'])} {outcome['good_not_parsed'][:5]}")
        print(f"hostile files missing from errors.csv: {len(outcome['bad_not_in_errors'])} "
              f"{outcome['bad_not_in_errors'][:5]}")
        print(f"pathological files that failed (allowed): {len(outcome['either_failed'])}")
        print(f"errors.csv rows: {outcome['errors_rows']}; multi-line: {outcome['multi_line_errors']}; "
              f"internal errors or dead workers: {len(outcome['internal_errors'])}")
        for kind, reason in outcome["reasons"]:
            print(f"  {kind}: {reason}")
        good = not (outcome["good_not_parsed"] or outcome["bad_not_in_errors"] or outcome["internal_errors"]
                    or outcome["multi_line_errors"])
        print("outcome:", "as expected" if good else "NOT as expected")
        if stats.get("stderr"):
            print("stderr tail:", stats["stderr"][-500:])
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
