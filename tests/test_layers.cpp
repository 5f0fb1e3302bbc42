// The layout is the architecture: data flows file → Document → Record → Findings →
// output, and no folder includes a folder above it (README, "Layout").
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "helpers.h"

namespace fs = std::filesystem;

TEST_CASE("layers: no folder includes a folder above it") {
    // Lower ranks are lower layers. Basic text under document reading under the
    // fields; running documents in processes (isolation/) beside the fields, above
    // reading; report/ (the output formats) and store/ (the database) side by side
    // above the rules. Folders of one rank do not include each other.
    const std::map<std::string, int> rank = {{"text", 0},   {"reading", 1}, {"fields", 2}, {"isolation", 2}, {"rules", 3},
                                             {"report", 4}, {"store", 4},   {"app", 5},    {"cli", 6}};
    fs::path root = fs::path(congvan::test::samples_dir()).parent_path().parent_path();
    const std::regex include(R"re(^\s*#\s*include\s+"(\w+)/)re");
    int files = 0;
    for (const auto& [folder, level] : rank) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            auto extension = entry.path().extension();
            if (extension != ".cpp" && extension != ".h") continue;
            ++files;
            std::ifstream in(entry.path());
            std::string line;
            for (int number = 1; std::getline(in, line); ++number) {
                std::smatch m;
                if (!std::regex_search(line, m, include) || !rank.count(m[1])) continue;
                INFO(fs::relative(entry.path(), root).string() << ":" << number << ": " << line);
                CHECK((m[1] == folder || rank.at(m[1]) < level));
            }
        }
    }
    CHECK(files > 100);
}
