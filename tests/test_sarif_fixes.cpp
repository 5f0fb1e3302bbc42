// A finding's fix placed in a plain-text file's own line for SARIF
// (report/sarif_fixes.h): columns in UTF-16 code units, only where the raw line
// holds the text once, and a fixed file that the rule no longer fires on.
#include <catch2/catch.hpp>

#include <unicode/unistr.h>
#include <fstream>

#include "helpers.h"
#include "report/sarif_fixes.h"

using namespace congvan;
using namespace congvan::test;
using Json = nlohmann::json;

TEST_CASE("a fix's text is placed in the raw line in UTF-16 columns, only where it stands once") {
    auto place = only_place_of("Hung Yên", "*Hung Yên, ngày 27 tháng 10 năm 2021*", 5);
    REQUIRE(place);
    CHECK(place->line == 5);
    CHECK(place->start == 2);
    CHECK(place->end == 10);  // "Hung Yên" is 8 characters
    auto after_letters = only_place_of("5/", "**Số: 5/KH-UBND**", 3);
    REQUIRE(after_letters);
    CHECK(after_letters->start == 7);            // "Số" counts 2, not 3 bytes
    auto astral = only_place_of("x", "𝐀 x", 1);  // a character outside the BMP is two units
    REQUIRE(astral);
    CHECK(astral->start == 4);
    CHECK_FALSE(only_place_of("Yên", "Hung Yên, Yên Mỹ", 1));  // twice: which one is unknown
    CHECK_FALSE(only_place_of("Hưng", "Hung Yên", 1));
    CHECK_FALSE(only_place_of("", "Hung Yên", 1));
}

namespace {

// The file's text with every SARIF replacement of `log` applied (same line, one
// replacement a line, as congvan writes them).
std::string applied(const std::string& text, const Json& log) {
    std::vector<icu::UnicodeString> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(icu::UnicodeString::fromUTF8(text.substr(start, end - start)));
    lines.push_back(icu::UnicodeString::fromUTF8(text.substr(start)));
    for (const auto& result : log["runs"][0]["results"])
        for (const auto& fix : result.value("fixes", Json::array()))
            for (const auto& r : fix["artifactChanges"][0]["replacements"]) {
                const auto& region = r["deletedRegion"];
                auto& line = lines[region["startLine"].get<int>() - 1];
                int from = region["startColumn"].get<int>() - 1, to = region["endColumn"].get<int>() - 1;
                line.replace(from, to - from, icu::UnicodeString::fromUTF8(r["insertedContent"]["text"].get<std::string>()));
            }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) out += '\n';
        lines[i].toUTF8String(out);
    }
    return out;
}

std::set<std::string> rules_fired(const Json& log) {
    std::set<std::string> out;
    for (const auto& result : log["runs"][0]["results"]) out.insert(result["ruleId"]);
    return out;
}

}  // namespace

TEST_CASE("congvan check --format sarif carries mechanical fixes that, applied to the file, silence their rule") {
    // The Hưng Yên report with its number below 10 and set in markdown bold: the raw
    // line's columns are not the cleaned line's.
    std::string text = with_replaced(read_text_file(sample("hung-yen-2021-bao-cao.txt")), "Số: 2005/BC-SGDĐT", "**Số: 5/BC-SGDĐT**");
    std::string path = fresh_temp_dir("sarif-fixes") + "/bao-cao.txt";
    std::ofstream(path) << text;
    auto r = run_congvan({"check", "--proofread", "--format", "sarif", path});
    CHECK(sarif_problems(r.out).empty());
    Json log = Json::parse(r.out);
    CHECK(log["runs"][0]["columnKind"] == "utf16CodeUnits");
    auto fired = rules_fired(log);
    REQUIRE(fired.count("nd30-number-leading-zero"));
    REQUIRE(fired.count("nd30-place-name"));
    int fixes = 0;
    for (const auto& result : log["runs"][0]["results"])
        if (result.contains("fixes")) {
            ++fixes;
            CHECK(result["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] ==
                  result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
        }
    CHECK(fixes == 2);
    std::string fixed = applied(text, log);
    CHECK(fixed == with_replaced(with_replaced(text, "Số: 5/", "Số: 05/"), "*Hung Yên", "*Hưng Yên"));
    std::ofstream(path) << fixed;
    auto again = rules_fired(Json::parse(run_congvan({"check", "--proofread", "--format", "sarif", path}).out));
    CHECK_FALSE(again.count("nd30-number-leading-zero"));
    CHECK_FALSE(again.count("nd30-place-name"));
}

TEST_CASE("a fix is not placed in standard input or in a file that is no longer what was checked") {
    std::string text = read_text_file(sample("hung-yen-2021-bao-cao.txt"));
    auto piped = run_congvan({"check", "--proofread", "--format", "sarif", "-"}, sample("hung-yen-2021-bao-cao.txt"));
    bool fired = false;
    Json piped_log = Json::parse(piped.out);
    for (const auto& result : piped_log["runs"][0]["results"]) {
        fired = fired || result["ruleId"] == "nd30-place-name";
        CHECK_FALSE(result.contains("fixes"));
    }
    CHECK(fired);
    // A stored check exported after the file changed: the columns would point at
    // other text.
    std::string dir = fresh_temp_dir("sarif-fixes-changed");
    std::string path = dir + "/bao-cao.txt", db = dir + "/archive.sqlite";
    std::ofstream(path) << text;
    REQUIRE(run_congvan({"scan", "--proofread", dir, "--db", db}).exit_code == 0);
    auto before = Json::parse(run_congvan({"export", "--db", db, "--format", "sarif"}).out);
    int fixes = 0;
    for (const auto& result : before["runs"][0]["results"]) fixes += result.contains("fixes");
    CHECK(fixes == 1);
    std::ofstream(path) << "\n" + text;  // one line more at the top
    auto after = Json::parse(run_congvan({"export", "--db", db, "--format", "sarif"}).out);
    for (const auto& result : after["runs"][0]["results"]) CHECK_FALSE(result.contains("fixes"));
}
