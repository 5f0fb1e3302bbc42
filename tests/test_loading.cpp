// Real Poppler on the text-layer and mixed PDFs made from the seeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "helpers.h"
#include "reading/loader.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("text-layer PDFs of the seeds give back their text", "[fixtures]") {
    for (const auto& name : kSeedNames) {
        auto truth = flat_text(load_document(sample(name + ".txt")));
        auto pdf = load_document(fixture(name + ".pdf"));
        double cer = character_error_rate(truth, flat_text(pdf));
        INFO(name << " CER " << cer * 100 << " %");
        CHECK(cer <= 0.005);
        for (const auto& page : pdf.pages) CHECK(page.source == PageSource::Text);
    }
}

TEST_CASE("every page of a text-layer PDF is read from its layer, even a page with only a name", "[fixtures]") {
    for (const auto& entry : std::filesystem::directory_iterator(samples_dir())) {
        auto doc = load_document(fixture(entry.path().stem().string() + ".pdf"));
        for (const auto& page : doc.pages) {
            INFO(entry.path().filename() << " page " << page.number);
            CHECK(page.source == PageSource::Text);
        }
    }
}

TEST_CASE("text-layer lines carry boxes in points with the origin at the top left", "[fixtures]") {
    auto pdf = load_document(fixture("hung-yen-2021-bao-cao.pdf"));
    REQUIRE(!pdf.pages.empty());
    const auto& page = pdf.pages[0];
    CHECK(page.width == Approx(595.3).margin(1));
    CHECK(page.height == Approx(841.9).margin(1));
    REQUIRE(page.lines.size() > 3);
    const auto& first = page.lines[0];
    REQUIRE(first.bbox);
    CHECK(first.text == "Số: 2005/BC-SGDĐT");
    CHECK(first.bbox->y0 < 100);  // the first line is near the top, not the bottom
    CHECK(first.bbox->x0 == Approx(56.7).margin(2));
    CHECK(page.lines[1].bbox->y0 > first.bbox->y0);
}

TEST_CASE("a mixed PDF takes the text layer on page 1 and OCR on page 2", "[fixtures][ocr]") {
    TaskPool pool(2);
    LoadOptions options;
    options.pool = &pool;
    auto doc = load_document(fixture("dak-lak-2023-ke-hoach.mixed.pdf"), options);
    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[0].source == PageSource::Text);
    CHECK(doc.pages[1].source == PageSource::Ocr);
    auto text_page = load_document(fixture("dak-lak-2023-ke-hoach.pdf")).pages[1];
    std::string truth, ocr;
    for (const auto& l : text_page.lines) truth += l.text + ' ';
    for (const auto& l : doc.pages[1].lines) ocr += l.text + ' ';
    CHECK(character_error_rate(collapse_whitespace(truth), collapse_whitespace(ocr)) < 0.03);
}

TEST_CASE("a PDF with bytes after its %%EOF is read as pdftotext reads it; one with no %%EOF is refused", "[fixtures]") {
    // A dispatch's PDF (another kind than the plan that showed it) with a mail
    // gateway's trailer of 8 KB after its end.
    std::string pdf = read_text_file(fixture("lao-cai-2022-cong-van.pdf"));
    Document whole = load_document_bytes(pdf, "dispatch.pdf");
    std::string trailer(8192, '\0');
    for (std::size_t i = 0; i < trailer.size(); ++i) trailer[i] = static_cast<char>('A' + i % 26);
    Document trailed = load_document_bytes(pdf + trailer, "dispatch.pdf");
    CHECK(flat_text(trailed) == flat_text(whole));
    // pdftotext reads the same file, trailer and all.
    std::string path = fresh_temp_dir("congvan-eof") + "/dispatch.pdf";
    std::ofstream(path, std::ios::binary) << pdf + trailer;
    auto pdftotext = run_program({"/usr/bin/pdftotext", path, "-"});
    CHECK(pdftotext.exit_code == 0);
    CHECK_THAT(pdftotext.out, Catch::Contains("LÀO CAI"));
    CHECK_THAT(flat_text(trailed), Catch::Contains("LÀO CAI"));
    // Cut before its end: refused, not read as a shorter document.
    CHECK_THROWS_AS(load_document_bytes(pdf.substr(0, pdf.rfind("%%EOF")), "cut.pdf"), LoadError);
}

// A pool of n workers runs n bodies at once, its caller included: a pool made for
// "two threads" that ran one (the count taken as extra threads) read a lone
// document's pages one after another at -j2 (bench/bench_long_scan.sh found it).
TEST_CASE("a task pool of two runs two bodies at the same time, the caller being one") {
    TaskPool pool(2);
    std::mutex m;
    std::condition_variable cv;
    int arrived = 0;
    bool met = true;
    pool.parallel_for(2, [&](std::size_t) {
        std::unique_lock lock(m);
        ++arrived;
        cv.notify_all();
        // Each waits for the other: only two threads at once get both past here.
        if (!cv.wait_for(lock, std::chrono::seconds(10), [&] { return arrived == 2; })) met = false;
    });
    CHECK(met);
    CHECK(pool.workers() == 1);  // one started, the caller the other
}

// One file and two jobs: its process reads two pages at a time (isolation/batch.h;
// the speed is bench/bench_long_scan.sh's), and still gives its pages in order.
TEST_CASE("text of one scanned document at -j2 gives what -j1 gives, page for page", "[fixtures][ocr]") {
    std::string scan = fixture("bac-kan-2022-ke-hoach.scan.pdf");
    auto one = run_congvan({"text", "-j", "1", scan});
    auto two = run_congvan({"text", "-j", "2", scan});
    REQUIRE(one.exit_code == 0);
    CHECK(two.exit_code == 0);
    CHECK(two.out == one.out);
    CHECK(std::count(one.out.begin(), one.out.end(), '\f') >= 2);  // a form feed ends each page
}
