// The report's own files (report/html: the page and site templates, the style
// sheet), built into the binary so that it needs nothing from the source tree.
#pragma once

#include <string>
#include <string_view>

namespace congvan {

// The bytes of a file of report/html by its path from the source tree's root
// ("report/html/style.css"); empty for a file that is not one.
std::string_view report_asset(const std::string& name);

}  // namespace congvan
