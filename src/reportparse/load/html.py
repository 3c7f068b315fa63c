"""HTML pages: find the article body, drop the site chrome, keep blocks and tables.

:func:`load_html` applies, in order:

1. ``choose_encoding`` - the charset a ``<meta>`` tag declares, when the bytes
   decode with it (UTF-8 bytes under a stale GB2312 tag are read as UTF-8);
   else the detected encoding of :func:`..text.decode_text`.
2. parse with lxml's HTML parser (no network, no entities, no DTD); scripts,
   styles, forms and other non-text elements are removed.
3. ``drop_chrome`` - navigation, breadcrumbs, language switchers, font-size
   and accessibility widgets, share buttons and footers, recognised by their
   ``class``/``id`` and by their words (繁體版, 主办单位, ICP备, 网站标识码...).
4. ``find_body`` - descend from ``<body>`` into the child holding nearly all
   of the page's prose; the article title shortly before it is kept (else the
   ``<title>``, when the body never names the report). Hidden elements go.
5. ``render`` - one line per paragraph, heading or ``<br>`` line; each data
   table as markdown pipe rows with rowspan/colspan expanded (spanned
   positions left empty), a blank line before and after.
"""

from __future__ import annotations

import re

from ..clock import check_time
from ..config import Limits
from ..errors import InputError, LimitExceededError
from . import Loaded, join_lines
from .mojibake import repair_mojibake
from .text import decode_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Declared charsets read with the superset codec that decodes what sites really send.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "big5": "big5hkscs", "x-euc-tw": "big5hkscs", "iso-8859-1": "cp1252", "ascii": "utf-8",
              "us-ascii": "utf-8"}

# Elements whose content is never article text.
_DROP_TAGS = ("script", "style", "noscript", "noframes", "template", "iframe", "frame", "frameset", "object", "embed",
              "applet", "svg", "math", "canvas", "video", "audio", "map", "button", "select",
              "input", "textarea", "label", "nav", "footer", "aside", "link", "meta", "head",
              "img", "picture", "source")
# Wrappers whose content is the page: an ASP.NET WebForms page wraps its whole body in one <form>.
_UNWRAP_TAGS = ("form",)
# Elements with fallback content (or void ones the parser leaves open, like <embed>): when
# they hold prose, an unclosed tag swallowed the article after it, so only the tag goes.
_SWALLOWING_TAGS = frozenset(("embed", "object", "applet", "canvas", "video", "audio", "map", "svg", "math"))
_SWALLOWED_CHARS = 200
# Inline tags that carry no structure: removed from the source when a page nests too deep
# for the parser (thousands of unclosed <font> tags in old pages).
_INLINE_SOURCE_TAGS = re.compile(r"</?(?:font|span|b|i|u|s|em|strong|small|big|sub|sup|strike|tt|"
                                 r"o:p|st1:[\w-]+|ins|del|abbr|acronym|nobr|wbr)\b[^<>]*>", re.I)
_BLOCK_SOURCE_TAGS = re.compile(r"</?(?:div|section|article|main|center|blockquote|li|ul|ol|dl|dd|dt|"
                                r"header|aside|nav|footer|figure|a|p)\b[^<>]*>", re.I)
_MIN_ARTICLE_CJK = 10  # a report body has hundreds of characters; a title page has a few left
_ATTACHMENT = re.compile(r"\.(?:pdf|docx?|wps|xlsx?|zip|rar|ofd)(?:$|[?#])", re.I)
# class/id words of site chrome (whole words or word parts of the attribute value).
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|crumbs?|breadcrumbs?|location|position|weizhi|dqwz|footer|foot|bottom|"
    r"copyright|banquan|toolbar|share|bdshare|fenxiang|sidebar|side|aside|lang|"
    r"language|fontsize|font-size|zihao|wza|barrier|accessib\w*|print|close|search|login|qrcode|ewm|"
    r"related|xgxx|xglj|links?|friendlink|pager|pagination|comment)(?:$|[\s_\d-])", re.I)
# Words that mark a short block as chrome wherever it sits.
_CHROME_WORDS = re.compile(
    # Words reports also use (访问量, 无障碍, 适老化) only in their widget forms, with a colon.
    r"繁體版|繁体版|简体版|ENGLISH|English|无障碍浏览|无障碍阅读|無障礙瀏覽|长辈版|關懷版|关怀版|适老模式|"
    r"(?:主办单位|主辦單位|承办单位|承辦單位|当前位置|當前位置|您现在的位置|您的位置|浏览次数|瀏覽次數|访问量|"
    r"点击数|點擊數|字号|字體|字体)\s*[:：]|"
    r"ICP备|ICP證|ICP证|网站标识码|網站標識碼|公网安备|版权所有|版權所有|Copyright|"
    r"【\s*大\s*中\s*小\s*】|分享到|打印本页|打印此页|【打印】|关闭窗口|關閉窗口|返回顶部|收藏本页|设为首页|"
    r"加入收藏|网站地图|上一篇|下一篇|相关链接|相關鏈接|政府网站找错")
_CHROME_MAX_CHARS = 160  # a block longer than this is prose even if it names a chrome word
_REPORT_WORD = re.compile(r"报告|報告|年报|年報")
_DATE_LINE = re.compile(r"(?:发布|發佈|日期|时间|時間)\s*[:：]?\s*\d{4}\s*[-年/.]")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Class names a page's own <style> hides: ``.hide { display: none }``.
_CLASS_SELECTOR = re.compile(r"^\s*\.([\w-]+)\s*$")
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*[^_|｜\-—–]*$")
_TITLE_ATTR = re.compile(r"title|biaoti|bt|tit|headline", re.I)

_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption",
               "hr", "body", "html", "tbody", "thead", "tfoot", "caption", "fieldset", "details", "summary"}
_CJK = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_RUN = re.compile(r"\s+")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\xa0]*\n[ \t\r\n\xa0]*(?=[{_CJK}])")
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LAYOUT_CELL_CHARS = 300
_MAX_SPAN = 1000  # the HTML cap for colspan; rowspan is also bounded by the table's rows


def choose_encoding(data: bytes) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)``: the declared charset when it decodes, else detection."""
    match = _META_CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        label = match.group(1).decode("ascii", "replace").lower()
        codec = _SUPERSETS.get(label, label)
        if codec != "utf-8" and not data.isascii():
            # Pages re-saved as UTF-8 keep their old gb2312 tag; Chinese GBK text is never valid UTF-8.
            try:
                return data.decode("utf-8"), "utf-8", [f"declared charset {label} but the page is UTF-8"]
            except UnicodeDecodeError:
                pass
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeError, ValueError):  # unknown label, bad bytes, codecs like punycode
            pass
        else:
            text, repairs = repair_mojibake(text)
            return text, label, repairs
    return decode_text(data)


def load_mhtml(data: bytes, limits: Limits) -> Loaded:
    """A web page saved as one file (.mht/.mhtml, Word's "single file web page"): its HTML part."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        label = (part.get_content_charset() or "").lower()
        text = None
        if label:
            try:
                text = payload.decode(_SUPERSETS.get(label, label))
            except (LookupError, UnicodeError, ValueError):  # unknown label, bad bytes, codecs like punycode
                text = None
        if text is None:
            text, label, _ = choose_encoding(payload)
        loaded = html_to_text(text, label, limits, size_bytes=len(data))
        loaded.container = "mhtml"
        return loaded
    raise InputError("no HTML part in the .mht/.mhtml file")


def load_html(data: bytes, limits: Limits, *, text: str | None = None, encoding: str | None = None) -> Loaded:
    """Extract the report text from a saved web page."""
    text, encoding, warnings = choose_encoding(data)
    loaded = html_to_text(text, encoding, limits, size_bytes=len(data))
    loaded.warnings[:0] = warnings
    return loaded


def html_to_text(text: str, encoding: str, limits: Limits, *, size_bytes: int, nested: int = 0) -> Loaded:
    """The visible article of a page as lines; :class:`InputError` when the page shows none.

    A page that shows no article of its own may show it in an ``<iframe srcdoc>`` or give it
    to browsers without scripts in ``<noscript>`` (a page its scripts fill): those are read
    then, ``nested`` counting how deep such fallbacks went."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an encoding declaration
    # Control characters survive lxml's HTML parser but not its tree edits (dropping chrome).
    text = _NOT_XML_CHARS.sub("", text)
    warnings: list[str] = []
    root = parse_html(text, limits, warnings)
    check_time("parsing the HTML page")
    elements = sum(1 for _ in root.iter())
    if elements > limits.max_elements:
        raise LimitExceededError(f"HTML page has {elements:,} elements (limit {limits.max_elements:,})")
    frames = [el.get("src", "") for el in root.iter("frame", "iframe") if el.get("src")]
    noframes = "".join("".join(el.itertext()) for el in root.iter("noframes")) if root.find(".//frameset") is not None \
        else ""
    head_title = _page_title(root)
    drop_hidden(root)
    embedded = _embedded_pages(root) if nested < _MAX_NESTED_PAGES else ""
    for el in list(root.iter(*_DROP_TAGS)):
        if el.tag in _SWALLOWING_TAGS and _text_len(el, _SWALLOWED_CHARS) > _SWALLOWED_CHARS:
            _unwrap(el)
        else:
            _drop(el)
    for el in list(root.iter(*_UNWRAP_TAGS)):
        _unwrap(el)
    for el in list(root.iter("a")):  # an unclosed <a> swallowed the paragraphs after it: not a link
        if _text_len(el, _SWALLOWED_CHARS) > _SWALLOWED_CHARS and any(
                isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in el.iterdescendants()):
            _unwrap(el)
    body = root.find("body")
    if body is None:
        body = root
    drop_chrome(body)
    check_time("dropping site chrome")
    heads, article = find_body(body)
    lines: list[str] = []
    Renderer(limits).render(article, lines)
    check_time("rendering the HTML page")
    if article is not body and not _REPORT_TEXT.search("\n".join(lines)):
        # The page's largest block is no report (a wall of menu cells): when the report is elsewhere
        # on the page, that block goes and the article is looked for again, rather than a report
        # built from the title and the menu.
        block = _block_without_report(body, article)
        if block is not None:
            _drop(block)
            heads, article = find_body(body)
            lines = []
            Renderer(limits).render(article, lines)
            check_time("rendering the HTML page")
            warnings.append("the largest block of the page holds no report text: read the rest of the page")
    head_lines = [_inline_text(el) for el in heads]
    if _article_cjk(article, lines, head_lines + [head_title]) < _MIN_ARTICLE_CJK:
        if noframes.strip() and "<frameset" not in noframes.lower():  # the page's text for browsers without frames
            return html_to_text(noframes, encoding, limits, size_bytes=size_bytes, nested=_MAX_NESTED_PAGES)
        if embedded:
            try:
                loaded = html_to_text(embedded, encoding, limits, size_bytes=size_bytes, nested=nested + 1)
            except InputError:
                pass
            else:
                loaded.warnings.insert(0, "the page shows its text in an embedded frame (srcdoc) or for "
                                          "browsers without scripts (noscript): read from there")
                return loaded
        raise InputError(_no_article(root, frames))
    opening = "".join(lines[:3])
    if not head_lines and head_title and not _REPORT_WORD.search(opening[:200]):
        head_lines = [head_title]  # the page shows its title nowhere but in <title>
    if head_lines and head_lines[0] not in opening:
        lines[:0] = head_lines
    out = join_lines(lines)
    if len(out) > limits.max_chars:
        raise LimitExceededError(f"text too long ({len(out):,} characters; limit {limits.max_chars:,})")
    return Loaded(text=out, container="html", encoding=encoding, size_bytes=size_bytes, warnings=warnings)


def parse_html(text: str, limits: Limits, warnings: list[str]):
    """The page's tree. libxml2 stops reading at its depth limit (256, or 2048 with
    ``huge_tree``) and silently drops the rest, the article included; a page that reaches it is
    read again without its inline tags, then without its block wrappers (text kept)."""
    import lxml.etree

    for attempt in range(4):
        parser = lxml.etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                       huge_tree=True, recover=True, default_doctype=False)
        try:
            root = lxml.etree.fromstring(text, parser=parser)
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
            raise InputError(f"unreadable HTML ({exc})") from None
        if root is None:
            raise InputError("no text in the HTML page")
        too_deep = any("Excessive depth" in entry.message for entry in parser.error_log)
        if not too_deep:
            return root
        if attempt == 0:
            text = _INLINE_SOURCE_TAGS.sub("", text)
            warnings.append("HTML nested too deeply: read again without its inline tags")
        elif attempt == 1:
            text = _BLOCK_SOURCE_TAGS.sub("<br>", text)
            warnings.append("HTML nested too deeply: read again without its block structure")
        elif attempt == 2:
            text = _flatten_deep(text)
            warnings.append("HTML nested too deeply: read again without the tags nested past "
                            f"{_FLATTEN_DEPTH:,} levels")
    raise LimitExceededError("HTML page nested too deeply to read (over 2,048 levels)")


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)\b[^<>]*?(/?)>")
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "frame", "keygen"))
_FLATTEN_DEPTH = 256


def _flatten_deep(text: str) -> str:
    """``text`` without the tags (any: tables, cells, frames) nested past ``_FLATTEN_DEPTH``
    levels as its tags open and close; their text is kept, a line break in their place.

    One pass over the tags with a stack of open names (a close tag pops to its opener, one
    never opened is ignored); linear in the page."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    out: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        if not closing:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > _FLATTEN_DEPTH:
                out.append(text[pos:m.start()])
                out.append("<br>")
                pos = m.end()
            continue
        if not open_count.get(name):
            continue
        deep = len(stack) > _FLATTEN_DEPTH
        while stack:
            top = stack.pop()
            open_count[top] -= 1
            if top == name:
                break
        if deep:
            out.append(text[pos:m.start()])
            out.append("<br>")
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


# Words of a report's standard parts (either script): a page's article holds some.
_REPORT_TEXT = re.compile(r"主动公开|主動公開|依申请公开|依申請公開|收到和处理|收到和處理|行政复议|行政復議|"
                          r"政府信息公开申请|政府資訊公開申請")
def _block_without_report(body, article):
    """The largest block around ``article`` (below ``body``) holding no report words, when the
    page holds them elsewhere; else None. Words are looked for once per element, from the leaves."""
    found: dict = {}
    for el in reversed(list(body.iter())):
        own = (el.text or "") + "".join(c.tail or "" for c in el)
        found[el] = bool(_REPORT_TEXT.search(own)) or any(found[c] for c in el)
    if not found.get(body) or found.get(article, True):
        return None
    block = article
    while block.getparent() is not None and block.getparent() is not body and not found[block.getparent()]:
        block = block.getparent()
    return block


_MAX_NESTED_PAGES = 2  # srcdoc / noscript fallbacks inside fallbacks


def _embedded_pages(root) -> str:
    """The HTML of the page's ``<iframe srcdoc>`` documents and ``<noscript>`` blocks (visible
    article text a page may hold only there), before they are dropped as non-text."""
    import lxml.etree

    parts = [el.get("srcdoc", "") for el in root.iter("iframe") if el.get("srcdoc")]
    for el in root.iter("noscript"):
        inner = (el.text or "") + "".join(lxml.etree.tostring(child, method="html", encoding="unicode")
                                          for child in el)
        parts.append(inner)
    return "".join(f"<div>{part}</div>" for part in parts if part.strip())


def _article_cjk(article, lines: list[str], titles: list[str]) -> int:
    """CJK characters the article shows outside links, not counting lines that only repeat
    the page title or give its date: what is left of a page that shows no report is a few."""
    skip = {"".join(t.split()) for t in titles if t}
    repeated = sum(len(_CJK_CHAR.findall(line)) for line in lines
                   if "".join(line.split()) in skip or (len(line) <= 80 and _DATE_LINE.search(line)))
    return _prose_lengths(article).get(article, 0) - repeated


def _no_article(root, frames: list[str]) -> str:
    """The one-line error of a page without a visible article, naming where the report may be."""
    message = "页面中没有找到报告正文 (no report text found in the page"
    if frames:
        shown = ", ".join(frames[:3])
        return f"{message}: it shows other pages in frames: {shown})"
    files = [a.get("href", "") for a in root.iter("a") if _ATTACHMENT.search(a.get("href", ""))]
    if files:
        return f"{message}; the report may be an attachment: {files[0][-120:]})"
    return message + ")"


def drop_hidden(root) -> None:
    """Remove what a browser does not show: ``hidden``, ``aria-hidden="true"``, inline
    ``display:none``/``visibility:hidden``, and classes the page's own <style> hides."""
    hidden_classes: set[str] = set()
    for style in root.iter("style"):
        for rule in "".join(style.itertext()).split("}"):  # split, not a regex: linear on any style text
            selectors, _, declarations = rule.rpartition("{")
            if selectors and _HIDDEN.search(declarations):
                for selector in selectors.split(","):
                    match = _CLASS_SELECTOR.match(selector)
                    if match:
                        hidden_classes.add(match.group(1))
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "title"):
            continue
        if (el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true"
                or _HIDDEN.search(el.get("style", ""))
                or (hidden_classes and hidden_classes.intersection((el.get("class") or "").split()))):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _unwrap(el) -> None:
    """Remove ``el``'s tag, keeping its text, children and tail in place."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    prev = el.getprevious()
    lead = el.text or ""
    if lead:
        if prev is not None:
            prev.tail = (prev.tail or "") + lead
        else:
            parent.text = (parent.text or "") + lead
    children = list(el)
    tail = el.tail or ""
    parent.remove(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if tail:
        if children:
            children[-1].tail = (children[-1].tail or "") + tail
        else:
            before = parent[index - 1] if index > 0 else None
            if before is not None:
                before.tail = (before.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def _page_title(root) -> str:
    """The ``<title>`` of a report page without the site name after ``_`` / ``|`` / ``-``."""
    el = root.find("head/title")
    if el is None:
        return ""
    text = _SPACE_RUN.sub("", "".join(el.itertext()))
    if not _REPORT_WORD.search(text):
        return ""
    while _TITLE_SUFFIX.search(text) and _REPORT_WORD.search(_TITLE_SUFFIX.sub("", text)):
        text = _TITLE_SUFFIX.sub("", text)
    return text if len(text) <= 80 else ""


def _drop(el) -> None:
    """Remove ``el`` but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text(el) -> str:
    return "".join(el.itertext())


def _attr_words(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".strip()


def _text_len(el, cap: int | None = None) -> int:
    """Non-space characters of ``el``'s text; with ``cap``, counting stops past it (a big
    ancestor costs no more than a small one: dropping chrome was quadratic on pages full of it)."""
    if cap is None:
        return len(_SPACE_RUN.sub("", _text(el)))
    total = 0
    for piece in el.itertext():
        total += len(_SPACE_RUN.sub("", piece))
        if total > cap:
            break
    return total


def drop_chrome(body) -> None:
    """Remove site chrome: by class/id words, then short blocks that speak of the site, not the report."""
    for el in list(body.iter()):
        if el is body or el.getparent() is None or not isinstance(el.tag, str):
            continue
        attrs = _attr_words(el)
        if attrs and _CHROME_ATTR.search(attrs) and _text_len(el, 2 * _CHROME_MAX_CHARS) <= 2 * _CHROME_MAX_CHARS:
            _drop(el)
    blocks_inside = _blocks_inside(body)
    for n, el in enumerate(list(body.iter())):
        if not n % 5000:
            check_time("dropping site chrome")
        if el.getparent() is None or not isinstance(el.tag, str) or el is body:
            continue
        own = (el.text or "") + "".join(c.tail or "" for c in el)
        # An inline-only element is read as one line: its words, if short enough to be a widget.
        if not _CHROME_WORDS.search(own) and not (
                len(el) and not blocks_inside[el] and _text_len(el, _CHROME_MAX_CHARS) <= _CHROME_MAX_CHARS
                and _CHROME_WORDS.search(_text(el))):
            continue
        # Climb to ancestors that add little else (a widget's wrapper), never into the article.
        target = el
        while (target.getparent() is not None and target.getparent() is not body
               and _text_len(target.getparent(), _CHROME_MAX_CHARS)
               <= min(_CHROME_MAX_CHARS, _text_len(target, _CHROME_MAX_CHARS) * 1.5 + 10)):
            target = target.getparent()
        # A sentence ending in 。 is the report speaking, not the site.
        if (_text_len(target, _CHROME_MAX_CHARS) <= _CHROME_MAX_CHARS and not _text(target).strip().endswith("。")
                and _in_tree(target, body)):
            _drop(target)


def _blocks_inside(root) -> dict:
    """For every element under ``root``: whether a block (or a table part) is inside it; what is
    not holds inline words only, read as one line (<span>主办单位</span>：). One pass from the
    leaves (asked element by element, a page of tables nested 600 deep took minutes)."""
    inside: dict = {}
    for el in reversed(list(root.iter())):
        inside[el] = any(inside[c] or (isinstance(c.tag, str) and c.tag in _BLOCKISH) for c in el)
    return inside


_BLOCKISH = _BLOCK_TAGS | {"table", "tr", "td", "th"}


def _in_tree(el, root) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


_CJK_CHAR = re.compile(rf"[{_CJK}]")


def _prose_lengths(root) -> dict:
    """For ``root`` and every element under it: CJK characters outside links, what an
    article body is made of (``_text(el)``'s CJK minus that of each ``<a>`` in it).

    One pass from the leaves up: measured element by element on the way down, a page
    nested 250 deep took minutes."""
    def cjk(text: str | None) -> int:
        return len(_CJK_CHAR.findall(text)) if text else 0

    total: dict = {}
    linked: dict = {}
    for el in reversed(list(root.iter())):  # every element after all of its descendants
        count, links = cjk(el.text), 0
        for child in el:
            count += total.get(child, 0) + cjk(child.tail)
            links += linked.get(child, 0)
        total[el] = count
        linked[el] = links + (count if el.tag == "a" else 0)
    return {el: total[el] - linked[el] for el in total}


def find_body(body):
    """``([title element, date line...] or [], article element)``."""
    node = body
    title = None
    heads: list = []
    prose = _prose_lengths(body)
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        total = prose.get(node, 0)
        if not children or total == 0:
            break
        scored = [(prose.get(c, 0), i, c) for i, c in enumerate(children)]
        best_len, best_i, best = max(scored, key=lambda t: t[0])
        if best_len < 0.8 * total or best.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a",
                                                    "font", "b", "strong"):
            break
        # A heading or title block shortly before the body is the article title
        # (a date/source line may sit between them).
        between = []
        for _, _, sib in reversed(scored[:best_i]):
            stext = _SPACE_RUN.sub("", _text(sib))
            if not stext:
                continue
            if ((sib.tag in ("h1", "h2", "h3") or _TITLE_ATTR.search(_attr_words(sib)))
                    and len(stext) <= 80 and _REPORT_WORD.search(stext)):
                title = sib
                # A publication-date line under the title is the page stating when it published.
                dated = [el for el in reversed(between) if _DATE_LINE.search(_text(el)) and _text_len(el) <= 80]
                heads = [title, *dated]
                break
            between.append(sib)
            if len(between) == 3:
                break
        if best.tag == "table" and _table_kind(best) == "data":
            break
        node = best
    if title is not None and _in_tree(title, node):
        heads = []
    return heads, node


def _table_rows(table):
    """The rows of ``table`` itself (not of tables nested in its cells)."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _cells(row):
    return [c for c in row if c.tag in ("td", "th")]


def _table_kind(table) -> str:
    """``layout`` for tables that only position blocks (nested tables, one column, a cell of
    article length), else ``data``."""
    rows = _table_rows(table)
    if not rows or any(t is not table for t in table.iter("table")):
        return "layout"
    if max(len(_cells(r)) for r in rows) <= 1:
        return "layout"
    # A cell holding a whole article (or a navigation column beside it) is page layout;
    # the longest label of a statistics table is some forty characters.
    if any(_text_len(cell) > _LAYOUT_CELL_CHARS for row in rows for cell in _cells(row)):
        return "layout"
    return "data"


def _inline_text(el) -> str:
    lines: list[str] = []
    Renderer(None).render(el, lines)
    return "".join(line.strip() for line in lines if line.strip())


def _span(value, default: int = 1) -> int:
    try:
        n = int(str(value).strip() or default)
    except ValueError:
        return default
    return max(1, min(n, _MAX_SPAN))


class Renderer:
    """Walks the article element and appends text lines."""

    def __init__(self, limits: Limits | None) -> None:
        self.limits = limits
        self.cells = 0

    def render(self, el, lines: list[str]) -> None:
        self._buf: list[str] = []
        self._walk(el, lines)
        self._flush(lines)

    def _flush(self, lines: list[str]) -> None:
        if self._buf:
            line = _clean("".join(self._buf))
            if line:
                lines.append(line)
            self._buf = []

    def _walk(self, top, lines: list[str]) -> None:
        """Depth first with an explicit stack: pages nest thousands deep (unclosed tags)."""
        # Steps: ("enter", el) | ("children", el) | ("flush", None) | ("text", str).
        stack: list[tuple[str, object]] = [("enter", top)]
        while stack:
            step, item = stack.pop()
            if step == "text":
                self._buf.append(item)  # type: ignore[arg-type]
                continue
            if step == "flush":
                self._flush(lines)
                continue
            el = item
            if step == "children":
                self._buf.append(el.text or "")
                stack.extend(("enter", child) for child in reversed(el))
                continue
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "br":
                self._flush(lines)
                self._buf.append(el.tail or "")
                continue
            if tag in ("pre", "textarea", "xmp", "plaintext"):  # preformatted: its line breaks are real
                self._flush(lines)
                for line in "".join(el.itertext()).splitlines():
                    if line.strip():
                        lines.append(_SPACE_RUN.sub(" ", line).strip())
                self._buf.append(el.tail or "")
                continue
            stack.append(("text", el.tail or ""))
            if tag == "table":
                self._flush(lines)
                if _table_kind(el) == "data":
                    self._table(el, lines)
                else:
                    for cell in reversed([cell for row in _table_rows(el) for cell in _cells(row)]):
                        stack.append(("flush", None))
                        stack.append(("children", cell))
                continue
            block = tag in _BLOCK_TAGS or tag in ("tr", "td", "th")
            if block:
                self._flush(lines)
                stack.append(("flush", None))
            stack.append(("children", el))

    def _table(self, table, lines: list[str]) -> None:
        grid: dict[tuple[int, int], str] = {}
        rows = _table_rows(table)
        width = 0
        for r, row in enumerate(rows):
            c = 0
            for cell in _cells(row):
                while (r, c) in grid:
                    c += 1
                colspan = _span(cell.get("colspan"))
                rowspan = min(_span(cell.get("rowspan")), len(rows) - r)
                self.cells += colspan * rowspan
                if self.limits is not None and self.cells > self.limits.max_table_cells:
                    raise LimitExceededError(
                        f"HTML tables too large (more than {self.limits.max_table_cells:,} cells)")
                text = _inline_text(cell).replace("|", "｜")
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
                c += colspan
                width = max(width, c)
        if not grid:
            return
        if self.limits is not None and width * len(rows) > self.limits.max_table_cells:
            raise LimitExceededError(
                f"HTML table too large ({len(rows):,} rows x {width:,} columns; "
                f"limit {self.limits.max_table_cells:,} cells)")
        lines.append("")
        for r in range(len(rows)):
            cells = [grid.get((r, c), "") for c in range(width)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")


def _clean(line: str) -> str:
    """Collapse HTML whitespace; a source line break between CJK characters is no space."""
    line = _CJK_GAP.sub("", line)
    return _SPACE_RUN.sub(" ", line.replace("\xa0", " ")).strip(" \u3000")


