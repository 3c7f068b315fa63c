"""Contact telephone numbers, validated; fax numbers are not phones.

A number counts when it follows a phone label (电话, 联系电话, 咨询电话, Tel)
before any other label (传真, 邮编, 地址, 邮箱) intervenes. ``电话/传真`` is a
phone label (the line serves both).
"""

from __future__ import annotations

from .. import rx as regex
from ..cn_phone import is_valid
from ..models import Phone
from ..normalize import Normalized

_LABEL = regex.compile(
    r"(?:联系|咨询|服务|监督|办公|举报|投诉|值班)?电话(?:号码)?(?:/传真)?|联系方式|联系人|手机(?:号码)?|座机|(?i:tel)"
)
_STOP = regex.compile(r"传真|邮编|邮政编码|地址|邮箱|电子邮件|E-?mail|网址|QQ|。|\n\n", regex.I)
_NUMBER = regex.compile(
    r"(?<![\d@])(?:"
    r"(?P<mobile>1[3-9]\d{9})"
    r"|(?P<service>400-?\d{3}-?\d{4}|12345|123\d\d)"
    r"|(?:\(?(?P<area>0\d{2,3})\)?(?:[ ]?[-—–~]{1,2}[ ]?|[ ])?)?(?P<local>[2-9]\d{6,7})"
    r")(?![\d@]|\.\w)"
)


def _validate(area: str | None, local: str | None, mobile: str | None) -> bool:
    digits = mobile or f"{area}{local}"
    return is_valid(digits.lstrip("0"))


def extract_phones(doc: Normalized) -> list[Phone]:
    text = doc.text
    phones: dict[str, Phone] = {}
    for label in _LABEL.finditer(text):
        stop = _STOP.search(text, label.end(), min(len(text), label.end() + 80))
        zone_end = stop.start() if stop else min(len(text), label.end() + 60)
        for m in _NUMBER.finditer(text, label.end(), zone_end):
            if m["mobile"]:
                number, kind, area = m["mobile"], "mobile", None
                valid = _validate(None, None, number)
            elif m["service"]:
                number, kind, area, valid = m["service"].replace("-", ""), "service", None, True
            else:
                area = m["area"]
                local = m["local"]
                number = f"{area}-{local}" if area else local
                kind = "landline"
                valid = _validate(area, local, None) if area else len(local) in (7, 8)
            if number not in phones:
                phones[number] = Phone(number=number, kind=kind, area_code=area, valid=valid,
                                       evidence=doc.evidence(m.start(), m.end()))
    return list(phones.values())
