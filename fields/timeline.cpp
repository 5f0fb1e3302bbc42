// When things happen: the week, the opening ceremony, the deadline to report, and
// every date written anywhere (for the rules on dates themselves).
#include <algorithm>

#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

// How far after "khai mạc" its date may stand, and how far a venue after its date.
constexpr std::size_t kOpeningReach = 160;
constexpr std::size_t kVenueReach = 260;
// A date whose year comes from context: still above record.h's kUncertainBelow (the
// context is the Week's own year), but not the 100 of a date read whole; the
// warnings say where the year came from.
constexpr double kInferredYearConfidence = 90.0;

std::string written(const FieldContext& ctx, std::size_t b, std::size_t e) { return ctx.original(b, e); }

// Why a date written without its year has the year it has (docs/fields.md): the
// Week's year, or none when the text states no year at all.
std::string year_note(const std::string& what, const VnDate& d) {
    if (d.year == 0) return what + " has no year, and the text states none";
    return what + " has no year: took " + std::to_string(d.year) + " from context";
}

// A date of no stated year is uncertain; one whose year is the Week's is not.
double year_confidence(const VnDate& d) { return d.year == 0 ? kInferredConfidence : kInferredYearConfidence; }

void extract_dates(const FieldContext& ctx, Record& r) {
    for (const auto& d : ctx.dates) {
        DateInText t{d.date, written(ctx, d.begin, d.end), std::nullopt, "", ctx.evidence(d.begin, d.end)};
        if (auto w = stated_weekday(ctx.folded, d)) {
            t.stated_weekday = w->iso_weekday;
            t.weekday_written = written(ctx, w->begin, w->end);
        }
        r.dates.push_back(std::move(t));
    }
}

// The week is a range of 1 to 14 days that starts in late September or October
// and belongs to the Week (the Ministry's and every province's week is 7 days, a
// district's may be shorter); any other range is some other event's. A range
// belongs to the event the text named before it ("Tuần lễ … được tổ chức từ ngày
// …", a plan's "Thời gian" under its heading), or to one named after it in the rest
// of its own sentence on its line ("Từ ngày … đến ngày …, tổ chức Tuần lễ …"); a
// range above every mention of the Week, such as a weekly schedule's or a report's
// own period in its title, is not the Week's (docs/fields.md, "Week ranges"). A
// text's blank lines do not survive every reading (a PDF's text layer, OCR), so the
// sentence after a range is not followed past its line.
constexpr std::size_t kWeekNameReach = 1500;

// "Tuần lễ" alone is the Week only in a document that has said which week it
// means, by the Week's full name or by a theme it gives the Week ("Chủ đề của Tuần
// lễ …"): elsewhere it may be another week ("Tuần lễ sinh hoạt công dân").
bool mentions_week(const FieldContext& ctx, std::size_t from, std::size_t to, bool bare_is_week) {
    static const Pattern full_after(R"(^\s+(?:huong\s+ung\s+)?(?:hoc\s+tap\s+suot\s+doi|htsd))");
    for (const auto& m : ctx.find_all(week_mention(), from, to)) {
        if (bare_is_week || ctx.folded.compare(m.begin, 4, "tuan") != 0) return true;
        std::string_view after = std::string_view(ctx.folded).substr(m.end, 40);
        if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), full_after)) return true;
    }
    return false;
}

bool names_week(const FieldContext& ctx, const DateRange& range, bool bare_is_week) {
    std::size_t from = range.begin > kWeekNameReach ? range.begin - kWeekNameReach : 0;
    if (mentions_week(ctx, from, range.begin, bare_is_week)) return true;
    static const Pattern sentence_stop(R"([.;](?:\s|$))");
    std::size_t end = ctx.flow.line_bounds(range.end > 0 ? range.end - 1 : 0).second;
    if (auto stop = ctx.find_first(sentence_stop, range.end, end)) end = stop->begin;
    return mentions_week(ctx, range.end, end, bare_is_week);
}

void extract_week(const FieldContext& ctx, Record& r) {
    bool bare_is_week = ctx.find_first(week_full_name()).has_value() || r.theme.value.has_value();
    for (const auto& range : ctx.ranges) {
        const auto& a = range.first.date;
        const auto& b = range.last.date;
        bool season = (a.month == 9 && a.day >= 15) || a.month == 10;
        if (!season || !names_week(ctx, range, bare_is_week)) continue;
        if (!a.exists() || !b.exists()) {
            r.week = {Week{a, b}, ctx.evidence(range.begin, range.end)};
            // No year anywhere in the text: the days are read, the week is not whole.
            if (a.year == 0 || b.year == 0) r.week.confidence = kInferredConfidence;
            return;
        }
        long span = b.serial() - a.serial();
        if (span >= 1 && span <= 14) {
            r.week = {Week{a, b}, ctx.evidence(range.first.begin, range.end)};
            if (a.year_inferred || b.year_inferred) r.week.confidence = year_confidence(a);
            return;
        }
    }
}

// "diễn ra tại X" or "tại X" in the date's own sentence, else an "Địa điểm: X" line
// that follows it.
std::string venue_after(const FieldContext& ctx, std::size_t from) {
    static const Pattern in_sentence(spaced(R"((?:dien ra tai|to chuc tai|\btai)\s+)"));
    static const Pattern venue_line(spaced(R"(dia diem\s*:\s*(?:tai\s+)?)"));
    static const Pattern stop_re(R"([.;](?:\s|$)|\n\s*[-+]|\n\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)");
    std::size_t reach = std::min(ctx.folded.size(), from + kVenueReach);
    auto sentence_end = ctx.find_first(stop_re, from, reach);
    auto m = ctx.find_first(in_sentence, from, sentence_end ? sentence_end->begin : reach);
    if (!m) m = ctx.find_first(venue_line, from, reach);
    if (!m) return {};
    std::size_t limit = std::min(ctx.folded.size(), m->end + kVenueReach);
    auto stop = ctx.find_first(stop_re, m->end, limit);
    return ctx.original(m->end, stop ? stop->begin : limit);
}

// The sentence around `at`: from the last full stop (or line break) before it to
// the next one after it.
std::pair<std::size_t, std::size_t> sentence_of(const FieldContext& ctx, std::size_t at) {
    static const Pattern stop(R"([.!?](?:\s|$))");
    std::size_t begin = 0;
    for (const auto& m : ctx.find_all(stop, at > 600 ? at - 600 : 0, at)) begin = m.end;
    auto end = ctx.find_first(stop, at, std::min(ctx.folded.size(), at + 600));
    return {begin, end ? end->begin : std::min(ctx.folded.size(), at + 600)};
}

// A date of this clause belongs to another event: a meeting to prepare the
// ceremony, or the Ministry's national launch that a province cites.
bool other_event(const FieldContext& ctx, std::size_t from, std::size_t to) {
    static const Pattern other(spaced(
        R"(to chuc hop|cuoc hop|buoi hop|hop ban|toan quoc|ca nuoc|nhieu dia phuong|cap quoc gia|bo giao duc|bo gd|\bmeeting|nationwide|national level|ministry of education)"));
    return ctx.find_first(other, from, to).has_value();
}

// "Kế hoạch số 2146/KH-SGDĐT ngày 15/9/2021": the date of a cited document.
bool is_citation_date(const FieldContext& ctx, const DateMention& d) {
    static const Pattern cited(R"(\d+\s*/\s*[a-z&]+(?:\s*-\s*[a-z&]+)*\s*,?\s*(?:ngay\s*)?$)");
    std::size_t from = d.begin > 40 ? d.begin - 40 : 0;
    std::string_view before = std::string_view(ctx.folded).substr(from, d.begin - from);
    return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), cited);
}

bool in_a_range(const std::vector<DateRange>& ranges, const DateMention& d) {
    for (const auto& r : ranges)
        if (d.begin >= r.begin && d.begin < r.end) return true;
    return false;
}

// The opening or launch ceremony: "khai mạc", "phát động", "lễ ra quân", "lễ
// hưởng ứng", with its date after the word in the same sentence ("Lễ khai mạc … sẽ
// được tổ chức vào sáng ngày 02/10/2023") or before it ("Chiều ngày 29/9/2024, UBND
// xã … tổ chức Lễ phát động"). A date of a week range is not an opening, and
// neither is the document's own place-and-date line: an invitation's "Krông Pắc,
// ngày 28 tháng 9 năm 2023" above its title "Dự Lễ khai mạc …" is the day it was
// written (docs/fields.md, "Openings").
const DateMention* opening_date(const FieldContext& ctx, const Match& m, const std::optional<Evidence>& issue_line) {
    // Named, not a structured binding: the lambda below captures them (clang 14).
    auto [sentence_begin, sentence_end] = sentence_of(ctx, m.begin);
    std::size_t begin = sentence_begin, end = sentence_end;
    auto usable = [&](const DateMention& d) {
        if (in_a_range(ctx.ranges, d)) return false;
        if (issue_line) {
            const auto& at = ctx.flow.line_of(d.begin);
            if (at.page == issue_line->page && at.line == issue_line->line) return false;
        }
        std::size_t lo = std::min(d.begin, m.begin), hi = std::max(d.end, m.end);
        if (is_citation_date(ctx, d)) return false;
        static const Pattern clause(R"(;(?:\s|$))");
        // The ceremony's own clause: a date across a ";" is another clause's ("…Kế
        // hoạch số 218 … ngày 23 tháng 9 năm 2020; trường … đã tổ chức phát động").
        if (ctx.find_first(clause, lo, hi)) return false;
        std::size_t cb = begin, ce = end;
        for (const auto& c : ctx.find_all(clause, begin, lo)) cb = c.end;
        if (auto c = ctx.find_first(clause, hi, end)) ce = c->begin;
        return !other_event(ctx, cb, ce);
    };
    for (const auto& d : ctx.dates)
        if (d.begin >= m.end && d.begin < std::min(end, m.end + kOpeningReach) && usable(d)) return &d;
    const DateMention* before = nullptr;
    for (const auto& d : ctx.dates)
        if (d.begin >= begin && d.end <= m.begin && usable(d)) before = &d;
    return before;
}

void extract_opening(const FieldContext& ctx, Record& r) {
    // An English edition's "opening ceremony", "launching ceremony", "ceremony to
    // launch", "kick-off", "will be opened on".
    static const Pattern anchor(spaced(
        R"(khai mac|phat dong|le ra quan|le huong ung|opening ceremony|launch(?:ing)? ceremony|ceremony to (?:launch|open)|kick-?off|(?:be|was|were) opened)"));
    for (const auto& m : ctx.find_all(anchor)) {
        // "Tuần lễ hưởng ứng …" is the Week's name, not a ceremony.
        if (m.begin >= 5 && ctx.folded.compare(m.begin - 5, 5, "tuan ") == 0) continue;
        const DateMention* date = opening_date(ctx, m, r.date.evidence);
        if (!date) continue;
        Opening o;
        o.date = date->date;
        std::size_t from = date->begin > m.end + 30 ? date->begin - 30 : std::min(date->begin, m.end);
        if (auto t = time_between(ctx.folded, from, date->end + 12)) o.time = t->hhmm();
        if (auto w = stated_weekday(ctx.folded, *date)) o.weekday = ctx.original(w->begin, w->end);
        o.venue = venue_after(ctx, date->end);
        if (date->date.year_inferred) r.warnings.push_back(year_note("opening date " + written(ctx, date->begin, date->end), date->date));
        r.opening = {o, ctx.evidence(date->begin, date->end)};
        if (date->date.year_inferred) r.opening.confidence = year_confidence(date->date);
        return;
    }
}

// "trước ngày D" (or "chậm nhất ngày D") in a sentence about reporting.
void extract_report_deadline(const FieldContext& ctx, Record& r) {
    static const Pattern anchor(spaced(R"((?:truoc|cham nhat(?:\s+la)?|han cuoi)\s+)"));
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
        r.report_deadline = {date->date, ctx.evidence(date->begin, date->end)};
        if (date->date.year_inferred) {
            r.warnings.push_back(year_note("report deadline", date->date));
            r.report_deadline.confidence = year_confidence(date->date);
        }
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
