// The tests of the rule `date-invalid` (rules/checks/date-invalid.cpp, docs/rules/date-invalid.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("date-invalid: days that do not exist fire, a leap day does not") {
    auto f = findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 31/9/2024"), "date-invalid");
    REQUIRE(f.size() == 1);
    CHECK(f[0].found == text_value("31/9/2024"));
    CHECK(f[0].expected == rule_value(Value::Kind::ExistingDate));
    CHECK(f[0].message.vi == "Ngày 31/9/2024 không tồn tại: tháng 9/2024 chỉ có 30 ngày");
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2023"), "date-invalid").size() == 1);
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2024"), "date-invalid").empty());
}
