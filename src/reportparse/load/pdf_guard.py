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

import re
import zlib

from ..config import Limits
from ..errors import LimitExceededError

_MAX_STREAM = 32 * 1024 * 1024  # a page's operators or a font program; a CJK font is 10-20 MB
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_ENDSTREAM = re.compile(rb"endstream")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_CHUNK = 1 << 20
_LOOK_BACK = 4096  # bytes before ``stream`` searched for its dictionary


class _Budget:
    def __init__(self, limits: Limits) -> None:
        self.left = limits.max_expanded_bytes
        self.limit = limits.max_expanded_bytes

    def spend(self, n: int, stream_total: int) -> None:
        self.left -= n
        if stream_total > _MAX_STREAM:
            raise LimitExceededError(
                f"PDF stream expands past {_MAX_STREAM // (1024 * 1024)} MB: a decompression bomb?")
        if self.left < 0:
            raise LimitExceededError(
                f"PDF streams expand past {self.limit // (1024 * 1024)} MB in total: a decompression bomb?")


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise :class:`LimitExceededError` when the PDF's streams decode to more than the limits allow."""
    budget = _Budget(limits)
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        end_m = _ENDSTREAM.search(data, start)
        end = end_m.start() if end_m else len(data)
        pos = end_m.end() if end_m else len(data)
        head = data[max(0, m.start() - _LOOK_BACK):m.start()]
        objs = list(_OBJ.finditer(head))
        if objs:
            head = head[objs[-1].end():]
        if _IMAGE.search(head):
            continue
        filt = _FILTER.search(head)
        names = [n.decode("latin-1") for n in _NAME.findall(filt.group(1))] if filt else []
        _decode_chain(data[start:end], names, budget)


def _decode_chain(raw: bytes, names: list[str], budget: _Budget) -> None:
    """Decode ``raw`` through ``names`` as far as the text needs, counting the bytes."""
    out = raw
    for i, name in enumerate(names):
        last = i == len(names) - 1
        if name in ("FlateDecode", "Fl"):
            out = _inflate(out, budget, keep=not last)
        elif name in ("ASCIIHexDecode", "AHx", "ASCII85Decode", "A85"):
            continue  # these shrink the data; what follows them is checked at its own size
        elif name in ("LZWDecode", "LZW", "RunLengthDecode", "RL"):
            out = _bounded_pypdf(name, out, budget, keep=not last)
        else:
            return  # images, JBIG2, Crypt, unknown filters: PDFium does not decode them for text
        if out is None:
            return


def _inflate(raw: bytes, budget: _Budget, keep: bool) -> bytes | None:
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
            data = d.unconsumed_tail
            if d.eof:
                break
    except zlib.error:
        pass  # damaged data: PDFium stops where zlib stops
    return b"".join(kept) if keep else None


def _bounded_pypdf(name: str, raw: bytes, budget: _Budget, keep: bool) -> bytes | None:
    import pypdf
    from pypdf.errors import LimitReachedError, PdfReadError

    cap = min(_MAX_STREAM, max(budget.left, 0)) + 1
    apply = getattr(pypdf, "apply_configuration", None)
    decoder = pypdf.filters.LZWDecode if name.startswith("LZW") else pypdf.filters.RunLengthDecode
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
    if isinstance(out, str):
        out = out.encode("latin-1", "replace")
    budget.spend(len(out), len(out))
    return out if keep else None
