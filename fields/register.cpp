#include "register.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "text/edit_distance.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan {

namespace {

const YAML::Node& register_yaml() {
    static const YAML::Node root = YAML::Load(std::string(embedded_data("corpus/register/organisations.yaml")));
    return root;
}

std::optional<VnDate> date_in(const YAML::Node& node) {
    if (!node) return std::nullopt;
    auto text = node.as<std::string>();  // 2025-03-01
    return VnDate{std::stoi(text.substr(8, 2)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(0, 4)), false};
}

// Kinds by folded name, longest first, so that "bo chi huy" wins over "bo".
const std::vector<std::pair<std::string, OrganisationKind>>& kinds() {
    static const auto list = [] {
        std::vector<std::pair<std::string, OrganisationKind>> out;
        for (const auto& n : register_yaml()["kinds"])
            out.emplace_back(fold_string(n["name"].as<std::string>()),
                             OrganisationKind{n["name"].as<std::string>(), n["generic"] && n["generic"].as<bool>(),
                                              n["of_parent"] && n["of_parent"].as<bool>(), n["listed"] && n["listed"].as<bool>()});
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return out;
    }();
    return list;
}

const std::vector<std::pair<std::string, CentralBody>>& central_bodies() {
    static const auto list = [] {
        std::vector<std::pair<std::string, CentralBody>> out;
        for (const auto& n : register_yaml()["central"]) {
            CentralBody body{n["name"].as<std::string>(), n["code"].as<std::string>(), date_in(n["valid_from"]), date_in(n["valid_to"]),
                             n["branches"] && n["branches"].as<bool>()};
            // Another name the same body is printed under ("Văn phòng Ban Chấp hành Trung ương").
            for (const auto& alias : n["aliases"]) out.emplace_back(fold_string(alias.as<std::string>()), body);
            out.emplace_back(fold_string(body.name), std::move(body));
        }
        return out;
    }();
    return list;
}

}  // namespace

bool kept_abbreviation(std::string_view folded_word) {
    static const auto list = [] {
        std::vector<std::string> out;
        for (const auto& n : register_yaml()["abbreviations"]) out.push_back(n.as<std::string>());
        std::sort(out.begin(), out.end());
        return out;
    }();
    return std::binary_search(list.begin(), list.end(), folded_word);
}

namespace {

// One edit in eight characters: OCR's dropped mark, a misread letter or space.
constexpr std::size_t kCharactersPerEdit = 8;

// The register's units by folded name: wards, communes and towns, and each district
// once (as a unit of empty type and name).
struct UnitIndex {
    std::vector<AdministrativeUnit> units;
    std::multimap<std::string, std::size_t> by_name;
};

const UnitIndex& unit_index() {
    static const UnitIndex index = [] {
        UnitIndex out;
        std::string_view data = embedded_data("corpus/register/units.tsv");
        out.units.reserve(static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')) * 11 / 10);  // and a tenth for districts
        std::map<std::string, std::size_t> districts;
        // A province's and a district's name repeat on each of their units' lines:
        // each distinct cell has its tones placed once (five times fewer).
        std::unordered_map<std::string_view, std::string> canonical;
        auto add = [&](AdministrativeUnit u, const std::string& folded) {
            out.units.push_back(std::move(u));
            out.by_name.emplace(folded, out.units.size() - 1);
        };
        while (!data.empty()) {
            auto end = data.find('\n');
            std::string_view line = data.substr(0, end);
            data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
            if (line.empty() || line.front() == '#') continue;
            std::vector<std::string> cols;
            for (std::size_t at = 0; at <= line.size();) {
                auto tab = line.find('\t', at);
                if (tab == std::string_view::npos) tab = line.size();
                std::string_view cell = line.substr(at, tab - at);
                auto known = canonical.find(cell);
                if (known == canonical.end()) known = canonical.emplace(cell, canonical_tones(std::string(cell))).first;
                cols.push_back(known->second);
                at = tab + 1;
            }
            if (cols.size() != 5) continue;
            std::string district_key = cols[0] + "|" + cols[1] + "|" + cols[2];
            if (!districts.count(district_key)) {
                districts[district_key] = 1;
                add({cols[0], cols[1], cols[2], "", ""}, fold_string(cols[2]));
            }
            add({cols[0], cols[1], cols[2], cols[3], cols[4]}, fold_string(cols[4]));
        }
        return out;
    }();
    return index;
}

}  // namespace

std::vector<const AdministrativeUnit*> units_named(std::string_view folded_name, std::string_view folded_type) {
    std::vector<const AdministrativeUnit*> out;
    const auto& index = unit_index();
    auto [from, to] = index.by_name.equal_range(std::string(folded_name));
    for (auto it = from; it != to; ++it) {
        const AdministrativeUnit& u = index.units[it->second];
        bool district = u.name.empty();
        std::string type = fold_string(district ? u.district_type : u.type);
        if (folded_type.empty() || type == folded_type) out.push_back(&u);
    }
    return out;
}

std::optional<std::string> only_province(const std::vector<const AdministrativeUnit*>& units) {
    if (units.empty()) return std::nullopt;
    for (const auto* u : units)
        if (u->province != units.front()->province) return std::nullopt;
    return units.front()->province;
}

const OrganisationKind* body_kind_opening(std::string_view folded, std::size_t* length) {
    for (const auto& [name, kind] : kinds())
        if (folded.starts_with(name) && (folded.size() == name.size() || folded[name.size()] == ' ')) {
            if (length) *length = name.size();
            return &kind;
        }
    // OCR's noise in a long kind's words ("UYỶ BAN NHÂN DÂN"): one edit, with the
    // words after it still starting at a space.
    for (const auto& [name, kind] : kinds()) {
        if (name.size() < kCharactersPerEdit) continue;
        for (std::size_t n : {name.size() - 1, name.size() + 1}) {
            if (n > folded.size() || (n < folded.size() && folded[n] != ' ')) continue;
            if (edit_distance<char>(name, folded.substr(0, n)) <= 1) {
                if (length) *length = n;
                return &kind;
            }
        }
    }
    return nullptr;
}

const CentralBody* central_body_opening(std::string_view folded) {
    const CentralBody* best = nullptr;
    std::size_t longest = 0;
    for (const auto& [name, body] : central_bodies())
        if (name.size() > longest && folded.starts_with(name) && (folded.size() == name.size() || folded[name.size()] == ' '))
            best = &body, longest = name.size();
    return best;
}

const CentralBody* central_body_coded(std::string_view folded_code) {
    // A code the branches share says which organisation, not that its centre signed.
    for (const auto& [name, body] : central_bodies())
        if (!body.branches_share_code && fold_string(body.code) == folded_code) return &body;
    return nullptr;
}

std::optional<RegisterMatch> central_body_near(std::string_view folded) {
    std::optional<RegisterMatch> best;
    auto first_word = [](std::string_view s) { return s.substr(0, s.find(' ')); };
    for (const auto& [name, body] : central_bodies()) {
        // Short names are told apart by a letter ("so noi vu", "bo noi vu"), and the
        // kind of body is never a misreading to put right.
        if (first_word(name) != first_word(folded)) continue;
        std::size_t allowed = name.size() < 2 * kCharactersPerEdit ? 0 : name.size() / kCharactersPerEdit;
        std::size_t length_gap = name.size() > folded.size() ? name.size() - folded.size() : folded.size() - name.size();
        if (length_gap > allowed) continue;
        std::size_t d = edit_distance<char>(name, folded);
        if (d <= allowed && (!best || d < best->distance)) best = RegisterMatch{&body, d};
    }
    return best;
}

std::vector<std::string> symbol_components(const std::string& number) {
    auto slash = number.rfind('/');
    std::string symbol = number.substr(slash == std::string::npos ? 0 : slash + 1);
    if (slash != std::string::npos) {
        std::string before = number.substr(0, slash);
        auto dash = before.find('-');
        bool party = dash != std::string::npos && dash > 0 && std::isdigit(static_cast<unsigned char>(before[dash - 1])) &&
                     before.find('/') == std::string::npos;
        if (party) symbol = before.substr(dash + 1) + "-" + symbol;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= symbol.size()) {
        auto dash = symbol.find('-', start);
        if (dash == std::string::npos) dash = symbol.size();
        parts.push_back(symbol.substr(start, dash - start));
        start = dash + 1;
    }
    return parts;
}

std::vector<std::string> issuing_codes(const std::string& number) {
    std::vector<std::string> out;
    if (number.find('/') == std::string::npos) return out;
    for (const auto& part : symbol_components(number)) {
        std::string folded = fold_string(part);
        if (!folded.empty() && document_type_coded(folded) == nullptr) out.push_back(folded);
    }
    return out;
}

}  // namespace congvan
