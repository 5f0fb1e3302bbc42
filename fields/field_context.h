// What every field parser gets: the flowing text, the dates in it, and small
// helpers to run RE2 patterns over the folded text and read the original back.
#pragma once

#include <re2/re2.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flow.h"
#include "record.h"
#include "text/vn_dates.h"

namespace congvan::fields {

struct Match {
    std::size_t begin = 0, end = 0;  // folded offsets of the whole match
    // Capturing groups from the first: groups[0] is the pattern's group 1. (npos,
    // npos) when a group did not take part.
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    bool has(std::size_t g) const { return g < groups.size() && groups[g].first != std::string::npos; }
};

// The first match of `re` in `text` at or after `pos`; offsets are counted from
// the start of `text` plus `base` ('^' means the start of `text`).
std::optional<Match> match_in(const RE2& re, std::string_view text, std::size_t pos = 0, std::size_t base = 0);

class FieldContext {
public:
    FieldContext(const FlowText& flow, int year_hint);

    const FlowText& flow;
    const std::string& folded;
    int year_hint;
    bool english;  // the text reads as English (text/english.h), judged once
    std::vector<DateMention> dates;
    std::vector<DateRange> ranges;  // of `dates`

    // Every non-overlapping match of `re` in folded[from, to).
    std::vector<Match> find_all(const RE2& re, std::size_t from = 0, std::size_t to = std::string::npos) const;
    std::optional<Match> find_first(const RE2& re, std::size_t from = 0, std::size_t to = std::string::npos) const;
    // The first date that starts in [from, to).
    const DateMention* date_in(std::size_t from, std::size_t to) const;

    std::string original(std::size_t b, std::size_t e) const { return flow.original(b, e); }
    std::string original(const Match& m, std::size_t g) const { return original(m.groups[g].first, m.groups[g].second); }
    Evidence evidence(std::size_t f) const { return flow.evidence_at(f); }
    Evidence evidence(std::size_t fb, std::size_t fe) const { return flow.evidence_span(fb, fe); }
    // Whether the word at folded offset `at` starts with a capital or a digit, as a
    // proper name does (Decree 30/2020, Appendix II): "xã hội" is not a commune,
    // "Sáng nay" is no place.
    bool capitalised(std::size_t at) const;
    std::string_view folded_line(const FlowText::LineRef& line) const {
        return std::string_view(folded).substr(line.begin, line.end - line.begin);
    }
};

// Where a text names the Week, in full or as "Tuần lễ" ("gọi tắt là Tuần lễ").
const RE2& week_mention();
// The Week's full name: "Tuần lễ (Quốc gia) (hưởng ứng) học tập suốt đời", an
// English edition's "Lifelong Learning (Response) Week".
const RE2& week_full_name();
// Its Vietnamese names alone, as a pattern for spaced() (no group of its own).
extern const char* const kWeekNameVi;

// A pattern over flowing text: each literal space outside a character class
// matches any run of whitespace, line breaks included ("trước ngày\n15/10").
std::string spaced(std::string_view pattern);

// Parsers, one per family of fields (fields/*.cpp).
int find_year(const FlowText& flow, Evidence* evidence);
void extract_header(const FieldContext& ctx, Record& record);
// A number or a day read from handwriting (fields/handwritten.cpp): the
// number lists the reader's readings (`rest` is the symbol after them); the day is
// chosen among the readings by the signing time, and sure only when both agree.
void mark_handwritten_number(const std::vector<ReadCandidate>& read, const std::string& rest, Record& record);
void choose_handwritten_day(const std::vector<ReadCandidate>& read, int month, int year, double read_confidence, Record& record);
// The issue date's year as printed ("2025"), or completed from the issuing body's
// signing time where OCR misread its last digit ("202]"); 0 where neither holds.
int issue_year(std::string_view printed, int month, const Record& record);
void extract_theme(const FieldContext& ctx, Record& record);
void extract_timeline(const FieldContext& ctx, Record& record);
void extract_citations(const FieldContext& ctx, Record& record);
void extract_responsibilities(const FieldContext& ctx, Record& record);
void extract_signature_and_recipients(const FieldContext& ctx, Record& record);
void extract_signature_stamps(const FieldContext& ctx, Record& record);
void extract_statistics(const FieldContext& ctx, Record& record);
void extract_relevance(const FieldContext& ctx, Record& record);
// After the header: the place–date line is the date's.
void extract_presentation(const FieldContext& ctx, const Document& doc, Record& record);
// Whether the line's middle lies in a digital-signature stamp's box: the stamp is
// the signing service's (its own face, its own names), never the drafter's text.
bool in_stamp(const FlowText::LineRef& line, const Record& record);
// Whether a recipients entry is "- Lưu: VT, …", the copies kept: the list's last.
bool is_kept_copies(std::string_view entry);

// A value read from how a page speaks of its document, not from its header.
constexpr double kInferredConfidence = 60.0;

// The header's parts (header.cpp, issuer.cpp): the issuing body and the province
// it names, from the header's first lines; whether a folded line is the national
// name or motto; the type a folded title line names; a line without the
// dashes and colons around it.
void extract_issuer(const FieldContext& ctx, const std::vector<const FlowText::LineRef*>& header, Record& record);
void extract_province(const FieldContext& ctx, Record& record);
bool is_motto(std::string_view folded_line);
// "Số: 575 /UBND-KTTH" at a line's start: the blank, the year, the symbol.
const RE2& number_line();
const char* type_of_title(std::string_view folded);
std::string_view trimmed(std::string_view s);

// Province names of Việt Nam; the canonical spelling of the one in `folded`.
std::optional<std::string> province_named_in(std::string_view folded);

// "Bộ GDĐT" → "Bộ Giáo dục và Đào tạo", "UBND tỉnh" → "Ủy ban nhân dân tỉnh".
std::string expand_body_abbreviations(const std::string& text);
// "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" → "Ủy ban nhân dân tỉnh Lào Cai".
std::string issuer_capitalisation(const std::string& upper);

}  // namespace congvan::fields
