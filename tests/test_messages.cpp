// The message catalogue: both languages of every message, the same placeholders in
// each, and values inserted as they are.
#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/messages.h"
#include "rules/registry.h"
#include "rules/value.h"

using namespace congvan;

TEST_CASE("every message exists in Vietnamese and English with the same placeholders") {
    const auto& catalogue = message_catalogue();
    REQUIRE(catalogue.size() > 50);
    for (const auto& [key, text] : catalogue) {
        INFO(key);
        CHECK(!text.vi.empty());
        CHECK(!text.en.empty());
        auto vi = placeholders(text.vi), en = placeholders(text.en);
        std::sort(vi.begin(), vi.end());
        std::sort(en.begin(), en.end());
        CHECK(vi == en);
    }
}

TEST_CASE("a value is inserted as it is, even when it looks like a placeholder or a format") {
    Text t = message("theme-mismatch.differs", {{"year", "2022"}, {"diff", "{year} %s {}"}});
    CHECK(t.vi == "Chủ đề khác chủ đề của Bộ năm 2022: {year} %s {}");
    CHECK(t.en == "theme differs from the Ministry's 2022 theme: {year} %s {}");
}

TEST_CASE("an unknown key or a missing value is a programming mistake") {
    CHECK_THROWS_AS(message("no-such-message"), std::logic_error);
    CHECK_THROWS_AS(message("theme-mismatch.differs", {{"year", "2022"}}), std::logic_error);
}

TEST_CASE("typed values render in each language") {
    VnDate d{30, 10, 2022};
    CHECK(render(date_value(d)).vi == "30/10/2022");
    CHECK(render(date_value(d, Value::Kind::DateOnOrBefore)).en == "on or before 30/10/2022");
    CHECK(render(date_value(d, Value::Kind::DateOnOrBefore)).vi == "không muộn hơn 30/10/2022");
    CHECK(render(period_value(Week{{1, 10, 2022}, {7, 10, 2022}})).vi == "01/10/2022 – 07/10/2022");
    CHECK(render(weekday_value(7)).vi == "Chủ nhật");
    CHECK(render(weekday_value(1)).en == "Monday");
    CHECK(render(field_value("report_deadline")).vi == "hạn báo cáo");
    CHECK(render(rule_value(Value::Kind::EachPartOnce)).vi == "mỗi phần một lần");
    for (int k = 0; k <= static_cast<int>(Value::Kind::NoTypeCode); ++k) {
        auto kind = static_cast<Value::Kind>(k);
        CHECK(parse_kind(kind_name(kind)) == kind);
    }
}

TEST_CASE("Vietnamese output says nothing in English") {
    // Words of the English catalogue that must not appear in a Vietnamese text.
    for (const auto& [key, text] : message_catalogue()) {
        INFO(key);
        std::string words = text.vi;  // without its placeholders' names
        for (const auto& name : placeholders(text.vi)) words = words.replace(words.find("{" + name + "}"), name.size() + 2, "");
        for (const char* word : {" the ", " is ", " of ", "expected", "found", "confidence", "OCR"})
            CHECK(words.find(word) == std::string::npos);
    }
}
