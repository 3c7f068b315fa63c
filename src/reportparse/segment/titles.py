"""Where real reports name themselves: title lines, signatures, organ names.

A report's title may stand anywhere in the head of the text: on the first
line, after a web page's breadcrumbs and share buttons, after a 索引号/来源
metadata block, split over two lines, with the year first
(``2023年XX局政府信息公开工作年度报告``) or the organ first. A title quoted in
《》 inside a sentence names another document (a notice) or only mentions the
report, so it is marked ``quoted`` and never taken for the report's own title.

Web copies lose their layout: the normalized text runs breadcrumbs, title and
body together. The original text still has the spaces the page put between
them, so :func:`gap_before` reads word boundaries from the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import rx as regex
from ..normalize import Normalized
from ..numbers import parse_cn_int
from ..vocab import CN_DATE

YEAR = r"(?:\d{4}|[二〇○零OΟ0一两三四五六七八九]{4})"
# The end of a report title: 政府信息公开工作年度报告, 信息公开年报, 政务公开工作报告 ...
_TITLE_TAIL = regex.compile(
    r"(?:政府)?(?:信息|政务)公开\n?(?:工作)?\n?(?:情况)?(?:的)?(?:年度)?\n?(?:工作)?\n?(?:报告|年报)"
)
_YEAR_BEFORE = regex.compile(rf"(?P<y>{YEAR})年度?(?:的)?(?P<mid>[\p{{Han}}()]{{0,30}}?)\n?\Z")
_YEAR_AFTER = regex.compile(rf"\n?[(\[【]?(?P<y>{YEAR})年度?[)\]】]?")
# A web page's run-together chrome before a title, and the words a body or metadata block starts with.
_CHROME_END = regex.compile(r"(?:年报|首页|栏目|专栏|链接|位置|标题|正文|年度报告)\Z")
_BODY_START = regex.compile(r"根据|按照|依据|依照|本报告|为了?|来源|发布|时间|日期|浏览|字号|索引号")
_ABOUT = regex.compile(r"关于\n?\Z")
# Words that never belong to an organ's name: page chrome, report words, sentence verbs.
_NOT_ORGAN = regex.compile(
    r"信息公开|政务公开|年报|报告|首页|当前位置|位置|栏目|专栏|链接|标题|正文|来源|发布|时间|日期|"
    r"公布|编制|汇总|现将|根据|特此|关于|我们|我局|我委|我办|本机关|本单位|此页无|附件|下载|打印|"
    r"分享|微信|微博|空间|文字版|全真版|索引号|文号|分类|主题词|有效性|无正文|目录|指南|年度|专题|动态|"
    r"公告|公示|解读|导航|网站|门户"
)
ORGAN_SUFFIX = regex.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|党工委|局|委|厅|署|院|部|办|中心|"
    r"街道办事处|办事处|街道|乡|镇|区|县|市|州|盟|旗|所|站|队|会|社|处|馆|台|校|园区|实验区|开发区|片区|公司|集团)$"
)
_NAME_CHARS = regex.compile(r"[\p{Han}()]")
_MAX_NAME = 30


def gap_before(doc: Normalized, i: int) -> bool:
    """A word boundary before normalized offset ``i``: a line start, or whitespace the original had."""
    if i <= 0 or i >= len(doc.text) + 1:
        return True
    if doc.text[i - 1] == "\n":
        return True
    a, b = doc.index[i - 1], doc.index[i]
    return b - a > 1 and any(ch.isspace() for ch in doc.original[a + 1 : b])


def gap_after(doc: Normalized, i: int) -> bool:
    """A boundary at normalized offset ``i`` (end of a word): text end, line end, punctuation or space."""
    if i >= len(doc.text):
        return True
    return doc.text[i] in "\n。,;:!?()、*#】_-—|" or gap_before(doc, i)


def name_before(doc: Normalized, end: int, *, max_len: int = _MAX_NAME) -> tuple[int, int] | None:
    """The name-like run of Han characters ending at ``end``, bounded as a reader bounds it.

    Walks back over Han characters until a boundary (punctuation, a line start,
    the original's whitespace); then cuts after the last word no organ's name
    holds (page chrome like ``政府信息公开年报``, verbs like ``编制``).
    """
    text = doc.text
    while end > 0 and text[end - 1] in " \n([":
        end -= 1
    i = end
    while i > 0 and end - i < max_len and _NAME_CHARS.match(text[i - 1]):
        i -= 1
        if gap_before(doc, i):
            break
    name = text[i:end]
    cut = 0
    for m in _NOT_ORGAN.finditer(name):
        cut = m.end()
    i += cut
    # An unbalanced ")" or "(" at the edges is not part of the name.
    while i < end and text[i] in ")":
        i += 1
    if end - i < 2:
        return None
    return i, end


def organ_name_before(doc: Normalized, end: int) -> tuple[int, int] | None:
    """An organ's name (ending in 局, 政府, 办公室 ...) right before ``end``.

    When the name runs into the text before it without a boundary
    (``…事项无平潭县财政局``), the longest tail that the report names elsewhere
    is the name.
    """
    span = name_before(doc, end)
    if span is None:
        return None
    s, e = span
    name = doc.text[s:e]
    if not ORGAN_SUFFIX.search(name):
        return None
    if _occurs_elsewhere(doc, name, s):
        return s, e
    # 无平潭县财政局 (六、其他需要报告的事项 无 + the signature, the space lost): a closing
    # word glued to the name. Taken off only when the report names the rest elsewhere.
    filler = _CLOSING_WORD.match(name)
    if filler and len(name) - filler.end() >= 4 and _occurs_elsewhere(doc, name[filler.end():], s + filler.end()):
        return s + filler.end(), e
    # The name runs into the sentence before it (…处理费平潭县财政局2022年1月7日): the
    # longest tail that the report names elsewhere as a name of its own is the name.
    for k in range(1, len(name) - 3):
        tail = name[k:]
        if ORGAN_SUFFIX.search(tail) and _named_elsewhere(doc, tail, s + k):
            return s + k, e
    return s, e


_CLOSING_WORD = regex.compile(r"无|以上|特此|此致|敬礼|全文完|完")
_PUNCTUATION = "。;:!?,、)》\"'”】]>|("
_BEFORE_NAME = "与和及由是请向对经在为将"
# Where a report names itself: the head (title, metadata, contact line). Searching only
# there keeps the signature's look-ups bounded on any text.
_NAMING_ZONE = 5000


def _occurs_elsewhere(doc: Normalized, name: str, here: int) -> bool:
    text = doc.text
    pos = text.find(name, 0, _NAMING_ZONE)
    while pos >= 0:
        if pos != here:
            return True
        pos = text.find(name, pos + 1, _NAMING_ZONE)
    return False


def _named_elsewhere(doc: Normalized, name: str, here: int) -> bool:
    """``name`` stands as a name of its own in the head (not inside a longer word)."""
    text = doc.text
    pos = text.find(name, 0, _NAMING_ZONE)
    while pos >= 0:
        if pos != here and (pos == 0 or text[pos - 1] in _PUNCTUATION or text[pos - 1] in _BEFORE_NAME
                            or gap_before(doc, pos)):
            return True
        pos = text.find(name, pos + 1, _NAMING_ZONE)
    return False


@dataclass
class TitleSpot:
    """One place the text names a report title (normalized offsets)."""

    start: int
    end: int
    year: tuple[int, int] | None  # span of the year's digits
    organ: tuple[int, int] | None
    standalone: bool  # on its own line or chrome field, not inside a sentence
    quoted: bool  # inside 《》: another document's name, or a mention


def _inside_quotes(text: str, pos: int) -> bool:
    opened = text.rfind("《", max(0, pos - 120), pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0


def year_value(raw: str) -> int | None:
    """A year as printed: 2019, 二〇一九, 二0一九."""
    digits = "".join("0" if ch in "0OΟ" else ch for ch in raw)
    year = parse_cn_int(digits if digits.isdigit() else digits.replace("0", "〇"))
    return year if year and 1990 <= year <= 2100 else None


def find_titles(doc: Normalized, stop: int) -> list[TitleSpot]:
    """Every report title in ``doc.text[:stop]``, in document order."""
    text = doc.text
    spots: list[TitleSpot] = []
    for tail in _TITLE_TAIL.finditer(text, 0, stop):
        if len(spots) >= 50:
            break
        t = tail.start()
        quoted = _inside_quotes(text, t)
        head = text[max(0, t - 60) : t]
        ym = _YEAR_BEFORE.search(head)
        year = organ = None
        start = t
        if ym:
            base = t - len(head)
            year = (base + ym.start("y"), base + ym.end("y"))
            if year_value(text[year[0] : year[1]]) is None:
                year = None
        if year:
            start = year[0]
            mid_s, mid_e = year[1], t
            while mid_s < mid_e and text[mid_s] in "年度的\n":
                mid_s += 1
            while mid_e > mid_s and text[mid_e - 1] == "\n":
                mid_e -= 1
            mid = text[mid_s:mid_e]
            if mid and ORGAN_SUFFIX.search(mid) is None and text.startswith("政府", t) \
                    and ORGAN_SUFFIX.search(mid + "政府"):
                # 新开镇人民 + 政府信息公开: the tail took the organ's 政府.
                mid_e += 2
                mid = text[mid_s:mid_e]
            if len(mid) >= 2 and not _NOT_ORGAN.search(mid):
                organ = (mid_s, mid_e)  # year first: 2023年XX局政府信息公开…
            else:
                about = _ABOUT.search(text, max(0, year[0] - 3), year[0])
                organ = name_before(doc, about.start() if about else year[0])
                if organ is None and year[0] > 0 and text[year[0] - 1] == "\n":
                    # Split over two lines: the organ alone on the line above.
                    ls = text.rfind("\n", 0, year[0] - 1) + 1
                    line = text[ls : year[0] - 1]
                    if 2 <= len(line) <= _MAX_NAME and ORGAN_SUFFIX.search(line) and not _NOT_ORGAN.search(line):
                        organ = (ls, year[0] - 1)
                if organ is None and (year[0] == 0 or text[year[0] - 1] == "\n") \
                        and text[tail.end() : tail.end() + 1] == "\n":
                    # The organ alone on the line below a title that starts with the year.
                    ls = tail.end() + 1
                    le = text.find("\n", ls)
                    le = len(text) if le < 0 else le
                    line = text[ls:le]
                    if 2 <= len(line) <= _MAX_NAME and ORGAN_SUFFIX.search(line) and not _NOT_ORGAN.search(line):
                        organ = (ls, le)
        else:
            organ = name_before(doc, t)
            if organ and not ORGAN_SUFFIX.search(text[organ[0] : organ[1]]):
                organ = None
            if organ is None:
                continue
            # XX局政府信息公开工作年度报告(2019年度): the year after the report words.
            after = _YEAR_AFTER.match(text, tail.end())
            if after and year_value(after["y"]):
                year = (after.start("y"), after.end("y"))
        if organ:
            start = min(start, organ[0])
            # A trailing 关于 / 的 is the title's grammar, not the organ's name.
            s, e = organ
            while e > s and text[e - 1] in "的":
                e -= 1
            organ = (s, e) if e - s >= 2 else None
        if text.startswith("关于", max(0, start - 2)) and start >= 2:
            start -= 2  # 关于XX局2019年度政府信息公开工作情况的报告
        own_line = gap_before(doc, start) and (start == 0 or text[start - 1] == "\n")
        bounded = gap_before(doc, start) or text[start - 1] in ":>】]|#*_-—" or bool(
            _CHROME_END.search(text, max(0, start - 4), start))
        ends = gap_after(doc, tail.end()) or bool(_BODY_START.match(text, tail.end()))
        standalone = not quoted and (own_line or (bounded and ends))
        spots.append(TitleSpot(start, tail.end(), year, organ, standalone, quoted))
    return spots


_AFTER_SIGNATURE = regex.compile(
    r"[ \n]*(?:\Z|附|\(附|抄送|联系|地址|电话|邮编|邮箱|传真|咨询|打印|关闭|分享|扫一扫|【|\||相关|责任编辑|浏览|"
    r"(?:表|[一二三四五六七八九十]、)?(?:政府信息公开)?[^。\n]{0,12}统计表|指标名称|(?:\d+[ \n]+){3})"
)
_NOT_AFTER_DATE = regex.compile(r"(?:至|到|起|止|以来|前|后|以前|以后|期间|,|的|为|开始|召开|印发|发布|出台|-|—|~)")
_SENTENCE_END = "。\n;!?"


def find_signature(doc: Normalized) -> tuple[int, int] | None:
    """The closing block: an organ name and a date ending the body, or a bare closing date.

    Tables, contact lines, 附件 and page chrome may follow the signature. Works
    on line-broken text and on text run together on one line
    (``…。平潭县人民政府2013年1月16日附件1:…``).
    """
    text = doc.text
    dates = list(CN_DATE.finditer(text, max(0, len(text) - 20000)))
    for m in reversed(dates[-200:]):
        after = text[m.end() : m.end() + 3]
        if _NOT_AFTER_DATE.match(after):
            continue
        if not _AFTER_SIGNATURE.match(text, m.end()) and "。" in text[m.end() : m.end() + 300]:
            continue
        start = m.start()
        if start > 0 and text[start - 1] in "([" and text[m.end() : m.end() + 1] in ")]":
            start -= 1  # (2020年1月10日) under the organ's name
        organ = organ_name_before(doc, start)
        if organ is not None:
            return organ[0], m.end()
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == 0 or text[j - 1] in _SENTENCE_END or gap_before(doc, start):
            return start, m.end()
    return None
