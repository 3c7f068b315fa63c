"""Timeliness and year consistency."""

from __future__ import annotations

from .. import rx as regex
from ..numbers import parse_cn_int
from .context import CheckContext

# Organ level by the end of its name (2019 条例 art. 49 sets different deadlines).
_GOVERNMENT = regex.compile(r"(?:人民政府|政府|街道办事处|街道办|街道|乡|镇|管委会|管理委员会)$")
_DEPARTMENT = regex.compile(
    r"(?:局|委|委员会|办公室|办公厅|办|厅|中心|所|站|院|队|署|部|处|会|社|馆|室|公司|集团)$"
)


def organ_level(name: str | None) -> str | None:
    """``government`` (人民政府, 街道办事处, 乡, 镇), ``department`` (局, 委, 办, 中心...) or None."""
    if not name:
        return None
    name = name.strip()
    if _GOVERNMENT.search(name):
        return "government"
    if _DEPARTMENT.search(name):
        return "department"
    return None


_PLACE = regex.compile(r"(?:省|市|县|区|旗|州|盟)$")
_GOVERNMENT_OFFICE = regex.compile(r"(?:人民政府|政府)办公(?:室|厅)$")
_TITLE_ORGAN = regex.compile(
    r"^(?:关于)?(?P<before>[^\d〇○]*?)(?:\d{4}|[二〇○零一两三四五六七八九]{4})年度?(?P<after>.*?)(?:政府)?信息公开"
)


def report_level(report) -> str | None:
    """The organ level, from the title's organ first (a county's report is often signed by its 政府办公室).

    A title naming only a place (平江县2020年…) is the local government's report; a 人民政府办公室
    signature without such a title is ambiguous and gets the outer limit.
    """
    title = report.outline.title.value if report.outline.title else ""
    m = _TITLE_ORGAN.match(title)
    if m:
        named = (m["before"] or m["after"]).strip(" :,、")
        if named:
            level = organ_level(named)
            if level:
                return level
            if _PLACE.search(named):
                return "government"
    name = report.organ.value if report.organ else None
    if name and _GOVERNMENT_OFFICE.search(name):
        return None
    return organ_level(name)


def deadline(year: int, level: str | None) -> tuple[str, str, str]:
    """The statutory deadline (ISO), and the clause setting it (zh, en)."""
    if year <= 2018:
        return f"{year + 1}-03-31", "2008年条例第三十一条: 每年3月31日前", "2008 Regulations art. 31: by 31 March"
    if level == "department":
        return (f"{year + 1}-01-31", "2019年条例第四十九条: 县级以上人民政府部门每年1月31日前",
                "2019 Regulations art. 49: departments by 31 January")
    return (f"{year + 1}-03-31", "2019年条例第四十九条: 县级以上地方人民政府每年3月31日前",
            "2019 Regulations art. 49: local governments by 31 March")


def timeliness(ctx: CheckContext) -> None:
    report = ctx.report
    if report.published is None:
        evidence = [report.outline.signature] if report.outline.signature else []
        ctx.emit("no-publication-date", "报告没有落款日期或发布日期, 无法核查是否按时公布。",
                 "The report carries no date, so its timeliness cannot be verified.", evidence)
        return
    if report.year is None:
        return
    level = report_level(report)
    due, zh_rule, en_rule = deadline(report.year.value, level)
    published = report.published.value
    if published > due:
        ctx.emit("late-publication",
                 f"落款日期{published}晚于法定期限{due}({zh_rule})。",
                 f"Dated {published}, after the statutory deadline {due} ({en_rule}).",
                 [report.published.evidence], basis=(zh_rule, en_rule))


_Y = r"(?:19|20)\d\d"
_TITLE_YEAR = regex.compile(rf"(?P<y>{_Y}|[二〇○零一两三四五六七八九]{{4}})年")


def year_consistency(ctx: CheckContext) -> None:
    """Title year, statistics period and report year agree; the date is after the period."""
    report = ctx.report
    stated = []  # (label zh, label en, year, evidence)
    title = report.outline.title
    if title:
        m = _TITLE_YEAR.search(title.value)
        year = parse_cn_int(m["y"]) if m else None
        if year:
            stated.append(("标题", "title", year, title.evidence))
    if report.period:
        for label_zh, label_en, value in (("统计期限起", "period start", report.period.start),
                                          ("统计期限止", "period end", report.period.end)):
            if value:
                stated.append((label_zh, label_en, int(value[:4]), report.period.evidence))
    if not title and report.year:
        stated.insert(0, ("报告年度", "report year", report.year.value, report.year.evidence))
    years = {y for _, _, y, _ in stated}
    if len(years) > 1:
        zh = "、".join(f"{lz}{y}年" for lz, _, y, _ in stated)
        en = ", ".join(f"{le} {y}" for _, le, y, _ in stated)
        evidence = list({(e.start, e.end): e for *_, e in stated}.values())
        ctx.emit("year-mismatch", f"年度不一致: {zh}。", f"Years disagree: {en}.", evidence)
    if report.published and report.period and report.period.end and report.published.value <= report.period.end:
        ctx.emit("year-mismatch",
                 f"落款日期{report.published.value}早于统计期限截止日{report.period.end}。",
                 f"Dated {report.published.value}, before the statistics period ends ({report.period.end}).",
                 [report.published.evidence, report.period.evidence])


# An earlier year opening a clause that then states figures as this year's work.
_STALE = regex.compile(
    rf"(?:^|(?<=[\n。;,:!?]))(?:在|于)?(?P<y>{_Y})年度?(?:全年|以来)?,?"
    r"(?P<rest>[^。;\n]{0,30}?(?:主动公开|公开|收到|受理|办理|发布|答复|共|组织|开展)[^。;\n]{0,20}?"
    r"\d+(?:条|件|次|篇|个|项|场))",
    regex.M,
)
_HISTORIC = regex.compile(r"以来|至今|截至|截止|较|比|同比|相比|累计|历年|连续")
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}
_RELATIVE_YEAR = regex.compile(
    rf"(?P<w>今年|本年|去年|上年|明年)(?:\(|是|即|为)?(?P<y>{_Y})年|(?P<y2>{_Y})年(?:\()?(?:即|也就是)?(?P<w2>今年|本年|去年|上年|明年)"
)


def stale_years(ctx: CheckContext) -> None:
    """Years in the body that look left over from an earlier report."""
    report = ctx.report
    if report.year is None:
        return
    year = report.year.value
    published_year = int(report.published.value[:4]) if report.published else year + 1
    start, end = ctx.body_span
    text = ctx.text
    for m in _STALE.finditer(text, start, end):
        y = int(m["y"])
        if not (year - 6 <= y < year) or _HISTORIC.search(m["rest"]):
            continue
        ctx.emit("stale-year",
                 f"{report.year.value}年度报告中“{m.group(0)[:30]}”把{y}年的数字当作本年度情况, 疑为往年报告遗留。",
                 f"A {year} report states {y} figures as current (“{m.group(0)[:30]}”); "
                 "probably left over from an earlier report.",
                 [ctx.evidence(m.start("y"), m.end())])
    for m in _RELATIVE_YEAR.finditer(text, start, end):
        y = int(m["y"] or m["y2"])
        offset = _RELATIVE[m["w"] or m["w2"]]
        if y in (year + offset, published_year + offset):
            continue
        ctx.emit("stale-year",
                 f"“{m.group(0)}”与报告年度{year}年及落款日期不符。",
                 f"“{m.group(0)}” matches neither the report year {year} nor the date.",
                 [ctx.evidence(m.start(), m.end())])
