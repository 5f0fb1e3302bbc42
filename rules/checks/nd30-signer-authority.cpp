#include "rules/registry.h"
#include "text/normalize.h"

namespace congvan::checks {

namespace {

// The last authority of a chain ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" → "KT.", "CHỦ
// TỊCH"): the marker and whom it names, folded.
std::pair<std::string, std::string> last_authority(const std::string& authority) {
    std::string folded = fold_string(authority);
    std::size_t best = std::string::npos;
    std::string marker;
    for (const char* m : {"tm. ", "kt. ", "tl. ", "tuq. ", "q. "}) {
        for (std::size_t at = folded.find(m); at != std::string::npos; at = folded.find(m, at + 1))
            if ((at == 0 || folded[at - 1] == ' ') && (best == std::string::npos || at > best)) best = at, marker = m;
    }
    if (best == std::string::npos) return {};
    return {marker.substr(0, marker.size() - 1), folded.substr(best + marker.size())};
}

// Decree 30/2020, Appendix I, II (the signer's authority, "quyền hạn, chức vụ của
// người ký"): a deputy signs for the head with "KT." over the head's title ("KT. CHỦ
// TỊCH" over "PHÓ CHỦ TỊCH"), and on behalf of a collective body only through it
// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH").
class Nd30SignerAuthority : public Rule {
public:
    const char* id() const override { return "nd30-signer-authority"; }
    Severity default_severity() const override { return Severity::Warning; }
    const char* summary() const override {
        return "The signer's authority disagrees with the title: KT. needs a deputy (KT. CHỦ TỊCH over PHÓ CHỦ TỊCH), a deputy signs on "
               "behalf of the body only through KT.";
    }
    AppliesTo applies_to() const override { return AppliesTo::proofreading_rule({}, AppliesTo::Era::Decree30); }

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {
        const auto& signer = ctx.doc.signer;
        if (!signer.value || signer.value->title.empty()) return;
        auto [marker, head] = last_authority(signer.value->authority);
        std::string title = fold_string(signer.value->title);
        bool deputy = title.rfind("pho ", 0) == 0;
        std::string expected;
        if (marker == "kt." && title != "pho " + head) expected = "PHÓ " + to_upper_vi(after_marker(signer.value->authority));
        else if (marker == "tm." && deputy)
            expected = signer.value->authority + " KT. " + signer.value->title.substr(signer.value->title.find(' ') + 1);
        else return;
        std::string written = signer.value->authority + " / " + signer.value->title;
        out.push_back(finding_on(signer, say(marker == "kt." ? "deputy" : "through-kt", {{"written", written}, {"expected", expected}}),
                                 text_value(expected), text_value(written)));
    }

private:
    // What the last marker names, as written: "KT. CHỦ TỊCH" → "CHỦ TỊCH".
    static std::string after_marker(const std::string& authority) {
        auto at = authority.rfind(". ");
        return at == std::string::npos ? authority : authority.substr(at + 2);
    }
};

CONGVAN_REGISTER_RULE(Nd30SignerAuthority);

}  // namespace

}  // namespace congvan::checks
