"""PDF layout from character positions: ruled tables as pipe rows, reading order, turned pages.

Each case draws a page with ``pdf_make.drawn_pdf`` (text at positions, strokes)
the way Word, WPS and printers lay these reports out, and names lines the text
must hold, in order.
"""

from __future__ import annotations

import pytest

import pdf_make as make
from reportparse.config import Limits
from reportparse.load import pdf
from reportparse.load.pdf import read_pages, text_layer_pages

LINE = "本机关全年主动公开政府信息，并通过政府网站和公开栏同步公开。"


def _grid(x0: float, top: float, widths: list[float], heights: list[float], *, open_bottom: bool = False,
          no_v: set[tuple[int, int]] = frozenset(), no_h: set[tuple[int, int]] = frozenset()) -> list[tuple]:
    """Strokes of a grid; ``no_v`` (row, line) / ``no_h`` (line, column) leave a stroke out (merged cells)."""
    xs = [x0 + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top - sum(heights[:i]) for i in range(len(heights) + 1)]
    items = []
    for j, y in enumerate(ys):
        if open_bottom and j == len(ys) - 1:
            continue
        for c in range(len(widths)):
            if (j, c) not in no_h:
                items.append(("h", xs[c], xs[c + 1], y))
    for i, x in enumerate(xs):
        for r in range(len(heights)):
            if (r, i) not in no_v:
                items.append(("v", x, ys[r], ys[r + 1]))
    return items


def _cells(x0, top, widths, heights, rows) -> list[tuple]:
    """Text of each cell, one item per cell line (a list of strings wraps inside the cell)."""
    items = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            lines = cell if isinstance(cell, list) else [cell]
            for k, text in enumerate(lines):
                if text:
                    items.append(("text", x0 + sum(widths[:c]) + 3, top - sum(heights[:r]) - 13 - 12 * k, text))
    return items


W = [150, 70, 70]

CASES = [
    ("ruled table",
     [_grid(72, 700, W, [20, 20, 20]) + _cells(72, 700, W, [20, 20, 20],
                                              [["信息内容", "本年制发", "现行有效"], ["规章", "0", "3"],
                                               ["行政规范性文件", "12", "40"]])],
     ["| 信息内容 | 本年制发 | 现行有效 |", "| 规章 | 0 | 3 |", "| 行政规范性文件 | 12 | 40 |"]),
    ("label wrapped onto two lines inside its cell",
     [_grid(72, 700, W, [20, 34]) + _cells(72, 700, W, [20, 34],
                                          [["信息内容", "件数", "总计"],
                                           [["（二）部分公开（区分处理", "的，只计这一情形）"], "4", "4"]])],
     ["| （二）部分公开（区分处理的，只计这一情形） | 4 | 4 |"]),
    ("header cell merged over two columns",
     [_grid(72, 700, W, [20, 20, 20], no_v={(0, 2)}) + _cells(72, 700, W, [20, 20, 20],
                                                           [["申请人情况", "法人或其他组织", ""],
                                                            ["", "商业企业", "科研机构"],
                                                            ["一、本年新收", "7", "1"]])],
     ["| 申请人情况 | 法人或其他组织 |  |", "|  | 商业企业 | 科研机构 |", "| 一、本年新收 | 7 | 1 |"]),
    ("label merged down two rows",
     [_grid(72, 700, [80, 150, 40], [20, 20], no_h={(1, 0)}) + _cells(72, 700, [80, 150, 40], [20, 20],
                                                                   [["（三）不予公开", "1.属于国家秘密", "0"],
                                                                    ["", "2.其他法律行政法规禁止公开", "5"]])],
     ["| （三）不予公开 | 1.属于国家秘密 | 0 |", "|  | 2.其他法律行政法规禁止公开 | 5 |"]),
    ("table going on over a page break, header repeated",
     [[("text", 72, 760, "三、收到和处理政府信息公开申请情况")]
      + _grid(72, 700, W, [20, 20], open_bottom=True)
      + _cells(72, 700, W, [20, 20], [["申请人情况", "自然人", "总计"], ["一、本年新收", "21", "21"]])
      + [("text", 280, 40, "— 3 —")],
      _grid(72, 780, W, [20, 20, 20]) + _cells(72, 780, W, [20, 20, 20],
                                              [["申请人情况", "自然人", "总计"], ["二、上年结转", "0", "0"],
                                               ["（一）予以公开", "5", "5"]])
      + [("text", 280, 40, "— 4 —")]],
     ["三、收到和处理政府信息公开申请情况", "| 申请人情况 | 自然人 | 总计 |", "| 一、本年新收 | 21 | 21 |",
      "| 二、上年结转 | 0 | 0 |", "| （一）予以公开 | 5 | 5 |"]),
    ("two columns under a title that crosses both",
     [[("text", 150, 800, "某某乡人民政府2021年政府信息公开工作年度报告", 12)]
      + [("text", 50, 770 - 16 * i, f"左{i}" + LINE[:12]) for i in range(10)]
      + [("text", 320, 770 - 16 * i, f"右{i}" + LINE[:12]) for i in range(10)]],
     ["某某乡人民政府2021年政府信息公开工作年度报告", "左0" + LINE[:12], "左9" + LINE[:12],
      "右0" + LINE[:12], "右9" + LINE[:12]]),
]


def _lines(pages: list[list[tuple]], **kw) -> list[str]:
    data = make.drawn_pdf(pages, **kw)
    got = pdf.join_tables(pdf.drop_running_lines([p.lines for p in read_pages(data, Limits(), [])]))
    return [" ".join(line.split()) if line.lstrip().startswith("|") else line.strip()
            for page in got for line in page if line.strip()]


def _in_order(want: list[str], got: list[str]) -> bool:
    at = 0
    for line in got:
        if at < len(want) and line == want[at]:
            at += 1
    return at == len(want)


@pytest.mark.parametrize("what,pages,want", CASES, ids=[c[0] for c in CASES])
def test_layout_gives_lines_in_order(what, pages, want):
    got = _lines(pages)
    assert _in_order([" ".join(w.split()) for w in want], got), "\n".join(got)


def test_repeated_header_is_dropped_once():
    got = _lines(CASES[4][1])
    assert sum(1 for line in got if line.startswith("| 申请人情况")) == 1


@pytest.mark.parametrize("rotate,turned", [(90, True), (0, True)])
def test_turned_text_reads_in_order(rotate, turned):
    items = [("text", 100 + 20 * i, 100, f"第{i}行" + LINE[:10], 10, turned) for i in range(3)]
    got = _lines([items], rotate=rotate)
    assert got == [f"第{i}行" + LINE[:10] for i in range(3)]


def test_figures_beside_labels_without_rules_are_not_two_columns():
    labels = [("text", 60, 700 - 16 * i, f"{i + 1}.属于三类内部事务信息") for i in range(12)]
    figures = [("text", 330 + 40 * k, 700 - 16 * i, str(i + k)) for i in range(12) for k in range(4)]
    got = _lines([labels + figures])
    assert len(got) == 12
    assert all(line.startswith(f"{i + 1}.属于三类内部事务信息") and line.split()[-1] == str(i + 3)
               for i, line in enumerate(got))


def test_each_page_says_whether_it_has_a_text_layer():
    data = make.drawn_pdf([[("text", 72, 700, LINE)], [("h", 72, 300, 500)]])
    assert text_layer_pages(read_pages(data, Limits(), [])) == [True, False]


def test_hostile_coordinates_do_not_make_huge_lines():
    got = _lines([[("text", 72, 700, LINE), ("text", 10 ** 9, 700, "远"), ("text", -(10 ** 9), 680, "近")]])
    assert all(len(line) < 1000 for line in got)
