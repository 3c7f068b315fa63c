"""Bytes in, decoded text out: containers (txt, md, html, docx, pdf) and encodings.

Nothing downstream knows where the text came from: every loader returns a
:class:`Loaded` whose ``text`` is what evidence offsets point into.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import DEFAULT_LIMITS, Limits
from ..errors import BinaryInputError, DecodeError, InputError, LimitExceededError, UnsupportedFormatError
from .text import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# Legacy binary formats: refused when the bytes are binary; many ".doc" downloads are HTML or text.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
LEGACY_SUFFIXES = {".doc", ".dot", ".wps", ".wpt", ".et", ".dps", ".xls", ".ppt"}
_MAIL_HEADER = re.compile(rb"\s*[A-Za-z][A-Za-z0-9-]*: ")  # .mht pages are MIME messages


@dataclass
class Loaded:
    text: str
    container: str
    encoding: str | None
    size_bytes: int
    warnings: list[str] = field(default_factory=list)
    ocr: Any = None  # an ocr.OcrText when the text was read by OCR from page images


def join_lines(lines: list[str]) -> str:
    """Lines to text: runs of blank lines become one, none at the ends ('' when no text)."""
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def sniff_container(data: bytes) -> str | None:
    """Tell a container by its magic bytes, whatever the file is called."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc / .wps / .xls, or an encrypted .docx
    if head.startswith((b"\x7fELF", b"MZ", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "binary"
    return None


def describe_unsupported(data: bytes, suffix: str) -> str:
    """A one-line message naming a container we recognise but do not read."""
    if data.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
        return "encrypted (password-protected) Office file: remove the password and save it as .docx"
    if data.startswith(b"{\\rtf") or suffix == ".rtf":
        return "RTF file is not supported; save it as .docx or .txt"
    if suffix in {".wps", ".et", ".dps"}:
        return f"WPS Office {suffix} file is not supported; save it as .docx or .txt"
    if suffix in {".xls", ".ppt"}:
        return f"legacy Office {suffix} file is not a report document; save the report as .docx or .txt"
    return "legacy Word 97-2003 .doc (or other OLE) file is not supported; save it as .docx or .txt"


def read_bytes(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found") from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError("is a directory, not a file")
    if size > limits.max_bytes:
        raise LimitExceededError(
            f"file too large ({size:,} bytes; the limit is {limits.max_bytes:,} bytes)"
        )
    try:
        with p.open("rb") as fh:
            return fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from None


def load_bytes(data: bytes, name: str = "", limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Decode ``data``; ``name`` (a file name) only hints at the container."""
    if len(data) > limits.max_bytes:
        raise LimitExceededError(
            f"input too large ({len(data):,} bytes; the limit is {limits.max_bytes:,} bytes)"
        )
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace")
    suffix = Path(name).suffix.lower() if name else ""
    magic = sniff_container(data)
    if suffix == ".pdf" or magic == "pdf":
        from .pdf import load_pdf

        return load_pdf(data, limits)
    # A scan: read by OCR (the reportparse[ocr] extra). An image named as text stays "binary input".
    if suffix in IMAGE_SUFFIXES or (_is_image(data) and suffix not in (TEXT_SUFFIXES - {""}) | HTML_SUFFIXES):
        from .ocr import load_image

        return load_image(data, limits)
    if magic == "ole":
        raise UnsupportedFormatError(describe_unsupported(data, suffix))
    if suffix in {".docx", ".docm", ".dotx"} or (magic == "zip" and (not suffix or suffix not in TEXT_SUFFIXES)):
        from .docx import load_docx

        return load_docx(data, limits)
    if data.lstrip()[:5] == b"{\\rtf" or suffix == ".rtf":
        raise UnsupportedFormatError(describe_unsupported(data, suffix))
    if magic == "zip":
        if _is_word_package(data):  # a Word file renamed .txt (a county gets a few every year)
            from .docx import load_docx

            loaded = load_docx(data, limits)
            loaded.warnings.insert(0, f"a Word .docx file named {suffix or 'without a suffix'}: read as .docx")
            return loaded
        raise BinaryInputError("binary input: a ZIP/Office archive given as text (use the .docx name)")
    if magic == "binary":
        raise BinaryInputError("binary input (an image or program, not text)")
    if suffix in {".mht", ".mhtml"} or (_MAIL_HEADER.match(data[:256])
                                        and b"multipart/related" in data[:4096].lower()):
        from .html import load_mhtml

        return load_mhtml(data, limits)
    try:
        text, encoding, warnings = decode_text(data)
    except (BinaryInputError, DecodeError):
        if suffix in LEGACY_SUFFIXES:
            raise UnsupportedFormatError(describe_unsupported(data, suffix)) from None
        raise
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        from .html import load_html

        return load_html(data, limits, text=text, encoding=encoding)
    if suffix in LEGACY_SUFFIXES:  # a .doc/.wps that is really text (sites do serve those)
        warnings.append(f"{suffix} file holds plain text; read as text")
    container = "md" if suffix in {".md", ".markdown"} else "txt"
    return Loaded(text=text, container=container, encoding=encoding, size_bytes=len(data), warnings=warnings)


def _is_word_package(data: bytes) -> bool:
    """A readable zip holding ``word/document.xml`` (only the directory is read)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except Exception:  # noqa: BLE001 - any damage: not a Word package we can name
        return False


def _is_image(data: bytes) -> bool:
    """PNG, JPEG or TIFF by magic bytes (scans go to OCR)."""
    return data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def load_path(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Loaded:
    return load_bytes(read_bytes(path, limits), str(path), limits)
