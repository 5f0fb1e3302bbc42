#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <regex>

#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.h"
#include "isolation/isolation.h"

using namespace congvan::test;

TEST_CASE("each bad input gets one error line and exit 2 while the batch goes on", "[fixtures]") {
    std::vector<std::string> bad = {"empty.pdf",        "random.bin", "truncated.pdf", "encrypted.pdf",
                                    "invalid-utf8.txt", "huge.png",   "huge-page2.tif"};
    std::vector<std::string> args = {"text", "--lang", "en", "--format", "jsonl", sample("bgddt-2020-huong-dan.txt")};
    for (const auto& b : bad) args.push_back(fixture("bad/" + b));
    args.push_back(fixture("hung-yen-2021-bao-cao.pdf"));
    auto result = run_congvan(args);
    CHECK(result.exit_code == 2);
    auto errors = lines_of(result.err);
    REQUIRE(errors.size() == bad.size());
    for (std::size_t i = 0; i < bad.size(); ++i) {
        CHECK_THAT(errors[i], Catch::StartsWith("congvan: " + fixture("bad/" + bad[i]) + ": "));
        CHECK(errors[i].size() > ("congvan: " + fixture("bad/" + bad[i]) + ": ").size() + 5);
    }
    CHECK_THAT(errors[2], Catch::Contains("truncated"));
    CHECK_THAT(errors[3], Catch::Contains("encrypted"));
    CHECK_THAT(errors[5], Catch::Contains("too large"));
    // The second page's size is read from its header, before any page is decoded.
    CHECK_THAT(errors[6], Catch::Contains("page 2: image too large: 30000x30000 px"));
    auto out = jsonl_documents(result.out);
    REQUIRE(out.size() == 2);  // both good files, in order
    auto first = out[0], last = out[1];
    // The bad ones are in the stream too, each with its reason, in the order given.
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 1 + 2 + bad.size() + 1);
    for (std::size_t i = 0; i < bad.size(); ++i) {
        auto error = nlohmann::json::parse(lines[2 + i]);
        CHECK(error["type"] == "error");
        CHECK(error["data"]["file"] == fixture("bad/" + bad[i]));
        CHECK("congvan: " + fixture("bad/" + bad[i]) + ": " + error["data"]["reason"].get<std::string>() == errors[i]);
    }
    auto summary = nlohmann::json::parse(lines.back());
    CHECK(summary["data"]["documents"] == 2);
    CHECK(summary["data"]["errors"] == static_cast<int>(bad.size()));
    CHECK(first["file"] == sample("bgddt-2020-huong-dan.txt"));
    CHECK(last["file"] == fixture("hung-yen-2021-bao-cao.pdf"));
    CHECK(last["sha256"].get<std::string>().size() == 64);
    CHECK(last["pages"][0]["source"] == "text");
    CHECK(last["pages"][0]["lines"][0]["text"] == "Số: 2005/BC-SGDĐT");
    CHECK(last["pages"][0]["lines"][0]["bbox"].size() == 4);
}

TEST_CASE("congvan text prints pages separated by form feeds, in the order given", "[fixtures]") {
    auto result = run_congvan({"text", "-j", "2", fixture("bac-kan-2022-ke-hoach.pdf"), sample("hung-yen-2021-bao-cao.txt")});
    CHECK(result.exit_code == 0);
    auto bac_kan = result.out.find("==> " + fixture("bac-kan-2022-ke-hoach.pdf"));
    auto hung_yen = result.out.find("==> " + sample("hung-yen-2021-bao-cao.txt"));
    REQUIRE(bac_kan != std::string::npos);
    REQUIRE(hung_yen != std::string::npos);
    CHECK(bac_kan < hung_yen);
    CHECK(std::count(result.out.begin(), result.out.end(), '\f') >= 3);
}

TEST_CASE("text, extract and check give up a file at --timeout and go on with the rest", "[fixtures][ocr]") {
    for (const std::string command : {"text", "extract", "check"}) {
        INFO(command);
        auto start = std::chrono::steady_clock::now();
        auto r = run_congvan(
            {command, "--timeout", "1", "-j", "1", fixture("hung-yen-2021-bao-cao.scan.pdf"), sample("nghe-an-2024-ke-hoach.txt")});
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("hung-yen-2021-bao-cao.scan.pdf: quá thời gian cho phép (1 giây)"));
        CHECK_THAT(r.out, Catch::Contains("nghe-an-2024-ke-hoach.txt"));
        CHECK(seconds < 5);  // reading the whole scan takes ~6 s
    }
}

TEST_CASE("--force-ocr reads a PDF's pages by OCR in check and scan too, its text layer ignored", "[fixtures][ocr]") {
    // A dispatch with a text layer and a finding: its evidence is the layer's line
    // (confidence 100) unless OCR is forced, when it is OCR's reading of the page.
    const std::string pdf = fixture("lao-cai-2022-cong-van.pdf");
    auto evidence_confidences = [](const std::string& out) {
        std::vector<double> all;
        for (const auto& doc : jsonl_documents(out))
            for (const auto& f : doc["findings"])
                if (f["evidence"].is_object()) all.push_back(f["evidence"]["confidence"].get<double>());
        return all;
    };
    auto layer = evidence_confidences(run_congvan({"check", "--format", "jsonl", pdf}).out);
    REQUIRE(!layer.empty());
    for (double c : layer) CHECK(c == 100);
    auto forced = evidence_confidences(run_congvan({"check", "--format", "jsonl", "--force-ocr", pdf}).out);
    REQUIRE(!forced.empty());
    for (double c : forced) CHECK(c < 100);
    std::string dir = fresh_temp_dir("congvan-force-ocr");
    std::filesystem::copy_file(pdf, dir + "/dispatch.pdf");
    auto scan = run_congvan({"scan", dir + "/dispatch.pdf", "--db", dir + "/a.sqlite", "--force-ocr"});
    CHECK(scan.exit_code <= 1);
    auto summary = run_congvan({"export", "--format", "jsonl", "--db", dir + "/a.sqlite"});
    for (double c : evidence_confidences(summary.out)) CHECK(c < 100);
    CHECK(!evidence_confidences(summary.out).empty());
}

TEST_CASE("check runs its rules inside the document's process, under its --timeout and --max-memory", "[fixtures][scan][memory]") {
    if (congvan::kSanitized) {
        WARN("skipped: sanitizer builds run documents without a memory limit");
        return;
    }
    // An 8 MB text on one line (a paste gone wrong): reading it fits in 500 MiB, its
    // rules do not. The cap covers both, as scan's does: the document fails alone,
    // its reason named, instead of the rules growing the command without bound.
    std::string dir = fresh_temp_dir("congvan-check-limits");
    std::string huge = dir + "/one-line.txt";
    {
        std::ofstream out(huge);
        out << "KẾ HOẠCH ";
        const char* words[] = {"Tuần", "lễ", "hưởng", "ứng",   "học", "tập", "suốt", "đời",        "ngày", "01/10/2022",
                               "chủ",  "đề", "kế",    "hoạch", "báo", "cáo", "số",   "12/KH-UBND", "thứ",  "Hai"};
        for (int i = 0; i < 1300000; ++i) out << words[(i * 7 + i / 20) % 20] << ' ';
        out << '\n';
    }
    auto read = run_congvan({"extract", "--lang", "en", "--max-memory", "500", huge});
    INFO(read.err);
    REQUIRE(read.exit_code == 0);
    auto checked = run_congvan({"check", "--lang", "en", "-q", "--max-memory", "500", huge});
    INFO(checked.err);
    CHECK(checked.exit_code == 2);
    CHECK_THAT(checked.err, Catch::StartsWith("congvan: " + huge + ": ") && Catch::Contains("500 MiB"));
}

TEST_CASE("on a terminal, a multi-page scan's pages are shown as they are read; off one, nothing", "[fixtures][ocr]") {
    // A two-page scanned report under a pseudo-terminal (util-linux's script).
    const std::string scan = fixture("binh-dinh-2023-bao-cao.scan.pdf");
    auto on_terminal =
        run_program({"/usr/bin/script", "-qec", std::string(CONGVAN_BINARY) + " text '" + scan + "' > /dev/null", "/dev/null"});
    CHECK(on_terminal.exit_code == 0);
    CHECK_THAT(on_terminal.out, Catch::Contains(scan + ": trang 1/2") && Catch::Contains(scan + ": trang 2/2"));
    CHECK_THAT(on_terminal.out, Catch::Contains("\r\033[K"));  // each line over the last, cleared at the end
    // Into a file or a pipe: no progress line, stderr stays for errors.
    auto piped = run_congvan({"check", "-q", scan});
    CHECK(piped.err.find("trang 1/2") == std::string::npos);
}

TEST_CASE("OpenMP's thread limit reaches libgomp from the program's start, in one process") {
    // libgomp asks getenv for OMP_THREAD_LIMIT as it loads, with the engines' module
    // (--version loads it to name Tesseract's version): the program's own getenv must
    // be the one it binds to (cli/main.cpp), and the program starts once.
    auto r = run_program({"/usr/bin/env", "-u", "OMP_THREAD_LIMIT", "LD_DEBUG=bindings", CONGVAN_BINARY, "--version"});
    REQUIRE(r.exit_code == 0);
    std::regex gomp_to_program(R"(binding file \S*libgomp\.so\.1 \[0\] to \S*congvan \[0\]: normal symbol `getenv')");
    CHECK(std::regex_search(r.err, gomp_to_program));
    // Loaded once: a program started again to have the variable read loads it twice.
    std::regex gomp_getenv(R"(libgomp\.so\.1 \[0\] to \S+ \[0\]: normal symbol `getenv')");
    auto bound = std::distance(std::sregex_iterator(r.err.begin(), r.err.end(), gomp_getenv), std::sregex_iterator());
    CHECK(bound == 1);
}
