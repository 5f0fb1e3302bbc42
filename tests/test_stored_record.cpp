// The record the scan database keeps for re-checking: the rules must find on the
// decoded record exactly what they found on the record as extracted.
#include <catch2/catch.hpp>

#include <filesystem>

#include "extract/extractor.h"
#include "extract/loader.h"
#include "helpers.h"
#include "report/check_output.h"
#include "report/record_json.h"
#include "rules/checker.h"
#include "store/stored_record.h"

using namespace congvan;
using namespace congvan::test;

namespace {

std::string findings_text(const Record& record) {
    static const auto records = load_ministry_records(default_ministry_dir());
    CheckOptions options{&records, std::nullopt, std::nullopt, {}};
    auto result = check_record(record, options);
    std::string out = reference_json(result.reference, Language::English).dump() + "\n";
    for (const auto& f : result.findings) out += finding_json(f, Language::English).dump() + "\n";
    return out;
}

}  // namespace

TEST_CASE("a stored record decodes to one the rules cannot tell from the extracted one") {
    int checked = 0, with_findings = 0;
    for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
        if (entry.path().extension() != ".txt") continue;
        Record record = extract_record(load_document(entry.path().string()));
        Record back = decode_record(encode_record(record));
        INFO(entry.path().filename().string());
        CHECK(record_json(back).dump() == record_json(record).dump());
        auto found = findings_text(record);
        CHECK(findings_text(back) == found);
        CHECK(back.dates.size() == record.dates.size());
        CHECK(back.themes.size() == record.themes.size());
        with_findings += found.find("\"rule\"") != std::string::npos;
        ++checked;
    }
    CHECK(checked >= 11);
    CHECK(with_findings >= 3);  // the comparison covers findings, not only empty lists
}

TEST_CASE("a stored record from another encoding or not a record at all is refused") {
    Record record;
    record.file = "a.txt";
    std::string text = encode_record(record);
    CHECK_NOTHROW(decode_record(text));
    auto at = text.find("\"encoding\":");
    REQUIRE(at != std::string::npos);
    text.replace(at, 12, "\"encoding\":0");  // the encoding is one digit
    CHECK_THROWS_AS(decode_record(text), std::runtime_error);
    CHECK_THROWS_AS(decode_record("{\"encoding\":1}"), std::runtime_error);
    CHECK_THROWS_AS(decode_record("not json"), std::runtime_error);
    // A damaged row's "encoding" of another JSON type is refused the same way (found by
    // fuzz_stored_record: the library's own type error escaped before).
    CHECK_THROWS_AS(decode_record("{\"encoding\":{}}"), std::runtime_error);
    CHECK_THROWS_AS(decode_record("{\"encoding\":\"6\"}"), std::runtime_error);
    CHECK_THROWS_AS(decode_record("{\"encoding\":6.5}"), std::runtime_error);
}
