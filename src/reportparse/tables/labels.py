"""The table vocabulary: row and column labels of tables 二/三/四 (DOMAIN.md §3).

Labels are data; the rules in this package only ask this module for patterns.
Every label is written once, as printed in the 2019 and 2021 formats; :func:`loose`
turns it into a pattern that also matches it wrapped across lines, with straight
or curly quotes and with or without the enumeration comma. Text is already
normalized (simplified script, half-width brackets), so ``(一)`` is the only
bracket form to expect.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .. import rx as regex
from .cells import CELL

_QUOTES = "[“”\"'‘’「」『』]?"
_COMMA = "[、,，]?"
# Between two characters of a row label: spaces and line breaks, and the row's own cells
# when the label wraps around them (``…重新出具0 0 0 0 0 0 0\n已获取信息``); captured as ``c``.
# The cell pattern is written once per compiled pattern, in a DEFINE block (:func:`with_cells`),
# and called by name in every gap: a label of 30 characters otherwise repeats it 30 times, and
# compiling the row patterns took seconds at import.
# The lookahead lets a gap try the cell only where a cell can start: calling the cell by name at
# every character of a label made matching a row label cost ~100 µs; with it, ~7 µs.
_GAP = r"(?:(?=[\s|\d+\-−/—–])(?:[\s|]++|(?P<c>(?>(?&cell)))))*+"
_CELL_DEFINE = rf"(?(DEFINE)(?P<cell>{CELL}))"


def with_cells(pattern: str) -> str:
    """``pattern`` (built with :func:`wrapped`) with the definition of the cells its gaps call."""
    return pattern + _CELL_DEFINE


def loose(label: str, gap: str = r"\s*") -> str:
    """A pattern for ``label`` that tolerates line breaks and spaces between characters.

    >>> bool(regex.fullmatch(loose('危及“三安全一稳定”'), '危及"三安全\\n一稳定"'))
    True
    """
    parts = []
    for ch in label:
        if ch in "“”\"'‘’「」『』":
            parts.append(_QUOTES)
        elif ch in "、,，":
            parts.append(_COMMA)
        else:
            parts.append(regex.escape(ch))
    return gap.join(parts)


def wrapped(label: str) -> str:
    """Like :func:`loose`, and the row's cells may stand inside the label (captured as ``c``).

    >>> m = regex.search(with_cells(wrapped("重新出具已获取信息")), "重新出具0  1 0\n已获取信息")
    >>> m.captures("c")
    ['0', '1', '0']
    """
    return loose(label, _GAP)


@dataclass(frozen=True)
class RowLabel:
    key: str
    prefix: str  # pattern of the row's number (一、 (一) 1.), optional unless ``prefix_required``
    label: str  # the printed label
    suffix: str = ""  # optional pattern after the label (a printed note)
    prefix_required: bool = False
    variants: tuple[str, ...] = ()  # the label as real reports also print it (typos, dropped characters)

    @property
    def printed(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    def pattern(self) -> str:
        prefix = f"(?:{self.prefix})\\s*"
        if not self.prefix_required:
            prefix = f"(?:{prefix})?"
        suffix = f"(?:{self.suffix})?" if self.suffix else ""
        body = "|".join(wrapped(p) for p in self.printed)
        return prefix + f"(?:{body})" + suffix


def _n(k: int) -> str:
    return f"{k}\\s*[.、．]"


_BRACKETS_OPEN = "[(（〔【\\[]"


def _p(numeral: str) -> str:
    """A bracketed number, whatever brackets were printed: (一) （一） 〔一〕 【一】."""
    return rf"{_BRACKETS_OPEN}\s*{numeral}\s*[)）〕】\]]"


# 部分公开's printed note, which wraps around the row's cells in pdf text.
_PARTIAL_NOTE = (r"\s*(?:" + wrapped("(区分处理的,只计这一情形,不计其他情形)")
                 + r"|\(\s*区\s*分[^)]{0,40}\))")


# Table 三, rows in printed order. ``other`` is the single （六） row of 2019;
# in 2021 its three sub-rows follow it instead.
REQUEST_ROWS: tuple[RowLabel, ...] = (
    RowLabel("new_received", "一\\s*[、,，.]", "本年新收政府信息公开申请数量",
             variants=("本年新收政府信息公开申请数", "本年新收政府信息公开申请总数")),
    RowLabel("carried_over", "二\\s*[、,，.]", "上年结转政府信息公开申请数量",
             variants=("上年结转政府信息公开申请数", "上一年结转政府信息公开申请数量")),
    RowLabel("granted", _p("一"), "予以公开"),
    RowLabel("partially_granted", _p("二"), "部分公开", suffix=_PARTIAL_NOTE),
    RowLabel("denied_state_secret", _n(1), "属于国家秘密"),
    RowLabel("denied_law_forbidden", _n(2), "其他法律行政法规禁止公开",
             variants=("其他法律行政止公开", "其他法律法规禁止公开", "其他法律行政法规禁止", "法律行政法规禁止公开",
                       "其它法律行政法规禁止公开")),
    RowLabel("denied_safety_stability", _n(3), "危及“三安全一稳定”", variants=("危及三安全一稳定",)),
    RowLabel("denied_third_party", _n(4), "保护第三方合法权益", variants=("保护第三方合法利益",)),
    RowLabel("denied_internal_affairs", _n(5), "属于三类内部事务信息", variants=("属于内部事务信息",)),
    RowLabel("denied_process_info", _n(6), "属于四类过程性信息", variants=("属于过程性信息",)),
    RowLabel("denied_enforcement_file", _n(7), "属于行政执法案卷", variants=("属于行政执法案件",)),
    RowLabel("denied_admin_query", _n(8), "属于行政查询事项"),
    RowLabel("unable_not_held", _n(1), "本机关不掌握相关政府信息", variants=("本机关不掌握相关信息",)),
    RowLabel("unable_needs_creation", _n(2), "没有现成信息需要另行制作"),
    RowLabel("unable_unclear", _n(3), "补正后申请内容仍不明确"),
    RowLabel("not_processed_complaint", _n(1), "信访举报投诉类申请"),
    RowLabel("not_processed_repeat", _n(2), "重复申请"),
    RowLabel("not_processed_publication", _n(3), "要求提供公开出版物"),
    RowLabel("not_processed_excessive", _n(4), "无正当理由大量反复申请"),
    RowLabel("not_processed_confirm", _n(5), "要求行政机关确认或重新出具已获取信息",
             variants=("要求行政机关确认或者重新出具已获取信息",)),
    RowLabel("other", _p("六"), "其他处理", variants=("其它处理",)),
    RowLabel("other_overdue_correction", _n(1), "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    RowLabel("other_overdue_fee", _n(2), "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    RowLabel("other_reasons", _n(3), "其他", prefix_required=True, variants=("其它",)),
    RowLabel("total_processed", _p("七"), "总计", prefix_required=True),
    RowLabel("carried_forward", "四\\s*[、,，.]", "结转下年度继续办理",
             variants=("结转下一年度继续办理", "结转下年度继续处理")),
)
REQUEST_KEYS = tuple(r.key for r in REQUEST_ROWS)
OTHER_SUBROWS = ("other_overdue_correction", "other_overdue_fee", "other_reasons")
# Rows that carry numbers, by format (2021 replaces the single （六） row by three).
PHYSICAL_ROWS = {
    "fmt2019": tuple(k for k in REQUEST_KEYS if k not in OTHER_SUBROWS),
    "fmt2021": tuple(k for k in REQUEST_KEYS if k != "other"),
}
# Outcome rows that （七）总计 adds up (identity 2 of DOMAIN.md §4).
OUTCOME_ROWS = {
    "fmt2019": PHYSICAL_ROWS["fmt2019"][2:-2],
    "fmt2021": PHYSICAL_ROWS["fmt2021"][2:-2],
}


def physical_rows(era: str, printed) -> tuple[str, ...]:
    """The rows that carry numbers in a table of ``era`` whose rows ``printed`` were found: a 2021
    table printed with （六）其他处理 as one row, without its sub-rows, reads like 2019's."""
    if era == "fmt2021" and "other" in printed and not any(k in printed for k in OTHER_SUBROWS):
        return PHYSICAL_ROWS["fmt2019"]
    return PHYSICAL_ROWS[era]


# What a row's number may be made of (一、 (二) 3. and the spaces around it): a superset of
# every ``RowLabel.prefix``, so that no match can start before a run of these characters.
_PREFIX_CHARS = frozenset(" \t\n\r\f\v\u3000\u00a00123456789一二三四五六七八九十()（）〔〕【】[]、,，.．")


class RowPattern:
    """A row label's compiled pattern, tried only where a match can start.

    The regex engine tries every position of the text (about 10 ns each, more for a pattern
    that opens with an optional number); a row label starts with one of a few characters,
    which ``str.find`` locates at memory speed. A match starts either at such a character or
    at its row number's first character (``prefix_first``) within the run of
    :data:`_PREFIX_CHARS` just before it, so trying those places in order gives exactly the
    leftmost match ``search`` gives, and a label that is not in the text costs nothing.
    """

    def __init__(self, source: str, first_chars: str, prefix_first: str = "") -> None:
        self.pattern = source
        self._compiled: regex.Pattern | None = None
        self._first = first_chars
        self._prefix_first = prefix_first

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        match = self.compiled.match
        prefix_first = self._prefix_first
        tried = pos  # every start before this was tried
        while True:
            first = min((i for i in (text.find(c, tried, end) for c in self._first) if i >= 0), default=-1)
            if first < 0:
                return None
            if prefix_first:
                lo = first
                while lo > tried and text[lo - 1] in _PREFIX_CHARS:
                    lo -= 1
                for start in range(lo, first):
                    if text[start] in prefix_first:
                        m = match(text, start, end)
                        if m:
                            return m
            m = match(text, first, end)
            if m:
                return m
            tried = first + 1

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.compiled.finditer(text, pos, endpos if endpos is not None else len(text))


def _first_chars(labels: tuple[str, ...]) -> str:
    chars = "".join(sorted({label[0] for label in labels}))
    assert not set(chars) & set("“”\"'‘’「」『』、,，"), "a label starting with an optional character"
    return chars


def _prefix_first(prefix: str) -> str:
    """The characters a row number printed by ``prefix`` (``_n``, ``_p`` or a numeral) starts with."""
    if prefix.startswith(_BRACKETS_OPEN):
        return "(（〔【["
    assert prefix[0] in _PREFIX_CHARS and prefix[1:2] == "\\", f"a row number pattern to teach RowPattern: {prefix}"
    return prefix[0]


class _LazyPatterns(Mapping):
    """Row key -> :class:`RowPattern`, compiled on first use: a report without table 三 (every
    pre-2019 one) never pays for the row patterns, and the CLI starts without them."""

    def __init__(self, rows: dict[str, tuple[str, tuple[str, ...], str]]) -> None:
        self._patterns = {key: RowPattern(source, _first_chars(printed), prefix_first)
                          for key, (source, printed, prefix_first) in rows.items()}

    def __getitem__(self, key: str) -> RowPattern:
        return self._patterns[key]

    def __iter__(self):
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)


REQUEST_PATTERNS = _LazyPatterns({r.key: (with_cells(r.pattern()), r.printed, _prefix_first(r.prefix))
                                  for r in REQUEST_ROWS})
# A row printed without the number its label needs elsewhere (总计 without （七）): taken
# only where cells follow the label.
UNNUMBERED_PATTERNS = _LazyPatterns({r.key: (with_cells(wrapped(r.label) + r"(?=[\s|]*[\d/—–\-])"), (r.label,), "")
                                     for r in REQUEST_ROWS if r.prefix_required})
REQUEST_LABELS = {r.key: r for r in REQUEST_ROWS}
_NOT_LABEL = regex.compile(r"[^\p{Han}]+")
# How alike a printed label must be to the vocabulary to name a row whose label has a typo.
SIMILAR = 0.6


def label_core(text: str) -> str:
    """The Chinese characters of a printed label (numbers, brackets, spaces and quotes dropped)."""
    return _NOT_LABEL.sub("", text)


@lru_cache(maxsize=4096)
def similarity(text: str, key: str) -> float:
    """How alike ``text`` is to row ``key``'s label as printed (0..1), for labels with typos.

    >>> round(similarity("2.其他法律行政发规禁止公开", "denied_law_forbidden"), 2)
    0.92
    """
    core = label_core(text)
    if not core:
        return 0.0
    best = 0.0
    for printed in REQUEST_LABELS[key].printed:
        best = max(best, SequenceMatcher(None, core, label_core(printed), autojunk=False).ratio())
    return best


# Group labels of table 三: they carry no cells of their own (a local subtotal at most), and
# a label like one of them names no row.
REQUEST_GROUPS = ("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理")


def closest_row(text: str, keys) -> str | None:
    """The row of ``keys`` whose label ``text`` resembles (a typo), or None when none is close
    enough, two are equally close, or a group label is as close."""
    scored = sorted(((similarity(text, k), k) for k in keys), reverse=True)
    if not scored or scored[0][0] < SIMILAR or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    core = label_core(text)
    group = max(SequenceMatcher(None, core, g, autojunk=False).ratio() for g in REQUEST_GROUPS)
    if group >= scored[0][0] and scored[0][1] != "other":
        return None
    return scored[0][1]
# In a table cell a lone 其他 under （六） is the 2021 sub-row 3.
OTHER_REASONS_CELL = regex.compile(r"^\s*(?:3[.、．]\s*)?其[他它]\s*$")

APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
REQUEST_COLUMNS = APPLICANT_COLUMNS + ("total",)
# Where table 三 starts: its first row, followed by the second.
# The label must be followed by cells: prose that names the row ("...数量为21件") is no anchor.
# Where table 三 starts: its first row, followed by the second. The label must be followed by
# (or wrapped around) cells: prose that names the row ("...数量为21件") is no anchor.
REQUESTS_FIRST = regex.compile(with_cells("|".join(wrapped(p) for p in REQUEST_LABELS["new_received"].printed)))
REQUESTS_CELL_AFTER = regex.compile(r"[\s|]*[\d/—–\-]")
REQUESTS_SECOND = regex.compile(loose("上年结转") + "|" + loose("上一年结转"))
REQUESTS_HEADER = regex.compile(loose("申请人情况") + r"|\(\s*本\s*列\s*数\s*据")
SUBTOTAL_COLUMN = regex.compile(r"小\s*计")
# Column headers of table 三, for a table that leaves a column out.
COLUMN_PATTERNS = {name: regex.compile("|".join(loose(w) for w in words)) for name, words in {
    "natural_person": ("自然人",), "commercial": ("商业企业",), "research": ("科研机构",),
    "social_welfare": ("社会公益组织",), "legal_service": ("法律服务机构",), "other_org": ("其他",),
    "subtotal": ("小计",), "total": ("总计", "合计"),
}.items()}
# Header words that hold a column word without being one (法人或其他组织 is no 其他 column).
REQUEST_HEADER_NOISE = regex.compile(loose("法人或其他组织") + "|" + r"\(\s*本\s*列\s*数\s*据[^)]*\)")

# Table 四: three groups of five, in printed order.
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("maintained", "corrected", "other", "pending", "total")
REVIEW_START = regex.compile(r"行政复议")
# The header of table 四 as printed, misprints included (行政法复议): 行政复议 ... 维持/纠正 with
# no figure between (prose has figures).
_REVIEW_WORD = r"行\s*政\s*(?:法\s*)?复\s*议"
REVIEW_HEADER = regex.compile(
    r"(?:" + _REVIEW_WORD + r"|行\s*政\s*诉\s*讼|未\s*经\s*复\s*议)[^\d]{0,300}?(?:维\s*持|纠\s*正)")
# Words of table 四's headers. A table printed as sub-tables (### 行政复议 / ### 行政诉讼, or
# 未经复议直接起诉 and 复议后起诉 with their own header rows) has only these between its rows.
REVIEW_HEADER_WORDS = ("行政复议", "行政法复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
                       "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "合计", "小计", "案件数", "件")
_REVIEW_HEADER_CHARS = "".join(sorted(set("".join(REVIEW_HEADER_WORDS))))
REVIEW_HEADER_ONLY = regex.compile(rf"[\s|#:*\-{_REVIEW_HEADER_CHARS}]*")

# Table 二, per format: row key -> (label pattern, columns); compiled below.
_REG = r"规\s*章(?:\([^)\n]{0,40}\))?"
_NORM = r"(?:行\s*政\s*)?规\s*范\s*性\s*文\s*件(?:\([^)\n]{0,40}\))?"
PROACTIVE_ROWS = {
    "fmt2019": {
        "regulations": (_REG, ("made", "published", "total")),
        "normative_documents": (_NORM, ("made", "published", "total")),
        "licensing": (loose("行政许可"), ("previous", "change", "decisions")),
        "other_services": (loose("其他对外管理服务事项"), ("previous", "change", "decisions")),
        "punishment": (loose("行政处罚"), ("previous", "change", "decisions")),
        "coercion": (loose("行政强制"), ("previous", "change", "decisions")),
        "fees": (loose("行政事业性收费"), ("previous", "change")),
        "procurement": (loose("政府集中采购"), ("count", "amount")),
    },
    "fmt2021": {
        "regulations": (_REG, ("issued", "repealed", "in_force")),
        "normative_documents": (_NORM, ("issued", "repealed", "in_force")),
        "licensing": (loose("行政许可"), ("decisions",)),
        "punishment": (loose("行政处罚"), ("decisions",)),
        "coercion": (loose("行政强制"), ("decisions",)),
        "fees": (loose("行政事业性收费"), ("amount",)),
    },
}
PROACTIVE_ROWS = {era: {key: (regex.compile(p), cols) for key, (p, cols) in rows.items()}
                  for era, rows in PROACTIVE_ROWS.items()}
# Where table 二 starts: its first block's clause (第二十条第（一）项), or, when the clauses are not
# printed, the header of its first block.
PROACTIVE_START = regex.compile(
    r"第\s*二\s*十\s*条\s*第\s*\(\s*[一五六八九]\s*\)\s*项"
    r"|" + loose("信息内容") + r"[\s|]{0,20}(?:" + "|".join(
        loose(w) for w in ("本年制发件数", "本年新制作数量", "本年处理决定数量", "上一年项目数量")) + ")")
PROACTIVE_END = regex.compile(r"三、\s*(?:行政机关)?收到和处理|申请人情况|本年新收政府信息公开申请")

# Format markers (DOMAIN.md §6 parsing hints): labels, not the year, tell the format.
FMT2021_MARKERS = regex.compile(
    "|".join([loose("本年制发件数"), loose("本年废止件数"), loose("现行有效件数"),
              loose("逾期不补正"), loose("逾期未按收费通知")]))
FMT2019_MARKERS = regex.compile(
    "|".join([loose("本年新制作数量"), loose("本年新公开数量"), loose("对外公开总数量"),
              loose("采购项目数量"), loose("上一年项目数量"), loose("本年增/减"), r"第\s*二\s*十\s*条\s*第\s*\(\s*九\s*\)\s*项"]))

# Prose that restates table figures (tie-breakers for run-together cells).
PROSE_REVIEW = regex.compile(r"行政复议(?:案件|申请)?(?:共|数为|数)?(\d+)\s*件")
PROSE_LITIGATION = regex.compile(r"行政诉讼(?:案件)?(?:共|数为|数)?(\d+)\s*(?:件|起)")
PROSE_RECEIVED = regex.compile(r"(?:收到|受理|新收)[^。,;]{0,20}?(?:政府信息公开)?申请(?:共)?(\d+)\s*件")
PROSE_NORMATIVE_ISSUED = regex.compile(r"制发(?:的)?(?:行政)?规范性文件(\d+)\s*件")
