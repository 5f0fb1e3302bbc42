#include <yaml-cpp/yaml.h>

#include "rules/check_support.h"
#include "rules/registry.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan::checks {

namespace {

// The Week has one official name, the Ministry's (corpus/vocabulary/ministry.yaml).
// A mention whose letters are the name's but whose marks are not ("hướng ứng" for
// "hưởng ứng") misspells it: the document's own words show the slip. Case, the old
// tone placement and spacing are not differences; on a line OCR read, a mark may
// be OCR's (docs/precision.md).
const std::string& official_week_name() {
    static const std::string name =
        YAML::Load(std::string(embedded_data("corpus/vocabulary/ministry.yaml")))["week_name"].as<std::string>();
    return name;
}

std::string lower_words(const std::string& text) {
    std::string out;
    for (const auto& w : comparison_words(text)) out += (out.empty() ? "" : " ") + w;
    return out;
}

class NameMisspelled : public Rule {
public:
    const char* id() const override { return "name-misspelled"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The Week's official name written with a wrong letter or tone mark (hướng ứng for hưởng ứng)";
    }
    AppliesTo applies_to() const override { return AppliesTo::week_documents(); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const std::string expected = lower_words(official_week_name());
        for (const auto& mention : ctx.doc.week_names) {
            if (lower_words(mention.text) == expected) continue;
            Finding f = finding(say("found", {{"written", mention.text}, {"expected", official_week_name()}}),
                                text_value(official_week_name()), text_value(mention.text), mention.evidence);
            if (mention.evidence.confidence < 100) f.add_doubt(Doubt::PossibleMisread);
            out.push_back(std::move(f));
            return;  // one finding a document: the same slip is usually copied
        }
    }
};

CONGVAN_REGISTER_RULE(NameMisspelled);

}  // namespace

}  // namespace congvan::checks
