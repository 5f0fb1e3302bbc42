#include "app/check.h"

#include "fields/extractor.h"
#include "reading/loader.h"
#include "report/chain_json.h"
#include "report/record_json.h"
#include "rules/library.h"
#include "store/stored_outcome.h"

namespace congvan {

namespace {

// A file of the run, as its process left it: its reason, or its record and findings.
struct ReadFile {
    std::string path, error;
    Record record;
    CheckedDocument doc;
};

}  // namespace

// Every file is held until the last is read, so that the rules that compare the
// documents checked together (citation-mismatch, citation-conflict: docs/chain.md)
// see them all; the outputs then come in the order the files were read.
CheckTally check_documents(const CheckRun& run, FindingSink& sink,
                           const std::function<void(const std::string&, const std::string&)>& on_error) {
    std::vector<ReadFile> files;
    run_batch(run.files, run.batch,
              {// The document's process reads it and runs its own rules, under its --timeout
               // and --max-memory (a huge text's rules cost what its reading does).
               [&](const Document& document) {
                   CheckOptions check{run.records, run.against, run.year, config_for_document(document.file, run.overrides)};
                   Record record = extract_record(document);
                   return encode_checked(record, check_record(record, check));
               },
               [&](BatchItem& item) {
                   ReadFile file{item.path, item.error, {}, {}};
                   if (!file.error.empty()) on_error(item.path, item.error);  // said at once, on stderr
                   if (file.error.empty()) {
                       file.doc = decode_checked(item.output, file.record);
                       file.doc.file = display_name(item.path);
                       file.doc.sha256 = file.record.sha256;
                   }
                   files.push_back(std::move(file));
               }});
    MemoryLibrary library;
    for (const auto& file : files)
        if (file.error.empty()) library.add(file.doc.file, file.record);
    CheckTally tally;
    sink.begin();
    for (auto& file : files) {
        if (!file.error.empty()) {
            sink.error(display_name(file.path), file.error);
            tally.unreadable = true;
            continue;
        }
        CheckOptions check{run.records, run.against, run.year, config_for_document(file.path, run.overrides)};
        check_with_library(file.record, library, check, file.doc.result);
        tally.failing = tally.failing || run.fail.fails(file.doc.result);
        tally.unaudited.add(file.doc.result);
        const LibraryDocument* entry = library.find(file.record);
        sink.document({std::move(file.doc), file.path, record_json(file.record)["fields"], nullptr,
                       entry ? chain_json(*entry, library) : nlohmann::ordered_json()});
    }
    sink.end();
    return tally;
}

}  // namespace congvan
