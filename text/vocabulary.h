// Vocabularies that are data, not code: the document types (corpus/vocabulary/
// document-types.yaml) and the gazetteer of provinces
// (corpus/gazetteer/provinces.yaml), embedded at build time. Every lookup takes
// accent-folded text (normalize.h: fold_string).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vn_dates.h"

namespace congvan {

struct DocumentType {
    std::string id;                     // "chi_thi"
    std::string name;                   // "Chỉ thị"
    std::string code;                   // "CT"; empty for a công văn
    std::vector<std::string> cited_as;  // further citing words ("văn bản")
    std::optional<VnDate> valid_from, valid_to;
    bool reports = false;         // written after what it is about: a report
    bool year_in_symbol = false;  // always normative: its number carries its year
};

const std::vector<DocumentType>& document_types();
const DocumentType* document_type(std::string_view id);
// The day Decree 30/2020/NĐ-CP on clerical work came into force: its rules of form
// apply to documents dated from then.
VnDate decree30_in_force();
// The type whose name is exactly the folded title ("chi thi").
const DocumentType* document_type_titled(std::string_view folded_title);
// The type whose name or citing word starts the folded text, longest first.
const DocumentType* document_type_cited(std::string_view folded_text);
// The type whose symbol code is `folded_code` ("qd", "ttr").
const DocumentType* document_type_coded(std::string_view folded_code);

struct Province {
    std::string name;  // canonical spelling
    std::optional<VnDate> valid_from, valid_to;
    std::string merged_into;
    bool named_bare = true;            // the name alone, without "tỉnh"/"thành phố", means the province
    bool city = false;                 // a centrally-run city: "thành phố", not "tỉnh"
    std::vector<std::string> aliases;  // other written names that name it alone ("TP.HCM")
};

const std::vector<Province>& provinces();

// A file of corpus/ embedded at build time, by its path under the source root.
std::string_view embedded_data(const std::string& name);

}  // namespace congvan
