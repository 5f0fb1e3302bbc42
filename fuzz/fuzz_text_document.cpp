// A text document of any bytes through the whole pipeline a text file takes: load
// (UTF-8 check, normalisation), layout, fields, rules and every output format.
// Refusing the input (LoadError) is a correct ending; anything else that escapes,
// and any crash, leak or undefined behaviour, is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    congvan::fuzz::run_pipeline(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", {});
    return 0;
}
