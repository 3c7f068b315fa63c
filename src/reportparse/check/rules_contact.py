"""Contact: a phone is given, and its area code belongs to the organ's region.

Regions come from phonenumbers' geocoder, through ``data/cn_area_codes.tsv``
(written by tools/make_area_codes.py): the geocoder itself costs ~0.5 s to
import, far more than a parse, while the table of 320 area codes loads in
well under a millisecond.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .. import rx as regex
from .context import CheckContext

PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
             "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
             "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
_SUFFIX = regex.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_CITY_SUFFIX = regex.compile(r"(?:市|地区|盟|林区|自治州|[^\p{Han}]+)$")


def split_region(description: str) -> tuple[str | None, list[str]]:
    """``湖南省岳阳市`` -> (``湖南``, [``岳阳``]); ``上海市`` -> (``上海``, [``上海``])."""
    province = next((p for p in PROVINCES if description.startswith(p)), None)
    if province is None:
        return None, []
    rest = regex.sub(r"^(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)", "",
                     description[len(province):])
    cities = [_CITY_SUFFIX.sub("", c) for c in rest.split("、") if c]
    cities = [c for c in cities if len(c) >= 2]
    return province, cities or [province]


@lru_cache(maxsize=1)
def area_codes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Area code -> (province, cities), as phonenumbers' geocoder gives them."""
    table = {}
    text = (resources.files("reportparse") / "data" / "cn_area_codes.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, province, cities = line.split("\t")
            table[code] = (province, tuple(cities.split("、")))
    return table


def area_region(area_code: str) -> tuple[str | None, tuple[str, ...]]:
    """The province and cities of a Chinese area code (``0730`` -> 湖南, 岳阳)."""
    return area_codes().get(area_code, (None, ()))


@lru_cache(maxsize=1)
def known_cities() -> frozenset[str]:
    """Every city an area code belongs to."""
    return frozenset(c for _, cities in area_codes().values() for c in cities)


def named_cities(naming: str) -> set[str]:
    """Cities named as ``X市`` that the geocoder knows."""
    cities = known_cities()
    found = set()
    for m in regex.finditer("市", naming):
        for k in (2, 3, 4):
            candidate = naming[max(0, m.start() - k) : m.start()]
            if candidate in cities:
                found.add(candidate)
    return found


def phones(ctx: CheckContext) -> None:
    report = ctx.report
    if not report.phones:
        evidence = [report.contact_office.evidence] if report.contact_office else []
        ctx.emit("no-contact-phone", "报告未提供联系电话。", "The report gives no contact phone.", evidence)
        return
    # Where the organ is, as the report names it: organ, title, contact office, legal bases.
    naming = " ".join(x.value for x in (report.organ, report.outline.title, report.contact_office) if x)
    naming += " " + " ".join(b.value for b in report.legal_bases)
    named_provinces = {p for p in PROVINCES if p in naming}
    for phone in report.phones:
        if phone.kind != "landline" or not phone.area_code:
            continue
        province, cities = area_region(phone.area_code)
        if province is None:
            continue
        if any(c in ctx.text for c in cities):
            continue
        where = "、".join(cities)
        if named_provinces and province not in named_provinces:
            named = "、".join(sorted(named_provinces))
            ctx.emit("phone-area-mismatch",
                     f"电话{phone.number}的区号{phone.area_code}属{province}{where}, 而报告所述机关在{named}。",
                     f"Phone {phone.number}: area code {phone.area_code} is {province} {where}, "
                     f"but the report places the organ in {named}.", [phone.evidence])
            continue
        cities_named = named_cities(naming)
        if cities_named and not cities_named & set(cities):
            named = "、".join(sorted(cities_named))
            ctx.emit("phone-area-mismatch",
                     f"电话{phone.number}的区号{phone.area_code}属{province}{where}, 而报告所述机关在{named}市。",
                     f"Phone {phone.number}: area code {phone.area_code} is {province} {where}, "
                     f"but the report names {named}.", [phone.evidence])
