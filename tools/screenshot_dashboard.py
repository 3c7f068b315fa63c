"""Open the batch dashboard in headless Chromium, check it works, save screenshots for the README.

    python tools/screenshot_dashboard.py                  # sample county -> docs/
    python tools/screenshot_dashboard.py --batch OUTDIR   # an existing batch output

Without --batch it writes a sample county (the short reports of
tests/batch_samples.py in several encodings, text reports of corpus/ and two
bad files) to a temporary folder and runs ``reportparse batch`` on it.

Chromium is driven through chromedriver's WebDriver protocol (plain HTTP,
standard library only), in a 1280 px window. On the index it checks that
nothing scrolls sideways, that headers, formats, chart labels and the failed
files' reasons are Chinese, clicks the 新收申请 header and checks the rows
are sorted by it, then saves ``dashboard-index.png``; on a report page it
checks the heading names organ and year and the summary fields are Chinese,
hovers a marked fact and checks the tooltip reads ``新收申请数 = N``, then
saves ``dashboard-report.png`` with the tooltip showing.

Needs Debian's chromium and chromium-driver (``apt-get install -y chromium
chromium-driver``) and a CJK font (``fonts-wqy-microhei``); installs nothing.
"""

from __future__ import annotations

import argparse
import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def sample_county(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from batch_samples import NOT_A_REPORT, report_text

    for i in range(24):
        sub = "乡镇" if i < 14 else "部门"
        encoding = ("utf-8", "gb18030", "utf-16")[i % 3]
        path = folder / sub / f"{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report_text(i).encode(encoding))
    # The project's own corpus reports (written for this project), so the statuses vary.
    for path in sorted((ROOT / "corpus").glob("*.txt"))[:16]:
        (folder / "街道" / path.name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "街道" / path.name).write_bytes(path.read_bytes())
    (folder / "部门" / "通知.txt").write_text(NOT_A_REPORT, "utf-8")
    (folder / "部门" / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))


class Browser:
    """A minimal WebDriver client for one headless Chromium session."""

    def __init__(self, chromium: str, chromedriver: str, profile: str, size: tuple[int, int]) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.driver = subprocess.Popen([chromedriver, f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self._call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        options = {"binary": chromium, "args": [*FLAGS, f"--user-data-dir={profile}",
                                                f"--window-size={size[0]},{size[1]}"]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as err:
            detail = json.loads(err.read() or b"{}").get("value", {})
            raise RuntimeError(f"WebDriver {path}: {detail.get('message', err)}") from None

    def cmd(self, method: str, path: str, body: dict | None = None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def open(self, page: Path) -> None:
        self.cmd("POST", "/url", {"url": page.resolve().as_uri()})

    def find(self, css: str) -> str:
        return self.cmd("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def run(self, script: str, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def hover(self, element: str) -> None:
        move = {"type": "pointerMove", "duration": 0, "origin": {ELEMENT: element}, "x": 0, "y": 0}
        self.cmd("POST", "/actions", {"actions": [{"type": "pointer", "id": "mouse",
                                                   "parameters": {"pointerType": "mouse"}, "actions": [move]}]})

    def screenshot(self, png: Path) -> None:
        png.write_bytes(base64.b64decode(self.cmd("GET", "/screenshot")))
        print(png)

    def close(self) -> None:
        try:
            self.cmd("DELETE", "")
        finally:
            self.driver.terminate()
            self.driver.wait(timeout=10)


WIDTH = 1280  # the office screen the dashboard must fit without scrolling sideways


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def check_and_shoot(browser: Browser, batch: Path, out: Path) -> None:
    browser.open(batch / "index.html")
    width = browser.run("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the index scrolls sideways at {WIDTH} px: {width}"
    headers = browser.run("return [...document.querySelectorAll('#reports th')].map(th => th.textContent)")
    assert all(_has_cjk(h) for h in headers), f"column headers not all Chinese: {headers}"
    shown = browser.run("return document.body.innerText")
    for code in ("fmt2019", "fmt2021", "pre2019", "missing-part", "not a government", "file not found"):
        assert code not in shown, f"a code or English reason is shown on the index: {code}"
    reasons = browser.run("return [...document.querySelectorAll('#reports .why')].map(e => e.innerText)")
    assert reasons and all(_has_cjk(r) for r in reasons), f"failed files show no Chinese reason: {reasons}"
    bars = browser.run("return [...document.querySelectorAll('svg title')].map(t => t.textContent)")
    # A bar names organ and year; a report whose organ is unknown, by its whole file name.
    named = [b for b in bars if _has_cjk(b.split("：")[0]) or "." in b.split("：")[0]]
    assert bars and named == bars and any(_has_cjk(b) for b in bars), f"chart labels: {bars[:5]}"
    column = headers.index("新收申请")
    header = browser.find(f"#reports th:nth-child({column + 1})")
    browser.cmd("POST", f"/element/{header}/click", {})
    browser.cmd("POST", f"/element/{header}/click", {})  # second click: largest first
    values = browser.run(
        "return [...document.querySelectorAll('#reports tbody tr')]"
        ".map(tr => tr.cells[arguments[0]].dataset.v).filter(v => v !== '').map(Number)", column)
    assert values == sorted(values, reverse=True) and len(values) > 1, f"rows not sorted: {values}"
    browser.run("document.querySelector('#reports').scrollIntoView()")
    browser.screenshot(out / "dashboard-index-table.png")
    browser.run("window.scrollTo(0, 0)")
    browser.screenshot(out / "dashboard-index.png")

    tip_start = "新收申请数 = "
    page = next((p for p in sorted((batch / "pages").glob("*.html"))
                 if f'data-tip="{tip_start}' in p.read_text("utf-8")), None)
    assert page is not None, f"no report page marks {tip_start!r}"
    browser.open(page)
    width = browser.run("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the report page scrolls sideways at {WIDTH} px: {width}"
    heading = browser.run("return document.querySelector('h1').innerText")
    assert "年度报告" in heading or "年度不详" in heading, f"report heading without organ and year: {heading!r}"
    fields = browser.run("return [...document.querySelectorAll('table th')].map(th => th.innerText)")
    assert "主动公开信息数" in fields and "requests_received" not in fields, "summary fields should be Chinese"
    mark = browser.run("""
        const marks = [...document.querySelectorAll('pre.text mark')];
        const m = marks.find(m => m.dataset.tip.startsWith(arguments[0])) || marks[0];
        m.scrollIntoView({block: 'center'});
        return [m.dataset.tip, marks.length];""", tip_start)
    assert mark[1] > 10, "the report page should mark many facts"
    element = browser.find(f"mark[data-tip^='{tip_start}']")
    browser.hover(element)
    tip = browser.run("return getComputedStyle(arguments[0], '::after').content", {ELEMENT: element})
    assert tip_start in tip, f"hover shows no field and value: {tip!r}"
    browser.run("window.scrollTo(0, 0)")
    browser.hover(element)
    browser.screenshot(out / "dashboard-report.png")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", help="an existing reportparse batch output folder")
    ap.add_argument("--out", default=str(ROOT / "docs"), help="where to write the PNGs (default: docs/)")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not (chromium and chromedriver):
        sys.exit("needs Chromium and ChromeDriver: apt-get install -y chromium chromium-driver")
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(args.batch) if args.batch else Path(tmp) / "out"
        if not args.batch:
            county = Path(tmp) / "县里收到的报告"
            sample_county(county)
            from reportparse.cli import main as cli

            cli(["batch", str(county), "--out", str(batch), "--quiet"])
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        browser = Browser(chromium, chromedriver, str(Path(tmp) / "profile"), (WIDTH, 1000))
        try:
            check_and_shoot(browser, batch, out)
        finally:
            browser.close()
    print(f"dashboard checked at {WIDTH} px: Chinese labels and reasons, no sideways scroll, sorting works, "
          "hovering a mark shows its field and value")
    return 0


if __name__ == "__main__":
    sys.exit(main())
