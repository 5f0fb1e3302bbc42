#include "vocabulary.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "normalize.h"

namespace congvan {

namespace {

YAML::Node load(const std::string& name) {
    std::string_view text = embedded_data(name);
    if (text.empty()) throw std::logic_error("vocabulary not embedded: " + name);
    return YAML::Load(std::string(text));
}

std::optional<VnDate> date_of(const YAML::Node& node) {
    if (!node || node.IsNull()) return std::nullopt;
    return parse_iso_date(node.as<std::string>());
}

std::string string_of(const YAML::Node& node) { return node && !node.IsNull() ? node.as<std::string>() : ""; }

// The vocabularies' folded keys, made once: lookups run for every header line and
// every citation.
struct FoldedTypes {
    std::map<std::string, const DocumentType*> names, codes;
    std::vector<std::pair<std::string, const DocumentType*>> citing;  // names and citing words, longest first
};

const FoldedTypes& folded_types() {
    static const FoldedTypes folded = [] {
        FoldedTypes f;
        for (const auto& t : document_types()) {
            f.names.emplace(fold_string(t.name), &t);
            if (!t.code.empty()) f.codes.emplace(fold_string(t.code), &t);
            f.citing.emplace_back(fold_string(t.name), &t);
            for (const auto& w : t.cited_as) f.citing.emplace_back(fold_string(w), &t);
        }
        std::stable_sort(f.citing.begin(), f.citing.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return f;
    }();
    return folded;
}

template <typename Map>
typename Map::mapped_type find_in(const Map& map, std::string_view key) {
    auto it = map.find(std::string(key));
    return it == map.end() ? nullptr : it->second;
}

}  // namespace

const std::vector<DocumentType>& document_types() {
    static const std::vector<DocumentType> types = [] {
        std::vector<DocumentType> out;
        for (const auto& n : load("corpus/vocabulary/document-types.yaml")["types"]) {
            DocumentType t{string_of(n["id"]),       string_of(n["name"]),  string_of(n["code"]), {},
                           date_of(n["valid_from"]), date_of(n["valid_to"])};
            for (const auto& w : n["cited_as"]) t.cited_as.push_back(w.as<std::string>());
            t.reports = n["reports"] && n["reports"].as<bool>();
            t.year_in_symbol = n["year_in_symbol"] && n["year_in_symbol"].as<bool>();
            out.push_back(std::move(t));
        }
        return out;
    }();
    return types;
}

VnDate decree30_in_force() {
    static const VnDate date = *date_of(load("corpus/vocabulary/document-types.yaml")["decree30_in_force"]);
    return date;
}

const DocumentType* document_type(std::string_view id) {
    for (const auto& t : document_types())
        if (t.id == id) return &t;
    return nullptr;
}

const DocumentType* document_type_titled(std::string_view folded_title) { return find_in(folded_types().names, folded_title); }

const DocumentType* document_type_cited(std::string_view folded_text) {
    for (const auto& [name, type] : folded_types().citing)
        if (folded_text.starts_with(name) &&
            (folded_text.size() == name.size() || folded_text[name.size()] == ' ' || folded_text[name.size()] == '\n'))
            return type;
    return nullptr;
}

const DocumentType* document_type_coded(std::string_view folded_code) { return find_in(folded_types().codes, folded_code); }

const std::vector<Province>& provinces() {
    static const std::vector<Province> list = [] {
        std::vector<Province> out;
        for (const auto& n : load("corpus/gazetteer/provinces.yaml")["provinces"]) {
            Province p{string_of(n["name"]), date_of(n["valid_from"]), date_of(n["valid_to"]), string_of(n["merged_into"])};
            p.named_bare = !n["bare"] || n["bare"].as<bool>();
            p.city = n["city"] && n["city"].as<bool>();
            for (const auto& a : n["aliases"]) p.aliases.push_back(a.as<std::string>());
            out.push_back(std::move(p));
        }
        return out;
    }();
    return list;
}

}  // namespace congvan
