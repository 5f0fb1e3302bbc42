// The output sinks (report/sink.h): each format registered once, offered by every
// command that writes findings, and none other.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "report/sink.h"
#include "scan_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

CheckedDocument document_with_hostile_evidence() {
    Evidence evidence{2, 7, "Chủ đề | *Học* <script>alert(1)</script> [x](y)", std::nullopt, 100.0, 31, 4};
    Finding finding{"theme-mismatch",
                    Severity::Error,
                    Text{"Chủ đề sai", "wrong theme"},
                    text_value("Học tập suốt đời"),
                    text_value("Học | tập"),
                    evidence,
                    "",
                    std::nullopt,
                    {},
                    std::nullopt};
    return {"kế hoạch_1.txt", "00", CheckResult{true, std::nullopt, std::nullopt, {finding, finding}}};
}

std::string written(const std::string& format, const std::vector<CheckedDocument>& documents, Language language) {
    std::ostringstream out;
    SinkSettings settings;
    settings.language = language;
    auto sink = make_sink(format, out, settings);
    sink->begin();
    for (const auto& d : documents) sink->document({d, d.file, nullptr, nullptr});
    sink->error("hỏng.pdf", "empty file");
    sink->end();
    return out.str();
}

}  // namespace

TEST_CASE("sinks: each format is registered once, found by name or by an output's extension") {
    auto names = sink_names();
    for (const char* expected : {"csv", "html", "json", "jsonl", "markdown", "sarif", "text"})
        CHECK(std::count(names.begin(), names.end(), expected) == 1);
    CHECK(sink_format_of_path("out/Report.HTM") == "html");
    CHECK(sink_format_of_path("notes.md") == "markdown");
    CHECK(sink_format_of_path("a.sarif") == "sarif");
    CHECK_FALSE(sink_format_of_path("dir.d/report").has_value());
    CHECK_FALSE(sink_format_of_path("report.xml").has_value());
    CHECK_THROWS_WITH(make_sink("xml", std::cout, {}), Catch::Contains("unknown output format 'xml'") && Catch::Contains("markdown"));
}

TEST_CASE("markdown: a table a document, every text of the document escaped so that it stays text") {
    std::string md = written("markdown", {document_with_hostile_evidence()}, Language::Vietnamese);
    CHECK_THAT(md, Catch::StartsWith("# Báo cáo kiểm tra văn bản\n"));
    CHECK_THAT(md, Catch::Contains("## kế hoạch\\_1.txt\n"));
    CHECK_THAT(md, Catch::Contains("| lỗi | dòng 31 | Chủ đề sai | Học tập suốt đời | Học \\| tập | theme-mismatch |"));
    CHECK(md.find("<script>") == std::string::npos);
    // One header, one rule line and a row a finding: the table is not broken by a '|'.
    std::size_t rows = 0;
    for (std::size_t at = md.find("\n| "); at != std::string::npos; at = md.find("\n| ", at + 1)) ++rows;
    CHECK(rows == 3);
    // A file not read says why, in the output's language.
    CHECK_THAT(md, Catch::Contains("## hỏng.pdf\n\ntệp rỗng\n"));
    CHECK_THAT(written("markdown", {document_with_hostile_evidence()}, Language::English), Catch::Contains("| error | line 31 |"));
}

TEST_CASE("every command that writes findings offers every format and refuses another", "[cli]") {
    auto checked = run_congvan({"check", sample("bac-kan-2022-ke-hoach.txt"), "--format", "markdown", "--lang", "en"});
    CHECK(checked.exit_code == 0);
    CHECK_THAT(checked.out, Catch::Contains("| warning | line 45 |"));
    auto database = fresh_dir("sinks") / "archive.sqlite";
    std::ofstream(database).put('\n');
    for (const std::string command : {"check", "export"}) {
        std::vector<std::string> args = {command, "--format", "xml"};
        args.push_back(command == "check" ? sample("bac-kan-2022-ke-hoach.txt") : "--db=" + database.string());
        auto refused = run_congvan(args);
        INFO(command << ": " << refused.err);
        CHECK(refused.exit_code == 2);
        CHECK_THAT(refused.err, Catch::Contains("xml") && Catch::Contains("markdown"));
        CHECK(refused.out.empty());
    }
}

TEST_CASE("a file not read is an error line with its kind and message key, in every stream", "[cli]") {
    auto empty = fresh_dir("sinks-error") / "rỗng.txt";
    std::ofstream(empty).flush();
    auto r = run_congvan({"check", empty.string(), sample("bac-kan-2022-ke-hoach.txt"), "--format", "jsonl"});
    CHECK(r.exit_code == 2);
    auto at = r.out.find(R"({"type":"error")");
    REQUIRE(at != std::string::npos);
    auto error = nlohmann::json::parse(r.out.substr(at, r.out.find('\n', at) - at))["data"];
    CHECK(error["kind"] == "unreadable");
    CHECK(error["key"] == "error.empty-file");
    CHECK(error["reason"] == "tệp rỗng");
    CHECK_THAT(r.err, Catch::Contains("rỗng.txt: tệp rỗng"));
}
