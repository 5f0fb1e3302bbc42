#!/usr/bin/python3
"""Turn UTF-8 documents into test fixtures, deterministically.

For each input NAME.txt it writes, into OUTDIR:
  NAME.pdf        A4 pages with a real text layer (DejaVu Serif 12, Vietnamese)
  NAME.scan.pdf   the same pages as a degraded scan: 300 dpi grey, rotated
                  0.5-1.5 degrees, blurred, noisy, JPEG q60, image-only PDF
  NAME.mixed.pdf  page 1 from NAME.pdf, page 2 from NAME.scan.pdf (when 2+ pages)
  NAME.scan.png   page 1 of the scan as a PNG image
  NAME.scan-page1.pdf  page 1 of the scan alone, a short image-only PDF
  NAME.plain.txt  the text as laid out (markdown stripped)
Randomness is seeded from the file name, so the same input gives the same bytes.

Needs Debian's python3-gi, gir1.2-pango-1.0, python3-gi-cairo, python3-pil,
python3-numpy, img2pdf and qpdf (run with /usr/bin/python3).
"""
import argparse
import hashlib
import io
import os
import re
import subprocess
import sys

import cairo
import gi
import numpy as np
from PIL import Image, ImageFilter

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

A4 = (595.276, 841.89)
MARGIN = 56.7
FONT = "DejaVu Serif 12"
DPI = 300


def strip_markdown(line):
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"</?(?:b|i|u|em|strong|br|p|span)\s*/?>", "", line)
    line = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", line)
    line = re.sub(r"^(\s*)\*\s+", r"\1- ", line)
    line = re.sub(r"\*+|__", "", line)
    return " ".join(line.replace("\t", " ").split())


def paragraphs(text):
    return [p for p in (strip_markdown(line) for line in text.splitlines()) if p]


def layout_pages(paras):
    """Lines per page: each entry is (paragraph index, line index, y baseline)."""
    surface = cairo.PDFSurface(None, *A4)
    ctx = cairo.Context(surface)
    width = A4[0] - 2 * MARGIN
    pages, current, y = [], [], MARGIN
    layouts = []
    for p in paras:
        layout = PangoCairo.create_layout(ctx)
        layout.set_font_description(Pango.FontDescription(FONT))
        layout.set_width(int(width * Pango.SCALE))
        layout.set_wrap(Pango.WrapMode.WORD)
        layout.set_text(p, -1)
        layouts.append(layout)
    for pi, layout in enumerate(layouts):
        for li in range(layout.get_line_count()):
            line = layout.get_line_readonly(li)
            _, logical = line.get_extents()
            height = logical.height / Pango.SCALE
            if y + height > A4[1] - MARGIN and current:
                pages.append(current)
                current, y = [], MARGIN
            current.append((pi, li, y - logical.y / Pango.SCALE))
            y += height
        y += 6
    if current:
        pages.append(current)
    return pages


def draw_page(ctx, paras, page_lines, scale=1.0):
    width = A4[0] - 2 * MARGIN
    ctx.save()
    ctx.scale(scale, scale)
    ctx.set_source_rgb(0, 0, 0)
    cache = {}
    for pi, li, baseline in page_lines:
        if pi not in cache:
            layout = PangoCairo.create_layout(ctx)
            layout.set_font_description(Pango.FontDescription(FONT))
            layout.set_width(int(width * Pango.SCALE))
            layout.set_wrap(Pango.WrapMode.WORD)
            layout.set_text(paras[pi], -1)
            cache[pi] = layout
        ctx.move_to(MARGIN, baseline)
        PangoCairo.show_layout_line(ctx, cache[pi].get_line_readonly(li))
    ctx.restore()


def write_text_pdf(path, paras, pages):
    surface = cairo.PDFSurface(path, *A4)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2024-01-01T00:00:00Z")
    ctx = cairo.Context(surface)
    for page_lines in pages:
        draw_page(ctx, paras, page_lines)
        ctx.show_page()
    surface.finish()


def render_page_grey(paras, page_lines):
    scale = DPI / 72.0
    w, h = int(A4[0] * scale), int(A4[1] * scale)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
    ctx = cairo.Context(surface)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    draw_page(ctx, paras, page_lines, scale)
    surface.flush()
    rgb = np.ndarray((h, surface.get_stride() // 4, 4), np.uint8, surface.get_data())[:, :w, :3]
    return Image.fromarray(rgb[:, :, ::-1].copy()).convert("L")


def degrade(image, rng):
    angle = rng.uniform(0.5, 1.5) * rng.choice([-1, 1])
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(radius=0.7))
    pixels = np.asarray(image, dtype=np.float32)
    pixels += rng.normal(0, 14, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60, dpi=(DPI, DPI))
    return buffer.getvalue()


def seed_of(name):
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")


def make(path, outdir, scans=True):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        paras = paragraphs(f.read())
    pages = layout_pages(paras)
    base = os.path.join(outdir, name)
    with open(base + ".plain.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(paras) + "\n")
    write_text_pdf(base + ".pdf", paras, pages)
    if not scans:
        return
    rng = np.random.default_rng(seed_of(name))
    jpegs = [degrade(render_page_grey(paras, p), rng) for p in pages]
    import img2pdf
    layout = img2pdf.get_fixed_dpi_layout_fun((DPI, DPI))
    with open(base + ".scan.pdf", "wb") as f:
        f.write(img2pdf.convert(jpegs, layout_fun=layout, creationdate=None, nodate=True))
    Image.open(io.BytesIO(jpegs[0])).save(base + ".scan.png", dpi=(DPI, DPI))
    subprocess.run(["qpdf", "--empty", "--deterministic-id", "--pages", base + ".scan.pdf", "1", "--",
                    base + ".scan-page1.pdf"], check=True)
    if len(pages) >= 2:
        subprocess.run(["qpdf", "--empty", "--deterministic-id", "--pages", base + ".pdf", "1",
                        base + ".scan.pdf", "2", "--", base + ".mixed.pdf"], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--no-scans", action="store_true", help="only the text-layer PDFs")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for path in args.inputs:
        make(path, args.outdir, scans=not args.no_scans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
