"""Counts and amounts stated in prose.

Each fact has an ordered list of patterns and an ordered list of zones (the
parts where it is normally stated, then the whole text); the first pattern
hit in the first zone wins. Statements of absence (没有发生…行政复议) give 0
with their evidence; a fact that is never stated stays None.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import rx as regex
from ..models import FACT_TRUST, AmountFact, CountFact, Evidence, FactCandidate, Facts, NumberFact, Tables
from ..normalize import Normalized
from ..numbers import NUMBER, parse_count, parse_number
from ..segment import Layout
from ..vocab import REFUSAL_RES
from .local_table import extract_local_table
from .table_facts import table_candidates, undecided

N = rf"(?P<n>{NUMBER})"
UNIT = r"(?:余)?(?:条|件|项|个|宗|份|篇|次)"
# A short qualifier before 政府信息 / 信息: 公安政府信息, 公文类政府信息, 各类政府信息.
_KIND = r"(?P<kind>[\p{Han}]{1,4}?类|各类|[\p{Han}]{1,3}?(?=政府信息))?"

# 依申请公开信息5条, 不予公开, 部分公开: not proactive.
_NOT_ON_REQUEST = r"(?<!申请|不予|部分|同意|予以|免于|免予)"

# Tiers: a 主动公开 statement first, then 公开/发布信息 statements; in each, the first zone that has one.
PROACTIVE_TIERS = [
    [
        rf"(?<!其他应?|非|不予)(?:共|累计|全年|共计|其中)?主动公开(?:了)?{_KIND}(?:政府)?信息(?:共|共计|总数|数量|总量|数)?"
        rf"(?:为|达到|达)?{N}{UNIT}",
        rf"(?<!其他应?|非|不予)主动公开(?:了)?(?:共|共计)?{N}{UNIT}",
        rf"(?:共|全年|当年|累计|本年|年内)(?:主动)?(?:公开|公布|发布)(?:了)?{_KIND}(?:政府)?信息(?:共|共计)?{N}{UNIT}",
        rf"(?:主动|{_NOT_ON_REQUEST})(?:公开|公布|发布)(?:了)?{_KIND}政府信息(?:共|共计)?{N}{UNIT}",
    ],
    [
        rf"{_NOT_ON_REQUEST}(?:公开|发布|公布)(?:了)?{_KIND}信息(?:数)?(?:共|共计|总数|数量)?(?:为|达)?{N}{UNIT}",
        rf"(?<![\p{{Han}}])信息数(?:为)?{N}{UNIT}",
    ],
]
PROACTIVE = [p for tier in PROACTIVE_TIERS for p in tier]
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
    rf"(?:收到|受理|接到|新收|接收)(?:[^。;,\d]{{0,14}}?)申请(?:公开)?(?:的)?(?:事项)?(?:数量|总数|数|件数)?(?:共|共计|为)?{N}{UNIT}",
    rf"(?:收到|受理|接到|新收)(?:政府信息公开|依申请公开)?(?:申请)?(?:共|共计)?{N}(?:条|件|宗|个|份)(?:政府信息公开)?申请",
]
REQ_RECEIVED_ZERO = [
    r"(?:未|没有|无)(?:收到|受理|接到|发生)(?:[^。;,]{0,24}?)(?:公开)?申请",
    r"(?:依申请公开|申请公开)(?:[^。;]{0,6}?)(?:为|是)?(?:零|0)(?:条|件)",
]
_OF = r"[”\"]?(?:的)?(?:答复)?(?:件数|数量|数)?(?:共|共计|为|是|有)?"
REQ_COMPLETED = [rf"(?:答复总数|办结(?:数|总数|件数)?|办理完毕|已答复|答复(?:件数|数|总数))(?:共|共计|为)?{N}{UNIT}"]
REQ_GRANTED = [rf"(?<!部分|不)(?:同意公开|予以公开|全部公开){_OF}{N}{UNIT}",
               r"(?<![\d零一二两三四五六七八九十百])(?P<n>[一二两三四五六七八九十]|\d+)(?:件|条)(?:申请)?(?:予以公开|同意公开)"]
REQ_PARTIAL = [rf"(?:部分公开|同意部分公开){_OF}{N}{UNIT}"]
REQ_DENIED = [rf"(?:不予公开|免于公开|免予公开|否决公开){_OF}{N}{UNIT}",
              r"(?<![\d零一二两三四五六七八九十百])(?P<n>[一二两三四五六七八九十]|\d+)(?:件|条)(?:申请)?(?:不予公开)"]

# 本年度无不予公开的政府信息 (but 没有应公开而不予公开的情况 says nothing of refusals made by law)
REQ_DENIED_ZERO = [r"(?:没有|无|未有|未出现)(?!应当?公开而)(?:[^。;,]{0,3}?)不予公开(?:的)?(?:政府信息|信息|情况|申请|情形|事项)"]

REVIEW = [rf"(?:行政)?复议(?:申请|案件)?(?:的)?(?:共|数|数量|有)?(?:为)?{N}(?:件|起|宗|次|个)",
          rf"{N}(?:件|起|宗)(?:[^。;,、]{{0,12}}?)行政复议"]
LITIGATION = [rf"(?:行政)?诉讼(?:案件)?(?:的)?(?:共|数|数量|有)?(?:为)?{N}(?:件|起|宗|次|个)",
              rf"{N}(?:件|起|宗)(?:[^。;,、]{{0,12}}?)行政诉讼"]
# "No review/lawsuit happened": a negation with an event verb (未发生, 没有收到, 未被申请),
# 无一例, or 无 right before the word. Table labels (尚未审结, 未经复议直接起诉) are not one.
NONE_EVENT = regex.compile(
    r"(?:(?:没有|未曾|未|均未|并未|不存在)(?:发生|收到|出现|接到|产生|有|被)|无一例|"
    r"无(?!法|正当|需|论)(?=[^。;,]{0,16}?(?:复议|诉讼)))"
    r"(?P<what>[^。;]{0,40}?(?:复议|诉讼)[^。;]{0,30})"
)
# ...but "no review decision went against us / no lawsuit was lost" says nothing of how many there were.
LOST_CASE = regex.compile(r"纠错|纠正|败诉|撤销|确认违法|被责令|被改变|不利")
FEE_ZERO = [
    r"(?:未|没有|不|无|暂不|免于|免予|均未)(?:[向对][^。;,]{0,14}?)?(?:收取|收)(?:任何)?(?:[^。;,]{0,12}?)(?:费用|信息处理费|费)",
    r"暂不收费|不收取费用|免费提供|无收取信息处理费|信息处理费(?:为)?(?:0|零)元?",
    r"(?:未|没有|无|不)(?:产生|发生|涉及)(?:任何)?(?:政府)?(?:信息公开|信息)?(?:处理)?(?:费用|处理费|收费)",
    r"(?:没有|未|无)(?:[^。;]{0,12}?)收费的情况",
    r"(?:未|没有|无|不存在)(?:发生|产生)?(?:[^。;,]{0,14}?)收费(?:及减免|和减免|与减免)?(?:的)?(?:事项|情况|行为)",
    r"(?:均|全部|一律)免费",
    r"(?:没有|未|无|未曾)收费|无收费",
]
FEE_AMOUNT = [rf"(?:收取|收费|信息处理费)(?:信息处理费)?(?:共计|共|合计|金额)?(?:为)?(?P<n>{NUMBER})(?P<unit>元|万元)",
              rf"收取(?:了)?(?:[^。;,\d]{{0,12}}?)(?:费用|处理费|工本费)(?:共计|共|合计)?(?:为)?(?P<n>{NUMBER})(?P<unit>元|万元)"]

# Words of other business: counts near them are not information-disclosure requests.
NOT_DISCLOSURE = regex.compile(
    r"审批|许可|办件|窗口|信访|咨询|纳税|税务|涉税|投诉|举报|政务服务|便民|来电|来访|热线|12345|"
    r"业务|建议|提案|证照|注册|市场主体|不动产|婚姻|户籍|(?<!公开)事项|网上办|一网通办"
)
DISCLOSURE = regex.compile(r"公开|信息")
_ABOUT_DISCLOSURE_CASE = regex.compile(r"信息公开|公开申请|申请公开|政府信息")
# A clause that names one channel: its count is that channel's, not the year's total.
NEW_MEDIA = regex.compile(r"微信|微博|公众号|抖音|客户端|新媒体|头条|视频号|小程序")
ONE_CHANNEL = regex.compile(r"网站|专栏|栏目|微信|微博|公众号|抖音|客户端|平台|公开栏|新媒体|头条|视频号")
# Cumulative figures: 历年累计, 截至目前, 至今 ... (but 全年累计 is the year's)
CUMULATIVE = regex.compile(r"历年|截至|截止|至今|以来|累计|总计已|迄今")
# Marks of the year's figure. A year that starts a span (自2008年以来, 2014年12月25日) is none.
YEAR_MARK = regex.compile(r"全年|本年|当年|今年|年度|年内|年初|(?<![自从])\d{4}年(?!\d{1,2}月|以来|起|至)|其中")
# 截至12月底 / 截至年底 dates the year's figure; 截至目前 does not.
_UNTIL_NOW = regex.compile(r"[^,;。]{0,3}?(?:目前|今|现在|发稿|报告)")
_SINCE_THIS_YEAR = regex.compile(r"(?:今年|本年|年初|全年)$")
_CLAUSE_STOP = regex.compile(r"[,。;:!?\n]")
_SENTENCE_STOP = regex.compile(r"[。;!?\n]")


def _back(text: str, pos: int, stop: regex.Pattern, limit: int = 80) -> int:
    """Start of the clause or sentence that holds ``pos`` (at most ``limit`` back)."""
    lo = max(0, pos - limit)
    last = lo
    for m in stop.finditer(text, lo, pos):
        last = m.end()
    return last


def is_cumulative(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` is a running total, not the year's.

    历年, 至今, 迄今 and 以来 (not 今年以来) always mark one; 截至 does when it reaches 目前
    or a 累计 follows it (截至12月底 alone dates the year's figure); 累计 alone does unless
    the sentence dates it to the year before (2019年,我局累计…; 全年累计). A year's mark
    after the last of them (…8000条,其中2016年360条) makes the figure the year's again.
    """
    s = _back(text, start, _SENTENCE_STOP)
    before = text[s:end]
    real = []
    until = False
    for mark in CUMULATIVE.finditer(before):
        word = mark.group()
        if word == "以来" and _SINCE_THIS_YEAR.search(before, 0, mark.start()):
            continue
        if word in ("截至", "截止"):
            until = True
            if not _UNTIL_NOW.match(before, mark.end()):
                continue
        if word == "累计" and not until and YEAR_MARK.search(before, 0, mark.start()):
            continue
        real.append(mark)
    if not real:
        return False
    return not YEAR_MARK.search(before, real[-1].end())


def about_disclosure(text: str, start: int, end: int, in_part: bool) -> bool:
    """Whether a request/answer count is about information-disclosure requests (not approvals, petitions...)."""
    s = _back(text, start, _CLAUSE_STOP, 40)
    clause = text[s:end]
    if NOT_DISCLOSURE.search(clause):
        return False
    return in_part or bool(DISCLOSURE.search(clause))


def _compile(patterns: Iterable[str]) -> list[regex.Pattern]:
    return [regex.compile(p) for p in patterns]


_RES = {name: _compile(pats) for name, pats in {
    "proactive": PROACTIVE, "digitization": DIGITIZATION, "trainings": TRAININGS,
    "interpretations": INTERPRETATIONS, "req_received": REQ_RECEIVED, "req_zero": REQ_RECEIVED_ZERO,
    "req_completed": REQ_COMPLETED, "req_granted": REQ_GRANTED, "req_partial": REQ_PARTIAL,
    "req_denied": REQ_DENIED, "req_denied_zero": REQ_DENIED_ZERO, "review": REVIEW, "litigation": LITIGATION, "fee_zero": FEE_ZERO,
    "fee_amount": FEE_AMOUNT,
}.items()}
_PROACTIVE_TIERS = [_compile(tier) for tier in PROACTIVE_TIERS]
# Facts counted per request: they must be about disclosure requests, not other business.
_REQUEST_FACTS = {"req_received", "req_completed", "req_granted", "req_partial", "req_denied"}


def zones(layout: Layout, text_len: int, *kinds: str, whole: bool = True) -> list[tuple[int, int]]:
    out = []
    for kind in kinds:
        out += [(p.title_end, p.end) for p in layout.parts_of(kind)]
    if whole:
        out.append((0, text_len))
    return out


def _acceptable(doc: Normalized, name: str, m: regex.Match, in_part: bool) -> bool:
    if parse_count(m["n"]) is None:
        return False
    if is_cumulative(doc.text, m.start(), m.end()):
        return False
    if name in _REQUEST_FACTS and not about_disclosure(doc.text, m.start(), m.end(), in_part):
        return False
    if name in ("review", "litigation") and not in_part and not _ABOUT_DISCLOSURE_CASE.search(
            doc.text, _back(doc.text, m.start(), _SENTENCE_STOP), m.end()):
        return False  # 全年办理行政复议案件120件: the organ's own review work, not cases about disclosure
    if name.startswith("proactive"):
        clause = (_back(doc.text, m.start(), _CLAUSE_STOP, 40), m.end())
        # 通过微信公众号发布信息86条, 在网站专栏公开各类信息312条: one channel's count, not the year's total
        if NEW_MEDIA.search(doc.text, *clause):
            return False
        if name == "proactive_loose" and ONE_CHANNEL.search(doc.text, *clause):
            return False
        # 其中人事类信息5条: one category's count
        kind = m.groupdict().get("kind")
        if kind and kind != "各类" and "其中" in doc.text[clause[0]:clause[1]]:
            return False
    return True


def find_count(doc: Normalized, name: str, spans: list[tuple[int, int]],
               patterns: list[regex.Pattern] | None = None, parts: int | None = None) -> CountFact | None:
    """The earliest statement in the first zone that has one (any of the fact's patterns).

    ``parts``: how many of ``spans`` are parts named for the fact (the rest are wider zones,
    where a request count must name disclosure to count).
    """
    parts = len(spans) if parts is None else parts
    for i, (s, e) in enumerate(spans):
        best = None
        for pattern in patterns or _RES[name]:
            for m in pattern.finditer(doc.text, s, e, overlapped=False):
                if _acceptable(doc, name, m, i < parts):
                    if best is None or m.start() < best.start():
                        best = m
                    break
        if best is not None:
            return CountFact(value=parse_count(best["n"]), evidence=doc.evidence(best.start(), best.end()))
    return None


def find_zero(doc: Normalized, name: str, spans: list[tuple[int, int]]) -> CountFact | None:
    for s, e in spans:
        for pattern in _RES[name]:
            for m in pattern.finditer(doc.text, s, e):
                if name == "req_zero" and NOT_DISCLOSURE.search(m.group()):
                    continue
                return CountFact(value=0, evidence=doc.evidence(m.start(), m.end()), source="absence")
    return None


def _none_events(doc: Normalized, spans: list[tuple[int, int]]) -> tuple[CountFact | None, CountFact | None]:
    review = litigation = None
    for s, e in spans:
        for m in NONE_EVENT.finditer(doc.text, s, e):
            what = m["what"]
            if LOST_CASE.search(what):
                continue  # 未发生行政复议被纠错、行政诉讼败诉: silent on how many there were
            ev = doc.evidence(m.start(), m.end())
            if review is None and "复议" in what:
                review = CountFact(value=0, evidence=ev, source="absence")
            if litigation is None and "诉讼" in what:
                litigation = CountFact(value=0, evidence=ev, source="absence")
        if review or litigation:
            break
    return review, litigation


_NIL = regex.compile(r"\s*(?:无|没有|无此类情况|无相关情况|无收费及减免情况)[。.]?\s*")


_FEE_CONTEXT = regex.compile(r"信息处理费|处理费|信息公开|申请|依申请|检索|复制|邮寄")


def _about_fees(text: str, start: int, end: int) -> bool:
    """Outside the parts that report fees, a fee statement must be about disclosure (not 免费提供办事服务)."""
    return bool(_FEE_CONTEXT.search(text, _back(text, start, _SENTENCE_STOP), min(len(text), end + 10)))


def _nil_part(doc: Normalized, part) -> Evidence | None:
    """The body of a part that says only 无 (nothing to report), as evidence."""
    body = doc.text[part.title_end : part.end]
    if not _NIL.fullmatch(body):
        return None
    lead = len(body) - len(body.lstrip())
    return doc.evidence(part.title_end + lead, part.title_end + len(body.rstrip()))


def _proactive(doc: Normalized, layout: Layout) -> CountFact | None:
    spans = zones(layout, len(doc.text), "proactive", "overview")
    for span in spans:
        for name, tier in zip(("proactive", "proactive_loose"), _PROACTIVE_TIERS, strict=True):
            found = find_count(doc, name, [span], tier)
            if found:
                return found
    return None


def prose_facts(doc: Normalized, layout: Layout) -> Facts:
    """Counts and amounts the prose states (and statements that nothing happened)."""
    n = len(doc.text)
    facts = Facts()
    facts.proactive_total = _proactive(doc, layout)
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
    in_requests = len(layout.parts_of("requests"))
    received = (find_count(doc, "req_received", req_zones[:-1], parts=in_requests)
                or find_zero(doc, "req_zero", req_zones[:-1]))
    facts.requests_received = received or find_count(doc, "req_received", req_zones[-1:], parts=0)
    narrow = zones(layout, n, "requests", whole=not layout.parts_of("requests"))
    in_part = in_requests if layout.parts_of("requests") else 0
    facts.requests_completed = find_count(doc, "req_completed", narrow, parts=in_part)
    facts.requests_granted = find_count(doc, "req_granted", narrow, parts=in_part)
    facts.requests_partially_granted = find_count(doc, "req_partial", narrow, parts=in_part)
    facts.requests_denied = (find_count(doc, "req_denied", narrow, parts=in_part)
                             or find_zero(doc, "req_denied_zero", zones(layout, n, "requests", whole=False)))

    rl_zones = zones(layout, n, "review_litigation", "overview", "requests", whole=False)
    review_zero, litigation_zero = _none_events(doc, rl_zones)
    in_rl = len(layout.parts_of("review_litigation"))
    facts.review_total = find_count(doc, "review", rl_zones, parts=in_rl) or review_zero
    facts.litigation_total = find_count(doc, "litigation", rl_zones, parts=in_rl) or litigation_zero
    for part in layout.parts_of("review_litigation"):
        ev = _nil_part(doc, part)
        if ev:
            facts.review_total = facts.review_total or CountFact(value=0, evidence=ev, source="absence")
            facts.litigation_total = facts.litigation_total or CountFact(value=0, evidence=ev, source="absence")
    if facts.review_total is None or facts.litigation_total is None:
        rz, lz = _none_events(doc, [(0, n)])
        facts.review_total = facts.review_total or rz
        facts.litigation_total = facts.litigation_total or lz

    fee_zones = zones(layout, n, "fees", "other", "requests")  # then the whole text
    for i, (s, e) in enumerate(fee_zones):
        anywhere = i == len(fee_zones) - 1 and bool(layout.parts)
        amount = zero = None
        for pattern in _RES["fee_amount"]:
            for am in pattern.finditer(doc.text, s, e):
                value = parse_number(am["n"])
                if value is not None and (not anywhere or _about_fees(doc.text, am.start(), am.end())):
                    yuan = value * 10_000 if am["unit"] == "万元" else value
                    amount = AmountFact(value=yuan, unit="元", evidence=doc.evidence(am.start(), am.end()))
                    break
            if amount:
                break
        for pattern in _RES["fee_zero"]:
            for zm in pattern.finditer(doc.text, s, e):
                if not anywhere or _about_fees(doc.text, zm.start(), zm.end()):
                    zero = AmountFact(value=0, unit="元", evidence=doc.evidence(zm.start(), zm.end()),
                                      source="absence")
                    break
            if zero:
                break
        if amount or zero:
            facts.processing_fee_yuan = amount or zero
            break
    for part in layout.parts_of("fees"):
        ev = _nil_part(doc, part)
        if ev and facts.processing_fee_yuan is None:
            facts.processing_fee_yuan = AmountFact(value=0, unit="元", evidence=ev, source="absence")
    return facts


# --- candidates from every place, one choice -------------------------------------------------

COUNT_FACTS = ("proactive_total", "requests_received", "requests_carried_over", "requests_completed",
               "requests_carried_forward", "requests_granted", "requests_partially_granted",
               "requests_denied", "review_total", "litigation_total")
_CARRIED = regex.compile(r"(?:上年|上一年|去年)[^。;]{0,10}?结转[^。;]{0,10}?(?P<n>[1-9]\d*)(?:件|条)")


# The requests part speaks of answers or refusals: it is no plain "nothing received".
_ANSWERS = regex.compile(r"不予公开|部分公开|同意公开|予以公开|答复|办结|不予受理|不予处理|无法提供")


def _derived(facts: Facts, doc: Normalized, layout: Layout, era: str | None) -> list[FactCandidate]:
    """No request received and none carried over: none answered, granted or refused.

    Only when the requests part says nothing of answers or refusals (a report that
    says it received none and then names what it refused contradicts itself: null).
    """
    received, carried = facts.requests_received, facts.requests_carried_over
    if received is None or received.value != 0:
        return []
    parts = layout.parts_of("requests")
    if not parts:
        return []
    for part in parts:
        if _ANSWERS.search(doc.text, part.title_end, part.end) or any(
                pattern.search(doc.text, part.title_end, part.end) for _code, pattern in REFUSAL_RES):
            return []
    nothing_carried = (carried is not None and carried.value == 0) or (
        carried is None and era == "pre2019" and not _CARRIED.search(doc.text))
    if not nothing_carried:
        return []
    return [FactCandidate(fact=name, value=0, source="derived", evidence=received.evidence)
            for name in ("requests_completed", "requests_granted", "requests_partially_granted",
                         "requests_denied")]


def choose(facts: Facts, candidates: list[FactCandidate]) -> None:
    """Set each count to its most trusted candidate (earlier candidates win ties)."""
    for name in COUNT_FACTS:
        mine = [c for c in candidates if c.fact == name]
        if mine:
            best = min(mine, key=lambda c: FACT_TRUST[c.source])
            setattr(facts, name, CountFact(value=int(best.value), evidence=best.evidence, source=best.source))


def extract_facts(doc: Normalized, layout: Layout, tables: Tables | None = None,
                  era: str | None = None) -> Facts:
    """Every count from the standard tables, a local statistics table and the prose; one chosen each."""
    facts = prose_facts(doc, layout)
    candidates: list[FactCandidate] = []
    if tables is not None:
        candidates += table_candidates(doc, tables)
    local = extract_local_table(doc, facts)
    for name, fact in local.items():
        candidates.append(FactCandidate(fact=name, value=fact.value, source="local_table", evidence=fact.evidence))
    for name in COUNT_FACTS:
        fact = getattr(facts, name)
        if fact is not None:
            candidates.append(FactCandidate(fact=name, value=fact.value, source=fact.source,
                                            evidence=fact.evidence))
    if "processing_fee_yuan" in local and facts.processing_fee_yuan is None:
        fee = local["processing_fee_yuan"]
        facts.processing_fee_yuan = AmountFact(value=fee.value, unit="元", evidence=fee.evidence,
                                               source="local_table")
    if facts.processing_fee_yuan is not None:
        fee = facts.processing_fee_yuan
        candidates.append(FactCandidate(fact="processing_fee_yuan", value=fee.value, source=fee.source,
                                        evidence=fee.evidence))
    choose(facts, candidates)
    derived = _derived(facts, doc, layout, era)
    candidates += derived
    choose(facts, candidates)
    if tables is not None:
        for name in undecided(tables):  # the table states it but several readings fit: null
            setattr(facts, name, None)
    facts.candidates = candidates
    return facts
