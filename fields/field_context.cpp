#include "field_context.h"

#include <unicode/uchar.h>

#include "text/english.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

FieldContext::FieldContext(const FlowText& f, int hint)
    : flow(f),
      folded(f.folded()),
      year_hint(hint),
      english(reads_as_english(f.folded())),
      dates(find_dates(f.folded(), hint)),
      ranges(find_date_ranges(f.folded(), dates)) {}

bool FieldContext::capitalised(std::size_t at) const {
    auto first = to_u32(original(at, at + 1));
    if (first.empty()) return false;
    return u_isupper(static_cast<UChar32>(first[0])) || u_isdigit(static_cast<UChar32>(first[0]));
}

const RE2& week_mention() {
    static const Pattern re(spaced(R"(tuan le|hoc tap suot doi|lifelong learning)"));
    return re;
}

// The Vietnamese names of the Week, as offices and the press write it: "Tuần lễ
// hưởng ứng học tập suốt đời", "Tuần lễ học tập suốt đời", "Tuần lễ Quốc gia
// (hưởng ứng) học tập suốt đời" (docs/fields.md).
const char* const kWeekNameVi = R"(tuan le (?:quoc gia )?(?:huong ung )?hoc tap suot doi)";

const RE2& week_full_name() {
    static const Pattern re(spaced(std::string(kWeekNameVi) + R"(|lifelong learning (?:response )?week|learning response week)"));
    return re;
}

std::string spaced(std::string_view pattern) {
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += c;
            out += pattern[++i];
            continue;
        }
        if (c == '[') in_class = true;
        if (c == ']') in_class = false;
        if (c == ' ' && !in_class) out += "\\s+";
        else out += c;
    }
    return out;
}

std::optional<Match> match_in(const RE2& re, std::string_view text, std::size_t pos, std::size_t base) {
    if (pos > text.size()) return std::nullopt;
    int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
    re2::StringPiece piece(text.data(), text.size());
    if (!re.Match(piece, pos, piece.size(), RE2::UNANCHORED, g.data(), n)) return std::nullopt;
    auto offset = [&](const re2::StringPiece& s) { return base + static_cast<std::size_t>(s.data() - text.data()); };
    Match m;
    m.begin = offset(g[0]);
    m.end = m.begin + g[0].size();
    for (int k = 1; k < n; ++k) {
        if (g[k].data() == nullptr) m.groups.emplace_back(std::string::npos, std::string::npos);
        else m.groups.emplace_back(offset(g[k]), offset(g[k]) + g[k].size());
    }
    return m;
}

// The text handed to RE2 starts at `from`, so that '^' means "at from".
std::vector<Match> FieldContext::find_all(const RE2& re, std::size_t from, std::size_t to) const {
    std::vector<Match> out;
    to = std::min(to, folded.size());
    if (from > to) return out;
    std::string_view text = std::string_view(folded).substr(from, to - from);
    std::size_t pos = 0;
    while (auto m = match_in(re, text, pos, from)) {
        pos = (m->end > m->begin ? m->end : m->begin + 1) - from;
        out.push_back(std::move(*m));
    }
    return out;
}

std::optional<Match> FieldContext::find_first(const RE2& re, std::size_t from, std::size_t to) const {
    to = std::min(to, folded.size());
    if (from > to) return std::nullopt;
    return match_in(re, std::string_view(folded).substr(from, to - from), 0, from);
}

const DateMention* FieldContext::date_in(std::size_t from, std::size_t to) const {
    for (const auto& d : dates)
        if (d.begin >= from && d.begin < to) return &d;
    return nullptr;
}

}  // namespace congvan::fields
