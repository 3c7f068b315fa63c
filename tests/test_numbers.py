import pytest

from reportparse.numbers import parse_cn_int, parse_count, parse_number


@pytest.mark.parametrize("raw,want", [
    ("25", 25), ("二十五", 25), ("两", 2), ("零", 0), ("十", 10), ("十二", 12), ("一百零五", 105),
    ("二百零五", 205), ("三千", 3000), ("二〇一九", 2019), ("abc", None), ("", None),
])
def test_cn_int(raw, want):
    assert parse_cn_int(raw) == want


@pytest.mark.parametrize("raw,want", [
    ("1.2万", 12000.0), ("百分之百", 100.0), ("百分之九十", 90.0), ("100%", 100.0), ("1,356", 1356.0),
    ("3.5亿", 350_000_000.0), ("两万", 20000.0),
])
def test_number(raw, want):
    assert parse_number(raw) == want


def test_count_rejects_fractions():
    assert parse_count("1.5") is None and parse_count("1.2万") == 12000
