"""Bound a PDF's decompression before PDFium sees it.

PDFium decodes a content stream or a font in full, with no size limit of its
own: a 400 KB file whose page inflates to 400 MB costs 800 MB. :func:`check_streams`
walks the raw bytes once, finds every stream that is not an image (images
are not decoded to read text), and decodes its filter chain with zlib and
pypdf's bounded decoders, counting, never keeping, the output: a stream past
``_MAX_STREAM`` or a document past ``Limits.max_expanded_bytes`` is refused in
one line before anything is extracted. Streams of an encrypted file cannot be
decoded here; PDFium decrypts them, and their size is bounded by the file size
times the ratio zlib reaches on real fonts and pages (see ``_MAX_ENCRYPTED_RATIO``).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter

from ..config import Limits
from ..errors import LimitExceededError

_MAX_STREAM = 32 * 1024 * 1024  # a page's operators or a font program; a CJK font is 10-20 MB
# Drawing operators (content streams, forms, maps) in a document: a 100-page report has 1-5 MB;
# PDFium reads about 30 MB of operators a CPU second.
_MAX_OPERATOR_BYTES = 64 * 1024 * 1024
_CONTENTS_REF = re.compile(rb"/Contents\s+(\d+)\s+\d+\s+R")
_CONTENTS_ARRAY = re.compile(rb"/Contents\s*\[([^\]]{0,20000})\]")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_FONT_PROGRAM = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_ENDSTREAM = re.compile(rb"endstream")
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_CHUNK = 1 << 20
_LOOK_BACK = 4096  # bytes before ``stream`` searched for its dictionary


class _Budget:
    def __init__(self, limits: Limits) -> None:
        self.left = limits.max_expanded_bytes
        self.limit = limits.max_expanded_bytes
        self.operators_left = _MAX_OPERATOR_BYTES
        self.font = False  # the stream being decoded is a font program (not drawing operators)
        self.times = 1  # pages that draw the stream being decoded

    def spend(self, n: int, stream_total: int) -> None:
        self.left -= n
        if not self.font:
            self.operators_left -= n * self.times
            if self.operators_left < 0:
                raise LimitExceededError(
                    f"PDF pages hold over {_MAX_OPERATOR_BYTES // (1024 * 1024)} MB of drawing operators: "
                    "too much to read")
        if stream_total > _MAX_STREAM:
            raise LimitExceededError(
                f"PDF stream expands past {_MAX_STREAM // (1024 * 1024)} MB: a decompression bomb?")
        if self.left < 0:
            raise LimitExceededError(
                f"PDF streams expand past {self.limit // (1024 * 1024)} MB in total: a decompression bomb?")


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise :class:`LimitExceededError` when the PDF's streams decode to more than the limits allow,
    or when its form XObjects draw each other into more than ``_MAX_DRAWS`` drawings."""
    budget = _Budget(limits)
    graph = _Forms()
    # A content stream shared by many pages is parsed once for each of them.
    shared = Counter(int(n) for n in _CONTENTS_REF.findall(data))
    shared.update(int(n) for block in _CONTENTS_ARRAY.findall(data) for n in _REF.findall(block))
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            break
        start = m.end()
        end_m = _ENDSTREAM.search(data, start)
        end = end_m.start() if end_m else len(data)
        pos = end_m.end() if end_m else len(data)
        head = data[max(0, m.start() - _LOOK_BACK):m.start()]
        objs = list(_OBJ.finditer(head))
        number = None
        if objs:
            number = int(objs[-1].group(1))
            head = head[objs[-1].end():]
        if _IMAGE.search(head):
            graph.images.add(number)
            continue
        filt = _FILTER.search(head)
        names = [n.decode("latin-1") for n in _NAME.findall(filt.group(1))] if filt else []
        budget.font = bool(_FONT_PROGRAM.search(head))
        budget.times = max(1, shared.get(number, 0)) if number is not None else 1
        draws: dict[bytes, int] = {}
        _decode_chain(data[start:end], names, budget, draws)
        if draws:
            graph.add(number, head, draws, data)
    graph.check()


_DO = re.compile(rb"/([^\s/\[\]<>()]+)\s*Do\b")
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_XOBJECTS = re.compile(rb"/XObject\s*<<(.*?)>>", re.S)
_REF_RESOURCES = re.compile(rb"/Resources\s+(\d+)\s+\d+\s+R")
_NAME_REF = re.compile(rb"/([^\s/\[\]<>()]+)\s+(\d+)\s+\d+\s+R")
_MAX_DRAWS = 1_000_000  # form drawings a document may cause (a real page draws a few dozen)


class _Forms:
    """Which stream draws which form how often: a form drawing a form drawing a form... is a bomb."""

    def __init__(self) -> None:
        self.images: set[int | None] = set()
        self.forms: dict[int, dict[int, int]] = {}  # form -> {target object: times drawn}
        self.most_draws_on_a_page = 1
        self.unresolved: list[dict[int, int]] = []

    def add(self, number: int | None, head: bytes, draws: dict[bytes, int], data: bytes) -> None:
        if not _FORM.search(head) or number is None:
            self.most_draws_on_a_page = max(self.most_draws_on_a_page, sum(draws.values()))
            return
        targets = self._resources(head, data)
        edges: dict[int, int] = {}
        for name, times in draws.items():
            target = targets.get(name)
            if target is not None:
                edges[target] = edges.get(target, 0) + times
        self.forms[number] = edges

    @staticmethod
    def _resources(head: bytes, data: bytes) -> dict[bytes, int]:
        text = head
        ref = _REF_RESOURCES.search(head)
        if ref:
            at = re.search(rb"(?<![0-9])%s\s+\d+\s+obj\b" % ref.group(1), data)
            if at:
                text = data[at.end():at.end() + _LOOK_BACK]
        out: dict[bytes, int] = {}
        for block in _XOBJECTS.findall(text):
            for name, obj in _NAME_REF.findall(block):
                out[name] = int(obj)
        return out

    def check(self) -> None:
        if not self.forms:
            return
        memo: dict[int, int] = {}

        def draws(form: int, depth: int) -> int:
            if form in memo:
                return memo[form]
            if depth > 64:
                return 1
            memo[form] = 1  # a cycle ends here (PDFium stops it too)
            total = 1
            for target, times in self.forms.get(form, {}).items():
                if target in self.forms:
                    total += times * draws(target, depth + 1)
                    if total > _MAX_DRAWS:
                        break
            memo[form] = total
            return total

        worst = max(draws(f, 0) for f in self.forms) * self.most_draws_on_a_page
        if worst > _MAX_DRAWS:
            raise LimitExceededError("PDF forms draw each other over a million times: a drawing bomb?")


def _decode_chain(raw: bytes, names: list[str], budget: _Budget, draws: dict[bytes, int]) -> None:
    """Decode ``raw`` through ``names`` as far as the text needs, counting the bytes and the ``Do``s."""
    out = raw
    if not names:
        _count_draws(raw, draws)
    for i, name in enumerate(names):
        last = i == len(names) - 1
        if name in ("FlateDecode", "Fl"):
            out = _inflate(out, budget, keep=not last, draws=draws if last else None)
        elif name in ("ASCIIHexDecode", "AHx", "ASCII85Decode", "A85"):
            # These shrink the data; what follows them (a Flate bomb) is checked on their output.
            out = _ascii_decode(name, out)
            if last and out is not None:
                _count_draws(out, draws)
        elif name in ("LZWDecode", "LZW", "RunLengthDecode", "RL"):
            out = _bounded_pypdf(name, out, budget, keep=True)
            if last and out is not None:
                _count_draws(out, draws)
        else:
            return  # images, JBIG2, Crypt, unknown filters: PDFium does not decode them for text
        if out is None:
            return


_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
_SPACE = re.compile(rb"\s")


def _ascii_decode(name: str, raw: bytes) -> bytes | None:
    """ASCIIHex or ASCII85 text to its bytes (at most half or four fifths of its size), None if damaged."""
    import base64
    import binascii

    try:
        if name in ("ASCIIHexDecode", "AHx"):
            digits = _NOT_HEX.sub(b"", raw.split(b">", 1)[0])
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
        text = _SPACE.sub(b"", raw).split(b"~>", 1)[0]
        if text.startswith(b"<~"):
            text = text[2:]
        return base64.a85decode(text)
    except (ValueError, binascii.Error):
        return None


def _count_draws(chunk: bytes, draws: dict[bytes, int]) -> None:
    if b"Do" in chunk:
        for name in _DO.findall(chunk):
            draws[name] = draws.get(name, 0) + 1


def _inflate(raw: bytes, budget: _Budget, keep: bool, draws: dict[bytes, int] | None = None) -> bytes | None:
    d = zlib.decompressobj()
    kept: list[bytes] = []
    total = 0
    data = raw
    try:
        while data:
            chunk = d.decompress(data, _CHUNK)
            total += len(chunk)
            budget.spend(len(chunk), total)
            if keep:
                kept.append(chunk)
            if draws is not None:
                _count_draws(chunk, draws)
            data = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        pass  # damaged data: PDFium stops where zlib stops
    return b"".join(kept) if keep else None


def _bounded_pypdf(name: str, raw: bytes, budget: _Budget, keep: bool) -> bytes | None:
    import pypdf
    import pypdf.filters
    from pypdf.errors import LimitReachedError, PdfReadError

    cap = min(_MAX_STREAM, max(budget.left, 0)) + 1
    apply = getattr(pypdf, "apply_configuration", None)
    decoder = pypdf.filters.LZWDecode if name.startswith("LZW") else pypdf.filters.RunLengthDecode
    # A damaged stream's repairs are not the user's business (callers hold the PDF lock).
    quiet = [logging.getLogger(name) for name in ("pypdf._codecs._codecs", "pypdf.filters", "pypdf")]
    was = [logger.disabled for logger in quiet]
    for logger in quiet:
        logger.disabled = True
    try:
        if apply is None:
            out = decoder.decode(raw)
        else:
            with apply(lzw_maximum_output_length=cap, run_length_maximum_output_length=cap):
                out = decoder.decode(raw)
    except LimitReachedError:
        budget.spend(cap, cap)
        raise LimitExceededError("PDF stream expands past the limit: a decompression bomb?") from None
    except (PdfReadError, ValueError, IndexError, TypeError):
        return None
    finally:
        for logger, disabled in zip(quiet, was):
            logger.disabled = disabled
    if isinstance(out, str):
        out = out.encode("latin-1", "replace")
    budget.spend(len(out), len(out))
    return out if keep else None
