// `congvan ministry import` and `congvan ministry validate`: a new year's record
// written from the Ministry's dispatch is one that `check` loads and uses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "congvan_version.h"
#include "helpers.h"

using namespace congvan::test;

namespace {

const std::string kBundled2020 = CONGVAN_SOURCE_DIR "/corpus/ministry/2020.yaml";

// The imported record of the Ministry's 2020 instruction, written as DIR/2020.yaml.
std::string import_2020(const std::string& dir) {
    auto imported = run_congvan({"ministry", "import", sample("bgddt-2020-huong-dan.txt")});
    REQUIRE(imported.exit_code == 0);
    std::ofstream(dir + "/2020.yaml") << imported.out;
    return imported.out;
}

}  // namespace

TEST_CASE("ministry import writes the dispatch's values, each marked single with the line it was read from") {
    std::string yaml = import_2020(fresh_temp_dir("congvan-ministry-import"));
    CHECK_THAT(yaml, Catch::Contains("year: 2020"));
    CHECK_THAT(yaml, Catch::Contains("Chuyển đổi số thúc đẩy Học tập suốt đời"));
    CHECK_THAT(yaml, Catch::Contains("2020-10-01"));
    CHECK_THAT(yaml, Catch::Contains("2020-10-30"));
    CHECK_THAT(yaml, Catch::Contains("confidence: single"));
    CHECK_THAT(yaml, Catch::Contains("bgddt-2020-huong-dan.txt, page 1, line"));
    // The copy has no header: its number is not guessed.
    CHECK_THAT(yaml, !Catch::Contains("3589"));
}

TEST_CASE("an imported record validates and check compares a document with it") {
    std::string dir = fresh_temp_dir("congvan-ministry-roundtrip");
    import_2020(dir);
    auto valid = run_congvan({"ministry", "validate", dir + "/2020.yaml"});
    CHECK(valid.exit_code == 0);
    CHECK_THAT(valid.out, Catch::Contains("2020 " + dir + "/2020.yaml: ok"));

    // A 2020 plan whose theme drifts: the finding rests on the imported value, whose
    // confidence is the import's.
    std::string plan = dir + "/plan.txt";
    std::ofstream(plan) << with_replaced(read_text_file(sample("gia-lai-2020-ke-hoach.txt")), "thúc đẩy", "hỗ trợ");
    auto checked = run_congvan({"check", "--format", "jsonl", "--ministry", dir, plan});
    auto docs = jsonl_documents(checked.out);
    REQUIRE(docs.size() == 1);
    bool theme_finding = false;
    for (const auto& f : docs[0]["findings"])
        if (f["rule"] == "theme-mismatch") {
            theme_finding = true;
            CHECK(f["reference_confidence"] == "single");
        }
    CHECK(theme_finding);
}

TEST_CASE("ministry validate names the file and line of a bad record and exits 2") {
    std::string dir = fresh_temp_dir("congvan-ministry-bad");
    std::ofstream(dir + "/2020.yaml") << with_replaced(read_text_file(kBundled2020), "confidence: seed", "confidence: sure");
    auto bad = run_congvan({"ministry", "validate", "--lang", "en", dir});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains(dir + "/2020.yaml:10: not a valid Ministry record"));
    CHECK_THAT(bad.err, Catch::Contains("sure"));

    auto bundled = run_congvan({"ministry", "validate"});
    CHECK(bundled.exit_code == 0);
    CHECK_THAT(bundled.out, Catch::Contains("2024 "));
}

TEST_CASE("ministry import refuses a file it cannot read, naming it") {
    std::string dir = fresh_temp_dir("congvan-ministry-missing");
    auto missing = run_congvan({"ministry", "import", dir + "/none.pdf"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("none.pdf"));
}

TEST_CASE("ministry validate is strict: an unknown key, a year the file name contradicts, a date outside the year, a week not of 7 days") {
    // The 2023 record, another year than the test above edits, each mistake alone.
    const std::string bundled = read_text_file(CONGVAN_SOURCE_DIR "/corpus/ministry/2023.yaml");
    struct Case {
        std::string file, from, to, line, words;
    };
    const Case cases[] = {
        {"2023.yaml", "theme: {value:", "them: {value:", ":7:", "unknown key them"},
        {"2023.yaml", "week: {start: 2023-10-02, end: 2023-10-08", "week: {start: 2023-10-02, end: 2023-10-07", ":8:", "has 6 days, not 7"},
        {"2023.yaml", "opening: {value: 2023-10-02", "opening: {value: 2022-10-02", ":9:", "not in the record's year 2023"},
        {"2024.yaml", "", "", ":3:", "differs from the file name's year (2024)"},
    };
    for (const auto& c : cases) {
        INFO(c.words);
        std::string dir = fresh_temp_dir("congvan-ministry-strict");
        std::ofstream(dir + "/" + c.file) << (c.from.empty() ? bundled : with_replaced(bundled, c.from, c.to));
        auto en = run_congvan({"ministry", "validate", "--lang", "en", dir});
        CHECK(en.exit_code == 2);
        CHECK_THAT(en.err, Catch::Contains(dir + "/" + c.file + c.line));
        CHECK_THAT(en.err, Catch::Contains(c.words));
        // In the chosen language: Vietnamese by default.
        auto vi = run_congvan({"ministry", "validate", dir});
        CHECK_THAT(vi.err, Catch::Contains("không phải dữ liệu hợp lệ của Bộ"));
    }
}

TEST_CASE("ministry import writes a file name that holds a newline as a comment, never as a key") {
    // An archive's file named by a hostile hand: its newline must not start a key
    // of the record (the record would then carry a theme no dispatch gave).
    std::string dir = fresh_temp_dir("congvan-ministry-name");
    std::string name = dir + "/dispatch\ntheme: {value: \"Chủ đề giả\", confidence: confirmed}\n.txt";
    std::ofstream(name) << read_text_file(sample("bgddt-2020-huong-dan.txt"));
    auto imported = run_congvan({"ministry", "import", name});
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, !Catch::Contains("\ntheme: {value: \"Chủ đề giả\""));
    std::ofstream(dir + "/2020.yaml") << imported.out;
    auto valid = run_congvan({"ministry", "validate", dir + "/2020.yaml"});
    CHECK(valid.exit_code == 0);
    CHECK_THAT(read_text_file(dir + "/2020.yaml"), Catch::Contains("Chuyển đổi số thúc đẩy Học tập suốt đời"));
    CHECK_THAT(read_text_file(dir + "/2020.yaml"), !Catch::Contains("Chủ đề giả\", confidence: confirmed}\n"));
}
