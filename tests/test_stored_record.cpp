// The record the scan database keeps for re-checking: the rules must find on the
// decoded record exactly what they found on the record as extracted.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fields/extractor.h"
#include "helpers.h"
#include "reading/loader.h"
#include "report/chain_json.h"
#include "report/check_output.h"
#include "report/record_json.h"
#include "rules/checker.h"
#include "rules/library.h"
#include "rules/value.h"
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

TEST_CASE("a crafted stored record's out-of-range values are shown as they are, never a crash") {
    // Found by fuzz_stored_record (2026-12-04, 233,181 executions): a date's stated
    // weekday 0 made weekday-mismatch ask the catalogue for `weekday.0`, whose absence
    // threw out of the check. A stored value of a finding (a crafted database) takes
    // the same path through render().
    Record record;
    record.file = "crafted.txt";
    DateInText d;
    d.date = VnDate{2, 10, 2023};
    d.written = "ngày 02/10/2023";
    d.stated_weekday = 0;
    d.weekday_written = "thứ Không";
    record.dates.push_back(d);
    Record back = decode_record(encode_record(record));
    std::string shown;
    REQUIRE_NOTHROW(shown = findings_text(back));
    CHECK_THAT(shown, Catch::Contains("weekday-mismatch"));
    CHECK(render(weekday_value(9)).en == "9");
    CHECK(render(field_value("no-such-field")).vi == "no-such-field");
    CHECK(render(weekday_value(1)).en == "Monday");  // a real one is still worded
}

TEST_CASE("a stored record's header reads as the whole record does to the chain of citations") {
    MemoryLibrary whole, header;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
        if (entry.path().extension() != ".txt") continue;
        std::string stored = encode_record(extract_record(load_document(entry.path().string())));
        Record full = decode_record(stored), part = decode_record_header(stored);
        INFO(entry.path().filename().string());
        CHECK(chain_keys(part) == chain_keys(full));
        whole.add(entry.path().string(), full, false);
        header.add(entry.path().string(), part, false);
        files.push_back(entry.path().string());
    }
    REQUIRE(files.size() >= 11);
    long citations = 0;
    for (const auto& file : files) {
        INFO(file);
        const LibraryDocument *a = whole.find_file(file), *b = header.find_file(file);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->number.value == b->number.value);
        CHECK(a->date.value == b->date.value);
        CHECK(a->week.value.has_value() == b->week.value.has_value());
        if (a->week.value && b->week.value) CHECK(a->week.value->start == b->week.value->start);
        if (a->week.value && b->week.value) CHECK(a->week.value->end == b->week.value->end);
        CHECK(a->theme.value == b->theme.value);
        CHECK(a->province.value == b->province.value);
        CHECK(a->doc_type.value == b->doc_type.value);
        CHECK(a->about_week == b->about_week);
        CHECK(a->theme_cut == b->theme_cut);
        CHECK(chain_json(*a, whole).dump() == chain_json(*b, header).dump());
        CHECK(chain_keys(*b) == chain_keys(decode_record(encode_record(extract_record(load_document(file))))));
        citations += static_cast<long>(a->references.size());
    }
    CHECK(citations >= 5);  // the samples cite, so the comparison covers citations
}
