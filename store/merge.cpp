#include "merge.h"

#include "stored_record.h"

namespace congvan {

namespace {

// The header the chain pass reads of a row (an archive before schema 11 keeps none);
// none for a record of another encoding: the pass then reads the record itself.
std::string header_of(const std::string& record) {
    if (record.empty()) return {};
    try {
        return encode_record_header(decode_record_header(record));
    } catch (const std::runtime_error&) {
        return {};
    }
}

}  // namespace

MergeCounts merge_archive(Archive& target, Archive& source) {
    MergeCounts counts;
    source.each_document([&](StoredDocument& row) {
        std::string held = target.scanned_at(row.path);
        if (!held.empty() && held >= row.scanned_at) {
            ++counts.kept;
            return;
        }
        row.record_header = header_of(row.record);
        target.store(row, row.version);
        ++counts.added;
    });
    return counts;
}

}  // namespace congvan
