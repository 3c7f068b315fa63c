#!/usr/bin/env python3
"""Write src/reportparse/data/simplified_only.txt and t2s_changes.txt from the installed OpenCC.

simplified_only.txt: script detection counts the characters a traditional text would not use.
Asking OpenCC s2t for them costs ~26 MiB and ~40 ms to load the dictionary on every
traditional input; the characters themselves (those s2t changes, one at a time, and t2s
leaves alone) are a short fixed list.

t2s_changes.txt: every character OpenCC's t2s can change, alone or inside a phrase (the keys
of its character dictionaries that convert to something else, and the characters its phrase
dictionary rewrites). A text holding none of them is already simplified: normalization then
skips OpenCC, which is not even loaded (~50 ms of a cold start). Read from OpenCC's own
dictionaries with the ``opencc_dict`` program its wheel ships.

Run after upgrading opencc; tests/test_normalize.py checks both files still agree.
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


T2S_OUT = OUT.with_name("t2s_changes.txt")


def _dump(name: str) -> list[tuple[str, str]]:
    """(key, first value) of one of OpenCC's .ocd2 dictionaries, through its ``opencc_dict``."""
    import subprocess
    import tempfile

    import opencc

    clib = Path(opencc.__file__).resolve().parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run([str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(out), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        rows = []
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            rows.append((key, values.split(" ")[0]))
        return rows


def opencc_dict_available() -> bool:
    import opencc

    return (Path(opencc.__file__).resolve().parent / "clib" / "bin" / "opencc_dict").is_file()


def t2s_changes() -> str:
    """Every character t2s (config t2s.json: its normalization and conversion dictionaries) can change."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    changed: set[str] = set()
    for name in ("CJK_Compatibility_Ideographs", "TSCharactersExt", "TSCharacters"):
        changed.update(key for key, _ in _dump(name) if len(key) == 1 and t2s.convert(key) != key)
    for key, value in _dump("TSPhrases"):
        if key == value:
            continue  # a phrase kept as it is (it stops its characters from converting)
        if len(key) != len(value):
            changed.update(key)
        else:
            changed.update(a for a, b in zip(key, value, strict=True) if a != b)
    return "".join(sorted(changed))


def _write(path: Path, chars: str) -> None:
    path.write_text("".join(chars[i:i + 80] + "\n" for i in range(0, len(chars), 80)), encoding="utf-8")
    print(f"{len(chars)} characters -> {path}")


def main() -> None:
    _write(OUT, simplified_only())
    _write(T2S_OUT, t2s_changes())


if __name__ == "__main__":
    main()
