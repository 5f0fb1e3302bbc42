#include "fuzz_pipeline.h"

#include "fields/extractor.h"
#include "fields/zones.h"
#include "report/check_output.h"
#include "report/document_json.h"
#include "report/record_json.h"
#include "rules/checker.h"
#include "store/stored_record.h"

namespace congvan::fuzz {

void check_and_write(const Record& record) {
    static const auto records = load_ministry_records(default_ministry_dir());
    CheckOptions options{&records, std::nullopt, std::nullopt, {}};
    CheckedDocument checked{record.file, record.sha256, check_record(record, options)};
    for (auto language : {Language::Vietnamese, Language::English}) {
        json_text(checked_json(checked, language));
        checked_csv(checked, language);
        checked_text(checked, language, false);
        json_text(sarif_log({checked}, language));
    }
    json_text(record_json(record));
    record_summary(record);
    // What the scan stores must come back as what was stored.
    decode_record(encode_record(record));
}

void run_pipeline(std::string bytes, const std::string& name, const LoadOptions& options) {
    Document doc;
    try {
        doc = load_document_bytes(std::move(bytes), name, options);
    } catch (const LoadError&) {
        return;
    }
    Record record = extract_record(doc);
    json_text(document_json(doc, zones_of(doc, record)));
    document_plain_text(doc);
    check_and_write(record);
}

}  // namespace congvan::fuzz
