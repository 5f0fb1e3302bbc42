#!/usr/bin/python3
"""Write the inputs congvan must refuse, one line of error each, into OUTDIR:
empty.pdf, random.bin, truncated.pdf, encrypted.pdf, invalid-utf8.txt, huge.png,
huge-page2.tif (a small first page, a 30000 x 30000 second page: a few KB).
A text-layer PDF to cut and to encrypt is given as the second argument."""
import os
import subprocess
import sys

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
