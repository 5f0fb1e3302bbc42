// Leptonica images owned the C++ way: every Pix a function makes is destroyed
// whichever way the function leaves.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace congvan {

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace congvan
