"""Small hand-built PDFs for the hostile-input tests and the fuzz seeds (nothing committed in megabytes).

:func:`build_pdf` (``fuzz/pdf_writer.py``) writes objects, a cross-reference table and a trailer;
the generators below each make one class of hostile or odd file.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

# The PDF writer is shared with the fuzz harness (fuzz/pdf_writer.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
from pdf_writer import build_pdf, cid_font, stream  # noqa: E402,F401

HELLO = "本报告根据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息120条，收到申请5件。"


def _utf16_hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode()


def text_page_content(lines: list[str], size: int = 12) -> bytes:
    """BT/ET drawing of ``lines`` in the CID font F1, one line every ``size * 1.6`` points."""
    ops = [b"BT /F1 %d Tf" % size]
    y = 780
    for line in lines:
        ops.append(b"1 0 0 1 72 %d Tm <%s> Tj" % (y, _utf16_hex(line)))
        y -= int(size * 1.6)
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(lines: list[str] | None = None, *, pages: int = 1, content: bytes | None = None,
             filters: bytes = b"", encode=None, font: bytes | None = None, extra_objects: list[bytes] = (),
             trailer_extra: bytes = b"", startxref: int | None = None, resources_fonts: bytes = b"/F1 4 0 R") -> bytes:
    """A valid PDF of ``pages`` pages each drawing ``lines`` (or the raw ``content``) in a Chinese font."""
    body = content if content is not None else text_page_content(lines or [HELLO])
    if encode:
        body = encode(body)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        stream(body, filters),
        font or cid_font(),
    ]
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
                       b" /Resources << /Font << %s >> >> >>" % resources_fonts)
    objects.extend(extra_objects)
    return build_pdf(objects, trailer_extra=trailer_extra, startxref=startxref)


# --- one generator per hostile class -------------------------------------------------------------

def flate_bomb(megabytes: int = 400) -> bytes:
    """A content stream that inflates to ``megabytes`` of spaces."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    return text_pdf(content=data, filters=b"/Filter /FlateDecode")


def unknown_filter(name: bytes = b"/Brotli") -> bytes:
    return text_pdf(content=b"garbage", filters=b"/Filter " + name)


def abbreviated_flate() -> bytes:
    return text_pdf(lines=[HELLO] * 3, filters=b"/Filter /Fl", encode=zlib.compress)


def huge_startxref() -> bytes:
    return text_pdf(startxref=10 ** 30)


def many_fragments(count: int = 4000, step: float = 3) -> bytes:
    """One line drawn as ``count`` single-character text runs (quadratic in pypdf's layout mode)."""
    ops = [b"BT /F1 10 Tf 1 0 0 1 30 700 Tm"]
    for i in range(count):
        ops.append(b"<%s> Tj %g 0 Td" % (_utf16_hex("一二三四五六七八九十"[i % 10]), step))
    ops.append(b"ET")
    return text_pdf(content=b"\n".join(ops), filters=b"/Filter /FlateDecode", encode=zlib.compress)


def many_glyphs(count: int = 300_000) -> bytes:
    """A page of ``count`` characters in a grid of tiny type (past the per-page cap)."""
    row = _utf16_hex("政府信息公开" * 50)
    ops = [b"BT /F1 1 Tf"]
    for i in range(count // 300 + 1):
        ops.append(b"1 0 0 1 10 %g Tm <%s> Tj" % (800 - (i % 800) * 1.0, row))
    ops.append(b"ET")
    return text_pdf(content=b"\n".join(ops), filters=b"/Filter /FlateDecode", encode=zlib.compress)


def many_operators(count: int = 3_000_000) -> bytes:
    """A page of ``count`` graphics-state operators (compressed: a small file)."""
    return text_pdf(content=b"q Q " * count, filters=b"/Filter /FlateDecode", encode=zlib.compress)


def font_aliases(count: int = 100, cmap_entries: int = 5000) -> bytes:
    """``count`` font names on a page all pointing at one font with a large ToUnicode map."""
    entries = b"\n".join(b"<%04X> <%04X>" % (i, 0x4E00 + i % 20000) for i in range(cmap_entries))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar\n" % cmap_entries
            + entries + b"\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    names = b" ".join(b"/F%d 4 0 R" % i for i in range(1, count + 1))
    ops = b"BT " + b" ".join(b"/F%d 12 Tf 1 0 0 1 72 %d Tm <4E004E01> Tj" % (i, 700 - i % 600)
                             for i in range(1, count + 1)) + b" ET"
    objects_font = cid_font(to_unicode=6)
    pdf = text_pdf(content=ops, font=objects_font, resources_fonts=names,
                   extra_objects=[stream(zlib.compress(cmap), b"/Filter /FlateDecode")])
    return pdf


def lone_surrogate_map() -> bytes:
    """A ToUnicode map sending a code to a lone high surrogate (U+D800)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar\n"
            b"<0001> <D800>\n<0002> <4E00>\nendbfchar endcmap end end")
    ops = text_page_content([HELLO]) + b"\nBT /F1 12 Tf 1 0 0 1 72 500 Tm <00010002> Tj ET"
    font = cid_font(to_unicode=6)
    return text_pdf(content=ops, font=font, extra_objects=[stream(cmap)])


def page_count(pages: int = 500) -> bytes:
    """A legal document of ``pages`` pages sharing one content stream."""
    return text_pdf(lines=[HELLO] * 20, pages=pages)


def image_only() -> bytes:
    """A page that only paints an image: no text layer (a scan)."""
    img = stream(b"\xff" * 300, b"/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceRGB "
                               b"/BitsPerComponent 8")
    return text_pdf(content=b"q 500 0 0 700 50 50 cm /Im1 Do Q", resources_fonts=b"/F1 4 0 R",
                    extra_objects=[img]).replace(b"/Resources << /Font", b"/Resources << /XObject << /Im1 6 0 R >> /Font")


def xobject_fanout(levels: int = 9, fanout: int = 10) -> bytes:
    """Form XObjects each drawing the next one ``fanout`` times: ``fanout ** levels`` text draws."""
    forms = []
    first = 6
    for level in range(levels):
        if level == levels - 1:
            body = b"BT /F1 12 Tf 72 700 Td <%s> Tj ET" % _utf16_hex("一二三")
            res = b"/Font << /F1 4 0 R >>"
        else:
            body = b" ".join([b"/X Do"] * fanout)
            res = b"/XObject << /X %d 0 R >>" % (first + level + 1)
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s >> "
                            % res))
    pdf = text_pdf(content=text_page_content([HELLO]) + b"\n/X Do", extra_objects=forms)
    return pdf.replace(b"/Resources << /Font", b"/Resources << /XObject << /X 6 0 R >> /Font", 1)


def page_tree_loop() -> bytes:
    """A page tree whose kid is its own parent."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
               b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"]
    return build_pdf(objects)


def deep_nesting(depth: int = 100_000) -> bytes:
    """An object nested ``depth`` arrays deep."""
    return text_pdf(extra_objects=[b"[" * depth + b"]" * depth])


def truncated(fraction: float = 0.6) -> bytes:
    data = text_pdf([HELLO] * 10)
    return data[: int(len(data) * fraction)]


def unsupported_encryption() -> bytes:
    """An /Encrypt dictionary of a security handler no reader knows."""
    enc = b"<< /Filter /FooSecurity /V 9 /R 9 /Length 128 /O <00> /U <00> /P -4 >>"
    return text_pdf(trailer_extra=b"/Encrypt 6 0 R /ID [<00112233445566778899AABBCCDDEEFF> "
                                  b"<00112233445566778899AABBCCDDEEFF>] ", extra_objects=[enc])


def crypt_filter() -> bytes:
    return text_pdf(content=b"anything", filters=b"/Filter /Crypt /DecodeParms << /Name /Identity >>")


def jbig2_image_page() -> bytes:
    img = stream(b"\x00" * 50, b"/Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 1 "
                               b"/Filter /JBIG2Decode ")
    return text_pdf(content=text_page_content([HELLO]) + b"\nq 100 0 0 100 50 50 cm /Im1 Do Q",
                    extra_objects=[img]).replace(b"/Resources << /Font",
                                                 b"/Resources << /XObject << /Im1 6 0 R >> /Font", 1)


def double_flate_bomb(megabytes: int = 1500) -> bytes:
    """Flate inside Flate: the outer layer is small, the inner inflates to ``megabytes``."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    inner = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    return text_pdf(content=zlib.compress(inner, 9), filters=b"/Filter [/FlateDecode /FlateDecode]")


def lzw_bomb(tables: int = 60) -> bytes:
    """LZW codes for a run of spaces: each code one space longer than the last, ``tables`` table fills.

    One table fill is about 5 KB of codes for 7 MB of output; 60 fills inflate to about 400 MB.
    """
    return text_pdf(content=_lzw_run(tables), filters=b"/Filter /LZWDecode")


def _lzw_run(tables: int) -> bytes:
    out, acc, nbits = bytearray(), 0, 0

    def put(code: int, width: int) -> None:
        nonlocal acc, nbits
        acc = ((acc << width) | code) & ((1 << 64) - 1)
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)

    for _ in range(tables):
        put(256, 9)  # clear table
        put(32, 9)  # one space
        code, width = 258, 9
        # Emitting code ``c`` adds entry ``c + 1``; early change widens the codes one entry early.
        while code < 4094:
            put(code, width)
            code += 1
            if code + 1 >= (1 << width) and width < 12:
                width += 1
    put(257, 12)
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


# --- drawn pages for the layout tests --------------------------------------------------------------

def drawn_pdf(pages: list[list[tuple]], rotate: int = 0, size: tuple[int, int] = (595, 842)) -> bytes:
    """Pages drawn from items: ``("text", x, y, text[, size[, turned]])`` (x, y of the baseline start,
    y upwards; ``turned``: the text runs upwards), ``("h", x0, x1, y)`` and ``("v", x, y0, y1)`` strokes,
    ``("grid", x0, top, widths, heights)`` a full ruled grid."""
    contents = []
    for items in pages:
        ops = []
        for item in items:
            kind = item[0]
            if kind == "text":
                _, x, y, text, *rest = item
                pt = rest[0] if rest else 10
                turned = rest[1] if len(rest) > 1 else False
                matrix = b"0 1 -1 0" if turned else b"1 0 0 1"
                ops.append(b"BT /F1 %d Tf %s %g %g Tm <%s> Tj ET" % (pt, matrix, x, y, _utf16_hex(text)))
            elif kind == "h":
                _, x0, x1, y = item
                ops.append(b"0.5 w %g %g m %g %g l S" % (x0, y, x1, y))
            elif kind == "v":
                _, x, y0, y1 = item
                ops.append(b"0.5 w %g %g m %g %g l S" % (x, y0, x, y1))
            elif kind == "grid":
                _, x0, top, widths, heights = item
                xs = [x0 + sum(widths[:i]) for i in range(len(widths) + 1)]
                ys = [top - sum(heights[:i]) for i in range(len(heights) + 1)]
                for y in ys:
                    ops.append(b"0.5 w %g %g m %g %g l S" % (xs[0], y, xs[-1], y))
                for x in xs:
                    ops.append(b"0.5 w %g %g m %g %g l S" % (x, ys[0], x, ys[-1]))
        contents.append(b"\n".join(ops))
    n = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)), n),
               cid_font()]
    for content in contents:
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Rotate %d /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >> >>" % (*size, rotate, len(objects) + 2))
        objects.append(stream(content))
    return build_pdf(objects)


def shared_operators(pages: int = 50, count: int = 2_000_000) -> bytes:
    """One content stream of ``count`` operators drawn by every one of ``pages`` pages."""
    return text_pdf(content=b"q Q " * count, filters=b"/Filter /FlateDecode", encode=zlib.compress, pages=pages)
