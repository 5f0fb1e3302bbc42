// The tests of the rule `nd30-cong-van-subject` (rules/checks/nd30-cong-van-subject.cpp,
// docs/rules/nd30-cong-van-subject.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {
const std::string kSubject = "V/v tổ chức Tuần lễ hưởng ứng học tập";
std::string dispatch() { return read_sample("quang-tri-2021-cong-van.txt"); }
}  // namespace

TEST_CASE("nd30-cong-van-subject: a công văn's subject spelt \"Về việc\" or \"V/V\" fires") {
    auto spelt = findings_of(with(dispatch(), kSubject, "Về việc tổ chức Tuần lễ hưởng ứng học tập"), "nd30-cong-van-subject");
    REQUIRE(spelt.size() == 1);
    CHECK(spelt[0].expected->value == kSubject);
    auto capital = findings_of(with(dispatch(), kSubject, "V/V tổ chức Tuần lễ hưởng ứng học tập"), "nd30-cong-van-subject");
    REQUIRE(capital.size() == 1);
    CHECK(capital[0].expected->value == kSubject);
}

TEST_CASE("nd30-cong-van-subject: the clean dispatch and other types do not fire") {
    CHECK(findings_of(dispatch(), "nd30-cong-van-subject").empty());
    CHECK(findings_of(plan_2024(), "nd30-cong-van-subject").empty());
}
