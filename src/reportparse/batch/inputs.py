"""Which files a batch reads, in which order, and the output name of each.

Folders are walked recursively in sorted order, so the same folder always
gives the same list (and the same outputs) on any machine. Every file with a
report-like suffix is an input, including formats the parser refuses (.doc,
.wps): those become rows of errors.csv rather than vanishing. Hidden files
and Office lock files (``~$报告.docx``) are not reports and are left out.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# Suffixes a county folder holds reports in; .doc/.wps/.rtf are listed so that
# they are reported as unsupported instead of being skipped without a word.
REPORT_SUFFIXES = frozenset({
    ".txt", ".text", ".md", ".markdown",
    ".html", ".htm", ".xhtml", ".shtml",
    ".docx", ".docm", ".pdf",
    ".doc", ".wps", ".rtf",
})

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


@dataclass(frozen=True)
class Input:
    """One file of the batch: ``file`` as the user would write it, ``name`` for outputs."""

    file: str
    rel: str  # path relative to the folder it was found in (the file name when given directly)


def _is_junk(name: str) -> bool:
    return name.startswith((".", "~$"))


def discover(arguments: list[str], *, exclude: list[str] = (), skipped: list[str] | None = None) -> list[Input]:
    """Expand folders and files into the inputs, in argument order, each file once.

    Folders in ``exclude`` (the output folder, which may sit inside the input
    folder) are not walked. Files of a walked folder that are not inputs
    (other suffixes, lock files) are appended to ``skipped`` when given, so
    the caller can say what it left out.
    """
    found: list[Input] = []
    seen: set[str] = set()
    excluded = {os.path.realpath(e) for e in exclude}

    def add(file: str, rel: str) -> None:
        key = os.path.normcase(os.path.abspath(file))
        if key not in seen:
            seen.add(key)
            found.append(Input(file=file, rel=rel))

    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and os.path.realpath(os.path.join(root, d)) not in excluded)
                for fname in sorted(files):
                    if _is_junk(fname) or Path(fname).suffix.lower() not in REPORT_SUFFIXES:
                        if skipped is not None and not fname.startswith("."):
                            skipped.append(os.path.join(root, fname))
                        continue
                    file = os.path.join(root, fname)
                    add(file, os.path.relpath(file, arg))
        else:
            # A file named explicitly is always an input, even with an odd suffix
            # or when missing: the user asked for it, so it gets a row.
            add(arg, path.name or arg)
    return found


def output_names(inputs: list[Input]) -> list[str]:
    """A unique, filesystem-safe stem per input: ``乡镇/新开镇.txt`` -> ``乡镇__新开镇``.

    Clashes (``a.txt`` and ``a.docx``; names differing only in case) get the
    suffix, then a counter, in input order, so names are stable across runs.
    """
    names: list[str] = []
    used: set[str] = set()
    for item in inputs:
        rel = Path(item.rel)
        stem_parts = [*rel.parts[:-1], rel.stem or rel.name]
        base = "__".join(_UNSAFE.sub("_", part).strip("._") or "_" for part in stem_parts)[:150]
        candidates = [base, f"{base}-{rel.suffix.lstrip('.').lower() or 'file'}"]
        name = next((c for c in candidates if c.casefold() not in used), None)
        counter = 2
        while name is None:
            candidate = f"{base}-{counter}"
            if candidate.casefold() not in used:
                name = candidate
            counter += 1
        used.add(name.casefold())
        names.append(name)
    return names
