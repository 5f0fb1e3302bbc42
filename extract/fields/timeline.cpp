// When things happen: the week, the opening ceremony, the deadline to report, and
// every date written anywhere (for the rules on dates themselves).
#include <algorithm>

#include "extract/normalize.h"
#include "field_context.h"

namespace congvan::fields {

namespace {

// How far after "khai mạc" its date may stand, and how far a venue after its date.
constexpr std::size_t kOpeningReach = 160;
constexpr std::size_t kVenueReach = 260;

std::string written(const FieldContext& ctx, std::size_t b, std::size_t e) { return ctx.original(b, e); }

void extract_dates(const FieldContext& ctx, Record& r) {
    for (const auto& d : ctx.dates) {
        DateInText t{d.date, written(ctx, d.begin, d.end), std::nullopt, "", ctx.evidence(d.begin)};
        if (auto w = stated_weekday(ctx.folded, d)) {
            t.stated_weekday = w->iso_weekday;
            t.weekday_written = written(ctx, w->begin, w->end);
        }
        r.dates.push_back(std::move(t));
    }
}

// The week is the first range of 2 to 15 days; the Ministry's and every
// province's week is 7, and a district's may be shorter.
void extract_week(const FieldContext& ctx, Record& r) {
    for (const auto& range : find_date_ranges(ctx.folded, ctx.dates)) {
        const auto& a = range.first.date;
        const auto& b = range.last.date;
        if (!a.exists() || !b.exists()) {
            r.week = {Week{a, b}, ctx.evidence(range.begin)};
            return;
        }
        long span = b.serial() - a.serial();
        if (span >= 1 && span <= 14) {
            r.week = {Week{a, b}, ctx.evidence(range.first.begin)};
            return;
        }
    }
}

// "diễn ra tại X" or "tại X" in the date's own sentence, else an "Địa điểm: X" line
// that follows it.
std::string venue_after(const FieldContext& ctx, std::size_t from) {
    static const RE2 in_sentence(spaced(R"((?:dien ra tai|to chuc tai|\btai)\s+)"));
    static const RE2 venue_line(spaced(R"(dia diem\s*:\s*(?:tai\s+)?)"));
    static const RE2 stop_re(R"([.;](?:\s|$)|\n\s*[-+]|\n\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)");
    std::size_t reach = std::min(ctx.folded.size(), from + kVenueReach);
    auto sentence_end = ctx.find_first(stop_re, from, reach);
    auto m = ctx.find_first(in_sentence, from, sentence_end ? sentence_end->begin : reach);
    if (!m) m = ctx.find_first(venue_line, from, reach);
    if (!m) return {};
    std::size_t limit = std::min(ctx.folded.size(), m->end + kVenueReach);
    auto stop = ctx.find_first(stop_re, m->end, limit);
    return ctx.original(m->end, stop ? stop->begin : limit);
}

void extract_opening(const FieldContext& ctx, Record& r) {
    static const RE2 anchor(spaced(R"(khai mac)"));
    for (const auto& m : ctx.find_all(anchor)) {
        const DateMention* date = ctx.date_in(m.end, std::min(ctx.folded.size(), m.end + kOpeningReach));
        if (!date) continue;
        // The date must belong to this sentence, not the next one.
        std::string_view between = std::string_view(ctx.folded).substr(m.end, date->begin - m.end);
        if (between.find(". ") != std::string_view::npos || between.find(".\n") != std::string_view::npos) continue;
        Opening o;
        o.date = date->date;
        std::size_t from = date->begin > m.end + 30 ? date->begin - 30 : m.end;
        if (auto t = time_between(ctx.folded, from, date->end + 12)) o.time = t->hhmm();
        if (auto w = stated_weekday(ctx.folded, *date)) o.weekday = ctx.original(w->begin, w->end);
        o.venue = venue_after(ctx, date->end);
        if (date->date.year_inferred)
            r.warnings.push_back("opening date " + written(ctx, date->begin, date->end) + " has no year: took " +
                                 std::to_string(date->date.year) + " from context");
        r.opening = {o, ctx.evidence(date->begin)};
        return;
    }
}

// "trước ngày D" (or "chậm nhất ngày D") in a sentence about reporting.
void extract_report_deadline(const FieldContext& ctx, Record& r) {
    static const RE2 anchor(spaced(R"((?:truoc|cham nhat(?:\s+la)?|han cuoi)\s+)"));
    constexpr std::size_t kNgay = 6;  // "ngày " may stand between, or open a date in words
    for (const auto& m : ctx.find_all(anchor)) {
        const DateMention* date = ctx.date_in(m.end, m.end + kNgay);
        if (!date) continue;
        std::size_t from = m.begin > 400 ? m.begin - 400 : 0;
        std::string before(ctx.folded.substr(from, m.begin - from));
        std::replace(before.begin(), before.end(), '\n', ' ');
        auto sentence = before.rfind(". ");
        if (sentence != std::string::npos) before.erase(0, sentence);
        if (before.find("bao cao") == std::string::npos) continue;
        r.report_deadline = {date->date, ctx.evidence(date->begin)};
        if (date->date.year_inferred)
            r.warnings.push_back("report deadline has no year: took " + std::to_string(date->date.year) + " from context");
        return;
    }
}

}  // namespace

void extract_timeline(const FieldContext& ctx, Record& r) {
    extract_dates(ctx, r);
    extract_week(ctx, r);
    extract_opening(ctx, r);
    extract_report_deadline(ctx, r);
}

}  // namespace congvan::fields
