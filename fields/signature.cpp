// The end of a document: "Kính gửi" and "Nơi nhận" lists, and the signature block
// (authority "TM."/"KT."/"Q."/"TL.", title, name).
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kNameSearchLines = 8;

bool is_authority(std::string_view folded) {
    static const Pattern re(R"(^(?:tm|kt|q|tl|tuq)\.\s*\S)");
    return RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), re);
}

// A person's name: two to five capitalised words, no digits or punctuation.
bool looks_like_name(const std::string& text) {
    static const Pattern name(R"(^[A-ZĐ\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){1,4}$)");
    return !is_upper_case(text) && RE2::FullMatch(text, name);
}

std::string list_entry(std::string text) {
    while (!text.empty() && (text.front() == '-' || text.front() == '+' || text.front() == ' ')) text.erase(0, 1);
    while (!text.empty() && (text.back() == ';' || text.back() == '.' || text.back() == ',' || text.back() == ' ')) text.pop_back();
    return text;
}

void extract_signer(const FieldContext& ctx, Record& r) {
    const auto& lines = ctx.flow.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_authority(ctx.folded_line(lines[i]))) continue;
        Signer s;
        std::size_t k = i;
        while (k < lines.size() && is_authority(ctx.folded_line(lines[k])))
            s.authority += (s.authority.empty() ? "" : " ") + lines[k++].source->text;
        if (k < lines.size() && is_upper_case(lines[k].source->text)) s.title = lines[k++].source->text;
        for (std::size_t n = k; n < lines.size() && n < k + kNameSearchLines; ++n)
            if (looks_like_name(lines[n].source->text)) {
                s.name = lines[n].source->text;
                break;
            }
        r.signer = {s, ctx.flow.evidence_of(lines[i])};
        return;
    }
}

void extract_recipients(const FieldContext& ctx, Record& r) {
    const auto& lines = ctx.flow.lines();
    std::vector<std::string> out;
    std::optional<Evidence> evidence;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view f = ctx.folded_line(lines[i]);
        bool addressees = f.rfind("kinh gui", 0) == 0;
        bool copies = f.rfind("noi nhan", 0) == 0;
        if (!addressees && !copies) continue;
        if (!evidence) evidence = ctx.flow.evidence_of(lines[i]);
        const std::string& text = lines[i].source->text;
        auto colon = text.find(':');
        // Only an addressee on the heading's own line may wrap onto the next line.
        bool on_heading = colon != std::string::npos && !list_entry(text.substr(colon + 1)).empty();
        if (on_heading) out.push_back(list_entry(text.substr(colon + 1)));
        // An entry is open while no ';' or '.' has closed it: its line wrapped. An
        // addressee on the "Kính gửi:" line itself goes on only in lower case.
        bool open_entry = false;
        for (std::size_t k = i + 1; k < lines.size(); ++k) {
            std::string_view g = ctx.folded_line(lines[k]);
            const std::string& line = lines[k].source->text;
            bool entry = g.rfind("-", 0) == 0 || g.rfind("+", 0) == 0;
            if (entry) out.push_back(list_entry(line));
            else if (open_entry && !is_authority(g) && !is_upper_case(line)) out.back() = list_entry(out.back() + " " + line);
            else if (k == i + 1 && on_heading && starts_lower_case(line)) out.back() = list_entry(out.back() + " " + line);
            else if (!(copies && g.rfind("gui ban", 0) == 0)) break;
            open_entry = (entry || open_entry) && !line.empty() && std::string(";.:").find(line.back()) == std::string::npos;
            i = k;
        }
    }
    if (!out.empty()) r.recipients = {out, evidence};
}

}  // namespace

void extract_signature_and_recipients(const FieldContext& ctx, Record& r) {
    extract_signer(ctx, r);
    extract_recipients(ctx, r);
}

}  // namespace congvan::fields
