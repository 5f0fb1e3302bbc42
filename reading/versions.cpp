#include "versions.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-version.h>

#include <cstdlib>
#include <filesystem>

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
    std::string model = std::filesystem::exists(dir + "/Vietnamese.traineddata") ? "Vietnamese" : "vie";
    std::string tesseract;
    try {
        tesseract = engine_table().tesseract_version();
        tesseract += std::string(" (module ") + engine_module_path() + ")";
    } catch (const LoadError& e) {  // --version still says what else there is, and why Tesseract is not
        tesseract = std::string("? (") + e.what() + ")";
    }
    return std::string("Tesseract ") + tesseract + " (model " + model + " in " + dir + "), Leptonica " + lept + ", Poppler " +
           poppler::version_string();
}

}  // namespace congvan
