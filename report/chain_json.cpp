#include "report/chain_json.h"

#include "report/document_json.h"

namespace congvan {

namespace {

nlohmann::ordered_json date_or_null(const std::optional<VnDate>& date) { return date ? nlohmann::ordered_json(date->iso()) : nullptr; }

nlohmann::ordered_json document_json(const LibraryDocument& d) {
    return {{"file", file_name_json(d.file)},
            {"number", d.number.value ? nlohmann::ordered_json(*d.number.value) : nullptr},
            {"date", date_or_null(d.date.value)},
            {"line", d.number.line}};
}

}  // namespace

nlohmann::ordered_json chain_json(const LibraryDocument& document, const Library& library) {
    auto citations = nlohmann::ordered_json::array();
    for (const auto& cited : document.references) {
        const LibraryDocument* resolved = library.resolve(cited, document);
        citations.push_back({{"type", cited.type},
                             {"number", cited.number},
                             {"date", date_or_null(cited.date)},
                             {"issuer", cited.issuer},
                             {"line", cited.evidence.shown_line()},
                             {"resolved", resolved ? document_json(*resolved) : nullptr}});
    }
    auto cited_by = nlohmann::ordered_json::array();
    library.each_citing(document, [&](const LibraryCitation& c) {
        cited_by.push_back(
            {{"file", file_name_json(c.document->file)}, {"number", c.cited->number}, {"line", c.cited->evidence.shown_line()}});
    });
    return {{"citations", std::move(citations)}, {"cited_by", std::move(cited_by)}};
}

nlohmann::ordered_json chain_json(const std::string& file, const MemoryLibrary& library) {
    const LibraryDocument* document = library.find_file(file);
    return document ? chain_json(*document, library) : nlohmann::ordered_json();
}

}  // namespace congvan
