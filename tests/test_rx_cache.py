"""The compiled-pattern cache (reportparse.rx): same patterns, a damaged file ignored, off when asked."""

from __future__ import annotations

import os
import subprocess
import sys

import regex

from reportparse import rx

PATTERNS = [r"(?P<n>\d+)\s*件", r"(?:一|二)\s*[、,.](?&x)(?(DEFINE)(?P<x>[^\n]{0,4}))", r"(?i)www\.[\w.-]+",
            r"\p{Han}{2,}(?=情况)"]


def _run(cache: str, code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, REPORTPARSE_CACHE=cache)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def test_a_pattern_from_the_cache_is_the_pattern_regex_compiles(tmp_path):
    code = ("from reportparse import rx\n"
            f"ps = [rx.compile(p) for p in {PATTERNS!r}]\n"
            "print(len(rx._STORED))\n"
            "print([p._pickled_data for p in ps])\n")
    first = _run(str(tmp_path), code)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == "0"  # nothing stored yet
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"  # written at exit, no temporary left
    second = _run(str(tmp_path), code)
    assert second.returncode == 0, second.stderr
    assert int(second.stdout.splitlines()[0]) >= len(PATTERNS)  # loaded, not compiled
    fresh = [regex.compile(p)._pickled_data for p in PATTERNS]
    assert second.stdout.splitlines()[1] == repr(fresh)


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path):
    _run(str(tmp_path), "from reportparse import rx\nrx.compile(r'\\d+件')")
    (path,) = tmp_path.iterdir()
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF
    path.write_bytes(bytes(blob))
    out = _run(str(tmp_path), "from reportparse import rx\nprint(len(rx._load()), rx.compile(r'(\\d+)件').search('共12件').group(1))")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "12"]
    path.write_bytes(b"not a cache at all")
    out = _run(str(tmp_path), "from reportparse import rx\nprint(len(rx._load()), rx.search(r'(\\d+)件', '共7件').group(1))")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "7"]


def test_caching_off_writes_nothing(tmp_path):
    env_dir = tmp_path / "home"
    env = dict(os.environ, REPORTPARSE_CACHE="off", XDG_CACHE_HOME=str(env_dir), HOME=str(env_dir))
    out = subprocess.run([sys.executable, "-c", "from reportparse import rx; print(rx.cache_file()); rx.compile('a+b')"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "None"
    assert not env_dir.exists()


def test_module_functions_behave_like_regex():
    assert rx.search(r"(\d+)件", "共12件").group(1) == "12"
    assert rx.sub(r"\s+", " ", "a  b\n c") == "a b c"
    assert rx.split(r"[,;]", "a,b;c") == ["a", "b", "c"]
    assert rx.findall(r"\d", "a1b2") == ["1", "2"]
    assert rx.fullmatch(r"\d+", "123") and not rx.match(r"\d", "a1")
    assert rx.compile(r"ab", rx.I).match("AB")
    assert rx.escape("a.b") == regex.escape("a.b") and rx.Pattern is regex.Pattern


def test_a_fifo_or_device_in_place_of_the_cache_file_is_not_read(tmp_path):
    _run(str(tmp_path), "from reportparse import rx\nrx.compile(r'\\d+条')")
    (path,) = tmp_path.iterdir()
    path.unlink()
    os.mkfifo(path)
    out = _run(str(tmp_path), "from reportparse import rx\nprint(len(rx._load()))")
    assert out.returncode == 0 and out.stdout.split() == ["0"], out.stderr
    path.unlink()
    path.symlink_to("/dev/zero")
    out = _run(str(tmp_path), "from reportparse import rx\nprint(len(rx._load()))")
    assert out.returncode == 0 and out.stdout.split() == ["0"], out.stderr


def test_no_home_folder_means_no_cache(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "REPORTPARSE_CACHE")}
    env["XDG_CACHE_HOME"] = "relative/folder"
    out = subprocess.run([sys.executable, "-c", "from reportparse import rx; print(rx.cache_file())"],
                         env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == "None", out
    assert not (tmp_path / "relative").exists()
