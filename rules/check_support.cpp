#include "check_support.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include "text/edit_distance.h"
#include "text/normalize.h"
#include "text/pattern.h"
#include "text/vocabulary.h"

namespace congvan {

std::string vn_date(const VnDate& d) {
    if (d.year == 0) return fmt::format("{:02d}/{:02d}", d.day, d.month);  // as written: no year stated
    return fmt::format("{:02d}/{:02d}/{:04d}", d.day, d.month, d.year);
}

bool same_words(const std::string& a, const std::string& b) { return comparison_key(a) == comparison_key(b); }

namespace {

// One step of a walk along the longest common subsequence of two word lists: a word
// both share (`b`'s index), one only `b` has, or one only `a` has. Where both
// differ, `b`'s word comes first.
struct WalkStep {
    enum class Kind { Both, OnlyB, OnlyA } kind;
    std::size_t index;
};

std::vector<WalkStep> common_walk(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;) lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<WalkStep> steps;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) steps.push_back({WalkStep::Kind::Both, j}), ++i, ++j;
        else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) steps.push_back({WalkStep::Kind::OnlyB, j++});
        else steps.push_back({WalkStep::Kind::OnlyA, i++});
    }
    return steps;
}

void add_run(std::vector<DiffRun>& runs, DiffRun::Kind kind, const std::string& word) {
    if (!runs.empty() && runs.back().kind == kind) runs.back().words += " " + word;
    else runs.push_back({kind, word});
}

}  // namespace

std::vector<DiffRun> word_diff_runs(const std::string& expected, const std::string& found) {
    auto a = comparison_words(expected), b = comparison_words(found);
    std::vector<DiffRun> runs;
    for (const auto& step : common_walk(a, b))
        add_run(runs,
                step.kind == WalkStep::Kind::Both    ? DiffRun::Kind::Same
                : step.kind == WalkStep::Kind::OnlyB ? DiffRun::Kind::Added
                                                     : DiffRun::Kind::Removed,
                step.kind == WalkStep::Kind::OnlyA ? a[step.index] : b[step.index]);
    return runs;
}

std::string date_after_day_word(const std::string& written) {
    if (fold_string(written).rfind("ngay ", 0) == 0) return to_utf8(to_u32(written).substr(5));
    return written;
}

namespace {

// A text's words as written, each with the key it is compared by; punctuation
// standing alone ("–", a closing quote after a space) rides with the word before.
struct WrittenWord {
    std::string text, key;
};

std::vector<WrittenWord> written_words(const std::string& text) {
    std::vector<WrittenWord> out;
    std::istringstream in(text);
    auto joined = [](const std::vector<std::string>& words) {
        std::string key;
        for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
        return key;
    };
    for (std::string word; in >> word;) {
        auto own = comparison_words(word);
        if (!out.empty()) {
            // Where the normalisation makes one word of two ("COVID -19"), they are one.
            auto both = comparison_words(out.back().text + " " + word);
            if (own.empty() || both.size() < comparison_words(out.back().text).size() + own.size()) {
                out.back().text += " " + word;
                out.back().key = joined(both);
                continue;
            }
        }
        out.push_back({word, joined(own)});
    }
    return out;
}

}  // namespace

std::vector<DiffRun> correction_runs(const std::string& expected, const std::string& found) {
    auto a = written_words(expected), b = written_words(found);
    auto keys = [](const std::vector<WrittenWord>& words) {
        std::vector<std::string> out;
        for (const auto& w : words) out.push_back(w.key);
        return out;
    };
    std::vector<DiffRun> runs;
    for (const auto& step : common_walk(keys(a), keys(b)))
        // The document's words are struck (b), the expected inserted (a).
        add_run(runs,
                step.kind == WalkStep::Kind::Both    ? DiffRun::Kind::Same
                : step.kind == WalkStep::Kind::OnlyB ? DiffRun::Kind::Removed
                                                     : DiffRun::Kind::Added,
                step.kind == WalkStep::Kind::OnlyA ? a[step.index].text : b[step.index].text);
    return runs;
}

std::string word_diff(const std::string& expected, const std::string& found) {
    auto runs = word_diff_runs(expected, found);
    if (std::all_of(runs.begin(), runs.end(), [](const DiffRun& r) { return r.kind == DiffRun::Kind::Same; })) return {};
    // Between two kept runs, every removed word comes before every added one.
    std::string out, removed, added;
    auto append = [&out](const std::string& text) { out += (out.empty() ? "" : " ") + text; };
    auto flush = [&] {
        if (!removed.empty()) append("[-" + removed + "-]");
        if (!added.empty()) append("{+" + added + "+}");
        removed.clear();
        added.clear();
    };
    for (const auto& run : runs) {
        std::string& pending = run.kind == DiffRun::Kind::Removed ? removed : added;
        if (run.kind == DiffRun::Kind::Same) {
            flush();
            append(run.words);
        } else {
            pending += (pending.empty() ? "" : " ") + run.words;
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

bool misread_only(const std::string& expected, const std::string& found, int most_words) {
    auto a = comparison_words(expected), b = comparison_words(found);
    if (a.size() != b.size()) return false;
    int changed = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (edit_distance<char>(fold_string(a[i]), fold_string(b[i])) > 1) return false;
        ++changed;
    }
    return changed <= most_words;
}

bool citation_names_its_type(const CitedDocument& cited) {
    const DocumentType* type = document_type(cited.type);
    std::string serial = cited.number.substr(0, cited.number.find('/'));
    if (!type || serial.empty()) return false;
    Pattern named("(?:^|[^a-z])" + RE2::QuoteMeta(fold_string(type->name)) + R"(\s+(?:so\s*[:.]?\s*)?)" +
                  RE2::QuoteMeta(fold_string(serial)) + R"(\s*/)");
    return RE2::PartialMatch(fold_string(cited.evidence.text), named);
}

}  // namespace congvan
