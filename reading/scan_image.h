// A scanned PDF page is one image drawn over the whole page. Decoding that image as
// it is stored costs a fraction of rendering the page (Poppler scales, antialiases
// and composes it into a colour bitmap first, then congvan copies the bitmap): a
// fifth of congvan's time on a scan went there (docs/ocr-toolchain.md, "Reading a scan's
// own image").
#pragma once

#include <memory>
#include <string_view>

#include "pix.h"

namespace congvan {

class ScanImages {
public:
    // Parses the PDF with qpdf. A file qpdf cannot read gives no images, and its
    // pages are rendered by Poppler, which reports what is wrong with it.
    explicit ScanImages(std::string_view pdf_bytes);
    ~ScanImages();
    ScanImages(const ScanImages&) = delete;
    ScanImages& operator=(const ScanImages&) = delete;

    // Page `index`'s (from 0) scan image decoded, with its resolution set, when the
    // page is nothing but one 8-bit grey or RGB image covering it upright at about
    // the resolution OCR reads (kOcrDpi), with perhaps small images (a signing
    // service's emblem) and text (a signature stamp, whose words the text layer
    // gives) over it. Anything else (vector drawing, a rotated, cropped or masked
    // image, CMYK, a filter qpdf does not decode, another resolution) is nullptr and
    // the page is rendered. Not thread-safe: call it under the lock that guards the
    // document's other reading.
    PixPtr page_image(int index);

    // Whether page `index`'s text layer was made by OCR rather than by its author:
    // most of its text is drawn invisibly (render mode 3) or over an image covering
    // the page. Such text is a reading of the scan (docs/precision.md).
    bool text_layer_made_by_ocr(int index);

private:
    struct Parsed;
    std::unique_ptr<Parsed> parsed_;
};

}  // namespace congvan
