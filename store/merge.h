// Merging scan databases: shards of one archive (--shard K/N), or scans made on
// laptops, into one SQLite file or one PostgreSQL database.
#pragma once

#include "archive.h"

namespace congvan {

struct MergeCounts {
    long added = 0;  // rows written into the target
    long kept = 0;   // rows the target already held as new or newer
};

// Copies every row of `source` into `target` with its findings and its pages' text,
// each in one transaction. A path holds one row: the one scanned last of the two
// (a tie keeps the target's), so merging the same sources again changes nothing
// and a shard scanned again replaces what it held.
MergeCounts merge_archive(Archive& target, Archive& source);

}  // namespace congvan
