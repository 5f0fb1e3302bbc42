#include "decree30_form.h"

#include <yaml-cpp/yaml.h>

#include "text/vocabulary.h"

namespace congvan {

namespace {

Decree30Form::Range range_of(const YAML::Node& n) { return {n[0].as<double>(), n[1].as<double>()}; }

}  // namespace

const Decree30Form& decree30_form() {
    static const Decree30Form form = [] {
        YAML::Node n = YAML::Load(std::string(embedded_data("corpus/vocabulary/decree30.yaml")));
        Decree30Form f;
        f.national_name = n["national_name"].as<std::string>();
        f.motto = n["motto"].as<std::string>();
        f.font = n["font"].as<std::string>();
        f.paper_width_mm = n["paper"]["width_mm"].as<double>();
        f.paper_height_mm = n["paper"]["height_mm"].as<double>();
        f.paper_tolerance_mm = n["paper"]["tolerance_mm"].as<double>();
        const auto& m = n["margins_mm"];
        f.top = range_of(m["top"]);
        f.bottom = range_of(m["bottom"]);
        f.left = range_of(m["left"]);
        f.right = range_of(m["right"]);
        for (const auto& entry : n["styles"]) {
            const YAML::Node& s = entry.second;
            f.styles.push_back({entry.first.as<std::string>(),
                                {range_of(s["size"]), s["bold"] && s["bold"].as<bool>(), s["italic"] && s["italic"].as<bool>()}});
        }
        f.body_size = range_of(n["body_size"]);
        return f;
    }();
    return form;
}

}  // namespace congvan
