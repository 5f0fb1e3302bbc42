#pragma once
#include <string>

#include "document.h"
#include "pdf_source.h"
#include "task_pool.h"

namespace congvan {

struct LoadOptions {
    TaskPool* pool = nullptr;  // pages of one document are OCR'd in parallel on it
    PdfOptions pdf;
    double timeout_seconds = 0;  // in a batch: each file's own time from its start; 0: none
};

// Reads any supported file (kind from the bytes). Throws LoadError with the reason.
Document load_document(const std::string& path, const LoadOptions& options = {});
// `sha256` may be given when the caller already hashed the bytes.
Document load_document_bytes(std::string bytes, const std::string& name, const LoadOptions& options = {}, std::string sha256 = "");

// A document file larger than this is refused before it is read: the largest
// signed scans seen are tens of MiB.
constexpr unsigned long long kMaxFileBytes = 512ull << 20;

std::string sha256_hex(std::string_view bytes);
// "-" names standard input, as in other Unix tools: read like a file, shown as "<stdin>".
std::string display_name(const std::string& path);
// The bytes of a regular file, or of standard input for "-"; LoadError with the
// reason (errno's text included).
std::string read_file_bytes(const std::string& path);

}  // namespace congvan
