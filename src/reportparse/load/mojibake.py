"""Mojibake: Chinese text that was decoded with the wrong codec and saved again.

A county's files arrive as valid UTF-8 that is nonetheless garbage, because
somewhere on the way the bytes were read with the wrong codec and the result
written out again. The two common cases, both reversible when no byte was lost:

- ``latin1`` - GBK (or UTF-8, Big5) bytes read as Latin-1 / Windows-1252:
  ``Õþ¸®ÐÅÏ¢¹«¿ª`` is ``政府信息公开`` in GBK, ``æ”¿åºœ`` in UTF-8.
- ``gbk`` - UTF-8 bytes read as GBK / GB18030: ``鏀垮簻淇℃伅鍏紑`` is
  ``政府信息公开``. A GBK decoder that replaced what it could not read has
  lost bytes; those characters come back as U+FFFD.

:func:`repair_mojibake` tries each reversal on a sample and keeps it only
when the result reads much more like Chinese than the input did (the same
score that chooses between GB18030 and Big5, see :mod:`.text`); it refuses,
with a one-line :class:`DecodeError`, text that is clearly mojibake but
cannot be repaired (too many characters lost). Text that is fine is returned
unchanged, at the cost of one encode/decode of a 20,000-character sample.
"""

from __future__ import annotations

import re

from ..errors import DecodeError

_SAMPLE = 20_000
_REPLACED_RUN = re.compile("\ufffd+")
_GAIN = 0.3  # how much more Chinese the repaired text must read
_MAX_LOST_SHARE = 0.02  # GBK-read UTF-8: share of characters lost beyond which we refuse

# Windows-1252's printable characters in 0x80-0x9F, mapped back to their byte (as a Latin-1 character).
_CP1252_BACK = {ord(ch): byte for byte in range(0x80, 0xA0)
                if (ch := bytes([byte]).decode("cp1252", errors="ignore"))}


_CP1252_SPECIALS = "".join(map(chr, _CP1252_BACK))
# Words of every report; mojibake of either kind never spells them.
_REPORT_WORDS = re.compile("政府|公开|公開|报告|報告|信息|資訊")


def _latin_share(sample: str) -> tuple[int, int]:
    """(characters in Latin-1's upper half or cp1252's specials, all non-ASCII characters).

    Counted by the codecs and ``str.count`` (C loops) rather than a regex: a tenth of the time.
    """
    ascii_chars = len(sample.encode("ascii", "ignore"))
    latin1_chars = len(sample.encode("latin-1", "ignore"))
    specials = sum(map(sample.count, _CP1252_SPECIALS))
    return latin1_chars - ascii_chars + specials, len(sample) - ascii_chars


def undo_latin1(text: str) -> tuple[str, str, int] | None:
    """``(repaired, codec, replaced)`` for text whose bytes were read as Latin-1/cp1252, else None.

    >>> undo_latin1("Õþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ")[:2]
    ('政府信息公开工作年度报告', 'gb18030')
    """
    from .text import _chinese_score

    raw = text.translate(_CP1252_BACK).encode("latin-1", errors="replace")
    best: tuple[float, str, str, int] | None = None
    for codec in ("utf-8", "gb18030", "big5hkscs"):
        repaired = raw.decode(codec, errors="replace")
        bad = repaired.count("\ufffd") - text.count("\ufffd")
        score = _chinese_score(repaired[:_SAMPLE]) - bad / max(len(repaired), 1) * 10
        if best is None or score > best[0]:
            best = (score, codec, repaired, bad)
    assert best is not None
    return best[2], best[1], best[3]


def undo_gbk(text: str) -> tuple[str, int]:
    """``(repaired, lost)`` for UTF-8 bytes that were read as GBK: GB18030 back to bytes, then UTF-8.

    >>> undo_gbk("鏀垮簻淇℃伅鍏紑")
    ('政府信息公开', 0)
    """
    # A U+FFFD stands for bytes the GBK decoder dropped: one invalid byte keeps it one U+FFFD.
    raw = b"\xff".join(piece.encode("gb18030", errors="replace") for piece in text.split("\ufffd"))
    repaired = raw.decode("utf-8", errors="replace")
    return repaired, len(_REPLACED_RUN.findall(repaired))  # one run of U+FFFD is about one character


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """``(text, warnings)``: ``text`` repaired when it is mojibake of Chinese, else unchanged."""
    if text.isascii():
        return text, []
    from .text import _chinese_score

    sample = text[:_SAMPLE]
    latin, non_ascii = _latin_share(sample)
    if non_ascii < 4 or (latin < 0.5 * non_ascii and len(_REPORT_WORDS.findall(sample)) >= 3):
        return text, []  # the common case, decided cheaply: Chinese that reads as Chinese
    before = _chinese_score(sample)
    if latin >= 8 and latin >= 0.5 * non_ascii:
        repaired, codec, bad = undo_latin1(text)
        after = _chinese_score(repaired[:_SAMPLE])
        if after >= before + _GAIN and bad <= max(3, len(repaired) // 1000):
            return repaired, [f"mojibake repaired: {codec} bytes had been read as Latin-1/Windows-1252"]
        if before == 0 and latin >= 200 and after >= 0.5:
            raise DecodeError(f"mojibake: {codec} text that was read as Latin-1/Windows-1252 and saved again, "
                              f"with {bad:,} bytes lost; get the original file")
        return text, []
    if before >= 0.8:
        return text, []  # reads like Chinese already: report vocabulary and common characters
    repaired, lost = undo_gbk(sample)
    after = _chinese_score(repaired)
    if after < before + _GAIN:
        return text, []
    if lost > _MAX_LOST_SHARE * len(repaired):
        raise DecodeError(f"mojibake: UTF-8 text that was read as GBK and saved again, with {lost:,} of the "
                          f"first {len(repaired):,} characters lost; get the original file")
    repaired, lost = undo_gbk(text)
    note = f", {lost:,} character(s) lost (shown as U+FFFD)" if lost else ""
    return repaired, [f"mojibake repaired: UTF-8 bytes had been read as GBK{note}"]
