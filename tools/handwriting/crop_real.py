#!/usr/bin/python3
"""Crop the handwritten blanks of real signed scans into a labelled crop set.

For each labelled document whose number or day is handwritten, page 1 is rendered at
300 dpi (pdftoppm) and read by `tesseract … hocr` with character boxes. The blanks
are where Decree 30/2020 puts them: after the typed `Số:` up to the symbol's `/`,
between `ngày` and `tháng`, between `tháng` and `năm`. Each crop is saved as a PNG
(grey, 64 px high) with its truth from labels.json.

usage: crop_real.py LABELS_DIR... --out DIR    (writes DIR/*.png and DIR/crops.tsv)
"""
import html, json, os, re, subprocess, sys, tempfile, unicodedata
from PIL import Image

PAD_Y = 0.35  # of the line's height, above and below: handwriting rises and falls


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def render_page1(path, tmp):
    if path.lower().endswith((".png", ".jpg", ".jpeg", ".tif", ".tiff")):
        return Image.open(path).convert("RGB")
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", path, os.path.join(tmp, "p")], check=True)
    name = [f for f in os.listdir(tmp) if f.startswith("p") and f.endswith(".png")][0]
    return Image.open(os.path.join(tmp, name)).convert("RGB")


def words_of(image, tmp):
    """(text, bbox, [(char, bbox)]) per word, lines as lists."""
    png = os.path.join(tmp, "page.png")
    image.save(png)
    subprocess.run(["tesseract", png, os.path.join(tmp, "o"), "-l", "vie", "--psm", "3", "-c", "hocr_char_boxes=1", "hocr"],
                   check=True, stderr=subprocess.DEVNULL)
    text = open(os.path.join(tmp, "o.hocr"), encoding="utf-8").read()
    lines = []
    for line in re.split(r"class='ocr_line'", text)[1:]:
        words = []
        for w in re.split(r"class='ocrx_word'", line)[1:]:
            box = tuple(map(int, re.match(r"[^>]*?bbox (\d+) (\d+) (\d+) (\d+)", w).groups()))
            chars = [(html.unescape(c), tuple(map(int, b)))
                     for b0, b1, b2, b3, c in re.findall(r"x_bboxes (\d+) (\d+) (\d+) (\d+);[^>]*>([^<]*)<", w)
                     for b in [(b0, b1, b2, b3)]]
            words.append(("".join(c for c, _ in chars), box, chars))
        if words:
            lines.append(words)
    return lines


def crop(image, left, right, line_top, line_bottom):
    h = line_bottom - line_top
    box = (max(0, left), max(0, int(line_top - PAD_Y * h)), min(image.width, right), min(image.height, int(line_bottom + PAD_Y * h)))
    if box[2] - box[0] < 8:
        return None
    c = image.crop(box)
    return c.resize((max(8, round(c.width * 64 / c.height)), 64))


def date_blanks(words, image, top, bottom):
    """The day between `ngày` and `tháng`, the month between `tháng` and `năm`, by
    the character boxes: OCR often glues the handwriting to a typed word
    ("ngàylttháng", "4†tháng", "tháng/IO"), so the anchors are found in the line's
    letters, not as whole words."""
    chars = []  # (folded char, box), a space between words
    for w in words:
        chars += [(fold(c)[:1] or c, b) for c, b in w[2]] + [(" ", None)]
    line = "".join(c for c, _ in chars)
    found = {}
    day = re.search(r"ngay", line)
    month = day and re.search(r"thang", line[day.end():])
    if not month:
        return found
    m0 = day.end() + month.start()
    year = re.search(r"nam", line[m0 + 5:])
    edges = [(day.end() - 1, m0, "day")]
    if year:
        edges.append((m0 + 4, m0 + 5 + year.start(), "month"))
    for last, first, kind in edges:
        c = crop(image, chars[last][1][2] + 4, chars[first][1][0] - 4, top, bottom)
        if c:
            found[kind] = c
    return found


def blanks(lines, image):
    """{'number': crop, 'day': crop, 'month': crop} as found."""
    found = {}
    for words in lines:
        top, bottom = min(w[1][1] for w in words), max(w[1][3] for w in words)
        if top > image.height * 0.4:  # the header's blanks, not a date in the body
            continue
        folded = [fold(w[0]) for w in words]
        for i, f in enumerate(folded):
            if "number" not in found and re.fullmatch(r"so:?", f):
                slash = next(((j, k) for j in range(i + 1, min(i + 4, len(words))) for k, (ch, _) in enumerate(words[j][2]) if ch == "/"), None)
                if slash:
                    j, k = slash
                    c = crop(image, words[i][1][2] + 4, words[j][2][k][1][0] - 2, top, bottom)
                    if c: found["number"] = c
        if "day" not in found:
            found.update(date_blanks(words, image, top, bottom))
    return found


def main():
    args = sys.argv[1:]
    out = args[args.index("--out") + 1]
    dirs = [a for i, a in enumerate(args) if not a.startswith("--") and args[i - 1] != "--out"]
    os.makedirs(out, exist_ok=True)
    rows = []
    for d in dirs:
        for l in json.load(open(os.path.join(d, "labels.json"), encoding="utf-8")):
            if not (l.get("number_handwritten") or l.get("day_handwritten")):
                continue
            truth = {}
            if l.get("number_handwritten") and l.get("number"):
                truth["number"] = re.match(r"\d+", l["number"]).group(0)
            if l.get("day_handwritten") and l.get("date"):
                y, m, dd = l["date"].split("-")
                truth["day"] = str(int(dd))
                if l.get("month_handwritten"):
                    truth["month"] = str(int(m))
            with tempfile.TemporaryDirectory() as tmp:
                image = render_page1(os.path.join(d, l["file"]), tmp)
                found = blanks(words_of(image, tmp), image)
            stem = os.path.splitext(os.path.basename(l["file"]))[0]
            for kind, value in truth.items():
                if kind not in found:
                    print(f"{stem}: no {kind} blank found", file=sys.stderr)
                    continue
                name = f"{stem}.{kind}.png"
                found[kind].convert("RGB").save(os.path.join(out, name), optimize=True)
                rows.append((name, kind, value, l["file"]))
    with open(os.path.join(out, "crops.tsv"), "w", encoding="utf-8") as f:
        f.write("crop\tkind\ttruth\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} crops", file=sys.stderr)


if __name__ == "__main__":
    main()
