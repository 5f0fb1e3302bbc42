#include "legacy_encoding.h"

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

#include "normalize.h"
#include "vocabulary.h"

namespace congvan {

namespace {

// What a letter sequence of each encoding stands for, longest first at a position.
struct Table {
    std::map<std::u32string, std::u32string> sequences;
    std::size_t longest = 1;
};

// corpus/vocabulary/legacy-encodings.tsv: unicode, vni, tcvn3. TCVN3's capitals
// with marks have no code of their own (the table writes them as two letters, a
// convention for writing, not what a document holds): only its one-letter codes
// are read.
const Table& table(LegacyEncoding encoding) {
    static const auto tables = [] {
        std::pair<Table, Table> t;  // vni, tcvn3
        std::string_view data = embedded_data("corpus/vocabulary/legacy-encodings.tsv");
        for (std::size_t start = 0; start < data.size();) {
            auto end = data.find('\n', start);
            if (end == std::string_view::npos) end = data.size();
            std::string_view line = data.substr(start, end - start);
            start = end + 1;
            if (line.empty() || line[0] == '#') continue;
            auto a = line.find('\t'), b = line.find('\t', a + 1);
            if (a == std::string_view::npos || b == std::string_view::npos) continue;
            auto unicode = to_u32(line.substr(0, a)), vni = to_u32(line.substr(a + 1, b - a - 1)), tcvn3 = to_u32(line.substr(b + 1));
            t.first.sequences[vni] = unicode;
            t.first.longest = std::max(t.first.longest, vni.size());
            if (tcvn3.size() == 1) t.second.sequences[tcvn3] = unicode;
        }
        return t;
    }();
    return encoding == LegacyEncoding::Vni ? tables.first : tables.second;
}

std::u32string convert(const std::u32string& text, const Table& t) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        bool done = false;
        for (std::size_t n = std::min(t.longest, text.size() - i); n >= 1 && !done; --n) {
            auto it = t.sequences.find(text.substr(i, n));
            if (it == t.sequences.end()) continue;
            out += it->second;
            i += n;
            done = true;
        }
        if (!done) out += text[i++];
    }
    return out;
}

// Letters only Vietnamese writes: ă â đ ê ô ơ ư and the vowels with a tone mark
// outside Latin-1 (ạ, ế, ữ…). Latin-1's à á è é ì í ò ó ù ú ý ã õ are French or
// Spanish as much as Vietnamese, and are what the legacy encodings are made of.
bool vietnamese_only(char32_t c) {
    c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    return c == U'ă' || c == U'â' || c == U'đ' || c == U'ê' || c == U'ô' || c == U'ơ' || c == U'ư' || c == U'ĩ' || c == U'ũ' ||
           (c >= 0x1EA0 && c <= 0x1EF9);
}

// Of the words with a letter outside ASCII, the share that are Vietnamese: with a
// letter only Vietnamese has, and of a Vietnamese syllable's shape.
double vietnamese_share(const std::u32string& text) {
    std::size_t marked = 0, vietnamese = 0;
    std::u32string word;
    auto end_word = [&] {
        bool any = std::any_of(word.begin(), word.end(), [](char32_t c) { return c > 0x7F; });
        bool viet = any && std::any_of(word.begin(), word.end(), vietnamese_only) && vietnamese_syllable(word);
        marked += any;
        vietnamese += viet;
        word.clear();
    };
    for (char32_t c : text) {
        if (c == 0xAD) c = U'ư';  // TCVN3's ư is Latin-1's soft hyphen
        if (!u_isalpha(static_cast<UChar32>(c))) {
            end_word();
            continue;
        }
        word += static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    }
    end_word();
    return marked == 0 ? 0.0 : static_cast<double>(vietnamese) / static_cast<double>(marked);
}

// Measured on the 27 texts of the samples and the development sets, each also
// written in TCVN3 and in VNI by corpus/vocabulary/legacy-encodings.tsv
// (docs/legacy-encodings.md): Unicode has 68–86 % of its marked words Vietnamese,
// TCVN3 5–23 % and VNI 11–39 % before conversion, 68–86 % after the right one.
constexpr double kUnicodeShare = 0.5;
constexpr double kConvertedShare = 0.5;
// VNI writes a marked vowel as two letters (the vowel, then its mark): of the
// letters outside ASCII, 43–77 % open such a pair in VNI, at most 2 % in TCVN3 or Unicode.
constexpr double kVniPairShare = 0.25;
constexpr std::size_t kSampleCodePoints = 20000;

double vni_pair_share(const std::u32string& text) {
    const Table& vni = table(LegacyEncoding::Vni);
    std::size_t high = 0, pairs = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        high += text[i] > 0x7F;
        if (i + 1 < text.size() && vni.sequences.count(text.substr(i, 2))) ++pairs;
    }
    return high == 0 ? 0.0 : static_cast<double>(pairs) / static_cast<double>(high);
}

// A line whose plain letters are all capitals (two or more) is in capitals whole:
// its marked letters were drawn by a capital font at the small letters' codes.
std::u32string capitals_kept(std::u32string converted) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= converted.size(); ++i) {
        if (i < converted.size() && converted[i] != U'\n') continue;
        std::size_t plain = 0, capitals = 0;
        for (std::size_t k = start; k < i; ++k)
            if (converted[k] < 0x80 && u_isalpha(static_cast<UChar32>(converted[k]))) {
                ++plain;
                capitals += u_isupper(static_cast<UChar32>(converted[k])) != 0;
            }
        if (plain >= 2 && capitals == plain)
            for (std::size_t k = start; k < i; ++k) converted[k] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(converted[k])));
        start = i + 1;
    }
    return converted;
}

}  // namespace

const char* legacy_encoding_name(LegacyEncoding encoding) {
    return encoding == LegacyEncoding::Tcvn3 ? "TCVN3" : encoding == LegacyEncoding::Vni ? "VNI" : "Unicode";
}

LegacyEncoding legacy_encoding_of(std::string_view utf8) {
    std::u32string text = to_u32(utf8);
    if (text.size() > kSampleCodePoints) text.resize(kSampleCodePoints);
    if (vietnamese_share(text) >= kUnicodeShare) return LegacyEncoding::None;
    LegacyEncoding encoding = vni_pair_share(text) >= kVniPairShare ? LegacyEncoding::Vni : LegacyEncoding::Tcvn3;
    if (vietnamese_share(convert(text, table(encoding))) < kConvertedShare) return LegacyEncoding::None;
    return encoding;
}

std::string from_legacy(std::string_view utf8, LegacyEncoding encoding) {
    if (encoding == LegacyEncoding::None) return std::string(utf8);
    std::u32string text = to_u32(utf8);
    return to_nfc(to_utf8(capitals_kept(convert(text, table(encoding)))));
}

std::string latin1_to_utf8(std::string_view bytes) {
    std::u32string text;
    for (unsigned char c : bytes) text += static_cast<char32_t>(c);
    return to_utf8(text);
}

}  // namespace congvan
