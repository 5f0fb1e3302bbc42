// A Word draft whose main part, word/document.xml, is any bytes (started from the
// document.xml of the Word fixtures): pugixml's parsing, congvan's walking of
// paragraphs, runs, tables and sections, then fields, rules and outputs. The bytes
// are packed into a real .docx here with libzip, so that mutations reach the XML
// instead of failing the package's checksums.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_pipeline.h"

namespace {

// A .docx holding `xml` as word/document.xml, in memory.
std::string package_of(const std::string& xml) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    std::string out;
    if (zip) {
        zip_source_t* part = zip_source_buffer(zip, xml.data(), xml.size(), 0);
        if (part && zip_file_add(zip, "word/document.xml", part, 0) < 0) zip_source_free(part);
        if (zip_close(zip) != 0) {
            zip_discard(zip);
        } else if (zip_source_open(buffer) == 0) {
            char chunk[8192];
            zip_int64_t n;
            while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
            zip_source_close(buffer);
        }
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string docx = package_of(std::string(reinterpret_cast<const char*>(data), size));
    if (!docx.empty()) congvan::fuzz::run_pipeline(docx, "fuzz.docx", congvan::LoadOptions{});
    return 0;
}
