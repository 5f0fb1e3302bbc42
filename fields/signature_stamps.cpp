// Digital-signature stamps: the few short lines a signing service prints on page 1
// (the appearance of a PDF signature field, or the same lines seen by OCR on a
// printed copy). Two kinds are in use (docs/fields.md, "Signature stamps"):
//   the issuing body's:  "Ký bởi:"/"Người ký:" …, "Cơ quan:" …, "Thời gian ký:" time
//   a gazette centre's:  "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", its e-mail, time
// The time is "dd/mm/yyyy hh:mm:ss" or "dd.mm.yyyy hh:mm:ss +07:00". A stamp's
// time is when the file was signed, not the issue date: it never fills `date`.
#include <fmt/format.h>

#include <algorithm>

#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

// A stamp is a handful of short lines; a longer run is body text.
constexpr std::size_t kStampLines = 10;
constexpr std::size_t kStampLineLength = 80;

const RE2& stamp_start() {
    static const Pattern re(R"(^(?:ky boi|nguoi ky)\s*:|^trung tam cong\b)");
    return re;
}

const RE2& stamp_time() {
    static const Pattern re(R"((\d{1,2})[./-](\d{1,2})[./-](\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s*([+-]\d{2}):?(\d{2}))?)");
    return re;
}

bool starts_stamp(std::string_view folded_line) {
    return RE2::PartialMatch(re2::StringPiece(folded_line.data(), folded_line.size()), stamp_start());
}

// The stamp's lines as one text: a scanned page's OCR words can sit between the
// lines of a text-layer stamp, so only lines of the first line's source belong.
struct StampText {
    std::string text;
    FoldedText folded;
    double confidence = 100.0;

    std::optional<Match> find(const RE2& re) const { return match_in(re, folded.folded); }
    std::string original(std::size_t b, std::size_t e) const {
        std::string part = text.substr(folded.origin[b], folded.origin[e] - folded.origin[b]);
        std::replace(part.begin(), part.end(), '\n', ' ');
        return clean_line(part);
    }
    std::string original(const Match& m, std::size_t g) const { return original(m.groups[g].first, m.groups[g].second); }
    int number(const Match& m, std::size_t g) const {
        return std::stoi(folded.folded.substr(m.groups[g].first, m.groups[g].second - m.groups[g].first));
    }
};

// "2020-04-16T07:37:07+07:00", or without the zone when the stamp gives none.
std::string iso_time(const StampText& t) {
    auto m = t.find(stamp_time());
    if (!m) return {};
    int day = t.number(*m, 0), month = t.number(*m, 1), year = t.number(*m, 2);
    int hour = t.number(*m, 3), minute = t.number(*m, 4), second = t.number(*m, 5);
    if (!VnDate{day, month, year}.exists() || hour > 23 || minute > 59 || second > 60) return {};
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second);
    if (m->has(6)) out += t.folded.folded.substr(m->groups[6].first, 3) + ":" + t.folded.folded.substr(m->groups[7].first, 2);
    return out;
}

// What follows "LABEL:" up to the next label of the stamp or its time.
std::string labelled_pattern(const char* label) {
    return std::string(label) + R"(\s*:\s*((?s:.*?))\s*(?:co quan\s*:|thoi gian ky|nguoi ky\s*:|ky boi\s*:|\d{1,2}[./]\d{1,2}[./]\d{4}|$))";
}

std::string labelled_value(const StampText& t, const RE2& re) {
    auto m = t.find(re);
    return m ? t.original(*m, 0) : std::string();
}

// The stamp whose first line is lines[first]; it ends at its time (and the zone
// when that wraps), or after kStampLines lines of its source.
SignatureStamp read_stamp(const FieldContext& ctx, std::size_t first, std::size_t* last) {
    const auto& lines = ctx.flow.lines();
    const auto& head = lines[first];
    SignatureStamp s;
    s.page = head.page;
    s.source = head.source->source;
    s.evidence = ctx.flow.evidence_of(head);
    static const Pattern zone(R"(^\s*[+-]\d{2}:?\d{2}\s*$)");
    StampText t;
    bool has_time = false;
    std::size_t taken = 0;
    for (std::size_t k = first; k < lines.size() && taken < kStampLines; ++k) {
        const Line& line = *lines[k].source;
        if (lines[k].page != head.page || line.text.size() > kStampLineLength) break;
        if (line.source != head.source->source) continue;
        std::string_view folded = ctx.folded_line(lines[k]);
        re2::StringPiece folded_piece(folded.data(), folded.size());
        if (k > first && starts_stamp(folded)) break;
        // After the time only its zone may follow, when it wrapped ("+07:00").
        if (has_time && !RE2::FullMatch(folded_piece, zone)) break;
        has_time = has_time || RE2::PartialMatch(folded_piece, stamp_time());
        t.text += (t.text.empty() ? "" : "\n") + line.text;
        t.confidence = std::min(t.confidence, line.confidence);
        if (line.bbox) s.bbox = s.bbox ? united(*s.bbox, *line.bbox) : *line.bbox;
        *last = k;
        ++taken;
    }
    t.folded = fold(t.text);
    s.evidence.bbox = s.bbox;
    s.confidence = t.confidence;
    s.time = iso_time(t);
    if (ctx.folded_line(head).rfind("trung tam", 0) == 0) {
        static const Pattern name(R"(^(trung tam(?s:.*?)tin hoc))");
        static const Pattern email(R"(([a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}))");
        s.kind = "gazette";
        if (auto m = t.find(name)) s.signed_by = t.original(*m, 0);
        if (auto m = t.find(email)) s.email = t.original(*m, 0);
    } else {
        static const Pattern signer(labelled_pattern("(?:ky boi|nguoi ky)")), body(labelled_pattern("co quan"));
        s.kind = "authority";
        s.signed_by = labelled_value(t, signer);
        s.organisation = labelled_value(t, body);
    }
    return s;
}

}  // namespace

void extract_signature_stamps(const FieldContext& ctx, Record& r) {
    const auto& lines = ctx.flow.lines();
    std::vector<SignatureStamp> stamps;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!starts_stamp(ctx.folded_line(lines[i]))) continue;
        std::size_t last = i;
        SignatureStamp s = read_stamp(ctx, i, &last);
        if (!s.time.empty() || !s.signed_by.empty()) stamps.push_back(std::move(s));
        i = last;
    }
    if (stamps.empty()) return;
    double least = 100;
    for (const auto& s : stamps) least = std::min(least, s.confidence);
    Evidence first = stamps.front().evidence;
    r.signatures = {std::move(stamps), first, least};
}

}  // namespace congvan::fields
