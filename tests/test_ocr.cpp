// Real Tesseract on degraded scans of the seeds (tools/make_fixtures.py).
#include <catch2/catch.hpp>

#include "helpers.h"
#include "reading/loader.h"
#include "reading/ocr.h"
#include "reading/pix.h"

using namespace congvan;
using namespace congvan::test;

// Measured on these fixtures with the `Vietnamese` model and Leptonica deskew
// (2026-11): 0.09 % to 0.63 % per seed, the tables and signature blocks costing
// most. The bound is a little over twice the worst seed: it leaves room for
// Tesseract's run-to-run layout differences, not for a broken pipeline.
constexpr double kScanCerBound = 0.015;

TEST_CASE("degraded scans of the seeds are read with a bounded character error rate", "[fixtures][ocr]") {
    for (const auto& name : kSeedNames) {
        auto truth = flat_text(load_document(sample(name + ".txt")));
        const auto& scan = scanned_seed(name);
        double cer = character_error_rate(truth, flat_text(scan));
        INFO(name << " CER " << cer * 100 << " %");
        CHECK(cer < kScanCerBound);
        for (const auto& page : scan.pages) {
            CHECK(page.source == PageSource::Ocr);
            REQUIRE(!page.lines.empty());
            CHECK(page.lines[0].bbox.has_value());
            CHECK(page.lines[0].confidence > 50);
        }
    }
}

TEST_CASE("an image is OCR'd as a one-page document", "[fixtures][ocr]") {
    auto doc = load_document(fixture("hung-yen-2021-bao-cao.scan.png"));
    CHECK(doc.kind == DocumentKind::Png);
    REQUIRE(doc.pages.size() == 1);
    CHECK(doc.pages[0].source == PageSource::Ocr);
    CHECK(doc.pages[0].width == Approx(595.3).margin(2));
    auto text = flat_text(doc);
    CHECK_THAT(text, Catch::Contains("2005/BC-SGD"));
    CHECK_THAT(text, Catch::Contains("ngày 27 tháng 10 năm 2021"));
}

TEST_CASE("a page without a dark pixel is not given to Tesseract; a page with one dot is", "[ocr]") {
    for (int depth : {1, 8, 32}) {
        INFO(depth << " bits a pixel");
        PixPtr page(pixCreate(1240, 1754, depth));
        pixSetAll(page.get());  // white for 8 and 32 bits, black for 1
        if (depth == 1) pixClearAll(page.get());
        CHECK_FALSE(has_ink(page.get()));
        CHECK(recognize_words(page.get(), 0.48).empty());
        pixSetPixel(page.get(), 600, 900, depth == 1 ? 1 : 0);
        CHECK(has_ink(page.get()));
    }
}

TEST_CASE("a multi-page TIFF is read page by page, each page where its directory says", "[fixtures][ocr]") {
    PixPtr first(pixRead(fixture("bac-kan-2022-ke-hoach.scan.png").c_str()));
    PixPtr third(pixRead(fixture("hung-yen-2021-bao-cao.scan.png").c_str()));
    REQUIRE(first);
    REQUIRE(third);
    PixPtr blank(pixCreateTemplate(first.get()));
    pixSetAll(blank.get());
    std::unique_ptr<Pixa, void (*)(Pixa*)> pages(pixaCreate(3), [](Pixa* p) { pixaDestroy(&p); });
    for (Pix* page : {first.get(), blank.get(), third.get()}) pixaAddPix(pages.get(), page, L_CLONE);
    std::string tiff = fresh_temp_dir("congvan-tiff") + "/three.tif";
    REQUIRE(pixaWriteMultipageTiff(tiff.c_str(), pages.get()) == 0);
    auto doc = load_document(tiff);
    REQUIRE(doc.pages.size() == 3);
    auto text_of = [&](std::size_t i) {
        std::string text;
        for (const auto& line : doc.pages[i].lines) text += line.text + "\n";
        return text;
    };
    CHECK_THAT(text_of(0), Catch::Contains("4342/BGDĐT-GDTX"));
    CHECK(doc.pages[1].lines.empty());
    CHECK_THAT(text_of(2), Catch::Contains("2005/BC-SGD"));
    CHECK(doc.pages[2].number == 3);
}
