// What all rules share: the registry, configuration, the choice of the Ministry
// record, uncertain readings. Each rule's own tests are in tests/rules/<id>.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "congvan_version.h"
#include "fields/extractor.h"
#include "helpers.h"
#include "reading/loader.h"
#include "report/rule_docs.h"
#include "rule_helpers.h"
#include "rules/config.h"
#include "rules/ministry.h"
#include "rules/registry.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("the clean plans of our own have no findings at all") {
    CHECK(check_text(plan_2024()).findings.empty());
    CHECK(check_text(plan_2020()).findings.empty());
}

TEST_CASE("the registry, the rule files, the documentation pages, the rule tests and the README name the same rules") {
    namespace fs = std::filesystem;
    std::set<std::string> registered, files, pages, tests;
    for (const auto& rule : RuleRegistry::instance().rules()) registered.insert(rule->id());
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/rules/checks")) files.insert(e.path().stem().string());
    std::set<std::string> pages_vi;
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/docs/rules"))
        if (e.is_regular_file()) pages.insert(e.path().stem().string());
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/docs/rules/vi")) pages_vi.insert(e.path().stem().string());
    CHECK(registered == pages_vi);
    for (const auto& e : fs::directory_iterator(CONGVAN_SOURCE_DIR "/tests/rules")) tests.insert(e.path().stem().string());
    CHECK(registered.size() >= 13);
    CHECK(registered == files);  // one file a rule, named by its id, each registering itself
    CHECK(registered == pages);
    CHECK(registered == tests);  // and one test file
    std::ifstream in(CONGVAN_SOURCE_DIR "/README.md");
    std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& id : registered) {
        INFO(id);
        CHECK_THAT(readme, Catch::Contains("`" + id + "`"));
        CHECK_THAT(rule_documentation(id), Catch::StartsWith("# " + id + "\n"));
        // Its Vietnamese page: the same sections, a summary, and no severity or
        // silencing of its own (rule_page adds them from the registry).
        std::string vi = rule_documentation(id, Language::Vietnamese);
        CHECK_THAT(vi, Catch::StartsWith("# " + id + "\n\nTóm tắt: "));
        CHECK_THAT(vi, Catch::Contains("\n## Bắt lỗi gì\n") && Catch::Contains("\n## Ví dụ báo lỗi\n") &&
                           Catch::Contains("\n## Ví dụ không báo\n"));
        CHECK(vi.find("Mức mặc định:") == std::string::npos);
        std::string en = rule_documentation(id);
        CHECK((en.find("\n## Options\n") == std::string::npos) == (vi.find("\n## Tùy chọn\n") == std::string::npos));
        for (const char* english : {"## What it", "## Example", "Legal basis", " the ", " is "})
            CHECK(vi.find(english) == std::string::npos);
    }
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
    CHECK_FALSE(sure[0].inconclusive());
    auto unsure = read_with(61);
    REQUIRE(unsure.size() == 1);
    CHECK(unsure[0].severity == Severity::Info);
    CHECK(unsure[0].doubts == std::vector<Doubt>{Doubt::UncertainReading});
    // The rule's message stays its own; the formats add why it is inconclusive.
    CHECK(unsure[0].message.en.find("uncertain") == std::string::npos);
    CHECK_THAT(full_message(unsure[0], Language::English), Catch::EndsWith("(uncertain reading, confidence 61/100: check the original)"));
    CHECK_THAT(full_message(unsure[0], Language::Vietnamese), Catch::Contains("đọc không chắc chắn"));
}

TEST_CASE("one policy for every rule: an inferred Ministry value makes a finding one step milder and inconclusive") {
    auto records = bundled_records();
    std::string shifted = with(plan_2024(), "từ ngày 01/10/2024 đến ngày 07/10/2024", "từ ngày 02/10/2024 đến ngày 08/10/2024");
    std::string late_opening = with(plan_2024(), "ngày 01/10/2024, tại Quảng trường", "ngày 12/10/2024, tại Quảng trường");
    auto check_with = [&](const std::string& text, const std::string& rule) {
        CheckOptions o;
        o.records = &records;
        return findings_of(check_record(extract_record(load_document_bytes(text, "plan.txt")), o), rule);
    };
    auto confirmed = check_with(shifted, "week-mismatch");
    REQUIRE(confirmed.size() == 1);
    CHECK(confirmed[0].severity == Severity::Error);
    records.at(2024).week.confidence = "inferred";
    // Both rules that compare with the Ministry's week take the same policy.
    auto inferred = check_with(shifted, "week-mismatch");
    REQUIRE(inferred.size() == 1);
    CHECK(inferred[0].severity == Severity::Warning);
    CHECK(inferred[0].doubts == std::vector<Doubt>{Doubt::ReferenceInferred});
    CHECK_THAT(full_message(inferred[0], Language::English), Catch::Contains("only inferred"));
    auto opening = check_with(with(late_opening, "từ ngày 01/10/2024 đến ngày 07/10/2024", "trong tháng 10"), "opening-outside-week");
    REQUIRE(opening.size() == 1);
    CHECK(opening[0].severity == Severity::Info);  // a warning, one step milder
    CHECK(opening[0].inconclusive());
}

TEST_CASE("a theme one character off on a scanned line is a possible misread, not the author's") {
    Document doc = load_document_bytes(with(plan_2024(), kTheme2024, "“Phát triển văn hóa đọc thúc đẩy học tập suốt đòi”"), "scan.txt");
    for (auto& page : doc.pages)
        for (auto& line : page.lines)
            if (line.text.find("Phát triển văn hóa đọc") != std::string::npos) {
                line.source = PageSource::Ocr;
                line.confidence = 91;
            }
    CheckOptions o;
    o.records = &bundled_records();
    auto f = findings_of(check_record(extract_record(doc), o), "theme-mismatch");
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].doubts == std::vector<Doubt>{Doubt::PossibleMisread});
    o.config.set_option("theme-mismatch", "misread-words", 0);
    auto strict = findings_of(check_record(extract_record(doc), o), "theme-mismatch");
    REQUIRE(strict.size() == 1);
    CHECK(strict[0].severity == Severity::Error);
}

TEST_CASE("the engine applies a rule only to the document types and era it declares") {
    Record plan;
    plan.about_week.value = "Tuần lễ hưởng ứng học tập suốt đời";
    plan.doc_type.value = "ke_hoach";
    plan.date.value = VnDate{4, 3, 2020};
    CHECK(rule_applies(AppliesTo::week_documents({"ke_hoach"}), plan));
    CHECK_FALSE(rule_applies(AppliesTo::week_documents({"bao_cao"}), plan));
    CHECK_FALSE(rule_applies({AppliesTo::Subject::AnyDocument, {}, AppliesTo::Era::Decree30}, plan));  // the day before
    CHECK(rule_applies({AppliesTo::Subject::AnyDocument, {}, AppliesTo::Era::BeforeDecree30}, plan));
    plan.date.value = VnDate{5, 3, 2020};
    CHECK(rule_applies({AppliesTo::Subject::AnyDocument, {}, AppliesTo::Era::Decree30}, plan));
    plan.date.value.reset();  // undated: no era rule guesses
    CHECK_FALSE(rule_applies({AppliesTo::Subject::AnyDocument, {}, AppliesTo::Era::Decree30}, plan));
    plan.doc_type.value.reset();  // type not read: no typed rule guesses
    CHECK_FALSE(rule_applies(AppliesTo::week_documents({"ke_hoach"}), plan));
    plan.about_week.value.reset();
    CHECK_FALSE(rule_applies(AppliesTo::week_documents(), plan));
    CHECK(rule_applies(AppliesTo::every_document(), plan));
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
    // Another year's dispatch is not applied to a 2024 plan unless --year asks.
    auto refused = check_text(plan_2024(), against);
    CHECK_FALSE(refused.reference);
    REQUIRE(refused.unaudited);
    CHECK(refused.unaudited->reason == Unaudited::Reason::AgainstOtherYear);
    CHECK(refused.unaudited->against_year == 2023);
    CHECK(findings_of(refused, "theme-mismatch").empty());
    against.year = 2023;
    auto compared = check_text(plan_2024(), against);
    REQUIRE(compared.reference);
    CHECK(compared.reference->source == "against");
    CHECK_FALSE(compared.unaudited);
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
          path + ":3: unknown key 'rule' (the keys are proofread: and rules:)");
    CHECK(refused("rules:\n  unsigned-draft: off\n  theme-mismach: off\n") == path + ":3: unknown rule 'theme-mismach'");
    CHECK_THAT(refused("rules:\n  theme-mismatch: [warning]\n"), Catch::StartsWith(path + ":2: the value of theme-mismatch"));
    CHECK_THAT(refused("rules:\n  theme-mismatch: fatal\n"), Catch::StartsWith(path + ":2: unknown severity 'fatal'"));
    CHECK_THAT(refused("rules: [a, b]\n"), Catch::StartsWith(path + ":1: rules: expects"));
    CHECK_THAT(refused("rules:\n  a: [\n"), Catch::StartsWith(path + ":") && Catch::Contains("not valid YAML"));
    CHECK(refused("") == "");
    CHECK(refused("rules:\n  theme-mismatch: warning\n") == "");
    // Options: typed, in range, and only those the rule declares.
    CHECK(refused("rules:\n  theme-mismatch: {misread-words: many}\n") == path + ":2: misread-words of theme-mismatch takes a number");
    CHECK(refused("rules:\n  theme-mismatch:\n    severity: info\n    misread-wordz: 1\n") ==
          path + ":4: rule theme-mismatch has no option 'misread-wordz' (its options: misread-words, misread-below)");
    CHECK(refused("rules:\n  opening-outside-week: {days-before: 99}\n") ==
          path + ":2: days-before of opening-outside-week takes a number from 0 to 30");
    CHECK(refused("rules:\n  date-invalid: {days: 1}\n") == path + ":2: rule date-invalid has no option 'days' (it has none)");
    CHECK(refused("rules:\n  theme-mismatch: {severity: loud}\n") ==
          path + ":2: unknown severity 'loud' for theme-mismatch (info, warning, error or off)");
    CHECK(refused("rules:\n  theme-mismatch: {severity: warning, misread-words: 1}\n") == "");
    auto config = load_rule_config(path);
    CHECK(config.severity("theme-mismatch", Severity::Error) == Severity::Warning);
    CHECK(config.option("theme-mismatch", "misread-words") == 1.0);
    CHECK_FALSE(config.option("theme-mismatch", "misread-below"));
    auto dumped = dump_config(config);
    CHECK_THAT(dumped, Catch::Contains("  theme-mismatch:\n    severity: warning\n    misread-words: 1  # "));
    CHECK_THAT(dumped, Catch::Contains("    misread-below: 100  # "));
    CHECK_THAT(dumped, Catch::Contains("  date-invalid: error\n"));
    // What it dumps reads back as the same configuration.
    std::ofstream(path, std::ios::trunc) << dumped;
    CHECK(dump_config(load_rule_config(path)) == dumped);
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
          path + ":" + line_of("confidence: confirmed") +
              ": not a valid Ministry record: unknown confidence 'sure' (confirmed, single, seed, inferred or unknown)");
    CHECK(refused("year: 2022", "year: twenty") ==
          path + ":" + line_of("year: 2022") + ": not a valid Ministry record: a value of the wrong type");
}

TEST_CASE("tools/new_rule.py writes a rule, its page and its tests that compile, and names the rule in the README", "[rule-kit]") {
    namespace fs = std::filesystem;
    fs::path root = fresh_temp_dir("congvan-new-rule");
    fs::copy_file(CONGVAN_SOURCE_DIR "/README.md", root / "README.md");
    const std::string tool = CONGVAN_SOURCE_DIR "/tools/new_rule.py";
    fs::create_directories(root / "corpus");
    fs::copy_file(CONGVAN_SOURCE_DIR "/corpus/messages.yaml", root / "corpus/messages.yaml");
    auto made = run_program({"/usr/bin/python3", tool, "letter-case", "--severity", "info", "--scope", "any", "--summary",
                             "The type name is not in capitals", "--root", root.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    std::string rule = read_text_file((root / "rules/checks/letter-case.cpp").string());
    CHECK_THAT(rule, Catch::Contains("class LetterCase : public Rule"));
    CHECK_THAT(rule, Catch::Contains("CONGVAN_REGISTER_RULE(LetterCase);"));
    CHECK_THAT(rule, Catch::Contains("Severity::Info"));
    CHECK_THAT(rule, Catch::Contains("AppliesTo::Subject::AnyDocument"));
    CHECK_THAT(read_text_file((root / "corpus/messages.yaml").string()), Catch::Contains("letter-case.found:"));
    CHECK_THAT(read_text_file((root / "docs/rules/letter-case.md").string()), Catch::StartsWith("# letter-case\n"));
    CHECK_THAT(read_text_file((root / "docs/rules/vi/letter-case.md").string()),
               Catch::StartsWith("# letter-case\n\nTóm tắt: ") && Catch::Contains("\n## Bắt lỗi gì\n"));
    // Added at the end of the list, once.
    std::string readme = read_text_file((root / "README.md").string());
    CHECK_THAT(readme, Catch::Contains(", `letter-case`.\n"));
    CHECK(readme.find("`letter-case`") == readme.rfind("`letter-case`"));
    // Both C++ files compile against the project's headers, as the build would take them.
    for (const char* file : {"rules/checks/letter-case.cpp", "tests/rules/letter-case.cpp"}) {
        INFO(file);
        auto compiled = run_program({CONGVAN_CXX_COMPILER, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-I",
                                     CONGVAN_SOURCE_DIR, "-I", CONGVAN_BUILD_DIR "/generated", (root / file).string()});
        INFO(compiled.err);
        CHECK(compiled.exit_code == 0);
    }
    // Not twice, and not a name that is not an id.
    CHECK(run_program({"/usr/bin/python3", tool, "letter-case", "--root", root.string()}).exit_code != 0);
    auto bad = run_program({"/usr/bin/python3", tool, "Letter_Case", "--root", root.string()});
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Catch::Contains("is not a rule id"));
}
