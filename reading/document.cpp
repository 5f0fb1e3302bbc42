#include "document.h"

namespace congvan {

const char* to_string(PageSource source) { return source == PageSource::Text ? "text" : "ocr"; }

const char* to_string(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Pdf:
            return "pdf";
        case DocumentKind::Png:
            return "png";
        case DocumentKind::Jpeg:
            return "jpeg";
        case DocumentKind::Tiff:
            return "tiff";
        case DocumentKind::Text:
            return "text";
        case DocumentKind::Docx:
            return "docx";
    }
    return "unknown";
}

}  // namespace congvan
