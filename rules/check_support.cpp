#include "check_support.h"

#include <fmt/format.h>

#include "extract/normalize.h"

namespace congvan {

std::string vn_date(const VnDate& d) { return fmt::format("{:02d}/{:02d}/{:04d}", d.day, d.month, d.year); }

bool same_words(const std::string& a, const std::string& b) { return comparison_key(a) == comparison_key(b); }

std::string word_diff(const std::string& expected, const std::string& found) {
    auto a = comparison_words(expected), b = comparison_words(found);
    if (a == b) return {};
    // Longest common subsequence over words, then walk it.
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::string out, removed, added;
    auto flush = [&] {
        if (!removed.empty()) out += (out.empty() ? "" : " ") + std::string("[-") + removed + "-]";
        if (!added.empty()) out += (out.empty() ? "" : " ") + std::string("{+") + added + "+}";
        removed.clear();
        added.clear();
    };
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            flush();
            out += (out.empty() ? "" : " ") + a[i];
            ++i, ++j;
        } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added += (added.empty() ? "" : " ") + b[j++];
        } else {
            removed += (removed.empty() ? "" : " ") + a[i++];
        }
    }
    flush();
    return out;
}

std::optional<Evidence> document_evidence(const Record& doc) {
    if (doc.doc_type.evidence) return doc.doc_type.evidence;
    if (doc.subject.evidence) return doc.subject.evidence;
    return Evidence{1, 1, "", std::nullopt, 100.0};
}

}  // namespace congvan
