#include "page_search.h"

#include <algorithm>

#include "text/normalize.h"

namespace congvan {

namespace {

bool token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

struct Span {
    std::size_t begin, end;  // in folded characters
};

// Where FTS5's unicode61 tokenizer cuts folded text: runs of letters and digits.
std::vector<Span> tokens_of(const std::string& folded) {
    std::vector<Span> out;
    for (std::size_t i = 0; i < folded.size();) {
        if (!token_char(folded[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < folded.size() && token_char(folded[i])) ++i;
        out.push_back({start, i});
    }
    return out;
}

SearchTerm term_of(const std::string& typed) {
    SearchTerm t{typed, {}};
    std::string folded = fold_string(typed);
    for (const auto& s : tokens_of(folded)) t.tokens.push_back(folded.substr(s.begin, s.end - s.begin));
    return t;
}

}  // namespace

std::vector<SearchTerm> search_terms(const std::string& query) {
    std::vector<SearchTerm> terms;
    auto add = [&](const std::string& typed) {
        if (auto t = term_of(typed); !t.tokens.empty()) terms.push_back(std::move(t));
    };
    std::string word;
    for (std::size_t i = 0; i < query.size(); ++i) {
        char c = query[i];
        if (c == '"') {  // a phrase, to the next quote or the end
            add(word);
            word.clear();
            std::size_t close = query.find('"', i + 1);
            add(query.substr(i + 1, (close == std::string::npos ? query.size() : close) - i - 1));
            i = close == std::string::npos ? query.size() : close;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            add(word);
            word.clear();
        } else {
            word += c;
        }
    }
    add(word);
    return terms;
}

std::string fts_query(const std::vector<SearchTerm>& terms) {
    std::string query;
    for (const auto& t : terms) {
        std::string phrase;
        for (const auto& token : t.tokens) phrase += (phrase.empty() ? "" : " ") + token;
        query += (query.empty() ? "" : " ") + std::string("folded : \"") + phrase + "\"";
    }
    return query;
}

std::string folded_pattern(const SearchTerm& term) {
    std::string pattern = "(^|[^a-z0-9])";
    for (std::size_t i = 0; i < term.tokens.size(); ++i) pattern += (i ? "[^a-z0-9]+" : "") + term.tokens[i];
    return pattern + "([^a-z0-9]|$)";
}

bool holds_as_typed(const std::string& page_text, const std::vector<SearchTerm>& terms) {
    std::string page = " " + comparison_key(page_text) + " ";
    return std::all_of(terms.begin(), terms.end(), [&](const SearchTerm& t) {
        std::string key = comparison_key(t.typed);
        return !key.empty() && page.find(" " + key + " ") != std::string::npos;
    });
}

std::string search_snippet(const std::string& page_text, const std::vector<SearchTerm>& terms) {
    constexpr std::size_t kWords = 16, kBefore = 4;
    FoldedText f = fold(page_text);
    auto tokens = tokens_of(f.folded);
    std::vector<char> found(tokens.size(), 0);
    auto token = [&](std::size_t k) { return std::string_view(f.folded).substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
    for (const auto& t : terms)
        for (std::size_t k = 0; k + t.tokens.size() <= tokens.size(); ++k) {
            bool all = true;
            for (std::size_t n = 0; all && n < t.tokens.size(); ++n) all = token(k + n) == t.tokens[n];
            if (all) std::fill_n(found.begin() + static_cast<std::ptrdiff_t>(k), t.tokens.size(), 1);
        }
    auto first = std::find(found.begin(), found.end(), 1);
    if (tokens.empty()) return "";
    std::size_t hit = first == found.end() ? 0 : static_cast<std::size_t>(first - found.begin());
    std::size_t from = hit > kBefore ? hit - kBefore : 0, to = std::min(tokens.size(), from + kWords);
    auto bytes = [&](std::size_t folded_at) { return f.origin[folded_at]; };
    std::string out = from > 0 ? "…" : "";
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) out += page_text.substr(bytes(tokens[k - 1].end), bytes(tokens[k].begin) - bytes(tokens[k - 1].end));
        std::string word = page_text.substr(bytes(tokens[k].begin), bytes(tokens[k].end) - bytes(tokens[k].begin));
        out += found[k] ? "[" + word + "]" : word;
    }
    return out + (to < tokens.size() ? "…" : "");
}

}  // namespace congvan
