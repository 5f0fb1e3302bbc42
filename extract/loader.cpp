#include "loader.h"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "detect.h"
#include "image_source.h"
#include "text_source.h"

namespace congvan {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

std::string read_file_bytes(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw LoadError("is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError("cannot open file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw LoadError("cannot read file");
    return buffer.str();
}

Document load_document_bytes(std::string bytes, const std::string& name, const LoadOptions& options, std::string sha256) {
    Document doc;
    doc.file = name;
    doc.size = bytes.size();
    doc.sha256 = sha256.empty() ? sha256_hex(bytes) : std::move(sha256);
    doc.kind = detect_kind(bytes);
    switch (doc.kind) {
        case DocumentKind::Pdf: doc.pages = read_pdf_pages(bytes, options.pool, options.pdf); break;
        case DocumentKind::Text: doc.pages = read_text_pages(bytes); break;
        default: doc.pages = read_image_pages(bytes, options.pool, options.pdf.deadline); break;
    }
    return doc;
}

Document load_document(const std::string& path, const LoadOptions& options) {
    return load_document_bytes(read_file_bytes(path), path, options);
}

}  // namespace congvan
