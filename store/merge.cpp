#include "merge.h"

namespace congvan {

MergeCounts merge_archive(Archive& target, Archive& source) {
    MergeCounts counts;
    source.each_document([&](StoredDocument& row) {
        std::string held = target.scanned_at(row.path);
        if (!held.empty() && held >= row.scanned_at) {
            ++counts.kept;
            return;
        }
        target.store(row, row.version);
        ++counts.added;
    });
    return counts;
}

}  // namespace congvan
