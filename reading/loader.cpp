#include "loader.h"

#include <unicode/unistr.h>
#include "text/messages.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "detect.h"
#include "docx_source.h"
#include "image_source.h"
#include "text/legacy_encoding.h"
#include "text_source.h"

namespace congvan {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // Fetched once a process: OpenSSL 3 looks a digest up among its providers on
    // every call given EVP_sha256() (most of a small file's hashing).
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, kSha256 ? kSha256 : EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

// Only regular files are documents: a FIFO would block and /dev/zero never ends.
// O_NONBLOCK keeps open() itself from waiting on a FIFO with no writer.
std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

namespace {

// Standard input to its end, within the same size limit as a file.
std::string read_standard_input() {
    std::string bytes;
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw LoadError(message("error.stdin-read", {{"why", std::strerror(errno)}}));
        if (n == 0) return bytes;
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > kMaxFileBytes)
            throw LoadError(message("error.stdin-too-large", {{"limit", std::to_string(kMaxFileBytes >> 20)}}));
    }
}

}  // namespace

std::string read_file_bytes(const std::string& path) {
    if (path == "-") return read_standard_input();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw LoadError(message("error.cannot-open", {{"why", std::strerror(errno)}}));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw LoadError(message("error.cannot-read", {{"why", std::strerror(errno)}}));
    if (S_ISDIR(st.st_mode)) throw LoadError(message("error.directory"));
    if (!S_ISREG(st.st_mode)) throw LoadError(message("error.not-regular"));
    if (static_cast<unsigned long long>(st.st_size) > kMaxFileBytes)
        throw LoadError(
            message("error.too-large", {{"size", std::to_string(st.st_size >> 20)}, {"limit", std::to_string(kMaxFileBytes >> 20)}}));
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw LoadError(message("error.cannot-read", {{"why", std::strerror(errno)}}));
        if (n == 0) break;  // shrank while being read
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

namespace {

// A text file in TCVN3 or VNI (UTF-8 showing Latin-1 letters, or 8-bit bytes) is
// read into Unicode, and its pages say from what (docs/legacy-encodings.md).
// A UTF-16 text (with its byte-order mark) as UTF-8; an unpaired surrogate becomes
// U+FFFD, as ICU converts it.
std::string utf16_to_utf8(const std::string& bytes) {
    bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
    std::u16string units;
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        units.push_back(static_cast<char16_t>(little ? a | (b << 8) : (a << 8) | b));
    }
    std::string out;
    icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(out);
    return out;
}

// Line ends as Unix writes them: a Windows "\r\n" and an old Mac's lone "\r" (a
// text of one line otherwise) are each one "\n".
std::string unix_line_ends(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
    }
    return out;
}

std::vector<Page> read_unicode_text_pages(const std::string& bytes) {
    std::string text = unix_line_ends(has_utf16_bom(bytes) ? utf16_to_utf8(bytes) : is_valid_utf8(bytes) ? bytes : latin1_to_utf8(bytes));
    LegacyEncoding encoding = legacy_encoding_of(text);
    if (encoding == LegacyEncoding::None) return read_text_pages(text);
    auto pages = read_text_pages(from_legacy(text, encoding));
    for (auto& page : pages) page.legacy_encoding = legacy_encoding_name(encoding);
    return pages;
}

}  // namespace

Document load_document_bytes(std::string bytes, const std::string& name, const LoadOptions& options, std::string sha256) {
    Document doc;
    doc.file = name;
    doc.size = bytes.size();
    doc.sha256 = sha256.empty() ? sha256_hex(bytes) : std::move(sha256);
    doc.kind = detect_kind(bytes);
    switch (doc.kind) {
        case DocumentKind::Pdf:
            doc.pages = read_pdf_pages(bytes, options.pool, options.pdf);
            break;
        case DocumentKind::Text:
            doc.pages = read_unicode_text_pages(bytes);
            break;
        case DocumentKind::Docx:
            doc.pages = read_docx_pages(bytes);
            break;
        default:
            doc.pages = read_image_pages(bytes, options.pool, options.pdf.deadline);
            break;
    }
    return doc;
}

Document load_document(const std::string& path, const LoadOptions& options) {
    return load_document_bytes(read_file_bytes(path), display_name(path), options);
}

}  // namespace congvan
