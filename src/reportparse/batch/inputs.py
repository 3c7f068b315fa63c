"""Which files a batch reads, in which order, and the output name of each.

Folders are walked recursively in sorted order, so the same folder always
gives the same list (and the same outputs) on any machine. Every file with a
report-like suffix is an input, including formats the parser refuses (.doc,
.wps): those become rows of errors.csv rather than vanishing. Hidden files
and Office lock files (``~$报告.docx``) are not reports and are left out.

What a listing must never do: hang or read without end (a FIFO, a device or
a link to one is an input with a ``problem``, never opened), stop at an
unreadable sub-folder (it becomes a row too), or read a batch's own outputs
as reports (a folder holding :data:`MARKER`, the output folder of this or an
earlier run, is not walked). File names may hold any bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

# Written into every batch output folder: a folder holding it is output, not input.
MARKER = ".reportparse-output"
# An output folder's own parts (also recognised in folders of versions before the marker).
OUTPUT_DIRS = frozenset({"reports", "pages", ".cache"})
OUTPUT_PAGES = frozenset({"index.html"})
NOT_REGULAR = "not a regular file (a pipe, device or socket): not read"
UNREADABLE_FOLDER = "cannot read folder"

# Suffixes a county folder holds reports in; .doc/.wps/.rtf are listed so that
# they are reported as unsupported instead of being skipped without a word.
REPORT_SUFFIXES = frozenset({
    ".txt", ".text", ".md", ".markdown",
    ".html", ".htm", ".xhtml", ".shtml",
    ".docx", ".docm", ".pdf", ".mht", ".mhtml",
    ".doc", ".wps", ".rtf",
})

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


@dataclass(frozen=True)
class Input:
    """One file of the batch: ``file`` as the user would write it, ``name`` for outputs."""

    file: str
    rel: str  # path relative to the folder it was found in (the file name when given directly)
    problem: str | None = None  # why it cannot be read at all (not a regular file, unreadable folder)


def _is_junk(name: str) -> bool:
    return name.startswith((".", "~$"))


def is_output_folder(folder: str) -> bool:
    """A batch output folder: it holds the marker (or, from older versions, a journal and a dashboard)."""
    return (os.path.isfile(os.path.join(folder, MARKER))
            or (os.path.isfile(os.path.join(folder, ".cache", "records.jsonl"))
                and os.path.isfile(os.path.join(folder, "index.html"))))


def _regular_problem(file: str) -> str | None:
    """None for a regular file (or a link to one); else why it is not read. Never opens it."""
    try:
        mode = os.stat(file).st_mode
    except FileNotFoundError:
        return "file not found"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    return None if stat.S_ISREG(mode) else NOT_REGULAR


def discover(arguments: list[str], *, exclude: list[str] = (), skipped: list[str] | None = None) -> list[Input]:
    """Expand folders and files into the inputs, in argument order, each file once.

    Folders in ``exclude`` (the output folder, which may sit inside or be the
    input folder) and output folders of earlier runs contribute no outputs of
    theirs. Files of a walked folder that are not inputs (other suffixes, lock
    files) are appended to ``skipped`` when given, so the caller can say what
    it left out. A sub-folder that cannot be read is an input with a problem.
    """
    found: list[Input] = []
    seen: set[str] = set()
    excluded = {os.path.realpath(e) for e in exclude}

    def add(file: str, rel: str, problem: str | None = None) -> None:
        key = os.path.normcase(os.path.abspath(file))
        if key not in seen:
            seen.add(key)
            found.append(Input(file=file, rel=rel, problem=problem))

    for arg in arguments:
        path = Path(arg)
        if path.is_dir():
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(arg, onerror=unreadable.append):
                for exc in unreadable:
                    folder = exc.filename or root
                    add(folder, os.path.relpath(folder, arg), f"{UNREADABLE_FOLDER} ({exc.strerror or exc})")
                unreadable.clear()
                output_here = os.path.realpath(root) in excluded or is_output_folder(root)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not (output_here and d in OUTPUT_DIRS)
                                 and os.path.realpath(os.path.join(root, d)) not in excluded
                                 and not is_output_folder(os.path.join(root, d)))
                for fname in sorted(files):
                    if output_here and (fname in OUTPUT_PAGES or Path(fname).suffix.lower() not in REPORT_SUFFIXES):
                        continue  # this folder's own outputs
                    if _is_junk(fname) or Path(fname).suffix.lower() not in REPORT_SUFFIXES:
                        if skipped is not None and not fname.startswith("."):
                            skipped.append(os.path.join(root, fname))
                        continue
                    file = os.path.join(root, fname)
                    add(file, os.path.relpath(file, arg), _regular_problem(file))
            for exc in unreadable:  # the last sub-folder, or the folder itself
                folder = exc.filename or arg
                rel = os.path.relpath(folder, arg) if folder != arg else (path.name or arg)
                add(folder, rel, f"{UNREADABLE_FOLDER} ({exc.strerror or exc})")
        else:
            # A file named explicitly is always an input, even with an odd suffix:
            # the user asked for it, so it gets a row.
            problem = _regular_problem(arg)
            add(arg, path.name or arg, None if problem == "file not found" else problem)
    return found


_MAX_NAME_BYTES = 120  # output names + ".json" + the temporary file's affixes stay under 255 bytes


def _readable(part: str) -> str:
    """A path part as text: undecodable bytes (a GBK name read as UTF-8) become U+FFFD."""
    return part.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _shorten(base: str, rel: str) -> str:
    """``base`` cut to :data:`_MAX_NAME_BYTES` UTF-8 bytes, with a hash of the full path so
    two long names that share their beginning stay apart."""
    if len(base.encode("utf-8")) <= _MAX_NAME_BYTES:
        return base
    digest = hashlib.sha1(rel.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    cut = base.encode("utf-8")[:_MAX_NAME_BYTES - 11].decode("utf-8", "ignore")
    return f"{cut}-{digest}"


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
        base = _shorten("__".join(_UNSAFE.sub("_", _readable(part)).replace("\ufffd", "_").strip("._") or "_"
                                  for part in stem_parts), item.rel)
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
