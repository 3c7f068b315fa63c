"""Structure (numbering, declared parts, empty parts) and template leftovers."""

from __future__ import annotations

from .. import rx as regex
from .context import CheckContext

_CN = "零一二三四五六七八九十"


def cn_numeral(n: int) -> str:
    if not 0 <= n < 100:  # 一百是, 千是: as digits (the message is still one short line)
        return str(n)
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _sequence_faults(numbers: list[int]) -> list[tuple[int, int, int]]:
    """(index, previous, current) where the numbering skips or repeats; a restart at 1 is a new list.

    A step back to a number other than 1 (六、 then 五、) is a restart the outline did not
    see (a web copy renumbering its tables), not a fault of the report.
    """
    faults = []
    for i in range(1, len(numbers)):
        prev, cur = numbers[i - 1], numbers[i]
        if cur > prev + 1 or cur == prev:
            faults.append((i, prev, cur))
    return faults


def _nested_faults(numbers: list[int]) -> list[tuple[int, int, int]]:
    """Faults of a list that may hold nested lists: 一是 … (一是 二是) … 二是 continues the outer list."""
    faults = []
    stack: list[int] = []  # the last number of each open list, innermost last
    for i, cur in enumerate(numbers):
        if cur == 1 or not stack:
            stack.append(cur)
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d] + 1 == cur), None)
        if depth is not None:
            del stack[depth + 1:]
            stack[-1] = cur
            continue
        prev = stack[-1]
        if cur > prev + 1 or cur == prev:
            faults.append((i, prev, cur))
        stack[-1] = cur
    return faults


def _describe(prev: int, cur: int, fmt) -> tuple[str, str]:
    if cur > prev + 1:
        gap = range(prev + 1, cur)
        missing = "、".join(fmt(n) for n in gap) if len(gap) <= 5 else f"{fmt(gap[0])}至{fmt(gap[-1])}"
        return f"由{fmt(prev)}跳至{fmt(cur)}, 缺少{missing}", f"skips from {fmt(prev)} to {fmt(cur)}"
    return f"{fmt(prev)}之后又是{fmt(cur)}", f"{fmt(cur)} follows {fmt(prev)}"


# How each kind of marker is printed, to look for a number the outline did not take as a heading.
_MARKERS = {
    "part": lambda n: rf"(?:^|(?<=[\n。;:!?\s]))\s*{cn_numeral(n)}\s*[、.,]",
    "sub": lambda n: rf"\(\s*{cn_numeral(n)}\s*\)",
    "item": lambda n: rf"(?:^|(?<=[\n。;:!?\s]))\s*{n}\s*[.、]",
    "shi": lambda n: rf"(?<![统唯总])(?:{cn_numeral(n)}是|第{cn_numeral(n)}[,、])",
}


def _printed_between(ctx: CheckContext, kind: str, prev: int, cur: int, start: int, end: int) -> bool:
    """Whether every number skipped between ``prev`` and ``cur`` is printed between the two headings
    (a heading with a typo, 四、…行政法复议…, that the outline did not recognise)."""
    s, e = ctx.to_norm(start), ctx.to_norm(end)
    if cur <= prev + 1 or e <= s:
        return False
    spans = [(ctx.to_norm(t.start), ctx.to_norm(t.end)) for t in ctx.report.tables.spans.values()]

    def printed(n: int) -> bool:
        return any(not any(a <= m.start() < b for a, b in spans)
                   for m in regex.compile(_MARKERS[kind](n)).finditer(ctx.text, s, e))
    return all(printed(n) for n in range(prev + 1, cur))


def numbering(ctx: CheckContext) -> None:
    """Top-level parts and their (一)(二)... sub-sections are numbered consecutively."""
    sections = ctx.report.outline.sections
    # Parts: an unnumbered heading between two numbered ones (a web copy that dropped a number) fills the gap.
    numbered = [(i, s) for i, s in enumerate(sections) if s.number is not None]
    for k, prev, cur in _sequence_faults([s.number for _, s in numbered]):
        (i0, before), (i1, after) = numbered[k - 1], numbered[k]
        if cur > prev + 1 and (i1 - i0 > 1 or _printed_between(ctx, "part", prev, cur, before.heading.end,
                                                                 after.heading.start)):
            continue
        zh, en = _describe(prev, cur, lambda n: f"{cn_numeral(n)}、")
        ctx.emit("numbering", f"部分序号{zh}。", f"Part numbering {en}.", [after.heading])
    for section in sections:
        where_zh = f"第{cn_numeral(section.number)}部分" if section.number else "部分"
        where_en = f"part {section.number}" if section.number else "a part"
        # Row labels of a recovered table ((一)予以公开, 1.属于国家秘密) are no headings of the text.
        items = [s for s in section.subsections if not ctx.in_table(s.heading)]
        subs = [s for s in items if s.level == 1 and s.number is not None]
        for i, prev, cur in _sequence_faults([s.number for s in subs]):
            if _printed_between(ctx, "sub", prev, cur, subs[i - 1].heading.end, subs[i].heading.start):
                continue
            zh, en = _describe(prev, cur, lambda n: f"({cn_numeral(n)})")
            ctx.emit("numbering", f"{where_zh}“{section.title}”中小标题序号{zh}。",
                     f"Sub-section numbering in {where_en} ({section.title}) {en}.",
                     [subs[i - 1].heading, subs[i].heading])
        # 1. 2. 3. items and 一是 二是 items: counted afresh under each (一)(二)... and each 1. (for 一是);
        # a list may nest inside another (一是 … 1. 2. … 二是), so an inner list does not end the outer one.
        runs: list[tuple[str, str | None, list]] = [("item", None, []), ("shi", None, [])]
        for sub in items:
            if sub.level == 1:
                runs += [("item", sub.marker, []), ("shi", sub.marker, [])]
            elif sub.level in (2, 3):
                if sub.level == 2:
                    target = next(r for r in reversed(runs) if r[0] == "item")
                    if sub.number is not None:
                        target[2].append(sub)
                runs.append(("shi", sub.marker, []))
            elif sub.level == 4 and sub.number is not None:
                next(r for r in reversed(runs) if r[0] == "shi")[2].append(sub)
        for kind, parent, run in runs:
            for i, prev, cur in _nested_faults([s.number for s in run]):
                if _printed_between(ctx, kind, prev, cur, run[i - 1].heading.end, run[i].heading.start):
                    continue
                if kind == "shi":
                    zh, en = _describe(prev, cur, lambda n: f"{cn_numeral(n)}是")
                    ctx.emit("numbering", f"{where_zh}“{section.title}”中列举序号{zh}。",
                             f"Enumeration in {where_en} ({section.title}) {en}.",
                             [run[i - 1].heading, run[i].heading])
                    continue
                zh, en = _describe(prev, cur, lambda n: f"{n}.")
                under = f"{parent}下" if parent else ""
                ctx.emit("numbering", f"{where_zh}“{section.title}”{under}条目序号{zh}。",
                         f"Item numbering in {where_en} ({section.title}{', under ' + parent if parent else ''}) {en}.",
                         [run[i - 1].heading, run[i].heading])


def declared_parts(ctx: CheckContext) -> None:
    outline = ctx.report.outline
    if outline.declared_parts is None or not outline.sections:
        return
    declared, found = outline.declared_parts.value, len(outline.sections)
    if declared == found + 1 and outline.signature is not None and _ANNEX.search(
            ctx.text, ctx.to_norm(outline.signature.end)):
        return  # the last declared part is the annexed statistics table after the signature
    if declared != found:
        ctx.emit("declared-parts-mismatch",
                 f"导语称全文{cn_numeral(declared)}部分(“{outline.declared_parts.evidence.text}”), 正文实有{found}部分。",
                 f"The preamble declares {declared} parts, the body has {found}.",
                 [outline.declared_parts.evidence])


_ANNEX = regex.compile(r"附件|附表|统计表")
_NOTHING = regex.compile(r"(?:本年度|本年|今年|暂)?(?:无|没有|无此情况|无相关情况|无其他需要报告的事项)?")
_PUNCT = regex.compile(r"[\s。.,,:;;、!?\"“”'‘’()]+")
_FEE_CHARGED = regex.compile(r"(?:收取|收费)[^。;]{0,10}?[1-9]\d*(?:\.\d+)?元")


def empty_parts(ctx: CheckContext) -> None:
    """A part with no content, or only 无 (accepted in 其他需要报告的事项 unless fees were charged)."""
    report = ctx.report
    tables_flagged = {e.start for f in ctx.findings if f.code in ("missing-table", "table-not-in-text") for e in f.evidence}
    fee = report.facts.processing_fee_yuan
    charged = (fee is not None and fee.value > 0) or bool(_FEE_CHARGED.search(ctx.text))
    for section in report.outline.sections:
        if section.heading.start in tables_flagged:
            continue
        s, e = ctx.body(section)
        if e - s > 40:  # anything longer says more than 无
            continue
        body = _PUNCT.sub("", ctx.text[s:e])
        if body and not _NOTHING.fullmatch(body):
            continue
        if body and section.kind == "other" and not charged:
            continue
        state_zh, state_en = ("仅写“无”", "says only 无") if body else ("为空", "is empty")
        ctx.emit("empty-part", f"“{section.title}”部分{state_zh}。", f"The part “{section.title}” {state_en}.",
                 [section.heading])


_PLACEHOLDERS = regex.compile(
    r"(?<![A-Za-z])(?:X{2,}|x{2,}|×{2,}|╳{2,})(?![A-Za-z])"
    r"|【\s*】|【[^】\n]{0,12}?(?:填写|填报|名称|单位|日期|数量|年份|X|×)[^】\n]{0,12}?】"
    r"|编写说明|填写说明|填报说明|(?:此处|在此)(?:填写|填入)"
)
_MISSING_NUMBER = regex.compile(
    r"(?:主动公开|公开|公布|发布|收到|受理|办理|答复|办结|新收)(?:各类|了)?(?:政府)?(?:信息|申请)?"
    r"(?:共|共计|合计|累计|总数|数量)?(?:为|达)?(?P<unit>条|件|篇)(?![例款目件数理文\d\s|])"
    r"|(?:共|共计|合计|总计)(?P<unit2>条|件|次|篇|个)(?![例款目件数理文\d\s|])"
    r"|\(\s*\)(?P<unit3>条|件|次|个|元|篇|万元|人次|项)"
)


def template_leftovers(ctx: CheckContext) -> None:
    text = ctx.text
    start, end = 0, len(text)
    for m in _PLACEHOLDERS.finditer(text, start, end):
        ctx.emit("template-leftover", f"残留模板内容“{m.group(0)}”。", f"Template leftover “{m.group(0)}”.",
                 [ctx.evidence(m.start(), m.end())])
    zero_spans = _zero_statements(ctx)
    for m in _MISSING_NUMBER.finditer(text, start, end):
        if _unit_as_noun(text, m) or _says_none(text, m) or any(
                s < m.end() and m.start() < e for s, e in zero_spans):
            continue
        ctx.emit("missing-number", f"“{m.group(0)}”: 单位前缺少数字。", f"“{m.group(0)}”: no number before the unit.",
                 [ctx.evidence(m.start(), m.end())])


# 依申请公开件 (a request case), 申请件 (an application file): 件 as a noun, not a unit.
_NOUN_BEFORE = regex.compile(r"依申请$")
_NONE_BEFORE = regex.compile(r"(?:未|没有|无|零|不曾|尚未)[^。;,:\n]{0,20}$")


def _unit_as_noun(text: str, m: regex.Match) -> bool:
    return m["unit"] == "件" and bool(_NOUN_BEFORE.search(text, max(0, m.start() - 4), m.start())) \
        and not regex.match(r"(?:共|共计|合计)", m.group(0))


def _says_none(text: str, m: regex.Match) -> bool:
    """未收到政府信息公开申请件: the clause denies the thing counted; no number is missing."""
    return bool(_NONE_BEFORE.search(text, max(0, m.start() - 24), m.start()))


def _zero_statements(ctx: CheckContext) -> list[tuple[int, int]]:
    """Normalized spans of the facts the parser read as 0 (a finding must not contradict them)."""
    out = []
    for name in ("requests_received", "requests_completed", "requests_granted", "review_total",
                 "litigation_total", "proactive_total"):
        for stated in ctx.statements(name):
            if stated.value == 0:
                out.append((ctx.to_norm(stated.evidence.start), ctx.to_norm(stated.evidence.end)))
    return out
