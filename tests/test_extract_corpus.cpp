// The extractor against hand-checked fields (corpus/expected/*.json), on each
// document as text, as a text-layer PDF and as a degraded scan.
#include <catch2/catch.hpp>

#include <filesystem>

#include "congvan_version.h"
#include "expected_fields.h"
#include "extract/extractor.h"
#include "extract/loader.h"
#include "helpers.h"
#include "report/record_json.h"

using namespace congvan;
using namespace congvan::test;

namespace {

std::vector<std::string> expected_names() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(CONGVAN_SOURCE_DIR "/corpus/expected"))
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

nlohmann::json expected_for(const std::string& name) {
    return read_json_file(CONGVAN_SOURCE_DIR "/corpus/expected/" + name + ".json");
}

nlohmann::json extracted(const Document& doc) {
    return nlohmann::json::parse(record_json(extract_record(doc)).dump());
}

void require_all_right(const std::string& label, const FieldScore& score) {
    INFO(label << ": " << score.right << "/" << score.checked << " fields right");
    for (const auto& w : score.wrong) UNSCOPED_INFO(w);
    CHECK(score.wrong.empty());
}

}  // namespace

TEST_CASE("every expected field is right on the corpus documents as text") {
    auto names = expected_names();
    REQUIRE(names.size() >= 11);
    for (const auto& name : names) {
        auto expected = expected_for(name);
        auto doc = load_document(sample(expected["sample"].get<std::string>()));
        require_all_right(name + " (text)", score_fields(expected["fields"], extracted(doc)));
    }
}

TEST_CASE("every expected field is right on the corpus documents as text-layer PDFs", "[fixtures]") {
    for (const auto& name : expected_names()) {
        auto expected = expected_for(name);
        auto stem = std::filesystem::path(expected["sample"].get<std::string>()).stem().string();
        auto doc = load_document(fixture(stem + ".pdf"));
        require_all_right(name + " (pdf)", score_fields(expected["fields"], extracted(doc)));
    }
}

TEST_CASE("at least 90% of expected fields are right on degraded scans of the seeds", "[fixtures][ocr]") {
    // Measured 2026-11: 79 of 81 fields over the five seeds (97.5 %), no seed under
    // 88 %. The misses are OCR's: "kỷ nguyên s6" for "số" in a theme, "VỀ" for "VT"
    // in a recipient line, a lost hat in "Cao đẳng". The bound is on all seeds
    // together, with a floor per seed so that one document cannot be lost entirely.
    constexpr double kPerSeedFloor = 0.8;
    int checked = 0, right = 0;
    for (const auto& name : kSeedNames) {
        auto expected = expected_for(name);
        auto score = score_fields(expected["fields"], extracted(scanned_seed(name)));
        checked += score.checked;
        right += score.right;
        INFO(name << " (scan): " << score.right << "/" << score.checked);
        for (const auto& w : score.wrong) UNSCOPED_INFO(w);
        CHECK(score.ratio() >= kPerSeedFloor);
    }
    INFO("all seeds: " << right << "/" << checked);
    CHECK(right >= checked * 9 / 10);
}
