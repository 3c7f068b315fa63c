"""PDF text layer: reading order, tables as pipe rows, no running headers or page numbers, wrapped lines rejoined.

The characters and their positions come from PDFium (``pypdfium2``; see
``pdf_layout`` for the layout and ``benchmarks/RESULTS.md`` for why: pypdf's
layout mode lost characters and table rows, and was quadratic on a line of
many text runs). PyMuPDF is AGPL and not an option.

:func:`load_pdf` applies, in order:

1. ``pdf_guard.check_streams`` - every non-image stream's decoded size is
   counted (never kept) against ``Limits.max_expanded_bytes`` before PDFium
   decodes anything.
2. ``read_pages`` - open (an empty user password is tried: permissions-only
   PDFs are common), count pages against ``Limits.max_pages``, then per page
   ``pdf_layout.analyse_page`` and ``render_page``: lines in reading order,
   indentation kept, ruled tables as ``| a | b |`` rows. Characters per page
   and per document are capped; the time limit is checked inside a page too.
   Each page says whether it has a text layer (:func:`text_layer_pages`).
3. ``_read_by_ocr`` - a document with no text layer (a scan), or one whose
   fonts have no Unicode map, is refused here; the place where OCR plugs in.
4. ``drop_running_lines`` - page numbers (``— 3 —``, ``第3页``, ``3/10``) and
   headers or footers repeated on most pages.
5. ``join_tables`` - a table that goes on at the top of the next page is one
   table (its repeated header rows dropped).
6. ``join_wrapped`` - a line that runs to the right margin continues on the
   next line: joined without a space (a space only between two Latin
   letters); indented lines, headings and table rows start new lines.
7. ``fix_radicals`` - Kangxi radicals and compatibility ideographs that some
   PDF fonts map to (``⼀`` for ``一``) become the ordinary characters.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter

from ..config import Limits
from ..errors import InputError, LimitExceededError, ReportParseError, UnsupportedFormatError
from . import Loaded
from .pdf_layout import Deadline, PageText

_MAX_PAGE_CHARS = 50_000  # characters on one page; a dense A4 page has about 2,000, 6 pt type 8,000
_MAX_DOC_CHARS = 400_000  # characters in a document (a report has 5,000-30,000): read in about 6 s
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one document at a time per process
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-—–－]\s*[一二三四五六七八九十]+\s*[-—–－])$"
)
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章节]"
    r"|\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|附件|附表|表[一二三四五六七八九十\d])"
)
_BARE_NUMBER = re.compile(r"\d{1,4}")
# A line opening with （三） / 第二部分 / 三、 starts a block wherever it stands; a wrapped
# line almost never begins with one.
_PART_START = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)")
_TRAILING_FIGURES = re.compile(r"(?:\s[-+]?\d+(?:\.\d+)?){3,}$")
_TABLE_SHAPE = re.compile(r"[#.,%/\-—]*")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}-\d{1,2}-\d{1,2}")
_REPORT_END = re.compile(r"(?:报告|報告|年报|年報)[)）]?$")
_SENTENCE_END = set("。！？；：!?;:")
_CELL_SPLIT = re.compile(r" {2,}")
_NUMERIC_CELL = re.compile(r"[-+]?[\d.,，%％]+|[-—/／]")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026"
_WIDE_GAP = re.compile(f"(?<=[{_WIDE}]) +(?=[{_WIDE}])")
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_WORDLIKE = re.compile(r"[\u3400-\u9fffA-Za-z]")
_UNBREAKABLE = re.compile(r"[\x21-\x7e]+")


def _width(s: str) -> int:
    """Display width in half-width units: CJK, full-width forms and, in CJK fonts, quotes count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in s)


def load_pdf(data: bytes, limits: Limits) -> Loaded:
    """Extract the text layer of a PDF."""
    from .pdf_guard import check_streams

    warnings: list[str] = []
    try:
        with _PDFIUM:
            check_streams(data, limits)
    except ReportParseError:
        raise
    except MemoryError:
        raise LimitExceededError("PDF exceeds the memory limit") from None
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is one line
        raise InputError(f"damaged PDF ({_short(exc)})") from None
    pages = read_pages(data, limits, warnings)
    if not any(text_layer_pages(pages)):
        return _read_by_ocr(data, limits, f"PDF has no text layer ({len(pages)} page(s) of images: a scan?)")
    joined = "".join(line for page in pages for line in page.lines)
    unreadable = sum(1 for ch in joined if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    if unreadable > 0.3 * len(joined.replace(" ", "")):
        return _read_by_ocr(data, limits, "PDF text layer is unreadable (fonts without a Unicode map)")
    lines = join_tables(drop_running_lines([page.lines for page in pages]))
    text = fix_radicals("\n".join(join_wrapped(lines))).strip("\n") + "\n"
    # Page numbers or a stamp alone are not a text layer.
    if len(_WORDLIKE.findall(text)) < 20:
        return _read_by_ocr(data, limits, f"PDF has no text layer ({len(pages)} page(s) of images: a scan?)")
    if len(text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(text):,} characters; limit {limits.max_chars:,})")
    return Loaded(text=text, container="pdf", encoding=None, size_bytes=len(data), warnings=warnings[:5])


def text_layer_pages(pages: list[PageText]) -> list[bool]:
    """Per page: does it have a text layer (any character)? A page without one is an image (a scan)."""
    return [page.has_text_layer for page in pages]


def _read_by_ocr(data: bytes, limits: Limits, reason: str) -> Loaded:
    """The hook to OCR (load/ocr.py, the reportparse[ocr] extra); without it, one line naming the extra."""
    from . import ocr

    if not ocr.available():
        raise UnsupportedFormatError(f"{reason}; to read it by OCR: {ocr.INSTALL_HINT}")
    loaded = ocr.load_scanned_pdf(data, limits)
    loaded.warnings.insert(0, f"{reason}: its page images were read by OCR")
    return loaded


def read_pages(data: bytes, limits: Limits, warnings: list[str]) -> list[PageText]:
    """Every page's lines; each failure inside PDFium becomes one line."""
    import pypdfium2 as pdfium

    deadline = Deadline(limits)
    try:
        with _PDFIUM:
            try:
                doc = pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                raise _open_error(exc) from None
            try:
                _check_decrypted(doc, limits)
                return _read_document(doc, limits, deadline)
            finally:
                doc.close()
    except ReportParseError:
        raise
    except MemoryError:
        raise LimitExceededError("PDF exceeds the memory limit") from None
    except RecursionError:
        raise InputError("damaged PDF (nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is one line
        raise InputError(f"damaged PDF ({_short(exc)})") from None


def _open_error(exc) -> Exception:
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return UnsupportedFormatError("encrypted PDF (password-protected); cannot read its text")
    if code == raw.FPDF_ERR_SECURITY:
        return UnsupportedFormatError("encrypted PDF with an unsupported security handler; cannot read its text")
    return InputError("damaged PDF (cannot read its structure)")


def _check_decrypted(doc, limits: Limits) -> None:
    """An encrypted file's streams are checked on a decrypted copy (written by PDFium, nothing decoded)."""
    import io

    import pypdfium2.raw as raw

    from .pdf_guard import check_streams

    if raw.FPDF_GetSecurityHandlerRevision(doc.raw) < 0:
        return
    buffer = io.BytesIO()
    doc.save(buffer, flags=raw.FPDF_REMOVE_SECURITY)
    check_streams(buffer.getvalue(), limits)


def _read_document(doc, limits: Limits, deadline: Deadline) -> list[PageText]:
    from .pdf_layout import analyse_page, half_width_unit, render_page

    count = len(doc)
    if count > limits.max_pages:
        raise LimitExceededError(f"PDF has {count:,} pages (limit {limits.max_pages:,})")
    if count == 0:
        raise InputError("PDF has no pages")
    analysed = []
    total = 0
    for index in range(count):
        deadline.check(index)
        page = doc[index]
        try:
            textpage = page.get_textpage()
            try:
                rest, tables, chars = analyse_page(page, textpage, _MAX_PAGE_CHARS, deadline, index)
            finally:
                textpage.close()
        finally:
            page.close()
        total += chars
        cap = min(limits.max_chars, _MAX_DOC_CHARS)
        if total > cap:
            raise LimitExceededError(f"PDF text too long (over {cap:,} characters by page {index + 1})")
        analysed.append((rest, tables, chars))
    unit = half_width_unit([c for rest, _, _ in analysed for c in rest])
    pages = []
    for rest, tables, chars in analysed:
        pages.append(PageText(lines=render_page(rest, tables, unit), has_text_layer=chars > 0, chars=chars,
                              tables=len(tables)))
    return pages


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split()) or type(exc).__name__
    return msg[:120]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and headers/footers repeated on most pages."""
    def edges(lines: list[str]) -> list[int]:
        idx = [i for i, line in enumerate(lines) if line.strip()]
        return sorted(set(idx[:2] + idx[-2:]))

    repeated: set[str] = set()
    if len(pages) >= 2:
        counts = Counter()
        for lines in pages:
            counts.update({_shape(lines[i]) for i in edges(lines)})
        # Headers and footers are short; a repeated table row of numbers is not one.
        repeated = {shape for shape, n in counts.items()
                    if shape and len(shape) <= 40 and n >= max(2, len(pages) * 0.5)
                    and not _TABLE_SHAPE.fullmatch(shape)}
    offsets = _bare_page_number_offsets(pages, edges)
    out = []
    for number, lines in enumerate(pages):
        drop = set()
        for i in edges(lines):
            stripped = lines[i].strip()
            if stripped.startswith("|"):
                continue  # a table row, however often its shape repeats
            if _BARE_NUMBER.fullmatch(stripped):
                # A lone figure is a page number only when the pages count up with it;
                # otherwise it is a table cell that happens to end the page.
                if int(stripped) - number in offsets:
                    drop.add(i)
            # A header repeating the title is the title itself on the first page.
            elif _PAGE_NUMBER.match(stripped) or (number and _shape(lines[i]) in repeated):
                drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def join_tables(pages: list[list[str]]) -> list[list[str]]:
    """A table going on at the top of the next page loses the header rows it repeats there."""
    out: list[list[str]] = []
    for lines in pages:
        lines = list(lines)
        prev = _last_table(out[-1]) if out else []
        body = [line for line in lines if line.strip()]
        if prev and body and body[0].startswith("|") and body[0].count("|") == prev[0].count("|"):
            first = lines.index(body[0])
            k = 0
            while (first + k < len(lines) and k < len(prev) and lines[first + k] == prev[k]
                   and not any(ch.isdigit() for ch in lines[first + k])):
                k += 1
            del lines[first:first + k]
        out.append(lines)
    return out


def _last_table(lines: list[str]) -> list[str]:
    """The rows of the table that ends the page (none when text follows it)."""
    body = [line for line in lines if line.strip()]
    if not body or not body[-1].startswith("|"):
        return []
    end = len(body)
    start = end
    while start > 0 and body[start - 1].startswith("|"):
        start -= 1
    return body[start:end]


def _bare_page_number_offsets(pages: list[list[str]], edges) -> set[int]:
    """Offsets ``n - page_index`` shared by the lone numbers at the edges of most pages."""
    counts: Counter = Counter()
    for number, lines in enumerate(pages):
        counts.update({int(lines[i].strip()) - number for i in edges(lines)
                       if _BARE_NUMBER.fullmatch(lines[i].strip())})
    need = max(2, len(pages) * 0.5) if len(pages) > 1 else 1
    return {offset for offset, n in counts.items() if n >= need and -1 <= offset <= 3}


def _is_table_row(stripped: str) -> bool:
    """Cells apart by 2+ spaces: four or more, or a number among them, or three short ones.

    Prose lines can show a stray 2-3 space gap where a font's widths are unknown
    (layout mode places each text run on a fixed grid), so one gap inside long
    prose is not a table.
    """
    if _TRAILING_FIGURES.search(stripped):
        return True  # a label followed by its row of figures, single-spaced
    chunks = _CELL_SPLIT.split(stripped)
    if len(chunks) < 2:
        return False
    if len(chunks) >= 4 or any(_NUMERIC_CELL.fullmatch(c) for c in chunks):
        return True
    return len(chunks) >= 3 and max(_width(c) for c in chunks) <= 20


def _prose(stripped: str) -> str:
    """A prose line without the spaces layout mode leaves between CJK characters."""
    return _WIDE_GAP.sub("", stripped)


def join_wrapped(pages: list[list[str]]) -> list[str]:
    """Rejoin lines that wrap at the right margin; keep paragraphs, headings and table rows apart."""
    lines = [line for lines in pages for line in lines if line.strip()]
    if not lines:
        return []
    indents = [len(line) - len(line.lstrip()) for line in lines]
    tables = [line.lstrip().startswith("|") or _is_table_row(line.strip()) for line in lines]
    lines = [line.strip() if table else _prose(line.strip()) for line, table in zip(lines, tables, strict=True)]
    prose = [_width(line) + ind for line, ind, table in zip(lines, indents, tables, strict=True) if not table]
    widths = sorted(prose) or [0]
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else widths[-1]
    margin = min((ind for ind, table in zip(indents, tables, strict=True) if not table), default=0)
    out: list[str] = []
    last_end = -1  # where the last line of ``out`` ended (width units); -1: it cannot continue
    title_open = False  # the last line of ``out`` is a centred title line that may go on
    for number, (stripped, indent, table) in enumerate(zip(lines, indents, tables, strict=True)):
        # A long title wraps onto a second centred line (某某县人民政府 / 2019年...年度报告).
        # Layout mode sets large type one character per column, so centring is not measured:
        # two indented opening lines, the second ending the title.
        centred = not table and indent >= margin + 4
        if title_open and centred and _REPORT_END.search(stripped) and len(stripped) <= 40:
            out[-1] += stripped
            title_open = False
            last_end = -1
            continue
        title_open = (number < 3 and centred and len(stripped) <= 30 and not _REPORT_END.search(stripped)
                      and stripped[-1:] not in _SENTENCE_END and not _DATE.search(stripped))
        # After a sentence end, a numbered line is a heading or list item even at the margin.
        heading = bool(out) and (bool(_PART_START.match(stripped)) or (
            bool(_HEADING_START.match(stripped)) and (out[-1][-1:] in _SENTENCE_END or out[-1][-1:].isdigit())))
        starts_block = table or indent >= margin + 2 or heading
        # A line continues when it reached the margin, or when the next line's first unbreakable
        # Latin/number token (0731-5552018, a URL) would not have fitted in what was left.
        token = _UNBREAKABLE.match(stripped)
        room = _width(token.group()) if token and out and out[-1][-1:] not in "。！？!?" else 0
        if last_end >= 0 and not starts_block and max(last_end, last_end + room) >= full - 4:
            prev = out[-1]
            sep = " " if _LATIN.match(prev[-1:]) and _LATIN.match(stripped[:1]) else ""
            out[-1] = prev + sep + stripped
        else:
            out.append(stripped)
        last_end = -1 if table else _width(stripped) + indent
    return out


def fix_radicals(text: str) -> str:
    """Kangxi radicals / compatibility ideographs to unified ideographs (NFKC, for those only).

    >>> fix_radicals("⼀、概述")
    '一、概述'
    """
    def repl(m: re.Match[str]) -> str:
        fixed = unicodedata.normalize("NFKC", m.group())
        return fixed if len(fixed) == 1 else m.group()

    return _RADICALS.sub(repl, text)
