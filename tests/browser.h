// Debian's headless Chromium, for the tests of the HTML outputs: the files are read
// as an auditor's browser would read them (no server, no network).
#pragma once

#include <string>
#include <vector>

#include "helpers.h"

namespace congvan::test {

// A fresh folder of this test process's own: CTest runs two groups with browser
// tests at once, and two Chromiums cannot share a profile.
std::string own_dir(const std::string& name);
// Chromium, headless, with a profile of its own, and these arguments.
ProcessResult chromium(const std::vector<std::string>& args);
// The DOM after Chromium has loaded the page and run whatever it would run.
std::string dom_of(const std::string& html_file);
// How many times `what` occurs in `text`.
std::size_t count_of(const std::string& text, const std::string& what);

}  // namespace congvan::test
