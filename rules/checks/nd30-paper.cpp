#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "fields/decree30_form.h"
#include "rules/registry.h"

namespace congvan::checks {

namespace {

constexpr double kMmPerPoint = 25.4 / 72;

std::string mm(double points) { return fmt::format("{:.0f}", points * kMmPerPoint); }

// Decree 30/2020, Appendix I, I (paper, margins): A4 paper (210 × 297 mm) and each margin
// within its range (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm). Only a
// source that says its paper (a Word draft's section) is judged.
class Nd30Paper : public Rule {
public:
    const char* id() const override { return "nd30-paper"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override { return "A Word draft not on A4 paper, or with margins outside the prescribed ranges"; }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& page = ctx.doc.presentation.page;
        if (!page || page->width <= 0) return;
        const Decree30Form& form = decree30_form();
        // Portrait or landscape (a wide table's section) are both A4.
        double w = std::min(page->width, page->height) * kMmPerPoint, h = std::max(page->width, page->height) * kMmPerPoint;
        if (std::abs(w - form.paper_width_mm) > form.paper_tolerance_mm || std::abs(h - form.paper_height_mm) > form.paper_tolerance_mm) {
            std::string found = mm(page->width) + " × " + mm(page->height) + " mm";
            std::string expected = fmt::format("{:g} × {:g} mm", form.paper_width_mm, form.paper_height_mm);
            out.push_back(
                finding(say("paper", {{"found", found}, {"expected", expected}}), text_value(expected), text_value(found), std::nullopt));
        }
        margin("top", page->top, form.top, out);
        margin("bottom", page->bottom, form.bottom, out);
        margin("left", page->left, form.left, out);
        margin("right", page->right, form.right, out);
    }

private:
    void margin(const char* side, double points, const Decree30Form::Range& range, std::vector<Finding>& out) const {
        double millimetres = points * kMmPerPoint;
        if (range.holds(std::round(millimetres))) return;
        std::string expected = fmt::format("{:g}–{:g} mm", range.min, range.max), found = mm(points) + " mm";
        out.push_back(finding(say("margin", {{"side", say(std::string("side.") + side)}, {"found", found}, {"expected", expected}}),
                              text_value(expected), text_value(found), std::nullopt));
    }
};

CONGVAN_REGISTER_RULE(Nd30Paper);

}  // namespace

}  // namespace congvan::checks
