// Text typed in the 8-bit Vietnamese fonts of the 1990s and 2000s (TCVN3/ABC:
// .VnTime; VNI Windows: VNI-Times) and read as Unicode shows the Latin-1 letters of
// its bytes: "Céng hoµ x· héi" (TCVN3), "Coäng hoøa xaõ hoäi" (VNI) for "Cộng hoà
// xã hội". docs/legacy-encodings.md: how it is told apart from Unicode Vietnamese.
#pragma once

#include <string>
#include <string_view>

namespace congvan {

enum class LegacyEncoding { None, Tcvn3, Vni };

const char* legacy_encoding_name(LegacyEncoding encoding);  // "TCVN3", "VNI"

// The legacy encoding a UTF-8 text was typed in: the one under which it becomes
// Vietnamese, when it is not Vietnamese as it stands. None for Unicode text.
LegacyEncoding legacy_encoding_of(std::string_view utf8);

// The text in Unicode (NFC). A line (or word) whose plain letters are all capitals
// is put in capitals whole: TCVN3's capital fonts (.VnTimeH) draw capitals at the
// codes of the small letters.
std::string from_legacy(std::string_view utf8, LegacyEncoding encoding);

// Bytes that are not UTF-8, each read as the Latin-1 letter of that code (how a
// TCVN3 or VNI text file saved from an old editor reads).
std::string latin1_to_utf8(std::string_view bytes);

}  // namespace congvan
