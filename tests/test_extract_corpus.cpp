// The extractor against hand-checked fields (corpus/expected/*.json), on each
// document as text, as a text-layer PDF and as a degraded scan.
#include <catch2/catch.hpp>

#include <filesystem>

#include "congvan_version.h"
#include "expected_fields.h"
#include "fields/extractor.h"
#include "helpers.h"
#include "reading/loader.h"
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

nlohmann::json expected_for(const std::string& name) { return read_json_file(CONGVAN_SOURCE_DIR "/corpus/expected/" + name + ".json"); }

nlohmann::json extracted(const Document& doc) { return nlohmann::json::parse(record_json(extract_record(doc)).dump()); }

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

// The Decree 30 layout (tools/decree30_layout.py): the two-column header table; as a
// signed scan, handwriting-like digits in the blanks, a red seal, an incoming-mail
// stamp and the signature stamp as a text layer over the image.
namespace {
FieldScore decree30_score(const std::string& suffix, bool report) {
    FieldScore all;
    for (const auto& name : expected_names()) {
        auto expected = expected_for(name);
        auto stem = std::filesystem::path(expected["sample"].get<std::string>()).stem().string();
        auto score = score_fields(expected["fields"], extracted(loaded_fixture(stem + suffix)));
        all.checked += score.checked;
        all.right += score.right;
        if (report)
            for (const auto& w : score.wrong) UNSCOPED_INFO(name << suffix << ": " << w);
    }
    return all;
}
}  // namespace

TEST_CASE("the Decree 30 layout as a text-layer PDF: every expected field is right", "[fixtures]") {
    auto score = decree30_score(".d30.pdf", true);
    INFO(score.right << "/" << score.checked);
    CHECK(score.right == score.checked);
}

TEST_CASE("the Decree 30 layout as a Word draft: every expected field is right", "[fixtures]") {
    auto score = decree30_score(".docx", true);
    INFO(score.right << "/" << score.checked);
    CHECK(score.right == score.checked);
}

TEST_CASE("the Decree 30 layout as a signed scan: at least 93% of expected fields are right", "[fixtures][ocr]") {
    // Measured 2026-11-23: 175 of 186 (94.1 %). The misses are OCR's: handwriting-
    // like digits in the blanks read as "1Ø", "2/⁄", "4/7" (the field is left empty,
    // never filled with a wrong number), a recipient list and two body words.
    auto score = decree30_score(".d30-signed.pdf", true);
    INFO(score.right << "/" << score.checked);
    CHECK(score.right * 100 >= score.checked * 93);
}

TEST_CASE("the Decree 30 layout as a signed scan or a photo: the header is right, missing or uncertain", "[fixtures][ocr]") {
    int right = 0, total = 0;
    for (const auto& name : expected_names()) {
        auto expected = expected_for(name);
        auto stem = std::filesystem::path(expected["sample"].get<std::string>()).stem().string();
        for (const std::string suffix : {".d30-signed.pdf", ".d30-photo.jpg"}) {
            auto got = extracted(loaded_fixture(stem + suffix))["fields"];
            for (const char* field : {"doc_type", "number", "date", "issuer"}) {
                if (!expected["fields"].contains(field) || expected["fields"][field].is_null()) continue;
                ++total;
                nlohmann::json one = {{field, expected["fields"][field]}};
                bool same = score_fields(one, {{"fields", got}}).right == 1;
                right += same;
                bool missing = !got.contains(field) || got[field]["value"].is_null();
                bool flagged = got.contains(field) && got[field].value("uncertain", false);
                INFO(stem << suffix << " " << field << ": " << (got.contains(field) ? got[field].dump() : "absent"));
                CHECK((same || missing || flagged));
            }
        }
    }
    INFO(right << "/" << total);
    CHECK(right * 10 >= total * 8);
}
