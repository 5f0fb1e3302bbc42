#pragma once
#include <string>

namespace congvan {

// The text of docs/rules/<id>.md, built into the binary; empty for an unknown id.
std::string rule_documentation(const std::string& id);

}  // namespace congvan
