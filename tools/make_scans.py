#!/usr/bin/env python3
"""Make "scans" of the project's own PDFs, as a county office receives stamped paper copies.

    python tools/make_scans.py corpus/containers/tables_pipe_2021.pdf       # -> corpus/scans/NAME.scan.pdf
    python tools/make_scans.py --dpi 200 --jpg --out DIR FILE.pdf ...       # also NAME.p1.jpg, ...
    python tools/make_scans.py --png --no-pdf --out DIR FILE.pdf            # PNG pages only
    python tools/make_scans.py --tif --no-pdf FILE.pdf                      # one multi-page TIFF

Each page is rendered (pypdfium2) at ``--dpi`` (150-300) and then, like paper
through a sheet-fed scanner:

- ``stamp``: a red round seal (ring, star, the organ's name around it) pressed
  over the closing signature (organ and date) on the last page, blended so the
  black print under it still shows;
- ``skew``: turned by 1-2 degrees (random sign), the corners filled with paper;
- ``noise``: paper grain (Gaussian noise), dust specks, a slight blur;
- ``compress``: JPEG at ``--quality``.

The output is an image-only PDF (no text layer) and/or the page images. The
randomness is seeded by the file name, so the same input gives the same scan.
The project's PDFs use the non-embedded CID font STSong-Light: rendering them
needs a system CJK font (Debian: ``apt-get install fonts-noto-cjk``); the tool
refuses when the page renders without Chinese glyphs. Needs the ``ocr`` extra
(pypdfium2, numpy, opencv, Pillow).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
STAMP_RED = (215, 35, 40)


def content_box(page) -> tuple[float, float, float, float]:
    """The page box grown to hold every object: a table wider than the page prints shrunk to fit."""
    left, bottom, right, top = page.get_mediabox()
    for obj in page.get_objects():
        try:
            a, b, c, d = obj.get_bounds()
        except Exception:  # noqa: BLE001 - an object without bounds
            continue
        left, bottom, right, top = min(left, a - 18), min(bottom, b - 18), max(right, c + 18), max(top, d + 18)
    return left, bottom, right, top


def render(pdf_path: Path, dpi: int) -> tuple[list[Image.Image], list[tuple[float, float, float, float] | None]]:
    """Page images (A4 at ``dpi``, content shrunk to fit as a printer does), and on each page
    the box (pixels) of its last lines of text (the signature)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    images, signatures = [], []
    a4_w, a4_h = int(8.27 * dpi), int(11.69 * dpi)
    for number, page in enumerate(pdf, start=1):
        left, bottom, right, top = content_box(page)
        page_w, page_h = page.get_size()
        if (right - left) > 1.5 * page_w or (top - bottom) > 1.5 * page_h:
            raise SystemExit(f"{pdf_path}: page {number} draws past the paper (x{(right - left) / page_w:.1f}): "
                             "no paper copy of it looks like this")
        page.set_mediabox(left, bottom, right, top)
        page.set_cropbox(left, bottom, right, top)
        scale = min(a4_w / (right - left), a4_h / (top - bottom))
        rendered = page.render(scale=scale).to_pil().convert("RGB")
        image = Image.new("RGB", (a4_w, a4_h), (255, 255, 255))
        image.paste(rendered, (0, 0))
        textpage = page.get_textpage()
        count = textpage.count_chars()
        box = None
        if count:
            # The last 30 characters (organ and date) are the signature block.
            xs, ys = [], []
            for index in range(max(0, count - 30), count):
                x0, y0, x1, y1 = textpage.get_charbox(index)
                if x1 > x0:
                    xs += [(x0 - left) * scale, (x1 - left) * scale]
                    ys += [(top - y1) * scale, (top - y0) * scale]
            if xs:
                box = (min(xs), min(ys), max(xs), max(ys))
        images.append(image)
        signatures.append(box)
    return images, signatures


def font_path() -> str | None:
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC:style=Bold"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


def stamp(image: Image.Image, centre: tuple[float, float], dpi: int, name: str, rng) -> Image.Image:
    """A red round seal centred at ``centre``, multiplied onto the page (print under it stays dark)."""
    radius = int(0.8 * dpi)  # a 4 cm seal
    size = 2 * radius + 8
    seal = Image.new("L", (size, size), 0)  # ink coverage
    draw = ImageDraw.Draw(seal)
    c = size / 2
    ring = max(3, dpi // 40)
    draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=255, width=ring)
    star = [(c + radius * 0.3 * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
             c - radius * 0.3 * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=255)
    path = font_path()
    if path and name:
        font = ImageFont.truetype(path, int(radius * 0.24))
        chars = list(name[:14])
        span = math.radians(230)
        for k, ch in enumerate(chars):
            angle = math.radians(205) - span * (k + 0.5) / len(chars)
            x = c + radius * 0.74 * math.cos(angle)
            y = c - radius * 0.74 * math.sin(angle)
            glyph = Image.new("L", (int(radius * 0.4), int(radius * 0.4)), 0)
            ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, fill=255, font=font, anchor="mm")
            glyph = glyph.rotate(math.degrees(angle) - 90, resample=Image.BICUBIC)
            seal.paste(255, (int(x - glyph.width / 2), int(y - glyph.height / 2)), glyph)
    # Uneven ink: some of the seal prints faint.
    coverage = np.asarray(seal, dtype=np.float32) / 255
    coverage *= rng.uniform(0.55, 0.95, size=coverage.shape).astype(np.float32)
    coverage = cv2.GaussianBlur(coverage, (0, 0), 1.0)
    page = np.asarray(image, dtype=np.float32)
    x0, y0 = int(centre[0] - size / 2), int(centre[1] - size / 2)
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(page.shape[1], x0 + size), min(page.shape[0], y0 + size)
    if xb <= xa or yb <= ya:
        return image
    cov = coverage[ya - y0:yb - y0, xa - x0:xb - x0, None]
    ink = np.array(STAMP_RED, dtype=np.float32) / 255
    region = page[ya:yb, xa:xb]
    page[ya:yb, xa:xb] = region * (1 - cov + cov * ink)  # multiply blend
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))


def skew(image: Image.Image, rng) -> Image.Image:
    angle = float(rng.uniform(1.0, 2.0)) * (1 if rng.random() < 0.5 else -1)
    return image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(250, 249, 245))


def noise(image: Image.Image, rng, dpi: int) -> Image.Image:
    page = np.asarray(image, dtype=np.float32)
    page = page * np.array([0.98, 0.97, 0.94], dtype=np.float32)  # off-white paper
    page += rng.normal(0, 9, size=page.shape[:2])[..., None].astype(np.float32)
    h, w = page.shape[:2]
    for _ in range(int(rng.integers(80, 200))):  # dust
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        r = int(rng.integers(1, max(2, dpi // 100)))
        cv2.circle(page, (x, y), r, (60, 60, 60), -1)
    page = cv2.GaussianBlur(page, (0, 0), 0.6)
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8))


def compress(image: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def organ_name(pdf_path: Path) -> str:
    """The signature's organ for the seal text: the last line ending in a typical organ word."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    text = pdf[len(pdf) - 1].get_textpage().get_text_range()
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.endswith(("政府", "局", "办公室", "委员会", "办事处", "中心", "厅", "委")) and len(line) <= 20:
            return line
    return ""


def scan(pdf_path: Path, dpi: int, quality: int, seed: str) -> list[Image.Image]:
    rng = np.random.default_rng(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
    images, signatures = render(pdf_path, dpi)
    if not any(signatures):
        raise SystemExit(f"{pdf_path}: no text to scan")
    out = []
    last = max(i for i, box in enumerate(signatures) if box)
    name = organ_name(pdf_path)
    for index, image in enumerate(images):
        if index == last:
            x0, y0, x1, y1 = signatures[index]
            image = stamp(image, ((x0 + x1) / 2, (y0 + y1) / 2), dpi, name, rng)
        image = noise(skew(image, rng), rng, dpi)
        out.append(compress(image, quality))
    return out


def check_glyphs(image: Image.Image) -> None:
    """Refuse a page that rendered without its Chinese text (no CJK font on this system)."""
    page = np.asarray(image.convert("L"))
    if (page < 128).mean() < 0.004:
        raise SystemExit("the page rendered almost blank: install a CJK font (apt-get install fonts-noto-cjk)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "scans")
    ap.add_argument("--dpi", type=int, default=200, choices=range(150, 301), metavar="150-300")
    ap.add_argument("--quality", type=int, default=60, help="JPEG quality (default 60)")
    ap.add_argument("--png", action="store_true", help="also write NAME.pN.png")
    ap.add_argument("--jpg", action="store_true", help="also write NAME.pN.jpg")
    ap.add_argument("--tif", action="store_true", help="also write NAME.tif (all pages, JPEG-compressed)")
    ap.add_argument("--no-pdf", action="store_true", help="no image-only PDF")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for pdf_path in args.pdfs:
        stem = pdf_path.stem
        pages = scan(pdf_path, args.dpi, args.quality, f"{stem}:{args.dpi}")
        check_glyphs(pages[0])
        written = []
        if not args.no_pdf:
            target = args.out / f"{stem}.scan.pdf"
            pages[0].save(target, "PDF", save_all=True, append_images=pages[1:], resolution=args.dpi,
                          quality=args.quality)
            written.append(target)
        if args.tif:
            target = args.out / f"{stem}.tif"
            pages[0].save(target, "TIFF", save_all=True, append_images=pages[1:], compression="jpeg",
                          quality=args.quality, dpi=(args.dpi, args.dpi))
            written.append(target)
        for number, page in enumerate(pages, start=1):
            if args.png:
                target = args.out / f"{stem}.p{number}.png"
                page.save(target, "PNG", optimize=True)
                written.append(target)
            if args.jpg:
                target = args.out / f"{stem}.p{number}.jpg"
                page.save(target, "JPEG", quality=args.quality, dpi=(args.dpi, args.dpi))
                written.append(target)
        for target in written:
            print(f"{target}  {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
