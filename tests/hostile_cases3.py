"""Hostile inputs, round three: a held-out set of the round-two classes in other shapes.

Nothing here repeats a generator of ``hostile_cases.py`` or ``pdf_make.py``: other PDF
bomb filters and places, other encryption and permission combinations, other ways a page
hides its article, other Word parts, markdown shapes, two reports and junk in other forms.
Each :class:`~hostile_cases.Case` builds its bytes in the process that parses them
(``tests/hostile_run.py --module hostile_cases3``), so time and memory are that process's own.
"""

from __future__ import annotations

import base64
import html
import io
import random
import zipfile
import zlib
from pathlib import Path

import pdf_make as make
from hostile_cases import (
    CORPUS,
    R_NS,
    TITLE,
    W_NS,
    Case,
    _html_page,
    _paragraphs,
    chrome,
    docx,
    page,
    sample,
    second_report,
)

PDF_SAMPLE = CORPUS / "containers" / "sample_township_2018.pdf"


def _has_report(s: dict) -> bool:
    return s["organ"] == "青石镇人民政府" and s["year"] == 2018 and s["requests_received"] == 3


def _two_reports_warned(summary: dict) -> bool:
    """A report was read, with the warning that the file holds two."""
    return _has_report(summary) and any("two reports" in w for w in summary["warnings"])


def _no_decoy(s: dict) -> bool:
    return _has_report(s) and not any("two reports" in w for w in s["warnings"])


# --- PDF: other bomb shapes and filters -------------------------------------------------------


def _spaces_deflated(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MB of spaces, made in milliseconds: one fully flushed
    block repeated, an empty final block, and the checksum of the whole."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9)
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return first + again * (megabytes - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def hex_flate_bomb(megabytes: int) -> tuple[bytes, str]:
    """ASCIIHex over Flate: the hex layer doubles the small file, the Flate layer inflates it."""
    data = _spaces_deflated(megabytes).hex().encode() + b">"
    return make.text_pdf(content=data, filters=b"/Filter [/AHx /FlateDecode]"), "hex.pdf"


def a85_flate_bomb(megabytes: int) -> tuple[bytes, str]:
    data = base64.a85encode(_spaces_deflated(megabytes), adobe=True)[2:]
    return make.text_pdf(content=data, filters=b"/Filter [/ASCII85Decode /Fl]"), "a85.pdf"


def runlength_bomb(megabytes: int) -> tuple[bytes, str]:
    """RunLengthDecode: every two bytes give 128 (a 64x ratio no zlib check sees)."""
    data = b"\x81 " * (megabytes * (1 << 20) // 128) + b"\x80"
    return make.text_pdf(content=data, filters=b"/Filter /RunLengthDecode"), "rle.pdf"


def form_bomb(megabytes: int) -> tuple[bytes, str]:
    """The bomb in a form XObject the page draws, not in the page's own content."""
    form = make.stream(_spaces_deflated(megabytes), b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                                    b"/Filter /FlateDecode ")
    pdf = make.text_pdf(content=make.text_page_content([make.HELLO]) + b"\n/Fx Do", extra_objects=[form])
    return pdf.replace(b"/Resources << /Font", b"/Resources << /XObject << /Fx 6 0 R >> /Font", 1), "form.pdf"


def tounicode_bomb(megabytes: int) -> tuple[bytes, str]:
    """The bomb in the font's ToUnicode map."""
    cmap = make.stream(_spaces_deflated(megabytes), b"/Filter /FlateDecode ")
    return make.text_pdf(font=make.cid_font(to_unicode=6), extra_objects=[cmap]), "cmap.pdf"


def predictor_columns() -> tuple[bytes, str]:
    """A PNG predictor row of 10^9 columns x 4 colours x 16 bits: one row is 8 GB."""
    return make.text_pdf(lines=[make.HELLO], encode=zlib.compress,
                         filters=b"/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 1000000000 "
                                 b"/Colors 4 /BitsPerComponent 16 >>"), "pred.pdf"


def xref_stream_bomb(megabytes: int) -> tuple[bytes, str]:
    """The cross-reference itself is a stream that inflates to ``megabytes``."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.7\n")
    for number, body in enumerate(objects, start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    data = _spaces_deflated(megabytes)
    out += (b"3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(data) + data + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out), "xref.pdf"


def huge_image(width: int, height: int) -> tuple[bytes, str]:
    """A page painting one image that claims ``width`` x ``height`` pixels from a few bytes."""
    img = make.stream(zlib.compress(b"\x00" * 1000), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                      b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode " % (width, height))
    pdf = make.text_pdf(content=b"q 500 0 0 700 50 50 cm /Im1 Do Q", extra_objects=[img])
    return pdf.replace(b"/Resources << /Font", b"/Resources << /XObject << /Im1 6 0 R >> /Font", 1), "img.pdf"


def inline_image_huge() -> tuple[bytes, str]:
    content = (make.text_page_content([make.HELLO])
               + b"\nq 100 0 0 100 0 0 cm BI /W 60000 /H 60000 /BPC 8 /CS /RGB ID \x00\x00\x00 EI Q")
    return make.text_pdf(content=content), "inline.pdf"


def huge_mediabox() -> tuple[bytes, str]:
    return make.text_pdf(lines=[make.HELLO] * 5).replace(b"/MediaBox [0 0 595 842]",
                                                         b"/MediaBox [-1e30 -1e30 1e30 1e30]"), "box.pdf"


def huge_numbers() -> tuple[bytes, str]:
    """Text state operators with absurd operands."""
    ops = (b"BT /F1 1e30 Tf 1e308 0 0 1e308 1e300 -1e300 Tm 1e30 Tc -1e30 Tw 1e30 Tz 1e30 TL "
           + b" ".join(b"<%s> Tj T*" % make._utf16_hex(ch) for ch in "政府信息公开" * 200) + b" ET")
    return make.text_pdf(content=ops), "nums.pdf"


def count_lie() -> tuple[bytes, str]:
    return make.text_pdf().replace(b"/Count 1", b"/Count 2000000000", 1), "count.pdf"


def deep_page_tree(depth: int) -> tuple[bytes, str]:
    """Pages nodes nested ``depth`` deep above one page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        kid = number + 1
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    page_no = 2 + depth
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
                   % (page_no + 1, page_no + 2))
    objects.append(make.stream(make.text_page_content([make.HELLO])))
    objects.append(make.cid_font())
    return make.build_pdf(objects), "tree.pdf"


def prev_loop() -> tuple[bytes, str]:
    """A trailer whose /Prev points back at its own cross-reference table."""
    data = make.text_pdf()
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return data.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % xref, 1), "prev.pdf"


def many_updates(count: int) -> tuple[bytes, str]:
    """``count`` incremental updates, each a cross-reference section chained by /Prev."""
    out = bytearray(make.text_pdf())
    prev = int(out.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    for _ in range(count):
        at = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
            prev, at)
        prev = at
    return bytes(out), "updates.pdf"


def deep_dicts(depth: int) -> tuple[bytes, str]:
    return make.text_pdf(extra_objects=[b"<< /A " * depth + b"1" + b" >>" * depth]), "dicts.pdf"


def type3_recursive() -> tuple[bytes, str]:
    """A Type3 font whose glyph procedure draws text in the same font."""
    proc = make.stream(b"1000 0 0 0 1000 1000 d1 BT /T3 12 Tf <01> Tj ET")
    font = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
            b"/CharProcs << /g 7 0 R >> /Encoding << /Differences [1 /g] >> /FirstChar 1 /LastChar 1 /Widths [1000] "
            b"/Resources << /Font << /T3 6 0 R >> >> >>")
    content = make.text_page_content([make.HELLO]) + b"\nBT /T3 12 Tf 72 400 Td <010101> Tj ET"
    pdf = make.text_pdf(content=content, extra_objects=[font, proc])
    return pdf.replace(b"/Font << /F1 4 0 R", b"/Font << /F1 4 0 R /T3 6 0 R", 1), "type3.pdf"


def distinct_fonts(count: int, entries: int) -> tuple[bytes, str]:
    """``count`` different font objects, each with its own ToUnicode stream of ``entries`` codes
    (the same bytes in every stream, but separate objects: nothing is shared by the reader)."""
    body = b"\n".join(b"<%04X> <%04X>" % (c, 0x4E00 + (c * 7) % 20000) for c in range(entries))
    cmap = zlib.compress(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange "
                         b"<0000> <FFFF> endcodespacerange %d beginbfchar\n" % entries + body
                         + b"\nendbfchar endcmap end end", 9)
    objects_fonts = []
    first = 6
    for i in range(count):
        objects_fonts.append(make.stream(cmap, b"/Filter /FlateDecode "))
        objects_fonts.append(make.cid_font(to_unicode=first + 2 * i))
    names = b" ".join(b"/G%d %d 0 R" % (i, first + 2 * i + 1) for i in range(count))
    ops = b"BT " + b" ".join(b"/G%d 10 Tf 1 0 0 1 40 %d Tm <00010002> Tj" % (i, 800 - i % 780) for i in range(count)) + b" ET"
    pdf = make.text_pdf(content=make.text_page_content([make.HELLO]) + b"\n" + ops, extra_objects=objects_fonts)
    return pdf.replace(b"/Font << /F1 4 0 R", b"/Font << /F1 4 0 R " + names, 1), "fonts.pdf"


def junk_before_header() -> tuple[bytes, str]:
    """1,000 bytes of mail header before ``%PDF`` (readers accept up to 1,024)."""
    return b"X-Junk: " + b"a" * 990 + b"\r\n" + PDF_SAMPLE.read_bytes(), "late.pdf"


def html_named_pdf() -> tuple[bytes, str]:
    return page(_html_page(sample())).encode(), "download.pdf"


# --- PDF: encryption and permissions --------------------------------------------------------------


def encrypted(algorithm: str, user: str = "", permissions: str = "", metadata: bool = True) -> tuple[bytes, str]:
    """The sample PDF encrypted by pypdf (RC4 or AES), user password ``user``, permission bits."""
    from pypdf import PdfWriter
    from pypdf.constants import UserAccessPermissions

    if algorithm.startswith("AES"):
        _aes_by_openssl()
    writer = PdfWriter(clone_from=str(PDF_SAMPLE))
    kwargs: dict = {"algorithm": algorithm}
    if permissions == "print-only":
        kwargs["permissions_flag"] = UserAccessPermissions.from_dict({"print": True})
    elif permissions == "no-copy":
        kwargs["permissions_flag"] = UserAccessPermissions.all() & ~UserAccessPermissions.EXTRACT \
            & ~UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
    writer.encrypt(user, "owner-secret", **kwargs)
    if not metadata:
        writer._encrypt_entry[make_name("/EncryptMetadata")] = _false()
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue(), "enc.pdf"


def _openssl(cipher: str, key: bytes, data: bytes, iv: bytes | None = None, pad: bool = False) -> bytes:
    import subprocess

    args = ["openssl", "enc", f"-{cipher}", "-K", key.hex()] + (["-iv", iv.hex()] if iv is not None else [])
    return subprocess.run(args + ([] if pad else ["-nopad"]), input=data, capture_output=True, check=True).stdout


def _aes_by_openssl() -> None:
    """pypdf writes AES only with ``cryptography``; without it, the openssl command does the ciphering."""
    import os

    import pypdf._encryption as enc

    try:
        import cryptography  # noqa: F401

        return
    except ImportError:
        pass

    class CryptAES(enc.CryptBase):
        def __init__(self, key: bytes) -> None:
            self.key = key

        def encrypt(self, data: bytes) -> bytes:
            iv = os.urandom(16)
            return iv + _openssl(f"aes-{len(self.key) * 8}-cbc", self.key, data, iv, pad=True)

    enc.CryptAES = CryptAES
    enc.aes_cbc_encrypt = lambda key, iv, data: _openssl(f"aes-{len(key) * 8}-cbc", key, data, iv)
    enc.aes_ecb_encrypt = lambda key, data: _openssl(f"aes-{len(key) * 8}-ecb", key, data)


def make_name(text: str):
    from pypdf.generic import NameObject

    return NameObject(text)


def _false():
    from pypdf.generic import BooleanObject

    return BooleanObject(False)


def odd_encrypt_entry(entry: bytes, inline: bool = False) -> tuple[bytes, str]:
    """An /Encrypt entry that is not a usable security dictionary."""
    ids = b"/ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>] "
    if inline:
        return make.text_pdf(trailer_extra=b"/Encrypt " + entry + b" " + ids), "enc.pdf"
    return make.text_pdf(trailer_extra=b"/Encrypt 6 0 R " + ids, extra_objects=[entry]), "enc.pdf"


# --- HTML: other ways a page hides (or seems to hide) its article ----------------------------------

DECOY = ("中共某某县委员会2020年政府信息公开工作年度报告\n本年度新收政府信息公开申请999件，予以公开888件。\n"
         "某某县委员会\n2021年1月5日")


def _decoy_html() -> str:
    return _html_page(DECOY)


def nested_layout_tables(depth: int) -> tuple[bytes, str]:
    """An ASP.NET page: one <form>, a 500 KB view state, the article in a cell ``depth`` tables deep."""
    viewstate = base64.b64encode(random.Random(5).randbytes(375_000)).decode()
    inner = f'<div id="ctl00_ContentPlaceHolder1_lblContent"><h2>{TITLE}</h2>{_html_page(sample())}</div>'
    for level in range(depth):
        inner = (f'<table width="100%" border="0" cellspacing="0" cellpadding="0" id="t{level}"><tr>'
                 f'<td width="10" class="left_bg">&nbsp;</td><td valign="top">{inner}</td></tr></table>')
    body = (f'<form name="form1" method="post" action="Show.aspx?id=77" id="form1">'
            f'<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate}" />'
            f'<input type="hidden" name="__EVENTVALIDATION" value="/wEWAgL+raDpAgKM54rGBg==" /></div>'
            + chrome(inner) + "</form>")
    return page(body).encode(), "Show.aspx.html"


def noscript_article() -> tuple[bytes, str]:
    """A script-rendered page: an empty mount point, the article only in <noscript>."""
    body = (chrome('<div id="app"></div><script src="/js/app.js"></script>')
            + f"<noscript><h1>{TITLE}</h1>{_html_page(sample())}</noscript>")
    return page(body).encode(), "spa.html"


def template_article() -> tuple[bytes, str]:
    body = chrome(f'<div id="app"></div><template id="tpl"><h1>{TITLE}</h1>{_html_page(sample())}</template>')
    return page(body).encode(), "tpl.html"


def iframe_srcdoc() -> tuple[bytes, str]:
    inner = html.escape(page(f"<h1>{TITLE}</h1>" + _html_page(sample())), quote=True)
    body = chrome(f'<div class="content"><iframe width="100%" height="3000" srcdoc="{inner}"></iframe></div>')
    return page(body).encode(), "srcdoc.html"


def aria_hidden_article() -> tuple[bytes, str]:
    """Saved while a dialog was open: the dialog script set aria-hidden on the visible page."""
    body = (f'<div class="wrapper" aria-hidden="true">{chrome(f"<h1>{TITLE}</h1>" + _html_page(sample()))}</div>'
            '<div role="dialog" class="modal"><p>温馨提示：您即将离开本网站。</p><button>确定</button></div>')
    return page(body).encode(), "modal.html"


def styled_decoys(kind: str) -> tuple[bytes, str]:
    """A decoy report before the article, hidden by the page's <style> in selector forms a
    round-two page did not use."""
    rules = {
        "id": ("<style>#oldReport{display:none}</style>", '<div id="oldReport">'),
        "compound": ("<style>div.wz-hide, .box .yc {display: none;}</style>", '<div class="wz-hide">'),
        "minified": ("<style>.a{color:red}.yc{display:none!important}.b{margin:0}</style>", '<div class="x yc">'),
        "visibility": ("", '<div style="VISIBILITY:HIDDEN;height:0">'),
        "hidden-until-found": ("", '<div hidden="until-found">'),
        "attribute-selector": ('<style>[data-old="1"]{display:none}</style>', '<div data-old="1">'),
    }[kind]
    head, opening = rules
    body = chrome(f'{opening}{_decoy_html()}</div><div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>')
    return page(body, head).encode(), "decoy.html"


def shadow_copies(count: int) -> tuple[bytes, str]:
    """``count`` hidden copies of another report's text (SEO stuffing) around the article."""
    hidden_block = f'<div style="display: none;">{_decoy_html()}</div>'
    body = chrome(hidden_block * count + f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>'
                  + hidden_block * count)
    return page(body).encode(), "shadow.html"


def commented(kind: str) -> tuple[bytes, str]:
    article = f"<h1>{TITLE}</h1>{_html_page(sample())}"
    if kind == "old-version-in-comment":
        body = chrome(f"<!-- 旧版正文：<div>{_decoy_html()}</div> -->"
                      f'<div class="content">{article}</div><!-- /content -->')
    elif kind == "conditional-comments":
        body = chrome(f'<!--[if lt IE 9]><p>请升级浏览器</p><![endif]--><!--[if !IE]><!--><div class="content">'
                      f"{article}</div><!--<![endif]-->")
    elif kind == "unterminated-comment-after":
        body = chrome(f'<div class="content">{article}</div><!-- 统计代码 <script>var x=1;</script>')
    else:  # the only article is commented out
        body = chrome(f"<h1>{TITLE}</h1><!-- <div class=\"content\">{_html_page(sample())}</div> -->")
    return page(body).encode(), "comment.html"


def textarea_article() -> tuple[bytes, str]:
    body = chrome(f'<h1>{TITLE}</h1><textarea readonly style="width:100%;height:900px">{html.escape(sample())}'
                  "</textarea>")
    return page(body).encode(), "textarea.html"


def details_article() -> tuple[bytes, str]:
    body = chrome(f"<h1>{TITLE}</h1><details><summary>展开全文</summary>{_html_page(sample())}</details>")
    return page(body).encode(), "details.html"


def deep_tables_before(depth: int) -> tuple[bytes, str]:
    """Layout tables nested ``depth`` deep (closed) before the article: table tags are neither
    inline nor block wrappers."""
    junk = "<table><tr><td>" * depth + "导航" + "</td></tr></table>" * depth
    body = junk + f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>'
    return page(body).encode(), "deeptables.html"


def wide_nested_tables(depth: int, width: int) -> tuple[bytes, str]:
    """Layout tables nested ``depth`` deep, each row ``width`` cells of words before the next
    table: every cell holds the rest of the page (quadratic for any per-element subtree walk)."""
    cells = "<td>栏目</td>" * width
    junk = f"<table><tr>{cells}<td>" * depth + "导航" + "</td></tr></table>" * depth
    body = junk + f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>'
    return page(body).encode(), "widetables.html"


def unclosed_tables_before(depth: int) -> tuple[bytes, str]:
    junk = "<table><tr><td>" * depth + "导航"
    body = junk + f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>'
    return page(body).encode(), "opentables.html"


def nested_noframes(depth: int) -> tuple[bytes, str]:
    text = (f"<html><head><title>{TITLE}</title></head>" + '<frameset cols="*"><frame src="a.html"><noframes>' * depth
            + "<p>您的浏览器不支持框架</p>" + "</noframes></frameset>" * depth + "</html>")
    return text.encode(), "frames.html"


def big_data_uri() -> tuple[bytes, str]:
    """A 12 MB inline image before the article."""
    blob = base64.b64encode(b"\x89PNG" + bytes(9_000_000)).decode()
    body = chrome(f'<img src="data:image/png;base64,{blob}"><div class="content"><h1>{TITLE}</h1>'
                  f"{_html_page(sample())}</div>")
    return page(body).encode(), "datauri.html"


def xhtml_page() -> tuple[bytes, str]:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{TITLE}</title></head><body>'
            + chrome(f'<div class="content">{_html_page(sample())}</div>') + "</body></html>")
    return text.encode(), "page.xhtml"


def refresh_only() -> tuple[bytes, str]:
    text = (f'<html><head><title>{TITLE}</title><meta http-equiv="refresh" content="0;url=/art/2019/3/8/art_1.html">'
            "</head><body></body></html>")
    return text.encode(), "redirect.html"


# --- Word: other parts --------------------------------------------------------------------------

_RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
_CHUNK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _chunk_docx(target: str, content: bytes | None, *, mode: str = "", before: str = "") -> bytes:
    rel = f'<Relationship Id="rId7" Type="{_CHUNK_TYPE}" Target="{target}"{mode}/>'
    extra = [("word/_rels/document.xml.rels", _RELS.format(rel))]
    if content is not None:
        extra.append((f"word/{target}", content))
    return docx(before + '<w:altChunk r:id="rId7"/><w:sectPr/>', extra=tuple(extra))


def altchunk_xhtml() -> tuple[bytes, str]:
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
             f"<title>{TITLE}</title></head><body>{_html_page(sample())}</body></html>")
    return _chunk_docx("chunk1.xhtml", xhtml.encode()), "xhtml.docx"


def altchunk_text_gbk() -> tuple[bytes, str]:
    return _chunk_docx("chunk.txt", sample().encode("gb18030")), "txtchunk.docx"


def altchunk_in_table_cell() -> tuple[bytes, str]:
    rel = f'<Relationship Id="rId7" Type="{_CHUNK_TYPE}" Target="c.htm"/>'
    body = '<w:tbl><w:tr><w:tc><w:altChunk r:id="rId7"/><w:p/></w:tc></w:tr></w:tbl><w:sectPr/>'
    return docx(body, extra=(("word/_rels/document.xml.rels", _RELS.format(rel)),
                             ("word/c.htm", page(_html_page(sample())).encode()))), "cell.docx"


def altchunk_nested_docx(levels: int) -> tuple[bytes, str]:
    """A .docx imported as an altChunk of a .docx ... ``levels`` deep, the report at the bottom."""
    data = docx(_paragraphs(sample()))
    for _ in range(levels):
        data = _chunk_docx("inner.docx", data)
    return data, "nested.docx"


def altchunk_external() -> tuple[bytes, str]:
    """An altChunk that points out of the package (never fetched), with only the title in the body."""
    return _chunk_docx("http://127.0.0.1:9/report.htm", None, mode=' TargetMode="External"',
                       before=_paragraphs(TITLE)), "external.docx"


def altchunk_escapes_package() -> tuple[bytes, str]:
    return _chunk_docx("../../../../etc/passwd", None, before=_paragraphs(TITLE)), "escape.docx"


def subdoc_master() -> tuple[bytes, str]:
    """A master document: a title, then sub-documents in other files (not in the package)."""
    rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/subDocument" Target="file:///D:/nb/part{i}.docx" TargetMode="External"/>'
                   for i in range(1, 4))
    body = _paragraphs(TITLE) + "".join(f'<w:p><w:subDoc r:id="rId{i}"/></w:p>' for i in range(1, 4))
    return docx(body, extra=(("word/_rels/document.xml.rels", _RELS.format(rels)),)), "master.docx"


def title_only_docx() -> tuple[bytes, str]:
    return docx(_paragraphs(TITLE + "\n青石镇人民政府\n2019年3月8日")), "titleonly.docx"


def glossary_decoy() -> tuple[bytes, str]:
    """Building blocks (word/glossary/document.xml) holding another report's text."""
    glossary = (f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartBody>'
                f"{_paragraphs(DECOY)}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")
    return docx(_paragraphs(sample()), extra=(("word/glossary/document.xml", glossary),)), "glossary.docx"


def style_numbering(kind: str) -> tuple[bytes, str]:
    """Numbering reached only through styles: a style loop, a missing definition, a level loop."""
    if kind == "style-link-loop":
        numbering = ('<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListA"/></w:abstractNum>'
                     '<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListA"/>'
                     '<w:numStyleLink w:val="ListA"/></w:abstractNum>'
                     '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                     '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>')
        styles = ('<w:style w:type="numbering" w:styleId="ListA"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
                  '</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr>'
                  '<w:numId w:val="2"/></w:numPr></w:pPr></w:style>')
    elif kind == "based-on-loop":
        numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                     '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                     '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
        styles = ('<w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="Other"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="Other"><w:basedOn w:val="Item"/></w:style>')
    elif kind == "no-numbering-part":
        numbering = ""
        styles = ('<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
                  '<w:numId w:val="5"/></w:numPr></w:pPr></w:style>')
    else:  # nine levels, each starting at 10^15, all in the label; a level index of 10^9
        levels = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="{10 ** 15}"/><w:numFmt w:val="decimal"/>'
                         f'<w:lvlText w:val="%1.%2.%3.%4.%5.%6.%7.%8.%9"/></w:lvl>' for k in range(9))
        numbering = (f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                     '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                     f'<w:startOverride w:val="{10 ** 30}"/></w:lvlOverride></w:num>')
        styles = ('<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:ilvl w:val="1000000000"/>'
                  '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    items = _paragraphs("第一项工作\n第二项工作\n第三项工作", '<w:pStyle w:val="Item"/>')
    extra = [("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')]
    return docx(_paragraphs(sample()) + items, numbering, tuple(extra)), "stylenum.docx"


def label_amplifier(references: int, items: int) -> tuple[bytes, str]:
    """A level text of ``references`` "%1"s at a start of 10^15: each numbered paragraph's label
    would be 16 x ``references`` characters (a 3 KB file, tens of millions of characters)."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1000000000000000"/>'
                 f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * references}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    items_xml = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>' * items
    return docx(_paragraphs(sample()) + items_xml, numbering), "labels.docx"


def deep_content_controls(depth: int) -> tuple[bytes, str]:
    """Content controls nested ``depth`` deep before the report (XML depth)."""
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>封面</w:t></w:r></w:p>" + \
        "</w:sdtContent></w:sdt>" * depth + _paragraphs(sample())
    return docx(body), "sdt.docx"


def alternate_content() -> tuple[bytes, str]:
    """A text box drawn twice (mc:Choice and mc:Fallback) holding the whole report."""
    box = f"<w:txbxContent>{_paragraphs(sample())}</w:txbxContent>"
    body = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    return docx(body), "textbox.docx"


def document_elsewhere() -> tuple[bytes, str]:
    """The main part named word/main.xml, found through _rels/.rels (Word opens it)."""
    buf = io.BytesIO()
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{_paragraphs(sample())}</w:body></w:document>'
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", _RELS.format(
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/main.xml"/>'))
        zf.writestr("word/main.xml", document)
    return buf.getvalue(), "main.docx"


def duplicate_members() -> tuple[bytes, str]:
    """Two members named word/document.xml: the report, then a decoy."""
    import warnings

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            for text in (sample(), DECOY):
                zf.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{_paragraphs(text)}'
                                                 "</w:body></w:document>")
    return buf.getvalue(), "dup.docx"


def zip_method(method: int, flags: int = 0) -> tuple[bytes, str]:
    """A docx whose document.xml claims compression ``method`` (99: WinZip AES) or the encrypted flag."""
    data = bytearray(docx(_paragraphs(sample())))
    name = b"word/document.xml"
    for sig, method_at, flags_at, name_at in ((b"PK\x03\x04", 8, 6, 30), (b"PK\x01\x02", 10, 8, 46)):
        at = data.find(sig)
        while at != -1:
            if data[at + name_at: at + name_at + len(name)] == name:
                data[at + method_at: at + method_at + 2] = method.to_bytes(2, "little")
                data[at + flags_at: at + flags_at + 2] = (int.from_bytes(data[at + flags_at: at + flags_at + 2],
                                                                         "little") | flags).to_bytes(2, "little")
            at = data.find(sig, at + 4)
    return bytes(data), "method.docx"


def utf16_document() -> tuple[bytes, str]:
    text = (f'<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f"{_paragraphs(sample())}</w:body></w:document>")
    return docx("", document=text.encode("utf-16")), "utf16.docx"


# --- markdown -------------------------------------------------------------------------------------


def md_html_blocks() -> tuple[bytes, str]:
    text = sample().replace("二、", '<div align="center">\n\n二、', 1).replace("三、", "</div>\n\n三、", 1)
    return (f"<p align=\"center\"><b>{TITLE}</b></p>\n\n" + text + "\n<table><tr><td>附</td></tr></table>\n").encode(), \
        "html.md"


def md_front_matter() -> tuple[bytes, str]:
    front = ("---\ntitle: 青石镇人民政府2017年政府信息公开工作年度报告（修订稿）\ndate: 2019-03-08\n"
             "tags: [政府信息公开, 年度报告]\nsource: 青石镇人民政府\n---\n\n")
    return (front + sample()).encode(), "front.md"


def md_giant_table(rows: int) -> tuple[bytes, str]:
    table = "| 序号 | 事项 | 数量 | 备注 |\n|---|---|---|---|\n" + "".join(
        f"| {i} | 主动公开政府信息 | {i % 97} | / |\n" for i in range(rows))
    return (sample() + "\n附表：\n\n" + table).encode(), "table.md"


def md_deep_list(depth: int, shape: str) -> tuple[bytes, str]:
    if shape == "markers":
        junk = "- " * depth + "目录\n"
    elif shape == "quotes":
        junk = "> " * depth + "引言\n"
    else:  # indented lines, one more level per line
        junk = "".join(" " * (2 * i) + "- 项\n" for i in range(depth))
    return (junk + sample()).encode(), "deep.md"


def md_punctuation_runs(count: int) -> tuple[bytes, str]:
    junk = "*" * count + "\n" + "[" * count + "\n" + "`" * count + "\n" + "_" * count + "\n"
    return (sample() + "\n" + junk).encode(), "runs.md"


# --- text: two reports, enumerations, junk --------------------------------------------------------


def to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def two_reports(kind: str) -> tuple[bytes, str]:
    first = sample()
    if kind == "traditional-second":
        second = to_traditional(second_report())
    elif kind == "next-year-same-organ":
        second = first.replace("2018", "2019").replace("收到政府信息公开申请3件", "收到政府信息公开申请7件")
    elif kind == "form-feed":
        second = "\f" + second_report()
    elif kind == "separator-line":
        second = "=" * 40 + "\n" + second_report()
    elif kind == "traditional-first":
        first = to_traditional(first)
        second = second_report()
    else:  # both in one line run: the second title mid-paragraph after the signature
        return (first.rstrip("\n") + "　" + second_report()).encode(), "two.txt"
    return (first + "\n" + second).encode(), "two.txt"


def enumeration_shapes(words: str) -> tuple[bytes, str]:
    text = sample().replace("(二)公开渠道", f"一是健全制度。{words}完善平台。\n(二)公开渠道")
    return text.encode(), "enum.txt"


def junk_after(kind: str, megabytes: float) -> tuple[bytes, str]:
    rng = random.Random(11)
    size = int(megabytes * (1 << 20))
    if kind == "base64":
        junk = base64.b64encode(rng.randbytes(size * 3 // 4)).decode()
    elif kind == "pipes":
        junk = "".join(rng.choice("|一二三四五六七八九十0123456789、是 \n") for _ in range(size // 3))
    elif kind == "headings":
        junk = "".join(f"{rng.choice('一二三四五六七八九十')}、{rng.choice(['主动公开', '依申请公开', '其他'])}"
                       f"{rng.randrange(10 ** 6)}件\n" for _ in range(size // 40))
    elif kind == "traditional":
        junk = "".join(rng.choice("政府資訊公開申請年度報告總計一二三四五六七八九十百千萬是，。\n") for _ in range(size // 3))
    elif kind == "dates-phones":
        junk = "".join(f"{rng.randrange(1900, 2100)}年{rng.randrange(1, 13)}月{rng.randrange(1, 32)}日 "
                       f"电话：0{rng.randrange(10, 999)}-{rng.randrange(10 ** 6, 10 ** 8)}\n" for _ in range(size // 40))
    else:  # emoji and symbols
        junk = "".join(rng.choice("😀🎉📄🏛️✅❌⚠️\u200b\u200d\ufeff\u3000\n") for _ in range(size // 4))
    return (sample() + junk).encode(), "junk.txt"


# --- the table ----------------------------------------------------------------------------------------

OK, ERR, ANY = "ok", "error", "any"


def _ok_or_no_article(s: dict) -> bool:  # for "any" cases that are ok: the article, not the title
    return _has_report(s)


CASES: dict[str, Case] = {
    # PDF bombs in other filters and places.
    "pdf-asciihex-flate-bomb-400mb": Case(lambda: hex_flate_bomb(400), ERR, "bomb"),
    "pdf-ascii85-fl-bomb-400mb": Case(lambda: a85_flate_bomb(400), ERR, "bomb"),
    "pdf-runlength-bomb-384mb": Case(lambda: runlength_bomb(384), ANY),
    "pdf-form-xobject-bomb-600mb": Case(lambda: form_bomb(600), ANY),
    "pdf-tounicode-bomb-600mb": Case(lambda: tounicode_bomb(600), ANY),
    "pdf-predictor-1e9-columns": Case(predictor_columns, ANY),
    "pdf-xref-stream-bomb-600mb": Case(lambda: xref_stream_bomb(600), ERR),
    "pdf-image-100k-by-100k": Case(lambda: huge_image(100_000, 100_000), ERR),
    "pdf-inline-image-60k-by-60k": Case(inline_image_huge, ANY),
    "pdf-mediabox-1e30": Case(huge_mediabox, ANY),
    "pdf-operands-1e308": Case(huge_numbers, ANY),
    "pdf-page-count-2e9": Case(count_lie, ANY),
    "pdf-page-tree-3000-deep": Case(lambda: deep_page_tree(3000), ANY),
    "pdf-prev-loop": Case(prev_loop, ANY),
    "pdf-20000-incremental-updates": Case(lambda: many_updates(20_000), ANY),
    "pdf-100000-nested-dicts": Case(lambda: deep_dicts(100_000), ANY),
    "pdf-type3-recursive-glyph": Case(type3_recursive, ANY),
    "pdf-1000-distinct-fonts": Case(lambda: distinct_fonts(1000, 3000), ANY),
    "pdf-junk-before-header": Case(junk_before_header, OK, check=_has_report),
    "pdf-html-named-pdf": Case(html_named_pdf, ANY, check=_has_report),
    # Encryption and permissions.
    "pdf-rc4-40-empty-user": Case(lambda: encrypted("RC4-40"), OK, check=_has_report),
    "pdf-rc4-128-no-copy": Case(lambda: encrypted("RC4-128", permissions="no-copy"), OK,
                                check=_has_report),
    "pdf-aes-128-print-only": Case(lambda: encrypted("AES-128", permissions="print-only"), OK,
                                   check=_has_report),
    "pdf-aes-128-no-metadata-encryption": Case(lambda: encrypted("AES-128", metadata=False), ANY, check=_has_report),
    "pdf-aes-256-empty-user-no-copy": Case(lambda: encrypted("AES-256", permissions="no-copy"), OK, check=_has_report),
    "pdf-aes-256-user-password": Case(lambda: encrypted("AES-256-R5", user="青石"), ERR, "encrypted"),
    "pdf-rc4-128-user-password": Case(lambda: encrypted("RC4-128", user="1234"), ERR, "encrypted"),
    "pdf-aes-128-user-password": Case(lambda: encrypted("AES-128", user="qsz2019"), ERR, "encrypted"),
    "pdf-encrypt-entry-integer": Case(lambda: odd_encrypt_entry(b"42", inline=True), ANY),
    "pdf-encrypt-v4-without-cf": Case(lambda: odd_encrypt_entry(
        b"<< /Filter /Standard /V 4 /R 4 /Length 128 /O <00> /U <00> /P -4 /StmF /StdCF /StrF /StdCF >>"), ANY),
    "pdf-encrypt-key-4096-bits": Case(lambda: odd_encrypt_entry(
        b"<< /Filter /Standard /V 2 /R 3 /Length 4096 /O <00> /U <00> /P -4 >>"), ANY),
    # HTML pages that hide, or seem to hide, their article.
    "html-aspnet-nested-tables-8": Case(lambda: nested_layout_tables(8), OK, check=_has_report),
    "html-aspnet-nested-tables-40": Case(lambda: nested_layout_tables(40), OK, check=_has_report),
    "html-noscript-article": Case(noscript_article, ANY, "no report text found", check=_has_report),
    "html-template-article": Case(template_article, ANY, "no report text found", check=_has_report),
    "html-iframe-srcdoc": Case(iframe_srcdoc, ANY, "no report text found", check=_has_report),
    "html-aria-hidden-wrapper": Case(aria_hidden_article, ANY, "no report text found", check=_has_report),
    "html-decoy-id-selector": Case(lambda: styled_decoys("id"), OK, check=_no_decoy),
    "html-decoy-compound-selector": Case(lambda: styled_decoys("compound"), OK, check=_no_decoy),
    "html-decoy-minified-important": Case(lambda: styled_decoys("minified"), OK, check=_no_decoy),
    "html-decoy-visibility-uppercase": Case(lambda: styled_decoys("visibility"), OK, check=_no_decoy),
    "html-decoy-hidden-until-found": Case(lambda: styled_decoys("hidden-until-found"), OK, check=_no_decoy),
    "html-decoy-attribute-selector": Case(lambda: styled_decoys("attribute-selector"), OK, check=_no_decoy),
    "html-shadow-copies-200": Case(lambda: shadow_copies(200), OK, check=_no_decoy),
    "html-old-version-in-comment": Case(lambda: commented("old-version-in-comment"), OK, check=_no_decoy),
    "html-conditional-comments": Case(lambda: commented("conditional-comments"), OK, check=_has_report),
    "html-unterminated-comment-after": Case(lambda: commented("unterminated-comment-after"), OK, check=_has_report),
    "html-article-only-in-comment": Case(lambda: commented("only"), ERR, "no report text found"),
    "html-textarea-article": Case(textarea_article, ANY, "no report text found", check=_has_report),
    "html-details-article": Case(details_article, OK, check=_has_report),
    "html-deep-tables-300": Case(lambda: deep_tables_before(300), ANY, check=_has_report),
    "html-deep-tables-3000": Case(lambda: deep_tables_before(3000), ANY, check=_has_report),
    "html-nested-tables-600-deep-50-wide": Case(lambda: wide_nested_tables(600, 50), ANY, check=_has_report),
    "html-nested-tables-300-deep-300-wide": Case(lambda: wide_nested_tables(300, 300), ANY, check=_has_report),
    "html-unclosed-tables-3000": Case(lambda: unclosed_tables_before(3000), ANY, check=_has_report),
    "html-nested-noframes-2000": Case(lambda: nested_noframes(2000), ERR),
    "html-12mb-data-uri": Case(big_data_uri, OK, check=_has_report),
    "html-xhtml-with-declaration": Case(xhtml_page, OK, check=_has_report),
    "html-meta-refresh-only": Case(refresh_only, ERR, "no report text found"),
    # Word: other parts.
    "docx-altchunk-xhtml": Case(altchunk_xhtml, OK, check=_has_report),
    "docx-altchunk-text-gbk": Case(altchunk_text_gbk, OK, check=_has_report),
    "docx-altchunk-in-table-cell": Case(altchunk_in_table_cell, OK, check=_has_report),
    "docx-altchunk-docx-3-deep": Case(lambda: altchunk_nested_docx(3), ANY, "altChunk", check=_has_report),
    "docx-altchunk-docx-60-deep": Case(lambda: altchunk_nested_docx(60), ANY, check=_has_report),
    "docx-altchunk-external": Case(altchunk_external, ERR),
    "docx-altchunk-escapes-package": Case(altchunk_escapes_package, ERR),
    "docx-subdocuments-only": Case(subdoc_master, ERR),
    "docx-title-and-signature-only": Case(title_only_docx, ERR),
    "docx-glossary-decoy": Case(glossary_decoy, OK, check=_no_decoy),
    "docx-numbering-style-link-loop": Case(lambda: style_numbering("style-link-loop"), OK, check=_has_report),
    "docx-numbering-based-on-loop": Case(lambda: style_numbering("based-on-loop"), OK, check=_has_report),
    "docx-numbering-part-missing": Case(lambda: style_numbering("no-numbering-part"), OK, check=_has_report),
    "docx-numbering-nine-levels-1e15": Case(lambda: style_numbering("nine-levels"), OK, check=_has_report),
    "docx-numbering-label-5000-refs-2000-items": Case(lambda: label_amplifier(5000, 2000), ANY, check=_has_report),
    "docx-numbering-label-60000-refs-300-items": Case(lambda: label_amplifier(60_000, 300), ANY, check=_has_report),
    "docx-content-controls-300-deep": Case(lambda: deep_content_controls(300), ANY, check=_has_report),
    "docx-content-controls-5000-deep": Case(lambda: deep_content_controls(5000), ANY, check=_has_report),
    "docx-alternate-content-textbox": Case(alternate_content, ANY, check=_has_report),
    "docx-main-part-elsewhere": Case(document_elsewhere, ANY, check=_has_report),
    "docx-duplicate-members": Case(duplicate_members, ANY),
    "docx-zip-aes-method-99": Case(lambda: zip_method(99), ERR),
    "docx-zip-encrypted-flag": Case(lambda: zip_method(8, 1), ERR),
    "docx-zip-method-lzma-lie": Case(lambda: zip_method(14), ERR),
    "docx-utf16-document": Case(utf16_document, OK, check=_has_report),
    # Markdown.
    "md-html-blocks": Case(md_html_blocks, OK, check=_has_report),
    "md-front-matter-other-year": Case(md_front_matter, OK,
                                       check=lambda s: s["organ"] == "青石镇人民政府" and s["requests_received"] == 3),
    "md-giant-table-60000-rows": Case(lambda: md_giant_table(60_000), ANY, check=_has_report),
    "md-list-markers-10000-deep": Case(lambda: md_deep_list(10_000, "markers"), OK, check=_has_report),
    "md-quotes-10000-deep": Case(lambda: md_deep_list(10_000, "quotes"), OK, check=_has_report),
    "md-indented-list-2000-deep": Case(lambda: md_deep_list(2000, "indent"), ANY, check=_has_report),
    "md-punctuation-runs-200k": Case(lambda: md_punctuation_runs(200_000), OK, check=_has_report),
    # Two reports in one file, other shapes.
    "txt-two-reports-traditional-second": Case(lambda: two_reports("traditional-second"), OK, check=_two_reports_warned),
    "txt-two-reports-traditional-first": Case(lambda: two_reports("traditional-first"), OK, check=_two_reports_warned),
    "txt-two-reports-next-year-only": Case(lambda: two_reports("next-year-same-organ"), OK, check=_two_reports_warned),
    "txt-two-reports-form-feed": Case(lambda: two_reports("form-feed"), OK, check=_two_reports_warned),
    "txt-two-reports-separator": Case(lambda: two_reports("separator-line"), OK, check=_two_reports_warned),
    "txt-two-reports-same-line": Case(lambda: two_reports("same-line"), OK, check=_has_report),
    # Enumerations with absurd numerals, and junk after the report.
    "txt-enumeration-yiqian-shi": Case(lambda: enumeration_shapes("一千是"), OK, check=_has_report),
    "txt-enumeration-liangqian-shi": Case(lambda: enumeration_shapes("两千是"), OK, check=_has_report),
    "txt-enumeration-wan-shi": Case(lambda: enumeration_shapes("万是"), OK, check=_has_report),
    "txt-enumeration-yi-shi": Case(lambda: enumeration_shapes("亿是"), OK, check=_has_report),
    "txt-enumeration-ling-shi": Case(lambda: enumeration_shapes("零是"), OK, check=_has_report),
    "txt-enumeration-shiwanbaqian-shi": Case(lambda: enumeration_shapes("十万八千是"), OK, check=_has_report),
    "txt-enumeration-di-erbai": Case(lambda: enumeration_shapes("第二百，"), OK, check=_has_report),
    "txt-enumeration-heading-qian": Case(lambda: enumeration_shapes("\n千、"), OK, check=_has_report),
    "txt-enumeration-heading-erbai-paren": Case(lambda: enumeration_shapes("\n（二百）"), OK, check=_has_report),
    "txt-junk-base64-3mb": Case(lambda: junk_after("base64", 3), ANY, check=_has_report),
    "txt-junk-pipes-3mb": Case(lambda: junk_after("pipes", 3), ANY, check=_has_report),
    "txt-junk-headings-3mb": Case(lambda: junk_after("headings", 3), ANY, check=_has_report),
    "txt-junk-traditional-3mb": Case(lambda: junk_after("traditional", 3), ANY, check=_has_report),
    "txt-junk-dates-phones-2mb": Case(lambda: junk_after("dates-phones", 2), ANY, check=_has_report),
    "txt-junk-emoji-2mb": Case(lambda: junk_after("emoji", 2), ANY, check=_has_report),
}


def build(name: str) -> tuple[bytes, str]:
    return CASES[name].build()


if __name__ == "__main__":  # write every case to a folder, to try the CLI by hand
    import os

    out = Path(os.environ.get("OUT", "/tmp/hostile-cases3"))
    out.mkdir(parents=True, exist_ok=True)
    for case_name, case in CASES.items():
        data, file_name = case.build()
        (out / f"{case_name}{Path(file_name).suffix}").write_bytes(data)
