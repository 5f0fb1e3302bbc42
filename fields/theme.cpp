// The week's theme: after "Chủ đề" (of the week, of the year), inside quotes when
// there are quotes, else up to the end of the sentence.
#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kMaxThemeLength = 300;

// The end of an unquoted theme: a full stop or semicolon before a line break or
// the end, or a line break followed by a list marker.
std::size_t unquoted_end(const std::string& f, std::size_t from) {
    static const Pattern end_re(R"([.;](?:\s|$)|\n\s*(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|[-+*]))");
    re2::StringPiece g;
    std::size_t limit = std::min(f.size(), from + kMaxThemeLength);
    if (end_re.Match(re2::StringPiece(f.data(), limit), from, limit, RE2::UNANCHORED, &g, 1))
        return static_cast<std::size_t>(g.data() - f.data());
    return limit;
}

}  // namespace

void extract_theme(const FieldContext& ctx, Record& r) {
    // "Chủ đề của Tuần lễ năm 2022 :", "a) Chủ đề:", "Chủ đề “…”"; a heading
    // "2. Chủ đề" alone on its line is skipped by requiring ':' or a quote.
    static const Pattern anchor(spaced(
        R"(chu de(?:\s+(?:cua|cho)\s+tuan\s+le(?:\s+nay)?)?(?:\s+(?:huong\s+ung\s+hoc\s+tap\s+suot\s+doi\s+)?(?:nam\s+(?:\d{4}|nay)))?(?:\s+la)?\s*(:)?\s*("|'')?)"));
    // An English edition: 'with the theme "…"', "The theme of the Week is: …".
    static const Pattern english(spaced(R"(\btheme(?:\s+of\s+(?:the|this)\s+(?:week|year|event))?(?:\s+(?:is|was))?\s*(:)?\s*("|'')?)"));
    auto anchors = ctx.find_all(anchor);
    if (anchors.empty() && ctx.english) anchors = ctx.find_all(english);
    for (const auto& m : anchors) {
        bool colon = m.has(0), quoted = m.has(1);
        if (!colon && !quoted) continue;
        std::size_t start = m.end;
        std::size_t end;
        bool cut = false;
        if (quoted) {
            end = ctx.folded.find('"', start);
            // A quotation still open where a cut text ends, on its last line.
            cut = end == std::string::npos && ctx.folded.find('\n', start) == std::string::npos;
            if (cut) end = ctx.folded.size();
            if (end == std::string::npos || end - start > kMaxThemeLength) continue;
        } else {
            if (start < ctx.folded.size() && ctx.folded[start] == '"') ++start;
            end = unquoted_end(ctx.folded, start);
        }
        std::string theme = ctx.original(start, end);
        while (!theme.empty() && (theme.back() == '.' || theme.back() == '"' || theme.back() == ' ')) theme.pop_back();
        if (to_u32(theme).size() < 8) continue;
        r.themes.push_back({theme, ctx.evidence(start, end), cut});
    }
    if (r.themes.empty()) return;
    r.theme = {r.themes.front().text, r.themes.front().evidence};
    if (r.themes.front().cut) r.theme.confidence = kInferredConfidence;
}

}  // namespace congvan::fields
