// Digital-signature stamps: the few short lines a signing service prints on page 1
// (the appearance of a PDF signature field, or the same lines seen by OCR on a
// printed copy). Two kinds are in use (docs/fields.md, "Signature stamps"):
//   the issuing body's:  "Ký bởi:"/"Người ký:" …, "Cơ quan:" …, "Thời gian ký:" time
//   a gazette centre's:  "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", its e-mail, time
// The time is "dd/mm/yyyy hh:mm:ss" or "dd.mm.yyyy hh:mm:ss +07:00". A stamp's
// time is when the file was signed, not the issue date: it never fills `date`.
#include <fmt/format.h>

#include "extract/normalize.h"
#include "field_context.h"

namespace congvan::fields {

namespace {

// A stamp is a handful of short lines; a longer run is body text.
constexpr std::size_t kStampLines = 10;
constexpr std::size_t kStampLineLength = 80;

const RE2& stamp_start() {
    static const RE2 re(R"(^(?:ky boi|nguoi ky)\s*:|^trung tam cong\b)");
    return re;
}

const RE2& stamp_time() {
    static const RE2 re(
        R"((\d{1,2})[./-](\d{1,2})[./-](\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s*([+-]\d{2}):?(\d{2}))?)");
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

    std::string original(std::size_t b, std::size_t e) const {
        std::string part = text.substr(folded.origin[b], folded.origin[e] - folded.origin[b]);
        for (char& c : part) if (c == '\n') c = ' ';
        return clean_line(part);
    }
    // The first match of `re`; groups[0] is the whole match.
    std::vector<std::pair<std::size_t, std::size_t>> find(const RE2& re) const {
        int n = re.NumberOfCapturingGroups() + 1;
        std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
        re2::StringPiece all(folded.folded);
        std::vector<std::pair<std::size_t, std::size_t>> out;
        if (!re.Match(all, 0, all.size(), RE2::UNANCHORED, g.data(), n)) return out;
        for (const auto& piece : g) {
            if (piece.data() == nullptr) { out.emplace_back(std::string::npos, std::string::npos); continue; }
            auto b = static_cast<std::size_t>(piece.data() - all.data());
            out.emplace_back(b, b + piece.size());
        }
        return out;
    }
    int number(const std::pair<std::size_t, std::size_t>& g) const {
        return std::stoi(folded.folded.substr(g.first, g.second - g.first));
    }
};

// "2020-04-16T07:37:07+07:00", or without the zone when the stamp gives none.
std::string iso_time(const StampText& t) {
    auto m = t.find(stamp_time());
    if (m.empty()) return {};
    int day = t.number(m[1]), month = t.number(m[2]), year = t.number(m[3]);
    int hour = t.number(m[4]), minute = t.number(m[5]), second = t.number(m[6]);
    if (!VnDate{day, month, year}.exists() || hour > 23 || minute > 59 || second > 60) return {};
    std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, hour, minute, second);
    if (m[7].first != std::string::npos)
        out += t.folded.folded.substr(m[7].first, 3) + ":" + t.folded.folded.substr(m[8].first, 2);
    return out;
}

// The original text after `label` up to the next label of the stamp or its time.
std::string labelled_value(const StampText& t, const std::string& label) {
    RE2 re(label + R"(\s*:\s*((?s:.*?))\s*(?:co quan\s*:|thoi gian ky|nguoi ky\s*:|ky boi\s*:|\d{1,2}[./]\d{1,2}[./]\d{4}|$))");
    auto m = t.find(re);
    return m.empty() ? std::string() : t.original(m[1].first, m[1].second);
}

BBox union_of(const BBox& a, const BBox& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
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
    StampText t;
    std::size_t taken = 0;
    for (std::size_t k = first; k < lines.size() && taken < kStampLines; ++k) {
        const Line& line = *lines[k].source;
        if (lines[k].page != head.page || line.text.size() > kStampLineLength) break;
        if (line.source != head.source->source) continue;
        if (k > first && starts_stamp(ctx.folded_line(lines[k]))) break;
        static const RE2 zone(R"(^\s*[+-]\d{2}:?\d{2}\s*$)");
        bool has_time = RE2::PartialMatch(t.text, stamp_time()) || RE2::PartialMatch(fold_string(t.text), stamp_time());
        if (has_time && !RE2::FullMatch(line.text, zone)) break;
        t.text += (t.text.empty() ? "" : "\n") + line.text;
        t.confidence = std::min(t.confidence, line.confidence);
        if (line.bbox) s.bbox = s.bbox ? union_of(*s.bbox, *line.bbox) : *line.bbox;
        *last = k;
        ++taken;
    }
    t.folded = fold(t.text);
    s.evidence.bbox = s.bbox;
    s.confidence = t.confidence;
    s.time = iso_time(t);
    if (ctx.folded_line(head).rfind("trung tam", 0) == 0) {
        static const RE2 name(R"(^(trung tam(?s:.*?)tin hoc))");
        static const RE2 email(R"(([a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}))");
        s.kind = "gazette";
        if (auto m = t.find(name); !m.empty()) s.signed_by = t.original(m[1].first, m[1].second);
        if (auto m = t.find(email); !m.empty()) s.email = t.original(m[1].first, m[1].second);
    } else {
        s.kind = "authority";
        s.signed_by = labelled_value(t, "(?:ky boi|nguoi ky)");
        s.organisation = labelled_value(t, "co quan");
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
