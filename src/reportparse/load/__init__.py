"""Bytes in, decoded text out: containers (txt, md, html, docx, pdf) and encodings.

Nothing downstream knows where the text came from: every loader returns a
:class:`Loaded` whose ``text`` is what evidence offsets point into.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..config import DEFAULT_LIMITS, Limits
from ..errors import BinaryInputError, DecodeError, InputError, LimitExceededError, UnsupportedFormatError
from .text import decode_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# Legacy binary formats: refused when the bytes are binary; many ".doc" downloads are HTML or text.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
LEGACY_SUFFIXES = {".doc", ".dot", ".wps", ".wpt", ".et", ".dps", ".xls", ".ppt"}
_READ_CHUNK = 1 << 20
_HTML_HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
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


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TITLE_WORDS = re.compile(r"报告|報告|年报|年報")
_DATE = re.compile(r"^\s*[\d０-９〇零一二三四五六七八九十]{2,4}\s*年\s*[\d０-９一二三四五六七八九十]{1,2}\s*月"
                   r"(?:\s*[\d０-９一二三四五六七八九十]{1,3}\s*日)?\s*$")
_SENTENCE = re.compile(r"[。，；;！？]")  # a title is no sentence
_MIN_BODY_CJK = 30  # a report's body has hundreds of characters; a cover page a title, an organ and a date


def only_a_title(text: str) -> bool:
    r"""True when ``text`` is at most a title, an organ and a date: what is left of a document
    whose body is elsewhere (imported parts not read, sub-documents, an attachment link).

    >>> only_a_title("青石镇人民政府2018年政府信息公开工作年度报告\n青石镇人民政府\n2019年3月8日\n")
    True
    >>> only_a_title("一、总体情况\n本机关依法公开政府信息，全年主动公开政府信息120条，收到政府信息公开申请5件，均已按时答复。\n")
    False
    """
    body = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or _DATE.match(line) or (_TITLE_WORDS.search(line) and len(line) <= 80
                                             and not _SENTENCE.search(line)):
            continue
        body += len(_CJK.findall(line)) if len(line) > 12 else 0
        if body >= _MIN_BODY_CJK:
            return False
    return True


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


_NOT_REGULAR = ((stat.S_ISFIFO, "命名管道", "a FIFO"), (stat.S_ISCHR, "字符设备", "a character device"),
                (stat.S_ISBLK, "块设备", "a block device"), (stat.S_ISSOCK, "套接字", "a socket"))


def _not_regular(mode: int) -> InputError:
    zh, en = next(((zh, en) for test, zh, en in _NOT_REGULAR if test(mode)), ("特殊文件", "a special file"))
    return InputError(f"不是普通文件（{zh}），不读取 (not a regular file: {en})")


def read_bytes(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a regular file (links followed), at most ``limits.max_bytes``.

    FIFOs, devices and sockets are refused before they are opened (a FIFO blocks
    the reader forever, /dev/zero never ends); the file is opened non-blocking
    and checked again, so one swapped in between is refused too."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("file not found") from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(st.st_mode)
    if st.st_size > limits.max_bytes:
        raise _too_large(st.st_size, limits)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = read_stream(fh, limits)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return data


def read_stream(stream: BinaryIO, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a stream (stdin, a pipe) in pieces, stopping as soon as it passes ``limits.max_bytes``."""
    chunks: list[bytes] = []
    got = 0
    while True:
        chunk = stream.read(min(_READ_CHUNK, limits.max_bytes + 1 - got))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        got += len(chunk)
        if got > limits.max_bytes:
            raise LimitExceededError(f"input too large (more than {limits.max_bytes:,} bytes; "
                                     f"the limit is {limits.max_bytes:,} bytes)")


def _too_large(size: int, limits: Limits) -> LimitExceededError:
    return LimitExceededError(f"file too large ({size:,} bytes; the limit is {limits.max_bytes:,} bytes)")


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
    if suffix == ".pdf" and magic != "pdf" and b"%PDF-" not in data[:1024] and (
            magic == "zip" or _HTML_HEAD.search(data[:1024])):
        # A download named .pdf that is a web page (a site's error or viewer page) or a Word file.
        loaded = load_bytes(data, str(Path(name).with_suffix("")), limits)
        loaded.warnings.insert(0, f"a file named .pdf that is not a PDF: read as {loaded.container}")
        return loaded
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
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        from .html import load_html

        # The page's source is bounded by max_bytes; max_chars bounds the text it shows (a page with
        # a pasted screenshot as a data: URI has megabytes of source and a few pages of text).
        return load_html(data, limits, text=text, encoding=encoding)
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
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
