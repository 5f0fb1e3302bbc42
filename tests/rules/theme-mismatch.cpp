// The tests of the rule `theme-mismatch` (rules/checks/theme-mismatch.cpp, docs/rules/theme-mismatch.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("theme-mismatch: a dropped word fires with a word diff") {
    auto f = findings_of(with(plan_2024(), kTheme2024, "“Phát triển văn hóa đọc thúc đẩy học tập”"), "theme-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Error);
    CHECK_THAT(f[0].message.vi, Catch::Contains("[-suốt đời-]"));
    CHECK(f[0].expected == text_value("Phát triển văn hóa đọc thúc đẩy học tập suốt đời"));
    CHECK(!f[0].inconclusive());
    REQUIRE(f[0].evidence);
    CHECK(f[0].evidence->line == 13);
}

TEST_CASE("theme-mismatch: another year's theme fires") {
    auto f = findings_of(with(plan_2024(), kTheme2024, "“Xây dựng năng lực tự học trong kỷ nguyên số”"), "theme-mismatch");
    CHECK(f.size() == 1);
}

TEST_CASE("theme-mismatch: case, tone placement, i/y, quotes, spacing and COVID spellings do not fire") {
    for (std::string variant :
         {"“PHÁT TRIỂN VĂN HÓA ĐỌC THÚC ĐẨY HỌC TẬP SUỐT ĐỜI”", "\"Phát triển văn hóa  đọc thúc đẩy học tập suốt đời.\"",
          "**Phát triển văn hoá đọc thúc đẩy học tập suốt đời**"}) {
        INFO(variant);
        CHECK(findings_of(with(plan_2024(), kTheme2024, variant), "theme-mismatch").empty());
    }
    auto plan_2023 = read_sample("dak-lak-2023-ke-hoach.txt");
    CHECK(findings_of(with(plan_2023, "trong kỷ nguyên số”", "trong kỉ nguyên số”"), "theme-mismatch").empty());
    auto plan_2022 = read_sample("bac-kan-2022-ke-hoach.txt");
    CHECK(findings_of(plan_2022, "theme-mismatch").empty());  // "COVID -19"
    CHECK(findings_of(with(plan_2022, "đại dịch COVID -19", "đại dịch Covid 19"), "theme-mismatch").empty());
    CHECK(findings_of(with(plan_2022, "sau đại dịch COVID -19", "sau dịch COVID-19"), "theme-mismatch").size() == 1);
}

TEST_CASE("theme-mismatch: a theme cut by the end of an excerpt agrees when it opens the Ministry's, else is inconclusive") {
    // Seen on a city office's news excerpt; here a commune's post of another year.
    std::string post =
        "Xã Tân Lập phát động Tuần lễ hưởng ứng học tập suốt đời năm 2024, từ ngày 01/10/2024 đến ngày 07/10/2024, "
        "với chủ đề của Tuần lễ năm nay là “Phát triển văn hóa đọc thúc đẩy";
    Record read = extract_record(load_document_bytes(post, "post.txt"));
    REQUIRE(read.theme.value);
    CHECK(*read.theme.value == "Phát triển văn hóa đọc thúc đẩy");
    CHECK(read.theme.uncertain());
    CHECK(findings_of(post, "theme-mismatch").empty());
    auto other = findings_of(with(post, "văn hóa đọc thúc đẩy", "kỹ năng số cho mọi"), "theme-mismatch");
    REQUIRE(other.size() == 1);
    CHECK(other[0].doubts_that(Doubt::PossibleExcerpt));
    CHECK(other[0].severity != Severity::Error);
    // A quotation left open with more lines after it is no cut theme.
    CHECK_FALSE(extract_record(load_document_bytes(post + "\nCác hoạt động chính.\n", "post.txt")).theme.value);
}

TEST_CASE("theme-mismatch: a translated theme is inconclusive, Vietnamese typed without marks is compared") {
    // An English edition of a district's plan: the Ministry's words are not its words.
    std::string post =
        "The district's Lifelong Learning Week 2024 takes place from 1 to 7 October 2024 under the theme: "
        "\"Fostering a reading culture to drive lifelong learning\". Schools and the communes will hold book fairs.";
    auto f = findings_of(post, "theme-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].doubts_that(Doubt::PossibleTranslation));
    CHECK(f[0].severity == Severity::Info);
    // The Ministry's words typed without diacritics are Vietnamese, not a translation.
    auto unmarked = findings_of(with(plan_2024(), kTheme2024, "“Phat trien van hoa doc thuc day hoc tap”"), "theme-mismatch");
    REQUIRE(unmarked.size() == 1);
    CHECK_FALSE(unmarked[0].doubts_that(Doubt::PossibleTranslation));
}
