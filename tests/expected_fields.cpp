#include "expected_fields.h"

#include <fstream>

#include "text/normalize.h"

namespace congvan::test {

namespace {

bool matches(const nlohmann::json& expected, const nlohmann::json& found) {
    if (expected.is_null()) return found.is_null();
    if (expected.is_string())
        return found.is_string() && comparison_key(expected.get<std::string>()) == comparison_key(found.get<std::string>());
    if (expected.is_number()) return found.is_number() && expected == found;
    if (expected.is_object()) {
        if (!found.is_object()) return false;
        for (const auto& [key, value] : expected.items())
            if (!matches(value, found.contains(key) ? found[key] : nlohmann::json())) return false;
        return true;
    }
    if (expected.is_array()) {
        if (!found.is_array()) return false;
        for (const auto& item : expected) {
            bool any = false;
            for (const auto& f : found) any = any || matches(item, f);
            if (!any) return false;
        }
        return true;
    }
    return expected == found;
}

}  // namespace

FieldScore score_fields(const nlohmann::json& expected_fields, const nlohmann::json& record) {
    FieldScore score;
    const auto& fields = record["fields"];
    for (const auto& [name, expected] : expected_fields.items()) {
        nlohmann::json found = fields.contains(name) ? fields[name]["value"] : nlohmann::json();
        ++score.checked;
        if (matches(expected, found)) ++score.right;
        else score.wrong.push_back(name + ": expected " + expected.dump() + " found " + found.dump());
    }
    return score;
}

nlohmann::json read_json_file(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace congvan::test
