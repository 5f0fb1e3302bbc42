#include "rule_helpers.h"

#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "helpers.h"
#include "reading/loader.h"
#include "rules/library.h"

namespace congvan::test {

std::string read_sample(const std::string& name) { return read_file_bytes(sample(name)); }

std::string with(std::string text, const std::string& from, const std::string& to) {
    auto pos = text.find(from);
    INFO("mutation target: " << from);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
}

const std::map<int, MinistryRecord>& bundled_records() {
    static const auto records = load_ministry_records(default_ministry_dir());
    return records;
}

CheckResult check_text(const std::string& text, const CheckOptions& options) {
    CheckOptions o = options;
    // A rule's tests read a typed draft whose form the clerk asks to proof-read.
    o.config.proofread = true;
    if (!o.records) o.records = &bundled_records();
    return check_record(extract_record(load_document_bytes(text, "test.txt")), o);
}

std::vector<CheckResult> check_together(const std::vector<std::string>& texts) {
    CheckOptions o;
    o.records = &bundled_records();
    std::vector<Record> records;
    std::vector<CheckResult> results;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        records.push_back(extract_record(load_document_bytes(texts[i], std::to_string(i + 1) + ".txt")));
        results.push_back(check_record(records.back(), o));
    }
    MemoryLibrary library;
    for (std::size_t i = 0; i < records.size(); ++i) library.add(std::to_string(i + 1) + ".txt", records[i]);
    for (std::size_t i = 0; i < records.size(); ++i) check_with_library(records[i], library, o, results[i]);
    return results;
}

std::vector<std::vector<Finding>> findings_together(const std::vector<std::string>& texts, const std::string& rule) {
    std::vector<std::vector<Finding>> out;
    for (const auto& result : check_together(texts)) out.push_back(findings_of(result, rule));
    return out;
}

CheckResult check_file(const std::string& path) {
    CheckOptions o;
    o.records = &bundled_records();
    o.config.proofread = true;  // as for check_text: the rule's tests proof-read
    return check_record(extract_record(load_document(path)), o);
}

std::vector<Finding> findings_of(const CheckResult& result, const std::string& rule) {
    std::vector<Finding> out;
    for (const auto& f : result.findings)
        if (f.rule == rule) out.push_back(f);
    return out;
}

std::vector<Finding> findings_of(const std::string& text, const std::string& rule) { return findings_of(check_text(text), rule); }

std::string week_read(const Record& record) {
    return record.week.value ? record.week.value->start.iso() + ".." + record.week.value->end.iso() : "";
}

std::string opening_read(const Record& record) {
    return record.opening.value && record.opening.value->date ? record.opening.value->date->iso() : "";
}

const std::string& plan_2024() {
    static const std::string text = read_sample("nghe-an-2024-ke-hoach.txt");
    return text;
}

const std::string& plan_2020() {
    static const std::string text = read_sample("gia-lai-2020-ke-hoach.txt");
    return text;
}

const std::string kTheme2024 = "“Phát triển văn hoá đọc thúc đẩy học tập suốt đời”";

}  // namespace congvan::test
