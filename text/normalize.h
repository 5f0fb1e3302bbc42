// Text normalisation for Vietnamese. Display text keeps the document's spelling
// (NFC only); comparisons go through comparison_key(); keyword search goes through
// fold(), which is accent-insensitive so that fields survive OCR's diacritic errors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace congvan {

std::string to_nfc(std::string_view utf8);

// NFC, every Unicode space as ' ', runs collapsed, ends trimmed, control
// characters dropped; OCR's 'Ð' (U+00D0) becomes 'Đ'.
std::string clean_line(std::string_view utf8);
// clean_line over the pieces of one line (a Word paragraph's runs), with where each
// piece ended up in the cleaned text: [begin, end) in bytes, empty when nothing of
// it is left.
std::string clean_pieces(const std::vector<std::string_view>& pieces, std::vector<std::pair<std::size_t, std::size_t>>* ranges);

// The project's one tone-mark placement ("new style": hoà, thuý, khoẻ, but hoàng,
// thuỷ tinh → thủy is untouched where the nucleus decides). Case and letters kept.
std::string canonical_tones(std::string_view utf8);

// What two texts must share to be "the same words": canonical tones, lower case,
// i/y variants (kỷ = kỉ), quotes, emphasis and punctuation dropped, spacing
// collapsed, COVID-19 spellings unified.
std::string comparison_key(std::string_view utf8);
std::vector<std::string> comparison_words(std::string_view utf8);

// Accent- and case-insensitive ASCII image of a UTF-8 text, one byte per code point:
// "Chủ đề" → "chu de". `origin[i]` is the byte offset in the source of folded[i];
// origin has one extra entry, the source's size.
struct FoldedText {
    std::string folded;
    std::vector<std::uint32_t> origin;
};
FoldedText fold(std::string_view utf8);
std::string fold_string(std::string_view utf8);

// Letter case of a whole line ("KẾ HOẠCH", a signer's title) and of its first
// letter (a wrapped line goes on in lower case).
bool is_upper_case(std::string_view utf8);
// In capitals, as Vietnamese writes them ("Kế hoạch" → "KẾ HOẠCH").
std::string to_upper_vi(std::string_view utf8);
bool starts_lower_case(std::string_view utf8);

// A file name or text fit for a terminal line: control characters (ESC, newline,
// CR…) and invalid UTF-8 bytes are shown as \xNN, bidirectional overrides and
// isolates as \u202e, so a name cannot retitle the terminal, split an error line
// or show itself reordered.
std::string printable(std::string_view text);
// How many columns a terminal gives UTF-8 text (code points: Vietnamese letters are
// one column but two or three bytes), to pad a column of a table.
std::size_t terminal_columns(std::string_view utf8);

// Sorts names in Vietnamese alphabetical order (ICU's collation for "vi": Đắk Lắk
// after Điện Biên and before Gia Lai, not after every Latin letter as bytes would).
void sort_vietnamese(std::vector<std::string>& names);

// Decoding helpers shared by the text modules.
// One word is a Vietnamese syllable: an onset, one to three vowels bearing at most
// one tone mark, and a coda (c, ch, m, n, ng, nh, p, t). "HĐTĐ", "UBND" are not.
bool vietnamese_syllable(const std::u32string& word);

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

}  // namespace congvan
