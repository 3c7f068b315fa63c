"""Structure (numbering, declared parts, empty parts) and template leftovers."""

from __future__ import annotations

import regex

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
    """(index, previous, current) where the numbering skips or repeats; a restart at 1 is a new list."""
    faults = []
    for i in range(1, len(numbers)):
        prev, cur = numbers[i - 1], numbers[i]
        if cur != prev + 1 and cur != 1:
            faults.append((i, prev, cur))
    return faults


def _describe(prev: int, cur: int, fmt) -> tuple[str, str]:
    if cur > prev + 1:
        gap = range(prev + 1, cur)
        missing = "、".join(fmt(n) for n in gap) if len(gap) <= 5 else f"{fmt(gap[0])}至{fmt(gap[-1])}"
        return f"由{fmt(prev)}跳至{fmt(cur)}, 缺少{missing}", f"skips from {fmt(prev)} to {fmt(cur)}"
    return f"{fmt(prev)}之后又是{fmt(cur)}", f"{fmt(cur)} follows {fmt(prev)}"


def numbering(ctx: CheckContext) -> None:
    """Top-level parts and their (一)(二)... sub-sections are numbered consecutively."""
    sections = ctx.report.outline.sections
    numbered = [s for s in sections if s.number is not None]
    for i, prev, cur in _sequence_faults([s.number for s in numbered]):
        zh, en = _describe(prev, cur, lambda n: f"{cn_numeral(n)}、")
        ctx.emit("numbering", f"部分序号{zh}。", f"Part numbering {en}.", [numbered[i].heading])
    for section in sections:
        subs = [s for s in section.subsections if s.level == 1 and s.number is not None]
        where_zh = f"第{cn_numeral(section.number)}部分" if section.number else "部分"
        where_en = f"part {section.number}" if section.number else "a part"
        for i, prev, cur in _sequence_faults([s.number for s in subs]):
            zh, en = _describe(prev, cur, lambda n: f"({cn_numeral(n)})")
            ctx.emit("numbering", f"{where_zh}“{section.title}”中小标题序号{zh}。",
                     f"Sub-section numbering in {where_en} ({section.title}) {en}.",
                     [subs[i - 1].heading, subs[i].heading])
        # 1. 2. 3. items, counted afresh under each (一)(二)...
        runs: list[tuple[str | None, list]] = [(None, [])]
        for sub in section.subsections:
            if sub.level == 1:
                runs.append((sub.marker, []))
            elif sub.level == 2 and sub.number is not None:
                runs[-1][1].append(sub)
        # 一是 二是 三是 items: a run starts again at 一是 and under each sub-section.
        fresh = True
        for sub in section.subsections:
            if sub.level in (1, 2, 3):
                fresh = True
            elif sub.level == 4 and sub.number is not None:
                if fresh or sub.number == 1:
                    runs.append(("一是", []))
                    fresh = False
                runs[-1][1].append(sub)
        for parent, items in runs:
            if parent == "一是":
                for i, prev, cur in _sequence_faults([s.number for s in items]):
                    zh, en = _describe(prev, cur, lambda n: f"{cn_numeral(n)}是")
                    ctx.emit("numbering", f"{where_zh}“{section.title}”中列举序号{zh}。",
                             f"Enumeration in {where_en} ({section.title}) {en}.",
                             [items[i - 1].heading, items[i].heading])
                continue
            for i, prev, cur in _sequence_faults([s.number for s in items]):
                zh, en = _describe(prev, cur, lambda n: f"{n}.")
                under = f"{parent}下" if parent else ""
                ctx.emit("numbering", f"{where_zh}“{section.title}”{under}条目序号{zh}。",
                         f"Item numbering in {where_en} ({section.title}{', under ' + parent if parent else ''}) {en}.",
                         [items[i - 1].heading, items[i].heading])


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
    tables_flagged = {e.start for f in ctx.findings if f.code == "missing-table" for e in f.evidence}
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
    for m in _MISSING_NUMBER.finditer(text, start, end):
        ctx.emit("missing-number", f"“{m.group(0)}”: 单位前缺少数字。", f"“{m.group(0)}”: no number before the unit.",
                 [ctx.evidence(m.start(), m.end())])
