// `congvan report --db archive.sqlite -o DIR/`: a static site over a scan database,
// for an auditor with a browser and no server. index.html is the overview of every
// year (documents, pages, OCR pages, unreadable files, findings by severity, and a
// province × rule matrix whose cells link to their findings); year-YYYY.html is the
// same for one year, which is the year filter; lists are split into pages so that an
// archive of any size stays light in a browser; doc/ID.html is a document's page as
// `check --format html` draws it. The site reads the database and the documents'
// files (for page images) and writes only under DIR.
#pragma once

#include <cstddef>
#include <string>

#include "isolation/batch.h"
#include "store/archive.h"
#include "text/messages.h"

namespace congvan {

struct SiteOptions {
    std::string directory;
    Language language = Language::Vietnamese;
    std::size_t rows_per_page = 500;  // of every list (documents, a cell's findings, unreadable files)
    bool draw_pages = true;           // page images of the pages with findings, from the files
    BatchOptions batch;               // how the files are read to draw them
};

struct SiteWritten {
    std::size_t documents = 0, unreadable = 0, files = 0;  // files: the HTML pages written
};

// Writes the site; throws std::runtime_error naming a file it cannot write.
SiteWritten write_archive_site(Archive& archive, const SiteOptions& options);
// Writes the site's pages into options.directory itself (write_archive_site builds
// them in a fresh folder and swaps it in).
SiteWritten build_site(Archive& archive, const SiteOptions& options);

}  // namespace congvan
