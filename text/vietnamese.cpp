// Vietnamese text as a reader sees it (text/normalize.h): its width on a terminal,
// its printable form, its dictionary order, its capitals, and whether a word has the
// shape of a Vietnamese syllable.
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "normalize.h"
#include "pattern.h"

namespace congvan {

std::size_t terminal_columns(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

std::string printable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool valid = n > 0 && i + n <= text.size();
        for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        // C1 controls (U+0080–U+009F) are escapes too.
        if (valid && n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) valid = false;
        if (!valid || c < 0x20 || c == 0x7F) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
            continue;
        }
        // Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
        // U+2066–U+2069) reorder what a terminal shows after them: a file named
        // "x\u202Efdp.exe" would read as "xexe.pdf".
        if (n == 3 && c == 0xE2) {
            auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
            unsigned cp = 0x2000 | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                static const char* hex = "0123456789abcdef";
                out += "\\u";
                for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
                i += n;
                continue;
            }
        }
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

void sort_vietnamese(std::vector<std::string>& names) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !collator) {
        std::sort(names.begin(), names.end());
        return;
    }
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        UErrorCode s = U_ZERO_ERROR;
        return collator->compareUTF8(a, b, s) == UCOL_LESS;
    });
}

std::string to_upper_vi(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toUpper(icu::Locale("vi"));
    std::string out;
    text.toUTF8String(out);
    return to_nfc(out);
}

// A Vietnamese word is one syllable: an onset, one to three vowels bearing at most
// one tone mark, and a coda of c, ch, m, n, ng, nh, p or t. French read as TCVN3 is
// not ("trốs", "ộtộ"), nor a word with f, j, w or z ("cafộ").
bool vietnamese_syllable(const std::u32string& word) {
    static const Pattern shape(R"(^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$)");
    int tones = 0;
    for (char32_t c : word) {
        icu::UnicodeString decomposed;
        UErrorCode status = U_ZERO_ERROR;
        icu::Normalizer2::getNFDInstance(status)->normalize(icu::UnicodeString(static_cast<UChar32>(c)), decomposed, status);
        for (int32_t k = 0; U_SUCCESS(status) && k < decomposed.length(); ++k) {
            UChar mark = decomposed.charAt(k);
            tones += mark == 0x0300 || mark == 0x0301 || mark == 0x0303 || mark == 0x0309 || mark == 0x0323;
        }
    }
    return tones <= 1 && RE2::FullMatch(fold_string(to_utf8(word)), shape);
}

}  // namespace congvan
