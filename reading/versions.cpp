#include "versions.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-version.h>

#include "document.h"
#include "engine_module.h"
#include "ocr.h"

namespace congvan {

std::string library_versions() {
    char* leptonica = getLeptonicaVersion();  // "leptonica-1.82.0", allocated by Leptonica
    std::string lept = leptonica ? leptonica : "?";
    if (leptonica) lept_free(leptonica);
    if (lept.rfind("leptonica-", 0) == 0) lept = lept.substr(10);
    std::string dir = tessdata_dir();
    std::string model = tessdata_model(dir);
    // "Tesseract 5.3.0 (model Vietnamese in DIR, module PATH)", or "Tesseract ? (model …,
    // cannot load …)": --version still says what else there is, and why Tesseract is not.
    std::string version = "?", module;
    try {
        version = engine_table().tesseract_version();
        module = "module " + engine_module_path();
    } catch (const LoadError& e) {
        module = e.what();
    }
    return "Tesseract " + version + " (model " + model + " in " + dir + ", " + module + "), Leptonica " + lept + ", Poppler " +
           poppler::version_string();
}

}  // namespace congvan
