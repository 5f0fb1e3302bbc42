#include "html_report.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "assets.h"
#include "congvan_version.h"
#include "document_json.h"
#include "mustache_data.h"
#include "rules/check_support.h"
#include "text/vocabulary.h"

namespace congvan {

using Data = kainjow::mustache::data;
using Json = nlohmann::ordered_json;

namespace {

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                            static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    return out;
}

Data list() { return mustache_list(); }

std::string label(const std::string& key, Language language) { return message("report." + key).in(language); }

Data labels(Language language) {
    Data d;
    for (const char* key :
         {"header", "reference", "reference_number", "reference_chosen", "reference_record", "findings", "no_findings", "expected", "found",
          "inconclusive", "uncertain", "ocr_confidence", "on_page", "rules", "chain", "cites", "cited_by", "resolved", "unresolved"})
        d.set(key, label(key, language));
    return d;
}

// A field's value as one line: text as it is, a period as its two days, an object
// (an opening) as its parts that are known, anything else as compact JSON.
std::string value_line(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("start") && value.contains("end"))
        return value["start"].get<std::string>() + " – " + value["end"].get<std::string>();
    if (value.is_object()) {
        // In the order a reader says them (when, then where), whatever order the
        // object came in: a record read back from a scan database has its keys sorted.
        static const std::vector<std::string> kOrder = {"date", "time", "weekday", "place"};
        std::vector<std::string> keys;
        for (const auto& [key, part] : value.items()) keys.push_back(key);
        auto rank = [&](const std::string& k) { return std::find(kOrder.begin(), kOrder.end(), k) - kOrder.begin(); };
        std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
        std::string parts;
        for (const auto& key : keys)
            if (!value[key].is_null()) parts += (parts.empty() ? "" : ", ") + value_line(value[key]);
        return parts;
    }
    return json_text(value);
}

constexpr const char* kHeaderFields[] = {"doc_type", "number", "date", "issuer",  "province",
                                         "subject",  "theme",  "week", "opening", "report_deadline"};

Data header(const Json& fields, Language language) {
    Data rows = list();
    for (const char* name : kHeaderFields) {
        if (!fields.is_object() || !fields.contains(name) || fields[name]["value"].is_null()) continue;
        Data row;
        row.set("name", label(std::string("field.") + name, language));
        std::string value = value_line(fields[name]["value"]);
        if (std::string_view(name) == "doc_type" && document_type(value)) value = document_type(value)->name;
        row.set("value", value);
        if (fields[name].value("uncertain", false)) {
            row.set("uncertain", true);
            row.set("confidence", fmt::format("{:g}", fields[name].value("confidence", 0.0)));
        }
        rows.push_back(row);
    }
    return rows;
}

std::string confidence_word(const std::string& confidence, Language language) {
    return has_message("confidence." + confidence) ? message("confidence." + confidence).in(language) : confidence;
}

template <typename T>
void add_fact(Data& facts, const char* name, const Fact<T>& fact, const std::string& value, Language language) {
    if (!fact.value) return;
    Data row;
    row.set("name", label(std::string("field.") + name, language));
    row.set("value", value);
    row.set("confidence", confidence_word(fact.confidence, language));
    if (!fact.source.empty()) row.set("source", fact.source);
    facts.push_back(row);
}

Data reference(const Reference& r, Language language) {
    const MinistryRecord& m = r.record;
    Data d;
    d.set("number", m.number.value.value_or("?"));
    d.set("year", std::to_string(m.year));
    if (m.date.value) d.set("date", vn_date(*m.date.value));
    d.set("why", why_of(r, language));
    d.set("origin", m.origin);
    Data facts = list();
    add_fact(facts, "number", m.number, m.number.value.value_or(""), language);
    add_fact(facts, "date", m.date, m.date.value ? vn_date(*m.date.value) : "", language);
    add_fact(facts, "theme", m.theme, m.theme.value.value_or(""), language);
    add_fact(facts, "week", m.week, m.week.value ? vn_date(m.week.value->start) + " – " + vn_date(m.week.value->end) : "", language);
    add_fact(facts, "opening", m.opening, m.opening.value ? vn_date(*m.opening.value) : "", language);
    add_fact(facts, "report_deadline", m.report_deadline, m.report_deadline.value ? vn_date(*m.report_deadline.value) : "", language);
    d.set("facts", facts);
    return d;
}

Data diff(const Value& expected, const Value& found) {
    Data runs = list();
    for (const auto& run : correction_runs(expected.value, found.value)) {
        Data d;
        d.set(run.kind == DiffRun::Kind::Same ? "same" : run.kind == DiffRun::Kind::Removed ? "removed" : "added", true);
        d.set("words", run.words);
        runs.push_back(d);
    }
    return runs;
}

const PageView* view_of(const std::vector<PageView>& pages, int page) {
    auto it = std::find_if(pages.begin(), pages.end(), [&](const PageView& v) { return v.page == page; });
    return it == pages.end() ? nullptr : &*it;
}

// A text file's evidence among the two lines before and after it.
Data context(const PageView& view, int line) {
    Data lines = list();
    int first = std::max(1, line - 2), last = std::min(static_cast<int>(view.lines.size()), line + 2);
    for (int n = first; n <= last; ++n) {
        Data d;
        d.set("text", view.lines[static_cast<std::size_t>(n - 1)]);
        if (n == line) d.set("here", true);
        lines.push_back(d);
    }
    return lines;
}

std::string page_id(const std::string& doc_id, int page) { return doc_id + "-p" + std::to_string(page); }
std::string finding_id(const std::string& doc_id, std::size_t index) { return doc_id + "-f" + std::to_string(index + 1); }

Data finding(const Finding& f, std::size_t index, const std::string& doc_id, const ReportDocument& doc, Language language) {
    Data d;
    d.set("id", finding_id(doc_id, index));
    d.set("number", std::to_string(index + 1));
    d.set("severity_class", to_string(f.severity));
    d.set("severity", label(std::string("severity.") + to_string(f.severity), language));
    d.set("rule", f.rule);
    d.set("message", full_message(f, language));
    if (f.inconclusive()) d.set("inconclusive", true);
    if (f.expected) d.set("expected", render(*f.expected).in(language));
    if (f.found) d.set("found", render(*f.found).in(language));
    if (f.expected && f.found && f.expected->kind == Value::Kind::Text && f.found->kind == Value::Kind::Text &&
        !word_diff(f.expected->value, f.found->value).empty()) {
        d.set("has_diff", true);
        d.set("diff", diff(*f.expected, *f.found));
    }
    if (!f.evidence) return d;
    const Evidence& e = *f.evidence;
    d.set("where", where_label(e.shown_line(), e.page, e.line, e.bbox.has_value()).in(language));
    if (e.bbox && e.confidence < 100) d.set("ocr_confidence", fmt::format("{:.0f}", e.confidence));
    const PageView* view = view_of(doc.pages, e.page);
    if (view && !view->jpeg.empty() && e.bbox) d.set("page_link", page_id(doc_id, e.page));
    if (view && !view->lines.empty() && e.line >= 1 && e.line <= static_cast<int>(view->lines.size())) {
        d.set("has_context", true);
        d.set("context", context(*view, e.line));
    } else if (!e.text.empty()) {
        d.set("evidence_text", e.text);
    }
    return d;
}

std::string percent(double part, double whole) { return fmt::format("{:.2f}", whole > 0 ? 100.0 * part / whole : 0.0); }

Data pages(const ReportDocument& doc, const std::string& doc_id, Language language) {
    Data figures = list();
    for (const auto& view : doc.pages) {
        if (view.jpeg.empty()) continue;
        Data boxes = list();
        const auto& findings = doc.checked.result.findings;
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const auto& e = findings[i].evidence;
            if (!e || e->page != view.page || !e->bbox) continue;
            // Every line the evidence spans is boxed; the finding's number is on the first.
            std::vector<BBox> lines{*e->bbox};
            lines.insert(lines.end(), e->continued.begin(), e->continued.end());
            for (std::size_t k = 0; k < lines.size(); ++k) {
                Data box;
                box.set("finding", finding_id(doc_id, i));
                if (k == 0) box.set("number", std::to_string(i + 1));
                box.set("left", percent(lines[k].x0, view.width_pt));
                box.set("top", percent(lines[k].y0, view.height_pt));
                box.set("width", percent(lines[k].x1 - lines[k].x0, view.width_pt));
                box.set("height", percent(lines[k].y1 - lines[k].y0, view.height_pt));
                boxes.push_back(box);
            }
        }
        Data figure;
        figure.set("id", page_id(doc_id, view.page));
        figure.set("jpeg", base64(view.jpeg));
        figure.set("caption",
                   message("report.page-caption", {{"file", doc.checked.file}, {"page", std::to_string(view.page)}}).in(language));
        figure.set("boxes", boxes);
        figures.push_back(figure);
    }
    return figures;
}

// The chain member's file (a string, or {"bytes": …} for a name that is not UTF-8)
// as shown, and the section of the report where that document is, if it is there.
std::string shown_file(const Json& file) { return file.is_string() ? file.get<std::string>() : json_text(file); }

// Where a document is shown: its section of this report, else its page of the site.
// The site's map is only looked in, never copied: a site of N documents writes N
// pages, and a copy a page was N² strings (a 10,000-document site took 8× its export).
struct Sections {
    const std::map<std::string, std::string>& site;
    std::map<std::string, std::string> own;
    const std::string* find(const std::string& file) const {
        if (auto it = own.find(file); it != own.end()) return &it->second;
        auto it = site.find(file);
        return it == site.end() ? nullptr : &it->second;
    }
};

Data linked(const Json& file, const Sections& section_of) {
    Data d;
    std::string shown = shown_file(file);
    d.set("file", shown);
    if (const auto* href = section_of.find(shown)) d.set("href", *href);
    return d;
}

// A document's citations, each with the document of the report it names, and the
// documents that cite it (the JSON formats' "chain": report/chain_json.h).
void add_chain(Data& d, const Json& chain, const Sections& section_of) {
    if (!chain.is_object()) return;
    Data cites = list(), cited_by = list();
    for (const auto& c : chain["citations"]) {
        Data row;
        row.set("number", c["number"].get<std::string>());
        if (c["date"].is_string()) row.set("date", c["date"].get<std::string>());
        if (!c["resolved"].is_null()) row.set("resolved", linked(c["resolved"]["file"], section_of));
        cites.push_back(row);
    }
    for (const auto& c : chain["cited_by"]) {
        Data row = linked(c["file"], section_of);
        row.set("number", c["number"].get<std::string>());
        cited_by.push_back(row);
    }
    if (!chain["citations"].empty() || !chain["cited_by"].empty()) d.set("chain", true);
    if (!chain["citations"].empty()) d.set("cites", cites);
    if (!chain["cited_by"].empty()) d.set("cited_by", cited_by);
}

Data document(const ReportDocument& doc, std::size_t index, Language language, const Sections& section_of) {
    std::string id = "d" + std::to_string(index + 1);
    const auto& findings = doc.checked.result.findings;
    Data d;
    d.set("id", id);
    d.set("file", doc.checked.file);
    d.set("sha256", doc.checked.sha256);
    d.set("finding_count", message("report.finding-count", {{"count", std::to_string(findings.size())}}).in(language));
    d.set("compared", what_was_compared(doc.checked.result, language));
    if (doc.checked.result.unaudited) d.set("unaudited", true);
    d.set("header", header(doc.fields, language));
    if (doc.checked.result.reference) d.set("reference", reference(*doc.checked.result.reference, language));
    add_chain(d, doc.chain, section_of);
    Data items = list();
    for (std::size_t i = 0; i < findings.size(); ++i) items.push_back(finding(findings[i], i, id, doc, language));
    d.set("findings", items);
    if (!doc.missing.empty())
        d.set("missing", message("report.missing", {{"reason", shown_reason(doc.missing).in(language)}}).in(language));
    d.set("pages", pages(doc, id, language));
    return d;
}

Data rules_used(const std::vector<ReportDocument>& documents, Language language) {
    std::set<std::string> ids;
    for (const auto& doc : documents)
        for (const auto& f : doc.checked.result.findings) ids.insert(f.rule);
    return rule_pages(ids, language);
}

}  // namespace

std::vector<int> pages_with_findings(const CheckResult& result) {
    std::vector<int> pages;
    for (const auto& f : result.findings)
        if (f.evidence && f.evidence->page > 0 && std::find(pages.begin(), pages.end(), f.evidence->page) == pages.end())
            pages.push_back(f.evidence->page);
    return pages;
}

void draw_pages_with_findings(std::vector<ReportDocument>& documents, const std::vector<std::string>& paths, const BatchOptions& options) {
    std::vector<std::string> to_draw;
    std::vector<std::size_t> index_of;
    std::map<std::string, std::vector<int>> pages_of;
    std::map<std::string, std::string> sha_of;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        auto pages = pages_with_findings(documents[i].checked.result);
        if (pages.empty()) continue;
        to_draw.push_back(paths[i]);
        index_of.push_back(i);
        pages_of[paths[i]] = std::move(pages);
        sha_of[paths[i]] = documents[i].checked.sha256;
    }
    std::size_t next = 0;
    run_batch(to_draw, options,
              {.read = nullptr,
               .emit =
                   [&](BatchItem& item) {
                       ReportDocument& doc = documents[index_of[next++]];
                       if (!item.error.empty()) doc.missing = item.error;
                       else doc.pages = decode_page_views(item.output);
                   },
               .read_path =
                   [&](const std::string& path) {
                       // Standard input cannot be read again to compare: only a file is.
                       return encode_page_views(page_views(path, pages_of[path], path == "-" ? "" : sha_of[path]));
                   }});
}

std::string html_report(const std::vector<ReportDocument>& documents, Language language, const HtmlPageLinks& links) {
    Data root;
    if (!links.stylesheet.empty()) root.set("stylesheet", links.stylesheet);
    else root.set("style", std::string(report_asset("report/html/style.css")));
    if (!links.home.empty()) {
        root.set("home", links.home);
        root.set("home_label", links.home_label);
    }
    root.set("lang", language == Language::English ? "en" : "vi");
    root.set("title", label("title", language));
    root.set("generated", message("report.generated", {{"version", CONGVAN_VERSION}}).in(language));
    root.set("labels", labels(language));
    Data docs = list();
    Sections section_of{links.document_href, {}};  // a file → where it is shown
    for (std::size_t i = 0; i < documents.size(); ++i) section_of.own[documents[i].checked.file] = "#d" + std::to_string(i + 1);
    for (std::size_t i = 0; i < documents.size(); ++i) docs.push_back(document(documents[i], i, language, section_of));
    root.set("documents", docs);
    root.set("rules", rules_used(documents, language));
    // Parsed once a thread: a site renders one page a document, and parsing the
    // template each time cost 9 % of `report --no-pages`.
    thread_local kainjow::mustache::mustache page{std::string(report_asset("report/html/report.mustache"))};
    if (!page.is_valid()) throw std::logic_error("report/html/report.mustache: " + page.error_message());
    return page.render(root);
}

}  // namespace congvan
