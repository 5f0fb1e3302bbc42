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
  NAME.d30.pdf    the Decree 30 layout (tools/decree30_layout.py) with a text layer:
                  the header as a two-column borderless table
  NAME.d30-signed.pdf  the same as a signed scan: colour JPEG at 200 dpi, skewed,
                  number and day handwritten in blue, red seal and incoming-mail
                  stamp, the digital-signature stamp as a small text layer
  NAME.d30-photo.jpg   page 1 of the signed scan, more degraded, as an image
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decree30_layout as d30  # noqa: E402

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


def layout_pages(paras, first_top=MARGIN):
    """Lines per page: each entry is (paragraph index, line index, y baseline);
    page 1's text starts at `first_top` (below a header drawn apart)."""
    surface = cairo.PDFSurface(None, *A4)
    ctx = cairo.Context(surface)
    width = A4[0] - 2 * MARGIN
    pages, current, y = [], [], first_top
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


def render_page_rgb(paras, page_lines, dpi=DPI, extra=None):
    """The page as an RGB image; `extra(ctx)` draws more in page points."""
    scale = dpi / 72.0
    w, h = int(A4[0] * scale), int(A4[1] * scale)
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, w, h)
    ctx = cairo.Context(surface)
    ctx.set_source_rgb(1, 1, 1)
    ctx.paint()
    draw_page(ctx, paras, page_lines, scale)
    if extra:
        ctx.save()
        ctx.scale(scale, scale)
        extra(ctx)
        ctx.restore()
    surface.flush()
    rgb = np.ndarray((h, surface.get_stride() // 4, 4), np.uint8, surface.get_data())[:, :w, :3]
    return Image.fromarray(rgb[:, :, ::-1].copy())


def render_page_grey(paras, page_lines):
    return render_page_rgb(paras, page_lines).convert("L")


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


def degrade_colour(image, rng, dpi, noise=8, quality=75, blur=0.5):
    """A colour office scan: slight skew, soft focus, sensor noise, JPEG."""
    angle = rng.uniform(0.3, 1.0) * rng.choice([-1, 1])
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    image = image.filter(ImageFilter.GaussianBlur(radius=blur))
    pixels = np.asarray(image, dtype=np.float32)
    pixels += rng.normal(0, noise, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buffer.getvalue()


def image_page(ctx, jpeg, dpi):
    """Paint a JPEG over the whole page, embedded as it is."""
    image = Image.open(io.BytesIO(jpeg)).convert("RGB")
    w, h = image.size
    bgrx = np.zeros((h, w, 4), np.uint8)
    bgrx[:, :, :3] = np.asarray(image)[:, :, ::-1]
    surface = cairo.ImageSurface.create_for_data(memoryview(bgrx), cairo.FORMAT_RGB24, w, h, w * 4)
    surface.set_mime_data(cairo.MIME_TYPE_JPEG, jpeg)
    ctx.save()
    ctx.scale(72.0 / dpi, 72.0 / dpi)
    ctx.set_source_surface(surface, 0, 0)
    ctx.paint()
    ctx.restore()


def make_decree30(paras, base, rng, scans):
    """NAME.d30.pdf, and with `scans` NAME.d30-signed.pdf and NAME.d30-photo.jpg."""
    left, right, start = d30.split_header(paras)
    body = paras[start:]
    measure = cairo.Context(cairo.PDFSurface(None, *A4))
    top = MARGIN + d30.header_height(measure, left, right, d30.HEADER_FONT, A4[0], MARGIN) + d30.HEADER_GAP if start else MARGIN
    pages = layout_pages(body, first_top=top)

    surface = cairo.PDFSurface(base + ".d30.pdf", *A4)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2024-01-01T00:00:00Z")
    ctx = cairo.Context(surface)
    for n, page_lines in enumerate(pages):
        if n == 0:
            d30.draw_header(ctx, left, right, d30.HEADER_FONT, A4[0], MARGIN)
        draw_page(ctx, body, page_lines)
        ctx.show_page()
    surface.finish()
    if not scans:
        return

    signer = d30.signer_paragraph(body)
    dpi = 200

    def extras(n, page_lines):
        def draw(ctx):
            if n == 0:
                d30.draw_header(ctx, left, right, d30.HEADER_FONT, A4[0], MARGIN, by_hand=True)
                d30.draw_incoming_stamp(ctx, MARGIN, A4[1] - 48)
            for pi, _, baseline in page_lines:
                if pi == signer:
                    d30.draw_seal(ctx, MARGIN + 70, baseline - 4)
                    break
        return draw

    images = [render_page_rgb(body, p, dpi, extras(n, p)) for n, p in enumerate(pages)]
    jpegs = [degrade_colour(image, rng, dpi) for image in images]
    surface = cairo.PDFSurface(base + ".d30-signed.pdf", *A4)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2024-01-01T00:00:00Z")
    ctx = cairo.Context(surface)
    for n, jpeg in enumerate(jpegs):
        image_page(ctx, jpeg, dpi)
        if n == 0 and d30.is_numbered(left):
            d30.draw_signature_stamp(ctx, d30.stamp_lines(left, right), A4[0])
        ctx.show_page()
    surface.finish()
    with open(base + ".d30-photo.jpg", "wb") as f:
        f.write(degrade_colour(images[0], rng, dpi, noise=14, quality=60, blur=0.8))


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
        # img2pdf's own writer: the pikepdf one gives each run a random /ID, so the
        # same input would not give the same bytes (docs/examples shows a sha256).
        f.write(img2pdf.convert(jpegs, layout_fun=layout, creationdate=None, nodate=True, engine=img2pdf.Engine.internal))
    Image.open(io.BytesIO(jpegs[0])).save(base + ".scan.png", dpi=(DPI, DPI))
    subprocess.run(["qpdf", "--empty", "--deterministic-id", "--pages", base + ".scan.pdf", "1", "--",
                    base + ".scan-page1.pdf"], check=True)
    if len(pages) >= 2:
        subprocess.run(["qpdf", "--empty", "--deterministic-id", "--pages", base + ".pdf", "1",
                        base + ".scan.pdf", "2", "--", base + ".mixed.pdf"], check=True)


def make_all(path, outdir, scans=True):
    make(path, outdir, scans)
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        paras = paragraphs(f.read())
    rng = np.random.default_rng(seed_of(name + ".d30"))
    make_decree30(paras, os.path.join(outdir, name), rng, scans)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--no-scans", action="store_true", help="only the text-layer PDFs")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    # One process per document: each is seeded by its own name, so the bytes do
    # not depend on the order or the number of processes.
    import multiprocessing
    with multiprocessing.Pool(os.cpu_count()) as pool:
        pool.starmap(make_all, [(path, args.outdir, not args.no_scans) for path in args.inputs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
