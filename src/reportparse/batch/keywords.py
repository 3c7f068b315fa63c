"""Keywords of a report's problems part, for the county's "most reported problems".

Words come from :mod:`reportparse.words` (jieba with the domain dictionary,
so 政策解读 or 依申请公开 stay whole); only the domain dictionary's phrases
count as keywords, so the roll-up lists named problems (更新不及时, 业务能力,
栏目设置), never single generic words (建设, 制度, 形式). A report counts once
per keyword; the roll-up ranks keywords by how many reports name them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Words every problems part uses whatever the problem is: framing, hedges,
# ordinal markers and the subject of every report.
_STOPWORD_TEXT = """
存在 问题 主要 方面 工作 一是 二是 三是 四是 五是 首先 其次 再次 最后 一些 部分 还有 仍然 依然 仍 有待
进一步 不够 不足 不到位 不强 不高 不够高 较为 比较 相对 有所 个别 少数 一定 程度 目前 当前 今后 下一步
我们 我单位 我镇 我乡 我局 我委 我区 我县 我市 本单位 本机关 单位 全镇 全乡 全县 全区 全市 将 要 需要
进行 开展 做好 做到 推进 加强 加大 提高 提升 改进 完善 落实 情况 措施 工作人员 人员 同时 以及 方面
政府信息公开 政务公开 信息公开 政府信息 公开 年度 本年度 年 等 和 与 及 的 了 在 是 对 有 中 为 上
但 但是 虽然 还 也 都 已 已经 并 并且 而 或 通过 根据 按照 结合 针对 由于 因此 所以 导致 造成 方式 方法
一步 这些 这个 该 其 之 所 个 项 次 件 条 较 很 更 最 没有 未能 未 不 能 能够 可以 及时 认真 切实
信息 要求 以下 以上 内容 部门 政府 人民 人民政府 中华人民共和国 条例 规定 不同 不断 下称 其他 全面 三个
一个 两个 各项 各类 有关 相关 一定 个别 具体 实际 日常 不断 继续 坚持 围绕 严格 积极 主动 有效 充分 发挥
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def problem_keywords(problems: list[str]) -> list[str]:
    """The distinct keywords of a report's problems items, in first-seen order."""
    # A keyword is a candidate term standing in the text: a text holding none gives none
    # whatever the segmentation, so it is not segmented (nor jieba loaded for it).
    problems = [text for text in problems if any(term in text for term in _candidates())]
    if not problems:
        return []
    from ..words import words

    _load_tokenizer()
    seen: dict[str, None] = {}
    for text in problems:
        for word in words(text):
            if is_keyword(word):
                seen.setdefault(word, None)
    return list(seen)


def _load_tokenizer() -> None:
    """Build jieba's tokenizer with the cyclic GC paused: its 350,000-word dictionary
    makes hundreds of thousands of objects, and collections during the load cost ~40%."""
    import gc

    from ..words import tokenizer

    if tokenizer.cache_info().currsize:
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        tokenizer()
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def domain_terms() -> frozenset[str]:
    """The words of the domain dictionary (政策解读, 更新不及时, ...): named problems, ranked
    first among keywords named by as many reports."""
    text = (resources.files("reportparse") / "data" / "domain_dict.txt").read_text("utf-8")
    return frozenset(line.split()[0] for line in text.splitlines() if line.strip())


# Domain terms every report uses whatever its problems are: the subject, not a problem; and
# hedges that name no quality of their own (有待提高: what is to be improved is the next word).
_FRAMING_TERMS = frozenset({"政府信息公开", "政务公开", "年度报告", "工作人员", "信息公开", "有待提高", "有待加强"})


@lru_cache(maxsize=1)
def _candidates() -> tuple[str, ...]:
    """Every word :func:`is_keyword` accepts."""
    return tuple(sorted(term for term in domain_terms() if is_keyword(term)))


def is_keyword(word: str) -> bool:
    """A phrase worth counting: a term of the domain dictionary (政策解读, 更新不及时,
    业务能力, ...), not framing. Single generic words (建设, 制度, 形式) name no problem
    by themselves and are never keywords."""
    return word in domain_terms() and word not in _FRAMING_TERMS and word not in STOPWORDS
