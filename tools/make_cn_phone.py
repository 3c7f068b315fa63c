#!/usr/bin/env python3
"""Write src/reportparse/data/cn_phone.json from phonenumbers' metadata for China (+86).

Phone validation needs one country's rules: the national number patterns and possible lengths
of the general description and of each number type, and the national prefix (and carrier codes)
stripped when parsing. Importing phonenumbers to ask it costs ~65 ms of every cold start (its
package imports every region's machinery); ``reportparse.cn_phone`` applies the same rules from
this file. Run after upgrading phonenumbers; tests/test_cn_phone.py checks the two agree.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "reportparse" / "data" / "cn_phone.json"
# The types phonenumbers' _number_type_helper tries; a number is valid when one matches.
TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
         "fixed_line", "mobile")


def desc(d) -> dict | None:
    if d is None:
        return None
    return {"pattern": d.national_number_pattern, "lengths": list(d.possible_length),
            "local_only": list(d.possible_length_local_only)}


def main() -> None:
    import phonenumbers
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region("CN")
    assert meta.national_prefix_transform_rule is None, "a transform rule: reportparse.cn_phone does not apply one"
    data = {
        "source": f"phonenumbers {phonenumbers.__version__}, region CN (tools/make_cn_phone.py)",
        "national_prefix_for_parsing": meta.national_prefix_for_parsing,
        "general": desc(meta.general_desc),
        "types": {name: desc(getattr(meta, name)) for name in TYPES if getattr(meta, name) is not None},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
