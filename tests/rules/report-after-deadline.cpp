// The tests of the rule `report-after-deadline` (rules/checks/report-after-deadline.cpp,
// docs/rules/report-after-deadline.md): a document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// Hưng Yên's results report moved to 2020, the year whose deadline (30/10) is known.
std::string report_2020(const std::string& dated) {
    std::string text = read_sample("hung-yen-2021-bao-cao.txt");
    for (auto at = text.find("2021"); at != std::string::npos; at = text.find("2021", at)) text.replace(at, 4, "2020");
    return with(text, "ngày 27 tháng 10 năm 2020", dated);
}

}  // namespace

TEST_CASE("report-after-deadline: a 2020 report dated after the Ministry's deadline fires") {
    auto f = findings_of(report_2020("ngày 12 tháng 11 năm 2020"), "report-after-deadline");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == Value{Value::Kind::DateOnOrBefore, "2020-10-30"});
    CHECK(f[0].found == Value{Value::Kind::Date, "2020-11-12"});
    CHECK(f[0].message.vi == "Báo cáo ngày 12/11/2020 sau hạn báo cáo của Bộ (30/10/2020)");
}

TEST_CASE("report-after-deadline: a report on time, a plan dated late and a report within the grace days do not fire") {
    CHECK(findings_of(report_2020("ngày 27 tháng 10 năm 2020"), "report-after-deadline").empty());
    CHECK(findings_of(with(plan_2020(), "Gia Lai, ngày 22 tháng 9 năm 2020", "Gia Lai, ngày 12 tháng 11 năm 2020"), "report-after-deadline")
              .empty());
    CheckOptions lenient;
    lenient.records = &bundled_records();
    lenient.config.set_option("report-after-deadline", "grace-days", 14);
    CHECK(findings_of(check_text(report_2020("ngày 12 tháng 11 năm 2020"), lenient), "report-after-deadline").empty());
}
