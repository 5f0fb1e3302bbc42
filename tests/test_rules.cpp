// Each rule on documents of our own: one that fires it, near misses that must not.
// Bases: corpus/samples/nghe-an-2024-ke-hoach.txt (a clean 2024 plan) and
// gia-lai-2020-ke-hoach.txt (a clean 2020 plan, the year whose deadline and
// agencies are known); errors are injected by replacing text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "congvan_version.h"
#include "extract/extractor.h"
#include "extract/loader.h"
#include "helpers.h"
#include "rule_helpers.h"
#include "rules/config.h"
#include "rules/ministry.h"
#include "report/rule_docs.h"
#include "rules/registry.h"

using namespace congvan;
using namespace congvan::test;

namespace {
const std::string& plan_2024() {
    static const std::string text = read_sample("nghe-an-2024-ke-hoach.txt");
    return text;
}
const std::string& plan_2020() {
    static const std::string text = read_sample("gia-lai-2020-ke-hoach.txt");
    return text;
}
const std::string kTheme2024 = "“Phát triển văn hoá đọc thúc đẩy học tập suốt đời”";
}  // namespace

TEST_CASE("the clean plans of our own have no findings at all") {
    CHECK(check_text(plan_2024()).findings.empty());
    CHECK(check_text(plan_2020()).findings.empty());
}

TEST_CASE("the registry, the rule files, the documentation pages and the README name the same rules") {
    namespace fs = std::filesystem;
    std::set<std::string> registered, files, pages;
    for (const auto& rule : RuleRegistry::instance().rules()) registered.insert(rule->id());
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/rules/checks")) files.insert(e.path().stem().string());
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/docs/rules")) pages.insert(e.path().stem().string());
    CHECK(registered.size() >= 13);
    CHECK(registered == files);  // one file a rule, named by its id, each registering itself
    CHECK(registered == pages);
    std::ifstream in(CONGVAN_SOURCE_DIR "/README.md");
    std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& id : registered) {
        INFO(id);
        CHECK_THAT(readme, Catch::Contains("`" + id + "`"));
        CHECK_THAT(rule_documentation(id), Catch::StartsWith("# " + id + "\n"));
    }
}

TEST_CASE("theme-mismatch: a dropped word fires with a word diff") {
    auto f = findings_of(with(plan_2024(), kTheme2024, "“Phát triển văn hóa đọc thúc đẩy học tập”"), "theme-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Error);
    CHECK_THAT(f[0].message_vi, Catch::Contains("[-suốt đời-]"));
    CHECK(f[0].expected == "Phát triển văn hóa đọc thúc đẩy học tập suốt đời");
    REQUIRE(f[0].evidence);
    CHECK(f[0].evidence->line == 13);
}

TEST_CASE("theme-mismatch: another year's theme fires") {
    auto f = findings_of(with(plan_2024(), kTheme2024, "“Xây dựng năng lực tự học trong kỷ nguyên số”"), "theme-mismatch");
    CHECK(f.size() == 1);
}

TEST_CASE("theme-mismatch: case, tone placement, i/y, quotes, spacing and COVID spellings do not fire") {
    for (std::string variant : {"“PHÁT TRIỂN VĂN HÓA ĐỌC THÚC ĐẨY HỌC TẬP SUỐT ĐỜI”", "\"Phát triển văn hóa  đọc thúc đẩy học tập suốt đời.\"",
                                "**Phát triển văn hoá đọc thúc đẩy học tập suốt đời**"}) {
        INFO(variant);
        CHECK(findings_of(with(plan_2024(), kTheme2024, variant), "theme-mismatch").empty());
    }
    auto plan_2023 = read_sample("dak-lak-2023-ke-hoach.txt");
    CHECK(findings_of(with(plan_2023, "trong kỷ nguyên số”", "trong kỉ nguyên số”"), "theme-mismatch").empty());
    auto plan_2022 = read_sample("bac-kan-2022-ke-hoach.txt");
    CHECK(findings_of(plan_2022, "theme-mismatch").empty());  // "COVID -19"
    CHECK(findings_of(with(plan_2022, "đại dịch COVID -19", "đại dịch Covid 19"), "theme-mismatch").empty());
    CHECK(findings_of(with(plan_2022, "sau đại dịch COVID -19", "sau dịch COVID-19"), "theme-mismatch").size() == 1);
}

TEST_CASE("week-mismatch: a shifted week fires, the same week written otherwise does not") {
    auto f = findings_of(with(plan_2024(), "từ ngày 01/10/2024 đến ngày 07/10/2024", "từ ngày 02/10/2024 đến ngày 08/10/2024"), "week-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == "2024-10-01/2024-10-07");
    CHECK(findings_of(with(plan_2024(), "từ ngày 01/10/2024 đến ngày 07/10/2024", "từ ngày 1/10/2024 đến hết ngày 07/10/2024"), "week-mismatch").empty());
}

TEST_CASE("opening-outside-week: an opening the day before fires as a warning") {
    auto f = findings_of(with(plan_2024(), "7h30, thứ Ba, ngày 01/10/2024", "7h30, thứ Hai, ngày 30/9/2024"), "opening-outside-week");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(findings_of(with(plan_2024(), "7h30, thứ Ba, ngày 01/10/2024", "7h30, thứ Hai, ngày 07/10/2024"), "opening-outside-week").empty());
}

TEST_CASE("report-deadline-late: a 2020 deadline after the Ministry's fires") {
    auto f = findings_of(with(plan_2020(), "trước ngày 20/10/2020", "trước ngày 05/11/2020"), "report-deadline-late");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == "2020-10-30");
    CHECK(f[0].reference_confidence == "seed");
    CHECK(findings_of(with(plan_2020(), "trước ngày 20/10/2020", "trước ngày 30/10/2020"), "report-deadline-late").empty());
    // 2024's deadline is unknown: the rule stays silent rather than guess.
    CHECK(findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 30/11/2024"), "report-deadline-late").empty());
}

TEST_CASE("cited-dispatch-mismatch: a wrong unit or date fires, spacing does not") {
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5201/BGDĐT-GDTrH"), "cited-dispatch-mismatch").size() == 1);
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024 của Bộ", "ngày 10/9/2024 của Bộ"), "cited-dispatch-mismatch").size() == 1);
    CHECK(findings_of(with(plan_2024(), "5201/BGDĐT-GDTX", "5201/BGDĐT - GDTX"), "cited-dispatch-mismatch").empty());
}

TEST_CASE("date-invalid: days that do not exist fire, a leap day does not") {
    auto f = findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 31/9/2024"), "date-invalid");
    REQUIRE(f.size() == 1);
    CHECK(f[0].found == "31/9/2024");
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2023"), "date-invalid").size() == 1);
    CHECK(findings_of(with(plan_2024(), "ngày 09/9/2024", "ngày 29/02/2024"), "date-invalid").empty());
}

TEST_CASE("weekday-mismatch: a weekday that is not the date's fires, any spelling of the right one does not") {
    auto f = findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "thứ Tư, ngày 01/10/2024"), "weekday-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == "thứ Ba");
    for (std::string ok : {"THỨ BA, ngày 01/10/2024", "thứ 3, ngày 01/10/2024"})
        CHECK(findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", ok), "weekday-mismatch").empty());
    CHECK(findings_of(with(plan_2024(), "thứ Ba, ngày 01/10/2024", "ngày 01/10/2024 (Chủ nhật)"), "weekday-mismatch").size() == 1);
}

TEST_CASE("date-implausible: a cited proposal dated after the plan, or a year early, fires") {
    std::string late = with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 25/9/2024 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(late, "date-implausible").size() == 1);
    std::string early = with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 12/9/2023 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(early, "date-implausible").size() == 1);
    std::string fine = with(plan_2024(), "Căn cứ Công văn", "Căn cứ Tờ trình số 45/TTr-SGDĐT ngày 12/9/2024 của Sở Giáo dục và Đào tạo; Công văn");
    CHECK(findings_of(fine, "date-implausible").empty());
    CHECK(findings_of(with(plan_2024(), "trước ngày 20/10/2024", "trước ngày 20/10/2023"), "date-implausible").size() == 1);
}

TEST_CASE("internal-conflict: one document cited with two dates, or two themes, fires") {
    std::string twice = with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024 của UBND tỉnh; Công văn");
    CHECK(findings_of(with(twice, "Các đơn vị, địa phương báo cáo", "Theo Kế hoạch số 10/KH-UBND ngày 02/9/2024, các đơn vị, địa phương báo cáo"),
                      "internal-conflict").size() == 1);
    CHECK(findings_of(with(twice, "Các đơn vị, địa phương báo cáo", "Theo Kế hoạch số 10/KH-UBND ngày 01/9/2024, các đơn vị, địa phương báo cáo"),
                      "internal-conflict").empty());
    std::string themes = with(plan_2024(), "III. TỔ CHỨC THỰC HIỆN", "Chủ đề: “Phát triển văn hóa đọc”.\nIII. TỔ CHỨC THỰC HIỆN");
    CHECK(findings_of(themes, "internal-conflict").size() == 1);
}

TEST_CASE("symbol-malformed: a wrong type code or a repeated part fires") {
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/BC-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Số: 812/KH-UBND", "Số: 812/KH-UBND-UBND"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/QĐ-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").size() == 1);
    CHECK(findings_of(with(plan_2024(), "Căn cứ Công văn", "Căn cứ Kế hoạch số 10/KH-UBND ngày 01/9/2024; Công văn"), "symbol-malformed").empty());
}

TEST_CASE("unsigned-draft: a blank number and a blank day are info") {
    auto draft = with(with(plan_2024(), "Số: 812/KH-UBND", "Số:      /KH-UBND"), "ngày 20 tháng 9 năm 2024", "ngày    tháng 9 năm 2024");
    auto f = findings_of(draft, "unsigned-draft");
    REQUIRE(f.size() == 2);
    CHECK(f[0].severity == Severity::Info);
}

TEST_CASE("unsigned-draft: a signed copy is not a draft, and marks OCR could not read are not a blank") {
    auto draft = with(plan_2024(), "Số: 812/KH-UBND", "Số:      /KH-UBND");
    auto stamped = "Ký bởi: Ủy ban nhân dân tỉnh Nghệ An\nThời gian ký: 20/09/2024 10:00:00\n" + draft;
    CHECK(findings_of(draft, "unsigned-draft").size() == 1);
    CHECK(findings_of(stamped, "unsigned-draft").empty());
    auto scribbled = with(plan_2024(), "Số: 812/KH-UBND", "Số: ‹jÏ /KH-UBND");
    CHECK(findings_of(scribbled, "unsigned-draft").empty());
}

// The checker's one policy: a finding resting on a reading below the uncertainty
// threshold is at most info and says so; the same finding on a sure reading is not.
TEST_CASE("a finding built on an uncertain reading is info and says why") {
    auto mutated = with(plan_2024(), kTheme2024, "“Phát triển văn hóa đọc thúc đẩy học tập”");
    auto read_with = [&](double line_confidence) {
        Document doc = load_document_bytes(mutated, "scan.txt");
        for (auto& page : doc.pages)
            for (auto& line : page.lines)
                if (line.text.find("Phát triển văn hóa đọc") != std::string::npos) {
                    line.source = PageSource::Ocr;
                    line.confidence = line_confidence;
                }
        CheckOptions o;
        o.records = &bundled_records();
        return findings_of(check_record(extract_record(doc), o), "theme-mismatch");
    };
    auto sure = read_with(92);
    REQUIRE(sure.size() == 1);
    CHECK(sure[0].severity == Severity::Error);
    CHECK_FALSE(sure[0].uncertain_reading);
    auto unsure = read_with(61);
    REQUIRE(unsure.size() == 1);
    CHECK(unsure[0].severity == Severity::Info);
    CHECK(unsure[0].uncertain_reading);
    CHECK_THAT(unsure[0].message_en, Catch::Contains("uncertain reading, confidence 61/100"));
    CHECK_THAT(unsure[0].message_vi, Catch::Contains("đọc không chắc chắn"));
}

TEST_CASE("missing-field: a plan without a theme or an opening fires once for each") {
    auto no_theme = with(plan_2024(), "1. Chủ đề: " + kTheme2024 + ".", "1. Nội dung: tuyên truyền.");
    auto f = findings_of(no_theme, "missing-field");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == "theme");
    auto no_opening = with(plan_2024(), "3. Lễ khai mạc cấp tỉnh: 7h30, thứ Ba, ngày 01/10/2024, tại Quảng trường Hồ Chí Minh, thành phố Vinh.", "");
    CHECK(findings_of(no_opening, "missing-field").size() == 1);
    // A dispatch is not a plan.
    CHECK(findings_of(read_sample("quang-tri-2021-cong-van.txt"), "missing-field").empty());
}

TEST_CASE("responsibility-missing: a 2020 plan that gives no task to the study promotion association fires") {
    auto f = findings_of(with(plan_2020(), "3.2. Hội Khuyến học tỉnh: Phát động phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng.\n", ""),
                         "responsibility-missing");
    REQUIRE(f.size() == 1);
    CHECK(f[0].expected == "Hội Khuyến học tỉnh");
    // 2024's agencies are unknown: no finding either way.
    CHECK(findings_of(with(plan_2024(), "2. Hội Khuyến học tỉnh:", "2. Sở Tài chính:"), "responsibility-missing").empty());
}

TEST_CASE("configuration turns rules off and changes severities") {
    std::string bad = with(plan_2024(), kTheme2024, "“Phát triển văn hóa đọc”");
    CheckOptions options;
    options.config.set("theme-mismatch", "warning");
    auto f = findings_of(check_text(bad, options), "theme-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    options.config.set("theme-mismatch", "off");
    CHECK(findings_of(check_text(bad, options), "theme-mismatch").empty());
    CHECK_THROWS_AS(options.config.set("no-such-rule", "off"), std::invalid_argument);
    CHECK_THROWS_AS(options.config.set("theme-mismatch", "fatal"), std::invalid_argument);
}

TEST_CASE("the reference record: --against wins, then the cited instruction, then the year") {
    auto result = check_text(plan_2024());
    REQUIRE(result.reference);
    CHECK(result.reference->source == "cited-instruction");
    CHECK(result.reference->record.year == 2024);
    auto news = check_text(read_sample("tin-tuc-tuan-le-2025.txt"));
    REQUIRE(news.reference);
    CHECK(news.reference->source == "year");
    CheckOptions against;
    against.against = bundled_records().at(2023);
    against.against->origin = "a 2023 dispatch";
    auto compared = check_text(plan_2024(), against);
    CHECK(compared.reference->source == "against");
    CHECK(findings_of(compared, "theme-mismatch").size() == 1);
    // A plan that cites an earlier year's instruction is still compared with its own year.
    auto wrong_year = check_text(with(plan_2024(), "5201/BGDĐT-GDTX ngày 09/9/2024", "4864/BGDĐT-GDTX ngày 08/9/2023"));
    CHECK(wrong_year.reference->record.year == 2024);
    CHECK(findings_of(wrong_year, "cited-dispatch-mismatch").size() == 2);
}

TEST_CASE("the nearest .congvan.yaml above a document configures its rules, flags win over it") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / "congvan-config-test";
    fs::remove_all(root);
    fs::create_directories(root / "2022" / "lao-cai");
    std::ofstream(root / ".congvan.yaml") << "rules:\n  unsigned-draft: off\n  opening-outside-week: error\n";
    std::string doc = (root / "2022" / "lao-cai" / "plan.pdf").string();
    auto config = config_for_document(doc, {});
    CHECK_FALSE(config.enabled("unsigned-draft"));
    CHECK(config.severity("opening-outside-week", Severity::Warning) == Severity::Error);
    RuleOverrides flags;
    flags.severities = {"opening-outside-week=info"};
    CHECK(config_for_document(doc, flags).severity("opening-outside-week", Severity::Warning) == Severity::Info);
    std::ofstream(root / ".congvan.yaml") << "rules:\n  no-such-rule: off\n";
    CHECK_THROWS_WITH(config_for_document(doc, {}), Catch::Contains("no-such-rule"));
    fs::remove_all(root);
}

TEST_CASE("a configuration mistake is an error naming the file, the line and the key") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "congvan-config-mistakes";
    fs::create_directories(dir);
    auto refused = [&](const std::string& text) -> std::string {
        std::string path = (dir / ".congvan.yaml").string();
        std::ofstream(path, std::ios::trunc) << text;
        try {
            load_rule_config(path);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "";
    };
    std::string path = (dir / ".congvan.yaml").string();
    CHECK(refused("rules:\n  unsigned-draft: off\nrule:\n  theme-mismatch: off\n") ==
          path + ":3: unknown key 'rule' (the only key is rules:)");
    CHECK(refused("rules:\n  unsigned-draft: off\n  theme-mismach: off\n") == path + ":3: unknown rule 'theme-mismach'");
    CHECK_THAT(refused("rules:\n  theme-mismatch: [warning]\n"), Catch::StartsWith(path + ":2: the value of theme-mismatch"));
    CHECK_THAT(refused("rules:\n  theme-mismatch: fatal\n"), Catch::StartsWith(path + ":2: unknown severity 'fatal'"));
    CHECK_THAT(refused("rules: [a, b]\n"), Catch::StartsWith(path + ":1: rules: expects"));
    CHECK_THAT(refused("rules:\n  a: [\n"), Catch::StartsWith(path + ":") && Catch::Contains("not valid YAML"));
    CHECK(refused("") == "");
    CHECK(refused("rules:\n  theme-mismatch: warning\n") == "");
}

TEST_CASE("a Ministry record with an unknown confidence word or a value of the wrong type is refused with its line") {
    std::string dir = fresh_temp_dir("congvan-record-mistakes");
    std::string good = read_text_file(CONGVAN_SOURCE_DIR "/corpus/ministry/2022.yaml");
    auto refused = [&](std::string from, std::string to) -> std::string {
        std::ofstream(dir + "/2022.yaml", std::ios::trunc) << with_replaced(good, from, to);
        try {
            load_ministry_records(dir);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    };
    std::string path = dir + "/2022.yaml";
    CHECK(refused("year", "year") == "");
    auto line_of = [&](const std::string& what) {
        return std::to_string(std::count(good.begin(), good.begin() + static_cast<long>(good.find(what)), '\n') + 1);
    };
    CHECK(refused("confidence: confirmed", "confidence: sure") ==
          path + ": not a valid Ministry record: line " + line_of("confidence: confirmed") +
              ": unknown confidence 'sure' (confirmed, single, seed, inferred or unknown)");
    CHECK(refused("year: 2022", "year: twenty") == path + ": not a valid Ministry record: line " + line_of("year: 2022") +
                                                      ": a value of the wrong type");
}
