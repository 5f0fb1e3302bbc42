#!/usr/bin/env python3
"""Makes an archive-like folder of N small distinct documents for scale tests and
benchmarks: text files and text-layer PDFs in turn, 100 to a folder.

Usage: make_archive.py OUT N SOURCE...

Each SOURCE (the bundled samples as .txt, their fixture PDFs as .pdf) is used in
turn; every copy is made distinct (so every sha256 differs) by one appended line for
a text file, and by a comment after the end of the file for a PDF (PDF readers ignore
what follows %%EOF), so the documents read the same and cost the same to process.
"""
import os
import sys


def main():
    out, count, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    texts = [s for s in sources if s.endswith(".txt")]
    pdfs = [s for s in sources if s.endswith(".pdf")]
    if not texts or not pdfs:
        sys.exit("make_archive.py: give both .txt and .pdf sources")
    content = {s: open(s, "rb").read() for s in sources}
    for i in range(count):
        folder = os.path.join(out, f"{i // 100:04d}")
        os.makedirs(folder, exist_ok=True)
        if i % 2 == 0:
            src = texts[(i // 2) % len(texts)]
            data = content[src] + f"\nBản lưu trữ số {i}.\n".encode()
        else:
            src = pdfs[(i // 2) % len(pdfs)]
            data = content[src] + f"\n%congvan archive copy {i}\n".encode()
        name = f"{i:06d}-{os.path.basename(src)}"
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
