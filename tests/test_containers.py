"""Containers: html, docx and pdf give the same facts as the text; bad containers fail cleanly."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, SHARED
from reportparse import parse, summarize
from reportparse.config import Limits
from reportparse.errors import LimitExceededError, UnsupportedFormatError
from reportparse.load import load_bytes
from reportparse.load.docx import chinese_number
from reportparse.load.html import load_html
from reportparse.load.pdf import drop_running_lines, fix_radicals, join_wrapped

GENERATED = CORPUS / "containers"
CONTAINER_SUFFIXES = (".html", ".docx", ".pdf")


def _summary(path: Path) -> dict:
    record = summarize(parse(path), str(path)).model_dump(mode="json")
    record.pop("file")
    return record


# --- the same report in every container -----------------------------------------------------

VARIANTS = sorted(
    (text, GENERATED / f"{text.stem}{suffix}")
    for text in list(CORPUS.glob("*.txt")) + list(CORPUS.glob("*.md"))
    for suffix in CONTAINER_SUFFIXES
    if (GENERATED / f"{text.stem}{suffix}").exists()
)


@pytest.mark.parametrize("text,variant", VARIANTS, ids=[v.name for _, v in VARIANTS])
def test_generated_variant_gives_the_text_summary(text, variant):
    assert _summary(variant) == _summary(text)


def test_every_container_was_generated_for_the_round_trip_reports():
    stems = {v.stem for _, v in VARIANTS}
    assert {p.stem for p in CORPUS.glob("containers_*.txt")} <= stems
    assert len(VARIANTS) >= 6


DEV = SHARED / "dev"
DEV_CONTAINERS = SHARED / "dev-containers"
SHARED_VARIANTS = sorted(DEV_CONTAINERS.glob("*.*.*")) if DEV_CONTAINERS.exists() else []
SHARED_VARIANTS = [p for p in SHARED_VARIANTS if p.suffix in CONTAINER_SUFFIXES]


@pytest.mark.parametrize("variant", SHARED_VARIANTS, ids=[p.name for p in SHARED_VARIANTS])
def test_shared_dev_containers_give_the_text_summary(variant):
    stem = variant.name.split(".")[0]
    text = next(DEV.glob(f"{stem}.txt"), None) or next(DEV.glob(f"{stem}.md"))
    got, want = _summary(variant), _summary(text)
    got.pop("script"), want.pop("script")  # the PDFs were printed in simplified script
    assert got == want


def test_full_json_names_container_and_encoding():
    for suffix, container in ((".html", "html"), (".docx", "docx"), (".pdf", "pdf")):
        path = GENERATED / f"containers_lianhua_town_2018{suffix}"
        report = parse(path)
        assert report.source.container == container
        assert "政府信息公开" in report.text
    assert parse(GENERATED / "containers_lianhua_town_2018.html").source.encoding == "gb2312"


# --- html -------------------------------------------------------------------------------------

PAGE = """<html><head><meta charset="{charset}"><title>站点</title>
<script>document.write('脚本')</script><style>p {{color: red}}</style></head><body>
<div class="nav"><a href="/">首页</a> <a>繁體版</a> <a>ENGLISH</a></div>
<div class="location">当前位置：首页 &gt; 政府信息公开</div>
<div class="main"><div class="title">某镇2020年政府信息公开工作年度报告</div>
<div class="info">字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="content"><p>一、总体情况</p><p>本镇主动公开政府
信息120条。</p><p>第二段<br>第二行</p>
<table border="1">
<tr><td rowspan="2">申请人情况</td><td rowspan="2">自然人</td><td colspan="3">法人或其他组织</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>总计</td></tr>
<tr><td>一、本年新收</td><td>5</td><td>1</td><td>0</td><td>6</td></tr>
</table><p>二、主动公开政府信息情况</p>
</div></div>
<div class="footer">主办单位：某镇人民政府 ICP备案号：湘ICP备123号 网站标识码：430001</div>
</body></html>"""

EXPECTED_PAGE_TEXT = """某镇2020年政府信息公开工作年度报告
一、总体情况
本镇主动公开政府信息120条。
第二段
第二行

| 申请人情况 | 自然人 | 法人或其他组织 |  |  |
|  |  | 商业企业 | 科研机构 | 总计 |
| 一、本年新收 | 5 | 1 | 0 | 6 |

二、主动公开政府信息情况
"""


@pytest.mark.parametrize("charset,codec", [("utf-8", "utf-8"), ("gb2312", "gbk"), ("GBK", "gb18030")])
def test_html_page_to_text(charset, codec):
    data = PAGE.format(charset=charset).encode(codec)
    loaded = load_html(data, Limits())
    assert loaded.text == EXPECTED_PAGE_TEXT
    assert loaded.encoding == charset.lower()
    assert loaded.container == "html"


def test_html_without_meta_charset_is_detected():
    data = PAGE.replace('<meta charset="{charset}">', "").format().encode("gb18030")
    loaded = load_bytes(data, "page.htm")
    assert loaded.text == EXPECTED_PAGE_TEXT
    assert loaded.encoding == "gb18030"


def test_html_layout_tables_are_not_data_tables():
    page = ("<html><body><table><tr><td><table><tr><td><a>首页</a></td><td><a>导航</a></td></tr></table></td></tr>"
            "<tr><td><p>某县2019年政府信息公开工作年度报告</p><p>一、概述</p><p>正文。</p></td></tr></table>"
            "</body></html>")
    text = load_html(page.encode(), Limits()).text
    assert "|" not in text.split("年度报告")[1]
    assert "一、概述\n正文。" in text


def test_html_entities_and_external_references_are_not_fetched():
    page = ('<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html><body>'
            '<img src="http://example.invalid/a.png"><link rel="stylesheet" href="http://example.invalid/s.css">'
            '<iframe src="http://example.invalid/"></iframe><p>政府信息公开年度报告&amp;正文</p></body></html>')
    assert load_html(page.encode(), Limits()).text == "政府信息公开年度报告&正文\n"


def test_html_huge_spans_are_bounded():
    page = '<html><body><table><tr><td colspan="999999" rowspan="999999">x</td><td>y</td></tr>' + \
        "<tr><td>a</td><td>b</td></tr>" * 50 + "</table></body></html>"
    with pytest.raises(LimitExceededError):
        load_html(page.encode(), Limits())


# --- docx -------------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(body: str, numbering: str | None = None, styles: str | None = None, extra=()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if numbering:
            zf.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        if styles:
            zf.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
        for name, data in extra:
            zf.writestr(name, data)
    return buf.getvalue()


def p(text: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


NUMBERING = """<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>"""
STYLES = """<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>
<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"""


def test_docx_generated_numbering_is_recovered():
    lvl1 = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'
    lvl2 = '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr>'
    body = (p("概述", '<w:pStyle w:val="1"/>') + p("组织", lvl1) + p("制度", lvl1) + p("第一项", lvl2)
            + p("主动公开", '<w:pStyle w:val="1"/>') + p("数量", lvl1) + p("正文"))
    text = load_bytes(make_docx(body, NUMBERING, STYLES), "r.docx").text
    assert text == "一、概述\n（一）组织\n（二）制度\n1.第一项\n二、主动公开\n（一）数量\n正文\n"


def test_docx_numbering_through_a_based_on_style():
    styles = STYLES + """<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="my heading"/>
<w:basedOn w:val="1"/></w:style>"""
    body = p("概述", '<w:pStyle w:val="MyHeading"/>') + p("正文") + p("主动公开", '<w:pStyle w:val="MyHeading"/>')
    assert load_bytes(make_docx(body, NUMBERING, styles), "b.docx").text == "一、概述\n正文\n二、主动公开\n"


def test_docx_merged_cells_are_expanded():
    def tc(text, pr=""):
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{p(text)}</w:tc>"

    restart, span2 = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    table = ("<w:tbl>"
             f"<w:tr>{tc('申请人情况', restart)}{tc('法人或其他组织', span2)}</w:tr>"
             f"<w:tr>{tc('', '<w:vMerge/>')}{tc('商业企业')}{tc('总计')}</w:tr>"
             f"<w:tr>{tc('新收')}{tc('1')}{tc('2')}</w:tr></w:tbl>")
    text = load_bytes(make_docx(p("前") + table + p("后")), "t.docx").text
    assert text == ("前\n\n| 申请人情况 | 法人或其他组织 |  |\n|  | 商业企业 | 总计 |\n| 新收 | 1 | 2 |\n\n后\n")


def test_docx_deleted_text_and_fallbacks_are_skipped():
    body = ('<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>')
    assert load_bytes(make_docx(body), "d.docx").text == "保留插入\n"


@pytest.mark.parametrize("n,cn", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
                                  (100, "一百"), (101, "一百零一"), (110, "一百一十")])
def test_chinese_number(n, cn):
    assert chinese_number(n) == cn


def test_docx_limits_are_checked_before_decompressing():
    data = make_docx(p("正文"), extra=[(f"m{i}.xml", "x") for i in range(50)])
    with pytest.raises(LimitExceededError, match="zip members"):
        load_bytes(data, "m.docx", Limits(max_archive_members=20))
    with pytest.raises(LimitExceededError, match="expands"):
        load_bytes(make_docx(p("正文" * 5000)), "e.docx", Limits(max_expanded_bytes=10_000))


def test_docx_that_is_another_office_file_is_named():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="Excel"):
        load_bytes(buf.getvalue(), "book.docx")


# --- pdf --------------------------------------------------------------------------------------

WRAP_CASES = [
    # (page lines, joined lines): full lines are 20 CJK characters wide.
    (["一二三四五六七八九十一二三四五六七八九十", "续行结束。", "新段落。"],
     ["一二三四五六七八九十一二三四五六七八九十续行结束。", "新段落。"]),
    (["    首行缩进的段落一二三四五六七八九十一二", "三四五六七八九十一二三四五六七八九十一二", "完。", "    第二段。"],
     ["首行缩进的段落一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二完。", "第二段。"]),
    (["联系电话：一二三四五六七八九十一二三四五六", "0731-5552018。", "下一段。"],
     ["联系电话：一二三四五六七八九十一二三四五六0731-5552018。", "下一段。"]),
    (["工作要求一二三四五六七八九十一二三四五六。", "二、主动公开政府信息情况"],
     ["工作要求一二三四五六七八九十一二三四五六。", "二、主动公开政府信息情况"]),
    (["指标名称     单位   数量", "主动公开数   条     20"], ["指标名称     单位   数量", "主动公开数   条     20"]),
    (["the annual report of the government of some", "county"], ["the annual report of the government of some county"]),
    # A title wrapped onto a second centred line is one line; a centred date is not part of it.
    (["          某某县人民政府办公室关于", "      2019年政府信息公开工作年度报告", "    2020年1月10日",
      "一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十", "完。"],
     ["某某县人民政府办公室关于2019年政府信息公开工作年度报告", "2020年1月10日",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十完。"]),
    # Stray spaces where layout mode misplaces runs of a font without widths: prose, not cells.
    (["一二三四五 六七八九十一二三四五六七  八九十", "府 网站、   政务微博。", "三、依申请公开"],
     ["一二三四五六七八九十一二三四五六七八九十府网站、政务微博。", "三、依申请公开"]),
]

TABLE_ROWS = [
    ("申请人情况              自然人  商业企业  科研机构  总计", True),
    ("一、本年新收政府信息公开申请数量   12   0    1     13", True),
    ("行政复议数   件   1", True),
    ("指标名称     单位   数量", True),
    ("镇。   （二）主动公开政府信息的主要类别2016年，我区各工作部门主动公开政府信", False),
    ("府 网站、   政务微博微信等信息公开平台建设，充分发挥广播电视、报刊、新闻网", False),
    ("一二三四五六七八九十", False),
]


@pytest.mark.parametrize("line,is_row", TABLE_ROWS)
def test_pdf_table_rows(line, is_row):
    from reportparse.load.pdf import _is_table_row

    assert _is_table_row(line) is is_row


@pytest.mark.parametrize("lines,joined", WRAP_CASES)
def test_join_wrapped(lines, joined):
    assert join_wrapped([lines]) == joined


def test_running_lines_are_dropped():
    pages = [["某县2020年政府信息公开工作年度报告", "正文一", "— 1 —"],
             ["某县2020年政府信息公开工作年度报告", "正文二", "第2页 共3页"],
             ["某县2020年政府信息公开工作年度报告", "正文三", "- 3 -"]]
    assert drop_running_lines(pages) == [["某县2020年政府信息公开工作年度报告", "正文一"], ["正文二"], ["正文三"]]


def test_fix_radicals():
    assert fix_radicals("⼀、概述⼆") == "一、概述二"


# --- bad containers through the command line ------------------------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _pdf(pages: int = 1, content: bytes | None = None, encrypt: bool = False, page_numbers: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)

    def set_content(page, data: bytes) -> None:
        stream = DecodedStreamObject()
        stream.set_data(data)
        stream = stream.flate_encode(level=1)
        page[NameObject("/Contents")] = writer._add_object(stream)
        font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                 NameObject("/BaseFont"): NameObject("/Helvetica")})
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})

    if content is not None:
        set_content(writer.pages[0], content)
    if page_numbers:  # a scan whose only text is its page numbers
        for i, page in enumerate(writer.pages):
            set_content(page, f"BT /F1 10 Tf 280 30 Td (- {i + 1} -) Tj ET".encode())
    if encrypt:
        writer.encrypt("secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"<w:t>" + b"\x20" * (1 << 20)
            for _ in range(210):
                fh.write(chunk)
    return buf.getvalue()


ENTITY_BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                         for i in range(1, 10))
               + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


def _entity_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", ENTITY_BOMB)
    return buf.getvalue()


def _lying_sizes() -> bytes:
    """A member whose headers declare 5,000 bytes but that inflates to 60 MB."""
    import struct

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b"a" * (60 << 20) + b"</w:document>")
    data = bytearray(buf.getvalue())
    struct.pack_into("<I", data, 22, 5000)  # local file header: uncompressed size
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 5000)  # central directory
    return bytes(data)


def _many_members() -> bytes:
    return make_docx(p("正文"), extra=[(f"customXml/item{i}.xml", "") for i in range(3000)])


BAD = [
    ("report.doc", lambda: OLE, "Word 97-2003 .doc"),
    ("report.wps", lambda: OLE, "WPS Office .wps"),
    ("locked.docx", lambda: OLE + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    ("report.rtf", lambda: b"{\\rtf1\\ansi report}", "RTF"),
    ("scan.pdf", lambda: _pdf(3), "no text layer"),
    ("numbered-scan.pdf", lambda: _pdf(4, page_numbers=True), "no text layer"),
    ("locked.pdf", lambda: _pdf(1, encrypt=True), "encrypted PDF"),
    ("huge.pdf", lambda: _pdf(3000), "3,000 pages"),
    ("bomb.pdf", lambda: _pdf(1, content=b"BT /F1 12 Tf (x) Tj ET\n" + b" " * (100 << 20)), "bomb"),
    ("bomb.docx", _zip_bomb, "zip bomb"),
    ("entities.docx", _entity_bomb, "DOCTYPE"),
    ("members.docx", _many_members, "zip members"),
    ("liar.docx", _lying_sizes, "damaged .docx"),
    ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 100, "damaged .docx"),
    ("broken.pdf", lambda: b"%PDF-1.7\n" + b"garbage " * 100, "PDF"),
]


def _run_cli(*args: str) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run the CLI in a child; return the result, wall time and the child's peak memory (KiB)."""
    code = ("import resource, subprocess, sys, json;"
            "r = subprocess.run([sys.executable, '-m', 'reportparse', *sys.argv[1:]], capture_output=True, text=True);"
            "print(json.dumps([r.returncode, r.stdout, r.stderr,"
            " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))")
    start = time.monotonic()
    outer = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - start
    rc, out, err, rss = json.loads(outer.stdout)
    return subprocess.CompletedProcess(args, rc, out, err), elapsed, rss


@pytest.mark.parametrize("name,make,words", BAD, ids=[b[0] for b in BAD])
def test_bad_container_fails_in_one_line(tmp_path, name, make, words):
    path = tmp_path / name
    path.write_bytes(make())
    result, elapsed, rss_kib = _run_cli("--lang", "en", str(path))  # the library's English reasons
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and words in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert elapsed < 15, f"took {elapsed:.1f}s"
    assert rss_kib < 300_000, f"peak memory {rss_kib} KiB"


def test_bad_container_does_not_stop_the_batch(tmp_path):
    bad = tmp_path / "old.doc"
    bad.write_bytes(OLE)
    good = GENERATED / "containers_lianhua_town_2018.docx"
    result, _, _ = _run_cli("--format", "summary", str(bad), str(good))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["ok"] for r in records] == [False, True]
    assert "doc" in records[0]["error"]


def test_html_utf8_bytes_under_a_stale_gb2312_tag():
    data = PAGE.format(charset="gb2312").encode("utf-8")
    loaded = load_html(data, Limits())
    assert loaded.text == EXPECTED_PAGE_TEXT
    assert loaded.encoding == "utf-8"


def test_html_element_count_is_bounded():
    page = b"<html><body>" + b"<div><a>x</a></div>" * 60_000 + b"</body></html>"
    with pytest.raises(LimitExceededError, match="elements"):
        load_html(page, Limits())
    with pytest.raises(LimitExceededError, match="elements"):
        load_html(page[:2000] + b"</body></html>", Limits(max_elements=50))


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_containers_from_stdin_are_told_by_their_bytes(suffix):
    data = (GENERATED / f"containers_lianhua_town_2018{suffix}").read_bytes()
    result = subprocess.run([sys.executable, "-m", "reportparse", "--format", "summary", "-"], input=data,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["organ"] == "莲花镇人民政府"


def test_html_title_before_a_date_line_and_hidden_elements():
    page = ("<html><head><title>站点首页</title></head><body><div class='wrap'><div class='main'>"
            "<div class='title-box'><h1>某乡2017年政府信息公开工作年度报告</h1></div>"
            "<div class='meta'>发布日期：2018-03-01 来源：某乡</div>"
            "<div style='display: none'>隐藏的元数据</div>"
            "<div class='text'><p>一、概述</p><p>" + "正文内容。" * 40 + "</p></div></div></div></body></html>")
    text = load_html(page.encode(), Limits()).text
    assert text.startswith("某乡2017年政府信息公开工作年度报告\n发布日期：2018-03-01 来源：某乡\n一、概述\n正文内容。")
    assert "隐藏" not in text


def test_html_title_only_in_the_head():
    page = ("<html><head><title>某乡2017年政府信息公开工作年度报告_某乡人民政府</title></head><body>"
            "<div class='nav'><a>首页</a></div><div><p>一、概述</p><p>" + "正文内容。" * 40 + "</p></div></body></html>")
    assert load_html(page.encode(), Limits()).text.startswith("某乡2017年政府信息公开工作年度报告\n一、概述\n")


@pytest.mark.parametrize("sentence", [
    "2012年政府信息公开专栏访问量达24745人次。",
    "完成门户网站无障碍和适老化改造",
    "信息来源于各乡镇报送",
])
def test_html_report_sentences_with_site_words_stay(sentence):
    page = f"<html><body><div><p>某县2020年政府信息公开工作年度报告</p><p>{sentence}</p></div></body></html>"
    assert sentence in load_html(page.encode(), Limits()).text


def test_html_preformatted_lines_stay_lines():
    page = "<html><body><pre>某县2020年政府信息公开工作年度报告\n一、概述\n正文。</pre></body></html>"
    assert load_html(page.encode(), Limits()).text == "某县2020年政府信息公开工作年度报告\n一、概述\n正文。\n"


def test_html_chrome_words_split_over_inline_elements():
    page = ("<html><body><div class='art'><p>某县2020年政府信息公开工作年度报告</p><p>一、概述</p>"
            "<p><span>主办单位</span>：某县人民政府 <b>网站</b>标识码 4300</p></div></body></html>")
    assert load_html(page.encode(), Limits()).text == "某县2020年政府信息公开工作年度报告\n一、概述\n"


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312"><style><!-- p.MsoNormal {} --></style></head>
<body lang=ZH-CN><div class=WordSection1>
<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>某县2019年政府信息公开工作年度报告<o:p></o:p></span></b></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>一、<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span>总体情况<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>2019年，我县主动公开政府信息<span lang=EN-US>1234</span>条。</span></p>
<p class=MsoNormal><!--[if !supportLists]--><span>（一）</span><!--[endif]-->组织领导</p>
</div></body></html>"""


def test_html_saved_from_word_keeps_its_list_numbers():
    text = load_html(WORD_HTML.encode("gbk"), Limits()).text
    assert text == "某县2019年政府信息公开工作年度报告\n一、 总体情况\n2019年，我县主动公开政府信息1234条。\n（一）组织领导\n"


def test_html_article_in_a_two_column_layout_table():
    article = "<p>某县2019年政府信息公开工作年度报告</p><p>一、概述</p><p>" + "正文内容。" * 80 + "</p>"
    page = (f"<html><body><table><tr><td class='col'><a>首页</a><br><a>机构</a></td><td>{article}</td></tr>"
            "</table></body></html>")
    text = load_html(page.encode(), Limits()).text
    assert text.startswith("某县2019年政府信息公开工作年度报告\n一、概述\n正文内容。")
    assert "|" not in text and "首页" not in text


def _mhtml(html_bytes: bytes, charset: str) -> bytes:
    from email import encoders
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart

    message = MIMEMultipart("related")
    part = MIMENonMultipart("text", "html", charset=charset)
    part.set_payload(html_bytes)
    encoders.encode_base64(part)
    message.attach(part)
    image = MIMENonMultipart("image", "png")
    image.set_payload(b"\x89PNG....")
    encoders.encode_base64(image)
    message.attach(image)
    return message.as_bytes()


@pytest.mark.parametrize("name", ["page.mht", "page.mhtml", "-"])
def test_mhtml_single_file_pages(name):
    data = _mhtml(WORD_HTML.replace("charset=gb2312", "charset=utf-8").encode("utf-8"), "utf-8")
    loaded = load_bytes(data, name)
    assert loaded.container == "mhtml"
    assert loaded.text.startswith("某县2019年政府信息公开工作年度报告\n一、 总体情况\n")


def test_a_doc_that_is_really_html_is_read():
    loaded = load_bytes(WORD_HTML.encode("gbk"), "report.doc")
    assert loaded.container == "html"
    assert loaded.text.startswith("某县2019年政府信息公开工作年度报告\n")


def test_a_binary_doc_that_is_not_ole_is_named():
    with pytest.raises(UnsupportedFormatError, match=r"\.wps"):
        load_bytes(b"\x00\x01WPS binary" * 100, "report.wps")
