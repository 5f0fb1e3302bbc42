// Evidence that wraps (docs/output.md, "Where a finding is"): a value that runs on to
// the next lines keeps the box of every line it spans, through extraction, the scan
// database and the HTML report, which boxes each line.
#include <catch2/catch.hpp>

#include <regex>

#include "fields/extractor.h"
#include "report/html_report.h"
#include "store/archive.h"
#include "store/finding_columns.h"

using namespace congvan;

namespace {

// A page of lines, each in a box 12 pt below the last.
Page page_of(const std::vector<std::string>& texts, double top = 40) {
    Page page;
    page.width = 595, page.height = 842;
    double y = top;
    for (const auto& text : texts) {
        Line l;
        l.text = text;
        l.bbox = BBox{60, y, 530, y + 10};
        l.source = PageSource::Ocr;
        page.lines.push_back(l);
        y += 12;
    }
    return page;
}

Document document_of(std::vector<Page> pages) {
    Document doc;
    doc.file = "report.pdf";
    doc.pages = std::move(pages);
    for (std::size_t i = 0; i < doc.pages.size(); ++i) doc.pages[i].number = static_cast<int>(i) + 1;
    return doc;
}

}  // namespace

TEST_CASE("a theme that wraps keeps the box of each line it runs on to", "[evidence]") {
    // A district's report (not a plan), the theme's quotation over two lines.
    Record r = extract_record(document_of({page_of({
        "ỦY BAN NHÂN DÂN HUYỆN AN LÃO",
        "BÁO CÁO",
        "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023",
        "Tuần lễ năm 2023 với chủ đề: \"Phát triển văn hóa đọc, xây dựng xã hội",
        "học tập\" được tổ chức từ ngày 02/10/2023 đến ngày 08/10/2023.",
        "Các đơn vị đã tham gia đầy đủ.",
    })}));
    REQUIRE(r.theme.evidence);
    CHECK(r.theme.evidence->line == 4);
    REQUIRE(r.theme.evidence->continued.size() == 1);
    CHECK(r.theme.evidence->continued[0].y0 == Approx(40 + 4 * 12));
    // A value on one line has no more boxes.
    REQUIRE(r.week.evidence);
    CHECK(r.week.evidence->continued.empty());
}

TEST_CASE("a citation that wraps is boxed on both lines, but never across a page", "[evidence]") {
    auto first = page_of({"Căn cứ Công văn số 2201/BGDĐT-GDTX ngày", "14 tháng 9 năm 2022 của Bộ Giáo dục và Đào tạo;"});
    Record r = extract_record(document_of({first}));
    REQUIRE(r.references.value);
    REQUIRE_FALSE(r.references.value->empty());
    const auto& cited = r.references.value->front();
    CHECK(cited.evidence.continued.size() == 1);

    // The same words with a page break between them: a box belongs to one page.
    auto end_of_page = page_of({"Căn cứ Công văn số 2201/BGDĐT-GDTX ngày"}, 780);
    auto next_page = page_of({"14 tháng 9 năm 2022 của Bộ Giáo dục và Đào tạo;"});
    Record split = extract_record(document_of({end_of_page, next_page}));
    REQUIRE(split.references.value);
    REQUIRE_FALSE(split.references.value->empty());
    const auto& across = split.references.value->front();
    CHECK(across.evidence.page == 1);
    CHECK(across.evidence.continued.empty());
}

TEST_CASE("the scan database's box column keeps every line's box and refuses a crafted one", "[evidence]") {
    Evidence f;
    f.bbox = BBox{1, 2, 3, 4};
    CHECK(box_column(f) == "[1.0,2.0,3.0,4.0]");  // one line: the column as schema 8 wrote it
    f.continued = {BBox{1, 14, 2.5, 18.125}};
    Evidence back;
    read_box_column(box_column(f), back);
    REQUIRE(back.bbox);
    CHECK(back.bbox->y1 == 4);
    REQUIRE(back.continued.size() == 1);
    CHECK(back.continued[0].y1 == Approx(18.13));

    for (const char* crafted : {"[\"a\",2,3,4]", "[[1,2,3],[1,2,3,4]]", "{}", "[[]]", "not json", "[{\"x\":1}]"}) {
        INFO(crafted);
        Evidence g;
        CHECK_NOTHROW(read_box_column(crafted, g));
        CHECK_FALSE(g.bbox);
        CHECK(g.continued.empty());
    }
}

TEST_CASE("the HTML report boxes every line of a wrapped evidence, its number once", "[evidence][html]") {
    Evidence e{1, 4, "Tuần lễ năm 2023 với chủ đề: …", BBox{60, 88, 530, 98}, 91, 4, 0, {BBox{60, 100, 300, 110}}};
    Finding f{"theme-mismatch", Severity::Error, Text{"khác", "differs"}, std::nullopt, std::nullopt, e};
    ReportDocument doc;
    doc.checked.file = "report.pdf";
    doc.checked.result.findings = {f};
    doc.pages = {PageView{1, 595, 842, "\xFF\xD8\xFF", {}}};
    std::string html = html_report({doc}, Language::Vietnamese);
    std::regex box(
        R"re(<div class="box" data-finding="d1-f1" style="left: ([\d.]+)%; top: ([\d.]+)%[^"]*">(<span class="number">1</span>)?</div>)re");
    std::vector<std::smatch> boxes(std::sregex_iterator(html.begin(), html.end(), box), std::sregex_iterator());
    REQUIRE(boxes.size() == 2);
    CHECK(std::stod(boxes[0][2].str()) == Approx(100 * 88 / 842.0).margin(0.01));
    CHECK(boxes[0][3].matched);
    CHECK(std::stod(boxes[1][2].str()) == Approx(100 * 100 / 842.0).margin(0.01));
    CHECK_FALSE(boxes[1][3].matched);
}
