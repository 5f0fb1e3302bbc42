#include "normalize.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include "pattern.h"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace congvan {

namespace {

constexpr char32_t kGrave = 0x300, kAcute = 0x301, kTilde = 0x303, kHook = 0x309, kDotBelow = 0x323;
constexpr char32_t kCircumflex = 0x302, kBreve = 0x306, kHorn = 0x31B;

bool is_tone_mark(char32_t c) { return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDotBelow; }
bool is_quality_mark(char32_t c) { return c == kCircumflex || c == kBreve || c == kHorn; }
bool is_combining(char32_t c) { return c >= 0x300 && c <= 0x36F; }

const icu::Normalizer2& nfc_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    return *icu::Normalizer2::getNFCInstance(status);
}
const icu::Normalizer2& nfd_normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    return *icu::Normalizer2::getNFDInstance(status);
}

std::string normalize_with(const icu::Normalizer2& n, std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out;
    n.normalize(text, status).toUTF8String(out);
    return out;
}

// A base letter with the combining marks that follow it (NFD).
struct Grapheme {
    char32_t base;
    std::u32string marks;
};

bool is_vowel(char32_t base) {
    switch (u_tolower(static_cast<UChar32>(base))) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y':
            return true;
        default:
            return false;
    }
}
char32_t lower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }
bool has_quality(const Grapheme& g) {
    for (char32_t m : g.marks)
        if (is_quality_mark(m)) return true;
    return false;
}

// Index of the first grapheme of the vowel nucleus, skipping the "qu" and "gi"
// initials whose u and i are consonantal.
std::size_t nucleus_start(const std::vector<Grapheme>& g) {
    std::size_t i = 0;
    while (i < g.size() && !is_vowel(g[i].base)) ++i;
    if (i == 0 || i + 1 >= g.size() || !is_vowel(g[i + 1].base)) return i;
    char32_t before = lower(g[i - 1].base), v = lower(g[i].base);
    if ((before == 'q' && v == 'u') || (before == 'g' && v == 'i' && g[i].marks.empty())) return i + 1;
    return i;
}

// Which vowel of the nucleus [begin, end) carries the tone, new-style placement.
std::size_t tone_target(const std::vector<Grapheme>& g, std::size_t begin, std::size_t end) {
    std::size_t marked = end;
    for (std::size_t i = begin; i < end; ++i)
        if (has_quality(g[i])) marked = i;
    if (marked != end) return marked;
    std::size_t size = end - begin;
    if (size == 1) return begin;
    if (end < g.size()) return end - 1;  // closed syllable: hoàng, toán
    if (size == 2) {
        char32_t a = lower(g[begin].base), b = lower(g[begin + 1].base);
        bool glide_first = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
        return glide_first ? begin + 1 : begin;
    }
    return begin + 1;
}

std::u32string place_tone_in_word(const std::u32string& word) {
    std::vector<Grapheme> g;
    for (char32_t c : word) {
        if (is_combining(c) && !g.empty()) g.back().marks.push_back(c);
        else g.push_back({c, {}});
    }
    char32_t tone = 0;
    int tones = 0;
    for (auto& gr : g)
        for (char32_t m : gr.marks)
            if (is_tone_mark(m)) {
                tone = m;
                ++tones;
            }
    if (tones != 1) return word;
    std::size_t begin = nucleus_start(g);
    std::size_t end = begin;
    while (end < g.size() && is_vowel(g[end].base)) ++end;
    if (begin == end) return word;
    for (auto& gr : g) std::erase_if(gr.marks, is_tone_mark);
    g[tone_target(g, begin, end)].marks.push_back(tone);
    std::u32string out;
    for (auto& gr : g) {
        out.push_back(gr.base);
        out += gr.marks;
    }
    return out;
}

bool is_word_char(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) || is_combining(c); }

template <typename F>
std::u32string map_words(const std::u32string& text, F&& f) {
    std::u32string out, word;
    for (char32_t c : text) {
        if (is_word_char(c)) {
            word.push_back(c);
            continue;
        }
        out += f(word);
        word.clear();
        out.push_back(c);
    }
    return out + f(word);
}

// kỷ/kỉ, lý/lí, mỹ/mĩ: a syllable that is consonants then a lone y is spelled with i.
std::u32string fold_final_y(const std::u32string& word) {
    if (word.empty()) return word;
    std::size_t y = word.size();
    while (y > 0 && is_combining(word[y - 1])) --y;
    if (y < 2 || lower(word[y - 1]) != 'y') return word;
    for (std::size_t i = 0; i + 1 < y; ++i)
        if (is_vowel(word[i]) && !(i > 0 && lower(word[i - 1]) == 'q' && lower(word[i]) == 'u')) return word;
    std::u32string out = word;
    out[y - 1] = word[y - 1] == 'Y' ? U'I' : U'i';
    return out;
}

char fold_code_point(char32_t c) {
    if (c < 0x80) return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    switch (c) {
        case 0x111:
        case 0x110:
        case 0xD0:
            return 'd';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0xAB:
        case 0xBB:
            return '"';
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x2032:
            return '\'';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2212:
            return '-';
        case 0x2026:
            return '.';
        default:
            break;
    }
    if (u_isspace(static_cast<UChar32>(c)) || c == 0xA0) return ' ';
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed;
    nfd_normalizer().normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    decomposed = nfd_normalizer().normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    UChar32 base = decomposed.char32At(0);
    if (U_SUCCESS(status) && base < 0x80) return static_cast<char>(u_tolower(base));
    return is_combining(c) ? '\0' : '?';
}

// Folding is called on every line of every document: cache the BMP once.
const std::array<char, 0x10000>& fold_table() {
    static std::array<char, 0x10000> table;
    static std::once_flag once;
    std::call_once(once, [] {
        for (char32_t c = 0; c < table.size(); ++c) table[c] = fold_code_point(c);
    });
    return table;
}

}  // namespace

std::u32string to_u32(std::string_view utf8) {
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::u32string out;
    out.reserve(text.length());
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out.push_back(text.char32At(i));
    return out;
}

std::string to_utf8(std::u32string_view text) {
    icu::UnicodeString u;
    for (char32_t c : text) u.append(static_cast<UChar32>(c));
    std::string out;
    return u.toUTF8String(out);
}

std::string to_nfc(std::string_view utf8) { return normalize_with(nfc_normalizer(), utf8); }

namespace {
std::size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }
}  // namespace

std::string clean_pieces(const std::vector<std::string_view>& pieces, std::vector<std::pair<std::size_t, std::size_t>>* ranges) {
    std::u32string out;
    std::size_t bytes = 0;
    bool pending_space = false;
    for (std::string_view piece : pieces) {
        std::size_t begin = bytes;
        for (char32_t c : to_u32(to_nfc(piece))) {
            if (c == 0xD0) c = 0x110;
            // Control characters from a PDF's text layer never reach a terminal or a
            // report: an escape sequence in a document must not drive the auditor's screen.
            if (u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR && !u_isspace(static_cast<UChar32>(c))) continue;
            if (c == 0xA0 || u_isspace(static_cast<UChar32>(c)) || c == 0xFEFF || c == 0x200B) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) {
                out.push_back(' ');
                bytes += 1;
                if (begin == bytes - 1) begin = bytes;  // the space before a piece is not its own
            }
            pending_space = false;
            out.push_back(c);
            bytes += utf8_length(c);
        }
        if (ranges) ranges->push_back({std::min(begin, bytes), bytes});
    }
    return to_utf8(out);
}

std::string clean_line(std::string_view utf8) { return clean_pieces({utf8}, nullptr); }

std::string canonical_tones(std::string_view utf8) {
    auto nfd = to_u32(normalize_with(nfd_normalizer(), utf8));
    return to_nfc(to_utf8(map_words(nfd, place_tone_in_word)));
}

std::string comparison_key(std::string_view utf8) {
    icu::UnicodeString lowered = icu::UnicodeString::fromUTF8(canonical_tones(utf8));
    lowered.toLower(icu::Locale("vi"));
    std::string lowered_utf8;
    lowered.toUTF8String(lowered_utf8);
    auto nfd = to_u32(normalize_with(nfd_normalizer(), lowered_utf8));
    auto words = map_words(nfd, fold_final_y);
    std::u32string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        char32_t c = words[i];
        bool joiner = (c == '-' || c == 0x2013 || c == 0x2010) && !out.empty() && i + 1 < words.size();
        if (is_word_char(c) || (c >= '0' && c <= '9')) out.push_back(c);
        else if (joiner) out.push_back('-');
        else if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '-')) out.pop_back();
    std::string key = to_nfc(to_utf8(out));
    // COVID -19, Covid 19 and COVID-19 are one name.
    for (std::string_view variant : {"covid - 19", "covid -19", "covid- 19", "covid 19"}) {
        for (auto pos = key.find(variant); pos != std::string::npos; pos = key.find(variant)) key.replace(pos, variant.size(), "covid-19");
    }
    return key;
}

std::vector<std::string> comparison_words(std::string_view utf8) {
    std::vector<std::string> words;
    std::string key = comparison_key(utf8);
    std::size_t start = 0;
    while (start < key.size()) {
        auto end = key.find(' ', start);
        if (end == std::string::npos) end = key.size();
        if (end > start) words.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

FoldedText fold(std::string_view utf8) {
    const auto& table = fold_table();
    FoldedText out;
    out.folded.reserve(utf8.size());
    out.origin.reserve(utf8.size() + 1);
    for (std::size_t i = 0; i < utf8.size();) {
        auto lead = static_cast<unsigned char>(utf8[i]);
        int len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
        for (int k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
        char f = cp < table.size() ? table[cp] : '?';
        if (f != '\0') {
            out.folded.push_back(f);
            out.origin.push_back(static_cast<std::uint32_t>(i));
        }
        i += len;
    }
    out.origin.push_back(static_cast<std::uint32_t>(utf8.size()));
    return out;
}

std::string fold_string(std::string_view utf8) { return fold(utf8).folded; }

bool is_upper_case(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString upper = u;
    upper.toUpper(icu::Locale("vi"));
    return u == upper;
}

bool starts_lower_case(std::string_view utf8) {
    auto u = to_u32(utf8);
    return !u.empty() && u_islower(static_cast<UChar32>(u[0]));
}

}  // namespace congvan
