// congvan scan on archives: what a stored document is reused for (re-checks without
// OCR, the same bytes under two paths), export against check in every format, and
// the memory and processes of a scan of thousands of documents.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "congvan_version.h"
#include "helpers.h"
#include "report/sink.h"
#include "scan_helpers.h"

using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

long findings_of(const std::string& db, const std::string& path_end, const std::string& rule) {
    return count(db, "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id WHERE d.path LIKE '%" + path_end +
                         "' AND f.rule = '" + rule + "'");
}

}  // namespace

TEST_CASE("a changed Ministry record or configuration re-checks stored documents without reading them again", "[fixtures][scan]") {
    auto dir = fresh_dir("recheck");
    auto docs = fresh_docs(dir);
    put(docs, fixture("hung-yen-2021-bao-cao.scan-page1.pdf"), "hung-yen-scan.pdf");
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "bac-kan.txt");
    fs::path ministry = dir / "ministry";
    fs::copy(CONGVAN_SOURCE_DIR "/corpus/ministry", ministry);
    std::string db = (dir / "archive.sqlite").string();
    auto scan = [&](std::vector<std::string> more = {}) {
        std::vector<std::string> args = {"scan", "--lang", "en", docs.string(), "--db", db, "--ministry", ministry.string()};
        args.insert(args.end(), more.begin(), more.end());
        return run_congvan(args);
    };
    scan();
    // The scan cites 3764/BGDĐT-GDTrH where the record says …-GDTX.
    REQUIRE(findings_of(db, "hung-yen-scan.pdf", "cited-dispatch-mismatch") == 1);

    // The record is corrected: the rules run again on the stored records, no page is read.
    auto corrected = with_replaced(read_text_file((ministry / "2021.yaml").string()), "3764/BGDĐT-GDTX", "3764/BGDĐT-GDTrH");
    std::ofstream(ministry / "2021.yaml", std::ios::trunc) << corrected;
    auto rechecked = scan();
    CHECK_THAT(rechecked.err, Catch::Contains("(0 text, 0 OCR)") && Catch::Contains("2 re-checked"));
    CHECK(findings_of(db, "hung-yen-scan.pdf", "cited-dispatch-mismatch") == 0);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == 2);

    // Nothing changed: nothing re-checked.
    auto unchanged = scan();
    CHECK_THAT(unchanged.err, Catch::Contains("2 skipped"));
    CHECK(unchanged.err.find("re-checked") == std::string::npos);

    // A configuration next to the documents changes only theirs.
    REQUIRE(findings_of(db, "bac-kan.txt", "opening-outside-week") == 1);
    std::ofstream(docs / ".congvan.yaml") << "rules:\n  opening-outside-week: off\n";
    auto configured = scan();
    CHECK_THAT(configured.err, Catch::Contains("(0 text, 0 OCR)") && Catch::Contains("2 re-checked"));
    CHECK(findings_of(db, "bac-kan.txt", "opening-outside-week") == 0);

    // What the re-check stored is what reading the files again gives.
    std::string after_recheck = comparable_export(db);
    scan({"--force"});
    CHECK(comparable_export(db) == after_recheck);
}

TEST_CASE("the same bytes under two paths in one run are read once and stored under both", "[fixtures][scan]") {
    auto dir = fresh_dir("same-bytes");
    auto docs = fresh_docs(dir);
    put(docs, fixture("lao-cai-2022-cong-van.scan-page1.pdf"), "a.pdf");
    put(docs, fixture("lao-cai-2022-cong-van.scan-page1.pdf"), "b.pdf");
    std::string db = (dir / "archive.sqlite").string();
    auto r = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db, "-j", "2"});
    CHECK_THAT(r.err, Catch::Contains("2/2 files") && Catch::Contains("(0 text, 1 OCR)"));
    CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL") == 2);
    CHECK(findings_of(db, "a.pdf", "cited-dispatch-mismatch") == 1);
    CHECK(findings_of(db, "b.pdf", "cited-dispatch-mismatch") == 1);
}

namespace {

// Each line of `check --format jsonl` as it is in the export, which adds what only a
// scan knows (kind, pages, fields, timing): every key check writes has check's value.
// Every document `check` wrote is in the export, each of its members the same (the
// export adds what the database knows: kind, pages, seconds).
void require_export_holds_check(const std::vector<nlohmann::json>& checked, const std::vector<nlohmann::json>& exports) {
    std::map<std::string, nlohmann::json> exported;  // by the file's name as JSON (a string, or {"bytes": …})
    for (const auto& j : exports) exported[j["file"].dump()] = j;
    for (const auto& j : checked) {
        std::string file = j["file"].dump();
        INFO(file);
        REQUIRE(exported.count(file));
        for (const auto& [key, value] : j.items()) CHECK(exported[file][key] == value);
    }
    CHECK(checked.size() == exported.size());
}

void require_export_holds_check(const std::string& format, const std::string& check_out, const std::string& export_out) {
    if (format == "json") {
        auto array = [](const std::string& text) { return nlohmann::json::parse(text).get<std::vector<nlohmann::json>>(); };
        return require_export_holds_check(array(check_out), array(export_out));
    }
    require_export_holds_check(jsonl_documents(check_out), jsonl_documents(export_out));
    // The summaries count the same.
    auto summary = [](const std::string& stream) {
        return nlohmann::json::parse(stream.substr(stream.rfind('\n', stream.size() - 2) + 1));
    };
    CHECK(summary(check_out) == summary(export_out));
}

}  // namespace

TEST_CASE("export gives what check gives, in every format and language, even for a name that is not UTF-8", "[fixtures][scan]") {
    auto dir = fresh_dir("export-equals-check");
    fs::create_directories(dir / "docs");
    struct InFolder {  // relative names, as a user types them
        fs::path before = fs::current_path();
        ~InFolder() { fs::current_path(before); }
    } in_folder;
    fs::current_path(dir);
    put("docs", sample("bac-kan-2022-ke-hoach.txt"), "bac-kan.txt");
    put("docs", sample("dak-lak-2023-ke-hoach.txt"), "h\xe0 giang #2.txt");  // Latin-1 byte, space, '#'
    put("docs", fixture("lao-cai-2022-cong-van.scan-page1.pdf"), "lao-cai.pdf");
    put("docs", fixture("hung-yen-2021-bao-cao.pdf"), "hung-yen.pdf");
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator("docs")) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(run_congvan({"scan", "docs", "--db", "archive.sqlite", "-j", "2"}).exit_code == 1);  // findings, no errors
    for (const std::string lang : {"vi", "en"})
        for (const std::string& format : congvan::sink_names()) {
            INFO(format << " " << lang);
            auto args = std::vector<std::string>{"check"};
            args.insert(args.end(), files.begin(), files.end());
            args.insert(args.end(), {"--format", format, "--lang", lang});
            auto checked = run_congvan(args);
            auto exported = run_congvan({"export", "--db", "archive.sqlite", "--format", format, "--lang", lang});
            REQUIRE(exported.exit_code == 0);
            REQUIRE(checked.exit_code == 1);
            CHECK(exported.err.empty());
            if (format == "jsonl" || format == "json") require_export_holds_check(format, checked.out, exported.out);
            else CHECK(exported.out == checked.out);
            if (format == "sarif") CHECK(sarif_problems(exported.out).empty());
            // The name that is not UTF-8: its bytes in base64 in JSON (lossless),
            // percent-encoded in a URI, shown escaped in CSV.
            std::string name = format == "sarif"   ? "h%E0%20giang%20%232.txt"
                               : format == "jsonl" ? R"("file":{"bytes":"ZG9jcy9o4CBnaWFuZyAjMi50eHQ="})" /* docs/h\xe0 giang #2.txt */
                                                   : R"(h\xe0 giang #2.txt)";
            if (format == "jsonl" || format == "sarif" || format == "csv") CHECK_THAT(exported.out, Catch::Contains(name));
        }
}

namespace {

// A scan watched from outside: the most document processes it had at once (its
// children, polled every 2 ms) and the peak RSS of it and its children.
struct WatchedScan {
    int exit_code = -1;
    int most_documents_at_once = 0;
    long peak_rss_kib = 0;
};

int children_of(int pid) {
    int n = 0;
    std::error_code ec;
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream in(task.path() / "children");
        for (int child; in >> child;) ++n;
    }
    return n;
}

WatchedScan watch_scan(const std::vector<std::string>& args) {
    WatchedScan watched;
    int pid = spawn_congvan(args);
    for (;;) {
        int status = 0;
        struct rusage usage {};
        if (wait4(pid, &status, WNOHANG, &usage) == pid) {
            watched.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            watched.peak_rss_kib = usage.ru_maxrss;
            return watched;
        }
        watched.most_documents_at_once = std::max(watched.most_documents_at_once, children_of(pid));
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

}  // namespace

TEST_CASE("an archive of 2000 documents at -j2: memory flat and never more than 2 documents open", "[fixtures][scan][memory]") {
    auto dir = fresh_dir("archive-size");
    std::map<int, WatchedScan> runs;
    for (int size : {200, 2000}) {
        std::string db = (dir / ("archive-" + std::to_string(size) + ".sqlite")).string();
        runs[size] = watch_scan({"scan", fixture("archive-" + std::to_string(size)), "--db", db, "-j", "2"});
        INFO(size << " documents");
        CHECK(runs[size].exit_code <= 1);  // findings, no errors
        CHECK(count(db, "SELECT COUNT(*) FROM documents WHERE error IS NULL") == size);
        CHECK(runs[size].most_documents_at_once >= 1);  // the watch saw the documents' processes
        CHECK(runs[size].most_documents_at_once <= 2);
    }
    INFO("peak RSS: " << runs[200].peak_rss_kib << " KiB for 200, " << runs[2000].peak_rss_kib << " KiB for 2,000");
    CHECK(runs[2000].peak_rss_kib * 100 <= runs[200].peak_rss_kib * 120);
}

TEST_CASE("the text each page was read as is kept and searched, accents optional, without OCR'ing again", "[fixtures][scan]") {
    auto dir = fresh_dir("search");
    auto docs = fresh_docs(dir);
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "bac-kan.txt");
    put(docs, fixture("lao-cai-2022-cong-van.scan-page1.pdf"), "lao-cai.pdf");
    std::string db = (dir / "archive.sqlite").string();
    REQUIRE(run_congvan({"scan", "--lang", "en", docs.string(), "--db", db}).exit_code < 2);
    // One row a page, OCR'd pages marked so.
    CHECK(count(db, "SELECT COUNT(*) FROM texts") == count(db, "SELECT SUM(text_pages + ocr_pages) FROM documents"));
    CHECK(count(db, "SELECT COUNT(*) FROM texts WHERE source = 'ocr'") == 1);

    // Words typed without accents find the OCR'd page, marked in its snippet.
    auto found = run_congvan({"search", "--db", db, "lao", "cai", "cong", "van"});
    CHECK(found.exit_code == 0);
    CHECK_THAT(found.out, Catch::StartsWith((docs / "lao-cai.pdf").string() + ":1: "));
    CHECK_THAT(found.out, Catch::Contains("[Lào]") || Catch::Contains("[LÀO]"));
    CHECK(found.out.find("bac-kan.txt") == std::string::npos);  // every word, on one page
    auto in_both = run_congvan({"search", "--db", db, "--format", "jsonl", "học", "tập", "suốt", "đời"});
    CHECK(in_both.exit_code == 0);
    CHECK(jsonl_documents(in_both.out).empty());  // pages, not documents
    CHECK(std::count(in_both.out.begin(), in_both.out.end(), '\n') == 1 + 2 + 1);
    CHECK_THAT(in_both.out, Catch::Contains(R"("page":1,"snippet":)"));
    // A document number, or a stray quote, is words to find and not query syntax.
    auto number = run_congvan({"search", "--db", db, "4342/BGDĐT-GDTX"});
    CHECK(number.err.empty());
    CHECK(number.exit_code == 0);
    auto odd = run_congvan({"search", "--db", db, "\"Tuần", "OR", "NEAR(x"});
    CHECK(odd.err.empty());
    CHECK(odd.exit_code == 1);  // nothing matched, like grep

    // Re-checked (the configuration changed): the text stays without the file read again.
    std::ofstream(docs / ".congvan.yaml") << "rules:\n  unsigned-draft: off\n";
    auto rechecked = run_congvan({"scan", "--lang", "en", docs.string(), "--db", db});
    CHECK_THAT(rechecked.err, Catch::Contains("(0 text, 0 OCR)"));
    CHECK(count(db, "SELECT COUNT(*) FROM texts WHERE source = 'ocr'") == 1);
    // An edited file: the text of what it no longer is goes with its row.
    std::string old_sha = rows_of(db, "SELECT sha256 FROM documents WHERE path LIKE '%bac-kan.txt'").at(0);
    std::ofstream(docs / "bac-kan.txt", std::ios::app) << "\nThêm một dòng.\n";
    REQUIRE(run_congvan({"scan", "--lang", "en", docs.string(), "--db", db}).exit_code < 2);
    CHECK(count(db, "SELECT COUNT(*) FROM texts WHERE sha256 = '" + old_sha + "'") == 0);
    CHECK_THAT(run_congvan({"search", "--db", db, "them", "mot", "dong"}).out, Catch::Contains("bac-kan.txt:1: "));
}

// A file damaged on disk (pages overwritten, as a failing disk or a careless copy
// does) is refused before anything is written to it, with its name and the reason,
// so that sqlite3's .recover still has the file as it was.
TEST_CASE("a damaged scan database is refused before anything is written to it", "[scan]") {
    auto dir = fresh_dir("damaged-db");
    auto docs = fresh_docs(dir);
    put(docs, sample("lao-cai-2022-cong-van.txt"), "lao-cai.txt");
    put(docs, sample("nghe-an-2024-ke-hoach.txt"), "nghe-an.txt");
    std::string db = (dir / "archive.sqlite").string();
    REQUIRE(run_congvan({"scan", docs.string(), "--db", db}).exit_code != 2);
    // One writer left nothing in the WAL: the pages are in the main file.
    REQUIRE(count(db, "SELECT COUNT(*) FROM documents") == 2);
    std::string bytes = read_text_file(db);
    std::size_t page = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    REQUIRE(page >= 512);
    for (std::size_t at = page; at + 16 < bytes.size(); at += 3 * page) bytes.replace(at, 16, 16, '\x7f');
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(db + suffix);
    std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes;
    // Another document to store, so that a scan that went on would write.
    put(docs, sample("bac-kan-2022-ke-hoach.txt"), "bac-kan.txt");
    for (const char* language : {"vi", "en"}) {
        auto r = run_congvan({"scan", "--lang", language, docs.string(), "--db", db});
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::StartsWith("congvan: " + db + ": "));
        CHECK_THAT(r.err, Catch::Contains(std::string(language) == "vi" ? "cơ sở dữ liệu bị hỏng" : "damaged database"));
        CHECK(read_text_file(db) == bytes);
    }
}
