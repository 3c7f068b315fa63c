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
