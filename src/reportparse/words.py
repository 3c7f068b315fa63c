"""Word segmentation (jieba with the domain dictionary), loaded only when needed.

jieba costs ~0.7 s and ~90 MB to start, so nothing imports it at module
level: :func:`tokenizer` builds it on first use (similarity between
reports, keywords of problems) and caches it per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba ``Tokenizer`` with the domain dictionary (政府信息公开, 依申请公开, ...) loaded."""
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    with resources.as_file(resources.files("reportparse") / "data" / "domain_dict.txt") as path:
        tok.load_userdict(str(path))
    return tok


def _import_jieba():
    """``import jieba`` without ``pkg_resources``: jieba's ``_compat`` imports it only to open its
    own data files (~150 ms, most of jieba's import) and opens them by path when it is missing."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import pkg_resources: ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def words(text: str) -> list[str]:
    """The words of ``text`` (punctuation and whitespace dropped)."""
    return [w for w in tokenizer().lcut(text) if w.strip() and not _is_punct(w)]


def _is_punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)
