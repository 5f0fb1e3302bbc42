// Never a silent pass (docs/auditing.md): a document about the Week that no Ministry
// instruction was compared with says so in every format, and can fail a CI run.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "scan_helpers.h"

using namespace congvan;
using namespace congvan::test;

namespace {

// A district's plan for a year past the bundled records (the next year's plans come
// before anyone imports that year's dispatch).
std::string plan_of_unrecorded_year(const std::string& dir) {
    std::string plan = dir + "/ke-hoach-2031.txt";
    std::ofstream(plan) << "ỦY BAN NHÂN DÂN HUYỆN KIM SƠN\nSố: 7/KH-UBND\nKim Sơn, ngày 15 tháng 9 năm 2031\nKẾ HOẠCH\n"
                           "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2031\nTuần lễ diễn ra từ ngày 01/10/2031 đến ngày 07/10/2031.\n";
    return plan;
}

}  // namespace

TEST_CASE("a plan of a year the Ministry records do not cover is NOT AUDITED in every format, even with -q") {
    std::string plan = plan_of_unrecorded_year(fresh_temp_dir("unaudited"));
    auto text = run_congvan({"check", "-q", "--lang", "en", plan});
    CHECK_THAT(text.out, Catch::Contains(plan + ": NOT AUDITED against the instruction: no Ministry record for 2031"));
    CHECK_THAT(text.err, Catch::Contains("congvan ministry import"));
    CHECK(text.exit_code == 0);
    CHECK(run_congvan({"check", "-q", "--fail-unaudited", plan}).exit_code == 1);
    auto jsonl = jsonl_documents(run_congvan({"check", "--format", "jsonl", plan}).out).at(0);
    CHECK(jsonl["audit"]["status"] == "not-audited");
    CHECK(jsonl["audit"]["year"] == 2031);
    auto json = nlohmann::json::parse(run_congvan({"check", "--format", "json", plan}).out).at(0);
    CHECK(json["audit"]["reason"] == "no-record");
    CHECK_THAT(run_congvan({"check", "--format", "csv", plan}).out, Catch::Contains(",not-audited,warning,"));
    auto sarif = nlohmann::json::parse(run_congvan({"check", "--format", "sarif", plan}).out);
    auto notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["descriptor"]["id"] == "not-audited");
    CHECK(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + plan);
    CHECK(sarif_problems(run_congvan({"check", "--format", "sarif", plan}).out).empty());
    CHECK_THAT(run_congvan({"check", "--format", "html", plan}).out, Catch::Contains("class=\"unaudited\""));
    // A plan of a recorded year is audited, and says so.
    auto audited = jsonl_documents(run_congvan({"check", "--format", "jsonl", sample("nghe-an-2024-ke-hoach.txt")}).out).at(0);
    CHECK(audited["audit"]["status"] == "audited");
}

TEST_CASE("a scan stores what it could not audit: export, summary, the site and the exit code say it", "[scan]") {
    auto dir = fresh_dir("unaudited-scan");
    auto docs = fresh_docs(dir);
    plan_of_unrecorded_year(docs.string());
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "nghe-an.txt");
    std::string db = (dir / "archive.sqlite").string();
    auto scan = run_congvan({"scan", "--lang", "en", "-q", docs.string(), "--db", db});
    CHECK_THAT(scan.err, Catch::Contains("1 documents about the Week were NOT AUDITED against the instruction (2031)"));
    CHECK(run_congvan({"scan", "-q", "--fail-unaudited", docs.string(), "--db", db}).exit_code == 1);
    auto exported = jsonl_documents(run_congvan({"export", "--db", db, "--format", "jsonl"}).out);
    REQUIRE(exported.size() == 2);
    int not_audited = 0, audited = 0;
    for (const auto& d : exported) {
        not_audited += d["audit"]["status"] == "not-audited";
        audited += d["audit"]["status"] == "audited";
    }
    CHECK(not_audited == 1);
    CHECK(audited == 1);
    CHECK_THAT(run_congvan({"summary", "--lang", "en", "--db", db}).out, Catch::Contains("NOT AUDITED against the instruction (2031)"));
    std::string site = (dir / "site").string();
    REQUIRE(run_congvan({"report", "--lang", "en", "--db", db, "-o", site}).exit_code == 0);
    CHECK_THAT(read_text_file(site + "/index.html"), Catch::Contains("Documents about the Week not audited against the instruction"));
}
