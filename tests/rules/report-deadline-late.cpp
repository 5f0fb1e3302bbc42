// The tests of the rule `report-deadline-late` (rules/checks/report-deadline-late.cpp, docs/rules/report-deadline-late.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("report-deadline-late: a 2020 deadline after the Ministry's fires") {
    auto f = findings_of(with(plan_2020(), "trước ngày 20/10/2020", "trước ngày 05/11/2020"), "report-deadline-late");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == Value{Value::Kind::DateOnOrBefore, "2020-10-30"});
    CHECK(f[0].found == Value{Value::Kind::Date, "2020-11-05"});
    CHECK(f[0].reference_confidence == "seed");
    CHECK(findings_of(with(plan_2020(), "trước ngày 20/10/2020", "trước ngày 30/10/2020"), "report-deadline-late").empty());
    // 2024's deadline is unknown: the rule stays silent rather than guess.
    CHECK(findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 30/11/2024"), "report-deadline-late").empty());
}

TEST_CASE("report-deadline-late: grace-days lets a deadline that many days late pass") {
    auto late = with(plan_2020(), "trước ngày 20/10/2020", "trước ngày 05/11/2020");
    CheckOptions o;
    o.records = &bundled_records();
    o.config.set_option("report-deadline-late", "grace-days", 6);
    CHECK(findings_of(check_text(late, o), "report-deadline-late").empty());
    o.config.set_option("report-deadline-late", "grace-days", 5);
    CHECK(findings_of(check_text(late, o), "report-deadline-late").size() == 1);
    CHECK_THROWS_AS(o.config.set_option("report-deadline-late", "grace-days", 2.5), std::invalid_argument);
    CHECK_THROWS_AS(o.config.set_option("report-deadline-late", "grace", 1), std::invalid_argument);
}
