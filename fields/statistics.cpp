// A report's annex table ("BẢNG TỔNG HỢP…"): rows of activity, unit, count and
// people. Cells arrive as flowing text (PDF and OCR lose the columns), so a row is
// read backwards from its end: one or two numbers closing a line, the unit before
// them, the activity before that (over a wrapped line too).
#include <unicode/uchar.h>

#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

constexpr std::size_t kMinActivityWords = 3;

// A count as written ("1.680", "1 680"); none when there are no digits or more than
// a count can have (a run of digits is not a statistic; found by fuzzing).
std::optional<long> number_of(std::string_view folded) {
    constexpr std::size_t kMaxDigits = 12;
    long value = 0;
    std::size_t digits = 0;
    for (char c : folded)
        if (c >= '0' && c <= '9') {
            if (++digits > kMaxDigits) return std::nullopt;
            value = value * 10 + (c - '0');
        }
    if (digits == 0) return std::nullopt;
    return value;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\n';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// Where a row's activity begins: its line, or the line before when the row wrapped.
std::size_t activity_begin(const FieldContext& ctx, std::size_t unit_begin, std::size_t previous_row_end) {
    auto [line_begin, line_end] = ctx.flow.line_bounds(unit_begin);
    std::size_t begin = std::max(line_begin, previous_row_end);
    std::string_view text = std::string_view(ctx.folded).substr(begin, unit_begin - begin);
    // A wrapped cell goes on in lower case; an activity starts with a capital.
    if ((word_count(text) < kMinActivityWords || starts_lower_case(ctx.original(begin, begin + 1))) && line_begin > previous_row_end + 1) {
        auto [prev_begin, prev_end] = ctx.flow.line_bounds(line_begin - 1);
        begin = std::max(prev_begin, previous_row_end);
    }
    static const Pattern row_index(R"(^\s*\d{1,2}\s+)");
    re2::StringPiece rest(ctx.folded.data() + begin, unit_begin - begin);
    if (RE2::Consume(&rest, row_index)) begin = static_cast<std::size_t>(rest.data() - ctx.folded.data());
    return begin;
}

}  // namespace

void extract_statistics(const FieldContext& ctx, Record& r) {
    static const Pattern table_start(spaced(R"(bang tong hop)"));
    static const Pattern row_end(spaced(
        R"(((?:so cuoc|tin bai|tap the|lop|quyen|huyen|truong|cuoc|don vi|nguoi)(?:\s*/\s*(?:so nguoi|nguoi|cuoc|ca nhan|trung tam))?)\s+(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s+(\d{1,3}(?:[.,]\d{3})+|\d+))?[ \t]*(?:\n|$))"));
    auto start = ctx.find_first(table_start);
    if (!start) return;
    std::vector<StatisticsRow> rows;
    std::size_t previous_end = start->end;
    for (const auto& m : ctx.find_all(row_end, start->end)) {
        std::size_t unit_begin = m.groups[0].first;
        if (unit_begin > 0 && std::isalnum(static_cast<unsigned char>(ctx.folded[unit_begin - 1]))) continue;
        std::size_t begin = activity_begin(ctx, unit_begin, previous_end);
        StatisticsRow s;
        s.activity = ctx.original(begin, unit_begin);
        s.unit = ctx.original(m, 0);
        s.count = number_of(ctx.folded.substr(m.groups[1].first, m.groups[1].second - m.groups[1].first));
        if (m.has(2)) s.people = number_of(ctx.folded.substr(m.groups[2].first, m.groups[2].second - m.groups[2].first));
        s.evidence = ctx.evidence(unit_begin);
        previous_end = m.end;
        if (!s.activity.empty()) rows.push_back(std::move(s));
    }
    if (!rows.empty()) r.statistics = {rows, ctx.evidence(start->begin)};
}

}  // namespace congvan::fields
