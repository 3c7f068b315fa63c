"""reportparse.cn_phone gives phonenumbers' verdict on every kind of Chinese number the
contact extractor reads (data/cn_phone.json is phonenumbers' metadata for +86)."""

from __future__ import annotations

import random

import pytest

from reportparse.cn_phone import is_valid

phonenumbers = pytest.importorskip("phonenumbers")


def reference(digits: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+86" + digits, None))
    except phonenumbers.NumberParseException:
        return False


def _cases() -> list[str]:
    rng = random.Random(11)

    def tail(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    cases = []
    for prefix in range(1000, 2000):  # every mobile (and carrier-code) prefix, lengths around 11
        cases += [f"{prefix}{tail(7)}", f"{prefix}{tail(rng.choice([4, 5, 6, 8, 9]))}"]
    for area in [str(n) for n in range(10, 100)] + [str(n) for n in range(100, 1000)]:  # area codes
        for first in "23456789":
            cases += [area + first + tail(6), area + first + tail(7)]
    for carrier in ("11", "12", "179"):  # carrier codes a parse strips, then numbers of every length
        for n in range(0, 14):
            cases += [carrier + tail(2) + tail(n) for _ in range(3)]
    cases += ["", "5", "12345", "4001234567", "95598", "10" * 9, "١٣٨١٢٣٤٥٦٧٨", "１３８１２３４５６７８"]
    return cases


def test_validation_agrees_with_phonenumbers():
    cases = _cases()
    wrong = [(c, is_valid(c), reference(c)) for c in cases if is_valid(c) != reference(c)]
    assert not wrong, wrong[:10]
    assert sum(map(is_valid, cases)) > len(cases) // 4  # valid and invalid numbers both checked
    assert sum(not is_valid(c) for c in cases) > len(cases) // 10


def test_metadata_file_is_from_the_installed_phonenumbers():
    import json
    from importlib.resources import files

    data = json.loads(files("reportparse").joinpath("data", "cn_phone.json").read_text(encoding="utf-8"))
    meta = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    assert data["general"]["pattern"] == meta.general_desc.national_number_pattern, (
        "phonenumbers changed its rules for China: run tools/make_cn_phone.py")
