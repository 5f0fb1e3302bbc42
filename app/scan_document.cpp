#include "app/scan_document.h"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <stdexcept>

#include "congvan_version.h"
#include "fields/extractor.h"
#include "reading/loader.h"
#include "reading/task_pool.h"
#include "report/record_json.h"
#include "store/stored_outcome.h"
#include "store/stored_record.h"

namespace congvan {

CheckOptions check_options(const std::string& path, const ScanOptions& options) {
    return {options.records, options.against, std::nullopt, config_for_document(path, options.overrides)};
}

std::string fingerprint_of(const CheckOptions& check) { return sha256_hex(check_context_text(check)); }

void check_into(StoredDocument& row, const Record& record, const ScanOptions& options) {
    CheckOptions check = check_options(row.path, options);
    result_into(row, check_record(record, check));
    row.checked_with = fingerprint_of(check);
}

StoredDocument process(const std::string& path, const std::string& sha256, std::string bytes, const ScanOptions& options,
                       unsigned page_threads) {
    using clock = std::chrono::steady_clock;
    auto started = clock::now();
    StoredDocument row;
    row.path = path;
    row.size = static_cast<long long>(bytes.size());
    row.sha256 = sha256;
    LoadOptions load;
    load.pdf.deadline = started + std::chrono::milliseconds(static_cast<long long>(options.timeout_seconds * 1000));
    load.pdf.force_ocr = options.force_ocr;
    std::optional<TaskPool> pool;
    if (page_threads > 1) load.pool = &pool.emplace(page_threads);  // the calling thread is one of them
    try {
        Document doc = load_document_bytes(std::move(bytes), path, load, sha256);
        row.kind = to_string(doc.kind);
        for (const auto& page : doc.pages) {
            (page.source == PageSource::Ocr ? row.ocr_pages : row.text_pages)++;
            StoredPageText& text = row.pages.emplace_back(StoredPageText{page.number, to_string(page.source), ""});
            for (const auto& line : page.lines) text.text += line.text + '\n';
        }
        Record record = extract_record(doc);
        row.record = encode_record(record);
        check_into(row, record, options);
    } catch (const LoadError& e) {
        row.error = encoded(e.reason().key == "error.timed-out"
                                ? message("error.timed-out-after", {{"seconds", fmt::format("{:g}", options.timeout_seconds)}})
                                : e.reason());
    }
    row.seconds = std::chrono::duration<double>(clock::now() - started).count();
    return row;
}

void describe_record(StoredDocument& row) {
    if (row.record.empty()) return;
    Record record;
    try {
        record = decode_record(row.record);
    } catch (const std::exception&) {
        return;  // a record this congvan cannot read: the row is stored without them
    }
    row.fields = record_json(record)["fields"];
    row.record_header = encode_record_header(record);
    row.doc_type = record.doc_type.value.value_or("");
    row.province = record.province.value.value_or("");
    row.number = record.number.value.value_or("");
    row.year = record.year.value;
}

StoredDocument failed_row(const std::string& path, const std::string& sha256, std::size_t size, std::string error) {
    StoredDocument row;
    row.path = path;
    row.sha256 = sha256;
    row.size = static_cast<long long>(size);
    row.error = std::move(error);
    return row;
}

StoredDocument abandoned(const std::string& path, const std::string& sha256, std::size_t size) {
    return failed_row(path, sha256, size,
                      fmt::format("congvan stopped {} times while reading this document (a crash or a kill): skipped", kMaxStarts));
}

std::optional<StoredDocument> recheck(Archive& archive, const std::string& sha256, const std::string& path, const ScanOptions& options) {
    auto row = archive.stored_row(sha256, CONGVAN_VERSION, path);
    if (!row || row->record.empty()) return std::nullopt;
    try {
        Record record = decode_record(row->record);
        check_into(*row, record, options);
        row->record_header = encode_record_header(record);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return row;
}

}  // namespace congvan
