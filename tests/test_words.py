"""Word segmentation: jieba with the domain dictionary, started without pkg_resources."""

from __future__ import annotations

import subprocess
import sys


def test_jieba_starts_without_pkg_resources_and_keeps_domain_words():
    code = ("import sys\n"
            "from reportparse.words import words\n"
            "print(words('存在的主要问题是政策解读不够、更新不及时'))\n"
            "print('pkg_resources' in sys.modules)\n"
            "import importlib.util; print(importlib.util.find_spec('json') is not None)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert "政策解读" in out[0] and "更新不及时" in out[0]
    assert out[1] == "False"  # jieba's import did not pull in pkg_resources (~150 ms)
    assert out[2] == "True"


def test_pkg_resources_importable_again_after_jieba():
    code = ("import sys\n"
            "from reportparse.words import words\n"
            "words('公开')\n"
            "print(sys.modules.get('pkg_resources', 'absent'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "absent"  # the block is lifted: a later `import pkg_resources` works as usual


def test_keywords_skip_only_texts_without_a_candidate_term():
    from reportparse.batch import keywords

    texts = ["政策解读不够深入，更新不及时。", "工作人员业务能力有待提高", "没有需要说明的问题。", "", "建设制度形式"]
    plain = {}
    for text in texts:  # the keywords of each text segmented on its own, no shortcut
        from reportparse.words import words
        plain[text] = [w for w in dict.fromkeys(words(text)) if keywords.is_keyword(w)]
    for text in texts:
        assert keywords.problem_keywords([text]) == plain[text]
    assert keywords.problem_keywords(texts) == list(dict.fromkeys(w for t in texts for w in plain[t]))
    assert plain[texts[0]] and not plain[texts[2]]
