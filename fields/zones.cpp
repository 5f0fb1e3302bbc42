#include "zones.h"

#include "text/normalize.h"

namespace congvan {

namespace {

template <typename T>
void mark(LineZones& zones, const Field<T>& field, const char* zone) {
    if (field.evidence && field.evidence->page > 0) zones.emplace(std::make_pair(field.evidence->page, field.evidence->line), zone);
}

bool inside(const BBox& line, const BBox& box) {
    return line.x0 >= box.x0 - 1 && line.x1 <= box.x1 + 1 && line.y0 >= box.y0 - 1 && line.y1 <= box.y1 + 1;
}

// The national motto is not a field: it is found by its words.
bool is_motto(const std::string& text) {
    std::string folded = fold_string(text);
    return folded.rfind("cong hoa xa hoi chu nghia", 0) == 0 || folded.rfind("doc lap - tu do", 0) == 0;
}

}  // namespace

LineZones zones_of(const Document& doc, const Record& record) {
    LineZones zones;
    // Stamps first: a stamp's lines are its own whatever a field read from them.
    if (record.signatures.value)
        for (const auto& stamp : *record.signatures.value) {
            if (!stamp.bbox || stamp.page < 1 || stamp.page > static_cast<int>(doc.pages.size())) continue;
            const auto& lines = doc.pages[static_cast<std::size_t>(stamp.page - 1)].lines;
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (lines[i].bbox && lines[i].source == stamp.source && inside(*lines[i].bbox, *stamp.bbox))
                    zones.emplace(std::make_pair(stamp.page, static_cast<int>(i) + 1), "signature_stamp");
        }
    mark(zones, record.issuer, "issuer");
    mark(zones, record.number, "number");
    mark(zones, record.symbol, "number");
    mark(zones, record.date, "place_date");
    mark(zones, record.place, "place_date");
    mark(zones, record.doc_type, "type");
    mark(zones, record.subject, "subject");
    mark(zones, record.recipients, "recipients");
    mark(zones, record.signer, "signature");
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (std::size_t i = 0; i < doc.pages[p].lines.size(); ++i)
            if (is_motto(doc.pages[p].lines[i].text))
                zones.emplace(std::make_pair(static_cast<int>(p) + 1, static_cast<int>(i) + 1), "motto");
    return zones;
}

}  // namespace congvan
