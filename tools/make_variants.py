#!/usr/bin/env python3
"""Make the script and encoding variants of corpus reports (committed under corpus/variants/).

Each variant gets the gold file of its base report with ``input`` and
``script`` adjusted: the facts must not change with script or encoding.

    python tools/make_variants.py
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
OUT = CORPUS / "variants"

# Characters a naive one-to-one converter leaves in simplified form (as in real mirror sites).
NAIVE_KEEP = set("于并系后里台面干发")


def naive_traditional(text: str) -> str:
    conv = opencc.OpenCC("s2t")
    return "".join(ch if ch in NAIVE_KEEP else conv.convert(ch) for ch in text)


def hard_wrap(text: str, width: int = 30) -> str:
    """Break every line at ``width`` characters, as PDF-to-text extraction does."""
    out = []
    for line in text.split("\n"):
        out += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


VARIANTS = [
    # (base, suffix, transform, encoding, script)
    ("sample_township_2018.txt", "s2tw.txt", lambda t: opencc.OpenCC("s2tw").convert(t), "utf-8", "traditional"),
    ("sample_township_2018.txt", "gb18030.txt", lambda t: t, "gb18030", "simplified"),
    ("street_2015_split_problems.txt", "s2hk.big5hkscs.txt", lambda t: opencc.OpenCC("s2hk").convert(t),
     "big5hkscs", "traditional"),
    ("county_bureau_2016_part_style.txt", "utf16.txt", lambda t: t, "utf-16", "simplified"),
    ("township_2022_skipped_numbers.txt", "naive_trad.txt", naive_traditional, "utf-8", "traditional"),
    ("sample_township_2018.txt", "wrapped30.txt", hard_wrap, "utf-8", "simplified"),
    ("county_2014_single_line_cut.txt", "crlf.gbk.txt", lambda t: t.replace("\n", "\r\n"), "gbk", "simplified"),
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.gold.json"):
        old.unlink()
    for base, suffix, transform, encoding, script in VARIANTS:
        text = (CORPUS / base).read_text(encoding="utf-8")
        name = base.rsplit(".", 1)[0] + "." + suffix
        (OUT / name).write_bytes(transform(text).encode(encoding))
        gold = json.loads((CORPUS / (base.rsplit(".", 1)[0] + ".gold.json")).read_text(encoding="utf-8"))
        gold["input"] = name
        gold["script"] = script
        gold["note"] = f"{base} as {suffix} ({encoding}, {script} script); made by tools/make_variants.py."
        (OUT / (name.rsplit(".", 1)[0] + ".gold.json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(OUT / name)


if __name__ == "__main__":
    main()
