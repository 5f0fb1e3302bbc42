// The tests of the rule `citation-issuer-mismatch`
// (rules/checks/citation-issuer-mismatch.cpp, docs/rules/citation-issuer-mismatch.md):
// documents that fire it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

const std::string kCitation = "Công văn số 5201/BGDĐT-GDTX ngày 09/9/2024 của Bộ Giáo dục và Đào tạo";

std::string citing(const std::string& citation) { return with(plan_2024(), kCitation, citation); }

}  // namespace

TEST_CASE("citation-issuer-mismatch: a Ministry dispatch attributed to a province's department fires") {
    REQUIRE(plan_2024().find(kCitation) != std::string::npos);
    auto found = findings_of(citing("Công văn số 5201/BGDĐT-GDTX ngày 09/9/2024 của Sở Giáo dục và Đào tạo"), "citation-issuer-mismatch");
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected->value == "Bộ Giáo dục và Đào tạo");
    CHECK(found[0].found->value == "Sở Giáo dục và Đào tạo");
    CHECK_THAT(found[0].message.vi, Catch::Contains("BGDĐT"));
}

TEST_CASE("citation-issuer-mismatch: a Prime Minister's directive attributed to a ministry fires, in a report") {
    // Another kind of document and of citation than the dispatch that showed it.
    std::string report =
        "ỦY BAN NHÂN DÂN\nHUYỆN THANH OAI\nSố: 45/BC-UBND\nThanh Oai, ngày 20 tháng 10 năm 2019\nBÁO CÁO\n"
        "Kết quả thực hiện\nThực hiện Chỉ thị số 15/CT-TTg ngày 22/5/2019 của Bộ Giáo dục và Đào tạo về công tác phòng chống dịch, "
        "Ủy ban nhân dân huyện báo cáo như sau:\n";
    CHECK(findings_of(report, "citation-issuer-mismatch").size() == 1);
}

TEST_CASE("citation-issuer-mismatch: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "citation-issuer-mismatch").empty());
    for (const char* silent : {
             "Công văn số 5201/BGDĐT-GDTX ngày 09/9/2024 của Văn phòng Bộ Giáo dục và Đào tạo",  // a unit of the ministry
             "Công văn số 5201/BGDĐT-GDTX ngày 09/9/2024 của Vụ Giáo dục thường xuyên",
             "Công văn số 5201/SGDĐT-GDTX ngày 09/9/2024 của Sở Giáo dục và Đào tạo",  // a local code: the register cannot tell
             "Kế hoạch số 12/KH-UBND ngày 09/9/2024 của Ủy ban nhân dân tỉnh",
             "Thông tư liên tịch số 01/2016/TTLT-TANDTC-VKSNDTC-BTP ngày 06/01/2016 của Bộ Tư pháp",  // one of its issuers
             "Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ",
             // A mass organisation's branches sign with its code (corpus/register: `branches`).
             "Công văn số 45/CV-HKH ngày 09/9/2024 của Hội Khuyến học tỉnh Quảng Ngãi",
         }) {
        INFO(silent);
        CHECK(findings_of(citing(silent), "citation-issuer-mismatch").empty());
    }
}
