#!/usr/bin/python3
"""Write the inputs congvan must refuse, one line of error each, into OUTDIR:
empty.pdf, random.bin, truncated.pdf, encrypted.pdf, invalid-utf8.txt, huge.png,
huge-page2.tif (a small first page, a 30000 x 30000 second page: a few KB), and the
hostile ones: q-bomb.pdf (2,000,000 `q` operators in 4 KB), flate-bomb.pdf (a
content stream that inflates to 1 GB), huge-page.pdf (10000 x 10000 pt), broken-xref.pdf,
many-pages.tif (500 pages), kinh-gui.txt (an address heading with nothing after it),
long-line.txt (1 MB on one line) and cr-only.txt (CR line endings).
A text-layer PDF to cut and to encrypt is given as the second argument."""
import os
import subprocess
import sys
import zlib

import numpy as np
from PIL import Image


def main():
    outdir, good_pdf = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    path = lambda name: os.path.join(outdir, name)  # noqa: E731
    open(path("empty.pdf"), "wb").close()
    rng = np.random.default_rng(20221001)
    with open(path("random.bin"), "wb") as f:
        f.write(rng.integers(0, 256, 65536, dtype=np.uint8).tobytes())
    with open(good_pdf, "rb") as f:
        data = f.read()
    with open(path("truncated.pdf"), "wb") as f:
        f.write(data[: len(data) // 2])
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", good_pdf,
                    path("encrypted.pdf")], check=True)
    with open(path("invalid-utf8.txt"), "wb") as f:
        f.write("Kế hoạch số 12/KH-UBND ngày ".encode() + b"\xc3\x28\xff 01/10/2022\n")
    Image.new("1", (20000, 20000), 1).save(path("huge.png"))
    small = Image.new("1", (800, 600), 1)
    small.save(path("huge-page2.tif"), compression="group4", save_all=True,
               append_images=[Image.new("1", (30000, 30000), 1)])
    write_hostile(path, data)
    return 0


def pdf_with_content(content, compressed, width=595, height=842):
    """A one-page PDF whose page content stream is `content` (bytes)."""
    stream = zlib.compress(content, 9) if compressed else content
    filt = b" /Filter /FlateDecode" if compressed else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R >>" % (width, height),
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filt) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_hostile(path, good_pdf_bytes):
    with open(path("q-bomb.pdf"), "wb") as f:
        f.write(pdf_with_content(b"q " * 2_000_000, True))
    with open(path("flate-bomb.pdf"), "wb") as f:
        f.write(pdf_with_content(b" " * (1 << 30), True))
    with open(path("huge-page.pdf"), "wb") as f:
        f.write(pdf_with_content(b"", False, 10000, 10000))
    with open(path("broken-xref.pdf"), "wb") as f:
        at = good_pdf_bytes.rfind(b"startxref")
        f.write(good_pdf_bytes[:at] + b"startxref\n999999999\n%%EOF\n")
    pages = [Image.new("1", (400, 300), 1) for _ in range(500)]
    pages[0].save(path("many-pages.tif"), compression="group4", save_all=True, append_images=pages[1:])
    with open(path("kinh-gui.txt"), "wb") as f:
        f.write("Kính gửi:\nxem trên\nNơi nhận:\n".encode())
    with open(path("long-line.txt"), "wb") as f:
        line = "Tuần lễ hưởng ứng học tập suốt đời năm 2022 từ ngày 01/10/2022 đến ngày 07/10/2022; "
        f.write((line * (1_000_000 // len(line.encode()))).encode())
    with open(path("cr-only.txt"), "wb") as f:
        f.write("KẾ HOẠCH\rTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022\rTừ ngày 01/10/2022 đến ngày 07/10/2022.\r".encode() * 2000)


if __name__ == "__main__":
    sys.exit(main())
