// The HTML report, opened by a real browser: Debian's headless Chromium reads the
// file as an auditor's browser would (no server, no network).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "browser.h"
#include "congvan_version.h"
#include "helpers.h"

using namespace congvan::test;

namespace {

std::string report_of(const std::vector<std::string>& files, const std::string& name, const std::vector<std::string>& more = {}) {
    std::string out = own_dir("congvan-html") + "/" + name;
    std::vector<std::string> args{"check", "--format", "html", "-o", out};
    args.insert(args.end(), more.begin(), more.end());
    args.insert(args.end(), files.begin(), files.end());
    auto r = run_congvan(args);
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return out;
}

}  // namespace

TEST_CASE("the HTML report shows every finding that check finds, in Chromium", "[fixtures][html][browser]") {
    std::vector<std::string> files{sample("gia-lai-2020-ke-hoach.txt"), sample("hung-yen-2021-bao-cao.txt"),
                                   fixture("bac-kan-2022-ke-hoach.pdf")};
    auto jsonl = run_congvan(std::vector<std::string>{"check", "--format", "jsonl", files[0], files[1], files[2]});
    std::size_t findings = 0;
    for (const auto& doc : jsonl_documents(jsonl.out)) findings += doc["findings"].size();
    REQUIRE(findings > 0);
    std::string dom = dom_of(report_of(files, "three.html"));
    CHECK(count_of(dom, "<div class=\"finding ") == findings);
    CHECK(count_of(dom, "<section class=\"document\"") == 3);
    CHECK_THAT(dom, Catch::Contains("Báo cáo kiểm tra văn bản"));
    auto english = dom_of(report_of(files, "three-en.html", {"--lang", "en"}));
    CHECK_THAT(english, Catch::Contains("Document audit report") && Catch::Contains("Findings"));
}

TEST_CASE("a document's hostile text is shown as text in the report, and nothing of it runs", "[fixtures][html][browser]") {
    std::string text = read_text_file(sample("lao-cai-2022-cong-van.txt"));
    std::string hostile =
        "<script>document.title='pwned'</script> <img src=x onerror=\"document.title='pwned'\"> "
        "\"><svg onload=\"document.title='pwned'\">";
    text = with_replaced(text, "Thúc đẩy chuyển đổi số phục vụ cho học tập suốt đời sau đại dịch Covid-19.", hostile);
    std::string file = own_dir("congvan-html-hostile") + "/<img src=y onerror=alert(1)>.txt";
    std::ofstream(file) << text;
    std::string report = report_of({file}, "hostile.html");
    std::string html = read_text_file(report);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;document.title=&apos;pwned&apos;&lt;/script&gt;"));
    std::string dom = dom_of(report);
    CHECK(dom.find("pwned</title>") == std::string::npos);
    CHECK_THAT(dom, Catch::Contains("<title>Báo cáo kiểm tra văn bản</title>"));
    CHECK(dom.find("<img src=\"x\"") == std::string::npos);
    CHECK(dom.find("<img src=\"y\"") == std::string::npos);
    CHECK_THAT(dom, Catch::Contains("&lt;img src=y onerror=alert(1)&gt;.txt"));
}

TEST_CASE("a scan's report draws the page with the evidence boxed where OCR read the words", "[fixtures][html][ocr][browser]") {
    std::string scan = fixture("bac-kan-2022-ke-hoach.scan.pdf");  // its opening lies outside the Week
    std::string report = report_of({scan}, "scan.html");
    std::string html = read_text_file(report);
    // Each box, as the page's percentages, and the finding it marks.
    std::regex box_pattern(R"re(data-finding="(d1-f\d+)" style="left: ([\d.]+)%; top: ([\d.]+)%; width: ([\d.]+)%; height: ([\d.]+)%")re");
    auto boxes = std::sregex_iterator(html.begin(), html.end(), box_pattern);
    REQUIRE(boxes != std::sregex_iterator());
    CHECK_THAT(html, Catch::Contains("data:image/jpeg;base64,/9j/"));  // a JPEG's first bytes

    // The boxes of the lines as `congvan text` reads them (OCR again, the same engine).
    auto check = run_congvan({"check", "--format", "jsonl", scan});
    auto findings = jsonl_documents(check.out).at(0)["findings"];
    auto pages = jsonl_documents(run_congvan({"text", "--format", "jsonl", scan}).out).at(0)["pages"];
    std::map<std::string, std::size_t> seen;  // a wrapped evidence has a box per line
    for (auto it = boxes; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const auto& evidence = findings.at(std::stoi(m[1].str().substr(4)) - 1)["evidence"];
        INFO(evidence.dump());
        const auto& page = pages.at(evidence["page"].get<int>() - 1);
        double width = page["width"].get<double>(), height = page["height"].get<double>();
        std::size_t k = seen[m[1].str()]++;
        auto box = (k == 0 ? evidence["bbox"] : evidence.at("continued_bboxes").at(k - 1)).get<std::vector<double>>();
        CHECK(std::stod(m[2].str()) == Approx(100 * box[0] / width).margin(0.01));
        CHECK(std::stod(m[3].str()) == Approx(100 * box[1] / height).margin(0.01));
        if (k > 0) continue;
        CHECK(std::stod(m[4].str()) == Approx(100 * (box[2] - box[0]) / width).margin(0.01));
        CHECK(std::stod(m[5].str()) == Approx(100 * (box[3] - box[1]) / height).margin(0.01));
        // The box lies over the words of the evidence's line, as OCR placed them.
        auto words = page["lines"].at(evidence["page_line"].get<int>() - 1)["bbox"].get<std::vector<double>>();
        CHECK(box[0] >= words[0] - 1);
        CHECK(box[1] >= words[1] - 1);
        CHECK(box[2] <= words[2] + 1);
        CHECK(box[3] <= words[3] + 1);
        CHECK(box[2] - box[0] > 0.2 * (words[2] - words[0]));
    }

    // Chromium draws it: the screenshot holds the page's ink and the box's red.
    std::string png = own_dir("congvan-html-shot") + "/shot.png";
    auto shot = chromium({"--screenshot=" + png, "--window-size=1000,2600", "--hide-scrollbars", "file://" + report});
    REQUIRE(std::filesystem::exists(png));
    auto pixels = run_program({"/usr/bin/python3", "-c",
                               "import sys; from PIL import Image\n"
                               "im = Image.open(sys.argv[1]).convert('RGB'); px = list(im.getdata())\n"
                               "red = sum(1 for r, g, b in px if r > 200 and g < 60 and b < 60)\n"
                               "ink = sum(1 for r, g, b in px if r < 90 and g < 90 and b < 90)\n"
                               "print(red, ink)",
                               png});
    std::istringstream counts(pixels.out);
    long red = 0, ink = 0;
    counts >> red >> ink;
    CHECK(red > 200);
    CHECK(ink > 2000);
}

TEST_CASE("the report reads right: the context in a face with every Vietnamese letter, the correction the right way round",
          "[html][browser]") {
    // The context's first face covers every Vietnamese letter (fontconfig says which
    // faces do): a face without them has Chromium borrow marks from another.
    std::ifstream css_in(CONGVAN_SOURCE_DIR "/report/html/style.css");
    std::string css((std::istreambuf_iterator<char>(css_in)), std::istreambuf_iterator<char>());
    std::smatch m;
    REQUIRE(std::regex_search(css, m, std::regex(R"re(\.context \{ font-family: "([^"]+)")re")));
    std::string letters = "1ea0-1ef9 103 102 e2 c2 111 110 ea ca f4 d4 1a1 1a0 1b0 1af";
    auto faces = run_program({"/usr/bin/fc-list", ":charset=" + letters, "family"});
    CHECK_THAT(faces.out, Catch::Contains(m[1].str()));
    // A plan whose theme drops two words and changes one: the document's words are
    // struck as it wrote them (its capitals and quote), the Ministry's inserted.
    std::string plan = own_dir("congvan-html-diff") + "/plan.txt";
    std::string text = read_text_file(sample("bac-kan-2022-ke-hoach.txt"));
    std::string theme = "“Thúc đẩy chuyển đổi số phục vụ cho học tập";
    REQUIRE(text.find(theme) != std::string::npos);
    text.replace(text.find(theme), theme.size(), "“THÚC ĐẨY chuyển đổi số phục vụ tốt HỌC TẬP");
    std::ofstream(plan) << text;
    std::string report = report_of({plan}, "diff.html");
    std::string dom = dom_of(report);
    REQUIRE(std::regex_search(dom, m, std::regex(R"(<p class="diff">([^]*?)</p>)")));
    std::string diff = m[1].str();
    INFO(diff);
    CHECK_THAT(diff, Catch::StartsWith("THÚC ĐẨY chuyển đổi số phục vụ <del>tốt</del> <ins>cho</ins> HỌC TẬP"));
    // What the normalisation holds the same ("COVID -19" = "COVID-19") is not marked.
    CHECK(diff.find("COVID") != std::string::npos);
    CHECK(diff.find("<del>COVID") == std::string::npos);
    std::string shot = own_dir("congvan-html-diff") + "/diff.png";
    chromium({"--screenshot=" + shot, "--window-size=1000,1600", "--hide-scrollbars", "file://" + report});
    CHECK(std::filesystem::exists(shot));  // kept in the test's folder, to look at
}

TEST_CASE("the report links a citation to the document of the run it names, and says where it names none", "[html][browser]") {
    // A district's report citing its Department's dispatch (checked with it) and the
    // province's plan (not): the chain of instructions, another kind than a plan's.
    std::string dispatch = test_data("chain/so-cong-van-250.txt");
    std::string report = test_data("chain/huyen-bao-cao-88.txt");
    std::string dom = dom_of(report_of({dispatch, report}, "chain.html", {"--lang", "en"}));
    // The sections are in the order the files were given: the dispatch is d1.
    std::regex cites(R"re(Cites</th><td>250/SGDĐT-GDTX, 2023-09-15: is <a href="#d1">[^<]*so-cong-van-250\.txt</a>)re");
    CHECK(std::regex_search(dom, cites));
    CHECK_THAT(dom, Catch::Contains("61/KH-UBND, 2023-09-20: <span class=\"muted\">not among the files checked</span>"));
    std::regex cited_by(R"re(Cited by</th><td><a href="#d2">[^<]*huyen-bao-cao-88\.txt</a> \(250/SGDĐT-GDTX\))re");
    CHECK(std::regex_search(dom, cited_by));
}
