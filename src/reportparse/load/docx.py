"""Word .docx files: paragraphs and tables in document order.

:func:`load_docx` applies, in order:

1. ``open_package`` - the zip is checked before anything is decompressed:
   member count, declared uncompressed sizes and compression ratios against
   :class:`..config.Limits`; each member is then read with a byte cap.
2. ``parse_xml`` - a hardened parser: no DTD, no entities, no network, no
   huge trees; a part that declares a DOCTYPE is refused outright.
3. ``Numbering`` - list numbers Word generates (``一、``, ``（一）``, ``1.``) from
   ``numbering.xml``, for paragraphs numbered directly or through their style
   (heading styles usually are): these are not in the text runs.
4. ``render`` - each paragraph (heading or not) on its own line; each table as
   markdown pipe rows, ``gridSpan`` and ``vMerge`` expanded with empty cells,
   a blank line before and after.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from ..clock import check_time
from ..config import Limits
from ..errors import InputError, LimitExceededError, ReportParseError, UnsupportedFormatError
from . import Loaded, join_lines, only_a_title

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAX_RATIO = 200  # deflate reaches ~1000:1 only on degenerate data; XML is ~10-30:1
_MAX_GRID_SPAN = 64
_CHUNK = 1 << 20  # Word allows 63 columns
# What zipfile raises on a damaged archive (a bad name encoding and bad deflate data included).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError,
               UnicodeDecodeError, struct.error)


def open_package(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise InputError(f"damaged .docx (not a readable zip: {exc})") from None
    infos = zf.infolist()
    if len(infos) > limits.max_archive_members:
        raise LimitExceededError(
            f"docx has {len(infos):,} zip members (limit {limits.max_archive_members:,})")
    total = sum(i.file_size for i in infos)
    if total > limits.max_expanded_bytes:
        raise LimitExceededError(
            f"docx expands to {total:,} bytes (limit {limits.max_expanded_bytes:,}): a zip bomb?")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
            raise LimitExceededError(
                f"docx member {info.filename} expands {info.file_size // max(info.compress_size, 1):,} times: "
                "a zip bomb?")
    names = set(zf.namelist())
    if main_part(zf, limits) is None:
        raise UnsupportedFormatError(_not_word(names))
    return zf


_OFFICE_DOCUMENT = re.compile(r"/officeDocument$")


def main_part(zf: zipfile.ZipFile, limits: Limits) -> str | None:
    """The main document part: ``word/document.xml``, or the part the package's ``_rels/.rels``
    names as its office document (Word opens either)."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    try:
        rels_xml = read_member(zf, "_rels/.rels", limits, cap=1 << 20)
        rels = parse_xml(rels_xml, "_rels/.rels", limits) if rels_xml else None
    except ReportParseError:
        return None
    for rel in rels.iter(f"{_RELS}Relationship") if rels is not None else ():
        target = rel.get("Target", "")
        if _OFFICE_DOCUMENT.search(rel.get("Type", "")) and rel.get("TargetMode") != "External":
            name = posixpath.normpath(target.lstrip("/"))
            if name in names and name.endswith(".xml"):
                return name
    return None


def _not_word(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "an Excel .xlsx workbook, not a Word document"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint .pptx file, not a Word document"
    if "content.xml" in names:
        return "an OpenDocument (.odt) file; save it as .docx or .txt"
    return "a zip archive without word/document.xml, not a .docx Word document"


def read_member(zf: zipfile.ZipFile, name: str, limits: Limits, *, cap: int | None = None) -> bytes | None:
    """A member's bytes, at most its declared size and ``limits.max_xml_bytes`` (None when absent)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise UnsupportedFormatError("encrypted .docx (password-protected); remove the password first")
    most = min(limits.max_xml_bytes, cap) if cap is not None else limits.max_xml_bytes
    if info.file_size > most:
        raise LimitExceededError(f"docx member {name} expands to {info.file_size:,} bytes (limit {most:,})")
    # Read in small steps: one large read() lets zlib inflate that much before the
    # declared size cuts it, so a member lying about its size would cost its real size.
    cap = min(info.file_size, limits.max_expanded_bytes, most)
    chunks: list[bytes] = []
    got = 0
    try:
        with zf.open(info) as fh:
            while got <= cap:
                chunk = fh.read(min(_CHUNK, cap + 1 - got))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                check_time(f"reading {name}")
    except _ZIP_ERRORS as exc:
        raise InputError(f"damaged .docx ({name}: {exc})") from None
    if got > cap:
        raise LimitExceededError(f"docx member {name} expands beyond {cap:,} bytes")
    return b"".join(chunks)


def count_nodes(data: bytes) -> int:
    """Elements and attributes of an XML part, counted on the bytes before parsing: a few MB
    of ``<w:p/>`` are millions of nodes, GBs once parsed."""
    return data.count(b"<") - data.count(b"</") + data.count(b"=")


def parse_xml(data: bytes, name: str, limits: Limits | None = None):
    from lxml import etree

    head = data[:2048].lstrip()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise UnsupportedFormatError(f"docx part {name} declares a DOCTYPE/entities (refused: entity bomb?)")
    if limits is not None:
        nodes = count_nodes(data)
        if nodes > limits.max_xml_nodes:
            raise LimitExceededError(f"docx part {name} has about {nodes:,} XML elements and attributes "
                                     f"(limit {limits.max_xml_nodes:,})")
    # huge_tree lifts libxml2's depth limit from 256 to 2048 (content controls and tables in tables
    # nest deep); the size it would also lift is capped above, by bytes and by nodes.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):
            raise LimitExceededError(f"document too deeply nested ({name}: over 2,048 levels)") from None
        raise InputError(f"damaged .docx ({name}: {exc})") from None
    check_time(f"parsing {name}")
    return root


# --- numbering -------------------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 105 -> 一百零五 (Word's chineseCounting).

    >>> [chinese_number(n) for n in (1, 10, 12, 21, 105)]
    ['一', '十', '十二', '二十一', '一百零五']
    """
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + chinese_number(rest) if rest < 10 else
                                   (("一" + chinese_number(rest)) if rest < 20 else chinese_number(rest)))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


_MAX_LETTERS = 780  # Word's letter numbering ends at 780 (ZZZ...Z, 30 letters)
_MAX_ROMAN = 3999  # the largest number roman numerals write without overlines


def _roman(n: int) -> str:
    if not 0 < n <= _MAX_ROMAN:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    """1 -> A, 27 -> AA; an absurd value (a start of 10^9) stays digits instead of a GB of letters."""
    if not 0 < n <= _MAX_LETTERS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(d) + 0xFEE0) if d.isdigit() else d for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalEnclosedParen",) and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    return str(n)


_MAX_LEVEL_TEXT = 40  # characters of a level's label pattern


class Numbering:
    """Generates the list labels Word would display, in document order."""

    def __init__(self, numbering_root, styles_root) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_root is not None:
            for absn in numbering_root.iter(f"{W}abstractNum"):
                lvls = {}
                for lvl in absn.iter(f"{W}lvl"):
                    ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                    fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                    text = _val(lvl.find(f"{W}lvlText"))
                    start = _int(_val(lvl.find(f"{W}start")), 1)
                    # A label is a few characters ("第%1章", "%1.%2."); 10,000 "%1"s would make
                    # every numbered paragraph 160,000 characters (a 3 KB file, 47 million).
                    lvls[ilvl] = (fmt, (text if text is not None else "")[:_MAX_LEVEL_TEXT], start)
                self.levels[absn.get(f"{W}abstractNumId", "")] = lvls
            for num in numbering_root.iter(f"{W}num"):
                overrides = {}
                for ov in num.iter(f"{W}lvlOverride"):
                    so = ov.find(f"{W}startOverride")
                    if so is not None:
                        overrides[_int(ov.get(f"{W}ilvl"), 0)] = _int(_val(so), 1)
                self.nums[num.get(f"{W}numId", "")] = (_val(num.find(f"{W}abstractNumId")) or "", overrides)
        if styles_root is not None:
            own: dict[str, tuple[str, int]] = {}
            based_on: dict[str, str] = {}
            for style in styles_root.iter(f"{W}style"):
                style_id = style.get(f"{W}styleId", "")
                parent = _val(style.find(f"{W}basedOn"))
                if parent:
                    based_on[style_id] = parent
                numpr = style.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    num_id = _val(numpr.find(f"{W}numId"))
                    if num_id:
                        own[style_id] = (num_id, _int(_val(numpr.find(f"{W}ilvl")), 0))
            # A style inherits its numbering from the style it is based on.
            for style_id in set(own) | set(based_on):
                current, depth = style_id, 0
                while current not in own and current in based_on and depth < 20:
                    current, depth = based_on[current], depth + 1
                if current in own:
                    self.style_num[style_id] = own[current]

    def label(self, p) -> str:
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(f"{W}numPr")
            style = _val(ppr.find(f"{W}pStyle"))
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
            if numpr is not None:
                num_id = _val(numpr.find(f"{W}numId")) or num_id
                ilvl = _int(_val(numpr.find(f"{W}ilvl")), ilvl)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        # Lists sharing an abstract definition continue one count, unless one restarts it.
        counters = self.counters.setdefault(num_id if overrides else "abstract:" + abstract_id, {})
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none") and "%" not in text:
            return "" if fmt == "bullet" else text

        def level_value(k: int) -> str:
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            value = counters.get(k, overrides.get(k, kstart))
            return format_number(value, kfmt)

        out = []
        i = 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "0123456789":  # not ² or ١
                out.append(level_value(int(text[i + 1]) - 1))
                i += 2
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


def _val(el) -> str | None:
    return None if el is None else el.get(f"{W}val")


_INT_RANGE = 1 << 31  # ST_DecimalNumber is a 32-bit integer


def _int(value, default: int) -> int:
    """A decimal attribute; ``default`` when it is missing or not a 32-bit integer."""
    if value is None or len(value) > 12:
        return default
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    return n if -_INT_RANGE <= n < _INT_RANGE else default


# --- rendering ------------------------------------------------------------------------------


def _run_text(el) -> str:
    """The text of a paragraph's runs; deleted text and the fallbacks of alternate content skipped."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab" and child.getparent().tag == f"{W}r":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag in (f"{W}del", f"{W}moveFrom", f"{MC}Fallback", f"{W}pPr", f"{W}rPr", f"{W}instrText",
                         f"{W}delText"):
                continue
            else:
                walk(child)

    walk(el)
    return "".join(parts)


class Renderer:
    def __init__(self, numbering: Numbering, limits: Limits, chunks: dict[str, AltChunk] | None = None) -> None:
        self.numbering = numbering
        self.limits = limits
        self.chunks = chunks or {}
        self.cells = 0
        self.paragraphs = 0
        self.chars = 0
        self.warnings: list[str] = []

    def paragraph(self, p) -> str:
        label = self.numbering.label(p)
        return (label + _run_text(p)).strip()

    def block(self, container, lines: list[str]) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraphs += 1
                if not self.paragraphs % 2000:
                    check_time("rendering the .docx")
                for line in self.paragraph(child).split("\n"):
                    line = line.strip()
                    if line:
                        lines.append(line)
                        self.chars += len(line)
                if self.chars > self.limits.max_chars:  # counted as made, not once all is made
                    raise LimitExceededError(f"text too long ({self.chars:,} characters; "
                                             f"limit {self.limits.max_chars:,})")
            elif tag == f"{W}tbl":
                self.table(child, lines)
            elif tag == f"{W}sdt":  # content control: its content is ordinary blocks
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.block(content, lines)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                self.block(child, lines)
            elif tag == f"{W}altChunk":  # a whole imported document (HTML, .mht, text) in its own part
                chunk = self.chunks.get(child.get(f"{R}id", ""))
                if chunk is not None and chunk.lines:
                    lines.append("")
                    lines.extend(chunk.lines)
                    lines.append("")
                if chunk is not None and chunk.problem:
                    self.warnings.append(chunk.problem)

    def cell_text(self, tc) -> str:
        inner: list[str] = []
        self.block(tc, inner)
        return "".join(line.strip() for line in inner if line.strip()).replace("|", "｜")

    def table(self, tbl, lines: list[str]) -> None:
        rows: list[list[str]] = []
        for tr in tbl.iter(f"{W}tr"):
            if _enclosing_table(tr) is not tbl:
                continue
            row: list[str] = []
            trpr = tr.find(f"{W}trPr")
            before = _int(_val(trpr.find(f"{W}gridBefore")), 0) if trpr is not None else 0
            row.extend([""] * min(before, _MAX_GRID_SPAN))
            for tc in _row_cells(tr):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                vmerge = None
                if tcpr is not None:
                    span = max(1, min(_int(_val(tcpr.find(f"{W}gridSpan")), 1), _MAX_GRID_SPAN))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vmerge = vm.get(f"{W}val") or "continue"
                self.cells += span
                if self.cells > self.limits.max_table_cells:
                    raise LimitExceededError(
                        f"docx tables too large (more than {self.limits.max_table_cells:,} cells)")
                text = "" if vmerge == "continue" else self.cell_text(tc)
                row.append(text)
                row.extend([""] * (span - 1))
            rows.append(row)
        if not rows:
            return
        width = max(len(r) for r in rows)
        lines.append("")
        for row in rows:
            row = row + [""] * (width - len(row))
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")


def _enclosing_table(el):
    node = el.getparent()
    while node is not None and node.tag != f"{W}tbl":
        node = node.getparent()
    return node


def _row_cells(tr):
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from (c for c in content if c.tag == f"{W}tc")


# --- altChunk: imported documents ---------------------------------------------------------

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAX_CHUNKS = 100


@dataclass
class AltChunk:
    """An ``altChunk`` part read as lines, or the reason it was not (``problem``)."""

    lines: list[str]
    problem: str | None = None


def read_alt_chunks(zf: zipfile.ZipFile, body, limits: Limits, depth: int = 0) -> dict[str, AltChunk]:
    """The parts that ``<w:altChunk r:id=...>`` elements import (Word's "insert text from
    file", and documents exported by web systems): HTML and .mht pages and plain text are
    read; anything else (RTF, a nested .docx) is named in a warning."""
    ids = [el.get(f"{R}id", "") for el in body.iter(f"{W}altChunk")]
    if not ids:
        return {}
    rels_xml = read_member(zf, "word/_rels/document.xml.rels", limits)
    targets: dict[str, str] = {}
    external: dict[str, str] = {}
    if rels_xml:
        for rel in parse_xml(rels_xml, "word/_rels/document.xml.rels", limits).iter(f"{_RELS}Relationship"):
            if rel.get("TargetMode") != "External":
                targets[rel.get("Id", "")] = rel.get("Target", "")
            else:
                external[rel.get("Id", "")] = rel.get("Target", "")
    chunks: dict[str, AltChunk] = {}
    by_part: dict[str, AltChunk] = {}
    budget = limits.max_bytes  # all imported parts together: no more than one input file
    for rid in dict.fromkeys(ids):
        target = targets.get(rid)
        if rid in external:
            chunks[rid] = AltChunk([], f"imported content (altChunk) in another file ({external[rid][:120]}): "
                                       "not read")
            continue
        if not target:
            chunks[rid] = AltChunk([], "imported content (altChunk) whose part is missing: not read")
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
        if name not in by_part:
            try:
                size = zf.getinfo(name).file_size
            except KeyError:
                size = 0
            budget -= size
            if budget < 0 or len(by_part) >= _MAX_CHUNKS:
                raise LimitExceededError(f"docx imports too much content (altChunk: over {_MAX_CHUNKS} parts "
                                         f"or {limits.max_bytes:,} bytes)")
            by_part[name] = _read_chunk(zf, name, limits, depth)
            check_time("reading imported content (altChunk)")
        chunks[rid] = by_part[name]
    return chunks


_MAX_CHUNK_DEPTH = 3  # a .docx imported into a .docx imported into a .docx ...


def _read_chunk(zf: zipfile.ZipFile, name: str, limits: Limits, depth: int = 0) -> AltChunk:
    from . import sniff_container
    from .html import load_html, load_mhtml
    from .text import decode_text

    data = read_member(zf, name, limits, cap=limits.max_bytes)
    if data is None:
        return AltChunk([], f"imported content (altChunk) {name} is missing from the .docx: not read")
    suffix = posixpath.splitext(name)[1].lower()
    head = data[:4096].lstrip().lower()
    try:
        if suffix in (".mht", ".mhtml") or (b"mime-version" in head and b"multipart/" in head):
            loaded = load_mhtml(data, limits)
        elif suffix in (".htm", ".html", ".xhtml") or head.startswith((b"<!doctype html", b"<html")):
            loaded = load_html(data, limits)
        elif sniff_container(data) == "zip" and suffix in (".docx", ".docm", ".dotx", ".zip", ""):
            if depth >= _MAX_CHUNK_DEPTH:
                return AltChunk([], f"imported Word content (altChunk {name}) nested over {_MAX_CHUNK_DEPTH} "
                                    "levels deep: not read")
            loaded = load_docx(data, limits, depth=depth + 1)
        elif suffix == ".txt" or (sniff_container(data) is None and not head.startswith(b"{\\rtf")):
            text, _, warnings = decode_text(data)
            if len(text) > limits.max_chars:
                raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
            return AltChunk([line.strip() for line in text.splitlines() if line.strip()], None)
        else:
            kind = "RTF" if head.startswith(b"{\\rtf") else (suffix.lstrip(".") or "binary")
            return AltChunk([], f"imported {kind} content (altChunk {name}) is not read")
    except LimitExceededError:
        raise
    except ReportParseError as err:
        return AltChunk([], f"imported content (altChunk {name}) could not be read: {err}")
    return AltChunk([line for line in loaded.text.splitlines() if line.strip()], None)


def load_docx(data: bytes, limits: Limits, depth: int = 0) -> Loaded:
    """Extract the text of a .docx Word file (``depth``: inside how many importing .docx files)."""
    zf = open_package(data, limits)
    with zf:
        part = main_part(zf, limits) or "word/document.xml"
        doc_xml = read_member(zf, part, limits)
        assert doc_xml is not None
        numbering_xml = read_member(zf, "word/numbering.xml", limits)
        styles_xml = read_member(zf, "word/styles.xml", limits)
        nodes = sum(count_nodes(part) for part in (doc_xml, numbering_xml, styles_xml) if part)
        if nodes > limits.max_xml_nodes:  # counted before any is parsed, all parts together
            raise LimitExceededError(f"docx parts have about {nodes:,} XML elements and attributes "
                                     f"(limit {limits.max_xml_nodes:,})")
        document = parse_xml(doc_xml, part, limits)
        del doc_xml
        body = document.find(f"{W}body")
        if body is None:
            raise InputError("damaged .docx (no document body)")
        chunks = read_alt_chunks(zf, body, limits, depth)
    numbering = Numbering(parse_xml(numbering_xml, "word/numbering.xml", limits) if numbering_xml else None,
                          parse_xml(styles_xml, "word/styles.xml", limits) if styles_xml else None)
    lines: list[str] = []
    renderer = Renderer(numbering, limits, chunks)
    renderer.block(body, lines)
    subdocs = sum(1 for _ in body.iter(f"{W}subDoc"))
    if subdocs:  # a master document: its parts are other files
        renderer.warnings.append(f"{subdocs} sub-document(s) of a master document are other files: not read")
    text = join_lines(lines)
    if not text.strip() or (renderer.warnings and only_a_title(text)):
        if renderer.warnings:
            raise UnsupportedFormatError(f"Word 文件的正文是无法读取的嵌入内容 (no readable body: "
                                         f"{renderer.warnings[0]})")
        raise InputError("no text in the .docx document")
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
    encoding = (document.getroottree().docinfo.encoding or "utf-8").lower()
    return Loaded(text=text, container="docx", encoding=encoding, size_bytes=len(data),
                  warnings=list(dict.fromkeys(renderer.warnings)))
