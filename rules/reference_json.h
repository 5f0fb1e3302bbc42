// The Ministry record a document was compared with, as JSON: the members every
// output and the scan database share (report/check_output.cpp reference_json,
// store/stored_outcome.cpp), the reason in one language.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/ministry.h"

namespace congvan {

inline nlohmann::ordered_json reference_members(const Reference& r, const std::string& why) {
    const auto& m = r.record;
    return {{"number", m.number.value ? nlohmann::ordered_json(*m.number.value) : nlohmann::ordered_json()},
            {"date", m.date.value ? nlohmann::ordered_json(m.date.value->iso()) : nlohmann::ordered_json()},
            {"year", m.year},
            {"source", r.source},
            {"why", why},
            {"record", m.origin}};
}

}  // namespace congvan
