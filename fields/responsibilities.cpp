// "Tổ chức thực hiện": each agency named in that section with its tasks. Items
// are numbered under the section ("2.1. Sở Tài chính: …", "a) Ủy ban nhân dân các
// tỉnh: …", "6.1. Sở Giáo dục và Đào tạo" with the tasks below).
#include <unicode/uchar.h>

#include "field_context.h"
#include "text/normalize.h"
#include "text/pattern.h"

namespace congvan::fields {

namespace {

// How long the wrapped rest of an agency's name may be.
constexpr std::size_t kAgencyContinuation = 40;

// Only names of bodies are agencies; "8. Công tác tổng kết, báo cáo" is not one.
bool names_an_agency(std::string_view folded) {
    static const Pattern agency(
        R"(^(?:de nghi\s+)?(?:so|uy ban|ubnd|hoi|dai|bao|cong an|cong thong tin|cac|truong|phong|ban|tinh doan|doan|trung tam|thu vien|bo|vu|mat tran|lien doan|bo chi huy|chi cuc|cuc|van phong|co so)(?:\s|$|,|:))");
    return RE2::PartialMatch(re2::StringPiece(folded.data(), folded.size()), agency);
}

struct Section {
    std::size_t first_line = 0, end_line = 0;  // [first, end) indexes into flow.lines()
};

std::optional<Section> find_section(const FieldContext& ctx) {
    static const Pattern heading(R"(^(?:(?:[ivx]+|\d+)\s*[.)]\s*)?to chuc thuc hien\s*:?\s*$)");
    static const Pattern section_end(R"(^(?:noi nhan|tren day|can cu noi dung|[ivx]+\.\s|ket thuc tuan le|kinh phi|phu luc))");
    const auto& lines = ctx.flow.lines();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view f = ctx.folded_line(lines[i]);
        if (!RE2::FullMatch(re2::StringPiece(f.data(), f.size()), heading)) continue;
        Section s{i + 1, lines.size()};
        for (std::size_t k = i + 1; k < lines.size(); ++k) {
            std::string_view g = ctx.folded_line(lines[k]);
            if (RE2::PartialMatch(re2::StringPiece(g.data(), g.size()), section_end)) {
                s.end_line = k;
                break;
            }
        }
        return s;
    }
    return std::nullopt;
}

}  // namespace

void extract_responsibilities(const FieldContext& ctx, Record& r) {
    static const Pattern item(R"(^(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+(.+)$)");
    auto section = find_section(ctx);
    if (!section) return;
    const auto& lines = ctx.flow.lines();
    std::vector<Responsibility> found;
    for (std::size_t i = section->first_line; i < section->end_line; ++i) {
        std::string_view f = ctx.folded_line(lines[i]);
        re2::StringPiece rest;
        if (!RE2::FullMatch(re2::StringPiece(f.data(), f.size()), item, &rest)) {
            if (!found.empty()) found.back().tasks += (found.back().tasks.empty() ? "" : " ") + lines[i].source->text;
            continue;
        }
        std::size_t start = lines[i].begin + static_cast<std::size_t>(rest.data() - f.data());
        std::string_view body(rest.data(), rest.size());
        if (!names_an_agency(body)) {
            if (!found.empty()) found.back().tasks += " " + lines[i].source->text;
            continue;
        }
        auto colon = body.find(':');
        std::size_t agency_end = colon == std::string_view::npos ? lines[i].end : start + colon;
        Responsibility resp{ctx.original(start, agency_end), "", ctx.flow.evidence_of(lines[i])};
        if (colon != std::string_view::npos) resp.tasks = ctx.original(agency_end + 1, lines[i].end);
        // An agency may wrap before its colon ("… Giáo dục thường" / "xuyên huyện: Mở…")
        // or, as a heading, wrap and stand alone ("… Cổng Thông tin" / "điện tử tỉnh").
        while (colon == std::string_view::npos && i + 1 < section->end_line &&
               (starts_lower_case(lines[i + 1].source->text) || resp.agency.ends_with(","))) {
            std::string_view next = ctx.folded_line(lines[i + 1]);
            auto next_colon = next.find(':');
            if (next_colon < kAgencyContinuation) {  // npos is not
                ++i;
                resp.agency += " " + ctx.original(lines[i].begin, lines[i].begin + next_colon);
                resp.tasks = ctx.original(lines[i].begin + next_colon + 1, lines[i].end);
                break;
            }
            if (next.size() >= kAgencyContinuation) break;
            resp.agency += " " + lines[++i].source->text;
        }
        std::string folded_agency = fold_string(resp.agency);
        if (folded_agency.rfind("de nghi ", 0) == 0) resp.agency = to_utf8(to_u32(resp.agency).substr(8));
        found.push_back(std::move(resp));
    }
    for (auto& f : found) f.tasks = clean_line(f.tasks);
    if (!found.empty()) r.responsibilities = {found, found.front().evidence};
}

}  // namespace congvan::fields
