// Documents of kinds the development sets lack (tests/data/other-kinds/README.md):
// `check` finds only the error planted in one of them, and the Week's values are
// read from the Week's own words, not from a schedule's period, another week or the
// day a document was written (docs/fields.md, docs/document-conventions.md).
#include <catch2/catch.hpp>

#include <string>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "tests/helpers.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

std::string other_kind(const std::string& name) { return test_data("other-kinds/" + name); }

Record read(const std::string& name) { return extract_record(load_document(other_kind(name))); }

std::string week_of(const std::string& name) { return week_read(read(name)); }

std::string opening_of(const std::string& name) { return opening_read(read(name)); }

std::string deadline_of(const std::string& name) {
    Record r = read(name);
    return r.report_deadline.value ? r.report_deadline.value->iso() : "";
}

// The warnings and errors `check` gives on the document, as "rule" strings.
std::vector<std::string> alarms(const std::string& name) {
    std::vector<std::string> out;
    for (const auto& f : check_file(other_kind(name)).findings)
        if (f.severity != Severity::Info) out.push_back(f.rule);
    return out;
}

}  // namespace

TEST_CASE("documents of other kinds raise no warning or error where they agree with the Ministry") {
    for (std::string name : {"lich-cong-tac-tuan.txt", "giay-moi.txt", "bien-ban.txt", "thong-bao-lich-truc.txt",
                             "thong-bao-tuan-sinh-hoat.txt", "ke-hoach-xa.txt", "quyet-dinh-ban-to-chuc.txt"}) {
        INFO(name);
        CHECK(alarms(name).empty());
    }
    // The one planted error is found.
    CHECK(alarms("bao-cao-ngay-sai.txt") == std::vector<std::string>{"cited-dispatch-mismatch"});
}

TEST_CASE("the Week's dates of other kinds of document come from the Week's own words") {
    // A schedule's own period and another week are not the Week.
    CHECK(week_of("lich-cong-tac-tuan.txt").empty());
    CHECK(week_of("thong-bao-lich-truc.txt").empty());
    CHECK(week_of("thong-bao-tuan-sinh-hoat.txt").empty());
    // The day an invitation was written is not the ceremony's.
    CHECK(opening_of("giay-moi.txt") != "2023-09-28");
    // Where they state them, they are read.
    CHECK(week_of("bien-ban.txt") == "2024-10-01..2024-10-07");
    CHECK(opening_of("bien-ban.txt") == "2024-10-01");
    CHECK(opening_of("thong-bao-lich-truc.txt") == "2025-10-01");
    CHECK(week_of("ke-hoach-xa.txt") == "2025-10-01..2025-10-07");
    CHECK(deadline_of("ke-hoach-xa.txt") == "2025-10-10");
}
