// The recognition engines' module (reading/engines/engines.h, docs/ocr-toolchain.md):
// loaded only by a process that recognises a page, so a command that reads text
// layers, Word drafts and text files starts without Tesseract and OpenCV, and runs
// where the module is missing; a document that needs it says so in one line.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace congvan::test;

namespace {

// The binary with the module looked for at `module` (no shell involved).
ProcessResult run_with_module(const std::string& module, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"/usr/bin/env", "CONGVAN_ENGINES=" + module, CONGVAN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv);
}

}  // namespace

TEST_CASE("the binary names neither Tesseract nor OpenCV nor libpq among the libraries it loads at its start", "[fixtures]") {
    auto dynamic = run_program({"/usr/bin/readelf", "--dynamic", CONGVAN_BINARY});
    REQUIRE(dynamic.exit_code == 0);
    REQUIRE_THAT(dynamic.out, Catch::Contains("Shared library: [libpoppler-cpp"));  // the listing is what it should be
    CHECK_THAT(dynamic.out, !Catch::Contains("libtesseract"));
    CHECK_THAT(dynamic.out, !Catch::Contains("libopencv"));
    CHECK_THAT(dynamic.out, !Catch::Contains("libpq"));  // loaded by the first PostgreSQL connection (store/libpq.h)
}

TEST_CASE("without the engines' module a batch reads every document that needs no OCR and names the module for the scan", "[fixtures]") {
    std::string missing = fresh_temp_dir("engines-missing") + "/libcongvan_engines.so";
    std::string scan = fixture("bac-kan-2022-ke-hoach.scan.png");
    for (std::string jobs : {"-j1", "-j2"}) {
        INFO(jobs);
        auto result = run_with_module(missing, {"text", jobs, "--lang", "en", "--format", "jsonl", sample("bgddt-2020-huong-dan.txt"), scan,
                                                fixture("hung-yen-2021-bao-cao.pdf"), fixture("bac-kan-2022-ke-hoach.docx")});
        CHECK(result.exit_code == 2);
        auto errors = lines_of(result.err);
        REQUIRE(errors.size() == 1);
        CHECK_THAT(errors[0], Catch::StartsWith("congvan: " + scan + ": cannot load the recognition engines' module " + missing + ": "));
        auto documents = jsonl_documents(result.out);
        REQUIRE(documents.size() == 3);
        CHECK(documents[1]["file"] == fixture("hung-yen-2021-bao-cao.pdf"));
        CHECK_THAT(documents[2].dump(), Catch::Contains("KẾ HOẠCH"));  // the draft's own words, read
    }
}

TEST_CASE("congvan --version says why Tesseract is missing and still names the rest", "[fixtures]") {
    auto result = run_with_module("/nonexistent/libcongvan_engines.so", {"--version"});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Matches("(.|\\n)*Tesseract \\? \\(model [^)]*, cannot load the recognition engines' module "
                                          "/nonexistent/libcongvan_engines\\.so(.|\\n)*"));
    CHECK_THAT(result.out, Catch::Contains("Poppler "));
    auto found = run_congvan({"--version"});
    CHECK_THAT(found.out, Catch::Matches("(.|\\n)*Tesseract 5\\.[0-9]+(.|\\n)*"));
}
