"""Counts and amounts stated in prose.

Each fact has an ordered list of patterns and an ordered list of zones (the
parts where it is normally stated, then the whole text); the first pattern
hit in the first zone wins. Statements of absence (没有发生…行政复议) give 0
with their evidence; a fact that is never stated stays None.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..models import Facts, IntFact, NumberFact
from ..normalize import Normalized
from ..numbers import NUMBER, parse_count, parse_number
from ..segment import Layout
from .local_table import extract_local_table

N = rf"(?P<n>{NUMBER})"
UNIT = r"(?:余)?(?:条|件|项|个|宗|份|篇|次)"

PROACTIVE = [
    rf"(?<!其他应?)(?:共|累计|全年|共计|其中)?主动公开(?:各类)?(?:政府)?信息(?:共|共计|总数|数量|总量)?(?:为|达到|达)?{N}{UNIT}",
    rf"(?:共|全年|当年|累计|本年|年内)(?:主动)?(?:公开|公布|发布)(?:各类)?(?:政府)?信息(?:共|共计)?{N}{UNIT}",
    rf"(?:主动)?(?:公开|公布|发布)(?:各类)?政府信息(?:共|共计)?{N}{UNIT}",
]
DIGITIZATION = [r"全文电子化率(?:达到|达|为|是)?(?P<n>百分之百|百分之[零一二三四五六七八九十]+|\d+(?:\.\d+)?%?)"]
TRAININGS = [
    rf"(?:组织|开展|举办|召开|参加)(?:各类|专题)?(?:政府信息公开|政务公开|信息公开)?(?:业务|专题|专项)?培训(?:活动|会议|班|会)?(?:共)?{N}(?:次|场|期|批)",
    rf"(?:先后|共|累计)?(?:组织|开展|举办|召开)(?:了)?{N}(?:次|场|期)(?:[^。;]{{0,10}}?)培训",
]
INTERPRETATIONS = [
    rf"(?:发布|开展|制作|推出)(?:各类)?(?:政策)?解读(?:材料|文章|信息|稿件|产品)?(?:共)?{N}(?:篇|条|次|件|期|个)",
    rf"政策解读(?:共|数量)?(?:为)?{N}(?:篇|条|次|件)",
]
REQ_RECEIVED = [
    rf"(?:收到|受理|接到|新收|接收)(?:[^。;,\d]{{0,14}}?)申请(?:的)?(?:数量|总数|数)?(?:共|共计|为)?{N}{UNIT}",
    rf"(?:收到|受理|接到|新收)(?:政府信息公开|依申请公开)?(?:申请)?(?:共|共计)?{N}(?:条|件|宗|个|份)(?:政府信息公开)?申请",
]
REQ_RECEIVED_ZERO = [
    r"(?:未|没有|无)(?:收到|受理|接到|发生)(?:[^。;,]{0,14}?)(?:公开)?申请",
    r"(?:依申请公开|申请公开)(?:[^。;]{0,6}?)(?:为|是)?(?:零|0)(?:条|件)",
]
REQ_COMPLETED = [rf"(?:答复总数|办结(?:数|总数)?|办理完毕|答复(?:数|总数))(?:共|共计|为)?{N}{UNIT}"]
REQ_GRANTED = [rf"(?:同意公开|予以公开|全部公开)(?:答复)?(?:数)?(?:共|为)?{N}{UNIT}",
               r"(?<![\d零一二两三四五六七八九十百])(?P<n>[一二两三四五六七八九十]|\d+)(?:件|条)(?:申请)?(?:予以公开|同意公开)"]
REQ_PARTIAL = [rf"(?:部分公开|同意部分公开)(?:答复)?(?:数)?(?:共|为)?{N}{UNIT}"]
REQ_DENIED = [rf"(?:不予公开|免于公开|免予公开|否决公开)(?:答复)?(?:数)?(?:共|为)?{N}{UNIT}"]

REVIEW = [rf"(?:行政)?复议(?:申请|案件)?(?:共|数|数量)?(?:为)?{N}(?:件|起|宗|次|个)",
          rf"{N}(?:件|起|宗)(?:[^。;,、]{{0,12}}?)行政复议"]
LITIGATION = [rf"(?:行政)?诉讼(?:案件)?(?:共|数|数量)?(?:为)?{N}(?:件|起|宗|次|个)",
              rf"{N}(?:件|起|宗)(?:[^。;,、]{{0,12}}?)行政诉讼"]
# "No review/lawsuit happened": a negation with an event verb (未发生, 没有收到, 未被申请),
# 无一例, or 无 right before the word. Table labels (尚未审结, 未经复议直接起诉) are not one.
NONE_EVENT = regex.compile(
    r"(?:(?:没有|未曾|未|均未|并未|不存在)(?:发生|收到|出现|接到|产生|有|被)|无一例|无(?=[^。;,]{0,6}?(?:复议|诉讼)))"
    r"(?P<what>[^。;]{0,40}?(?:复议|诉讼)[^。;]{0,30})"
)
FEE_ZERO = [
    r"(?:未|没有|不|无|暂不|免于|免予|均未)(?:向[^。;,]{0,14}?)?(?:收取|收)(?:任何)?(?:[^。;,]{0,12}?)(?:费用|信息处理费|费)",
    r"暂不收费|不收取费用|免费提供|无收取信息处理费|未产生信息处理费|信息处理费(?:为)?(?:0|零)元?",
    r"(?:没有|未|无)(?:[^。;]{0,12}?)收费的情况",
    r"(?:未|没有|无)(?:发生|产生)(?:[^。;,]{0,14}?)收费(?:事项|情况|行为)",
]
FEE_AMOUNT = [rf"(?:收取|收费|信息处理费)(?:信息处理费)?(?:共计|共|合计|金额)?(?:为)?(?P<n>{NUMBER})(?P<unit>元|万元)"]


def _compile(patterns: Iterable[str]) -> list[regex.Pattern]:
    return [regex.compile(p) for p in patterns]


_RES = {name: _compile(pats) for name, pats in {
    "proactive": PROACTIVE, "digitization": DIGITIZATION, "trainings": TRAININGS,
    "interpretations": INTERPRETATIONS, "req_received": REQ_RECEIVED, "req_zero": REQ_RECEIVED_ZERO,
    "req_completed": REQ_COMPLETED, "req_granted": REQ_GRANTED, "req_partial": REQ_PARTIAL,
    "req_denied": REQ_DENIED, "review": REVIEW, "litigation": LITIGATION, "fee_zero": FEE_ZERO,
    "fee_amount": FEE_AMOUNT,
}.items()}


def zones(layout: Layout, text_len: int, *kinds: str, whole: bool = True) -> list[tuple[int, int]]:
    out = []
    for kind in kinds:
        out += [(p.title_end, p.end) for p in layout.parts_of(kind)]
    if whole:
        out.append((0, text_len))
    return out


def find_count(doc: Normalized, name: str, spans: list[tuple[int, int]]) -> IntFact | None:
    """The earliest statement in the first zone that has one (any of the fact's patterns)."""
    for s, e in spans:
        best = None
        for pattern in _RES[name]:
            for m in pattern.finditer(doc.text, s, e):
                if parse_count(m["n"]) is not None:
                    if best is None or m.start() < best.start():
                        best = m
                    break
        if best is not None:
            return IntFact(value=parse_count(best["n"]), evidence=doc.evidence(best.start(), best.end()))
    return None


def find_zero(doc: Normalized, name: str, spans: list[tuple[int, int]]) -> IntFact | None:
    for s, e in spans:
        for pattern in _RES[name]:
            m = pattern.search(doc.text, s, e)
            if m:
                return IntFact(value=0, evidence=doc.evidence(m.start(), m.end()))
    return None


def _none_events(doc: Normalized, spans: list[tuple[int, int]]) -> tuple[IntFact | None, IntFact | None]:
    review = litigation = None
    for s, e in spans:
        for m in NONE_EVENT.finditer(doc.text, s, e):
            ev = doc.evidence(m.start(), m.end())
            what = m["what"]
            if review is None and "复议" in what:
                review = IntFact(value=0, evidence=ev)
            if litigation is None and "诉讼" in what:
                litigation = IntFact(value=0, evidence=ev)
        if review or litigation:
            break
    return review, litigation


def extract_facts(doc: Normalized, layout: Layout) -> Facts:
    n = len(doc.text)
    facts = Facts()
    facts.proactive_total = find_count(doc, "proactive", zones(layout, n, "proactive", "overview"))
    m = None
    for pattern in _RES["digitization"]:
        m = pattern.search(doc.text)
        if m:
            break
    if m:
        value = parse_number(m["n"])
        if value is not None:
            facts.digitization_rate = NumberFact(value=value, unit="%", evidence=doc.evidence(m.start(), m.end()))
    facts.trainings = find_count(doc, "trainings", zones(layout, n, "overview", "proactive"))
    facts.policy_interpretations = find_count(doc, "interpretations", zones(layout, n, "proactive", "overview"))

    req_zones = zones(layout, n, "requests", "overview")
    received = find_count(doc, "req_received", req_zones[:-1]) or find_zero(doc, "req_zero", req_zones[:-1])
    facts.requests_received = received or find_count(doc, "req_received", req_zones[-1:])
    narrow = zones(layout, n, "requests", whole=not layout.parts_of("requests"))
    facts.requests_completed = find_count(doc, "req_completed", narrow)
    facts.requests_granted = find_count(doc, "req_granted", narrow)
    facts.requests_partially_granted = find_count(doc, "req_partial", narrow)
    facts.requests_denied = find_count(doc, "req_denied", narrow)

    rl_zones = zones(layout, n, "review_litigation", "overview", "requests", whole=False)
    review_zero, litigation_zero = _none_events(doc, rl_zones)
    facts.review_total = find_count(doc, "review", rl_zones) or review_zero
    facts.litigation_total = find_count(doc, "litigation", rl_zones) or litigation_zero
    for part in layout.parts_of("review_litigation"):
        body = doc.text[part.title_end : part.end]
        nil = regex.fullmatch(r"\s*(?:无|没有|无此类情况|无相关情况)[。.]?\s*", body)
        if nil:
            ev = doc.evidence(part.title_end + nil.start(0) + len(body) - len(body.lstrip()),
                              part.title_end + len(body.rstrip()))
            facts.review_total = facts.review_total or IntFact(value=0, evidence=ev)
            facts.litigation_total = facts.litigation_total or IntFact(value=0, evidence=ev)
    if facts.review_total is None or facts.litigation_total is None:
        rz, lz = _none_events(doc, [(0, n)])
        facts.review_total = facts.review_total or rz
        facts.litigation_total = facts.litigation_total or lz

    for name, fact in extract_local_table(doc, facts).items():
        if getattr(facts, name) is None:
            setattr(facts, name, fact)

    fee_zones = zones(layout, n, "fees", "other", "requests")
    for s, e in fee_zones:
        amount = None
        for pattern in _RES["fee_amount"]:
            am = pattern.search(doc.text, s, e)
            if am:
                value = parse_number(am["n"])
                if value is not None:
                    yuan = value * 10_000 if am["unit"] == "万元" else value
                    amount = NumberFact(value=yuan, unit="元", evidence=doc.evidence(am.start(), am.end()))
                    break
        zero = find_zero(doc, "fee_zero", [(s, e)])
        if amount or zero:
            facts.processing_fee_yuan = amount or NumberFact(value=0, unit="元", evidence=zero.evidence)
            break
    return facts
