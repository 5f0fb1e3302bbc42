#include "english.h"

#include "pattern.h"

#include <algorithm>
#include <set>
#include <string>

namespace congvan {

namespace {

constexpr double kEnglishShare = 0.05;
constexpr std::size_t kSampleBytes = 20000;

int month_number(std::string_view name) {
    static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int k = 0; k < 12; ++k)
        if (name.substr(0, 3) == months[k]) return k + 1;
    return 0;
}

std::size_t at(std::string_view s, const re2::StringPiece& p) { return static_cast<std::size_t>(p.data() - s.data()); }

DateMention mention(int day, int month, const re2::StringPiece& year, int context_year, std::size_t begin, std::size_t end) {
    DateMention m;
    bool written = !year.empty();
    m.date = {day, month, written ? std::stoi(std::string(year)) : context_year, !written};
    m.begin = begin;
    m.end = end;
    return m;
}

}  // namespace

bool reads_as_english(std::string_view folded) {
    static const std::set<std::string_view> function_words = {"and",  "of",   "with", "the", "for", "from",
                                                              "that", "this", "will", "are", "was", "were"};
    // A post's first pages decide; a long file is not read twice over.
    std::string_view sample = folded.substr(0, kSampleBytes);
    std::size_t words = 0, english = 0;
    for (std::size_t i = 0; i < sample.size();) {
        while (i < sample.size() && !(sample[i] >= 'a' && sample[i] <= 'z')) ++i;
        std::size_t start = i;
        while (i < sample.size() && sample[i] >= 'a' && sample[i] <= 'z') ++i;
        if (i == start) break;
        ++words;
        if (function_words.count(sample.substr(start, i - start))) ++english;
    }
    return words >= 20 && static_cast<double>(english) >= kEnglishShare * static_cast<double>(words);
}

std::vector<DateMention> find_english_dates(std::string_view s, int context_year) {
    static const std::string month =
        R"((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)";
    static const std::string ordinal = R"((?:st|nd|rd|th)?)";
    // Month first: "october 1", "september 9, 2024", "october 1-7, 2024", "october 1 to 7".
    static const Pattern month_first("(?:^|[^a-z])" + month + R"(\s+(\d{1,2}))" + ordinal + R"((?:\s*(?:-|to|until|through)\s*(\d{1,2}))" +
                                     ordinal + R"()?(?:\s*,?\s*(\d{4}))?(?:[^0-9a-z]|$))");
    // Day first: "1 october 2024", "7th of october", "2-8 october 2023".
    static const Pattern day_first(R"((?:^|[^0-9a-z/.])(\d{1,2}))" + ordinal + R"((?:\s*(?:-|to|until|through)\s*(\d{1,2}))" + ordinal +
                                   R"()?\s+(?:of\s+)?)" + month + R"((?:\s*,?\s*(\d{4}))?(?:[^0-9a-z]|$))");
    std::vector<DateMention> out;
    re2::StringPiece input(s.data(), s.size()), g[5];
    for (std::size_t pos = 0; month_first.Match(input, pos, s.size(), RE2::UNANCHORED, g, 5);) {
        pos = at(s, g[2]) + g[2].size();
        int m = month_number(std::string_view(g[1].data(), g[1].size())), d = std::stoi(std::string(g[2]));
        std::size_t end = g[4].empty() ? (g[3].empty() ? pos : at(s, g[3]) + g[3].size()) : at(s, g[4]) + g[4].size();
        if (g[3].empty()) {
            out.push_back(mention(d, m, g[4], context_year, at(s, g[1]), end));
        } else {
            DateMention first = mention(d, m, g[4], context_year, at(s, g[1]), pos);
            first.opens_range = true;
            out.push_back(first);
            out.push_back(mention(std::stoi(std::string(g[3])), m, g[4], context_year, at(s, g[3]), end));
        }
        pos = end;
    }
    for (std::size_t pos = 0; day_first.Match(input, pos, s.size(), RE2::UNANCHORED, g, 5);) {
        std::size_t end = g[4].empty() ? at(s, g[3]) + g[3].size() : at(s, g[4]) + g[4].size();
        pos = end;
        std::size_t begin = at(s, g[1]);
        bool taken = std::any_of(out.begin(), out.end(), [&](const DateMention& o) { return begin < o.end && o.begin < end; });
        if (taken) continue;
        int m = month_number(std::string_view(g[3].data(), g[3].size())), d = std::stoi(std::string(g[1]));
        if (g[2].empty()) {
            out.push_back(mention(d, m, g[4], context_year, begin, end));
            continue;
        }
        DateMention first = mention(d, m, g[4], context_year, begin, begin + g[1].size());
        first.opens_range = true;
        out.push_back(first);
        out.push_back(mention(std::stoi(std::string(g[2])), m, g[4], context_year, at(s, g[2]), end));
    }
    std::sort(out.begin(), out.end(), [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
    return out;
}

}  // namespace congvan
