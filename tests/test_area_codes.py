"""The area-code table (data/cn_area_codes.tsv) agrees with phonenumbers' geocoder."""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import geocoder

from reportparse.check.rules_contact import area_codes, area_region, split_region


def test_table_is_complete():
    table = area_codes()
    assert len(table) > 300
    assert area_region("0730") == ("湖南", ("岳阳",))
    assert area_region("010") == ("北京", ("北京",))
    assert area_region("0999999") == (None, ())


@pytest.mark.parametrize("code", ["010", "021", "0591", "0730", "0796", "0818", "0478", "027", "0755", "0898"])
def test_table_matches_geocoder(code):
    for local in ("6123456", "61234567", "2123456", "21234567", "8123456", "81234567"):
        number = phonenumbers.parse(f"+86{code.lstrip('0')}{local}", None)
        description = geocoder.description_for_number(number, "zh")
        if description:
            province, cities = split_region(description)
            assert area_region(code) == (province, tuple(cities))
            return
    pytest.fail(f"geocoder knows no number in {code}")
