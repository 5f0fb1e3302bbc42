#include <regex>

#include "sql.h"

namespace congvan {

bool is_postgres_location(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string location_for_messages(const std::string& location) {
    if (!is_postgres_location(location)) return location;
    static const std::regex in_authority(R"(^(postgres(?:ql)?://[^/?#@:]*):[^/?#@]*@)");
    static const std::regex in_query(R"(([?&]password=)[^&#]*)");
    return std::regex_replace(std::regex_replace(location, in_authority, "$1:***@"), in_query, "$1***");
}

}  // namespace congvan
