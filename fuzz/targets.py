"""What the fuzz harness checks, in plain Python (no atheris), so tests can replay inputs.

One fuzz input is turned into the bytes of one container and given to
:func:`reportparse.parse`:

- ``txt``: the bytes as a ``.txt`` file (every encoding path, mojibake repair).
- ``html``: the bytes as a ``.html`` page.
- ``docx``: a zip (input starting ``PK``) goes in as it is; anything else is
  split at ``\\0\\0`` into ``word/document.xml``, ``word/numbering.xml`` and
  ``word/styles.xml`` of an otherwise valid package, so the fuzzer reaches the
  XML renderer instead of spending its time on zip checksums.
- ``any``: the first byte picks one of the above for the rest.

:func:`check` is the oracle: ``parse`` either returns a report whose evidence
quotes the text exactly, or raises :class:`ReportParseError` with a one-line
message. Anything else (another exception, a multi-line message, evidence
outside the text) raises ``AssertionError`` or escapes, which the fuzzer reports.
"""

from __future__ import annotations

import io
import zipfile

from reportparse import ReportParseError, parse

CONTAINERS = ("txt", "html", "docx")

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
PART_SEPARATOR = b"\x00\x00"


def build_docx(parts: list[bytes]) -> bytes:
    """A .docx package whose document, numbering and styles parts are ``parts`` (1 to 3)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        for name, part in zip(("word/document.xml", "word/numbering.xml", "word/styles.xml"), parts):
            zf.writestr(name, part)
    return buf.getvalue()


def split_docx(data: bytes) -> list[bytes]:
    """The inverse of the docx input convention: a package's three XML parts, joined."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        return [zf.read(n) if n in names else b"" for n in
                ("word/document.xml", "word/numbering.xml", "word/styles.xml")]


def to_container(container: str, data: bytes) -> tuple[bytes, str]:
    """``(bytes, file name)`` to parse for fuzz input ``data``."""
    if container == "any":
        if not data:
            return data, "x.txt"
        container, data = CONTAINERS[data[0] % len(CONTAINERS)], data[1:]
    if container == "txt":
        return data, "x.txt"
    if container == "html":
        return data, "x.html"
    if container == "docx":
        if data.startswith(b"PK"):
            return data, "x.docx"
        return build_docx(data.split(PART_SEPARATOR, 2)), "x.docx"
    raise ValueError(f"unknown container {container!r}; choose one of {CONTAINERS + ('any',)}")


def check(data: bytes, name: str) -> None:
    """Parse ``data``; fail loudly on anything but a good report or a one-line ReportParseError."""
    try:
        report = parse(data, name=name)
    except ReportParseError as err:
        message = str(err)
        assert message and "\n" not in message, f"error message not one line: {message!r}"
        return
    dumped = report.model_dump(mode="json")
    original = dumped.pop("text")
    stack: list = [dumped]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                assert 0 <= node["start"] <= node["end"] <= len(original), f"evidence outside text: {node}"
                assert original[node["start"]:node["end"]] == node["text"], f"evidence misquotes: {node}"
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def run_one(container: str, data: bytes) -> None:
    """One fuzz input, end to end."""
    payload, name = to_container(container, data)
    check(payload, name)
