#include <catch2/catch.hpp>

#include "text/normalize.h"

using namespace congvan;

TEST_CASE("tone marks go where the project's canonical placement puts them") {
    CHECK(canonical_tones("hòa") == canonical_tones("hoà"));
    CHECK(canonical_tones("thúy") == "thuý");
    CHECK(canonical_tones("khỏe") == "khoẻ");
    CHECK(canonical_tones("Hoá") == "Hoá");
    CHECK(canonical_tones("hoàng") == "hoàng");  // closed syllable: on the last vowel
    CHECK(canonical_tones("toán") == "toán");
    CHECK(canonical_tones("quý") == "quý");    // u of qu is a consonant
    CHECK(canonical_tones("giữa") == "giữa");  // horn decides
    CHECK(canonical_tones("người") == "người");
    CHECK(canonical_tones("CỘNG HÒA") == "CỘNG HOÀ");
}

// docs/document-conventions.md, "What is not a difference".
TEST_CASE("comparison keys ignore what docs/document-conventions.md says is not a difference") {
    CHECK(comparison_key("Cộng hòa") == comparison_key("CỘNG HOÀ"));
    CHECK(comparison_key("kỷ nguyên") == comparison_key("kỉ nguyên"));
    CHECK(comparison_key("lý") == comparison_key("lí"));
    CHECK(comparison_key("sau đại dịch COVID -19") == comparison_key("sau đại dịch Covid-19."));
    CHECK(comparison_key("“Xây dựng  năng lực”") == comparison_key("xây dựng năng lực"));
    CHECK(comparison_key("**Thúc đẩy**") == "thúc đẩy");
}

TEST_CASE("comparison keys keep real word differences") {
    CHECK(comparison_key("sau đại dịch") != comparison_key("sau dịch"));
    CHECK(comparison_key("thuý") != comparison_key("thuỳ"));
    CHECK(comparison_key("ký") != comparison_key("kỹ"));
    CHECK(comparison_words("Thúc đẩy chuyển đổi số").size() == 5);
}

TEST_CASE("folding is accent- and case-insensitive and keeps offsets") {
    auto folded = fold("Chủ đề: “Xây”");
    CHECK(folded.folded == "chu de: \"xay\"");
    REQUIRE(folded.origin.size() == folded.folded.size() + 1);
    CHECK(folded.origin[4] == 6);  // "Chủ " is 6 bytes: ủ takes 3
    CHECK(fold_string("ĐẮK LẮK Ðắk") == "dak lak dak");
}

TEST_CASE("lines are cleaned of odd spaces and OCR's look-alike Đ") {
    CHECK(clean_line("  Số:\u00a0\u00a0 /UBND-VX \t") == "Số: /UBND-VX");
    CHECK(clean_line("\u00d0ắk Lắk") == "Đắk Lắk");
    CHECK(clean_line("Chủ đề\x1b[2J\x07 mới\u0085") == "Chủ đề[2J mới");  // no escape reaches a terminal
}

TEST_CASE("names sort in Vietnamese alphabetical order: Đ after D, ă after a, tones second", "[normalize]") {
    std::vector<std::string> names{"Gia Lai", "Đắk Lắk", "Điện Biên", "Bắc Kạn", "Bà Rịa", "Đà Nẵng", "Cà Mau", "Dương"};
    sort_vietnamese(names);
    CHECK(names == std::vector<std::string>{"Bà Rịa", "Bắc Kạn", "Cà Mau", "Dương", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Gia Lai"});
}

TEST_CASE("printable: a bidirectional override in a file name is shown, not obeyed") {
    CHECK(printable("báo cáo\u202Efdp.exe") == "báo cáo\\u202efdp.exe");
    CHECK(printable("\u2066x\u2069") == "\\u2066x\\u2069");
    CHECK(printable("Học tập – suốt đời") == "Học tập – suốt đời");  // an en dash is text
}
