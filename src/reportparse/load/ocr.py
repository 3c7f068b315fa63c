"""Scanned reports: page images read by offline OCR (the optional extra ``reportparse[ocr]``).

The engine is RapidOCR (``rapidocr_onnxruntime``, Apache-2.0): the PP-OCRv4
Chinese detection and recognition models ship inside its wheel and run on the
CPU with onnxruntime. Nothing is downloaded at run time and no socket is opened.
PDF pages are rendered with pypdfium2 (also in the extra). Without the extra a
scan is refused with one line that names it (:data:`INSTALL_HINT`); this module
imports nothing heavy until a scan is actually read, so the CLI starts as fast.

A page goes through, in order:

1. ``check_pixels`` - the page's size is known before anything is decoded
   (PDF page box, image header); pages past ``Limits.max_ocr_pages`` or
   ``Limits.max_pixels`` are refused in one line.
2. ``clean`` - the red (or blue) round stamp over the signature is removed
   by colour; the page becomes grey.
3. ``deskew`` - the skew (a sheet fed at 1-2 degrees) is measured on a small
   copy by the projection profile and undone, so lines and rulings are level.
4. ``recognise`` - text boxes detected on a reduced copy, each recognised on
   the full-resolution page with a confidence per character.
5. ``find_tables`` - ruled tables from the page's own rulings: row bands
   between horizontal rules, cells between the vertical rules crossing each
   band; a table becomes ``| a | b |`` pipe rows (what ``tables/`` reads).
6. ``page_lines`` - other boxes grouped into lines by vertical overlap, left
   to right; lines top to bottom; an unruled block of aligned boxes becomes
   pipe rows by its columns.
7. ``join_lines`` - lines that run to the right margin continue on the next
   line (paragraphs rejoined); page numbers dropped.

The text keeps a confidence per character: :class:`OcrText` says which spans
rest on low-confidence characters, and :func:`value_warnings` names the
report's values (and table cells) that do.
"""

from __future__ import annotations

import importlib.util
import re
import time
from dataclasses import dataclass, field

from ..config import Limits
from ..errors import InputError, LimitExceededError, UnsupportedFormatError

INSTALL_HINT = "pip install 'reportparse[ocr]'"
ENGINE = "rapidocr_onnxruntime (PP-OCRv4)"
DPI = 200  # PDF pages are rendered at this resolution
LOW_CONFIDENCE = 0.80  # a character recognised below this is "low confidence"
DET_SIDE = 1280  # longest side of the copy text boxes are detected on (pixels; 1600: 3x the time, same boxes)
_SECONDS_PER_PAGE = 120.0  # OCR time budget per page, generous for a busy machine (the document gets at least Limits.max_seconds)

_PAGE_NUMBER = re.compile(r"^[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*$|^第\s*\d{1,4}\s*页.*$|^\d{1,4}\s*/\s*\d{1,4}$")
_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章节]"
    r"|\d{1,2}[、.．](?!\d)|附件|附表|表[一二三四五六七八九十\d])")
_SENTENCE_END = set("。！？；：!?;:")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ALNUM_SIGN = re.compile(r"[A-Za-z0-9.%\-]")  # a space between these is kept ("212 -4 136")
_DIGITS = re.compile(r"\d[\d.,]*")


def available() -> bool:
    """True when the OCR extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("rapidocr_onnxruntime", "onnxruntime", "pypdfium2", "numpy", "cv2"))


def _require(what: str) -> None:
    if not available():
        raise UnsupportedFormatError(f"{what}; OCR is not installed, to read it: {INSTALL_HINT}")


# --- results ---------------------------------------------------------------------------------

@dataclass
class Box:
    """One recognised text box on a deskewed page (pixels), with a confidence per character."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confs: list[float]

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Line:
    """A line of output: characters and their confidences (1.0 for what layout added)."""

    chars: list[tuple[str, float]]
    x0: float = 0.0
    x1: float = 0.0
    y: float = 0.0
    table: bool = False
    cells: list[tuple[str, float]] | None = None  # table rows: (cell text, lowest confidence)
    edge: bool = False  # in the top or bottom tenth of its page (where running headers stand)

    @property
    def text(self) -> str:
        return "".join(c for c, _ in self.chars)


@dataclass
class OcrText:
    """What OCR read: text, a confidence per character, and notes on doubtful table cells."""

    text: str
    confs: list[float]
    pages: list[int]  # 1-based page numbers read by OCR
    seconds: float
    cell_notes: list[str] = field(default_factory=list)

    @property
    def mean_confidence(self) -> float:
        read = [c for c, ch in zip(self.confs, self.text) if not ch.isspace() and ch != "|"]
        return round(sum(read) / len(read), 4) if read else 0.0

    def low_spans(self, threshold: float = LOW_CONFIDENCE) -> list[tuple[int, int]]:
        """``(start, end)`` offsets of runs of characters recognised below ``threshold``."""
        spans: list[tuple[int, int]] = []
        start = None
        for i, conf in enumerate([*self.confs, 1.0]):
            if conf < threshold and start is None:
                start = i
            elif conf >= threshold and start is not None:
                spans.append((start, i))
                start = None
        return spans


# --- the engine -------------------------------------------------------------------------------

_ENGINE = None


def _engine():
    """One RapidOCR per process (1-2 s to load the models), offline, without the angle classifier."""
    global _ENGINE
    if _ENGINE is None:
        import logging

        from rapidocr_onnxruntime import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _no_spinning()
        _ENGINE = RapidOCR(use_cls=False, print_verbose=False)
    return _ENGINE


def _no_spinning() -> None:
    """onnxruntime's threads busy-wait between runs by default: on a shared or busy machine
    (a batch over all cores) that doubles the CPU time of recognition. Turned off."""
    try:
        from rapidocr_onnxruntime.utils import infer_engine
    except ImportError:
        return
    session = getattr(infer_engine, "OrtInferSession", None)
    original = getattr(session, "_init_sess_opts", None)
    if original is None or getattr(original, "_reportparse", False):
        return

    def options(config):
        opts = original(config)
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return opts

    options._reportparse = True
    session._init_sess_opts = staticmethod(options)


# --- step 1: sizes before decoding -------------------------------------------------------------

def check_pixels(width: float, height: float, limits: Limits, what: str) -> None:
    if width <= 0 or height <= 0:
        raise InputError(f"{what} has no size")
    if width * height > limits.max_pixels:
        raise LimitExceededError(f"{what} is {int(width):,}×{int(height):,} pixels "
                                 f"(limit {limits.max_pixels:,} pixels)")


def check_page_count(count: int, limits: Limits, what: str) -> None:
    if count > limits.max_ocr_pages:
        raise LimitExceededError(f"{what} has {count:,} page images (OCR reads at most {limits.max_ocr_pages:,})")


# --- step 2 and 3: clean and level the page ----------------------------------------------------

def clean(rgb):
    """Grey page without coloured ink: each pixel's brightest channel.

    Print is dark in every channel and stays dark; a red (or blue) stamp is bright
    in its own channel and fades to paper, also where it lies over print, whose
    strokes keep their full shape.
    """
    import numpy as np

    grey = rgb.max(axis=2)
    # Bright saturated ink (the stamp's own strokes, faint or strong) is paper; print under the
    # stamp, even the soft edges of its strokes, is darker and stays.
    grey[((grey.astype(np.int16) - rgb.min(axis=2)) > 60) & (grey >= 170)] = 255
    return grey


def skew_angle(grey) -> float:
    """The page's skew in degrees, by the projection profile of a small copy (0 when level)."""
    import cv2
    import numpy as np

    h, w = grey.shape
    scale = 800 / max(h, w)
    small = cv2.resize(grey, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    ink = (small < 150).astype(np.float32)
    if ink.sum() < 50:
        return 0.0
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]), flags=cv2.INTER_NEAREST)
        rows = rotated.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-4.0, 4.01, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.26, 0.05), key=sharpness)
    return float(best)


def deskew(grey):
    import cv2

    angle = skew_angle(grey)
    if abs(angle) < 0.1:
        return grey
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


# --- step 4: boxes and characters --------------------------------------------------------------

def recognise(grey) -> list[Box]:
    """Text boxes (axis-aligned after deskew) with their text and per-character confidences."""
    import cv2
    import numpy as np

    engine = _engine()
    h, w = grey.shape
    bgr = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    scale = min(1.0, DET_SIDE / max(h, w))
    small = bgr if scale == 1.0 else cv2.resize(bgr, (int(w * scale), int(h * scale)),
                                                interpolation=cv2.INTER_AREA)
    found, _ = engine.text_det(small)
    if found is None or len(found) == 0:
        return []
    quads = [np.asarray(q, dtype=np.float32) / scale for q in found]
    crops = engine.get_crop_img_list(bgr, quads)
    results, _ = engine.text_rec(crops, True)
    del crops, bgr, small
    boxes = []
    for quad, result in zip(quads, results):
        xs, ys = quad[:, 0], quad[:, 1]
        x0, y0, x1, y1 = float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())
        text, confs, centres = _characters(result, x0, x1)
        if centres is not None and _FIGURE_PAIR.search(text):
            text, confs, centres = space_figures(text, confs, centres, ink_blobs(grey, x0, y0, x1, y1))
        text, confs = _tidy(text, confs)
        if not text.strip():
            continue
        boxes.append(Box(x0, y0, x1, y1, text, confs))
    return boxes


def _characters(result, x0: float, x1: float) -> tuple[str, list[float], list[float] | None]:
    """Text, per-character confidences and (when the recogniser gives them) each character's
    x centre on the page, from the CTC columns it was decoded at."""
    text, mean = result[0], result[1]
    if len(result) > 2 and len(result[2]) >= 5:
        ncol, _, word_cols, _, confs = result[2][:5]
        cols = [c for word in word_cols for c in word]
        confs = [float(c) for c in confs]
        if len(confs) == len(text) and len(cols) == len(text) and ncol:
            step = (x1 - x0) / ncol
            return text, confs, [x0 + (c + 0.5) * step for c in cols]
        if len(confs) == len(text):
            return text, confs, None
    return text, [float(mean)] * len(text), None


def ink_blobs(grey, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int, int]]:
    """The box's glyphs as runs of inked columns: ``(x start, x end, ink height)`` on the page."""
    import numpy as np

    h, w = grey.shape
    a, b = max(0, int(x0)), min(w, int(x1) + 1)
    top, bottom = max(0, int(y0)), min(h, int(y1) + 1)
    if b - a < 2 or bottom - top < 2:
        return []
    ink = grey[top:bottom, a:b] < 140
    ink[ink.mean(axis=1) > 0.5] = False  # a table rule along the box is no glyph
    columns = ink.any(axis=0)
    out = []
    for s, e in _runs(columns):
        rows = np.flatnonzero(ink[:, s:e].any(axis=1))
        out.append(Blob(a + s, a + e, top + int(rows[0]), top + int(rows[-1]) + 1))
    return out


@dataclass
class Blob:
    """A run of inked columns inside a text box (a glyph, or glyphs touching): page pixels."""

    x0: float
    x1: float
    y0: float
    y1: float


_FIGURES = set("0123456789０１２３４５６７８９")
_SIGNS = set(".-－%．")
_DOTS = set(".．,，·")
_MARKS = set(":：;；'`、")  # never inside a printed figure: between two, a speck of dust
_FIGURE_PAIR = re.compile(r"[0-9０-９][.．,，·\-－%]?[0-9０-９\-－]")
SPACE_PITCH = 0.8  # figures whose centres stand this many digit heights apart had a space between them


def _owners(text: str, centres: list[float], blobs: list[Blob]) -> list[int]:
    """The glyph (blob index) each character stands on.

    The CTC positions are coarse (a column is 8 pixels of the normalised line),
    so a run of figures is matched to the glyphs around it in order when their
    counts agree (specks the recogniser ignored left out); otherwise each
    character takes the glyph whose centre is nearest.
    """
    def nearest(x: float) -> int:
        return min(range(len(blobs)), key=lambda k: abs(x - (blobs[k].x0 + blobs[k].x1) / 2))

    owner = [nearest(x) for x in centres]
    kinds = _FIGURES | _SIGNS | _DOTS | _MARKS
    i = 0
    while i < len(text):
        if text[i] not in kinds:
            i += 1
            continue
        j = i
        while j < len(text) and text[j] in kinds:
            j += 1
        first, last = owner[i], owner[j - 1]
        window = list(range(first, last + 1))
        if len(window) != j - i:
            # leave out specks: glyphs much smaller than the run's figures, where no dot was read
            tall = max(blobs[k].y1 - blobs[k].y0 for k in window)
            dots = sum(1 for ch in text[i:j] if ch in _DOTS or ch in "-－")
            small = [k for k in window if blobs[k].y1 - blobs[k].y0 < 0.4 * tall]
            if len(small) > dots:
                window = [k for k in window if k not in small or k in owner[i:j]]
        if len(window) == j - i:
            owner[i:j] = window
        i = j
    return owner


def space_figures(text: str, confs: list[float], centres: list[float],
                  blobs: list[Blob]) -> tuple[str, list[float], list[float]]:
    """Put back the spaces the recogniser dropped between figures printed apart.

    An unruled table printed with spaces or tabs ("行政许可 146 18 370") reads
    as one run of figures ("14618370"). Each character is placed on its glyph
    (the run of inked columns holding its CTC position); two figures whose
    glyph centres stand further apart than a digit's advance had a space (or a
    tab) between them. A dot between figures that is not on the baseline, or
    stands alone in a wide gap, is a speck of dust, not a decimal point: it
    becomes a space and the figures beside it are marked doubtful.
    """
    if not blobs or len(centres) != len(text):
        return text, confs, centres
    owner = _owners(text, centres, blobs)
    digits = [blobs[owner[i]] for i, ch in enumerate(text) if ch in _FIGURES and owner[i] is not None]
    if not digits:
        return text, confs, centres
    digit_height = max(4.0, sorted(b.y1 - b.y0 for b in digits)[len(digits) // 2])
    em = digit_height / 0.7
    baseline = sorted(b.y1 for b in digits)[len(digits) // 2]
    # Where each character's centre is estimated: its share of the glyph run it stands on.
    shares: dict[int, list[int]] = {}
    for i, k in enumerate(owner):
        shares.setdefault(k, []).append(i)
    centre = list(centres)
    for k, members in shares.items():
        b = blobs[k]
        for n, i in enumerate(members):
            centre[i] = b.x0 + (n + 0.5) * (b.x1 - b.x0) / len(members)
    # Figures advance about 0.5 em (0.65-0.75 of their height); a space adds 0.15-0.5 em. The
    # line's own pitches, when they fall in two groups, say where the space starts.
    # Only figures ending the box are a table row's cells; figures inside prose (dates, counts
    # followed by a measure word) are never split.
    tail = len(text)
    while tail and (text[tail - 1] in _FIGURES or text[tail - 1] in _SIGNS or text[tail - 1] in _DOTS
                    or text[tail - 1] in _MARKS or text[tail - 1] == " "):
        tail -= 1
    pitches = sorted(centre[i + 1] - centre[i] for i in range(tail, len(text) - 1)
                     if text[i] in _FIGURES and text[i + 1] in _FIGURES and owner[i] != owner[i + 1])
    threshold = SPACE_PITCH * digit_height
    jumps = [(b - a, (a + b) / 2) for a, b in zip(pitches, pitches[1:])]
    if jumps:
        size, middle = max(jumps)
        lower = middle - size / 2
        if size >= 0.2 * digit_height and lower <= 0.76 * digit_height:
            threshold = max(middle, 0.72 * digit_height)
    confs = list(confs)
    dust: set[int] = set()
    # a speck between the label and its first figure ("执法案卷.0 0 0"): no figure starts with a dot
    lead = tail
    while lead < len(text) and text[lead] == " ":
        lead += 1
    if lead + 1 < len(text) and text[lead] in _DOTS | _MARKS and text[lead + 1] in _FIGURES:
        dust.add(lead)
        confs[lead + 1] = min(confs[lead + 1], 0.6)
    for i, ch in enumerate(text):
        if i >= tail and ch in _MARKS and 0 < i < len(text) - 1 and text[i - 1] in _FIGURES \
                and text[i + 1] in _FIGURES:
            dust.add(i)
            confs[i - 1] = min(confs[i - 1], 0.5)
            confs[i + 1] = min(confs[i + 1], 0.5)
            continue
        if ch in _DOTS and 0 < i < len(text) - 1 and text[i - 1] in _FIGURES and text[i + 1] in _FIGURES:
            dot = blobs[owner[i]]
            left = dot.x0 - blobs[owner[i - 1]].x1 if owner[i - 1] != owner[i] else 0.0
            right = blobs[owner[i + 1]].x0 - dot.x1 if owner[i + 1] != owner[i] else 0.0
            alone = owner[i - 1] != owner[i] != owner[i + 1]
            off_line = alone and (dot.y1 < baseline - 0.2 * em or dot.y0 < baseline - 0.35 * em)
            # a printed point is at least a seventh of a figure's height across; dust can be smaller
            speck = alone and max(dot.x1 - dot.x0, dot.y1 - dot.y0) < 0.15 * digit_height
            if off_line or speck or left + right >= 0.5 * em:
                # a speck of dust, not a decimal point: the figures either side are doubtful
                dust.add(i)
                confs[i - 1] = min(confs[i - 1], 0.5)
                confs[i + 1] = min(confs[i + 1], 0.5)
    out_t: list[str] = []
    out_c: list[float] = []
    out_x: list[float] = []
    prev = None  # index of the last character kept
    for i, ch in enumerate(text):
        if i in dust:
            if out_t and out_t[-1] != " ":
                out_t.append(" ")
                out_c.append(1.0)
                out_x.append(centre[i])
            prev = None
            continue
        if prev is not None and i > tail and out_t[-1] != " " and ch != " " and owner[prev] != owner[i]:
            a, b = text[prev], ch
            apart = False
            if a in _FIGURES and b in _FIGURES:
                pitch = centre[i] - centre[prev]
                gap = blobs[owner[i]].x0 - blobs[owner[prev]].x1
                apart = pitch >= threshold and gap >= 0.2 * digit_height
                if abs(pitch - threshold) < 0.04 * digit_height:
                    apart = gap >= 0.3 * digit_height
                    # too close to call: whichever way it is read, the figures are doubtful
                    confs[prev] = min(confs[prev], 0.6)
                    confs[i] = min(confs[i], 0.6)
                    if out_c:
                        out_c[-1] = min(out_c[-1], 0.6)
            elif a in _FIGURES | _SIGNS and b in _FIGURES | _SIGNS:
                apart = blobs[owner[i]].x0 - blobs[owner[prev]].x1 >= 0.22 * em
            if apart:
                out_t.append(" ")
                out_c.append(1.0)
                out_x.append((centre[i] + centre[prev]) / 2)
        out_t.append(ch)
        out_c.append(confs[i])
        out_x.append(centres[i])
        prev = i
    return "".join(out_t), out_c, out_x


def _tidy(text: str, confs: list[float]) -> tuple[str, list[float]]:
    """Trim spaces; full-width digits and letters to ASCII (as the text layers print them)."""
    out_t, out_c = [], []
    for ch, conf in zip(text, confs):
        if "０" <= ch <= "９" or "Ａ" <= ch <= "ｚ":
            ch = chr(ord(ch) - 0xFEE0)
        out_t.append(ch)
        out_c.append(float(conf))
    while out_t and out_t[-1].isspace():
        out_t.pop()
        out_c.pop()
    while out_t and out_t[0].isspace():
        out_t.pop(0)
        out_c.pop(0)
    # A speck of dust after a list number reads as a middle dot: 一、·总体情况.
    for i in range(len(out_t) - 1, 0, -1):
        if out_t[i] in "·•" and out_t[i - 1] in "、，。.．":
            del out_t[i], out_c[i]
    # The recogniser puts spaces after CJK punctuation and between wide characters; print has none.
    keep = [not (ch == " " and 0 < i < len(out_t) - 1
                 and not (_ALNUM_SIGN.match(out_t[i - 1]) and _ALNUM_SIGN.match(out_t[i + 1])))
            for i, ch in enumerate(out_t)]
    return ("".join(ch for ch, k in zip(out_t, keep) if k),
            [c for c, k in zip(out_c, keep) if k])


# --- step 5: ruled tables ----------------------------------------------------------------------

@dataclass
class Table:
    x0: int
    y0: int
    x1: int
    y1: int
    rows: list[tuple[int, int, list[int]]]  # (band top, band bottom, cell separators x)


def _runs(flags) -> list[tuple[int, int]]:
    """Index runs where ``flags`` is true."""
    out, start = [], None
    for i, f in enumerate([*list(flags), False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i))
            start = None
    return out


def find_tables(grey) -> list[Table]:
    """Ruled tables: long horizontal rules stacked close together, cells between vertical rules.

    Lengths are in inches of paper (the page is taken to be A4 wide), so text
    strokes never pass for rules: a horizontal rule is at least 0.6 in long; a
    vertical one must cross nearly all of a row band between two rules.
    """
    import cv2
    import numpy as np

    h, w = grey.shape
    dpi = max(w, h * 0.707) / 8.27
    ink = (grey < 170).astype(np.uint8) * 255
    # Bridge the gaps noise and JPEG leave in thin rules, then keep only long strokes.
    horiz = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (int(0.6 * dpi), 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(8, int(0.08 * dpi)))))
    # Each horizontal rule: (y, x0, x1), thick rules merged.
    count, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(horiz, np.ones((3, 3), np.uint8)))
    rules = sorted((int(stats[i][1] + stats[i][3] // 2), int(stats[i][0]), int(stats[i][0] + stats[i][2]))
                   for i in range(1, count) if stats[i][2] >= 0.12 * w)
    # Rules stacked within a tall row of each other, overlapping in x, make one table.
    groups: list[list[tuple[int, int, int]]] = []
    for rule in rules:
        for group in groups:
            y, x0, x1 = group[-1]
            if rule[0] - y <= 1.2 * dpi and min(x1, rule[2]) - max(x0, rule[1]) > 0.5 * (rule[2] - rule[1]):
                group.append(rule)
                break
        else:
            groups.append([rule])
    tables = []
    for group in groups:
        if len(group) < 2:
            continue
        x0 = min(r[1] for r in group)
        x1 = max(r[2] for r in group)
        ys = [group[0][0]]
        for y, _, _ in group[1:]:
            if y - ys[-1] > 0.05 * dpi:
                ys.append(y)
        # A band crossed by vertical rules is a table row; a band without any (the gap between
        # two tables, a heading between them) ends the table.
        rows: list[tuple[int, int, list[int]]] = []
        for top, bottom in [*zip(ys, ys[1:]), (None, None)]:
            seps: list[int] = []
            if top is not None:
                inner = vert[top + 3:bottom - 2, max(0, x0 - 3):x1 + 4] > 0
                if inner.shape[0]:
                    crossing = inner.sum(axis=0) >= inner.shape[0] * 0.8
                    seps = [max(0, x0 - 3) + (a + b) // 2 for a, b in _runs(crossing)]
            if len(seps) >= 2:
                rows.append((top, bottom, seps))
            elif rows:
                tables.append(Table(min(r[2][0] for r in rows), rows[0][0],
                                    max(r[2][-1] for r in rows), rows[-1][1], rows))
                rows = []
    return tables


def _join_boxes(boxes: list[Box]) -> list[tuple[str, float]]:
    """Boxes of one line or cell, in reading order, as characters with confidences."""
    chars: list[tuple[str, float]] = []
    for line in _group_lines(boxes):
        for box in sorted(line, key=lambda b: b.x0):
            if chars and _ALNUM.match(chars[-1][0]) and _ALNUM.match(box.text[:1]):
                chars.append((" ", 1.0))
            chars.extend(zip(box.text, box.confs))
    return chars


def _group_lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into lines: a box joins a line it overlaps vertically by half its height."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b.cy):
        for line in lines:
            top = max(b.y0 for b in line)
            bottom = min(b.y1 for b in line)
            overlap = min(bottom, box.y1) - max(top, box.y0)
            if overlap >= 0.5 * min(box.height, bottom - top):
                line.append(box)
                break
        else:
            lines.append([box])
    lines.sort(key=lambda line: min(b.y0 for b in line))
    return lines


def _split(box: Box, seps: list[int]) -> list[tuple[int, Box]]:
    """A box spanning several cells (the detector joined them across a rule), split by the
    characters' estimated positions: wide characters count 2 units, narrow ones 1."""
    units = [1 if ord(ch) < 0x2E80 else 2 for ch in box.text]
    total = sum(units) or 1
    pieces: dict[int, list[int]] = {}
    pos = 0
    for i, u in enumerate(units):
        centre = box.x0 + (box.x1 - box.x0) * (pos + u / 2) / total
        pos += u
        for k in range(len(seps) - 1):
            if seps[k] <= centre < seps[k + 1]:
                pieces.setdefault(k, []).append(i)
                break
    out = []
    for k, idx in pieces.items():
        text = "".join(box.text[i] for i in idx).strip()
        if text:
            out.append((k, Box(max(box.x0, seps[k]), box.y0, min(box.x1, seps[k + 1]), box.y1, text,
                               [box.confs[i] for i in idx if not box.text[i].isspace()])))
    return out


_DASHES = re.compile(r"[-—–一_－~=二]+")
_ZERO_LIKE = {"。": "0", "o": "0", "O": "0", "D": "0", "〇": "0", "○": "0"}


def _cell_text(chars: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A cell as printed: a dash rule stays ``---``; in a number, look-alikes of 0 become 0 and
    stray dots or colons at its ends go (confidences kept, so they stay flagged)."""
    text = "".join(c for c, _ in chars)
    if _DASHES.fullmatch(text) and not text.startswith("二"):
        return [("-", p) for p in (min(p for _, p in chars),) * 3]
    mapped = [(_ZERO_LIKE.get(c, c), p) for c, p in chars]
    core = "".join(c for c, _ in mapped).strip(".:：·,，'` ")
    if core and re.fullmatch(r"\d+(?:\.\d+)?", core):
        start = "".join(c for c, _ in mapped).index(core)
        return mapped[start:start + len(core)]
    return chars


def table_lines(table: Table, boxes: list[Box]) -> list[Line]:
    """The table's rows as pipe rows; cells by the rules, each cell's boxes in reading order."""
    out = []
    for top, bottom, seps in table.rows:
        cells: list[list[Box]] = [[] for _ in range(len(seps) - 1)]
        for box in boxes:
            if top <= box.cy < bottom:
                for k, piece in _split(box, seps):
                    cells[k].append(piece)
        if not any(cells):
            continue
        chars: list[tuple[str, float]] = [("|", 1.0)]
        row_cells: list[tuple[str, float]] = []
        _add_cells(chars, row_cells, cells)
        out.append(Line(chars, table.x0, table.x1, top, table=True, cells=row_cells))
    return out


def read_regions(grey, regions: list[tuple[int, int, int, int]]) -> list[Box | None]:
    """Each region (the ink found in a cell) recognised from its own crop."""
    import cv2

    if not regions:
        return []
    engine = _engine()
    crops = []
    for x0, y0, x1, y1 in regions:
        pad = 4
        crop = grey[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad]
        crops.append(cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR))
    results, _ = engine.text_rec(crops, True)
    out: list[Box | None] = []
    for (x0, y0, x1, y1), result in zip(regions, results):
        text, confs, _ = _characters(result, x0, x1)
        text, confs = _tidy(text, confs)
        out.append(Box(x0, y0, x1, y1, text, confs) if text.strip() else None)
    return out


def ink_region(grey, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int] | None:
    """The box around the strokes in a region (strokes at least 1/20 inch tall: dust is smaller)."""
    import cv2
    import numpy as np

    h, w = grey.shape
    dpi = max(w, h * 0.707) / 8.27
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if y1 - y0 < 6 or x1 - x0 < 6:
        return None
    ink = (grey[y0:y1, x0:x1] < 160).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    marks = [stats[i] for i in range(1, count) if stats[i][3] >= 0.05 * dpi]
    if not marks:
        return None
    return (x0 + min(m[0] for m in marks), y0 + min(m[1] for m in marks),
            x0 + max(m[0] + m[2] for m in marks), y0 + max(m[1] + m[3] for m in marks))


def fill_unruled_gaps(grey, boxes: list[Box], tables: list[Table]) -> list[Box]:
    """Figures the detector missed in an aligned unruled table, read from the ink in their column."""
    regions = [r for gap in unruled_gaps(boxes, tables) if (r := ink_region(grey, *gap)) is not None]
    return [b for b in read_regions(grey, regions) if b is not None and _figure_box(b)]


def doubtful(box: Box) -> bool:
    """A box read as nothing a cell holds: mostly low confidence, or a lone mark of punctuation
    (a figure beside a rule its crop caught: ``1`` read as ``、``)."""
    mean = sum(box.confs) / max(1, len(box.confs))
    return mean < 0.5 or (len(box.text) <= 2 and not any(ch.isalnum() for ch in box.text)
                          and not _DASHES.fullmatch(box.text))


def fill_empty_cells(grey, tables: list[Table], boxes: list[Box]) -> list[Box]:
    """Cells with ink but no readable box - a lone small figure the detector missed, or read
    from a crop that caught the cell's rule - recognised again from the cell's own inside.
    The doubtful boxes are taken out of ``boxes`` (in place) when the cell is read again."""
    import cv2
    import numpy as np

    h, w = grey.shape
    dpi = max(w, h * 0.707) / 8.27
    todo: list[tuple[int, int, int, int]] = []
    replaced: list[list[Box]] = []
    for table in tables:
        for top, bottom, seps in table.rows:
            for a, b in zip(seps, seps[1:]):
                mine = [box for box in boxes if top <= box.cy < bottom and a <= box.cx < b]
                if mine and not all(doubtful(box) for box in mine):
                    continue
                y0, y1, x0, x1 = top + 4, bottom - 3, a + 4, b - 3
                if y1 - y0 < 6 or x1 - x0 < 6:
                    continue
                ink = (grey[y0:y1, x0:x1] < 160).astype(np.uint8)
                count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
                # Strokes at least 1/20 inch tall; specks of dust are smaller.
                marks = [stats[i] for i in range(1, count) if stats[i][3] >= 0.05 * dpi]
                if not marks:
                    continue
                todo.append((x0 + min(m[0] for m in marks), y0 + min(m[1] for m in marks),
                             x0 + max(m[0] + m[2] for m in marks), y0 + max(m[1] + m[3] for m in marks)))
                replaced.append(mine)
    found = []
    for box, old in zip(read_regions(grey, todo), replaced):
        if box is None:
            continue
        if old and doubtful(box):
            continue  # read again no better: the first reading stays, and stays doubtful
        for gone in old:
            boxes.remove(gone)
        found.append(box)
    return found


# --- step 6 and 7: lines and paragraphs ---------------------------------------------------------

def page_lines(boxes: list[Box], tables: list[Table], page_height: int) -> list[Line]:
    """The page in reading order: table rows where their table stands, other lines top to bottom."""
    inside: set[int] = set()
    lines: list[Line] = []
    for table in tables:
        mine = [b for b in boxes if table.x0 <= b.cx <= table.x1 and table.y0 <= b.cy <= table.y1]
        inside.update(id(b) for b in mine)
        lines.extend(table_lines(table, mine))
    free = [b for b in boxes if id(b) not in inside]
    groups = _group_lines(free)
    columns = aligned_columns(groups)
    for group, spans in zip(groups, columns):
        group.sort(key=lambda b: b.x0)
        if spans is not None:
            lines.append(_unruled_row(group, spans))
            continue
        height = sorted(b.height for b in group)[len(group) // 2]
        chars: list[tuple[str, float]] = []
        for previous, box in zip([None, *group], group):
            # Boxes far apart are cells of an unruled table: kept apart by wide space, as the
            # text layer prints them, so figures never run together.
            if previous is not None and box.x0 - previous.x1 > 1.0 * height:
                chars.extend([(" ", 1.0)] * 4)
            elif chars and _ALNUM.match(chars[-1][0]) and _ALNUM.match(box.text[:1]):
                chars.append((" ", 1.0))
            chars.extend(zip(box.text, box.confs))
        lines.append(Line(chars, group[0].x0, group[-1].x1, min(b.y0 for b in group)))
    lines.sort(key=lambda line: line.y)
    for line in lines:
        line.edge = line.y < page_height * 0.1 or line.y > page_height * 0.9
    # Page numbers at the foot or head of the page.
    return [line for line in lines
            if not (not line.table and _PAGE_NUMBER.match(line.text)
                    and (line.y > page_height * 0.85 or line.y < page_height * 0.1))]


_FIGURE_BOX = re.compile(r"[-－]?\d[\d.,]*%?|[-－—]{1,3}")


def _figure_box(box: Box) -> bool:
    return _FIGURE_BOX.fullmatch(box.text.replace(" ", "")) is not None


def aligned_columns(groups: list[list[Box]]) -> list[list[tuple[float, float]] | None]:
    """Unruled tables (Word tables without borders, tab stops): in a block of consecutive lines
    holding figure boxes right of their labels, the figures' columns from the boxes' x positions
    clustered across the block's rows. Per line: the columns' spans ``(x0, x1)`` when its block
    is aligned (every row's figures in distinct columns, most rows full), else None.

    A row then keeps each figure in its column, and a figure the detector missed leaves an empty
    cell (read again from the page where there is ink) instead of shifting the row's figures left.
    """
    out: list[list[tuple[float, float]] | None] = [None] * len(groups)

    def figure_row(group: list[Box]) -> bool:
        figures = [b for b in group if _figure_box(b)]
        words = [b for b in group if not _figure_box(b)]
        return bool(figures) and (not words or max(b.x1 for b in words) <= min(b.x0 for b in figures) + 2)

    i = 0
    while i < len(groups):
        if not figure_row(groups[i]):
            i += 1
            continue
        j = i
        while j < len(groups) and figure_row(groups[j]):
            j += 1
        block = groups[i:j]
        if len(block) >= 2:
            spans = _block_columns(block)
            if spans is not None:
                for k in range(i, j):
                    out[k] = spans
        i = j
    return out


def _block_columns(block: list[list[Box]]) -> list[tuple[float, float]] | None:
    rows = [[b for b in group if _figure_box(b)] for group in block]
    heights = sorted(b.height for row in rows for b in row)
    tol = 1.2 * heights[len(heights) // 2]
    for key in (lambda b: b.x1, lambda b: b.cx, lambda b: b.x0):  # right-aligned, centred, left-aligned
        placed = sorted((key(b), n, b) for n, row in enumerate(rows) for b in row)
        clusters: list[list[tuple[float, int, Box]]] = [[placed[0]]]
        for item in placed[1:]:
            if item[0] - clusters[-1][-1][0] > tol:
                clusters.append([item])
            else:
                clusters[-1].append(item)
        if len(clusters) < 2:
            return None
        distinct = all(len({n for _, n, _ in c}) == len(c) for c in clusters)
        full = sum(1 for row in rows if len(row) == len(clusters))
        if distinct and full * 2 >= len(rows) and full >= 2:
            return [(min(b.x0 for _, _, b in c), max(b.x1 for _, _, b in c)) for c in clusters]
    return None


def _add_cells(chars: list[tuple[str, float]], row_cells: list[tuple[str, float]], cells: list[list[Box]]) -> None:
    """Append each cell's boxes to a pipe row (`` text |``) and its text and lowest confidence to ``row_cells``."""
    for cell in cells:
        content = _cell_text(_join_boxes(cell)) if cell else []
        chars.append((" ", 1.0))
        chars.extend(content)
        chars.extend([(" ", 1.0), ("|", 1.0)])
        row_cells.append(("".join(c for c, _ in content), min((p for _, p in content), default=1.0)))


def _unruled_row(group: list[Box], spans: list[tuple[float, float]]) -> Line:
    """One row of an aligned unruled block as a pipe row: the label, then a cell per column."""
    label = [b for b in group if not _figure_box(b)]
    cells: list[list[Box]] = [[] for _ in spans]
    for b in group:
        if _figure_box(b):
            # the column holding the box's centre, else the nearest one
            k = min(range(len(spans)), key=lambda k: 0.0 if spans[k][0] - 2 <= b.cx <= spans[k][1] + 2
                    else min(abs(spans[k][0] - b.cx), abs(spans[k][1] - b.cx)))
            cells[k].append(b)
    label_chars = _join_boxes(label)
    chars: list[tuple[str, float]] = [("|", 1.0), (" ", 1.0), *label_chars, (" ", 1.0), ("|", 1.0)]
    row_cells = [("".join(c for c, _ in label_chars), 1.0)]
    _add_cells(chars, row_cells, cells)
    return Line(chars, group[0].x0, group[-1].x1, min(b.y0 for b in group), table=True, cells=row_cells)


def unruled_gaps(boxes: list[Box], tables: list[Table]) -> list[tuple[int, int, int, int]]:
    """Where an aligned unruled row has no box in a column: the column's span on that row."""
    inside = {id(b) for t in tables for b in boxes if t.x0 <= b.cx <= t.x1 and t.y0 <= b.cy <= t.y1}
    groups = _group_lines([b for b in boxes if id(b) not in inside])
    gaps = []
    for group, spans in zip(groups, aligned_columns(groups)):
        if spans is None:
            continue
        figures = [b for b in group if _figure_box(b)]
        y0 = int(min(b.y0 for b in group))
        y1 = int(max(b.y1 for b in group))
        for a, b in spans:
            if not any(a - 2 <= f.cx <= b + 2 for f in figures):
                gaps.append((int(a), y0, int(b), y1))
    return gaps


def join_lines(pages: list[list[Line]]) -> list[Line]:
    """Rejoin prose lines that wrap at the right margin; headings, short lines and rows stand alone."""
    prose = [line for lines in pages for line in lines if not line.table]
    if not prose:
        return [line for lines in pages for line in lines]
    lefts = sorted(line.x0 for line in prose)
    rights = sorted(line.x1 for line in prose)
    left = lefts[len(lefts) // 10]
    right = rights[int(len(rights) * 0.9)] if len(rights) >= 5 else rights[-1]
    # One character's width: the typical box height.
    em = sorted((line.x1 - line.x0) / max(1, len(line.chars)) for line in prose)[len(prose) // 2]
    out: list[Line] = []
    open_ = False  # the last output line reached the right margin and may continue
    for lines in pages:
        for line in lines:
            text = line.text
            starts = (line.table or line.x0 > left + 1.2 * em or _BLOCK_START.match(text) is not None)
            if open_ and not starts and out:
                if out[-1].chars and line.chars and _ALNUM_SIGN.match(out[-1].chars[-1][0]) \
                        and _ALNUM_SIGN.match(line.chars[0][0]):
                    out[-1].chars.append((" ", 1.0))  # a row's figures wrapped: "0 0 0 0" + "0 0 0"
                out[-1].chars.extend(line.chars)
                out[-1].x1 = line.x1
            else:
                out.append(Line(list(line.chars), line.x0, line.x1, line.y, line.table, line.cells))
            open_ = (not line.table and line.x1 >= right - 1.5 * em and text[-1:] not in _SENTENCE_END)
    return out


# --- the form's own words, mended -----------------------------------------------------------------

# The fixed wording of the national form (tables 二, 三, 四: headings, row labels, column headers),
# simplified. The recogniser's dictionary lacks some traditional characters (議 訴 審 糾 項 罰 範 堅
# ...): it drops them, or reads a look-alike at low confidence, and then a table's heading or label
# is no longer found. Such words are mended back from this list.
FORM_WORDS = (
    "政府信息公开行政复议、行政诉讼情况", "收到和处理政府信息公开申请情况", "主动公开政府信息情况",
    "规章", "规范性文件", "行政规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
    "行政事业性收费", "政府集中采购", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "处理决定数量",
    "本年处理决定数量", "本年收费金额", "采购项目数量", "采购总金额",
    "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果",
    "尚未审结", "申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
    "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "予以公开",
    "部分公开", "不予公开", "属于国家秘密", "其他法律行政法规禁止公开", "保护第三方合法权益",
    "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项", "无法提供",
    "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确", "不予处理",
    "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息", "其他处理", "结转下年度继续办理",
    "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项",
)
_WORD_START: dict[str, list[str]] = {}
for _word in FORM_WORDS:
    for _ch in set(_word[:3]):
        _WORD_START.setdefault(_ch, []).append(_word)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _align(s: str, confs: list[float], start: int, word: str) -> tuple[int, int] | None:
    """Does ``word`` stand at ``s[start:]`` with some of its characters dropped (and at most one
    read as a low-confidence look-alike)? ``(end in s, edits)`` of the best such reading."""
    budget = max(1, len(word) // 4) + (len(word) >= 8)
    after_marker = start == 0 or s[start - 1] in ".．、）)|" or s[start - 1].isdigit() or s[start - 1] == " "
    best = None
    # states: (position in word, position in s, dropped, swapped)
    stack = [(0, start, 0, 0)]
    seen = set()
    while stack:
        j, k, dropped, swapped = stack.pop()
        if (j, k, dropped, swapped) in seen:
            continue
        seen.add((j, k, dropped, swapped))
        if j == len(word):
            edits = dropped + swapped
            if edits and (best is None or (edits, -k) < (best[1], -best[0])):
                best = (k, edits)
            continue
        if k < len(s) and s[k] == word[j]:
            stack.append((j + 1, k + 1, dropped, swapped))
        if dropped + swapped < budget:
            if j > 0 or (after_marker and k == start):  # the first one only after a list number
                stack.append((j + 1, k, dropped + 1, swapped))
            if k < len(s) and s[k] != word[j] and swapped == 0 and len(word) >= 4 and j > 0 \
                    and confs[k] < LOW_CONFIDENCE and _CJK.match(s[k]):
                stack.append((j + 1, k + 1, dropped, 1))
    if best is None:
        return None
    end, _ = best
    if end - start < max(2, (len(word) * 2 + 2) // 3):
        return None
    # the word must end where the printed word ends: not inside a longer run of Chinese
    if end < len(s) and _CJK.match(s[end]) and word[-1] != s[end - 1]:
        return None
    return best


def mend_form_words(chars: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The form's own words (:data:`FORM_WORDS`) put back where characters were dropped.

    Only short lines and table rows (not prose): a heading, a row label, a column header. A
    mended character is marked low-confidence, so what rests on it is flagged.
    """
    from ..normalize import to_simplified

    text = "".join(c for c, _ in chars)
    if not _CJK.search(text) or (len(text) > 70 and "|" not in text) or text.rstrip().endswith("。"):
        return chars
    s = to_simplified(text)
    confs = [p for _, p in chars]
    traditional = s != text  # a mended word is written in the line's own script
    out: list[tuple[str, float]] = []
    k = 0
    while k < len(s):
        found = None
        if k == 0 or not _CJK.match(s[k - 1]) or s[k - 1] in "、":
            for word in _WORD_START.get(s[k], ()):
                if s.startswith(word, k):
                    found = None
                    break
                hit = _align(s, confs, k, word)
                if hit is not None and (found is None or (len(word), -hit[1]) > (len(found[0]), -found[2])):
                    found = (word, hit[0], hit[1])
        if found is not None:
            word, end, _ = found
            if traditional:
                from ..normalize import _converter

                written = _converter("s2t").convert(word)
                word = written if len(written) == len(word) else word
            kept = dict(zip(range(k, end), confs[k:end]))
            out.extend((ch, kept.get(k + n, 0.5) if k + n < end and text[k + n] == ch else 0.5)
                       for n, ch in enumerate(word))
            k = end
            continue
        out.append(chars[k])
        k += 1
    return out


# --- documents ----------------------------------------------------------------------------------

def _release() -> None:
    """Give the heap's freed pages back to the system after a page (glibc keeps them otherwise:
    a long batch of scans would grow by the detector's 250 MB of activations, page after page)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def read_page(rgb) -> tuple[list[Line], int]:
    """One page image (RGB array) to lines in reading order."""
    try:
        return _read_page(rgb)
    finally:
        _release()


def _read_page(rgb) -> tuple[list[Line], int]:
    grey = clean(rgb)
    if (grey < 128).mean() < 0.0005:
        return [], 0  # a blank page (or a lone page number): the models are not even loaded
    grey = deskew(grey)
    boxes = recognise(grey)
    tables = find_tables(grey)
    boxes += fill_empty_cells(grey, tables, boxes)
    boxes += fill_unruled_gaps(grey, boxes, tables)
    return page_lines(boxes, tables, grey.shape[0]), len(boxes)


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Headers and footers: a line at a page's edge read (nearly) alike at the edges of most pages.

    On the first page such a line is the title itself, and stays unless the page has it twice.
    """
    from difflib import SequenceMatcher

    def alike(a: str, b: str) -> bool:
        return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8

    edges = [[line for line in lines if line.edge and not line.table and len(line.text) <= 60] for lines in pages]
    need = max(2, len(pages) * 0.5)
    running: set[int] = set()
    for lines in edges:
        for line in lines:
            pages_with = sum(1 for other in edges if any(alike(line.text, o.text) for o in other))
            if pages_with >= need:
                running.add(id(line))
    out = []
    for number, lines in enumerate(pages):
        if number == 0:
            seen = [line for line in lines if id(line) in running]
            # Keep the title: drop a running line on page 1 only when one like it follows.
            drop = {id(a) for a in seen if any(b is not a and b.y > a.y and alike(a.text, b.text) for b in lines)}
        else:
            drop = {id(line) for line in lines if id(line) in running}
        out.append([line for line in lines if id(line) not in drop])
    return out


def _assemble(pages: list[list[Line]], numbers: list[int], started: float) -> OcrText:
    from ..clock import extend_time

    extend_time(time.monotonic() - started)  # OCR has its own budget; Limits.max_seconds is for the rest
    pages = drop_running_lines(pages) if len(pages) > 1 else pages
    text_parts: list[str] = []
    confs: list[float] = []
    notes: list[str] = []
    for line in join_lines(pages):
        line.chars = mend_form_words(line.chars)
        for ch, conf in line.chars:
            text_parts.append(ch)
            confs.append(conf)
        text_parts.append("\n")
        confs.append(1.0)
        if line.table and line.cells:
            label = line.cells[0][0][:16]
            for k, (cell, conf) in enumerate(line.cells[1:], start=2):
                if conf < LOW_CONFIDENCE and _DIGITS.search(cell):
                    notes.append(f"'{label}' cell {k} '{cell}' ({conf:.2f})")
    text = "".join(text_parts)
    return OcrText(text=text, confs=confs, pages=numbers, seconds=time.monotonic() - started, cell_notes=notes)


def _budget(pages: int, limits: Limits) -> float:
    return max(limits.max_seconds, _SECONDS_PER_PAGE * pages)


def read_pdf(data: bytes, limits: Limits) -> OcrText:
    """Render every page of a PDF (pypdfium2, ``DPI``) and read it by OCR."""
    _require("PDF has no text layer (a scan?)")
    import numpy as np
    import pypdfium2 as pdfium

    started = time.monotonic()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"damaged PDF ({' '.join(str(exc).split())[:120]})") from None
    try:
        count = len(pdf)
        check_page_count(count, limits, "scanned PDF")
        pictured = [index for index in range(count) if _has_image(pdf[index])]
        if not pictured:
            raise UnsupportedFormatError(f"PDF has no text layer and no page images ({count} page(s))")
        pages, numbers = [], []
        for index in pictured:
            page = pdf[index]
            width, height = page.get_size()
            scale = DPI / 72
            check_pixels(width * scale, height * scale, limits, f"PDF page {index + 1}")
            rgb = np.asarray(page.render(scale=scale).to_pil().convert("RGB"))
            lines, _ = read_page(rgb)
            pages.append(lines)
            numbers.append(index + 1)
            if time.monotonic() - started > _budget(count, limits):
                raise LimitExceededError(f"OCR took over {_budget(count, limits):g} s (stopped at page {index + 1})")
    finally:
        pdf.close()
    return _assemble(pages, numbers, started)


def _has_image(page) -> bool:
    """Does the page draw an image (at any depth of form objects)? Pages without one are skipped."""
    import pypdfium2.raw as pdfium_c

    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=8))


def read_image(data: bytes, limits: Limits) -> OcrText:
    """A PNG, JPEG or (multi-page) TIFF scan read by OCR; sizes checked from the header first."""
    _require("scanned image")
    import io

    import numpy as np
    from PIL import Image, UnidentifiedImageError

    started = time.monotonic()
    try:
        try:
            image = Image.open(io.BytesIO(data))  # reads the header only
        except Image.DecompressionBombError:
            image = None
        if image is None or image.width * image.height > limits.max_pixels:
            width, height = _header_size(data)
            raise LimitExceededError(f"image is {width:,}×{height:,} pixels (limit {limits.max_pixels:,} pixels)")
        frames = getattr(image, "n_frames", 1)
        check_page_count(frames, limits, "image")
        pages, numbers = [], []
        for index in range(frames):
            image.seek(index)
            check_pixels(image.width, image.height, limits, "image" if frames == 1 else f"image page {index + 1}")
            rgb = np.asarray(image.convert("RGB"))
            lines, _ = read_page(rgb)
            pages.append(lines)
            numbers.append(index + 1)
            if time.monotonic() - started > _budget(frames, limits):
                raise LimitExceededError(f"OCR took over {_budget(frames, limits):g} s (stopped at page {index + 1})")
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError):
        raise InputError("damaged image: not a readable PNG, JPEG or TIFF") from None
    return _assemble(pages, numbers, started)


def _header_size(data: bytes) -> tuple[int, int]:
    """Width and height from the header, for the message (PIL without its own bomb check)."""
    import io

    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.width, image.height
    except Exception:  # noqa: BLE001 - only for the message
        return 0, 0
    finally:
        Image.MAX_IMAGE_PIXELS = limit


def to_loaded(result: OcrText, container: str, size_bytes: int, limits: Limits):
    """An :class:`~reportparse.load.Loaded` carrying what OCR read and how surely."""
    from . import Loaded

    wordlike = sum(1 for ch in result.text if ch.isalnum())
    if wordlike < 20:
        what = "PDF has no text layer and" if container == "pdf" else "image:"
        raise UnsupportedFormatError(f"{what} OCR found no text on its {len(result.pages)} page image(s)")
    if len(result.text) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(result.text):,} characters; limit {limits.max_chars:,})")
    warnings = [f"read by OCR ({ENGINE}) from {len(result.pages)} page image(s): mean confidence "
                f"{result.mean_confidence:.2f}; values may rest on recognised characters"]
    if result.cell_notes:
        shown = "; ".join(result.cell_notes[:8])
        more = f" and {len(result.cell_notes) - 8} more" if len(result.cell_notes) > 8 else ""
        warnings.append(f"OCR: table cells read with low confidence: {shown}{more}")
    return Loaded(text=result.text, container=container, encoding=None, size_bytes=size_bytes,
                  warnings=warnings, ocr=result)


def load_scanned_pdf(data: bytes, limits: Limits):
    return to_loaded(read_pdf(data, limits), "pdf", len(data), limits)


def load_image(data: bytes, limits: Limits):
    return to_loaded(read_image(data, limits), "image", len(data), limits)


def ocr_info(result: OcrText):
    from ..models import OcrInfo

    return OcrInfo(engine=ENGINE, pages=result.pages, mean_confidence=result.mean_confidence,
                   low_confidence=result.low_spans(), seconds=round(result.seconds, 2))


# --- after parsing ------------------------------------------------------------------------------

_VALUE_FIELDS = ("organ", "year", "published", "period", "phones", "facts", "outline")


def value_warnings(report, result: OcrText) -> list[str]:
    """The report's extracted values whose evidence includes low-confidence characters."""
    spans = result.low_spans()
    if not spans:
        return []
    found: list[str] = []

    def overlaps(start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in spans)

    def walk(name: str, node) -> None:
        if isinstance(node, dict):
            evidence = node.get("evidence") if isinstance(node.get("evidence"), dict) else None
            span = evidence or (node if "start" in node and "end" in node else None)
            if span is not None and overlaps(span["start"], span["end"]):
                shown = node.get("value", node.get("number", span.get("text", "")))
                found.append(f"{name}={shown}")
                return
            for key, child in node.items():
                if key != "evidence":
                    walk(f"{name}.{key}" if name else key, child)
        elif isinstance(node, list):
            for child in node:
                walk(name, child)

    dumped = report.model_dump(mode="json", include=set(_VALUE_FIELDS))
    for key in _VALUE_FIELDS:
        walk(key, dumped.get(key))
    if not found:
        return []
    return [f"OCR: values resting on low-confidence characters (check them on the page): "
            f"{'; '.join(found[:10])}" + (f" and {len(found) - 10} more" if len(found) > 10 else "")]
