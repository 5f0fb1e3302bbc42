#include "app/check.h"

#include "extract/extractor.h"
#include "extract/loader.h"
#include "report/record_json.h"
#include "store/stored_outcome.h"

namespace congvan {

CheckTally check_documents(const CheckRun& run, FindingSink& sink,
                           const std::function<void(const std::string&, const std::string&)>& on_error) {
    CheckTally tally;
    sink.begin();
    run_batch(run.files, run.batch, {
        // The document's process reads it and runs the rules, under its --timeout and
        // --max-memory (a huge text's rules cost what its reading does).
        [&](const Document& document) {
            CheckOptions check{run.records, run.against, run.year, config_for_document(document.file, run.overrides)};
            Record record = extract_record(document);
            return encode_checked(record, check_record(record, check));
        },
        [&](BatchItem& item) {
            if (!item.error.empty()) {
                on_error(item.path, item.error);
                sink.error(display_name(item.path), item.error);
                tally.unreadable = true;
                return;
            }
            Record record;
            CheckedDocument doc = decode_checked(item.output, record);
            doc.file = display_name(item.path);
            doc.sha256 = record.sha256;
            tally.failing = tally.failing || run.fail.fails(doc.result);
            tally.unaudited.add(doc.result);
            sink.document({std::move(doc), item.path, record_json(record)["fields"], nullptr});
        }});
    sink.end();
    return tally;
}

}  // namespace congvan
