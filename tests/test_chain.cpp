// The chain of citations in a scan's archive (docs/chain.md, app/chain.cpp): after
// a pass, a citation of a document the archive holds is compared with it, the
// finding is stored once, and it goes when the citation is mended.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "scan_helpers.h"

using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

const char* kDispatch =
    "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 115/SGDĐT-GDTX\n"
    "V/v tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 20 tháng 9 năm 2023\n"
    "Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố.\n";

std::string district_plan(const std::string& day) {
    return "ỦY BAN NHÂN DÂN\nHUYỆN SƠN TỊNH\nSố: 210/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nSơn Tịnh, ngày 25 tháng 9 năm 2023\nKẾ HOẠCH\n"
           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nThực hiện Công văn số 115/SGDĐT-GDTX ngày " +
           day + " của Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi, Ủy ban nhân dân huyện xây dựng kế hoạch như sau.\n";
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

long chain_findings(const std::string& db, const std::string& file) {
    return count(db, "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id WHERE d.path LIKE '%" + file +
                         "' AND f.rule = 'citation-mismatch'");
}

}  // namespace

TEST_CASE("a scan compares a citation with the cited document it holds, stores it once, and drops it when mended", "[scan]") {
    auto dir = fresh_dir("chain");
    auto docs = fresh_docs(dir);
    fs::create_directories(docs / "so");
    fs::create_directories(docs / "huyen");
    write(docs / "so" / "cong-van-115.txt", kDispatch);
    write(docs / "huyen" / "ke-hoach-210.txt", district_plan("21/9/2023"));
    std::string db = (dir / "archive.sqlite").string();

    // The district's plan alone: the dispatch is not yet in the archive.
    auto first = run_congvan({"scan", (docs / "huyen").string(), "--db", db, "-q"});
    INFO(first.err);
    CHECK(chain_findings(db, "ke-hoach-210.txt") == 0);

    // The dispatch arrives in a later scan: the plan stored before is compared with it.
    auto second = run_congvan({"scan", (docs / "so").string(), "--db", db, "-q", "--fail-on", "warning"});
    INFO(second.err);
    CHECK(second.exit_code == 1);  // the chain's warning counts as any other
    REQUIRE(chain_findings(db, "ke-hoach-210.txt") == 1);
    auto expected = rows_of(db, "SELECT f.expected, f.found FROM findings f WHERE f.rule = 'citation-mismatch'");
    REQUIRE(expected.size() == 1);
    CHECK(expected[0] == "2023-09-20|2023-09-21");

    // Another pass over everything changes nothing: the finding is stored once.
    run_congvan({"scan", docs.string(), "--db", db, "-q"});
    CHECK(chain_findings(db, "ke-hoach-210.txt") == 1);
    auto exported = run_congvan({"export", "--db", db, "--format", "jsonl"});
    CHECK(exported.out.find("citation-mismatch") != std::string::npos);

    // The plan mended: the finding goes.
    write(docs / "huyen" / "ke-hoach-210.txt", district_plan("20/9/2023"));
    run_congvan({"scan", docs.string(), "--db", db, "-q"});
    CHECK(chain_findings(db, "ke-hoach-210.txt") == 0);

    // Wrong again, then the dispatch's own row replaced by a version that cites
    // nothing and is numbered otherwise: the plan's finding goes with the link.
    write(docs / "huyen" / "ke-hoach-210.txt", district_plan("21/9/2023"));
    run_congvan({"scan", docs.string(), "--db", db, "-q"});
    REQUIRE(chain_findings(db, "ke-hoach-210.txt") == 1);
    std::string renumbered = kDispatch;
    renumbered.replace(renumbered.find("115/SGDĐT"), 3, "117");
    write(docs / "so" / "cong-van-115.txt", renumbered);
    run_congvan({"scan", docs.string(), "--db", db, "-q"});
    CHECK(chain_findings(db, "ke-hoach-210.txt") == 0);
}
