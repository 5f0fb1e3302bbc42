// The message catalogue: both languages of every message, the same placeholders in
// each, and values inserted as they are.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "helpers.h"
#include "rules/registry.h"
#include "rules/value.h"
#include "text/messages.h"

#include <nlohmann/json.hpp>

using namespace congvan;

TEST_CASE("every message exists in Vietnamese and English with the same placeholders") {
    const auto& catalogue = message_catalogue();
    REQUIRE(catalogue.size() > 50);
    for (const auto& [key, text] : catalogue) {
        INFO(key);
        CHECK(!text.vi.empty());
        CHECK(!text.en.empty());
        auto vi = placeholders(text.vi), en = placeholders(text.en);
        std::sort(vi.begin(), vi.end());
        std::sort(en.begin(), en.end());
        CHECK(vi == en);
    }
}

TEST_CASE("a value is inserted as it is, even when it looks like a placeholder or a format") {
    Text t = message("theme-mismatch.differs", {{"year", "2022"}, {"diff", "{year} %s {}"}});
    CHECK(t.vi == "Chủ đề khác chủ đề của Bộ năm 2022: {year} %s {}");
    CHECK(t.en == "theme differs from the Ministry's 2022 theme: {year} %s {}");
}

TEST_CASE("an unknown key or a missing value is a programming mistake") {
    CHECK_THROWS_AS(message("no-such-message"), std::logic_error);
    CHECK_THROWS_AS(message("theme-mismatch.differs", {{"year", "2022"}}), std::logic_error);
}

TEST_CASE("typed values render in each language") {
    VnDate d{30, 10, 2022};
    CHECK(render(date_value(d)).vi == "30/10/2022");
    CHECK(render(date_value(d, Value::Kind::DateOnOrBefore)).en == "on or before 30/10/2022");
    CHECK(render(date_value(d, Value::Kind::DateOnOrBefore)).vi == "không muộn hơn 30/10/2022");
    CHECK(render(period_value(Week{{1, 10, 2022}, {7, 10, 2022}})).vi == "01/10/2022 – 07/10/2022");
    CHECK(render(weekday_value(7)).vi == "Chủ nhật");
    CHECK(render(weekday_value(1)).en == "Monday");
    CHECK(render(field_value("report_deadline")).vi == "hạn báo cáo");
    CHECK(render(rule_value(Value::Kind::EachPartOnce)).vi == "mỗi phần một lần");
    for (int k = 0; k <= static_cast<int>(Value::Kind::NoTypeCode); ++k) {
        auto kind = static_cast<Value::Kind>(k);
        CHECK(parse_kind(kind_name(kind)) == kind);
    }
}

TEST_CASE("Vietnamese output says nothing in English") {
    // Words of the English catalogue that must not appear in a Vietnamese text.
    for (const auto& [key, text] : message_catalogue()) {
        INFO(key);
        std::string words = text.vi;  // without its placeholders' names
        for (const auto& name : placeholders(text.vi)) words = words.replace(words.find("{" + name + "}"), name.size() + 2, "");
        for (const char* word : {" the ", " is ", " of ", "expected", "found", "confidence", "OCR"})
            CHECK(words.find(word) == std::string::npos);
    }
}

TEST_CASE("a reason in congvan's English reads in Vietnamese, its parts too; other text stays as it is") {
    CHECK(localize("page 3: cannot open file: Permission denied").vi == "trang 3: không mở được tệp: không có quyền truy cập");
    CHECK(localize("timed out after 2.5 s").vi == "quá thời gian cho phép (2.5 giây)");
    CHECK(localize("crashed (Segmentation fault) (the library said: Error: bad xref)").vi ==
          "bị lỗi và dừng đột ngột (Segmentation fault) (thư viện báo: Error: bad xref)");
    CHECK(localize("something no template says").vi == "something no template says");
    // A file named before its reason: the shortest name that leaves a reason to read.
    CHECK(localize("/tmp/a.yaml: cannot open file: No such file or directory").vi ==
          "/tmp/a.yaml: không mở được tệp: không có tệp hoặc thư mục này");
    CHECK(localize("empty file").en == "empty file");
}

TEST_CASE("a reason travels as its key and arguments and is worded only when shown; an older English one still reads") {
    Text page = message("error.page", {{"page", "3"}, {"reason", message("error.render")}});
    std::string stored = encoded(page);
    CHECK_THAT(stored, Catch::StartsWith(R"({"key":"error.page","args":{)"));
    CHECK(stored.find(page.en) == std::string::npos);  // no sentence in the stored form
    Text shown = shown_reason(stored);
    CHECK(shown.vi == page.vi);
    CHECK(shown.en == page.en);
    CHECK(shown.key == "error.page");
    // A problem's kind is read from its key, never from its words.
    CHECK(std::string(problem_kind(encoded(message("error.timed-out-after", {{"seconds", "5"}})))) == "timeout");
    CHECK(std::string(problem_kind(
              encoded(message("error.library-said", {{"reason", message("error.aborted", {{"signal", "Aborted"}, {"limit", "64"}})},
                                                     {"said", "std::bad_alloc"}})))) == "memory");
    CHECK(std::string(problem_kind(encoded(message("error.encrypted-pdf")))) == "unreadable");
    // Written by an older congvan (a scan database's English), and text that is neither.
    CHECK(std::string(problem_kind("timed out after 5 s")) == "timeout");
    CHECK(shown_reason("timed out after 5 s").vi != "timed out after 5 s");
    CHECK(shown_reason(R"({"key":"no.such.key","args":{}})").en == R"({"key":"no.such.key","args":{}})");
    CHECK(shown_reason("{\"key\": broken").en == "{\"key\": broken");
}

TEST_CASE("every file of the bad-input corpus is refused in Vietnamese words, or in English with --lang en", "[fixtures]") {
    namespace fs = std::filesystem;
    std::vector<std::string> args{"text"};
    for (const auto& e : fs::directory_iterator(test::fixture("bad"))) args.push_back(e.path().string());
    auto vi = test::run_congvan(args);
    CHECK(vi.exit_code == 2);
    std::istringstream lines(vi.err);
    int refused = 0;
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        REQUIRE(line.rfind("congvan: ", 0) == 0);
        std::string reason = line.substr(line.find(": ", line.find("/bad/")) + 2);
        for (const char* english : {"file", "page", "image", "not ", "cannot", "the ", " is ", "timed", "memory"})
            CHECK(reason.find(english) == std::string::npos);
        ++refused;
    }
    CHECK(refused >= 8);
    args.insert(args.begin() + 1, {"--lang", "en"});
    CHECK_THAT(test::run_congvan(args).err, Catch::Contains("empty.pdf: empty file"));
}

TEST_CASE("help is in Vietnamese by default and in English with --lang en or $CONGVAN_LANG, CLI11's words included") {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"scan", "--help"}, {"check", "-h"}}) {
        INFO(args[0] << " " << args.back());
        auto vi = test::run_congvan(args);
        CHECK(vi.exit_code == 0);
        CHECK_THAT(vi.out, Catch::Contains("Cách dùng:") && Catch::Contains("Tùy chọn:") && Catch::Contains("In trợ giúp này rồi thoát"));
        for (const char* english :
             {"Usage", "OPTIONS", "Options:", "Print this help", "TEXT", "UINT", "REQUIRED", "Documents", "Files and"})
            CHECK(vi.out.find(english) == std::string::npos);
        auto with_option = args;
        with_option.insert(with_option.begin(), "--lang=en");
        auto en = test::run_congvan(with_option);
        CHECK_THAT(en.out, Catch::Contains("Usage:") && Catch::Contains("Print this help message and exit"));
        CHECK(en.out.find("Cách dùng") == std::string::npos);
    }
    auto scan_en = test::run_program({"/usr/bin/env", "CONGVAN_LANG=en", CONGVAN_BINARY, "scan", "--help"});
    CHECK_THAT(scan_en.out, Catch::Contains("Extract and check every document under folders into a SQLite or PostgreSQL database"));
}

TEST_CASE("a mistyped command or option is one line in the output's language, with what it most likely meant") {
    auto command = test::run_congvan({"expotr", "--db", "x.sqlite"});
    CHECK(command.exit_code == 2);
    CHECK_THAT(command.err, Catch::StartsWith("congvan: không có lệnh 'expotr'; có phải ý là export?\n"));
    auto option = test::run_congvan({"scan", "--db", "x.sqlite", "--retry-error", "docs"});
    CHECK(option.exit_code == 2);
    CHECK_THAT(option.err, Catch::Contains("không hiểu đối số --retry-error; có phải ý là --retry-errors?"));
    auto value = test::run_congvan({"check", "--lang", "en", "--format", "xml", "plan.txt"});
    CHECK(value.exit_code == 2);
    CHECK_THAT(value.err, Catch::StartsWith("congvan: --format: 'xml' is not one of "));
    CHECK_THAT(value.err, Catch::Contains("Run congvan --help"));
    // Nothing like a command: no guess, and no English from CLI11 by default.
    auto far = test::run_congvan({"zzzzzzzzzz"});
    CHECK_THAT(far.err, Catch::StartsWith("congvan: không có lệnh 'zzzzzzzzzz'\n"));
    auto missing = test::run_congvan({"check", "--config", "/no/such/file.yaml", "plan.txt"});
    CHECK(missing.err == "congvan: /no/such/file.yaml: không mở được tệp: không có tệp hoặc thư mục này\n");
    for (const auto* r : {&command, &option, &far, &missing}) CHECK(r->err.find("Run with --help") == std::string::npos);
}

TEST_CASE("the help's second column lines up when the first holds Vietnamese letters") {
    auto help = test::run_congvan({"scan", "--help"});
    std::istringstream lines(help.out);
    std::vector<std::size_t> columns;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  --db", 0) != 0 && line.rfind("  --retry-errors", 0) != 0) continue;
        std::size_t at = line.find("  ", 2);
        at = line.find_first_not_of(' ', at);
        std::size_t shown = 0;
        for (std::size_t i = 0; i < at; ++i) shown += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
        columns.push_back(shown);
    }
    REQUIRE(columns.size() == 2);
    CHECK(columns[0] == columns[1]);
}

TEST_CASE("a text is stored as its key and values and worded again when read") {
    Text written = message("value.date-after", {{"value", "01/10/2024"}});
    nlohmann::json j = written;
    CHECK(j.dump() == R"({"args":{"value":"01/10/2024"},"key":"value.date-after"})");  // no words: they are the catalogue's
    Text read = j.get<Text>();
    CHECK(read.key == "value.date-after");
    CHECK(read.en == "after 01/10/2024");
    CHECK(read.vi == "sau 01/10/2024");
    // A key this congvan no longer has reads as the key; words not from the catalogue
    // are kept as they are, never taken for a system's English.
    CHECK(nlohmann::json::parse(R"({"key":"gone.away","args":{}})").get<Text>().en == "gone.away");
    CHECK(nlohmann::json("No such file or directory").get<Text>().vi == "No such file or directory");
    CHECK(nlohmann::json(Text{"khác", "differs"}).get<Text>().vi == "khác");
}
