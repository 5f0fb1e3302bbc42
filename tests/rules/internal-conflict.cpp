// The tests of the rule `internal-conflict` (rules/checks/internal-conflict.cpp, docs/rules/internal-conflict.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("internal-conflict: one document cited with two dates, or two themes, fires") {
    std::string twice = with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024 của UBND tỉnh; Công văn");
    CHECK(findings_of(
              with(twice, "Các đơn vị, địa phương báo cáo", "Theo Kế hoạch số 10/KH-UBND ngày 02/9/2024, các đơn vị, địa phương báo cáo"),
              "internal-conflict")
              .size() == 1);
    CHECK(findings_of(
              with(twice, "Các đơn vị, địa phương báo cáo", "Theo Kế hoạch số 10/KH-UBND ngày 01/9/2024, các đơn vị, địa phương báo cáo"),
              "internal-conflict")
              .empty());
    std::string themes = with(plan_2024(), "III. TỔ CHỨC THỰC HIỆN", "Chủ đề: “Phát triển văn hóa đọc”.\nIII. TỔ CHỨC THỰC HIỆN");
    CHECK(findings_of(themes, "internal-conflict").size() == 1);
}
