// What every fuzz target runs on what it made of its input.
#pragma once

#include <string>

#include "fields/record.h"
#include "reading/loader.h"

namespace congvan::fuzz {

// Load, extract, check and write every output; a LoadError ends it quietly.
void run_pipeline(std::string bytes, const std::string& name, const LoadOptions& options);
// The rules against the bundled Ministry records, then every output format.
void check_and_write(const Record& record);

}  // namespace congvan::fuzz
