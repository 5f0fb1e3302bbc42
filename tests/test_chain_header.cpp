// A scan's chain pass reads of a stored document only its record's header
// (store/stored_record.h encode_record_header): the rules that compare documents
// must find on it exactly what they find on the whole record, for every kind of
// break the generated chain injects, and a document's keys must be the same.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "fields/extractor.h"
#include "helpers.h"
#include "reading/loader.h"
#include "report/check_output.h"
#include "rules/checker.h"
#include "rules/library.h"
#include "rules/registry.h"
#include "scan_helpers.h"
#include "store/stored_record.h"

using namespace congvan;
using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// Every text file under `dir`, read and stored as a scan stores it.
std::vector<std::pair<std::string, std::string>> stored_records(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.path().extension() == ".txt")
            out.emplace_back(entry.path().string(), encode_record(extract_record(load_document(entry.path().string()))));
    std::sort(out.begin(), out.end());
    return out;
}

// The findings of the rules that compare documents, each document checked with the
// library of all, the records decoded by `decode`.
std::vector<std::string> chain_findings(const std::vector<std::pair<std::string, std::string>>& stored,
                                        Record (*decode)(const std::string&)) {
    static const auto ministry = load_ministry_records(default_ministry_dir());
    std::vector<Record> records;
    for (const auto& [file, text] : stored) records.push_back(decode(text));
    MemoryLibrary library;
    for (std::size_t i = 0; i < records.size(); ++i) library.add(stored[i].first, records[i]);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        CheckOptions options{&ministry, std::nullopt, std::nullopt, {}};
        CheckResult result = check_record(decode_record(stored[i].second), options);
        result.findings.clear();  // only the rules that compare documents, run next
        check_with_library(records[i], library, options, result);
        for (const auto& f : result.findings) out.push_back(stored[i].first + " " + finding_json(f, Language::English).dump());
    }
    return out;
}

}  // namespace

TEST_CASE("the rules that compare documents find on a stored header what they find on the whole record") {
    fs::path dir = fresh_dir("chain-header");
    auto made = run_program(
        {"/usr/bin/python3", (fs::path(samples_dir()).parent_path().parent_path() / "tools/make_chain.py").string(), dir.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    fs::copy(fs::path(samples_dir()).parent_path().parent_path() / "tests/data/chain", dir / "by-hand");
    // And a district that rewords the theme its Department's plan gives (the chain
    // injects a shifted week only): its schools then copy a theme of their own.
    fs::path district = dir / "huyen-1" / "ke-hoach-210.txt";
    std::string text = read_text_file(district.string());
    auto theme = text.find("thích ứng với chuyển đổi số");
    REQUIRE(theme != std::string::npos);
    std::ofstream(district) << text.replace(theme, std::string("thích ứng").size(), "thích nghi");
    auto stored = stored_records(dir);
    REQUIRE(stored.size() >= 15);
    auto whole = chain_findings(stored, decode_record);
    auto header = chain_findings(stored, decode_record_header);
    // Every injected break of a rule that compares documents is found: the comparison
    // is not of two empty lists.
    auto manifest = nlohmann::json::parse(read_text_file((dir / "manifest.json").string()));
    std::size_t breaks = 0;
    for (const auto& [file, rules] : manifest["expect"].items())
        for (const auto& [rule, n] : rules.items())
            if (RuleRegistry::instance().find(rule)->reads_library()) breaks += n.get<std::size_t>();
    CHECK(breaks >= 5);
    CHECK(whole.size() >= breaks);
    CHECK(header == whole);
    for (const auto& [file, text] : stored) {
        INFO(file);
        CHECK(chain_keys(decode_record_header(text)) == chain_keys(decode_record(text)));
    }
    // The header keeps no presentation: a proof-reading rule could not run on it.
    for (const auto& rule : RuleRegistry::instance().rules())
        if (rule->reads_library()) CHECK_FALSE(rule->applies_to().proofreading);
    fs::remove_all(dir);
}
