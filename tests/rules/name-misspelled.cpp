// The tests of the rule `name-misspelled` (rules/checks/name-misspelled.cpp, docs/rules/name-misspelled.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("name-misspelled: a wrong tone or vowel mark in the Week's name fires, once a document") {
    const std::string news =
        "Tin tức\nCác hoạt động của Tuần lễ hướng ứng học tập suốt đời năm 2019 diễn ra sôi nổi.\n"
        "Tuần lễ hướng ứng học tập suốt đời năm 2019 có nhiều hoạt động.\n";
    auto f = findings_of(news, "name-misspelled");
    REQUIRE(f.size() == 1);
    CHECK(f[0].found->value == "Tuần lễ hướng ứng học tập suốt đời");
    CHECK(f[0].expected->value == "Tuần lễ hưởng ứng học tập suốt đời");
    CHECK(f[0].severity == Severity::Warning);
    // Another kind of document: the plan, one word's mark changed.
    auto text = with(plan_2024(), "Tuần lễ hưởng ứng học tập suốt đời năm 2024", "Tuần lễ hưởng ứng học tập suốt đơi năm 2024");
    CHECK(findings_of(text, "name-misspelled").size() == 1);
}

TEST_CASE("name-misspelled: the clean plan and the near misses do not fire") {
    CHECK(findings_of(plan_2024(), "name-misspelled").empty());
    for (const char* name : {"TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI", "Tuần lễ Hưởng ứng học tập suốt đời", "Tuần lễ học tập suốt đời"})
        CHECK(findings_of(std::string("Tin tức\nHưởng ứng ") + name + " năm 2024, trường tổ chức nhiều hoạt động.\n", "name-misspelled")
                  .empty());
}
