// Searching the pages' text as Vietnamese users type (docs/scan.md, "Search"):
// without accents and with đ as d ("dak lak" finds Đắk Lắk), quoted phrases, the
// pages that hold the words as typed (accents and all) first. The same terms
// drive SQLite's full-text index and PostgreSQL's regular expressions, so both
// find the same pages.
#pragma once

#include <string>
#include <vector>

namespace congvan {

// One thing to find: a word, or a quoted phrase, as typed and as folded tokens
// (lower case, no marks, đ = d, split where FTS5's tokenizer splits: "4342/BGDĐT"
// is the phrase 4342 bgddt).
struct SearchTerm {
    std::string typed;
    std::vector<std::string> tokens;
};

// The terms of a query: words, and "quoted phrases"; a term with no letter or
// digit is dropped.
std::vector<SearchTerm> search_terms(const std::string& query);

// The terms as an FTS5 query on the folded column, every term a literal phrase.
std::string fts_query(const std::vector<SearchTerm>& terms);

// A term as a PostgreSQL regular expression on the folded text: its tokens as whole
// words, in order, with only separators between.
std::string folded_pattern(const SearchTerm& term);

// Whether the page holds every term as typed (case aside, canonical tones).
bool holds_as_typed(const std::string& page_text, const std::vector<SearchTerm>& terms);

// The page's words around the first term found, each found term in [brackets],
// "…" where the page goes on (about 16 words, as FTS5's snippet()).
std::string search_snippet(const std::string& page_text, const std::vector<SearchTerm>& terms);

}  // namespace congvan
