// A scanned page's own image is decoded for OCR only when the page is that image and
// nothing more; every other page is rendered (reading/scan_image.h).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "helpers.h"
#include "reading/scan_image.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// A one-page PDF of `page_pt` × `page_pt` points whose page draws `content` with the
// images Im0 (the scan) and Im1 (an emblem) available.
struct ImageSpec {
    ImageSpec(int width, int height, std::string colour_space = "/DeviceGray", std::string extra = "")
        : width(width), height(height), colour_space(std::move(colour_space)), extra(std::move(extra)) {}
    int width, height;
    std::string colour_space;
    std::string extra;  // more keys of the image's dictionary
};

std::string samples_of(const ImageSpec& image) {
    int components = image.colour_space == "/DeviceRGB" ? 3 : 1;
    std::string samples;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            for (int c = 0; c < components; ++c) samples.push_back(static_cast<char>((x + 2 * y + 50 * c) % 256));
    return samples;
}

std::string image_object(const ImageSpec& image) {
    std::string samples = samples_of(image);
    return "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.width) + " /Height " + std::to_string(image.height) +
           " /ColorSpace " + image.colour_space + " /BitsPerComponent 8 " + image.extra + " /Length " + std::to_string(samples.size()) +
           " >>\nstream\n" + samples + "\nendstream";
}

std::string scanned_page_pdf(double page_pt, const std::string& content, const ImageSpec& scan, const ImageSpec& emblem = {8, 8}) {
    std::string page_size = std::to_string(page_pt);
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + page_size + " " + page_size +
            "] /Resources << /XObject << /Im0 5 0 R /Im1 6 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        image_object(scan),
        image_object(emblem),
    };
    return pdf_of_objects(objects);
}

// A 24-point page is 100 pixels wide at 300 dpi.
constexpr double kPage = 24;
const std::string kWholePage = "q 24 0 0 24 0 0 cm /Im0 Do Q";

PixPtr scan_of(const std::string& pdf) { return ScanImages(pdf).page_image(0); }

}  // namespace

TEST_CASE("a page that is one upright image at the OCR resolution is read from that image", "[scan-image]") {
    SECTION("grey, row 0 at the top") {
        auto pix = scan_of(scanned_page_pdf(kPage, kWholePage, {100, 100}));
        REQUIRE(pix);
        CHECK(pixGetWidth(pix.get()) == 100);
        CHECK(pixGetHeight(pix.get()) == 100);
        CHECK(pixGetDepth(pix.get()) == 8);
        CHECK(pixGetXRes(pix.get()) == 300);
        l_uint32 value = 0;
        pixGetPixel(pix.get(), 7, 3, &value);
        CHECK(value == 7 + 2 * 3);
    }
    SECTION("colour, each channel in its place") {
        auto pix = scan_of(scanned_page_pdf(kPage, kWholePage, {100, 100, "/DeviceRGB"}));
        REQUIRE(pix);
        CHECK(pixGetDepth(pix.get()) == 32);
        l_int32 r = 0, g = 0, b = 0;
        pixGetRGBPixel(pix.get(), 5, 1, &r, &g, &b);
        CHECK(r == 7);
        CHECK(g == 57);
        CHECK(b == 107);
    }
    SECTION("with a small emblem and a text stamp over it") {
        auto pdf = scanned_page_pdf(kPage, kWholePage + " q 2 0 0 2 3 3 cm /Im1 Do Q BT /F1 4 Tf (ky) Tj ET", {100, 100});
        auto pix = scan_of(pdf);
        REQUIRE(pix);
        CHECK(pixGetWidth(pix.get()) == 100);
    }
    SECTION("placed by two matrices, as cairo writes it (flipped, then flipped back)") {
        auto pix = scan_of(scanned_page_pdf(kPage, "1 0 0 -1 0 24 cm q 24 0 0 -24 0 24 cm /Im0 Do Q", {100, 100}));
        CHECK(pix);
    }
}

TEST_CASE("a page that is more than its scan, or a scan unlike the OCR's, is rendered instead", "[scan-image]") {
    SECTION("rotated") { CHECK_FALSE(scan_of(scanned_page_pdf(kPage, "q 0 24 -24 0 24 0 cm /Im0 Do Q", {100, 100}))); }
    SECTION("vector drawing besides the image") {
        CHECK_FALSE(scan_of(scanned_page_pdf(kPage, kWholePage + " 0 0 10 10 re f", {100, 100})));
    }
    SECTION("the image covers half the page") { CHECK_FALSE(scan_of(scanned_page_pdf(kPage, "q 12 0 0 24 0 0 cm /Im0 Do Q", {50, 100}))); }
    SECTION("150 dpi: rendering brings it to the OCR's resolution") { CHECK_FALSE(scan_of(scanned_page_pdf(kPage, kWholePage, {50, 50}))); }
    SECTION("CMYK") { CHECK_FALSE(scan_of(scanned_page_pdf(kPage, kWholePage, {100, 100, "/DeviceCMYK"}))); }
    SECTION("inverted by a Decode array") {
        CHECK_FALSE(scan_of(scanned_page_pdf(kPage, kWholePage, {100, 100, "/DeviceGray", "/Decode [1 0]"})));
    }
    SECTION("two page-sized images") { CHECK_FALSE(scan_of(scanned_page_pdf(kPage, kWholePage + " " + kWholePage, {100, 100}))); }
    SECTION("thousands of operators before the image (walking them is given up)") {
        std::string many;
        for (int i = 0; i < 3000; ++i) many += "q Q ";
        CHECK_FALSE(scan_of(scanned_page_pdf(kPage, many + kWholePage, {100, 100})));
    }
    SECTION("bytes that are no PDF") { CHECK_FALSE(ScanImages("not a PDF at all").page_image(0)); }
    SECTION("a page that does not exist") { CHECK_FALSE(ScanImages(scanned_page_pdf(kPage, kWholePage, {100, 100})).page_image(1)); }
}

TEST_CASE("a degraded scan's pages are read from their JPEGs, a text PDF's are not", "[fixtures][scan-image]") {
    std::string scan = read_text_file(fixture("bgddt-2020-huong-dan.scan.pdf"));
    ScanImages images(scan);
    auto pix = images.page_image(0);
    REQUIRE(pix);
    CHECK(pixGetWidth(pix.get()) == Approx(595.2 / 72 * 300).margin(2));
    CHECK(pixGetXRes(pix.get()) == Approx(300).margin(3));
    CHECK_FALSE(ScanImages(read_text_file(fixture("bgddt-2020-huong-dan.pdf"))).page_image(0));
}
