// What a report shows of a document's pages: the pages with findings drawn as JPEG
// images for a screen (PDFs by Poppler, images by Leptonica), or, for a text file,
// the page's lines. Made in the file's own process (batch.h), as reading is: the
// file is as untrusted as when it was checked.
#pragma once

#include <string>
#include <vector>

namespace congvan {

struct PageView {
    int page = 0;                        // from 1
    double width_pt = 0, height_pt = 0;  // the page's size, the unit of evidence boxes
    std::string jpeg;                    // the page drawn; empty for a text file
    std::vector<std::string> lines;      // a text file's lines; empty otherwise
};

// A page is drawn this many pixels wide: a screen's width, a tenth of the bytes of
// a page rendered for OCR.
constexpr int kPageViewWidth = 1000;

// The views of `pages` of the file at `path`. Throws LoadError when the file cannot
// be read, or when `sha256` is given and the file's bytes are no longer those (it
// changed since it was read); a page it cannot draw is left out (the report shows
// its evidence as text).
std::vector<PageView> page_views(const std::string& path, const std::vector<int>& pages, const std::string& sha256 = "",
                                 int width_px = kPageViewWidth);

// Across the process boundary (CBOR).
std::string encode_page_views(const std::vector<PageView>& views);
std::vector<PageView> decode_page_views(const std::string& bytes);

}  // namespace congvan
