#!/usr/bin/env python3
"""Write src/reportparse/data/simplified_only.txt from OpenCC's s2t.

Script detection counts the characters a traditional text would not use.
Asking OpenCC s2t for them costs ~26 MiB and ~40 ms to load the dictionary
on every traditional input; the characters themselves (those s2t changes,
one at a time, and t2s leaves alone) are a short fixed list. Run after
upgrading opencc; tests/test_normalize.py checks the file still agrees.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "reportparse" / "data" / "simplified_only.txt"
# CJK Unified Ideographs and Extension A: where OpenCC's character tables live.
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def simplified_only() -> str:
    import opencc

    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    chars = [chr(cp) for low, high in RANGES for cp in range(low, high + 1)]
    return "".join(ch for ch in chars if s2t.convert(ch) != ch and t2s.convert(ch) == ch)


def main() -> None:
    chars = simplified_only()
    OUT.write_text("".join(chars[i:i + 80] + "\n" for i in range(0, len(chars), 80)), encoding="utf-8")
    print(f"{len(chars)} characters -> {OUT}")


if __name__ == "__main__":
    main()
