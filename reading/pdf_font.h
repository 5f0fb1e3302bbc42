// How a born-digital PDF's text is set, from the font name and size Poppler gives
// each word. A PDF names a face by its PostScript name, often behind a subset tag
// and with the style after a comma or a dash ("BBUBWY+TimesNewRomanPSMT",
// "Times New Roman,Bold", "TimesNewRomanPS-BoldItalicMT"); docs/docx.md, "Style
// from PDFs", says what is read and what is not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "document.h"

namespace congvan {

// The face, bold and italic a PDF font name says, at `size_pt`; nothing for the
// invisible text an OCR program lays under a scan (Tesseract's and ocrmypdf's
// "GlyphLessFont"), which says nothing of how the page is set.
std::optional<TextStyle> pdf_text_style(std::string_view font_name, double size_pt);

// A face's name folded to compare faces however a source spells them:
// "Times New Roman", "TimesNewRomanPSMT" and "TimesNewRoman" are one face.
std::string face_key(std::string_view face);

}  // namespace congvan
