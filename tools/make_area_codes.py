#!/usr/bin/env python3
"""Write src/reportparse/data/cn_area_codes.tsv from phonenumbers' geocoder.

The geocoder's data costs ~0.5 s to import, too much for every parse; the
Chinese area codes (three or four digits with the leading 0) fit in a small
table: ``code<TAB>province<TAB>city、city``. Run after upgrading phonenumbers;
tests/test_area_codes.py checks the table still agrees with the geocoder.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "reportparse" / "data" / "cn_area_codes.tsv"


def geocoder_rows() -> list[tuple[str, str, str]]:
    from phonenumbers.geodata import GEOCODE_DATA

    rows = []
    for prefix, names in GEOCODE_DATA.items():
        # Area codes: 86 + 2-3 digits (010, 021, 0730 ...); 861x other than 10 are mobile ranges.
        is_area = prefix.startswith("86") and 4 <= len(prefix) <= 5 and (prefix[2] != "1" or prefix == "8610")
        if is_area and "zh" in names:
            rows.append(("0" + prefix[2:], names["zh"]))
    return sorted(rows)


def main() -> None:
    from reportparse.check.rules_contact import split_region

    lines = ["# area code\tprovince\tcities (from phonenumbers' geocoder; tools/make_area_codes.py)"]
    for code, description in geocoder_rows():
        province, cities = split_region(description)
        if province:
            lines.append(f"{code}\t{province}\t{'、'.join(cities)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 1} area codes")


if __name__ == "__main__":
    main()
