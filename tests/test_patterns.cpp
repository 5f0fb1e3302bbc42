// Every regular expression is a Pattern (text/pattern.h), which refuses to exist
// when its text does not compile, instead of RE2's silent never-matching object.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "helpers.h"
#include "text/pattern.h"

namespace fs = std::filesystem;
using congvan::Pattern;

TEST_CASE("a pattern that does not compile throws, naming its error and its text") {
    try {
        Pattern broken(R"((ngay\s+(\d{1,2})\s+thang)");
        FAIL("a pattern with an unclosed group was made");
    } catch (const std::logic_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("missing )") && Catch::Contains(R"(ngay\s+)"));
    }
    RE2::Options latin;
    latin.set_encoding(RE2::Options::EncodingLatin1);
    Pattern good(R"(so\s*:\s*(\d+))", latin);
    int number = 0;
    CHECK(RE2::PartialMatch("so: 42", good, &number));
    CHECK(number == 42);
}

TEST_CASE("no bare RE2 is declared in the program: each one is a checked Pattern") {
    fs::path root = fs::path(congvan::test::samples_dir()).parent_path().parent_path();
    // A declaration or construction of an RE2 object (not a call of RE2::…, nor a
    // reference to a Pattern given as const RE2&).
    const std::regex bare(R"re((^|[^:&\w])RE2\s+\w+\s*[({]|make_unique<RE2>|unique_ptr<RE2>|new RE2\b)re");
    int files = 0;
    for (const char* folder : {"text", "reading", "fields", "isolation", "rules", "report", "store", "app", "cli"})
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            auto extension = entry.path().extension();
            if ((extension != ".cpp" && extension != ".h") || entry.path().filename() == "pattern.h") continue;
            ++files;
            std::ifstream in(entry.path());
            std::string line;
            for (int number = 1; std::getline(in, line); ++number) {
                INFO(fs::relative(entry.path(), root).string() << ":" << number << ": " << line);
                CHECK_FALSE(std::regex_search(line, bare));
            }
        }
    CHECK(files > 100);
}
