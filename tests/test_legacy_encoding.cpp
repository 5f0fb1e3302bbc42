// Texts typed in TCVN3 (ABC) or VNI fonts (docs/legacy-encodings.md): told apart
// from Unicode, read into Unicode in text files (UTF-8 or 8-bit) and PDF text layers,
// and never passed as clean unread.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "tests/rule_helpers.h"
#include "text/legacy_encoding.h"
#include "text/normalize.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// A district's plan, another kind of document than any the tests hold in Unicode.
const char* kPlanTcvn3 =
    "UBND HUYÖN KIM S¥N\n"
    "KÕ HO¹CH\n"
    "Tæ chøc TuÇn lÔ h\xc2\xad\xc3\xabng øng häc tËp suèt ®êi n¨m 2024\n"
    "Chñ ®Ò cña TuÇn lÔ: \"Ph¸t triÓn v¨n hãa ®äc thóc ®Èy häc tËp\".\n"
    "TuÇn lÔ ®\xc2\xadîc tæ chøc tõ ngµy 01/10/2024 ®Õn ngµy 07/10/2024 trªn ®Þa bµn huyÖn.\n";

const char* kPlanVni =
    "KEÁ HOAÏCH\n"
    "Toå chöùc Tuaàn leã höôûng öùng hoïc taäp suoát ñôøi naêm 2024\n"
    "Chuû ñeà cuûa Tuaàn leã: \"Phaùt trieån vaên hoùa ñoïc thuùc ñaåy hoïc taäp suoát ñôøi\".\n"
    "Tuaàn leã ñöôïc toå chöùc töø ngaøy 01/10/2024 ñeán ngaøy 07/10/2024 treân ñòa baøn xaõ.\n";

// The same bytes as an old editor saved them: one byte a letter.
std::string eight_bit(const std::string& utf8) {
    std::string out;
    for (char32_t c : to_u32(utf8)) out += static_cast<char>(static_cast<unsigned char>(c));
    return out;
}

// A one-page PDF whose text layer holds these lines in WinAnsi (Latin-1) codes, as a
// document typeset in a TCVN3 font reads to any PDF reader.
std::string winansi_pdf(const std::vector<std::string>& lines) {
    std::string text = "BT /F1 11 Tf 14 TL 50 780 Td\n";
    for (const auto& l : lines) {
        std::string escaped;
        for (char c : eight_bit(l)) {
            if (c == '(' || c == ')' || c == '\\') escaped += '\\';
            escaped += c;
        }
        text += "(" + escaped + ") Tj T*\n";
    }
    text += "ET\n";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        fmt::format("<< /Length {} >>\nstream\n{}endstream", text.size(), text)};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    std::size_t xref = pdf.size();
    pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
    for (auto o : offsets) pdf += fmt::format("{:010d} 00000 n \n", o);
    pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
    return pdf;
}

}  // namespace

TEST_CASE("legacy encodings: TCVN3 and VNI are told from Unicode and read into it") {
    CHECK(legacy_encoding_of(kPlanTcvn3) == LegacyEncoding::Tcvn3);
    CHECK(legacy_encoding_of(kPlanVni) == LegacyEncoding::Vni);
    std::string tcvn3 = from_legacy(kPlanTcvn3, LegacyEncoding::Tcvn3);
    CHECK_THAT(tcvn3, Catch::Contains("Tuần lễ hưởng ứng học tập suốt đời năm 2024"));
    CHECK_THAT(tcvn3, Catch::Contains("KẾ HOẠCH"));  // a line in capitals stays in capitals
    CHECK_THAT(tcvn3, Catch::Contains("UBND HUYỆN KIM SƠN"));
    CHECK_THAT(from_legacy(kPlanVni, LegacyEncoding::Vni), Catch::Contains("Chủ đề của Tuần lễ: \"Phát triển văn hóa đọc"));
    // Unicode Vietnamese, and French or Spanish with their Latin-1 letters, are left alone.
    CHECK(legacy_encoding_of(tcvn3) == LegacyEncoding::None);
    CHECK(legacy_encoding_of("Le café est très bon à Paris, où la musée et la fête ont lieu en été. Señor, ¿qué tal?") ==
          LegacyEncoding::None);
}

TEST_CASE("legacy encodings: a TCVN3 or VNI plan is read and checked, in a text file and in a PDF layer") {
    Record from_text = extract_record(load_document_bytes(kPlanTcvn3, "plan-tcvn3.txt"));
    REQUIRE(from_text.theme.value);
    CHECK(*from_text.theme.value == "Phát triển văn hóa đọc thúc đẩy học tập");
    REQUIRE(from_text.week.value);
    CHECK(from_text.week.value->start.iso() == "2024-10-01");
    CHECK_THAT(from_text.warnings, Catch::VectorContains(std::string("page 1: text typed in TCVN3, read into Unicode")));
    // The theme drops the Ministry's last words: found, not a false clean.
    CHECK(findings_of(kPlanTcvn3, "theme-mismatch").size() == 1);
    // An 8-bit VNI file is read, not refused as "not UTF-8".
    Record from_bytes = extract_record(load_document_bytes(eight_bit(kPlanVni), "plan-vni.txt"));
    REQUIRE(from_bytes.year.value);
    CHECK(*from_bytes.year.value == 2024);
    CHECK(findings_of(kPlanVni, "theme-mismatch").empty());
    // A PDF typeset in a TCVN3 font.
    std::vector<std::string> lines;
    for (std::string_view rest = kPlanTcvn3; !rest.empty();) {
        auto end = rest.find('\n');
        lines.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    Document pdf = load_document_bytes(winansi_pdf(lines), "plan-tcvn3.pdf");
    REQUIRE_FALSE(pdf.pages.empty());
    CHECK(pdf.pages[0].legacy_encoding == "TCVN3");
    Record from_pdf = extract_record(pdf);
    REQUIRE(from_pdf.theme.value);
    CHECK(*from_pdf.theme.value == "Phát triển văn hóa đọc thúc đẩy học tập");
}
