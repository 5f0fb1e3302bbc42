// Word drafts (.docx): read into the same document model as a PDF, each line with
// the style of its runs and the page with its section's paper and margins. The
// drafts are tools/make_docx.py's (python-docx, as Word writes them); the small
// packages here are written part by part with libzip, to say exactly what is in them.
#include <zip.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "helpers.h"
#include "reading/loader.h"
#include "rule_helpers.h"
#include "rules/registry.h"

using namespace congvan;
using namespace congvan::test;

namespace {

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A .docx of these parts (name → XML), written with libzip.
std::string docx_of(const std::vector<std::pair<std::string, std::string>>& parts, const std::string& name) {
    std::string path = fresh_temp_dir("congvan-docx-" + name) + "/" + name + ".docx";
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip);
    for (const auto& [part, xml] : parts) {
        zip_source_t* source = zip_source_buffer(zip, xml.data(), xml.size(), 0);
        REQUIRE(zip_file_add(zip, part.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);  // the buffers are read here, while `parts` lives
    return path;
}

std::string body(const std::string& content) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" + content + "</w:body></w:document>";
}

const Line* line_with(const Page& page, const std::string& text) {
    for (const auto& line : page.lines)
        if (line.text.find(text) != std::string::npos) return &line;
    return nullptr;
}

}  // namespace

TEST_CASE("a Word draft: its header table as two columns, each run's style through Word's cascade, its paper", "[fixtures]") {
    auto doc = load_document(fixture("quang-tri-2021-cong-van.docx"));
    CHECK(doc.kind == DocumentKind::Docx);
    REQUIRE(doc.pages.size() == 1);
    const Page& page = doc.pages[0];
    REQUIRE(page.setup);
    CHECK(page.setup->width == Approx(595.3).margin(0.5));  // A4, 210 × 297 mm
    CHECK(page.setup->height == Approx(841.9).margin(0.5));
    CHECK(page.setup->top == Approx(56.7).margin(0.5));    // 20 mm
    CHECK(page.setup->left == Approx(85.0).margin(0.5));   // 30 mm
    CHECK(page.setup->right == Approx(42.5).margin(0.5));  // 15 mm
    CHECK(page.setup->numbered);

    const Line* body_line = line_with(page, "UBND tỉnh");
    const Line* motto = line_with(page, "Độc lập - Tự do - Hạnh phúc");
    const Line* place_date = line_with(page, "Quảng Trị, ngày 15 tháng 9 năm 2021");
    const Line* issuer = line_with(page, "ỦY BAN NHÂN DÂN");
    REQUIRE(body_line);
    REQUIRE(motto);
    REQUIRE(place_date);
    REQUIRE(issuer);
    CHECK(issuer->column == 1);
    CHECK(motto->column == 2);
    CHECK(body_line->column == 0);
    REQUIRE(motto->spans.size() == 1);
    CHECK(motto->spans[0].length == motto->text.size());
    CHECK(motto->spans[0].style.font == "Times New Roman");
    CHECK(motto->spans[0].style.size_pt == 13);
    CHECK(motto->spans[0].style.bold);
    CHECK(place_date->spans.at(0).style.italic);
    CHECK_FALSE(place_date->spans.at(0).style.bold);
    // The body's size is the Normal style's, not the run's.
    REQUIRE(!body_line->spans.empty());
    CHECK(body_line->spans[0].style.size_pt == 14);
    CHECK(body_line->spans[0].style.font == "Times New Roman");
    CHECK_FALSE(body_line->spans[0].style.bold);

    auto arial = load_document(fixture("quang-tri-2021-cong-van.arial.docx"));
    const Line* arial_motto = line_with(arial.pages.at(0), "Độc lập - Tự do - Hạnh phúc");
    REQUIRE(arial_motto);
    CHECK(arial_motto->spans.at(0).style.font == "Arial");
    CHECK(arial_motto->spans.at(0).style.size_pt == 12);
    CHECK(arial.pages[0].setup->width == Approx(612).margin(0.5));  // Letter, 8.5 in
}

TEST_CASE("a Word paragraph: runs joined, a break starts a line, a tracked deletion is not text, styles from basedOn", "[docx]") {
    std::string styles =
        std::string("<?xml version=\"1.0\"?><w:styles ") + kW +
        "><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\"/><w:sz w:val=\"28\"/>"
        "</w:rPr></w:rPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:basedOn w:val=\"Strong\"/><w:rPr><w:sz w:val=\"26\"/></w:rPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Strong\"><w:basedOn w:val=\"Title\"/><w:rPr><w:b/></w:rPr></w:style>"
        "</w:styles>";
    std::string document = body(
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Tổ chức </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Tuần lễ</w:t></w:r>"
        "<w:del><w:r><w:delText>xoá</w:delText><w:t>xoá</w:t></w:r></w:del>"
        "<w:r><w:t xml:space=\"preserve\"> năm</w:t><w:br/><w:t>2022</w:t><w:tab/><w:t>hết</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>TRÁI</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>PHẢI</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>");
    auto doc = load_document(docx_of({{"word/document.xml", document}, {"word/styles.xml", styles}}, "parts"));
    const auto& lines = doc.pages.at(0).lines;
    std::vector<std::string> texts;
    for (const auto& l : lines) texts.push_back(l.text);
    CHECK(texts == std::vector<std::string>{"KẾ HOẠCH", "Tổ chức Tuần lễ năm", "2022 hết", "TRÁI", "PHẢI", "lồng"});
    // The title: 13 pt from its own style, bold from the style it is based on (the
    // loop back to Title ends), the face from the defaults.
    REQUIRE(lines[0].spans.size() == 1);
    CHECK(lines[0].spans[0].style.size_pt == 13);
    CHECK(lines[0].spans[0].style.bold);
    CHECK(lines[0].spans[0].style.font == "Times New Roman");
    // Three runs on the second line: where each lands in the cleaned text.
    REQUIRE(lines[1].spans.size() == 3);
    CHECK(lines[1].text.substr(lines[1].spans[1].offset, lines[1].spans[1].length) == "Tuần lễ");
    CHECK(lines[1].spans[1].style.italic);
    CHECK_FALSE(lines[1].spans[0].style.italic);
    CHECK(lines[1].spans[0].style.size_pt == 14);
    CHECK(lines[3].column == 1);
    CHECK(lines[4].column == 2);
    CHECK_FALSE(doc.pages[0].setup);  // no section: nothing said
}

TEST_CASE("Word files congvan cannot read are refused in one line that says why and what to do", "[docx]") {
    auto dir = fresh_temp_dir("congvan-docx-bad");
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
        return dir + "/" + name;
    };
    std::string legacy = write("old.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
    std::string odt =
        write("draft.odt", std::string("PK\x03\x04", 4) + std::string(26, '\0') + "mimetypeapplication/vnd.oasis.opendocument.text");
    std::string good = read_text_file(docx_of({{"word/document.xml", body("<w:p><w:r><w:t>x</w:t></w:r></w:p>")}}, "whole"));
    std::string truncated = write("truncated.docx", good.substr(0, good.size() / 2));
    std::string other_zip = docx_of({{"notes.txt", "word/document.xml is named here but is not a part"}}, "other");
    std::string huge(65u << 20, ' ');
    std::string bomb = docx_of({{"word/document.xml", huge}}, "bomb");
    std::string broken_xml = docx_of({{"word/document.xml", "<w:document><w:body><w:p>"}}, "broken-xml");
    auto r = run_congvan({"text", "--lang", "en", legacy, odt, truncated, other_zip, bomb, broken_xml});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(legacy + ": a legacy Word file (.doc) cannot be read: save it as .docx"));
    CHECK_THAT(r.err, Catch::Contains(odt + ": an OpenDocument text (.odt) cannot be read: save it as .docx"));
    CHECK_THAT(r.err, Catch::Contains(truncated + ": a damaged Word file: its ZIP package cannot be opened"));
    CHECK_THAT(r.err, Catch::Contains(other_zip + ": a ZIP archive that is not a Word document"));
    CHECK_THAT(r.err, Catch::Contains(bomb + ": the Word file's word/document.xml is too large once unpacked (limit 64 MiB)"));
    CHECK_THAT(r.err, Catch::Contains(broken_xml + ": a damaged Word file: its word/document.xml is not well-formed XML"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 6);
    auto vi = run_congvan({"text", legacy});
    CHECK_THAT(vi.err, Catch::Contains("tệp Word cũ (.doc) không đọc được"));
}

TEST_CASE("a Word draft is checked as its text is, in every output format", "[fixtures]") {
    for (const char* name : {"quang-tri-2021-cong-van", "hung-yen-2021-bao-cao", "lao-cai-2022-cong-van"}) {
        INFO(name);
        auto rules_of = [](const std::string& stream) {
            std::multiset<std::string> rules;
            for (const auto& doc : jsonl_documents(stream))
                for (const auto& f : doc["findings"]) rules.insert(f["rule"].get<std::string>());
            return rules;
        };
        std::string draft = fixture(std::string(name) + ".docx");
        // A draft is always proof-read; its text is when asked (docs/precision.md).
        auto from_text = rules_of(run_congvan({"check", "--proofread", "--format", "jsonl", sample(std::string(name) + ".txt")}).out);
        auto from_draft = rules_of(run_congvan({"check", "--format", "jsonl", draft}).out);
        CHECK(from_draft == from_text);
        for (const char* format : {"text", "json", "sarif", "csv", "html"}) {
            auto r = run_congvan({"check", "--format", format, draft});
            INFO(format << ": " << r.err);
            CHECK(r.exit_code <= 1);
            CHECK(r.err.empty());
            CHECK(!r.out.empty());
        }
    }
}

TEST_CASE("every Decree 30 rule fires alone on a Word draft with its one fault, and none on the correct drafts", "[fixtures]") {
    auto nd30_rules_of = [](const std::string& path) {
        std::set<std::string> rules;
        for (const auto& f : check_file(path).findings)
            if (f.rule.rfind("nd30-", 0) == 0) rules.insert(f.rule);
        return rules;
    };
    const std::vector<std::string> drafts{"nghe-an-2024-ke-hoach", "quang-tri-2021-cong-van"};
    for (const auto& name : drafts) {
        INFO(name);
        CHECK(nd30_rules_of(fixture(name + ".docx")).empty());
    }
    int rules = 0;
    for (const auto& rule : RuleRegistry::instance().rules()) {
        std::string id = rule->id();
        if (id.rfind("nd30-", 0) != 0) continue;
        ++rules;
        INFO(id);
        auto draft = std::find_if(drafts.begin(), drafts.end(),
                                  [&](const std::string& name) { return std::filesystem::exists(fixture(name + "." + id + ".docx")); });
        REQUIRE(draft != drafts.end());  // tools/make_docx.py writes a fault for every nd30- rule
        CHECK(nd30_rules_of(fixture(*draft + "." + id + ".docx")) == std::set<std::string>{id});
    }
    CHECK(rules >= 12);
}
