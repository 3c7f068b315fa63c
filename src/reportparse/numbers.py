"""Numbers as reports write them: 25, 二十五, 两, 零, 一百零五, 1.2万, 百分之百, 100%.

>>> parse_cn_int("二十五"), parse_cn_int("两"), parse_cn_int("一百零五"), parse_cn_int("十")
(25, 2, 105, 10)
>>> parse_number("1.2万"), parse_number("百分之百"), parse_number("3,542")
(12000.0, 100.0, 3542.0)
"""

from __future__ import annotations

from . import rx as regex
from .vocab import CN_DIGITS, CN_UNITS

# A number in prose: arabic (with thousands separators / decimals) or Chinese numerals.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万|亿)?|[零〇一二两三四五六七八九十百千]{1,8}(?:万|亿)?"
NUMBER_RE = regex.compile(NUMBER)


def parse_cn_int(s: str | None) -> int | None:
    """A Chinese or arabic integer; None when ``s`` is not one."""
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    if all(ch in CN_DIGITS for ch in s):
        # Digit by digit, as in years: 二〇一九
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current


def parse_number(s: str | None) -> float | None:
    """A number with optional 万/亿 multiplier or 百分之 prefix."""
    if not s:
        return None
    s = s.strip().replace(",", "")
    mult = 1.0
    if s.startswith("百分之"):
        s = s[3:]
    if s.endswith("%"):
        s = s[:-1]
    if s.endswith("万"):
        mult, s = 10_000.0, s[:-1]
    elif s.endswith("亿"):
        mult, s = 100_000_000.0, s[:-1]
    try:
        return float(s) * mult
    except ValueError:
        n = parse_cn_int(s)
        return None if n is None else n * mult


def parse_count(s: str | None) -> int | None:
    """An item count (integer); None when ``s`` is not a whole number."""
    value = parse_number(s)
    if value is None or value != int(value):
        return None
    return int(value)
