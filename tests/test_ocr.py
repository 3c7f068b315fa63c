"""Scanned reports read by OCR (load/ocr.py).

Three parts: the layout rules on boxes (no extra needed: plain Python), what
a scan gets without the extra (one line naming it) and that the CLI imports
nothing of OCR, and - only where ``reportparse[ocr]`` is installed - the
committed scans in corpus/scans/ (made by tools/make_scans.py: 150-200 dpi,
noise, 1-2 degree skew, a red stamp over the signature, JPEG) giving the same
summary and table cells as their text originals, offline.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

import reportparse
from reportparse.config import Limits
from reportparse.errors import LimitExceededError, UnsupportedFormatError
from reportparse.load import ocr
from reportparse.load.ocr import Box, Line, OcrText

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "corpus" / "scans"
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


def box(x0, y0, x1, y1, text, conf=0.99):
    return Box(x0, y0, x1, y1, text, [conf] * len(text))


# --- reading order: lines grouped by vertical overlap, left to right --------------------------------

@pytest.mark.parametrize("boxes, lines", [
    # two boxes on one line, given right first
    ([box(500, 100, 700, 130, "申请9件"), box(100, 102, 480, 131, "全年共收到")], ["全年共收到申请9件"]),
    # a slightly lower box still on the line (skew left after deskew)
    ([box(100, 100, 400, 130, "一、总体"), box(410, 108, 600, 138, "情况")], ["一、总体情况"]),
    # two lines, given bottom first
    ([box(100, 200, 400, 230, "第二行"), box(100, 100, 400, 130, "第一行")], ["第一行", "第二行"]),
    # Latin or figures in two boxes keep a space between them
    ([box(100, 100, 200, 130, "0731"), box(210, 100, 330, 130, "5552018")], ["0731 5552018"]),
])
def test_reading_order(boxes, lines):
    got = ocr.page_lines(boxes, [], page_height=2000)
    assert [line.text for line in got] == lines


def test_page_number_at_the_foot_is_dropped():
    got = ocr.page_lines([box(100, 100, 800, 130, "一、总体情况"), box(400, 1950, 460, 1980, "— 2 —")], [], 2000)
    assert [line.text for line in got] == ["一、总体情况"]


def test_unruled_row_keeps_its_cells_apart():
    boxes = [box(100, 100, 300, 130, "行政许可"), box(600, 100, 640, 130, "41"), box(700, 100, 740, 130, "3")]
    assert [line.text for line in ocr.page_lines(boxes, [], 2000)] == ["行政许可    41    3"]


def unruled(rows, y=100, step=40, xs=(600, 800, 1000)):
    """Boxes of an unruled table: a label at the left, figures right-aligned at ``xs``; None is
    a figure the detector missed."""
    boxes = []
    for n, (label, *figures) in enumerate(rows):
        top = y + n * step
        if label:
            boxes.append(box(100, top, 100 + 30 * len(label), top + 30, label))
        for x, figure in zip(xs, figures):
            if figure is not None:
                boxes.append(box(x - 16 * len(figure), top, x, top + 30, figure))
    return boxes


def test_unruled_block_rows_keep_their_columns():
    boxes = unruled([("规章", "4", "1", "0"), ("规范性文件", "49", None, "51"), ("行政许可", "146", "18", "370")])
    got = [line.text for line in ocr.page_lines(boxes, [], 2000)]
    assert got == ["| 规章 | 4 | 1 | 0 |", "| 规范性文件 | 49 |  | 51 |", "| 行政许可 | 146 | 18 | 370 |"]


def test_unruled_block_centred_figures_and_a_row_without_label():
    boxes = unruled([("结果维持", "5", "12", "7"), ("", "0", "0", "13"), ("总计", "15", "2", "20")])
    got = [line.text for line in ocr.page_lines(boxes, [], 2000)]
    assert got == ["| 结果维持 | 5 | 12 | 7 |", "|  | 0 | 0 | 13 |", "| 总计 | 15 | 2 | 20 |"]


@pytest.mark.parametrize("rows", [
    # one row only: nothing to align against
    [("行政许可", "146", "18", "370")],
    # rows whose figures do not stand in columns (printed with single spaces, labels of any length)
    [("规章", "4", "1", "0"), ("规范性文件", "49", "55", "51")],
])
def test_unaligned_rows_stay_lines(rows):
    boxes = unruled(rows)
    if len(rows) == 2:  # the second row's figures shifted right by its longer label
        boxes = [b if b.y0 < 130 else ocr.Box(b.x0 + 90 * (b.x0 > 500), b.y0, b.x1 + 90 * (b.x0 > 500), b.y1,
                                              b.text, b.confs) for b in boxes]
    got = ocr.page_lines(boxes, [], 2000)
    assert not any(line.table for line in got)


def test_a_heading_between_blocks_breaks_them():
    boxes = unruled([("规章", "4", "1", "0"), ("第二十条第（五）项",), ("行政许可", "146", "18", "370")])
    assert not any(line.table for line in ocr.page_lines(boxes, [], 2000))


def test_gap_in_an_unruled_row_is_read_again():
    boxes = unruled([("规章", "4", "1", "0"), ("规范性文件", "49", None, "51"), ("行政许可", "146", "18", "370")])
    gaps = ocr.unruled_gaps(boxes, [])
    assert len(gaps) == 1
    x0, y0, x1, y1 = gaps[0]
    assert x0 >= 760 and x1 <= 810 and y0 >= 140 and y1 <= 170


def test_dust_after_a_list_number_is_dropped():
    assert ocr._tidy("一、·总体情况", [0.9] * 7)[0] == "一、总体情况"


# --- figures printed apart: spaces put back from the glyphs' geometry (no extra needed) -------------

def printed(label, cells, advance=16, space=6, height=24, jitter=(3, -4, 2, -1), dust=None):
    """Synthetic glyphs of one printed row: CJK label characters 30 px wide, figures advancing
    ``advance`` px (a ``1`` is narrow ink in the same advance), ``space`` px between cells; the
    recogniser's CTC positions land a few pixels off each glyph's centre. ``dust`` = (after
    which cell, character read for it, speck size)."""
    text, centres, blobs = "", [], []
    x = 100.0
    for ch in label:
        blobs.append(ocr.Blob(x, x + 28, 10, 40))
        text += ch
        centres.append(x + 14)
        x += 32
    x += space
    for k, cell in enumerate(cells):
        for ch in cell:
            width = {"1": 6, ".": 4, "-": 8}.get(ch, 12)
            bottom = 40
            top = 36 if ch == "." else 28 if ch == "-" else 40 - height
            left = x + (advance - width) / 2 if ch not in ".-" else x + 2
            blobs.append(ocr.Blob(left, left + width, top, bottom))
            text += ch
            centres.append(left + width / 2 + jitter[len(centres) % len(jitter)])
            x += advance if ch not in ".-" else width + 4
        if dust is not None and dust[0] == k:
            mark, size = dust[1], dust[2]
            blobs.append(ocr.Blob(x + space / 2, x + space / 2 + size, 40 - size, 40))
            text += mark
            centres.append(x + space / 2)
        x += space
    return text, [0.99] * len(text), centres, blobs


@pytest.mark.parametrize("label, cells, kw, read", [
    # a row printed with single spaces: the recogniser ran the figures together
    ("许可", ["146", "18", "370"], {}, "许可146 18 370"),
    ("规章", ["0", "1", "0"], {}, "规章0 1 0"),
    ("规章", ["4", "1", "0"], {}, "规章4 1 0"),
    ("强制", ["266", "-18", "204"], {}, "强制266 -18 204"),
    ("总计", ["113"], {}, "总计113"),  # narrow ones inside one figure stay together
    ("收费", ["247.93"], {}, "收费247.93"),  # a printed decimal point stays
    ("收费", ["2019"], {"advance": 18, "space": 0}, "收费2019"),
    # a font whose figures advance wider (0.75 of their height) and whose space is wide
    ("采购", ["12", "5", "30"], {"advance": 18, "space": 16}, "采购12 5 30"),
    ("采购", ["1990"], {"advance": 18}, "采购1990"),
    # tabs: wide gaps
    ("行政处罚", ["33", "7", "18"], {"space": 60}, "行政处罚33 7 18"),
])
def test_spaces_between_figures(label, cells, kw, read):
    text, confs, centres, blobs = printed(label, cells, **kw)
    got, got_confs, _ = ocr.space_figures(text, confs, centres, blobs)
    assert got == read
    assert min(got_confs) > 0.8  # nothing doubtful here


def test_figures_inside_prose_are_never_split():
    text, confs, centres, blobs = printed("信息", ["1781", "条"], space=8)
    assert ocr.space_figures(text, confs, centres, blobs)[0] == "信息1781条"


def test_dust_before_the_first_figure_is_dropped():
    text, confs, centres, blobs = printed("案卷", ["0", "0", "7"])
    # a speck read as a dot between the label and the first figure
    text = text[:2] + "." + text[2:]
    centres = centres[:2] + [centres[2] - 9] + centres[2:]
    blobs = blobs + [ocr.Blob(centres[2] - 1, centres[2] + 1, 38, 40)]
    blobs.sort(key=lambda b: b.x0)
    confs = [0.99] * len(text)
    got, got_confs, _ = ocr.space_figures(text, confs, centres, blobs)
    assert got.replace(" ", "", 1) == "案卷0 0 7"
    assert got_confs[got.index("0")] < ocr.LOW_CONFIDENCE


@pytest.mark.parametrize("mark, size, read", [
    (".", 2, "执法12 0 34"),   # a speck of dust read as a decimal point: too small for one
    (":", 3, "执法12 0 34"),   # a colon is never inside a figure
    ("、", 4, "执法12 0 34"),
])
def test_dust_between_figures_is_a_doubtful_space(mark, size, read):
    text, confs, centres, blobs = printed("执法", ["12", "0", "34"], dust=(1, mark, size))
    text = text.replace("0" + mark + " ", "0" + mark)  # (the helper's text has no spaces anyway)
    got, got_confs, _ = ocr.space_figures(text, confs, centres, blobs)
    assert got == read
    doubtful = [ch for ch, c in zip(got, got_confs) if c < ocr.LOW_CONFIDENCE]
    assert doubtful == ["0", "3"]  # the figures beside the speck get flagged


def test_doubtful_cell_read_again():
    assert ocr.doubtful(box(0, 0, 10, 10, "、", 0.19))
    assert ocr.doubtful(box(0, 0, 10, 10, "0", 0.3))
    assert not ocr.doubtful(box(0, 0, 10, 10, "1", 0.9))
    assert not ocr.doubtful(box(0, 0, 10, 10, "—", 0.9))  # a dash rule is what the cell holds


# --- the form's own words mended where the recogniser dropped characters -----------------------------

@pytest.mark.parametrize("read, mended", [
    # traditional characters the recogniser's dictionary lacks are dropped (議 訴 訟 項 罰 範 審 糾 屬)
    ("四、政府信息公開行政複、行政情况", "四、政府信息公開行政複議、行政訴訟情況"),
    ("第二十條第（一）", "第二十條第（一）項"),
    ("行政處137", "行政處罰137"),
    ("行政规性文件47 14 22", "行政规范性文件47 14 22"),
    ("| 結果正 | 尚未結 | 總計 |", "| 結果糾正 | 尚未審結 | 總計 |"),  # in the line's own script
    ("5.於三類内部事務信息0 0 0", "5.屬於三類內部事務信息0 0 0"),
    ("1.信報投類申請2 0 0", "1.信訪舉報投訴類申請2 0 0"),
    # simplified with a dropped character (noise over a stroke)
    ("（一）予以开 0 0 0", "（一）予以公开 0 0 0"),
    # left alone: whole words, prose, other words that merely start alike
    ("行政复议", "行政复议"),
    ("行政處理", "行政處理"),
    ("全年行政处罚137件，均在法定期限内办结。", "全年行政处罚137件，均在法定期限内办结。"),
    ("其他", "其他"),
    ("行政机关", "行政机关"),
])
def test_form_words_mended(read, mended):
    got = ocr.mend_form_words([(ch, 0.99) for ch in read])
    assert "".join(c for c, _ in got) == mended
    if mended != read:  # a mended character is marked doubtful
        assert min(p for _, p in got) < ocr.LOW_CONFIDENCE


def test_form_word_look_alike_only_at_low_confidence():
    read = "| 結果烈正 |"
    sure = ocr.mend_form_words([(ch, 0.99) for ch in read])
    assert "".join(c for c, _ in sure) == read  # 烈 read surely: left as read
    unsure = ocr.mend_form_words([(ch, 0.4 if ch == "烈" else 0.99) for ch in read])
    assert "".join(c for c, _ in unsure) == "| 結果糾正 |"


# --- ruled tables: cells from the rules, boxes split across rules ----------------------------------

def test_table_rows_from_rules():
    table = ocr.Table(100, 100, 900, 200, rows=[(100, 150, [100, 500, 700, 900]), (150, 200, [100, 500, 700, 900])])
    boxes = [box(110, 110, 300, 140, "行政处罚"), box(510, 112, 540, 140, "123"),
             # a wrapped label: two lines in one cell
             box(110, 152, 480, 172, "行政事业性"), box(110, 175, 200, 195, "收费"),
             # the detector joined two cells across the rule at x=700
             box(510, 160, 780, 190, "0 7")]
    rows = [line.text for line in ocr.table_lines(table, boxes)]
    assert rows == ["| 行政处罚 | 123 |  |", "| 行政事业性收费 | 0 | 7 |"]


@pytest.mark.parametrize("printed, read", [
    ("0", "0"), ("。", "0"), (".7", "7"), ("0:", "0"), ("o", "0"), ("247.93", "247.93"), ("12", "12"),
    ("---", "---"), ("一", "---"), ("—", "---"),
    ("一、本年新收", "一、本年新收"), ("二", "二"), ("行政许可", "行政许可"),
])
def test_cell_text(printed, read):
    chars = [(ch, 0.9) for ch in printed]
    assert "".join(c for c, _ in ocr._cell_text(chars)) == read


# --- paragraphs rejoined at the right margin --------------------------------------------------------

def line(text, x0, x1, y, table=False):
    return Line([(ch, 1.0) for ch in text], x0, x1, y, table)


def test_wrapped_row_keeps_its_figures_apart():
    page = [line("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0 0 0 0", 100, 1000, 100),
            line("0 0 0", 100, 200, 150)]
    got = [x.text for x in ocr.join_lines([page])]
    assert got == ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0 0 0 0 0 0 0"]


def test_wrapped_lines_rejoin_and_blocks_stay_apart():
    page = [
        line("一、总体情况", 100, 300, 100),
        line("全年主动公开政府信息534条，主要通过政府门户网站、政务微信公", 130, 1000, 150),
        line("众号发布。", 100, 250, 200),
        line("二、主动公开政府信息情况", 100, 600, 250),
        line("| 规章 | 1 |", 100, 900, 300, table=True),
        line("全年共收到政府信息公开申请9件，均在法定期限内答复，无一件被纠", 100, 1000, 350),
        line("（一）予以公开", 100, 400, 400),
    ]
    got = [x.text for x in ocr.join_lines([page])]
    assert got == ["一、总体情况", "全年主动公开政府信息534条，主要通过政府门户网站、政务微信公众号发布。",
                   "二、主动公开政府信息情况", "| 规章 | 1 |",
                   "全年共收到政府信息公开申请9件，均在法定期限内答复，无一件被纠", "（一）予以公开"]


# --- confidence ---------------------------------------------------------------------------------------

def test_low_confidence_spans_and_mean():
    result = OcrText(text="收到申请9件\n", confs=[1, 1, 1, 1, 0.4, 1, 1], pages=[1], seconds=1.0)
    assert result.low_spans() == [(4, 5)]
    assert 0.85 < result.mean_confidence < 1


def test_value_on_a_low_confidence_figure_is_named():
    text = ("北山市生态环境局2022年政府信息公开工作年度报告\n一、总体情况\n"
            "全年主动公开政府信息534条。全年共收到政府信息公开申请9件。\n")
    confs = [1.0] * len(text)
    confs[text.index("534") + 1] = 0.3
    report = reportparse.parse_text(text)
    warnings = ocr.value_warnings(report, OcrText(text, confs, [1], 1.0))
    assert len(warnings) == 1 and "proactive_total=534" in warnings[0]
    confs[text.index("534") + 1] = 0.99
    assert ocr.value_warnings(report, OcrText(text, confs, [1], 1.0)) == []


# --- without the extra; limits; cold start -------------------------------------------------------------

def test_scan_without_the_extra_names_it(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    for path in (SCANS / "tables_pipe_2021.scan.pdf", SCANS / "township_2022_skipped_numbers.p1.jpg"):
        with pytest.raises(UnsupportedFormatError) as exc:
            reportparse.parse(path)
        message = str(exc.value)
        assert "pip install 'reportparse[ocr]'" in message and "\n" not in message


@pytest.mark.parametrize("message", [
    "PDF has no text layer (a scan?); OCR is not installed, to read it: pip install 'reportparse[ocr]'",
    "PDF has no text layer on 3 of 3 pages; to read it by OCR: pip install 'reportparse[ocr]'",
    "PDF text layer is unreadable (no Unicode map); to read it by OCR: pip install 'reportparse[ocr]'",
    "scanned image; OCR is not installed, to read it: pip install 'reportparse[ocr]'",
])
def test_clerks_line_names_the_extra(message):
    from reportparse.errors import reason

    line = reason(UnsupportedFormatError(message))
    assert "reportparse[ocr]" in line and "\n" not in line and "扫描件" in line


def test_summary_has_the_ocr_flag():
    from reportparse.output import SUMMARY_FIELDS, summaries_csv

    assert "ocr" in SUMMARY_FIELDS
    summary = reportparse.summarize(reportparse.parse(ROOT / "corpus" / "tables_pipe_2021.md"))
    assert summary.ocr is False
    assert summaries_csv([summary]).splitlines()[1].endswith(",false")


def test_cli_cold_start_imports_nothing_of_ocr():
    code = ("import sys, reportparse.cli, reportparse\n"
            "heavy = {'reportparse.load.ocr', 'rapidocr_onnxruntime', 'onnxruntime', 'pypdfium2', 'numpy', 'cv2', 'PIL'}\n"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@needs_ocr
def test_huge_image_refused_from_its_header(tmp_path):
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0))
    png = b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")
    with pytest.raises(LimitExceededError, match="20,000×20,000"):
        reportparse.parse(png, name="scan.png")


def _blank_pdf(pages: int) -> bytes:
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@needs_ocr
def test_too_many_page_images_refused_before_rendering():
    with pytest.raises(LimitExceededError, match="80 page images"):
        reportparse.parse(_blank_pdf(80), name="scan.pdf", limits=Limits(max_ocr_pages=60))
    with pytest.raises(LimitExceededError, match="3,000 pages"):
        reportparse.parse(_blank_pdf(3000), name="scan.pdf")


# --- the committed scans against their text originals (with the extra) -------------------------------

SCAN_CASES = [
    ("tables_pipe_2021.scan.pdf", "tables_pipe_2021.md"),
    ("tables_runtogether_2019.scan.pdf", "tables_runtogether_2019.txt"),
    ("township_2022_skipped_numbers.p1.jpg", "township_2022_skipped_numbers.txt"),
]


def _cells(report):
    out = {}
    for name in ("proactive", "requests", "review_litigation"):
        for row, columns in (getattr(report.tables, name) or {}).items():
            for column, value in (columns or {}).items():
                out[f"{name}.{row}.{column}"] = value.get("value") if isinstance(value, dict) else value
    return out


@pytest.fixture(scope="module")
def offline():
    """No socket may be opened while OCR loads its models and reads (it never goes online)."""
    def refuse(*args, **kwargs):
        raise AssertionError("OCR tried to open a network socket")

    saved = socket.socket, socket.create_connection
    socket.socket, socket.create_connection = refuse, refuse
    ocr._ENGINE = None  # load the models inside the block
    try:
        yield
    finally:
        socket.socket, socket.create_connection = saved


@needs_ocr
@pytest.mark.parametrize("scan, text", SCAN_CASES)
def test_scan_gives_the_text_originals_summary(offline, scan, text):
    scanned = reportparse.parse(SCANS / scan, limits=Limits(max_seconds=600))
    original = reportparse.parse(ROOT / "corpus" / text)
    a = reportparse.summarize(original).model_dump(exclude={"file", "ocr"})
    b = reportparse.summarize(scanned).model_dump(exclude={"file", "ocr"})
    assert reportparse.summarize(scanned).ocr is True
    assert scanned.source.ocr is not None and scanned.source.ocr.mean_confidence > 0.8
    assert any(w.startswith("read by OCR") for w in scanned.warnings)
    differ = {k: (a[k], b[k]) for k in a if a[k] != b[k]}
    assert differ == {}
    ca, cb = _cells(original), _cells(scanned)
    assert {k: (v, cb.get(k)) for k, v in ca.items() if cb.get(k) != v} == {}


# --- one page per failure class, against the lines of the text original (with the extra) -------------

FIGURES = r"-?\d+(?:\.\d+)?"


def _rows(text: str) -> dict[str, list[str]]:
    """Label -> figures of each table row in a text (pipe, tab, space or OCR-spaced rows)."""
    import re

    rows = {}
    for line in text.splitlines():
        cells = [c for c in re.split(r"\s*\|\s*|\t| {2,}", line.strip()) if c]
        label = re.sub(r"[\s|]|-?\d+(?:\.\d+)?\s*$", "", re.match(r"^[^\d-]*(?:\d+[.．、][^\d-]*)?", line).group())
        figures = re.findall(FIGURES, line[len(re.match(r"^[^\d-]*(?:\d+[.．、][^\d-]*)?", line).group()):])
        if cells and figures and label:
            rows[reportparse.normalize.to_simplified(label)] = figures
    return rows


@needs_ocr
@pytest.mark.parametrize("scan, original, labels", [
    # (1) an unruled table printed with single spaces: the figures read as one run, spaced again
    ("tables_spaces_2019.p1.jpg", "tables_spaces_2019.txt",
     ["规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"]),
    # (3) traditional script: rows whose labels the recogniser cannot spell, mended from the form
    ("tables_trad_2021.p3.jpg", "tables_trad_2021.txt",
     ["1.信访举报投诉类申请", "（七）总计", "四、结转下年度继续办理"]),
])
def test_page_rows_equal_the_original(offline, scan, original, labels):
    import reportparse.normalize  # noqa: F401 - for _rows

    read = ocr.read_image((SCANS / scan).read_bytes(), Limits()).text
    want, got = _rows((ROOT / "corpus" / original).read_text(encoding="utf-8")), _rows(read)
    for label in labels:
        assert got.get(label) == want[label], label


@needs_ocr
def test_traditional_table_four_heading_mended(offline):
    read = ocr.read_image((SCANS / "tables_trad_2021.p3.jpg").read_bytes(), Limits()).text
    assert "四、政府信息公開行政複議、行政訴訟情況" in read.splitlines()


@needs_ocr
def test_ruled_table_four_row_every_cell(offline):
    # (2) a lone figure in a ruled cell (a 1 read as 、 when its crop caught the rule)
    read = ocr.read_image((SCANS / "tables_pipe_2019.p3.jpg").read_bytes(), Limits()).text
    original = (ROOT / "corpus" / "tables_pipe_2019.md").read_text(encoding="utf-8").splitlines()
    heading = next(i for i, line in enumerate(original) if "行政复议、行政诉讼" in line)
    want = next(line for line in original[heading:] if line.startswith("| 0") or line[2:3].isdigit())
    assert want in read.splitlines()

