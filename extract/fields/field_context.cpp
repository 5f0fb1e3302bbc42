#include "field_context.h"

namespace congvan::fields {

FieldContext::FieldContext(const FlowText& f, int hint)
    : flow(f), folded(f.folded()), year_hint(hint), dates(find_dates(f.folded(), hint)),
      ranges(find_date_ranges(f.folded(), dates)) {}

const RE2& week_mention() {
    static const RE2 re(spaced(R"(tuan le|hoc tap suot doi)"));
    return re;
}

std::string spaced(std::string_view pattern) {
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) { out += c; out += pattern[++i]; continue; }
        if (c == '[') in_class = true;
        if (c == ']') in_class = false;
        if (c == ' ' && !in_class) out += "\\s+";
        else out += c;
    }
    return out;
}

// The text handed to RE2 starts at `from`, so that '^' means "at from".
std::vector<Match> FieldContext::find_all(const RE2& re, std::size_t from, std::size_t to) const {
    std::vector<Match> out;
    to = std::min(to, folded.size());
    if (from > to) return out;
    int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
    re2::StringPiece text(folded.data() + from, to - from);
    std::size_t pos = 0;
    while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
        Match m;
        m.begin = static_cast<std::size_t>(g[0].data() - folded.data());
        m.end = m.begin + g[0].size();
        for (int k = 1; k < n; ++k) {
            if (g[k].data() == nullptr) m.groups.emplace_back(std::string::npos, std::string::npos);
            else {
                auto b = static_cast<std::size_t>(g[k].data() - folded.data());
                m.groups.emplace_back(b, b + g[k].size());
            }
        }
        pos = (m.end > m.begin ? m.end : m.begin + 1) - from;
        out.push_back(std::move(m));
    }
    return out;
}

std::optional<Match> FieldContext::find_first(const RE2& re, std::size_t from, std::size_t to) const {
    auto all = find_all(re, from, to);
    if (all.empty()) return std::nullopt;
    return all.front();
}

const DateMention* FieldContext::date_in(std::size_t from, std::size_t to) const {
    for (const auto& d : dates)
        if (d.begin >= from && d.begin < to) return &d;
    return nullptr;
}

}  // namespace congvan::fields
