#!/usr/bin/python3
"""Write one long draft as a Word file and as a text-layer PDF, for bench/bench_docx.sh.

Usage: make_long_draft.py OUT_STEM PAGES SAMPLE.txt

The sample's body paragraphs are repeated, under its Decree 30 header, until the PDF
(laid out as tools/make_fixtures.py lays out the fixtures) has PAGES pages; the same
paragraphs become OUT_STEM.docx (tools/make_docx.py) and OUT_STEM.pdf.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docx  # noqa: E402
import make_fixtures as fx  # noqa: E402


def main():
    stem, pages, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(sample, encoding="utf-8") as f:
        paras = fx.paragraphs(f.read())
    body = paras[:]
    while len(fx.layout_pages(paras)) < pages:
        paras += body
    laid = fx.layout_pages(paras)[:pages]
    last = max(pi for pi, _, _ in laid[-1]) + 1
    paras = paras[:last]
    fx.write_text_pdf(stem + ".pdf", paras, fx.layout_pages(paras))
    make_docx.write_draft(paras, stem + ".docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
