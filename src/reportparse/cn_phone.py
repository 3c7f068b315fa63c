"""Is a Chinese phone number valid: phonenumbers' rules for +86, without importing phonenumbers.

``is_valid(digits)`` gives what ``phonenumbers.is_valid_number(phonenumbers.parse("+86" +
digits, None))`` gives (False where parse raises), from the metadata in ``data/cn_phone.json``
(``tools/make_cn_phone.py``): the national prefix or carrier code a parse strips, then the general
pattern and one number type's pattern, each with its possible lengths. The package costs ~65 ms
to import on a cold start; these rules cost a few regex matches. tests/test_cn_phone.py compares
the two over every area code, mobile prefix and length.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib.resources import files

_MIN_NSN, _MAX_NSN = 2, 17  # phonenumbers' bounds on a national significant number


class _Desc:
    __slots__ = ("pattern", "lengths", "local_only")

    def __init__(self, spec: dict) -> None:
        self.pattern = re.compile(spec["pattern"])
        self.lengths = tuple(spec["lengths"])
        self.local_only = tuple(spec["local_only"])

    def matches(self, number: str) -> bool:
        if self.lengths and len(number) not in self.lengths:
            return False
        return self.pattern.fullmatch(number) is not None


@cache
def _rules() -> tuple[re.Pattern[str], _Desc, tuple[_Desc, ...]]:
    data = json.loads(files("reportparse").joinpath("data", "cn_phone.json").read_text(encoding="utf-8"))
    types = tuple(_Desc(spec) for spec in data["types"].values() if spec is not None)
    return re.compile(data["national_prefix_for_parsing"]), _Desc(data["general"]), types


def _length_allows_stripping(number: str, general: _Desc) -> bool:
    """phonenumbers' length test on a number with its prefix stripped: keep the stripped form
    unless it is too short, possible only locally, or of no possible length."""
    n = len(number)
    if n in general.local_only:
        return False
    lengths = general.lengths
    if n == lengths[0]:
        return True
    if n < lengths[0]:
        return False
    if n > lengths[-1]:
        return True  # too long: kept stripped (and found invalid below)
    return n in lengths[1:]


def is_valid(digits: str) -> bool:
    """Whether ``+86`` followed by ``digits`` (a national number without its leading 0) is valid."""
    if not digits.isascii():
        digits = "".join(str(d) for c in digits if (d := unicodedata.digit(c, None)) is not None)
    if len(digits) < _MIN_NSN:
        return False
    prefix, general, types = _rules()
    number = digits
    m = prefix.match(number)
    if m:
        stripped = number[m.end():]
        viable = general.pattern.fullmatch(number) is not None
        if not (viable and general.pattern.fullmatch(stripped) is None) and _length_allows_stripping(stripped, general):
            number = stripped
    if not _MIN_NSN <= len(number) <= _MAX_NSN:
        return False
    return general.matches(number) and any(t.matches(number) for t in types)
