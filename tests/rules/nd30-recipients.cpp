// The tests of the rule `nd30-recipients` (rules/checks/nd30-recipients.cpp,
// docs/rules/nd30-recipients.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-recipients: an entry without its semicolon, or Lưu without its full stop, fires") {
    auto entry = findings_of(with(plan_2024(), "- Các sở, ban, ngành cấp tỉnh;", "- Các sở, ban, ngành cấp tỉnh,"), "nd30-recipients");
    REQUIRE(entry.size() == 1);
    CHECK(entry[0].expected->value == "- Các sở, ban, ngành cấp tỉnh;");
    REQUIRE(entry[0].fix);
    CHECK(entry[0].fix->replace == "- Các sở, ban, ngành cấp tỉnh,");
    CHECK(entry[0].fix->with == "- Các sở, ban, ngành cấp tỉnh;");
    auto keep = findings_of(with(plan_2024(), "- Lưu: VT, KGVX.", "- Lưu: VT, KGVX"), "nd30-recipients");
    REQUIRE(keep.size() == 1);
    CHECK(keep[0].expected->value == "- Lưu: VT, KGVX.");
    CHECK(keep[0].evidence->text == "- Lưu: VT, KGVX");
}

TEST_CASE("nd30-recipients: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "nd30-recipients").empty());
    // An entry wrapped onto a second line ends where its second line ends.
    auto wrapped = with(plan_2024(), "- Các sở, ban, ngành cấp tỉnh;", "- Các sở, ban, ngành\ncấp tỉnh;");
    CHECK(findings_of(wrapped, "nd30-recipients").empty());
    auto wrapped_in_capitals = with(plan_2024(), "- Các sở, ban, ngành cấp tỉnh;", "- Các sở, ngành: Kế hoạch và Đầu tư,\nTài chính;");
    CHECK(findings_of(wrapped_in_capitals, "nd30-recipients").empty());
    // Before Decree 30 the rule says nothing.
    auto before = with(with(plan_2024(), "- Lưu: VT, KGVX.", "- Lưu: VT, KGVX"), "ngày 20 tháng 9 năm 2024", "ngày 20 tháng 9 năm 2019");
    CHECK(findings_of(before, "nd30-recipients").empty());
}
