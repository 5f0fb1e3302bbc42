#!/usr/bin/python3
"""Write Word drafts (.docx) of the bundled samples for the tests, with python-docx.

Usage: make_docx.py OUTDIR SAMPLE.txt...

NAME.docx is the sample as a clerk types it under Decree 30/2020 (Appendix I): a
borderless two-column header table (the issuing body, `Số:` and the `V/v` line on
the left; the national motto, bold, and the place-date line, italic, on the right),
the body in Times New Roman 14 with the type name bold in capitals, A4 paper,
margins of 20 mm top and bottom, 30 mm left and 15 mm right, and the page number in
the header as a PAGE field. The run styles are set on the runs, the body size on
the Normal style (as Word does), so reading a draft has to follow the cascade.
NAME.arial.docx is the same draft in Arial 13 on Letter paper with a left margin of
20 mm: what the nd30-font and nd30-paper rules flag (each margin of NAME.docx is at a
bound of its range: their near miss). NAME.RULE.docx (for two samples) has one fault,
on which the Decree 30 rule RULE, and no other, fires.
"""
import os
import sys

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (portrait is the default)
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decree30_layout as d30  # noqa: E402
from make_fixtures import paragraphs  # noqa: E402


def set_font(run, name, size=None, bold=None, italic=None):
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), name)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def page_number_field(paragraph):
    """A PAGE field as Word writes it: begin, instruction, end."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._element.append(el)


def borderless(table):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def header_cell(cell, lines, font, size):
    cell.paragraphs[0].text = ""
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        bold = d30.MOTTO.match(text) is not None or (d30.is_upper(text) and not d30.NUMBER.match(text))
        italic = d30.PLACE_DATE.search(text) is not None
        set_font(p.add_run(text), font, size, bold=bold, italic=italic)


def write_draft(paras, path, font="Times New Roman", size=14, paper=(210, 297), left=30, bold=(), body_size=None):
    """`bold`: paragraphs set bold besides the titles in capitals (a type name a fault
    writes in lower case stays bold, so that only its case is wrong); `body_size`:
    the body's runs in this size, the header's as `size` says."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(paper[0]), Mm(paper[1])
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(left), Mm(15)
    page_number_field(section.header.paragraphs[0])
    left, right, start = d30.split_header(paras)
    if left or right:
        table = doc.add_table(rows=1, cols=2)
        borderless(table)
        header_cell(table.rows[0].cells[0], left, font, size - 1)
        header_cell(table.rows[0].cells[1], right, font, size - 1)
    for text in paras[start:]:
        p = doc.add_paragraph()
        title = (d30.is_upper(text) and len(text) < 40) or text in bold
        set_font(p.add_run(text), font, size=None if title else body_size, bold=True if title else None)
    doc.save(path)


# One fault each, for the rule that must fire on it alone (tests/test_docx.cpp):
# (sample, rule, paragraph as written, as the fault writes it), or a setting.
TEXT_FAULTS = [
    ("nghe-an-2024-ke-hoach", "nd30-number-leading-zero", "Số: 812/KH-UBND", "Số: 5/KH-UBND"),
    ("nghe-an-2024-ke-hoach", "nd30-symbol-spelling", "Số: 812/KH-UBND", "Số: 812/Kh-UBND"),
    ("nghe-an-2024-ke-hoach", "nd30-date-leading-zero", "Nghệ An, ngày 20 tháng 9 năm 2024", "Nghệ An, ngày 5 tháng 9 năm 2024"),
    ("nghe-an-2024-ke-hoach", "nd30-place-name", "Nghệ An, ngày 20 tháng 9 năm 2024", "Nghe An, ngày 20 tháng 9 năm 2024"),
    ("nghe-an-2024-ke-hoach", "nd30-motto", "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc"),
    ("nghe-an-2024-ke-hoach", "nd30-type-name-capitals", "KẾ HOẠCH", "Kế hoạch"),
    ("nghe-an-2024-ke-hoach", "nd30-recipients", "- Các sở, ban, ngành cấp tỉnh;", "- Các sở, ban, ngành cấp tỉnh,"),
    ("nghe-an-2024-ke-hoach", "nd30-signer-authority", "PHÓ CHỦ TỊCH", "CHỦ TỊCH"),
    ("quang-tri-2021-cong-van", "nd30-cong-van-subject", "V/v tổ chức Tuần lễ hưởng ứng học tập", "Về việc tổ chức Tuần lễ hưởng ứng học tập"),
]
SETTING_FAULTS = [
    ("nghe-an-2024-ke-hoach", "nd30-font", {"font": "Arial"}),
    ("nghe-an-2024-ke-hoach", "nd30-paper", {"paper": (215.9, 279.4)}),
    ("nghe-an-2024-ke-hoach", "nd30-style", {"size": 13}),  # the header in 12 pt
    ("nghe-an-2024-ke-hoach", "nd30-body-size", {"body_size": 12}),
]


def write_faults(outdir, name, paras):
    for sample, rule, right, wrong in TEXT_FAULTS:
        if sample == name:
            if right not in paras:
                sys.exit(f"make_docx.py: {name}: no paragraph {right!r} for {rule}")
            write_draft([wrong if p == right else p for p in paras], os.path.join(outdir, f"{name}.{rule}.docx"),
                        bold={wrong} if d30.is_upper(right) else ())
    for sample, rule, setting in SETTING_FAULTS:
        if sample == name:
            write_draft(paras, os.path.join(outdir, f"{name}.{rule}.docx"), **setting)


def main():
    outdir, samples = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    for sample in samples:
        name = os.path.basename(sample)[: -len(".txt")]
        base = os.path.join(outdir, name)
        with open(sample, encoding="utf-8") as f:
            paras = paragraphs(f.read())
        write_draft(paras, base + ".docx")
        write_draft(paras, base + ".arial.docx", font="Arial", size=13, paper=(215.9, 279.4), left=20)
        write_faults(outdir, name, paras)
    return 0


if __name__ == "__main__":
    sys.exit(main())
