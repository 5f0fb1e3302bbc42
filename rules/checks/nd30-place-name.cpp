#include "fields/field_context.h"
#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

// An issuer below the province (a district, a commune, a school) writes its own
// locality: it is not judged.
bool below_province(const std::string& folded_issuer) {
    for (const char* word : {"huyen ", "quan ", "thi xa ", "xa ", "phuong ", "thi tran ", "truong ", "phong "})
        if (folded_issuer.find(word) != std::string::npos) return true;
    return false;
}

// Decree 30/2020, Appendix I, part II, under "Địa danh và thời gian ban hành văn bản":
// a provincial body's place is the name of its province ("Nghệ An, ngày …"), spelt as
// the province is. A provincial body that writes another province, or its own
// misspelt ("Hung Yên"), is caught; a town or a city is not judged.
class Nd30PlaceName : public Rule {
public:
    const char* id() const override { return "nd30-place-name"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "A provincial body's place-date line names a place other than its province, or misspells it";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const Record& d = ctx.doc;
        if (!d.place.value || !d.province.value || !d.issuer.value) return;
        const std::string &place = *d.place.value, &province = *d.province.value;
        std::string issuer = fold_string(*d.issuer.value), folded_place = fold_string(place);
        if (below_province(issuer) || issuer.find(fold_string(province)) == std::string::npos) return;
        if (canonical_tones(place) == canonical_tones(province)) return;
        bool misspelt = folded_place == fold_string(province);
        auto named = fields::province_named_in(folded_place);
        bool other_province = named && fold_string(*named) == folded_place;
        if (!misspelt && !other_province) return;
        Finding f = finding_on(d.place, say(misspelt ? "misspelt" : "other", {{"place", place}, {"province", province}}),
                               text_value(province), text_value(place));
        // OCR drops diacritics: a misspelling on a scan may be its own.
        if (misspelt && d.place.evidence && d.place.evidence->confidence < 100) f.add_doubt(Doubt::PossibleMisread);
        if (d.place.evidence && d.place.evidence->text.find(place) != std::string::npos) f.fix = Fix{place, province};
        out.push_back(std::move(f));
    }
};

CONGVAN_REGISTER_RULE(Nd30PlaceName);

}  // namespace

}  // namespace congvan::checks
