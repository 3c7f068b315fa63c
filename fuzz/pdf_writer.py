"""The bytes of small PDFs, written by hand: objects, a cross-reference table, a trailer.

Shared by the fuzz harness (:func:`targets.generate_pdf`) and the tests' hostile and odd
PDFs (``tests/pdf_make.py``); it imports nothing of reportparse, so both can load it
before anything else.
"""

from __future__ import annotations


def build_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"", startxref: int | None = None,
              header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """A PDF whose object ``i + 1`` is ``objects[i]`` (the text between ``obj`` and ``endobj``)."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % (xref if startxref is None else startxref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, length: int | None = None) -> bytes:
    """A stream object: its dictionary (``/Length``, then ``extra``) and ``data``."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data) if length is None else length, extra) + data + b"\nendstream"


def cid_font(to_unicode: int | None = None) -> bytes:
    """A Chinese CID font (STSong-Light, UCS-2 encoded: text is UTF-16BE hex), optionally with a
    ToUnicode map in object ``to_unicode``."""
    tu = b" /ToUnicode %d 0 R" % to_unicode if to_unicode else b""
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
            b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
            b" /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
            b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880"
            b" /StemV 93 >> /DW 1000 >>]" + tu + b" >>")
