#pragma once
#include <algorithm>
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

}  // namespace congvan
