// Comparing an extracted record with a hand-written corpus/expected/<name>.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace congvan::test {

struct FieldScore {
    int checked = 0;
    int right = 0;
    std::vector<std::string> wrong;  // "field: expected … found …"
    double ratio() const { return checked == 0 ? 1.0 : static_cast<double>(right) / checked; }
};

// Every field the expected file lists is compared with the record's: strings after
// the project's comparison normalisation, objects key by key (only the keys given),
// lists as "each expected item is found", null as "absent or blank".
FieldScore score_fields(const nlohmann::json& expected_fields, const nlohmann::json& record);

nlohmann::json read_json_file(const std::string& path);

}  // namespace congvan::test
