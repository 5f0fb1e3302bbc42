// The presentation Decree 30/2020 prescribes, as data (corpus/vocabulary/decree30.yaml):
// the national name, the motto, the face, the paper and the margins.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace congvan {

struct Decree30Form {
    struct Range {
        double min = 0, max = 0;
        bool holds(double v) const { return v >= min && v <= max; }
    };
    // How one of the header's lines is set: its size in points, and whether it is
    // bold or italic (not said: either).
    struct LineStyle {
        Range size;
        bool bold = false, italic = false;
    };
    std::string national_name, motto, font;
    double paper_width_mm = 0, paper_height_mm = 0, paper_tolerance_mm = 0;
    Range top, bottom, left, right;                         // margins, mm
    std::vector<std::pair<std::string, LineStyle>> styles;  // national_name, motto, place_date, type_name
    Range body_size;                                        // points
};

const Decree30Form& decree30_form();

}  // namespace congvan
