#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace congvan {

// Levenshtein distance over any sequence of characters (bytes or code points).
template <typename Char>
std::size_t edit_distance(std::basic_string_view<Char> a, std::basic_string_view<Char> b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// The candidates a mistyped word most likely meant: those within a third of its
// length (two edits at least), nearest first, each once, at most `most`; the word
// itself is not one of them.
inline std::vector<std::string> nearest_names(std::string_view word, const std::vector<std::string>& candidates, std::size_t most = 3) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) scored.push_back({edit_distance<char>(word, c), c});
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [distance, name] : scored)
        if (distance > 0 && distance <= std::max<std::size_t>(2, word.size() / 3) && out.size() < most &&
            std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    return out;
}

}  // namespace congvan
