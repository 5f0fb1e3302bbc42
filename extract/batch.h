// Many files through one pool: each is loaded and processed on any worker, and its
// output is emitted in the order the files were given, as soon as all before it are.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loader.h"

namespace congvan {

struct BatchItem {
    std::string path;
    std::optional<Document> document;
    std::string error;   // the reason the file could not be read, when it could not
    std::string output;   // what `process` produced, emitted in order
    std::string warning;  // said on stderr when the item is emitted
};

struct BatchCallbacks {
    std::function<void(BatchItem&)> process;  // on a worker; may throw LoadError
    std::function<void(BatchItem&)> emit;     // in file order, one at a time
};

void run_batch(const std::vector<std::string>& paths, TaskPool& pool, const LoadOptions& options,
               const BatchCallbacks& callbacks);

}  // namespace congvan
