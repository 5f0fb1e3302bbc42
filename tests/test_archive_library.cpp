// A scan's chain pass reads the archive a key at a time (app/archive_library.h,
// docs/chain.md "A pass's memory"): a key's numbered documents alone, a dispatch's
// citations as a few variants however many cite it, and a bounded number of keys
// held between documents; and what it finds is what the library held in memory finds.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/archive_library.h"
#include "app/chain.h"
#include "congvan_version.h"
#include "fields/extractor.h"
#include "reading/loader.h"
#include "rule_helpers.h"
#include "scan_helpers.h"
#include "store/stored_record.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// A school's plan carrying out two dispatches of its Department: 115, which the
// archive holds, and 230, which it does not; `symbol_230` is how it cites the latter.
std::string school_plan(int school, const std::string& symbol_230) {
    return "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG TIỂU HỌC SỐ " + std::to_string(school) + "\nSố: " + std::to_string(40 + school) +
           "/KH-TH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Quảng Ngãi, ngày 25 tháng 9 năm 2023\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n"
           "Thực hiện Công văn số 115/SGDĐT-GDTX ngày 20/9/2023 và Công văn số " +
           symbol_230 + " ngày 22/9/2023 của Sở Giáo dục và Đào tạo Quảng Ngãi, nhà trường xây dựng kế hoạch như sau.\n";
}

const std::string kDispatch115 =
    "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 115/SGDĐT-GDTX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 20 tháng 9 năm 2023\n"
    "V/v tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nKính gửi: các trường.\n";

// Stores `texts` as a scan stores them (records and headers), named i.txt.
void store_texts(Archive& archive, const std::vector<std::string>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::string name = std::to_string(100 + i) + ".txt";
        Record record = extract_record(load_document_bytes(texts[i], name));
        StoredDocument d;
        d.path = name;
        d.sha256 = record.sha256;
        d.record = encode_record(record);
        d.record_header = encode_record_header(record);
        archive.store(d, CONGVAN_VERSION);
    }
}

// The dispatch 115 and thirteen schools' plans: twelve cite 230 one way, one
// another way. Returns the texts, stored as 100.txt, 101.txt…
std::vector<std::string> store_schools(Archive& archive) {
    std::vector<std::string> texts{kDispatch115};
    for (int school = 1; school <= 12; ++school) texts.push_back(school_plan(school, "230/SGDĐT-GDTX"));
    texts.push_back(school_plan(13, "230/SGDĐT-GDTrH"));
    store_texts(archive, texts);
    return texts;
}

CheckOptions options_for(const std::string&) {
    CheckOptions o;
    o.records = &bundled_records();
    return o;
}

}  // namespace

TEST_CASE("the archive's library reads a key's numbered documents alone, and a dispatch's citations as variants", "[unit]") {
    auto db = (fresh_dir("archive-library") / "a.sqlite").string();
    Archive archive(db);
    auto texts = store_schools(archive);
    auto tally = compare_archive_chain(archive, "pass", CONGVAN_VERSION, options_for);
    CHECK(tally.documents == 14);

    ArchiveLibrary library(archive, 2);
    // 115's key: the dispatch alone, not the thirteen plans citing it.
    auto numbered = library.numbered("115|2023");
    REQUIRE(numbered.size() == 1);
    CHECK(*numbered[0]->number.value == "115/SGDĐT-GDTX");
    CHECK(library.numbered("230|2023").empty());
    auto variants = library.variants_of("230|2023");
    REQUIRE(variants.size() == 2);
    CHECK(variants[0].cited.number == "230/SGDĐT-GDTX");
    CHECK(variants[0].count == 12);
    CHECK(variants[0].documents.size() == kVariantDocuments);  // the first few named, the rest counted
    CHECK(variants[0].cited.evidence.text.empty());            // no words kept
    CHECK(variants[1].count == 1);
    CHECK(variants[1].documents.at(0).file == "113.txt");
    long reads = library.reads();
    library.variants_of("230|2023");  // held: not read again
    CHECK(library.reads() == reads);
    // Keys beyond the bound are let go between documents, the least recently read first.
    library.numbered("41|2023");
    library.numbered("42|2023");
    CHECK(library.keys_held_now() == 4);
    library.next_document();
    CHECK(library.keys_held_now() == 2);
    library.numbered("42|2023");
    CHECK(library.reads() == reads + 2);  // still held
    library.numbered("115|2023");
    CHECK(library.reads() == reads + 3);  // let go, read again

    // The same variants as the library held in memory makes of the same records.
    MemoryLibrary memory;
    std::vector<Record> records;
    for (std::size_t i = 0; i < texts.size(); ++i) records.push_back(extract_record(load_document_bytes(texts[i], "x.txt")));
    for (std::size_t i = 0; i < texts.size(); ++i) memory.add(std::to_string(100 + i) + ".txt", records[i]);
    auto held = memory.variants_of("230|2023");
    REQUIRE(held.size() == 2);
    CHECK(held[0].count == 12);
    CHECK(held[1].documents.at(0).file == "113.txt");
    fs::remove_all(fs::path(db).parent_path());
}

TEST_CASE("citation-conflict in an archive names the first few documents of a variant and counts the rest", "[unit]") {
    auto db = (fresh_dir("archive-library-conflict") / "a.sqlite").string();
    Archive archive(db);
    store_schools(archive);
    compare_archive_chain(archive, "pass", CONGVAN_VERSION, options_for);
    std::map<std::string, std::vector<Finding>> conflicts;
    for (const auto& row : archive.documents())
        for (const auto& f : row.findings)
            if (f.rule == "citation-conflict") conflicts[row.path].push_back(f);
    REQUIRE(conflicts.size() == 13);  // every school: the dispatch 115 is held and cited alike
    REQUIRE(conflicts["113.txt"].size() == 1);
    const std::string lone = conflicts["113.txt"][0].message.en;
    CHECK_THAT(lone, Catch::Contains("230/SGDĐT-GDTX, 22/09/2023 (101.txt)") && Catch::Contains("(108.txt)") &&
                         !Catch::Contains("(109.txt)") && Catch::Contains(" (+4);"));
    const std::string one = conflicts["101.txt"].at(0).message.en;
    CHECK_THAT(one, Catch::Contains("230/SGDĐT-GDTrH, 22/09/2023 (113.txt)") && !Catch::Contains("(+"));
    fs::remove_all(fs::path(db).parent_path());
}

namespace {

// A province's decision kept twice (a scan in two folders, or as a PDF and as a
// text: the same reading, other bytes), and a Department's dispatch citing it one day
// off. `second_day`: the day the second copy reads (another: a misreading, or
// another document).
std::vector<std::string> decision_copies(int second_day) {
    auto decision = [](int day, const std::string& note) {
        return "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1520/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày " +
               std::to_string(day) +
               " tháng 9 năm 2023\nQUYẾT ĐỊNH\nVề việc thành lập Ban Chỉ đạo Tuần lễ hưởng ứng học tập suốt đời năm 2023\n" + note;
    };
    std::string dispatch =
        "UBND TỈNH QUẢNG NGÃI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 130/SGDĐT-GDTX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 25 tháng 9 năm 2023\n"
        "V/v tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nKính gửi: các phòng giáo dục và đào tạo.\n"
        "Thực hiện Quyết định số 1520/QĐ-UBND ngày 19/9/2023 của Ủy ban nhân dân tỉnh Quảng Ngãi, Sở đề nghị như sau.\n";
    return {decision(18, "Bản lưu tại Văn phòng.\n"), decision(second_day, "Bản lưu tại Sở Nội vụ.\n"), dispatch};
}

std::vector<Finding> findings_of(Archive& archive, const std::string& path, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& row : archive.documents())
        if (row.path == path)
            for (const auto& f : row.findings)
                if (f.rule == rule) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("copies of one document are held once and a citation of them names the first", "[unit]") {
    auto db = (fresh_dir("archive-library-copies") / "a.sqlite").string();
    Archive archive(db);
    auto texts = decision_copies(18);
    store_texts(archive, texts);
    compare_archive_chain(archive, "pass", CONGVAN_VERSION, options_for);

    ArchiveLibrary library(archive);
    auto numbered = library.numbered("1520|2023");
    REQUIRE(numbered.size() == 1);  // two files, one document
    CHECK(numbered[0]->file == "100.txt");
    auto mismatch = findings_of(archive, "102.txt", "citation-mismatch");
    REQUIRE(mismatch.size() == 1);
    CHECK_THAT(mismatch[0].message.en, Catch::Contains("another date") && Catch::Contains("(100.txt"));
    // Each copy is cited by the dispatch: it is the document cited.
    for (const auto* row : {"100.txt", "101.txt"}) {
        std::string chain;
        for (const auto& d : archive.documents())
            if (d.path == row) chain = d.chain.dump();
        CHECK_THAT(chain, Catch::Contains("102.txt"));
    }

    // The library held in memory names the same.
    std::vector<Record> records;
    for (const auto& t : texts) records.push_back(extract_record(load_document_bytes(t, "x.txt")));
    MemoryLibrary memory;
    for (std::size_t i = 0; i < records.size(); ++i) memory.add(std::to_string(100 + i) + ".txt", records[i]);
    REQUIRE(memory.numbered("1520|2023").size() == 1);
    const auto& cited = records[2].references.value->at(0);
    const LibraryDocument* named = memory.resolve(cited, records[2]);
    REQUIRE(named != nullptr);
    CHECK(named->file == "100.txt");
    CHECK(memory.cited_by(*memory.find_file("101.txt")).size() == 1);
    fs::remove_all(fs::path(db).parent_path());
}

TEST_CASE("two documents numbered alike that read otherwise are not copies: a citation of them names none", "[unit]") {
    auto db = (fresh_dir("archive-library-not-copies") / "a.sqlite").string();
    Archive archive(db);
    store_texts(archive, decision_copies(28));  // the second reads the 28th: a misreading, or another decision
    compare_archive_chain(archive, "pass", CONGVAN_VERSION, options_for);
    ArchiveLibrary library(archive);
    CHECK(library.numbered("1520|2023").size() == 2);
    CHECK(findings_of(archive, "102.txt", "citation-mismatch").empty());
    fs::remove_all(fs::path(db).parent_path());
}
