"""The Decree 30/2020 page as offices make it, for make_fixtures.py.

Page 1 starts with a borderless two-column table: on the left the issuing body
(with its parent), `Số: …` and the `V/v` line; on the right the national motto and
the place-date line. A signed scan adds what real ones carry (docs/layout.md): the
number and the day written by hand in blue into typed blanks, a red round seal over
the signer's title, a red incoming-mail stamp, and the digital-signature stamp as a
few lines of real text in the top-right corner over the image.
"""
import re

HEADER_GAP = 18  # points between the header table and the body
HEADER_FONT = "DejaVu Serif Condensed 11"  # narrow like the Times New Roman offices use

MOTTO = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập)")
NUMBER = re.compile(r"^Số\s*:")
PLACE_DATE = re.compile(r",\s*ngày\b.*\bnăm\s+\d{4}\s*$")
SUBJECT = re.compile(r"^V/v\b")
AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s")


def is_upper(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def split_header(paras):
    """(left lines, right lines, index of the first body paragraph); ([], [], 0)
    when the document has no Decree 30 header (a news post, a bare dispatch)."""
    left, right = [], []
    i = 0
    seen_anchor = False
    while i < len(paras):
        p = paras[i]
        if MOTTO.match(p) or PLACE_DATE.search(p):
            right.append(p)
            seen_anchor = True
        elif NUMBER.match(p):
            left.append(p)
            seen_anchor = True
        elif SUBJECT.match(p):
            left.append(p)
            while i + 1 < len(paras) and paras[i + 1][:1].islower():
                i += 1
                left.append(paras[i])
        elif is_upper(p) and not seen_anchor and not right:
            left.append(p)
        else:
            break
        i += 1
    if not seen_anchor:
        return [], [], 0
    return left, right, i


def blanks_filled_by_hand(line):
    """The line as typed before signing, and the handwritten digits with their
    byte offsets in it: `Số: 812/KH-UBND` → `Số:       /KH-UBND`, [(5, '812')]."""
    hand = []
    m = re.match(r"^(Số\s*:\s*)(\d+)(\s*/)", line)
    if m:
        hand.append((len(m.group(1).encode()) + 2, m.group(2)))
        line = m.group(1) + "  " + " " * (3 * len(m.group(2))) + "  " + line[m.end(2):]
    m = re.search(r"(ngày\s+)(\d{1,2})(\s+tháng)", line)
    if m:
        hand.append((len(line[:m.end(1)].encode()) + 1, m.group(2)))
        line = line[:m.end(1)] + " " + " " * (3 * len(m.group(2))) + " " + line[m.end(2):]
    return line, hand


def is_numbered(left):
    """Whether the number is filled in: a draft is not signed, so has no stamp."""
    return any(re.match(r"^Số\s*:\s*\d", p) for p in left)


def signing_time(right):
    """The stamp's time: the day after the issue date, as signing services show."""
    for p in right:
        m = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", p)
        if m:
            day, month, year = (int(g) for g in m.groups())
            return f"{min(day + 1, 28):02d}/{month:02d}/{year} 09:41:27"
    return "02/10/2024 09:41:27"


def stamp_lines(left, right):
    issuer = " ".join(p for p in left if is_upper(p)).title() or "Ủy Ban Nhân Dân"
    return [f"Ký bởi: {issuer}", "Thời gian ký:", signing_time(right)]


def signer_paragraph(paras):
    """Index of the signer's title (the line after TM./KT.), else of the last
    upper-case line: where the seal goes."""
    for i in range(len(paras) - 1, -1, -1):
        if AUTHORITY.match(paras[i]):
            return min(i + 1, len(paras) - 1)
    for i in range(len(paras) - 1, -1, -1):
        if is_upper(paras[i]):
            return i
    return None


# Drawing: cairo and Pango, as make_fixtures.py uses them.
import cairo  # noqa: E402
import gi  # noqa: E402

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402

HAND_FONT = "DejaVu Sans Oblique 14"
HAND_BLUE = (0.08, 0.16, 0.62)
SEAL_RED = (0.86, 0.12, 0.12)


def _line_layout(ctx, text, font, width):
    layout = PangoCairo.create_layout(ctx)
    layout.set_font_description(Pango.FontDescription(font))
    layout.set_width(int(width * Pango.SCALE))
    layout.set_alignment(Pango.Alignment.CENTER)
    layout.set_wrap(Pango.WrapMode.WORD)
    layout.set_text(text, -1)
    return layout


def table_extent(page_width, margin):
    """The header table reaches a little past the body's margins, as in Word."""
    return margin - 24, page_width - 2 * margin + 48


def header_height(ctx, left, right, font, page_width, margin):
    """Points the two-column table takes from the top margin."""
    def column(lines, width):
        return sum(_line_layout(ctx, p, font, width).get_pixel_extents()[1].height + 2 for p in lines)
    x0, inner = table_extent(page_width, margin)
    return max(column(left, inner * 0.42), column(right, inner * 0.58))


def draw_header(ctx, left, right, font, page_width, margin, by_hand=False):
    """The table's two columns; with `by_hand`, the number and the day are blanks
    filled in blue handwriting-like digits."""
    x0, inner = table_extent(page_width, margin)
    for lines, x, width in ((left, x0, inner * 0.42), (right, x0 + inner * 0.42, inner * 0.58)):
        y = margin
        for p in lines:
            text, hand = blanks_filled_by_hand(p) if by_hand else (p, [])
            layout = _line_layout(ctx, text, font, width)
            ctx.set_source_rgb(0, 0, 0)
            ctx.move_to(x, y)
            PangoCairo.show_layout(ctx, layout)
            for offset, digits in hand:
                pos = layout.index_to_pos(offset)
                ctx.save()
                ctx.set_source_rgb(*HAND_BLUE)
                ctx.move_to(x + pos.x / Pango.SCALE, y - 3 + pos.y / Pango.SCALE)
                ctx.rotate(-0.06)
                digits_layout = PangoCairo.create_layout(ctx)
                digits_layout.set_font_description(Pango.FontDescription(HAND_FONT))
                digits_layout.set_text(digits, -1)
                PangoCairo.show_layout(ctx, digits_layout)
                ctx.restore()
            y += layout.get_pixel_extents()[1].height + 2


def draw_seal(ctx, x, y):
    """A red round seal (two rings and a star) centred at (x, y). Ink over toner
    multiplies: the printed text under the seal stays dark."""
    ctx.save()
    ctx.set_operator(cairo.OPERATOR_MULTIPLY)
    ctx.set_source_rgb(*SEAL_RED)
    ctx.set_line_width(2.2)
    for r in (46, 38):
        ctx.arc(x, y, r, 0, 6.2832)
        ctx.stroke()
    ctx.move_to(x, y - 14)
    for k in range(1, 6):
        import math
        a = -math.pi / 2 + k * 4 * math.pi / 5
        ctx.line_to(x + 14 * math.cos(a), y + 14 * math.sin(a))
    ctx.fill()
    ctx.restore()


def draw_incoming_stamp(ctx, x, y):
    """The red incoming-mail stamp a receiving office puts in a margin."""
    ctx.save()
    ctx.set_source_rgb(*SEAL_RED)
    ctx.set_line_width(1.5)
    ctx.rectangle(x, y, 110, 34)
    ctx.stroke()
    layout = PangoCairo.create_layout(ctx)
    layout.set_font_description(Pango.FontDescription("DejaVu Sans Bold 9"))
    layout.set_text("CV ĐẾN\nSố: 1288  Ngày: ....", -1)
    ctx.move_to(x + 6, y + 3)
    PangoCairo.show_layout(ctx, layout)
    ctx.restore()


def draw_signature_stamp(ctx, lines, page_width):
    """The digital-signature stamp in the top-right corner, as real text."""
    ctx.save()
    ctx.set_source_rgb(0.1, 0.1, 0.5)
    layout = PangoCairo.create_layout(ctx)
    layout.set_font_description(Pango.FontDescription("DejaVu Sans 6.5"))
    layout.set_width(int(130 * Pango.SCALE))
    layout.set_wrap(Pango.WrapMode.WORD)
    layout.set_text("\n".join(lines), -1)
    ctx.move_to(page_width - 150, 6)
    PangoCairo.show_layout(ctx, layout)
    ctx.restore()
