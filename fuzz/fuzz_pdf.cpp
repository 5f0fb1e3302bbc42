// A PDF of any bytes (started from the bundled text-layer PDFs): Poppler's parsing,
// congvan's reading of text layers, layout, fields, rules and outputs. Pages are
// not rendered or OCR'd here (PdfOptions::text_layer_only), so that the parsing is
// tried at thousands of inputs a second; the rendering limits have their own tests
// (tests/test_hostile_input.cpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    congvan::LoadOptions options;
    options.pdf.text_layer_only = true;
    congvan::fuzz::run_pipeline(std::string(reinterpret_cast<const char*>(data), size), "fuzz.pdf", options);
    return 0;
}
