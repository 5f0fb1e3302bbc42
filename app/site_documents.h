// The site's document pages (app/site.h), written through the site's writer.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/site.h"
#include "rules/library.h"

namespace congvan {

// doc/ID.html for each readable document of `listed`, a few at a time so that the
// page images of a large archive are never all in memory; `write_file(relative
// path, content)` writes one. Each page's citations are as the archive's last
// comparison stored them, or, for a document stored since, as `library` (the
// archive's, archive_library) places it.
void write_document_pages(Archive& archive, const std::vector<StoredDocument>& listed, const SiteOptions& options,
                          const MemoryLibrary& library, const std::function<void(const std::string&, const std::string&)>& write_file);

}  // namespace congvan
