#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "congvan_version.h"
#include "helpers.h"
#include "report/rule_docs.h"
#include "report/rule_list.h"
#include "rules/registry.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("congvan check prints compiler-style lines and exits 1 on an error") {
    auto r = run_congvan({"check", sample("lao-cai-2022-cong-van.txt")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains(sample("lao-cai-2022-cong-van.txt") + ":24:11: error: "));
    CHECK_THAT(r.out, Catch::Contains("4342/BGDĐT-GDTX"));
}

namespace {

// FILE:LINE:COL: of each finding line, with the quoted evidence under it.
struct Located {
    int line = 0, column = 0;
    std::string rule, evidence;
};
std::vector<Located> located_findings(const std::string& file, const std::string& out) {
    std::vector<Located> found;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);) {
        if (l.rfind(file + ":", 0) == 0 && l.back() == ']') {
            Located at;
            std::sscanf(l.c_str() + file.size() + 1, "%d:%d", &at.line, &at.column);
            at.rule = l.substr(l.rfind('[') + 1, l.size() - l.rfind('[') - 2);
            found.push_back(at);
        } else if (l.rfind("    | ", 0) == 0 && !found.empty()) {
            found.back().evidence = l.substr(6);
        }
    }
    return found;
}

}  // namespace

TEST_CASE("each finding's FILE:LINE:COL is where an editor finds its evidence, in a text file and in a PDF's text", "[fixtures]") {
    for (const std::string& file :
         {sample("lao-cai-2022-cong-van.txt"), fixture("lao-cai-2022-cong-van.pdf"), sample("hung-yen-2021-bao-cao.txt")}) {
        auto text = run_congvan({"text", file}).out;
        if (file.size() > 4 && file.substr(file.size() - 4) == ".txt") {
            std::ifstream in(file);
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        auto lines = lines_of(text);
        auto findings = located_findings(file, run_congvan({"check", file}).out);
        REQUIRE(findings.size() >= 2);
        for (const auto& f : findings) {
            INFO(file << ":" << f.line << ":" << f.column << " [" << f.rule << "] " << f.evidence);
            REQUIRE(f.line >= 1);
            REQUIRE(f.line <= static_cast<int>(lines.size()));
            std::string line = lines[f.line - 1];
            if (!line.empty() && line[0] == '\f') line.erase(0, 1);  // a page's first line
            CHECK_THAT(line, Catch::Contains(f.evidence.substr(0, 20)));
            CHECK(f.column >= 1);
        }
    }
}

TEST_CASE("one line everywhere: text, JSON Lines, CSV, SARIF and HTML give the same line, page and page line beside it", "[fixtures]") {
    // A finding on a PDF's second page: the line of `congvan text`, not the page's.
    const std::string file = fixture("bac-kan-2022-ke-hoach.d30.pdf");
    auto run = [&](const char* format) { return run_congvan({"check", "--format", format, file}).out; };
    nlohmann::json finding;
    for (const auto& line : lines_of(run("jsonl")))
        if (auto j = nlohmann::json::parse(line); j["type"] == "document")
            for (const auto& f : j["data"]["findings"])
                if (f["evidence"].is_object() && f["evidence"]["page"].get<int>() > 1) finding = f;
    REQUIRE(finding.is_object());
    int line = finding["evidence"]["line"].get<int>(), page = finding["evidence"]["page"].get<int>();
    int page_line = finding["evidence"]["page_line"].get<int>();
    CHECK(line > page_line);
    auto shown = lines_of(run_congvan({"text", file}).out).at(static_cast<std::size_t>(line - 1));
    CHECK_THAT(shown, Catch::Contains(finding["evidence"]["text"].get<std::string>().substr(0, 12)));
    std::string rule = finding["rule"].get<std::string>();
    CHECK_THAT(run("text"), Catch::Contains(file + ":" + std::to_string(line) + ":"));
    CHECK_THAT(run("text"), Catch::Contains("(trang " + std::to_string(page) + ", dòng " + std::to_string(page_line) + ")"));
    std::string csv_row = file + "," + std::to_string(page) + "," + std::to_string(line) + "," + rule + ",";
    CHECK_THAT(run("csv"), Catch::Contains(csv_row));
    CHECK_THAT(run("csv"), Catch::Contains("," + std::to_string(page_line) + "\n"));
    bool in_sarif = false;
    auto sarif = nlohmann::json::parse(run("sarif"));
    for (const auto& result : sarif["runs"][0]["results"])
        in_sarif =
            in_sarif || (result["ruleId"] == rule && result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() == line);
    CHECK(in_sarif);
    CHECK_THAT(run("html"), Catch::Contains("dòng " + std::to_string(line) + " (trang " + std::to_string(page) + ", dòng " +
                                            std::to_string(page_line) + ")"));
}

TEST_CASE("the HTML report's rule pages are in the output's language") {
    const std::string file = sample("lao-cai-2022-cong-van.txt");
    auto vi = run_congvan({"check", "--format", "html", file}).out;
    CHECK_THAT(vi, Catch::Contains("Bắt lỗi gì") && Catch::Contains("Mức mặc định"));
    CHECK(vi.find("What it catches") == std::string::npos);
    auto en = run_congvan({"check", "--lang", "en", "--format", "html", file}).out;
    CHECK_THAT(en, Catch::Contains("What it catches"));
    CHECK(en.find("Bắt lỗi gì") == std::string::npos);
}

TEST_CASE("congvan check --fail-on decides the exit code") {
    CHECK(run_congvan({"check", sample("bac-kan-2022-ke-hoach.txt")}).exit_code == 0);  // a warning only
    CHECK(run_congvan({"check", "--fail-on", "warning", sample("bac-kan-2022-ke-hoach.txt")}).exit_code == 1);
    CHECK(run_congvan({"check", "--fail-on", "none", sample("lao-cai-2022-cong-van.txt")}).exit_code == 0);
}

TEST_CASE("congvan check --format jsonl carries the reference and every finding's evidence") {
    auto r = run_congvan({"check", "--format", "jsonl", "--lang", "en", sample("hung-yen-2021-bao-cao.txt")});
    auto documents = jsonl_documents(r.out);
    REQUIRE(documents.size() == 1);
    auto j = documents[0];
    CHECK(j["reference"]["year"] == 2021);
    CHECK(j["reference"]["source"] == "cited-instruction");
    CHECK(j["sha256"].get<std::string>().size() == 64);
    bool annex = false;
    for (const auto& f : j["findings"]) {
        CHECK(f.contains("expected"));
        CHECK(f["evidence"]["page"] == 1);
        if (f["rule"] == "internal-conflict") {
            annex = true;
            CHECK(f["expected"] == nlohmann::json{{"kind", "date"}, {"value", "2021-10-27"}, {"text", "27/10/2021"}});
            CHECK(f["found"]["value"] == "2021-10-28");
            CHECK_THAT(f["message"].get<std::string>(), Catch::Contains("annex"));
        }
    }
    CHECK(annex);
}

TEST_CASE("congvan check --format sarif is SARIF 2.1.0 with rule metadata from the docs") {
    auto r = run_congvan({"check", "--format", "sarif", sample("lao-cai-2022-cong-van.txt"), sample("hung-yen-2021-bao-cao.txt")});
    auto log = nlohmann::json::parse(r.out);
    CHECK(log["version"] == "2.1.0");
    const auto& run = log["runs"][0];
    CHECK(run["tool"]["driver"]["rules"].size() == RuleRegistry::instance().rules().size());
    CHECK(sarif_problems(r.out).empty());
    for (const auto& rule : run["tool"]["driver"]["rules"]) CHECK(rule["name"] != rule["id"]);
    for (const auto& rule : run["tool"]["driver"]["rules"])
        CHECK_THAT(rule["help"]["markdown"].get<std::string>(), Catch::Contains("## How to silence it"));
    REQUIRE(run["results"].size() >= 5);
    bool cited = false;
    for (const auto& result : run["results"]) {
        CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
        if (result["ruleId"] == "cited-dispatch-mismatch" &&
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + sample("lao-cai-2022-cong-van.txt")) {
            cited = true;
            CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 24);  // the file's own line
        }
        auto level = result["level"].get<std::string>();
        CHECK((level == "error" || level == "warning" || level == "note"));
        auto index = result["ruleIndex"].get<std::size_t>();
        CHECK(run["tool"]["driver"]["rules"][index]["id"] == result["ruleId"]);
    }
    CHECK(cited);
}

TEST_CASE("congvan check --format csv quotes fields that need it") {
    auto r = run_congvan({"check", "--format", "csv", sample("lao-cai-2022-cong-van.txt")});
    std::istringstream in(r.out);
    std::string header;
    std::getline(in, header);
    CHECK(header == "file,page,line,rule,severity,message,expected,found,reference_year,reference_number,evidence,page_line");
    std::string row;
    int rows = 0;
    bool evidence = false;
    while (std::getline(in, row)) {
        ++rows;
        CHECK_THAT(row, Catch::StartsWith(sample("lao-cai-2022-cong-van.txt") + ","));
        // The line the finding rests on, as the document wrote it, in the last column.
        evidence = evidence || row.find(",\"Thực hiện Công văn số 4342/BGDĐT-GDTrX ngày 07/9/2022") != std::string::npos;
    }
    CHECK(rows == 4);
    CHECK(evidence);
}

TEST_CASE("congvan check: configuration from .congvan.yaml and flags; bad flags are usage errors") {
    auto r = run_congvan({"check", "--disable", "cited-dispatch-mismatch", sample("lao-cai-2022-cong-van.txt")});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, !Catch::Contains("cited-dispatch-mismatch"));
    auto bad = run_congvan({"check", "--severity", "no-such-rule=info", sample("lao-cai-2022-cong-van.txt")});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("no-such-rule"));
}

TEST_CASE("a rule's options in .congvan.yaml change what it reports, and --dump-config shows them") {
    std::string dir = fresh_temp_dir("congvan-rule-options");
    std::string plan = dir + "/plan.txt";
    std::ofstream(plan) << read_text_file(sample("bac-kan-2022-ke-hoach.txt"));  // opens on 30/9, the day before the week
    CHECK_THAT(run_congvan({"check", "-q", plan}).out, Catch::Contains("[opening-outside-week]"));
    std::ofstream(dir + "/.congvan.yaml") << "rules:\n  opening-outside-week: {days-before: 1}\n  unsigned-draft: off\n";
    CHECK_THAT(run_congvan({"check", "-q", plan}).out, !Catch::Contains("[opening-outside-week]"));
    auto dumped = run_congvan({"--dump-config", dir});
    CHECK(dumped.exit_code == 0);
    CHECK_THAT(dumped.out, Catch::Contains("  opening-outside-week:\n    severity: warning\n    days-before: 1  # "));
    CHECK_THAT(dumped.out, Catch::Contains("  unsigned-draft: off\n"));
    // Its comments in the output's language: every option explained in Vietnamese.
    CHECK_THAT(dumped.out, Catch::Contains("days-before: 1  # số ngày trước Tuần lễ") && Catch::Contains("(0 đến 30)"));
    CHECK(dumped.out.find(" the ") == std::string::npos);
    CHECK_THAT(run_congvan({"--lang", "en", "--dump-config", dir}).out, Catch::Contains("days-before: 1  # days before the week"));
    std::ofstream(dir + "/.congvan.yaml", std::ios::trunc) << "rules:\n  opening-outside-week: {days-befor: 1}\n";
    auto bad = run_congvan({"check", plan});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains(dir + "/.congvan.yaml:2: quy tắc opening-outside-week không có tùy chọn 'days-befor'"));
    auto bad_en = run_congvan({"check", "--lang", "en", plan});
    CHECK_THAT(bad_en.err, Catch::Contains(dir + "/.congvan.yaml:2: rule opening-outside-week has no option 'days-befor' "
                                                 "(its options: days-before, days-after)"));
    CHECK(run_congvan({"--dump-config", dir}).exit_code == 2);
}

TEST_CASE("congvan check goes on past unreadable files and exits 2", "[fixtures]") {
    auto r = run_congvan({"check", fixture("bad/random.bin"), sample("bac-kan-2022-ke-hoach.txt")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::StartsWith("congvan: " + fixture("bad/random.bin") + ": "));
    CHECK_THAT(r.out, Catch::Contains("opening-outside-week"));
}

TEST_CASE("congvan check --against compares with an actual Ministry dispatch, read like any document") {
    auto same =
        run_congvan({"check", "--format", "jsonl", "--against", sample("bgddt-2020-huong-dan.txt"), sample("gia-lai-2020-ke-hoach.txt")});
    auto j = jsonl_documents(same.out).at(0);
    CHECK(j["reference"]["source"] == "against");
    CHECK(j["reference"]["year"] == 2020);
    CHECK(j["findings"].empty());  // "học tập" in lower case is the same theme
    // Another year's dispatch is no measure of this year's Week: not audited, unless
    // --year says to read the document as that year's (docs/auditing.md).
    auto other =
        run_congvan({"check", "--format", "jsonl", "--against", sample("bgddt-2020-huong-dan.txt"), sample("nghe-an-2024-ke-hoach.txt")});
    auto refused = jsonl_documents(other.out).at(0);
    CHECK(refused["reference"].is_null());
    CHECK(refused["audit"]["status"] == "not-audited");
    CHECK(refused["audit"]["reason"] == "against-other-year");
    for (const auto& f : refused["findings"]) CHECK(f["rule"] != "theme-mismatch");
    auto forced = run_congvan({"check", "--format", "jsonl", "--year", "2020", "--against", sample("bgddt-2020-huong-dan.txt"),
                               sample("nghe-an-2024-ke-hoach.txt")});
    auto k = jsonl_documents(forced.out).at(0);
    std::set<std::string> rules;
    for (const auto& f : k["findings"]) rules.insert(f["rule"].get<std::string>());
    CHECK(rules.count("theme-mismatch") == 1);
    CHECK(rules.count("week-mismatch") == 1);
    auto missing = run_congvan({"check", "--against", sample("no-such-dispatch.pdf"), sample("nghe-an-2024-ke-hoach.txt")});
    CHECK(missing.exit_code == 2);
    // Vietnamese unless asked: the reason too.
    CHECK_THAT(missing.err, Catch::Contains("no-such-dispatch.pdf: không mở được tệp: không có tệp hoặc thư mục này"));
    // A province's plan is not the Ministry's dispatch: refused, nothing checked.
    auto province =
        run_congvan({"check", "--lang", "en", "--against", sample("bac-kan-2022-ke-hoach.txt"), sample("gia-lai-2020-ke-hoach.txt")});
    CHECK(province.exit_code == 2);
    CHECK(province.out.empty());
    CHECK_THAT(province.err, Catch::StartsWith("congvan: " + sample("bac-kan-2022-ke-hoach.txt") +
                                               ": not a dispatch of the Ministry of Education and Training"));
    CHECK_THAT(other.err, Catch::Contains("CHƯA ĐỐI CHIẾU"));
    CHECK(same.err.empty());
}

TEST_CASE("--color: never, always, and auto off when output is not a terminal", "[cli]") {
    auto plan = sample("lao-cai-2022-cong-van.txt");
    auto escapes = [](const std::string& s) { return std::count(s.begin(), s.end(), '\x1b'); };
    CHECK(escapes(run_congvan({"check", "--color", "always", plan}).out) > 0);
    CHECK(escapes(run_congvan({"check", "--color", "never", plan}).out) == 0);
    CHECK(escapes(run_congvan({"check", plan}).out) == 0);  // auto, and a pipe is not a terminal
}

TEST_CASE("--version names the OCR engine, its model and the PDF and image libraries", "[cli]") {
    auto r = run_congvan({"--version"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("congvan ") && Catch::Contains("Tesseract 5") && Catch::Contains("model ") &&
                          Catch::Contains("Leptonica 1.") && Catch::Contains("Poppler "));
}

TEST_CASE("--list-rules lists every rule with its severity; explain shows a rule's page or names the nearest") {
    auto list = run_congvan({"--list-rules"});
    CHECK(list.exit_code == 0);
    for (const auto& rule : RuleRegistry::instance().rules()) {
        INFO(rule->id());
        CHECK_THAT(list.out,
                   Catch::Contains(std::string(rule->id()) + " ") && Catch::Contains(rule_summary(rule->id(), Language::Vietnamese)));
    }
    CHECK_THAT(list.out, Catch::Contains("unsigned-draft             info") && Catch::Contains("mọi văn bản"));
    auto english = run_congvan({"--lang", "en", "--list-rules"});
    for (const auto& rule : RuleRegistry::instance().rules()) CHECK_THAT(english.out, Catch::Contains(rule->summary()));
    CHECK(english.out.find("mọi văn bản") == std::string::npos);
    // The page in the output's language; in Vietnamese with the registry's severity.
    auto page = run_congvan({"explain", "--lang", "en", "weekday-mismatch"});
    CHECK(page.exit_code == 0);
    CHECK(page.out == rule_documentation("weekday-mismatch"));
    auto vi = run_congvan({"explain", "weekday-mismatch"});
    CHECK_THAT(vi.out, Catch::StartsWith("# weekday-mismatch\n\nMức mặc định: **error**.\n") && Catch::Contains("## Cách tắt") &&
                           Catch::Contains("--disable weekday-mismatch"));
    auto typo = run_congvan({"explain", "--lang", "en", "weekday-mismach"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.out.empty());
    CHECK_THAT(typo.err, Catch::StartsWith("congvan: no rule 'weekday-mismach'; did you mean weekday-mismatch"));
    CHECK_THAT(run_congvan({"explain", "weekday-mismach"}).err,
               Catch::StartsWith("congvan: không có quy tắc 'weekday-mismach'; có phải ý là weekday-mismatch"));
}

TEST_CASE("- reads standard input, shown as <stdin>; -q leaves only the findings") {
    auto piped = run_congvan({"check", "-", "-q"}, sample("lao-cai-2022-cong-van.txt"));
    auto named = run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "-q"});
    CHECK(piped.exit_code == 1);
    CHECK_THAT(piped.out, Catch::StartsWith("<stdin>:"));
    CHECK_THAT(piped.out, Catch::Contains("<stdin>:24:11: error: "));
    // The same findings as the named file, and no line saying what was compared.
    std::string renamed = named.out;
    for (auto at = renamed.find(sample("lao-cai-2022-cong-van.txt")); at != std::string::npos;
         at = renamed.find(sample("lao-cai-2022-cong-van.txt")))
        renamed.replace(at, sample("lao-cai-2022-cong-van.txt").size(), "<stdin>");
    CHECK(piped.out == renamed);
    CHECK(piped.out.find("so sánh") == std::string::npos);
    auto bad = run_congvan({"check", "--lang", "en", "-"}, fixture("bad/invalid-utf8.txt"));
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::StartsWith("congvan: <stdin>: text is not valid UTF-8"));
}

TEST_CASE("-o writes the output to a file, replacing it only when the command ends", "[fixtures]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "congvan-output";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string out = (dir / "report.csv").string();
    std::ofstream(out) << "earlier report\n";
    auto r = run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "--format", "csv", "-o", out});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    auto direct = run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "--format", "csv"});
    std::ifstream in(out);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) == direct.out);
    // Killed while reading a scan: the earlier file is as it was.
    std::ofstream(out, std::ios::trunc) << "earlier report\n";
    int pid = spawn_congvan({"check", fixture("hung-yen-2021-bao-cao.scan.pdf"), "-o", out});
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    kill(pid, SIGKILL);
    wait_for(pid);
    std::ifstream again(out);
    CHECK(std::string(std::istreambuf_iterator<char>(again), std::istreambuf_iterator<char>()) == "earlier report\n");
    // Stopped by Ctrl-C, SIGTERM or a closed terminal: the earlier file stays, and the
    // temporary file beside it is removed (a kill -9 cannot be caught and leaves
    // its own, removed here first; these can).
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".congvan-") != std::string::npos) fs::remove(e.path());
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
        INFO("signal " << signal);
        int stopped = spawn_congvan({"check", fixture("hung-yen-2021-bao-cao.scan.pdf"), "-o", out});
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        kill(stopped, signal);
        wait_for(stopped);
        std::ifstream kept(out);
        CHECK(std::string(std::istreambuf_iterator<char>(kept), std::istreambuf_iterator<char>()) == "earlier report\n");
        for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().find(".congvan-") == std::string::npos);
    }
    // A place that cannot be written: one line, exit 2.
    auto nowhere = run_congvan({"check", sample("lao-cai-2022-cong-van.txt"), "-o", (dir / "no" / "such.csv").string()});
    CHECK(nowhere.exit_code == 2);
    CHECK_THAT(nowhere.err, Catch::StartsWith("congvan: " + (dir / "no" / "such.csv").string() + ": không ghi được"));
}

TEST_CASE("cmake --install gives a binary that finds its data beside itself, run from anywhere", "[install]") {
    namespace fs = std::filesystem;
    fs::path prefix = fs::temp_directory_path() / ("congvan-install-" + std::to_string(getpid()));
    fs::remove_all(prefix);
    auto installed = run_program({"/usr/bin/cmake", "--install", CONGVAN_BUILD_DIR, "--prefix", prefix.string()});
    REQUIRE(installed.exit_code == 0);
    std::string binary = (prefix / "bin" / "congvan").string();
    CHECK(fs::exists(prefix / "share" / "man" / "man1" / "congvan.1"));
    CHECK(fs::exists(prefix / "share" / "congvan" / "ministry" / "2022.yaml"));
    // From another folder, and with the environment naming no data: the installed records.
    auto version = run_program({"/usr/bin/env", "-u", "CONGVAN_MINISTRY_DIR", "-C", "/", "CONGVAN_LANG=en", binary, "--version"});
    CHECK_THAT(version.out, Catch::Contains("Ministry records: " + (prefix / "share" / "congvan" / "ministry").string()));
    // The recognition engines' module installed beside it, loaded from there (reading/engine_module.h).
    CHECK_THAT(version.out, Catch::Matches("(.|\\n)*Tesseract 5\\.[0-9.]+ \\(model [^)]*, module " + prefix.string() +
                                           "/lib[^)]*/congvan/libcongvan_engines\\.so\\)(.|\\n)*"));
    auto checked =
        run_program({"/usr/bin/env", "-u", "CONGVAN_MINISTRY_DIR", "-C", "/", binary, "check", "-q", sample("lao-cai-2022-cong-van.txt")});
    CHECK(checked.exit_code == 1);
    CHECK_THAT(checked.out, Catch::Contains("[cited-dispatch-mismatch]"));
    CHECK_THAT(run_program({binary, "explain", "week-mismatch"}).out, Catch::StartsWith("# week-mismatch"));
    // The environment still wins.
    auto elsewhere =
        run_program({"/usr/bin/env", "CONGVAN_MINISTRY_DIR=/nonexistent", binary, "check", sample("lao-cai-2022-cong-van.txt")});
    CHECK(elsewhere.exit_code == 2);
    CHECK_THAT(elsewhere.err, Catch::Contains("/nonexistent"));
    fs::remove_all(prefix);
}

TEST_CASE("--ministry DIR adds records to the bundled ones; a year given there replaces the bundled year") {
    std::string dir = fresh_temp_dir("congvan-ministry-extra");
    std::ofstream(dir + "/2022.yaml") << with_replaced(read_text_file(CONGVAN_SOURCE_DIR "/corpus/ministry/2022.yaml"), "4342/BGDĐT-GDTX",
                                                       "4342/BGDĐT-GDTrX");  // as Lào Cai cites it
    auto with = [&](const std::string& file) { return run_congvan({"check", "-q", "--ministry", dir, sample(file)}).out; };
    CHECK(with("lao-cai-2022-cong-van.txt").find("[cited-dispatch-mismatch]") == std::string::npos);  // 2022 replaced
    CHECK_THAT(with("hung-yen-2021-bao-cao.txt"), Catch::Contains("[cited-dispatch-mismatch]"));      // 2021 still bundled
}

TEST_CASE("check on a folder says to name its files or scan it, and goes on with the other files") {
    auto r = run_congvan({"check", "--lang", "en", CONGVAN_SOURCE_DIR "/corpus/samples", sample("lao-cai-2022-cong-van.txt")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("is a directory: name its files, or read it whole with congvan scan"));
    CHECK_THAT(r.out, Catch::Contains("[cited-dispatch-mismatch]"));
}

TEST_CASE("a FIFO given as --config or inside --ministry is refused with the file named, never waited on") {
    std::string dir = fresh_temp_dir("congvan-fifo-config");
    std::string fifo = dir + "/rules.yaml";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    auto checked = run_congvan({"check", "--config", fifo, sample("gia-lai-2020-ke-hoach.txt")});
    CHECK(checked.exit_code == 2);
    CHECK_THAT(checked.err, Catch::Contains(fifo));
    std::string ministry = dir + "/ministry";
    std::filesystem::create_directories(ministry);
    std::filesystem::copy_file(CONGVAN_SOURCE_DIR "/corpus/ministry/2020.yaml", ministry + "/2020.yaml");
    REQUIRE(mkfifo((ministry + "/2021.yaml").c_str(), 0600) == 0);
    auto against = run_congvan({"check", "--ministry", ministry, sample("gia-lai-2020-ke-hoach.txt")});
    CHECK(against.exit_code == 2);
    CHECK_THAT(against.err, Catch::Contains("2021.yaml"));
}
