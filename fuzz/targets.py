"""What the fuzz harness checks, in plain Python (no atheris), so tests can replay inputs.

One fuzz input is turned into the bytes of one container and given to
:func:`reportparse.parse`:

- ``txt``: the bytes as a ``.txt`` file (every encoding path, mojibake repair).
- ``md``: the bytes as a ``.md`` file (headings with ``#``, pipe tables, emphasis).
- ``html``: the bytes as a ``.html`` page.
- ``docx``: a zip (input starting ``PK``) goes in as it is; an input starting
  ``<`` is split at ``\\0\\0`` into ``word/document.xml``, ``word/numbering.xml``
  and ``word/styles.xml`` of an otherwise valid package; any other input
  drives :func:`generate_docx_parts`, which builds well-formed WordprocessingML
  (paragraphs, numbering, tables with spans and merges, nesting, content
  controls, tracked changes) from the bytes, so the fuzzer reaches the
  renderer instead of spending its time on zip checksums and XML syntax.
- ``numbering``: :func:`generate_numbering_docx` builds a short report whose
  paragraphs are numbered by Word list definitions chosen by the bytes: every
  number format, absurd start values (10^25, 2^31, 4,300 digits), level texts
  with odd characters after ``%`` (superscripts, Arabic-Indic digits), overrides,
  style inheritance, hundreds of items.
- ``any``: the first byte picks one of the above for the rest.

:func:`check` is the oracle: ``parse`` either returns a report whose evidence
quotes the text exactly, or raises :class:`ReportParseError` with a one-line
message. Anything else (another exception, a multi-line message, evidence
outside the text) raises ``AssertionError`` or escapes, which the fuzzer reports.
"""

from __future__ import annotations

import io
import zipfile

from pdf_writer import build_pdf, cid_font, stream

from reportparse import ReportParseError, parse

CONTAINERS = ("txt", "html", "docx", "md", "numbering", "pdf")

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


class _Bytes:
    """Consumes fuzz bytes as small choices (0 when they run out)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def pick(self, options):
        return options[self.byte() % len(options)]

    def more(self) -> bool:
        return self.pos < len(self.data)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORDS = ("政府信息公开工作年度报告", "一、概述", "主动公开政府信息情况", "依申请公开", "（一）", "本年新收政府信息公开申请数量",
          "予以公开", "不予公开", "行政复议", "行政诉讼", "总计", "自然人", "0", "12", "3", "2021年", "/", "—", "|", "",
          "\t", " ", "。", "<", "&", "\u3000", "\u200b", "\ufeff", "第一部分", "1.", "(1)", "二、", "表三", "维持", "纠正",
          "\x01")
_FORMATS = ("decimal", "chineseCounting", "chineseCountingThousand", "ideographTraditional", "decimalFullWidth",
            "decimalZero", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman", "decimalEnclosedCircle",
            "decimalEnclosedParen", "bullet", "none", "japaneseCounting", "bogus")
_LVL_TEXTS = ("%1、", "（%1）", "%1.", "%1.%2", "%2)", "%9", "%", "第%1部分", "", "%1%1%1", "%0")
_NUMBERS = ("0", "1", "2", "-1", "63", "64", "100", "1000", "99999", "x", "")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _run(b: _Bytes) -> str:
    kind = b.byte() % 8
    if kind == 0:
        return "<w:r><w:tab/></w:r>"
    if kind == 1:
        return "<w:r><w:br/></w:r>"
    if kind == 2:
        return f"<w:del><w:r><w:delText>{_esc(b.pick(_WORDS))}</w:delText></w:r></w:del>"
    if kind == 3:
        return f"<w:ins><w:r><w:t>{_esc(b.pick(_WORDS))}</w:t></w:r></w:ins>"
    return f'<w:r><w:t xml:space="preserve">{_esc(b.pick(_WORDS))}</w:t></w:r>'


def _paragraph(b: _Bytes) -> str:
    ppr = ""
    choice = b.byte() % 4
    if choice == 1:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{b.pick(_NUMBERS)}"/><w:numId w:val="{b.pick(_NUMBERS)}"/></w:numPr></w:pPr>'
    elif choice == 2:
        ppr = f'<w:pPr><w:pStyle w:val="S{b.byte() % 4}"/></w:pPr>'
    runs = "".join(_run(b) for _ in range(b.byte() % 5))
    return f"<w:p>{ppr}{runs}</w:p>"


def _table(b: _Bytes, depth: int) -> str:
    rows = []
    for _ in range(b.byte() % 6):
        before = f'<w:trPr><w:gridBefore w:val="{b.pick(_NUMBERS)}"/></w:trPr>' if b.byte() % 5 == 0 else ""
        cells = []
        for _ in range(b.byte() % 6):
            tcpr = ""
            choice = b.byte() % 5
            if choice == 1:
                tcpr = f'<w:tcPr><w:gridSpan w:val="{b.pick(_NUMBERS)}"/></w:tcPr>'
            elif choice == 2:
                tcpr = f'<w:tcPr><w:vMerge w:val="{b.pick(("restart", "continue", ""))}"/></w:tcPr>'
            elif choice == 3:
                tcpr = "<w:tcPr><w:vMerge/></w:tcPr>"
            cells.append(f"<w:tc>{tcpr}{_blocks(b, depth + 1, 2)}</w:tc>")
        if b.byte() % 7 == 0:
            cells.append(f"<w:sdt><w:sdtContent>{''.join(cells[-1:])}</w:sdtContent></w:sdt>")
        rows.append(f"<w:tr>{before}{''.join(cells)}</w:tr>")
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def _blocks(b: _Bytes, depth: int, limit: int) -> str:
    out = []
    for _ in range(limit):
        if not b.more():
            break
        kind = b.byte() % 6
        if kind == 4 and depth < 4:
            out.append(_table(b, depth))
        elif kind == 5 and depth < 4:
            out.append(f"<w:sdt><w:sdtContent>{_blocks(b, depth + 1, 2)}</w:sdtContent></w:sdt>")
        else:
            out.append(_paragraph(b))
    return "".join(out)


def generate_docx_parts(data: bytes) -> list[bytes]:
    """Well-formed document, numbering and styles parts chosen by ``data`` (see the module docstring)."""
    b = _Bytes(data)
    levels = []
    for ilvl in range(b.byte() % 4):
        levels.append(f'<w:lvl w:ilvl="{ilvl if b.byte() % 6 else b.pick(_NUMBERS)}">'
                      f'<w:start w:val="{b.pick(_NUMBERS)}"/><w:numFmt w:val="{b.pick(_FORMATS)}"/>'
                      f'<w:lvlText w:val="{_esc(b.pick(_LVL_TEXTS))}"/></w:lvl>')
    nums = "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{b.byte() % 3}"/>'
                   + ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>' if b.byte() % 3 == 0 else "")
                   + "</w:num>" for n in range(1, 1 + b.byte() % 4))
    numbering = (f'<w:numbering xmlns:w="{_W_NS}"><w:abstractNum w:abstractNumId="0">{"".join(levels)}'
                 f'</w:abstractNum><w:abstractNum w:abstractNumId="1">{"".join(reversed(levels))}</w:abstractNum>'
                 f"{nums}</w:numbering>")
    styles = []
    for i in range(4):
        based = f'<w:basedOn w:val="S{b.byte() % 5}"/>' if b.byte() % 2 else ""
        numpr = (f'<w:pPr><w:numPr><w:numId w:val="{b.byte() % 4}"/><w:ilvl w:val="{b.byte() % 3}"/></w:numPr></w:pPr>'
                 if b.byte() % 2 else "")
        styles.append(f'<w:style w:styleId="S{i}">{based}{numpr}</w:style>')
    styles_xml = f'<w:styles xmlns:w="{_W_NS}">{"".join(styles)}</w:styles>'
    body = _blocks(b, 0, 10_000)
    document = f'<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>'
    return [document.encode(), numbering.encode(), styles_xml.encode()]


# --- Word list numbering -----------------------------------------------------------------

_ALL_FORMATS = _FORMATS + ("chineseLegalSimplified", "ideographDigital", "taiwaneseCounting",
                           "taiwaneseCountingThousand", "decimalFullWidth2", "decimalEnclosedCircleChinese",
                           "ordinal", "cardinalText", "ordinalText", "hex", "chicago", "aiueo", "thaiLetters", "")
_STARTS = ("1", "0", "-1", "2", "9", "10", "20", "21", "26", "27", "99", "100", "780", "781", "1000", "3999",
           "4000", "32767", "-32768", "2147483647", "2147483648", "2600000000", "1" + "0" * 15, "1" + "0" * 25,
           "9" * 4301, "１２", " 3", "+5", "0x10", "1e3", "", "x", "-0", "00007")
_LVL_PIECES = ("%1", "%2", "%3", "%9", "%0", "%", "%%", "%\u00b9", "%\u0661", "%\u2463", "%a", "、", "（", "）", ".",
               "．", "第", "部分", "是", " ", "\t", "<", "&", "\u3000", "\ufeff", "\u200b", "%1.%2.%3")
_REPORT_LINES = ("某县人民政府2021年政府信息公开工作年度报告", "总体情况", "本机关认真贯彻落实《条例》。",
                 "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量12件",
                 "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "一是制度不健全", "二是队伍不稳定",
                 "其他需要报告的事项", "某县人民政府", "2022年1月20日")


def generate_numbering_docx(data: bytes) -> list[bytes]:
    """Document, numbering and styles parts of a short report numbered as ``data`` chooses."""
    b = _Bytes(data)

    def start() -> str:
        if b.byte() % 4 == 0:  # digits straight from the input
            return str(int.from_bytes(bytes(b.byte() for _ in range(1 + b.byte() % 12)), "big"))
        return b.pick(_STARTS)

    abstracts = []
    for abstract_id in range(1 + b.byte() % 3):
        levels = []
        for ilvl in range(1 + b.byte() % 9):
            text = "".join(b.pick(_LVL_PIECES) for _ in range(b.byte() % 5))
            extra = '<w:isLgl/>' if b.byte() % 7 == 0 else ""
            extra += f'<w:lvlRestart w:val="{b.byte() % 4}"/>' if b.byte() % 7 == 0 else ""
            levels.append(f'<w:lvl w:ilvl="{ilvl if b.byte() % 8 else b.pick(_NUMBERS)}"><w:start w:val="{_esc(start())}"/>'
                          f'<w:numFmt w:val="{b.pick(_ALL_FORMATS)}"/>{extra}<w:lvlText w:val="{_esc(text)}"/></w:lvl>')
        abstracts.append(f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>')
    nums = []
    for num_id in range(1, 2 + b.byte() % 4):
        overrides = "".join(f'<w:lvlOverride w:ilvl="{b.byte() % 9}"><w:startOverride w:val="{_esc(start())}"/>'
                            "</w:lvlOverride>" for _ in range(b.byte() % 3))
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{b.byte() % 4}"/>{overrides}</w:num>')
    numbering = f'<w:numbering xmlns:w="{_W_NS}">{"".join(abstracts)}{"".join(nums)}</w:numbering>'
    styles = "".join(
        f'<w:style w:styleId="S{i}">' + (f'<w:basedOn w:val="S{b.byte() % 4}"/>' if b.byte() % 3 == 0 else "")
        + f'<w:pPr><w:numPr><w:numId w:val="{b.byte() % 5}"/><w:ilvl w:val="{b.byte() % 9}"/></w:numPr></w:pPr></w:style>'
        for i in range(4))
    paragraphs = []
    for line in _REPORT_LINES:
        for _ in range(1 if b.byte() % 5 else 1 + b.byte() % 12):  # runs of items push the counters on
            choice = b.byte() % 4
            ppr = ""
            if choice == 1:
                ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{b.byte() % 10}"/><w:numId w:val="{b.byte() % 5}"/></w:numPr></w:pPr>'
            elif choice == 2:
                ppr = f'<w:pPr><w:pStyle w:val="S{b.byte() % 5}"/></w:pPr>'
            paragraphs.append(f'<w:p>{ppr}<w:r><w:t>{_esc(line)}</w:t></w:r></w:p>')
    document = f'<w:document xmlns:w="{_W_NS}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    return [document.encode(), numbering.encode(), f'<w:styles xmlns:w="{_W_NS}">{styles}</w:styles>'.encode()]


_PDF_TEXT = "政府信息公开工作年度报告一二三四五六七八九十（）、。，：0123456789总计自然人商业企业予以公开不予公开本年新收"


def generate_pdf(data: bytes) -> bytes:
    """A well-formed one- or two-page PDF whose drawing the bytes choose: text runs at positions,
    turned text, rules and boxes (ruled tables), filters; so mutations reach the layout code."""
    b = _Bytes(data)
    ops: list[bytes] = []
    while b.more() and len(ops) < 400:
        kind = b.byte() % 6
        x, y = b.byte() * 2.3, 842 - b.byte() * 3.3
        if kind <= 1:  # a text run, maybe turned or stretched
            text = "".join(_PDF_TEXT[b.byte() % len(_PDF_TEXT)] for _ in range(1 + b.byte() % 12))
            a, bb, c, d = b.pick([(1, 0, 0, 1), (0, 1, -1, 0), (1, 0, 0, 1), (3, 0, 0, 0.2), (-1, 0, 0, -1)])
            size = 1 + b.byte() % 24
            ops.append(b"BT /F1 %d Tf %g %g %g %g %.1f %.1f Tm <%s> Tj ET"
                       % (size, a, bb, c, d, x, y, text.encode("utf-16-be").hex().encode()))
        elif kind == 2:  # a rule
            ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, y, x + b.byte() * 2, y - (b.byte() % 3) * b.byte()))
        elif kind == 3:  # a grid of cells
            rows, cols, w, h = 1 + b.byte() % 6, 1 + b.byte() % 6, 10 + b.byte(), 8 + b.byte() % 40
            for r in range(rows + 1):
                ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, y - r * h, x + cols * w, y - r * h))
            for c in range(cols + 1):
                ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x + c * w, y, x + c * w, y - rows * h))
        elif kind == 4:  # a filled bar or box
            ops.append(b"%.1f %.1f %.1f %.1f re f" % (x, y, b.byte() * 2, (b.byte() % 4) * b.byte() / 8))
        else:  # a text matrix move without text, or a save/restore
            ops.append(b.pick([b"q", b"Q", b"q 1 0 0 1 10 10 cm", b"BT ET"]))
    content = b"\n".join(ops)
    rotate = b.pick([b"", b"/Rotate 90", b"/Rotate 180", b""])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
               stream(content), cid_font(),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s /Contents 3 0 R"
               b" /Resources << /Font << /F1 4 0 R >> >> >>" % rotate]
    return build_pdf(objects, header=b"%PDF-1.7\n")


def to_container(container: str, data: bytes) -> tuple[bytes, str]:
    """``(bytes, file name)`` to parse for fuzz input ``data``."""
    if container == "any":
        if not data:
            return data, "x.txt"
        container, data = CONTAINERS[data[0] % len(CONTAINERS)], data[1:]
    if container == "txt":
        return data, "x.txt"
    if container == "md":
        return data, "x.md"
    if container == "numbering":
        return build_docx(generate_numbering_docx(data)), "x.docx"
    if container == "html":
        return data, "x.html"
    if container == "docx":
        if data.startswith(b"PK"):
            return data, "x.docx"
        if data.startswith(b"<"):
            return build_docx(data.split(PART_SEPARATOR, 2)), "x.docx"
        return build_docx(generate_docx_parts(data)), "x.docx"
    if container == "pdf":
        if data.startswith(b"%PDF"):
            return data, "x.pdf"
        return generate_pdf(data), "x.pdf"
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


def check_numbering(data: bytes) -> None:
    """The numbering path alone (most inputs: 20x faster than a whole parse), whole for one in
    eight: XML parts to :class:`Numbering` to rendered lines; a label is never longer than the
    few dozen characters Word can show, however absurd the values."""
    from reportparse import Limits
    from reportparse.load.docx import Numbering, Renderer, W, parse_xml

    if data[:1] and data[0] % 8 == 0:
        check(*to_container("numbering", data))
        return
    document, numbering, styles = generate_numbering_docx(data)
    limits = Limits()
    try:
        body = parse_xml(document, "word/document.xml", limits).find(f"{W}body")
        renderer = Renderer(Numbering(parse_xml(numbering, "word/numbering.xml", limits),
                                      parse_xml(styles, "word/styles.xml", limits)), limits)
        lines: list[str] = []
        renderer.block(body, lines)
    except ReportParseError as err:
        assert str(err) and "\n" not in str(err), f"error message not one line: {err!r}"
        return
    longest = max(_REPORT_LINES, key=len)
    assert all(len(line) <= len(longest) + 200 for line in lines), max(lines, key=len)[:300]


def run_one(container: str, data: bytes) -> None:
    """One fuzz input, end to end."""
    if container == "numbering":
        check_numbering(data)
        return
    payload, name = to_container(container, data)
    check(payload, name)
