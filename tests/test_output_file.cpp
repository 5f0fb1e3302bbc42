// What -o and standard output may write (cli/output_file.cpp): never over an input,
// never a short file after a failed write, the format an extension names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "scan_helpers.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

int run_with_stdout(const std::vector<std::string>& args, const char* path) { return wait_for(spawn_congvan_writing_to(args, path)); }

}  // namespace

TEST_CASE("-o never names an input: the same file under any name is refused and left as it was") {
    fs::path dir = fresh_temp_dir("output-is-input");
    std::string plan = (dir / "plan.txt").string(), link = (dir / "link.txt").string();
    fs::copy_file(sample("nghe-an-2024-ke-hoach.txt"), plan);
    fs::create_symlink(plan, link);
    std::string before = read_text_file(plan);
    for (const char* command : {"check", "extract", "text"})
        for (const auto& target : {plan, link}) {
            INFO(command << " -o " << target);
            auto r = run_congvan({command, "--lang", "en", plan, "-o", target});
            CHECK(r.exit_code == 2);
            CHECK_THAT(r.err, Catch::Contains("is the command's input"));
            CHECK(read_text_file(plan) == before);
        }
    CHECK(fs::is_symlink(link));
}

TEST_CASE("-o FILE.html without --format writes HTML; --format still wins") {
    fs::path dir = fresh_temp_dir("output-extension");
    std::string html = (dir / "report.html").string();
    REQUIRE(run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "-o", html}).exit_code == 1);
    CHECK_THAT(read_text_file(html), Catch::StartsWith("<!DOCTYPE html>"));
    std::string csv = (dir / "findings.csv").string();
    run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "-o", csv});
    CHECK_THAT(read_text_file(csv), Catch::StartsWith("file,page,line,rule"));
    run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "--format", "text", "-o", html});
    CHECK_THAT(read_text_file(html), Catch::Contains("[cited-dispatch-mismatch]"));
    // No temporary file is left beside the output.
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().find("congvan-") == std::string::npos);
}

TEST_CASE("a write that fails on standard output is an error, not a short output with exit 0") {
    CHECK(run_with_stdout({"check", "--format", "jsonl", sample("nghe-an-2024-ke-hoach.txt")}, "/dev/full") == 2);
    CHECK(run_with_stdout({"extract", sample("nghe-an-2024-ke-hoach.txt")}, "/dev/full") == 2);
    CHECK(run_with_stdout({"check", "--format", "jsonl", sample("nghe-an-2024-ke-hoach.txt")}, "/dev/null") == 0);
}

TEST_CASE("export and summary -o never replace the scan database they read", "[scan]") {
    auto dir = fresh_dir("output-is-database");
    auto docs = fresh_docs(dir);
    put(docs, sample("lao-cai-2022-cong-van.txt"), "lao-cai.txt");
    std::string db = (dir / "archive.sqlite").string();
    REQUIRE(run_congvan({"scan", "-q", docs.string(), "--db", db}).exit_code == 1);
    std::string before = read_text_file(db);
    for (const char* command : {"export", "summary"}) {
        INFO(command);
        auto r = run_congvan({command, "--db", db, "-o", db});
        CHECK(r.exit_code == 2);
        CHECK(read_text_file(db) == before);
    }
}
