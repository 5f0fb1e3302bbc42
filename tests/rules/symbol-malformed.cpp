// The tests of the rule `symbol-malformed` (rules/checks/symbol-malformed.cpp, docs/rules/symbol-malformed.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("symbol-malformed: a wrong type code or a repeated part fires") {
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/BC-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/KH-UBND-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/QĐ-UBND ngày 01/9/2024; Công văn"), "symbol-malformed")
              .size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024; Công văn"), "symbol-malformed")
              .empty());
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

TEST_CASE("symbol-malformed: a citation's type is the type it names, and a general word names none") {
    // A district's report that calls the Department's plan a "Công văn" while its
    // symbol says it is a plan (the chain's link named wrong), beside the same kind
    // of symbol cited by "văn bản", which any type is cited by.
    std::string report =
        "ỦY BAN NHÂN DÂN\nHUYỆN THANH OAI\nSố: 45/BC-UBND\nThanh Oai, ngày 20 tháng 10 năm 2024\nBÁO CÁO\n"
        "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n"
        "Thực hiện Công văn số 812/KH-SGDĐT ngày 10/9/2024 của Sở Giáo dục và Đào tạo, Ủy ban nhân dân huyện báo cáo như sau:\n";
    auto found = findings_of(report, "symbol-malformed");
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0].message.vi, Catch::Contains("812/KH-SGDĐT"));
    for (const char* general : {"Thực hiện văn bản số 812/KH-SGDĐT ngày 10/9/2024", "Thực hiện các văn bản số 812/KH-SGDĐT"}) {
        INFO(general);
        CHECK(findings_of(with(report, "Thực hiện Công văn số 812/KH-SGDĐT ngày 10/9/2024", general), "symbol-malformed").empty());
    }
}
