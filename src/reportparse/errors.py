"""The one exception family callers need to catch.

Every failure to read a document is a :class:`ReportParseError` whose message
is a single line naming the problem; the CLI prefixes the file name.
"""

from __future__ import annotations


class ReportParseError(Exception):
    """A document could not be parsed. ``str(err)`` is a one-line reason."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class InputError(ReportParseError):
    """The input is missing, empty, too large or not a readable file."""

    code = "input"


class BinaryInputError(ReportParseError):
    """The bytes are binary (or another container given as text)."""

    code = "binary"


class DecodeError(ReportParseError):
    """No supported text encoding decodes the bytes."""

    code = "decode"


class UnsupportedFormatError(ReportParseError):
    """A container we recognise but cannot read (legacy .doc, scanned PDF, ...)."""

    code = "unsupported"


class LimitExceededError(ReportParseError):
    """A configured safety limit was exceeded (size, pages, expansion, time)."""

    code = "limit"


class NotAReportError(ReportParseError):
    """The text is readable but is not a disclosure annual report."""

    code = "not_report"


# ---------------------------------------------------------------- reasons for a person
#
# The library's messages are English (stable, greppable); a clerk reads the
# same reason as one Chinese sentence. Each row: a pattern of the English
# message and its Chinese wording ({0}, {1}: the pattern's groups). The first
# match wins; a message with no row gets its class's sentence and keeps the
# English detail in brackets, so nothing is lost.
_REASONS_ZH: list[tuple[str, str]] = [
    (r"file not found", "文件不存在"),
    (r"is a directory, not a file", "这是一个文件夹，不是文件"),
    (r"not a regular file.*|.*不是普通文件.*", "不是普通文件（管道、设备或套接字），不读取"),
    (r"empty file", "空文件"),
    (r"file holds only whitespace", "文件只有空白，没有内容"),
    (r"cannot read file \((?:Permission denied|\[Errno 13\].*)\)", "没有读取权限，无法读取文件"),
    (r"cannot read file \((.*)\)", "无法读取文件（{0}）"),
    (r"cannot read folder \((?:Permission denied|\[Errno 13\].*)\)", "没有读取权限，无法读取文件夹"),
    (r"cannot read folder \((.*)\)", "无法读取文件夹（{0}）"),
    (r"cannot write the outputs \((.*)\)", "无法写出该报告的结果（{0}）"),
    (r"(?:file|input) too large \(([\d,]+) bytes; the limit is ([\d,]+) bytes\)",
     "文件太大（{0} 字节，上限 {1} 字节），未解析"),
    (r"text too long \(([\d,]+) characters; limit ([\d,]+)\)", "文字太长（{0} 字，上限 {1} 字），未解析"),
    (r"text has ([\d,]+) lines \(limit ([\d,]+)\)", "行数太多（{0} 行，上限 {1} 行），未解析"),
    (r"parsing took over ([\d.]+) s.*", "解析用时超过 {0} 秒，已放弃（文件过于复杂）"),
    (r"timed out.*?([\d.]+) s.*", "解析超过 {0} 秒，已放弃（文件过于复杂或电脑过忙）"),
    (r"out of memory.*", "解析时内存超过上限，已放弃"),
    (r"document too deeply nested", "文档嵌套层数过深，无法解析"),
    (r"document has ([\d,]+) sections and sub-sections \(limit ([\d,]+)\)", "章节太多（{0} 个，上限 {1} 个），未解析"),
    (r"not a government information-disclosure annual report \(信息公开 is named, but.*",
     "不是政府信息公开工作年度报告（提到了“信息公开”，但没有“年度报告”“主动公开”“依申请公开”等字样，也没有标准的章节标题）"),
    (r"not a government information-disclosure annual report.*", "不是政府信息公开工作年度报告（未找到“信息公开”“年度报告”等字样）"),
    (r"解析超时 \(parsing took over ([\d.]+) s.*", "解析用时超过 {0} 秒，已放弃（文件过于复杂）"),
    (r"binary input: a ZIP/Office archive given as text.*", "这是压缩包或 Office 文件，不是文本；Word 文件请用 .docx 扩展名"),
    (r"binary input.*", "不是文本而是二进制文件（图片或程序等）"),
    (r"undecodable bytes: starts with a (\S+) byte-order mark but is not \S+", "文件开头标明是 {0} 编码，但内容不是，无法解码"),
    (r"undecodable bytes.*", "无法识别文字编码（不是 UTF-8、UTF-16、GB18030 或 Big5 文本）"),
    (r"mojibake: UTF-8 text that was read as GBK.*", "文字已乱码（UTF-8 文本曾被当作 GBK 另存），无法还原，请索取原始文件"),
    (r"mojibake.*", "文字已乱码且无法还原，请索取原始文件"),
    (r"encrypted \(password-protected\) Office file.*", "Office 文件设有密码，请去掉密码后另存为 .docx"),
    (r"encrypted \.docx.*", "Word 文件设有密码，请去掉密码后再试"),
    (r"encrypted PDF.*", "PDF 设有密码，无法读取文字"),
    (r"RTF file is not supported.*", "不支持 RTF 文件，请另存为 .docx 或 .txt"),
    (r"WPS Office (\S+) file is not supported.*", "不支持 WPS 文件（{0}），请另存为 .docx 或 .txt"),
    (r"legacy Office (\S+) file is not a report document.*", "{0} 文件不是报告文档，请把报告另存为 .docx 或 .txt"),
    (r"legacy Word 97-2003 \.doc.*", "旧版 .doc 文件，请另存为 .docx"),
    (r"damaged \.docx.*", "Word 文件已损坏，无法打开"),
    (r"no text in the \.docx document", "Word 文件里没有文字"),
    (r"docx .*expands beyond.*|.*decompression bomb.*|.*expands? to.*", "文件解压后超过安全上限（疑似压缩炸弹），未解析"),
    (r"PDF has ([\d,]+) pages \(limit ([\d,]+)\)", "PDF 页数太多（{0} 页，上限 {1} 页），未解析"),
    (r"PDF has no pages", "PDF 没有页面"),
    (r"damaged PDF.*", "PDF 文件已损坏，无法打开"),
    (r"scanned image.*to read it.*: (pip install .*)", "图片是扫描件，识别它需要安装 OCR 扩展：{0}"),
    (r".*(?:scanned|no text layer|unreadable).*to read it.*: (pip install .*)",
     "PDF 是扫描件（没有可用的文字层），识别它需要安装 OCR 扩展：{0}（或索取 Word、文本版）"),
    (r"PDF text layer is unreadable.*", "PDF 的文字层无法识别（字体缺少编码表），请索取 Word 或文本版"),
    (r".*scanned.*|.*no text layer.*", "PDF 是扫描件，没有文字层，请索取 Word 或文本版"),
    (r"no HTML part in the \.mht.*", ".mht 文件里没有网页内容"),
    (r"no (?:report )?text (?:found )?in the (?:HTML )?page.*", "网页里没有找到报告正文"),
    (r"unreadable HTML.*", "网页文件已损坏，无法读取"),
    (r"HTML page has ([\d,]+) elements \(limit ([\d,]+)\)", "网页元素太多（{0} 个，上限 {1} 个），未解析"),
    (r"internal error.*", "程序内部错误，请把该文件报告给维护人员"),
    (r"the parsing process died|worker process died", "解析进程意外退出（文件可能过于复杂），请单独重试"),
]

# The system's own words inside a reason (strerror), for a person.
_OS_WORDS = {"No space left on device": "磁盘已满", "Read-only file system": "只读文件系统",
             "Permission denied": "没有权限", "No such file or directory": "文件不存在",
             "Is a directory": "这是一个文件夹", "Disk quota exceeded": "超出磁盘配额"}

_CLASS_ZH = {
    "input": "无法读取文件", "binary": "不是文本而是二进制文件", "decode": "无法识别文字编码",
    "unsupported": "不支持的文件格式", "limit": "文件超过安全上限，未解析", "not_report": "不是政府信息公开工作年度报告",
    "error": "无法解析",
}


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def reason(error: ReportParseError | str, lang: str = "zh", *, code: str | None = None) -> str:
    """One sentence saying why an input failed, for a person: Chinese (``lang="zh"``) or
    the library's English message (``"en"``). The file name is not included."""
    import re

    if isinstance(error, ReportParseError):
        message, code = Exception.__str__(error), code or error.code
    else:
        message = str(error)
    message = " ".join(message.split())
    if lang != "zh":
        head, sep, tail = message.partition(" (")  # "中文 (English)": the English
        if sep and _has_cjk(head) and tail.endswith(")") and not _has_cjk(tail):
            return tail[:-1]
        return message
    for pattern, chinese in _compiled():
        match = re.fullmatch(pattern, message, flags=re.IGNORECASE)
        if match:
            text = chinese.format(*match.groups())
            for english, words in _OS_WORDS.items():
                text = text.replace(english, words)
            return text
    if _has_cjk(message):  # already written for a person: "中文 (English detail)" keeps the Chinese
        head, sep, tail = message.partition(" (")
        return head if sep and _has_cjk(head) and not _has_cjk(tail) else message
    head = _CLASS_ZH.get(code or "error", _CLASS_ZH["error"])
    return f"{head}（{message}）" if message else head


def _compiled() -> list[tuple[str, str]]:
    return _REASONS_ZH
