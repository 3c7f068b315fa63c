"""Disclosure channels named for proactive disclosure, with the named site or account."""

from __future__ import annotations

from .. import rx as regex
from ..models import Channel
from ..normalize import Normalized
from ..segment import Layout
from ..vocab import CHANNEL_RES
from .counts import zones

_PLATFORM_PART = regex.compile(r"平台|渠道|载体|新媒体|网站")
_QUOTED_AFTER = regex.compile(r"[^。;\n“\"《]{0,6}?[“\"《]([^”\"》\n]{2,20})[”\"》]")
_QUOTED_BEFORE = regex.compile(r"[“\"《]([^”\"》\n]{2,20})[”\"》]$")


def _name_near(text: str, start: int, end: int, code: str) -> str | None:
    """The quoted name of the site or account: around the channel word, after it, or (sites) before it."""
    opened = max(text.rfind("“", max(0, start - 20), start), text.rfind("《", max(0, start - 20), start))
    if opened >= 0:
        closing = {"“": "”", "《": "》"}[text[opened]]
        close = text.find(closing, end, end + 20)
        if close >= 0 and "\n" not in text[opened:close] and text.find(closing, opened, start) < 0:
            return text[opened + 1 : close]
    after = _QUOTED_AFTER.match(text, end, min(len(text), end + 22))
    if after:
        return after.group(1)
    before = _QUOTED_BEFORE.search(text, max(0, start - 22), start)
    if before and code == "website" and ("网" in before.group(1) or "平台" in before.group(1)):
        return before.group(1)
    return None


# A quoted name followed by another channel's word names that account (“XX热线”等微博).
_ACCOUNT_AFTER = regex.compile(r"[等的]?(?:微博|微信|公众号|抖音|头条号|客户端|品牌|账号|栏目|专栏)")


def _inside_account_name(text: str, start: int, end: int) -> bool:
    opened = text.rfind("“", max(0, start - 20), start)
    if opened < 0 or text.find("”", opened, start) >= 0:
        return False
    close = text.find("”", end, end + 20)
    if close < 0 or "\n" in text[opened:close]:
        return False
    return bool(_ACCOUNT_AFTER.match(text, close + 1))


# 未召开新闻发布会, 尚未开通政务微博: a channel named to say it is not used.
_NEGATED = regex.compile(r"(?:未(?!来)|没有|尚无|暂无|尚未|不再)[^,;。、\n]{0,8}$")


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATED.search(text, max(0, start - 10), start))


def extract_channels(doc: Normalized, layout: Layout) -> list[Channel]:
    spans = zones(layout, len(doc.text), "proactive", "overview", whole=not layout.parts)
    if layout.parts and not layout.parts_of("overview"):
        # an overview the headings did not mark: from its 一、 (never the site chrome before it)
        first = doc.text.rfind("一、", 0, layout.parts[0].start)
        if first >= 0:
            spans.append((first, layout.parts[0].start))
    spans += [(p.title_end, p.end) for p in layout.parts_of("extra")
              if _PLATFORM_PART.search(doc.text, p.title_start, p.title_end)]
    found: dict[str, Channel] = {}
    for s, e in spans:
        for code, pattern in CHANNEL_RES:
            if code in found:
                continue
            for m in pattern.finditer(doc.text, s, e):
                if _inside_account_name(doc.text, m.start(), m.end()) or _negated(doc.text, m.start()):
                    continue
                found[code] = Channel(code=code, name=_name_near(doc.text, m.start(), m.end(), code),
                                      evidence=doc.evidence(m.start(), m.end()))
                break
    return sorted(found.values(), key=lambda c: c.evidence.start)
