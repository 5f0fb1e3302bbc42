// Input that once crashed or exhausted congvan: a document may fail on its own, it
// may never take the process (or the batch) down with it, nor take memory out of
// proportion to its size.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <filesystem>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <vector>

#include "congvan_version.h"
#include "helpers.h"
#include "scan_helpers.h"

using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

std::string write_temp(const std::string& name, const std::string& bytes) {
    fs::path dir = fs::temp_directory_path() / "congvan-hostile";
    fs::create_directories(dir);
    fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

}  // namespace

TEST_CASE("an address list heading with nothing on its line is read, not crashed on", "[hostile]") {
    for (const std::string heading : {"Kính gửi:", "Nơi nhận:"}) {
        auto file = write_temp("heading.txt", heading + "\nxem trên\n");
        for (const std::string command : {"extract", "check"}) {
            INFO(heading << " " << command);
            auto r = run_congvan({command, file});
            CHECK(r.exit_code < 2);
            CHECK(r.err.find("congvan:") == std::string::npos);
        }
    }
}

TEST_CASE("one very long line (CR-only line endings) takes memory in proportion to its size", "[hostile][memory]") {
    // Every sample run together, with CR for line endings, to about 1 MB: once each
    // of the line's many dates copied the whole line into its evidence (21 GB).
    std::string text;
    for (const auto& entry : fs::directory_iterator(samples_dir()))
        if (entry.path().extension() == ".txt") text += read_text_file(entry.path().string()) + "\r";
    std::string one_line;
    while (one_line.size() < 1'000'000) one_line += text;
    for (char& c : one_line)
        if (c == '\n') c = '\r';
    auto file = write_temp("one-line.txt", one_line);
    auto r = run_congvan({"check", "--format", "jsonl", file});
    INFO(r.err);
    CHECK(r.exit_code < 2);
    CHECK(r.peak_rss_kib < 200 * 1024);
    // The evidence quotes the line around each value, not the whole megabyte.
    CHECK(r.out.size() < 20 * one_line.size());
    // No library chatter on standard error.
    CHECK(r.err.find("re2") == std::string::npos);
}

TEST_CASE("a FIFO or a device is refused with one line, and the rest of the batch goes on", "[hostile]") {
    fs::path dir = fs::temp_directory_path() / "congvan-hostile";
    fs::create_directories(dir);
    std::string fifo = (dir / "pipe.txt").string();
    fs::remove(fifo);
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    auto good = write_temp("good.txt", read_text_file(sample("nghe-an-2024-ke-hoach.txt")));
    auto r = run_congvan({"extract", "--format", "jsonl", fifo, "/dev/zero", good});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("pipe.txt: không phải tệp thông thường"));
    CHECK_THAT(r.err, Catch::Contains("/dev/zero: không phải tệp thông thường"));
    CHECK(r.out.find("good.txt") != std::string::npos);
}

TEST_CASE("a file name cannot drive the terminal: control characters are shown escaped", "[hostile]") {
    auto evil = write_temp("evil\x1b]0;pwned\x07\nname.txt", "Kính gửi:\n");
    auto missing = evil + ".missing";
    auto r = run_congvan({"check", "--lang", "en", evil, missing});
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK_THAT(r.err, Catch::Contains("evil\\x1b]0;pwned\\x07\\x0aname.txt.missing: cannot open file: No such file or directory"));
    // One error, one line.
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula are neutralised", "[hostile]") {
    std::string text = read_text_file(sample("nghe-an-2024-ke-hoach.txt"));
    auto at = text.find("“Phát triển văn hoá đọc thúc đẩy học tập suốt đời”");
    REQUIRE(at != std::string::npos);
    text.insert(at + std::string("“").size(), "=HYPERLINK(\"http://x\") ");
    auto file = write_temp("formula.txt", text);
    auto r = run_congvan({"check", "--format", "csv", file});
    CHECK(r.out.find(",=HYPERLINK") == std::string::npos);
    CHECK(r.out.find(",\"=HYPERLINK") == std::string::npos);
    CHECK_THAT(r.out, Catch::Contains("'=HYPERLINK"));
}

TEST_CASE("a huge page is refused or read at a resolution that fits, never rendered to gigabytes", "[hostile][memory]") {
    auto huge = write_temp("huge-page.pdf", one_page_pdf(10000, 10000));
    auto r = run_congvan({"text", "--lang", "en", huge});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("huge-page.pdf: page 1 is too large to read (10000 × 10000 pt)"));
    CHECK(r.peak_rss_kib < 300 * 1024);
    // A poster (A0 is 2384 × 3370 pt) is read, at a lower resolution.
    auto poster = write_temp("poster.pdf", one_page_pdf(2384, 3370));
    auto p = run_congvan({"text", poster});
    CHECK(p.exit_code == 0);
    CHECK(p.peak_rss_kib < 400 * 1024);
}

TEST_CASE("the bad-input corpus in one scan: deadlines kept, memory bounded, one line each, the good documents stored",
          "[fixtures][scan][memory]") {
    // tools/make_bad_inputs.py: malformed files, and the hostile ones (a q-operator
    // bomb, a FlateDecode bomb, a huge page, 500 TIFF pages, a 1 MB line…).
    fs::path dir = fresh_dir("bad-corpus");
    fs::create_directories(dir / "docs");
    int inputs = 0;
    for (const auto& e : fs::directory_iterator(fixture("bad"))) {
        fs::copy_file(e.path(), dir / "docs" / e.path().filename());
        ++inputs;
    }
    REQUIRE(inputs >= 15);
    fs::copy_file(sample("bac-kan-2022-ke-hoach.txt"), dir / "docs" / "good-bac-kan.txt");
    fs::copy_file(fixture("hung-yen-2021-bao-cao.pdf"), dir / "docs" / "good-hung-yen.pdf");
    std::string db = (dir / "archive.sqlite").string();
    constexpr int kTimeout = 5, kMemoryMib = 1024;  // the FlateDecode bomb alone takes 15-20 s
    auto r = run_congvan({"scan", "--lang", "en", (dir / "docs").string(), "--db", db, "-j", "2", "--timeout", std::to_string(kTimeout),
                          "--max-memory", std::to_string(kMemoryMib)});
    CHECK(r.exit_code == 2);
    CHECK(r.peak_rss_kib <= kMemoryMib * 1024 * 11 / 10);
    CHECK(count(db, "SELECT COUNT(*) FROM documents") == inputs + 2);
    for (const auto& row : rows_of(db, "SELECT path, seconds FROM documents")) {
        INFO(row);
        CHECK(std::stod(row.substr(row.rfind('|') + 1)) <= kTimeout + 5);
    }
    // Every refused file: one line naming it; nothing else on stderr but progress.
    auto refused = rows_of(db, "SELECT path, error FROM documents WHERE error IS NOT NULL");
    CHECK(refused.size() >= 10);
    for (const auto& row : refused) {
        std::string path = row.substr(0, row.find('|'));
        INFO(row);
        std::size_t lines = 0;
        for (std::size_t at = r.err.find("congvan: " + path + ": "); at != std::string::npos;
             at = r.err.find("congvan: " + path + ": ", at + 1))
            ++lines;
        CHECK(lines == 1);
    }
    std::istringstream err(r.err);
    for (std::string line; std::getline(err, line);) {
        INFO(line);
        CHECK((line.rfind("congvan: ", 0) == 0 || line.rfind("progress: ", 0) == 0));
    }
    auto said_about = [&](const std::string& name) {
        auto at = r.err.find(name + ": ");
        return at == std::string::npos ? std::string() : r.err.substr(at, r.err.find('\n', at) - at);
    };
    CHECK_THAT(said_about("q-bomb.pdf"), Catch::Contains("out of memory", Catch::CaseSensitive::No));
    CHECK_THAT(said_about("flate-bomb.pdf"), Catch::Contains("timed out"));
    // The good documents, and the hostile text that is still a document, are read.
    for (const char* good : {"good-bac-kan.txt", "good-hung-yen.pdf", "kinh-gui.txt", "long-line.txt", "cr-only.txt"}) {
        INFO(good);
        CHECK(count(db, std::string("SELECT COUNT(*) FROM documents WHERE error IS NULL AND path LIKE '%") + good + "'") == 1);
    }
    CHECK(count(db,
                "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
                "WHERE d.path LIKE '%good-%'") > 0);
}

TEST_CASE("every input a fuzz target once crashed on now goes through the whole pipeline", "[hostile]") {
    int inputs = 0;
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/tests/fuzz-regressions")) {
        if (e.path().extension() == ".md") continue;
        ++inputs;
        INFO(e.path().filename().string());
        for (const std::string format : {"text", "jsonl", "csv", "sarif"}) {
            auto r = run_congvan({"check", e.path().string(), "--format", format});
            CHECK(r.exit_code <= 2);
            // Read (0 or 1), or refused with one line naming the file: never a crash
            // or a library's exception text.
            if (r.exit_code == 2) CHECK_THAT(r.err, Catch::StartsWith("congvan: " + e.path().string() + ": "));
            CHECK(r.err.find("stol") == std::string::npos);
        }
        auto extracted = run_congvan({"extract", e.path().string(), "--format", "jsonl"});
        CHECK(extracted.exit_code == 0);
    }
    CHECK(inputs >= 1);
}

TEST_CASE("check, extract and text read each file in a process of its own: the bad-input corpus ends only its own files",
          "[fixtures][scan][memory]") {
    // The files that once took a whole command down with them: Poppler aborting on
    // exhausted memory (the q-operator bomb), a decompression bomb that stalls.
    std::vector<std::string> files;
    for (const char* name : {"q-bomb.pdf", "flate-bomb.pdf", "many-pages.tif", "huge-page2.tif", "kinh-gui.txt"})
        files.push_back(fixture("bad/" + std::string(name)));
    files.push_back(sample("bac-kan-2022-ke-hoach.txt"));
    files.push_back(fixture("hung-yen-2021-bao-cao.pdf"));
    constexpr int kTimeout = 5, kMemoryMib = 1024;
    for (const std::string command : {"check", "extract", "text"}) {
        INFO(command);
        std::vector<std::string> args{
            command, "--lang", "en", "-j", "2", "--timeout", std::to_string(kTimeout), "--max-memory", std::to_string(kMemoryMib)};
        args.insert(args.end(), files.begin(), files.end());
        auto started = std::chrono::steady_clock::now();
        auto r = run_congvan(args);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        INFO(r.err);
        CHECK(r.exit_code == 2);
        // Two at a time, each within its deadline and the grace after it.
        CHECK(seconds < 2 * (kTimeout + 5));
        CHECK(r.peak_rss_kib <= kMemoryMib * 1024 * 11 / 10);
        CHECK_THAT(r.err, Catch::Contains("q-bomb.pdf: out of memory") || Catch::Contains("q-bomb.pdf: aborted"));
        CHECK_THAT(r.err, Catch::Contains("huge-page2.tif: page 2: image too large"));
        CHECK_THAT(r.err, Catch::Contains("flate-bomb.pdf: timed out after 5 s"));
        // One line for each refused file, and the good ones read, in the order given.
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 3);
        auto bac_kan = r.out.find("bac-kan-2022"), hung_yen = r.out.find("hung-yen-2021");
        if (command != "text") {
            CHECK(bac_kan != std::string::npos);
            CHECK(hung_yen != std::string::npos);
            CHECK(bac_kan < hung_yen);
        } else {
            CHECK_THAT(r.out, Catch::Contains("==> " + files[5] + " <=="));
            CHECK_THAT(r.out, Catch::Contains("==> " + files[6] + " <=="));
        }
    }
}
