// A site's page for each document (app/site.h): doc/ID.html, as `check --format html`
// draws it, with its citations linked to the pages of the documents they name.
#include "app/site_documents.h"

#include <algorithm>

#include "report/chain_json.h"
#include "report/html_report.h"
#include "store/stored_outcome.h"

namespace congvan {

// A page a document, as `check --format html` draws it, a few documents at a time
// so that the page images of a large archive are never all in memory.
void write_document_pages(Archive& archive, const std::vector<StoredDocument>& listed, const SiteOptions& options,
                          const MemoryLibrary& library, const std::function<void(const std::string&, const std::string&)>& write_file) {
    constexpr std::size_t kAtOnce = 32;
    std::vector<const StoredDocument*> readable;
    for (const auto& d : listed)
        if (d.error.empty()) readable.push_back(&d);
    HtmlPageLinks links{"../style.css", "../index.html", message("site.back").in(options.language), {}};
    for (const auto* d : readable) links.document_href.emplace(d->path, std::to_string(d->id) + ".html");
    for (std::size_t first = 0; first < readable.size(); first += kAtOnce) {
        std::vector<ReportDocument> docs;
        std::vector<std::string> paths;
        std::vector<long long> ids;
        for (std::size_t i = first; i < std::min(readable.size(), first + kAtOnce); ++i) {
            auto row = archive.row(readable[i]->id);
            if (!row) continue;  // gone since the listing: another scan replaced it
            // Each page lists its document's citations and who cites it.
            auto chain = row->chain.is_null() ? chain_json(row->path, library) : row->chain;
            docs.push_back({as_checked(*row), row->fields, {}, {}, std::move(chain)});
            paths.push_back(row->path);
            ids.push_back(row->id);
        }
        if (options.draw_pages) draw_pages_with_findings(docs, paths, options.batch);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            std::vector<ReportDocument> one;
            one.push_back(std::move(docs[i]));
            write_file("doc/" + std::to_string(ids[i]) + ".html", html_report(one, options.language, links));
        }
    }
}

}  // namespace congvan
