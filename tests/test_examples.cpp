// docs/examples/ is made by the build target `examples` (tools/make_examples.sh);
// this holds that what is committed there is what this congvan writes now, so the
// examples a reader opens are never of an older congvan.
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.h"

namespace fs = std::filesystem;
using namespace congvan::test;

TEST_CASE("docs/examples is what this build writes: run the build target examples when it is not", "[fixtures]") {
    fs::path root = fs::path(samples_dir()).parent_path().parent_path();
    fs::path out = fresh_temp_dir("congvan-examples");
    auto made = run_program(
        {"/usr/bin/env", "CONGVAN_EXAMPLES_NO_SCREENSHOTS=1", (root / "tools/make_examples.sh").string(), CONGVAN_BUILD_DIR, out.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    std::vector<fs::path> made_files;
    for (const auto& entry : fs::recursive_directory_iterator(out))
        if (entry.is_regular_file()) made_files.push_back(fs::relative(entry.path(), out));
    CHECK(made_files.size() > 20);
    for (const auto& file : made_files) {
        INFO("docs/examples/" << file.string() << " differs from what this build writes");
        REQUIRE(fs::exists(root / "docs/examples" / file));
        CHECK(read_text_file((root / "docs/examples" / file).string()) == read_text_file((out / file).string()));
    }
    // Nothing committed there that the build no longer makes (the screenshots aside).
    for (const auto& entry : fs::recursive_directory_iterator(root / "docs/examples")) {
        auto file = fs::relative(entry.path(), root / "docs/examples");
        if (!entry.is_regular_file() || file == "README.md" || entry.path().extension() == ".png") continue;
        INFO("docs/examples/" << file.string() << " is no longer made");
        CHECK(fs::exists(out / file));
    }
    fs::remove_all(out);
}
