// English editions of the news (docs/fields.md, "Posts in English"): the Week's facts
// as an English text writes them, in phrases of other kinds than the posts that
// showed them, and Vietnamese words that must not be read as English.
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "text/english.h"
#include "text/normalize.h"

using namespace congvan;

namespace {

Record read(const std::string& text) { return extract_record(load_document_bytes(text, "post.txt")); }

const char* kPressRelease =
    "Hue City's Department of Education announced that the Lifelong Learning Week 2023 will run from 2 to 8 October 2023 "
    "under the theme: \"Building self-learning capacity in the digital era\". The opening ceremony is scheduled for "
    "October 2, 2023 at the city library. In line with Plan No. 88/KH-SGDDT dated 20 September 2023 and following "
    "Dispatch No. 4733 of the Ministry of Education and Training, schools will hold reading festivals for the people.";

}  // namespace

TEST_CASE("english: a press release's week, theme, opening, year and cited documents") {
    Record r = read(kPressRelease);
    REQUIRE(r.year.value);
    CHECK(*r.year.value == 2023);
    REQUIRE(r.week.value);
    CHECK(r.week.value->start.iso() == "2023-10-02");
    CHECK(r.week.value->end.iso() == "2023-10-08");
    CHECK_FALSE(r.week.uncertain());
    REQUIRE(r.theme.value);
    CHECK(*r.theme.value == "Building self-learning capacity in the digital era");
    REQUIRE(r.opening.value);
    CHECK(r.opening.value->date->iso() == "2023-10-02");
    REQUIRE(r.references.value);
    const auto& plan = r.references.value->front();
    CHECK(plan.type == "ke_hoach");
    CHECK(plan.number == "88/KH-SGDDT");
    REQUIRE(plan.date);
    CHECK(plan.date->iso() == "2023-09-20");
    // Cited by number alone, and said to be the Ministry's.
    REQUIRE(r.instruction.value);
    CHECK(r.instruction.value->number == "4733");
    CHECK(r.about_week.value);
}

TEST_CASE("english: a month with two days is a range; a text with no year keeps none") {
    Record r = read(
        "The commune's Lifelong Learning Week runs from October 1-7, with many activities for the people of "
        "the hamlets and the schools, and it is a time for every family to read together with their children.");
    REQUIRE(r.week.value);
    CHECK(r.week.value->start.iso() == "--10-01");
    CHECK(r.week.value->end.iso() == "--10-07");
    CHECK(r.week.uncertain());
}

TEST_CASE("english: Vietnamese text is not read as English") {
    std::string vi = fold_string(
        "Phòng máy 3 của trường được dùng cho Tuần lễ; tháng 10 năm 2023 các lớp học tập trung "
        "vào việc đọc sách và học tập suốt đời của cán bộ, giáo viên và học sinh toàn trường.");
    CHECK_FALSE(reads_as_english(vi));
    CHECK(find_dates(vi, 2023).empty());
    CHECK(reads_as_english(fold_string(kPressRelease)));
}

TEST_CASE("english: the year before the Week's name and a ceremony that 'will be opened'") {
    // A department's statement, not the news posts that showed the two forms: the
    // year is written only before the name, and the opening only as a verb.
    Record r = read(
        "The Department of Education and Training said the 2023 Lifelong Learning Week will be opened on "
        "October 2 at the provincial library, and that schools and the people are called on to take part in "
        "the activities of the week.");
    REQUIRE(r.year.value);
    CHECK(*r.year.value == 2023);
    REQUIRE(r.opening.value);
    CHECK(r.opening.value->date->iso() == "2023-10-02");
    // A year before another name is not the Week's.
    CHECK_FALSE(read("The 2023 Book Week of the library and the Lifelong Learning Week both ran in the province, "
                     "and the people of the city took part in them.")
                    .year.value);
}
