#!/usr/bin/python3
"""Writes one province's chain of Week instructions as text documents, with breaks
injected where asked, and a manifest of the findings each break must give.

    tools/make_chain.py OUTDIR [--year 2026] [--clean] [--province "Quảng Ngãi"]

The chain (docs/chain.md): the Ministry's dispatch; the provincial Department of
Education's plan, which carries it out; three district People's Committees' plans,
each carrying out the Department's; ten schools' plans, each carrying out its
district's; and, cited by two schools, a dispatch of the province's Study Promotion
Association that is not among the files. Every document cites the link above it as
real plans do ("Thực hiện Kế hoạch số … ngày … của …") and copies its theme and week.

Without --clean, five breaks of the kinds docs/chain.md lists are injected, each in
its own documents, and OUTDIR/manifest.json says which rule must fire on which file
(and no other chain rule anywhere):
  - a school cites its district's plan with the wrong day         citation-mismatch
  - a school cites its district's plan with another symbol        citation-mismatch
  - a district calls the Department's plan a "Công văn"           symbol-malformed
  - a district shifts the Week by a day; its schools copy it      parent-mismatch (the district only)
  - two schools cite the Association's dispatch on two days       citation-conflict (both)
With --clean nothing is broken and the manifest expects no chain finding. The same
arguments give the same bytes.
"""
import argparse
import datetime
import json
import os

THEME = "Học tập suốt đời để thích ứng với chuyển đổi số và phát triển bền vững"
DISTRICTS = [("Sơn Tịnh", "huyện"), ("Tư Nghĩa", "huyện"), ("Đức Phổ", "thị xã")]
SCHOOLS_PER_DISTRICT = [4, 3, 3]
CHAIN_RULES = ["citation-mismatch", "citation-conflict", "parent-mismatch", "symbol-malformed"]


def vn(day):
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def words(day):
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def week_line(start):
    end = start + datetime.timedelta(days=6)
    return f"Thời gian: từ ngày {vn(start)} đến ngày {vn(end)}."


def body(theme, start, year):
    return (f"I. MỤC ĐÍCH, YÊU CẦU\nHưởng ứng Tuần lễ hưởng ứng học tập suốt đời năm {year}.\n"
            f"II. NỘI DUNG\n1. Chủ đề: \"{theme}\".\n2. {week_line(start)}\n"
            "3. Các hoạt động: tuyên truyền, tổ chức các hoạt động học tập tại cơ sở.\n")


def header(parent, body_name, number, place, day, title, subject):
    return (f"{parent}\n{body_name}\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\n{place}, {words(day)}\n{title}\n{subject}\n")


def signature(role, name):
    return f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{role}\n{name}\n"


def make(year, province, clean):
    start = datetime.date(year, 10, 1)
    subject = f"Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {year}"
    docs, expect = {}, {}
    d0 = datetime.date(year, 9, 5)
    docs["bo/cong-van-3456.txt"] = (
        header("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "", "3456/BGDĐT-GDTX", "Hà Nội", d0, "",
               f"V/v hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {year}")
        + "Kính gửi: Các Sở Giáo dục và Đào tạo.\n" + body(THEME, start, year)
        + signature("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "Nguyễn Văn Phúc"))
    d1 = datetime.date(year, 9, 12)
    dept_number = "115/KH-SGDĐT"
    docs["so/ke-hoach-115.txt"] = (
        header(f"UBND TỈNH {province.upper()}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", dept_number, province, d1, "KẾ HOẠCH", subject)
        + f"Thực hiện Công văn số 3456/BGDĐT-GDTX ngày {vn(d0)} của Bộ Giáo dục và Đào tạo, Sở Giáo dục và Đào tạo "
        "xây dựng kế hoạch như sau:\n" + body(THEME, start, year) + signature("GIÁM ĐỐC", "Trần Thị Hoa"))
    assoc = ("45/HKH-VP", datetime.date(year, 9, 15))
    school_no = 0
    for i, ((name, kind), schools) in enumerate(zip(DISTRICTS, SCHOOLS_PER_DISTRICT)):
        dnum = f"{210 + i}/KH-UBND"
        dday = datetime.date(year, 9, 18 + i)
        called = "Kế hoạch"
        dstart = start
        dfile = f"huyen-{i + 1}/ke-hoach-{210 + i}.txt"
        if not clean and i == 1:
            called = "Công văn"  # the Department's plan called a dispatch
            expect[dfile] = {"symbol-malformed": 1}
        if not clean and i == 2:
            dstart = start + datetime.timedelta(days=1)  # the week shifted; its schools copy it
            expect[dfile] = {"parent-mismatch": 1}
        docs[dfile] = (
            header("ỦY BAN NHÂN DÂN", f"{kind.upper()} {name.upper()}", dnum, name, dday, "KẾ HOẠCH", subject)
            + f"Thực hiện {called} số {dept_number} ngày {vn(d1)} của Sở Giáo dục và Đào tạo tỉnh {province}, "
            f"Ủy ban nhân dân {kind} xây dựng kế hoạch như sau:\n" + body(THEME, dstart, year)
            + signature("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Lê Văn Nam"))
        for j in range(schools):
            school_no += 1
            snum = f"{30 + school_no}/KH-THCS"
            sday = datetime.date(year, 9, 24 + j)
            cited_number, cited_day = dnum, dday
            sfile = f"huyen-{i + 1}/truong-{school_no}/ke-hoach-{30 + school_no}.txt"
            if not clean and school_no == 1:
                cited_day = dday + datetime.timedelta(days=1)
                expect[sfile] = {"citation-mismatch": 1}
            if not clean and school_no == 2:
                cited_number = f"{210 + i}/UBND-GDĐT"
                expect[sfile] = {"citation-mismatch": 1}
            extra = ""
            if school_no in (5, 6):
                aday = assoc[1] + datetime.timedelta(days=1) if (not clean and school_no == 6) else assoc[1]
                extra = f"; Công văn số {assoc[0]} ngày {vn(aday)} của Hội Khuyến học tỉnh {province}"
                if not clean:
                    expect[sfile] = {"citation-conflict": 1}
            docs[sfile] = (
                header(f"UBND {kind.upper()} {name.upper()}", f"TRƯỜNG THCS SỐ {school_no}", snum, name, sday, "KẾ HOẠCH", subject)
                + f"Thực hiện Kế hoạch số {cited_number} ngày {vn(cited_day)} của Ủy ban nhân dân {kind} {name}{extra}, "
                "nhà trường xây dựng kế hoạch như sau:\n" + body(THEME, dstart, year)
                + signature("HIỆU TRƯỞNG", "Phạm Thị Lan"))
    return docs, expect


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--province", default="Quảng Ngãi")
    parser.add_argument("--clean", action="store_true")
    args = parser.parse_args()
    docs, expect = make(args.year, args.province, args.clean)
    for path, text in docs.items():
        full = os.path.join(args.outdir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as out:
            out.write(text)
    manifest = {"rules": CHAIN_RULES, "files": sorted(docs), "expect": expect}
    with open(os.path.join(args.outdir, "manifest.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
