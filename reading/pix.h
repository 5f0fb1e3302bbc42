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

// A page drawn for a person to look at (the HTML report), with the page's size in
// points, the unit of every box congvan reports.
struct PageDrawing {
    int page = 0;  // from 1
    PixPtr pix;
    double width_pt = 0, height_pt = 0;
};

}  // namespace congvan
