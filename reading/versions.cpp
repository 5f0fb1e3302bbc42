#include "versions.h"

#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-version.h>
#include <tesseract/baseapi.h>

#include <cstdlib>
#include <filesystem>

#include "ocr.h"

namespace congvan {

std::string library_versions() {
    char* leptonica = getLeptonicaVersion();  // "leptonica-1.82.0", allocated by Leptonica
    std::string lept = leptonica ? leptonica : "?";
    if (leptonica) lept_free(leptonica);
    if (lept.rfind("leptonica-", 0) == 0) lept = lept.substr(10);
    std::string dir = tessdata_dir();
    std::string model = std::filesystem::exists(dir + "/Vietnamese.traineddata") ? "Vietnamese" : "vie";
    return std::string("Tesseract ") + tesseract::TessBaseAPI::Version() + " (model " + model + " in " + dir + "), Leptonica " + lept +
           ", Poppler " + poppler::version_string();
}

}  // namespace congvan
