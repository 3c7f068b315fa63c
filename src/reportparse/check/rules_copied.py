"""Copied report: the share of this year's words that repeat the previous year's report.

Similarity is measured over words (jieba with the domain dictionary, loaded
only when this rule runs), not characters, with figures and years masked, so
a report copied with new numbers is still caught. The share is the fraction
of this report's words inside a run of ``SHINGLE`` words that also occurs in
the previous report; runs of copied words are the passages reported.
"""

from __future__ import annotations

from .. import rx as regex
from ..normalize import normalize
from .context import CheckContext

SHINGLE = 5
PASSAGES = 3
_FIGURE = regex.compile(r"^[\d.,%]+$|\d|^[零〇○一二两三四五六七八九十百千万]+$")
_WORD = regex.compile(r"[\p{Han}\p{L}\p{N}]")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of normalized ``text`` with their spans; figures and years become ``#``."""
    from ..words import tokenizer

    out = []
    for word, start, end in tokenizer().tokenize(text):
        if not _WORD.search(word):
            continue
        out.append(("#" if _FIGURE.search(word) else word, start, end))
    return out


def copied_share(current: str, previous: str) -> tuple[float, list[tuple[int, int]]]:
    """Share of ``current``'s words copied from ``previous``, and the copied runs as (start, end) char spans."""
    cur = tokens(current)
    prev = [w for w, _, _ in tokens(previous)]
    if len(cur) < SHINGLE or len(prev) < SHINGLE:
        return 0.0, []
    known = {tuple(prev[i : i + SHINGLE]) for i in range(len(prev) - SHINGLE + 1)}
    words = [w for w, _, _ in cur]
    covered = [False] * len(cur)
    for i in range(len(cur) - SHINGLE + 1):
        if tuple(words[i : i + SHINGLE]) in known:
            for j in range(i, i + SHINGLE):
                covered[j] = True
    runs = []
    i = 0
    while i < len(cur):
        if covered[i]:
            j = i
            while j + 1 < len(cur) and covered[j + 1]:
                j += 1
            runs.append((cur[i][1], cur[j][2]))
            i = j + 1
        else:
            i += 1
    return sum(covered) / len(cur), runs


def copied_report(ctx: CheckContext) -> None:
    previous = ctx.previous
    if previous is None:
        return
    previous_text = normalize(previous.text).text
    share, runs = copied_share(ctx.text, previous_text)
    if share < ctx.threshold:
        return
    longest = sorted(runs, key=lambda r: r[1] - r[0], reverse=True)[:PASSAGES]
    evidence = [ctx.evidence(s, e) for s, e in sorted(longest)]
    prev_year = f"{previous.year.value}年" if previous.year else "上一年度"
    prev_year_en = str(previous.year.value) if previous.year else "the previous year"
    lengths = "、".join(str(e - s) for s, e in longest)
    ctx.emit("copied-report",
             f"与{prev_year}报告按词计算的重复率为{share:.0%}(阈值{ctx.threshold:.0%}, 数字和年份已屏蔽); "
             f"最长的重复段落{lengths}字。",
             f"{share:.0%} of the words repeat the {prev_year_en} report (threshold {ctx.threshold:.0%}, "
             f"figures and years masked); longest copied passages: {', '.join(str(e - s) for s, e in longest)} "
             "characters.", evidence)
