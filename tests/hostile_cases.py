"""Hostile inputs, round two: one small generator per class (nothing large is committed).

Each :class:`Case` builds its input in the process that parses it
(``tests/hostile_run.py``), so the test measures that process's time and
peak memory. ``expect`` is ``"ok"`` (a report, ``check`` true of its summary)
or ``"error"`` (one line of :class:`ReportParseError` containing ``says``).
"""

from __future__ import annotations

import html
import io
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sample() -> str:
    return (CORPUS / "sample_township_2018.txt").read_text(encoding="utf-8")


def second_report() -> str:
    return (CORPUS / "dept_2022_late.txt").read_text(encoding="utf-8")


@dataclass
class Case:
    build: Callable[[], tuple[bytes, str]]
    expect: str  # "ok", "error", or "any" (either, the error on one line)
    says: str = ""  # a part of the one-line error
    check: Callable[[dict], bool] | None = None  # on the summary + warnings of an "ok"


# --- docx ---------------------------------------------------------------------------------


def docx(body: str, numbering: str = "", extra: tuple = (), *, document: bytes | None = None,
         compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        if document is None:
            document = (f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body>'
                        f"</w:document>").encode()
        zf.writestr("word/document.xml", document)
        if numbering:
            zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        for name, data in extra:
            zf.writestr(name, data)
    return buf.getvalue()


def _paragraphs(text: str, ppr: str = "") -> str:
    return "".join(f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>"
                   for line in text.splitlines() if line.strip())


def numbered_report(fmt: str, start: str, lvl_text: str = "%1.") -> tuple[bytes, str]:
    """The sample report with a numbered list whose level is ``fmt`` starting at ``start``."""
    numbering = (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{html.escape(lvl_text)}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    items = _paragraphs("第一项工作\n第二项工作\n第三项工作", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    return docx(_paragraphs(sample()) + items, numbering), "numbered.docx"


def empty_paragraphs_docx(megabytes: int) -> tuple[bytes, str]:
    """document.xml of ``megabytes`` MB of empty paragraphs that barely compress (random rsid
    attributes), so the zip passes a ratio check: the report follows them."""
    rng = random.Random(7)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            block = "".join(f'<w:p w:rsidR="{rng.getrandbits(32):08X}"/>' for _ in range(4000)).encode()
            for _ in range(megabytes * (1 << 20) // len(block)):
                fh.write(block)
            fh.write(_paragraphs(sample()).encode() + b"</w:body></w:document>")
    return buf.getvalue(), "empty.docx"


def many_nodes_docx(nodes: int) -> tuple[bytes, str]:
    """Just under the node cap: ``nodes`` empty paragraphs before the report (parsed in full)."""
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + b"<w:p/>" * nodes
                + _paragraphs(sample()).encode() + b"</w:body></w:document>")
    return docx("", document=document, compression=zipfile.ZIP_STORED), "nodes.docx"


def alt_chunk_docx(name: str, content: bytes) -> tuple[bytes, str]:
    rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/aFChunk" Target="{name}"/></Relationships>')
    body = '<w:altChunk r:id="rId9"/><w:sectPr/>'
    return docx(body, extra=(("word/_rels/document.xml.rels", rels), (f"word/{name}", content))), "chunk.docx"


def _html_page(article: str) -> str:
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in article.splitlines() if line.strip())
    return paras


def mht(page: str) -> bytes:
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + page + "\r\n--B--\r\n").encode()


# --- html ---------------------------------------------------------------------------------

TITLE = "青石镇人民政府2018年政府信息公开工作年度报告"


def page(body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}_青石镇人民政府网站</title>{head}'
            f"</head><body>{body}</body></html>")


def chrome(body: str) -> str:
    return ('<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>'
            f'<div class="position">当前位置：首页 > 政府信息公开年报</div>{body}'
            '<div class="footer">主办单位：青石镇人民政府 ICP备12345678号</div>')


def webforms() -> tuple[bytes, str]:
    body = ('<form name="aspnetForm" method="post" action="./show.aspx?id=1" id="aspnetForm">'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />'
            + chrome(f'<div id="ctl00_content"><h1>{TITLE}</h1>{_html_page(sample())}</div>') + "</form>")
    return page(body).encode(), "show.html"


def unclosed_embed() -> tuple[bytes, str]:
    body = chrome('<div class="video"><embed src="/flash/banner.swf" width="960" height="120" '
                  'type="application/x-shockwave-flash">'
                  f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div></div>')
    return page(body).encode(), "embed.html"


def deep_before(depth: int, tag: str = "div") -> tuple[bytes, str]:
    """Site chrome nested ``depth`` deep (unclosed <font> tags, or divs) before the article."""
    if tag == "font":
        junk = '<font color="#333">' * depth + "导航"
    else:
        junk = "<div>" * depth + "导航" + "</div>" * depth
    body = junk + f'<div class="content"><h1>{TITLE}</h1>{_html_page(sample())}</div>'
    return page(body).encode(), "deep.html"


def unclosed_link(count: int) -> tuple[bytes, str]:
    """``count`` unclosed <a> tags before the article: the parser puts the article inside them."""
    body = ('<div class="nav"><a href="/">首页' + '<a href="/zwgk/"><img src="i.png">' * (count - 1)
            + f"<h1>{TITLE}</h1>{_html_page(sample())}</div>")
    return page(body).encode(), "links.html"


def many_alt_chunks(count: int) -> tuple[bytes, str]:
    """``count`` altChunk references, all to the same imported page."""
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="r{i}" Type="aFChunk" Target="a.htm"/>' for i in range(count))
            + "</Relationships>")
    body = "".join(f'<w:altChunk r:id="r{i}"/>' for i in range(count))
    return docx(body, extra=(("word/_rels/document.xml.rels", rels),
                             ("word/a.htm", page(_html_page(sample())).encode()))), "chunks.docx"


def frameset(with_noframes: bool) -> tuple[bytes, str]:
    noframes = f"<noframes><body>{_html_page(sample())}</body></noframes>" if with_noframes else ""
    text = (f"<!DOCTYPE html><html><head><title>{TITLE}</title></head>"
            f'<frameset rows="80,*"><frame src="top.html"><frame src="content.html">{noframes}</frameset></html>')
    return text.encode(), "frames.html"


def title_only() -> tuple[bytes, str]:
    body = chrome(f'<div class="content"><h1>{TITLE}</h1><p>附件：<a href="/u/2019/nb.pdf">{TITLE}.pdf</a></p></div>')
    return page(body).encode(), "attachment.html"


def hidden(kind: str) -> tuple[bytes, str]:
    """The report, plus a hidden block that would change its figures if read."""
    decoy = "中共某某镇委员会2020年政府信息公开工作年度报告 本年度新收政府信息公开申请999件。"
    hidden_block = {
        "attr": f"<div hidden>{decoy}</div>",
        "aria": f'<div aria-hidden="true">{decoy}</div>',
        "style": f'<div style="DISPLAY: none !important">{decoy}</div>',
        "class": f'<div class="hide">{decoy}</div>',
    }[kind]
    head = "<style>.hide { display:none } .red { color: red }</style>"
    body = chrome(f'<div class="content"><h1>{TITLE}</h1>{hidden_block}{_html_page(sample())}</div>')
    return page(body, head).encode(), "hidden.html"


# --- text ---------------------------------------------------------------------------------


def utf32(endian: str) -> tuple[bytes, str]:
    return sample().encode(f"utf-32-{endian}"), "r.txt"


def stray_bytes() -> tuple[bytes, str]:
    data = sample().encode("utf-8")
    cut = len(data) // 3
    return data[:cut] + b"\xff\xfe\x80" + data[cut:2 * cut] + b"\xc3" + data[2 * cut:], "r.txt"


def stray_bytes_gbk() -> tuple[bytes, str]:
    data = sample().encode("gb18030")
    cut = len(data) // 2
    return data[:cut] + b"\xff\xff" + data[cut:], "r.txt"


def enumeration(words: str) -> tuple[bytes, str]:
    text = sample().replace("(二)公开渠道", f"一是健全制度。\n{words}完善平台。\n(二)公开渠道")
    return text.encode(), "enum.txt"


def chinese_junk(megabytes: int, chars: str) -> tuple[bytes, str]:
    rng = random.Random(3)
    chunk = "".join(rng.choice(chars) for _ in range(100_000))
    junk = chunk * (megabytes * (1 << 20) // (3 * len(chunk)) + 1)
    return (sample() + junk).encode(), "junk.txt"


JUNK_NUMERALS = "一二三四五六七八九十百千万是第部分条款项目政府信息公开申请年度报告总计、。（）\n"
JUNK_PROSE = "的了在是有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过政府信息公开申请" \
             "件条万元一二三四五六七八九十百千，，，。\n"


def pasted_reports() -> tuple[bytes, str]:
    return (sample() + "\n\n" + second_report()).encode(), "two.txt"


def surrogates() -> tuple[bytes, str]:
    return b"", "surrogate"  # the runner calls parse_text with a lone surrogate


CASES: dict[str, Case] = {
    # Word list numbering: absurd values never expanded.
    "docx-numbering-superscript-digit": Case(lambda: numbered_report("decimal", "1", "%\u00b9、"), "ok"),
    "docx-numbering-letter-1e25": Case(lambda: numbered_report("upperLetter", "1" + "0" * 25), "ok"),
    "docx-numbering-roman-1e15": Case(lambda: numbered_report("upperRoman", "1" + "0" * 15), "ok"),
    "docx-numbering-letter-2.6e9": Case(lambda: numbered_report("lowerLetter", "2600000000"), "ok"),
    "docx-numbering-letter-2e9": Case(lambda: numbered_report("lowerLetter", "2000000000"), "ok"),
    "docx-numbering-roman-32767": Case(lambda: numbered_report("lowerRoman", "32767"), "ok"),
    "docx-numbering-fullwidth-negative": Case(lambda: numbered_report("decimalFullWidth", "-5"), "ok"),
    # Decompressed XML: a cap on bytes and on nodes, before parsing.
    "docx-empty-paragraphs-80mb": Case(lambda: empty_paragraphs_docx(80), "error", "docx member word/document.xml"),
    "docx-empty-paragraphs-20mb": Case(lambda: empty_paragraphs_docx(20), "error", "XML elements and attributes"),
    "docx-nodes-under-cap": Case(lambda: many_nodes_docx(950_000), "ok"),
    # altChunk bodies: read (html, mht, text) or refused with a reason.
    "docx-altchunk-html": Case(lambda: alt_chunk_docx("afchunk.htm", page(_html_page(sample())).encode()), "ok",
                               check=lambda s: s["requests_received"] == 3),
    "docx-altchunk-mht": Case(lambda: alt_chunk_docx("afchunk.mht", mht(page(_html_page(sample())))), "ok",
                              check=lambda s: s["requests_received"] == 3),
    "docx-altchunk-1000-references": Case(lambda: many_alt_chunks(1000), "ok",
                                          check=lambda s: s["requests_received"] == 3),
    "docx-altchunk-rtf": Case(lambda: alt_chunk_docx("afchunk.rtf", b"{\\rtf1\\ansi report}"), "error", "altChunk"),
    # html: the article is found, or the page is an error, never an ok from <title>.
    "html-webforms": Case(webforms, "ok", check=lambda s: s["requests_received"] == 3),
    "html-unclosed-embed": Case(unclosed_embed, "ok", check=lambda s: s["requests_received"] == 3),
    "html-deep-divs-300": Case(lambda: deep_before(300), "ok", check=lambda s: s["requests_received"] == 3),
    "html-deep-divs-3000": Case(lambda: deep_before(3000), "ok", check=lambda s: s["requests_received"] == 3),
    "html-deep-fonts-5000": Case(lambda: deep_before(5000, "font"), "ok", check=lambda s: s["requests_received"] == 3),
    "html-unclosed-link": Case(lambda: unclosed_link(1), "ok", check=lambda s: s["requests_received"] == 3),
    "html-unclosed-links-5000": Case(lambda: unclosed_link(5000), "ok", check=lambda s: s["requests_received"] == 3),
    "html-frameset": Case(lambda: frameset(False), "error", "no report text found in the page"),
    "html-frameset-noframes": Case(lambda: frameset(True), "ok", check=lambda s: s["requests_received"] == 3),
    "html-title-only": Case(title_only, "error", "no report text found in the page"),
    "mht-title-only": Case(lambda: (mht(title_only()[0].decode()), "p.mht"), "error", "no report text found"),
    "html-hidden-attr": Case(lambda: hidden("attr"), "ok", check=lambda s: s["requests_received"] == 3),
    "html-aria-hidden": Case(lambda: hidden("aria"), "ok", check=lambda s: s["requests_received"] == 3),
    "html-display-none": Case(lambda: hidden("style"), "ok", check=lambda s: s["requests_received"] == 3),
    "html-hidden-class": Case(lambda: hidden("class"), "ok", check=lambda s: s["requests_received"] == 3),
    # Decoding.
    "txt-utf32-le-no-bom": Case(lambda: utf32("le"), "ok", check=lambda s: s["requests_received"] == 3),
    "txt-utf32-be-no-bom": Case(lambda: utf32("be"), "ok", check=lambda s: s["requests_received"] == 3),
    "txt-stray-invalid-bytes": Case(stray_bytes, "ok",
                                    check=lambda s: any("replaced" in w for w in s["warnings"])),
    "txt-stray-invalid-bytes-gbk": Case(stray_bytes_gbk, "ok",
                                        check=lambda s: any("replaced" in w for w in s["warnings"])),
    # Checks that built messages from absurd numbers.
    "txt-enumeration-qian-shi": Case(lambda: enumeration("千是"), "ok"),
    "txt-enumeration-erbai-shi": Case(lambda: enumeration("二百是"), "ok"),
    "txt-enumeration-yiwan-shi": Case(lambda: enumeration("九千九百万是"), "ok"),
    "txt-chinese-junk-3mb-numerals": Case(lambda: chinese_junk(3, JUNK_NUMERALS), "any"),
    "txt-chinese-junk-3mb-prose": Case(lambda: chinese_junk(3, JUNK_PROSE), "ok"),
    "txt-lone-surrogate": Case(surrogates, "ok"),
    # Two different reports in one file: warned, and the summary from one of them.
    "txt-two-reports-pasted": Case(pasted_reports, "ok",
                                   check=lambda s: s["organ"] == "青石镇人民政府" and s["requests_received"] == 3
                                   and any("two reports" in w for w in s["warnings"])),
}


def build(name: str) -> tuple[bytes, str]:
    return CASES[name].build()


if __name__ == "__main__":  # write every case to a folder, to try the CLI by hand
    out = Path(os.environ.get("OUT", "/tmp/hostile-cases"))
    out.mkdir(parents=True, exist_ok=True)
    for case_name, case in CASES.items():
        data, file_name = case.build()
        (out / f"{case_name}{Path(file_name).suffix}").write_bytes(data)
