"""Each shortcut taken for speed gives exactly what the plain way gives.

The fast paths (a literal prefilter before a pattern, a shared index instead of a rescan) are
compared with the plain computation on every corpus text and on hand-made snippets, so a
shortcut that drops a match fails here rather than moving a figure somewhere unseen.
"""

from __future__ import annotations

import random

import pytest

from conftest import CORPUS, SHARED
from reportparse.load import load_bytes
from reportparse.normalize import normalize
from reportparse.tables import labels


def _texts() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))
    if (SHARED / "dev").is_dir():
        paths += sorted((SHARED / "dev").glob("*.txt")) + sorted((SHARED / "dev").glob("*.md"))
    return [normalize(load_bytes(p.read_bytes(), p.name).text).text for p in paths]


TEXTS = _texts()
SNIPPETS = [
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
    "二 、 上年结转政府信\n息公开申请数量|0|1|",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)1 0 0 0 0 0 1",
    "(七)总计 3 0 0 0 0 0 3\n四、结转下年度继续办理 0",
    "总计 12 3 0 0 0 0 15",
    "2.其他法律行政法规禁止公开0 0 0 0 0 0 0 3.危及“三安全一稳定”0 0",
    "1 2 3 二、、、上 年 结 转",
    "",
]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.captures("c") == b.captures("c") and a.starts("c") == b.starts("c")


@pytest.mark.parametrize("patterns", [labels.REQUEST_PATTERNS, labels.UNNUMBERED_PATTERNS],
                         ids=["numbered", "unnumbered"])
def test_row_label_search_equals_the_plain_search(patterns):
    rng = random.Random(7)
    checked = 0
    for text in TEXTS + SNIPPETS:
        starts = {0, len(text)} | {rng.randrange(len(text) + 1) for _ in range(6)}
        for key in patterns:
            fast = patterns[key]
            for pos in sorted(starts):
                for end in (len(text), min(len(text), pos + 300)):
                    assert _same(fast.search(text, pos, end), fast.compiled.search(text, pos, end)), (key, pos, end)
                    checked += 1
    assert checked > 1000


def test_row_label_found_after_its_number_and_wrapped_cells():
    m = labels.REQUEST_PATTERNS["not_processed_confirm"].search("x 5.要求行政机关确认或重新出具0 0 0\n已获取信息 0 0")
    assert m.group().startswith("5.要求") and m.captures("c") == ["0", "0", "0"]
    assert labels.REQUEST_PATTERNS["granted"].search("予以公开的信息") is not None
    assert labels.REQUEST_PATTERNS["granted"].search("部分公开") is None


def test_heading_with_one_wrong_character_counts_as_the_fuzzy_pattern_does():
    import regex

    from reportparse.segment import _FUZZY_HEADINGS, _one_substitution

    rng = random.Random(3)
    lines = [line[:40] for text in TEXTS for line in text.split("\n") if line]
    for _kind, words in _FUZZY_HEADINGS:
        fuzzy = regex.compile(rf"(?:{words}){{s<=1}}")
        cases = list(lines)
        for _ in range(200):  # the words with 0, 1 or 2 characters replaced, cut short, run on
            chars = list(words)
            for _ in range(rng.choice([0, 1, 1, 2])):
                chars[rng.randrange(len(chars))] = rng.choice("政府信息公开俯顷x1 ")
            cases.append("".join(chars)[: rng.choice([len(chars), len(chars) - 1])] + rng.choice(["", "情况", "。"]))
        for case in cases:
            m = fuzzy.match(case)
            assert _one_substitution(case, words) == bool(m), (words, case)
            assert m is None or m.end() == len(words)


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _required_in(alternative: str, word: str) -> bool:
    """``word`` is written out in every reading of ``alternative`` (not only in an optional part)."""
    return word in _plain(alternative, word)


def _plain(pattern: str, word: str) -> str:
    """The characters every match of ``pattern`` spells out in order, with ``word`` standing for a
    group whose every branch holds it; anything else is a break (NUL)."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append("\0")
            i += 2
            continue
        if ch == "(":
            close = _matching(pattern, i)
            inner = pattern[i + 1: close]
            if inner.startswith("?"):
                inner = inner[inner.index(">") + 1:] if inner.startswith("?P<") else inner[2:] if inner[1] in ":=!" else ""
            if pattern[close + 1: close + 2] in ("?", "*") or pattern.startswith("(?<", i) or pattern.startswith("(?!", i):
                out.append("\0")
            else:
                branches = _top_level_alternatives(inner)
                if len(branches) == 1:
                    out.append(_plain(inner, word))
                else:
                    out.append(word if all(word in _plain(b, word) for b in branches) else "\0")
            i = close + 1
            continue
        if ch in "[.":
            out.append("\0")
            if ch == "[":
                i = pattern.index("]", i + 1)
        elif ch in "?*{":  # the character before may be left out
            if out:
                out[-1] = "\0"
            if ch == "{":
                i = pattern.index("}", i)
        elif ch == "+":
            pass
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _matching(pattern: str, i: int) -> int:
    depth = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        depth += pattern[i] == "("
        depth -= pattern[i] == ")"
        if depth == 0:
            return i
        i += 1
    raise ValueError(pattern)


def test_every_local_table_row_form_holds_one_of_its_gate_words():
    from reportparse.extract.local_table import ROW_WORDS, ROWS

    assert set(ROW_WORDS) == {name for name, _ in ROWS}
    for name, pattern in ROWS:
        for alternative in _top_level_alternatives(pattern):
            assert any(_required_in(alternative, w) for w in ROW_WORDS[name]), (name, alternative)


def test_gate_word_check_catches_a_word_only_in_an_optional_part():
    assert _required_in("受理(?:依申请公开)?数", "受理")
    assert not _required_in("(?:同意)?部分公开数", "同意公开")
    assert not _required_in("(?:否决|不予)数", "不予")
    assert _required_in("(?:否决公开|不予公开)数", "公开")
    assert not _required_in("主动公开?数", "主动公开")


def test_spaced_headings_skip_only_spaces_before_ascii(monkeypatch):
    """Spaces followed by ASCII (or its full-width form) are skipped before mapping offsets:
    the same headings as trying every run of spaces."""
    import regex

    from reportparse import segment

    paths = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md"))
    originals = [load_bytes(p.read_bytes(), p.name).text for p in paths]
    originals += [
        "概述。 主动公开政府信息情况 第二十条\n",
        "概述。 \u200b主动公开政府信息情况 1 2\n",  # a zero-width character after the spaces: deleted
        "概述。\u3000主动公开政府信息情况\u3000２０\n",
        "概述。 Ａ主动公开政府信息情况 x\n",
        "共 12 件。 \t 收到和处理政府信息公开申请情况 \n表",
        "收费 \n主动公开政府信息情况 1\n",
    ]
    docs = [normalize(t) for t in originals]
    fast = [segment.spaced_headings(d, set()) for d in docs]
    monkeypatch.setattr(segment, "_ORIGINAL_SPACE", regex.compile(r"[ \t\u3000\u00a0]+"))
    plain = [segment.spaced_headings(d, set()) for d in docs]
    assert fast == plain
    assert sum(map(len, plain)) >= 3


@pytest.mark.parametrize("pattern, expected", [
    ("主动公开|收到", {"主", "收"}),
    ("(?:行政)?复议", {"行", "复"}),
    ("(?<=x)[ab]c", {"a", "b"}),  # a lookbehind before the first character is skipped
    ("(?:)+a|b*c", {"a", "b", "c"}),
    ("a?", None),  # matches the empty string
    ("(?i)a", None),  # ignores case
    (r"\d年", None),  # a category
    ("[^a]", None),
    ("(?P<x>a)(?P=x)", {"a"}),
])
def test_first_chars_of_a_pattern(pattern, expected):
    from reportparse import rx

    got = rx.first_chars(pattern)
    assert (None if got is None else set(got)) == expected


def test_first_chars_hold_every_match_start_of_the_vocabularies():
    from reportparse import rx, vocab

    patterns = [v for v in vars(vocab).values() if isinstance(v, type(vocab.SECTION_HEADING_ANY))]
    known = [(p, rx.first_chars(p.pattern, p.flags)) for p in patterns]
    known = [(p, chars) for p, chars in known if chars is not None]
    assert len(known) >= 3
    matched = 0
    for text in TEXTS:
        for p, chars in known:
            for m in p.finditer(text):
                assert text[m.start()] in chars, (p.pattern[:40], m.group())
                matched += 1
    assert matched > 100


def test_heading_title_guards_give_what_the_plain_matches_give():
    from reportparse import segment
    from reportparse.segment import _ANNEX, _FUZZY_HEADINGS, _TERMINAL_TAIL

    def plain_title(text):
        saved = segment._HEADING_FIRST, segment._annex
        segment._HEADING_FIRST, segment._annex = segment.regex.EVERY_CHAR, _ANNEX.match
        try:
            return segment.classify_title(text)
        finally:
            segment._HEADING_FIRST, segment._annex = saved

    def plain_fuzzy(text):
        kind, end = plain_title(text)
        if kind:
            return kind, end
        for kind, words in _FUZZY_HEADINGS:
            if segment._one_substitution(text, words):
                tail = _TERMINAL_TAIL.match(text, len(words))
                return kind, tail.end() if tail else len(words)
        return None, 0

    rng = random.Random(5)
    cases = [line[:80] for text in TEXTS for line in text.split("\n")]
    cases += [text[i : i + 80] for text in TEXTS for i in (rng.randrange(len(text) + 1) for _ in range(30))]
    cases += ["", "表", "附表", "2023年统计表", "主", "主动公开政俯信息情况", "x动公开政府信息", "其他需要报告的事顷"]
    found = 0
    for case in cases:
        assert segment.classify_title(case) == plain_title(case), case
        assert segment.classify_fuzzy(case) == plain_fuzzy(case), case
        found += plain_fuzzy(case)[0] is not None
    assert found > 50


def test_line_widths_and_table_rows_from_one_pass_equal_the_line_by_line_ones():
    from reportparse.normalize import _TABLE_ROW, _line_facts, _width

    snippets = ["", "\n", "a|b\n1 2\n中文 12 3\n\t\n１２ ３", "x\n" * 5 + "2019年 3 4|", "𠀀 1 2\n\u2e80\uffff"]
    checked = 0
    for text in TEXTS + snippets:
        lines = text.split("\n")
        widths, table = _line_facts(text, lines)
        assert widths == [_width(line) for line in lines]
        assert table == [bool(_TABLE_ROW.search(line)) for line in lines]
        checked += sum(table)
    assert checked > 100
