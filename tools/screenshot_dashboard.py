"""Open the batch dashboard in headless Chromium and save screenshots for the README.

    python tools/screenshot_dashboard.py                  # sample county -> docs/
    python tools/screenshot_dashboard.py --batch OUTDIR   # an existing batch output

Without --batch it writes a sample county (the short reports of
tests/batch_samples.py, several encodings, a few bad files) to a temporary
folder and runs ``reportparse batch`` on it. Needs Chromium (Debian:
``apt-get install -y chromium chromium-driver``); installs nothing itself.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def sample_county(folder: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from batch_samples import NOT_A_REPORT, report_text

    for i in range(24):
        sub = "乡镇" if i < 14 else "部门"
        encoding = ("utf-8", "gb18030", "utf-16")[i % 3]
        path = folder / sub / f"{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report_text(i).encode(encoding))
    (folder / "部门" / "通知.txt").write_text(NOT_A_REPORT, "utf-8")
    (folder / "部门" / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Chromium not found: apt-get install -y chromium chromium-driver")


def screenshot(browser: str, page: Path, png: Path, size: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                        f"--screenshot={png}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(png)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", help="an existing reportparse batch output folder")
    ap.add_argument("--out", default=str(ROOT / "docs"), help="where to write the PNGs (default: docs/)")
    args = ap.parse_args()
    browser = chromium()
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(args.batch) if args.batch else Path(tmp) / "out"
        if not args.batch:
            county = Path(tmp) / "县里收到的报告"
            sample_county(county)
            from reportparse.cli import main as cli

            cli(["batch", str(county), "--out", str(batch), "--quiet"])
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        screenshot(browser, batch / "index.html", out / "dashboard-index.png", "1400,1500")
        page = sorted((batch / "pages").glob("*.html"))[0]
        screenshot(browser, page, out / "dashboard-report.png", "1200,1400")
    return 0


if __name__ == "__main__":
    sys.exit(main())
