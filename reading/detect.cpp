#include "detect.h"

#include "text/legacy_encoding.h"
#include "text/messages.h"

#include <algorithm>

namespace congvan {

namespace {

using namespace std::literals;

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// A PDF may have a little junk before its header; readers accept it within 1 KiB.
bool looks_like_pdf(std::string_view bytes) { return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

// NUL and most C0 controls never occur in a typed document; they mean binary data.
bool has_binary_controls(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f';
    });
}

int utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto lead = static_cast<unsigned char>(s[i]);
        int len = utf8_sequence_length(lead);
        if (len == 0 || i + len > s.size()) return false;
        char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
        for (int k = 1; k < len; ++k) {
            auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
        i += len;
    }
    return true;
}

bool has_utf16_bom(std::string_view bytes) { return starts_with(bytes, "\xFF\xFE"sv) || starts_with(bytes, "\xFE\xFF"sv); }

DocumentKind detect_kind(std::string_view bytes) {
    if (bytes.empty()) throw LoadError(message("error.empty-file"));
    if (looks_like_pdf(bytes)) return DocumentKind::Pdf;
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n"sv)) return DocumentKind::Png;
    if (starts_with(bytes, "\xFF\xD8\xFF"sv)) return DocumentKind::Jpeg;
    if (starts_with(bytes, "II*\0"sv) || starts_with(bytes, "MM\0*"sv)) return DocumentKind::Tiff;
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) throw LoadError(message("error.legacy-doc"));
    if (starts_with(bytes, "PK\x03\x04"sv)) {
        // A Word file names its main part; an OpenDocument file says its type first.
        if (bytes.find("word/document.xml") != std::string_view::npos) return DocumentKind::Docx;
        if (bytes.substr(0, 200).find("application/vnd.oasis.opendocument.text") != std::string_view::npos)
            throw LoadError(message("error.odt"));
        throw LoadError(message("error.zip-not-docx"));
    }
    if (has_utf16_bom(bytes)) return DocumentKind::Text;
    if (has_binary_controls(bytes)) throw LoadError(message("error.binary"));
    // A text file saved by an old editor in TCVN3 or VNI is 8-bit: read, not refused.
    if (!is_valid_utf8(bytes) && legacy_encoding_of(latin1_to_utf8(bytes)) == LegacyEncoding::None)
        throw LoadError(message("error.not-utf8"));
    return DocumentKind::Text;
}

}  // namespace congvan
