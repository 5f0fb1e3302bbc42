// The tests of the rule `symbol-malformed` (rules/checks/symbol-malformed.cpp, docs/rules/symbol-malformed.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "extract/extractor.h"
#include "extract/loader.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("symbol-malformed: a wrong type code or a repeated part fires") {
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/BC-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/KH-UBND-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/QĐ-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").empty());
}

TEST_CASE("symbol-malformed: the Party's form is well formed; on an OCR line a wrong code is a possible misread") {
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số 812-KH/TU"), "symbol-malformed").empty());
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số 812-BC/TU"), "symbol-malformed").size() == 1);
    // The same wrong code read by OCR (the evidence line's confidence below 100).
    Record r = extract_record(load_document_bytes(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/BC-UBND"), "ocr.txt"));
    REQUIRE(r.symbol.evidence);
    r.symbol.evidence->confidence = 88;
    CheckOptions o;
    o.records = &bundled_records();
    auto f = findings_of(check_record(r, o), "symbol-malformed");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].doubts_that(Doubt::PossibleMisread));
}
