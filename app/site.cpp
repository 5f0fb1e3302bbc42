#include "app/site.h"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "app/chain.h"
#include "app/export.h"
#include "app/site_chain.h"
#include "app/site_documents.h"
#include "congvan_version.h"
#include "report/assets.h"
#include "report/document_json.h"
#include "report/html_report.h"
#include "report/mustache_data.h"
#include "store/stored_outcome.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan {

namespace fs = std::filesystem;
using Data = kainjow::mustache::data;

namespace {

Data list() { return mustache_list(); }

std::string word(const std::string& key, Language language, const std::vector<MessageArg>& args = {}) {
    return message("site." + key, args).in(language);
}

// What an overview is drawn for: every year, or one (the year filter).
struct Scope {
    std::optional<int> year;
    std::string key() const { return year ? std::to_string(*year) : "all"; }
    std::string overview() const { return year ? "year-" + key() + ".html" : "index.html"; }
    bool holds(const StoredDocument& d) const { return !year || d.year == year; }
};

// A piece of a file name made from stored text (a rule id): letters, digits and
// '-' as they are, anything else as _XX, so that a crafted database can name no
// other folder ("x/../../index") and no two ids share a name.
std::string file_name_part(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') out += static_cast<char>(c);
        else out += fmt::format("_{:02X}", c);
    }
    return out;
}

std::string paged(const std::string& base, std::size_t page) { return fmt::format("{}-{}.html", base, page); }
std::string document_page(long long id) { return fmt::format("doc/{}.html", id); }

// A cell of a table: its text, and where it links to (relative to the site's root).
Data cell(const std::string& text, const std::string& href = "") {
    Data d;
    d.set("text", text);
    if (!href.empty()) d.set("href", href);
    return d;
}

class Site {
public:
    Site(const SiteOptions& options, std::vector<StoredDocument> listed)
        : options_(options), listed_(std::move(listed)), template_(std::string(report_asset("report/html/site.mustache"))) {
        if (!template_.is_valid()) throw std::logic_error("report/html/site.mustache: " + template_.error_message());
        std::set<int> years;
        for (const auto& d : listed_)
            if (d.error.empty() && d.year) years.insert(*d.year);
        scopes_.push_back({});
        for (int y : years) scopes_.push_back({y});
    }

    const std::vector<StoredDocument>& listed() const { return listed_; }
    const std::vector<Scope>& scopes() const { return scopes_; }
    Language language() const { return options_.language; }
    std::size_t files() const { return files_; }

    // The frame every page shares: the year filter, the title, the way back up.
    Data page(const std::string& relative, const std::string& heading, const Scope* scope) const {
        Data d;
        std::string root;
        for (char c : relative)
            if (c == '/') root += "../";
        d.set("root", root);
        d.set("lang", options_.language == Language::English ? "en" : "vi");
        d.set("title", word("title", language()));
        d.set("heading", heading);
        d.set("generated", message("report.generated", {{"version", CONGVAN_VERSION}}).in(language()));
        Data labels;
        for (const char* key : {"all_years", "matrix", "province", "no_findings", "nothing", "pages"})
            labels.set(key, word(key, language()));
        d.set("labels", labels);
        Data years = list();
        for (const auto& s : scopes_) {
            if (!s.year) continue;
            Data y;
            y.set("name", s.key());
            y.set("href", s.overview());
            if (scope && scope->year == s.year) y.set("current", true);
            years.push_back(y);
        }
        d.set("years", years);
        return d;
    }

    void write(const std::string& relative, Data& data) { write_file(relative, template_.render(data)); }

    void write_file(const std::string& relative, const std::string& content) {
        // Every name is made here; one that would leave the site is a bug, not a file.
        fs::path rel(relative);
        if (rel.is_absolute() || std::any_of(rel.begin(), rel.end(), [](const fs::path& p) { return p == ".." || p == "."; }))
            throw std::logic_error("report: a page name leaves the site: " + printable(relative));
        fs::path path = fs::path(options_.directory) / relative;
        fs::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << content;
        out.close();
        if (!out) throw std::runtime_error(path.string() + ": cannot be written");
        ++files_;
    }

    // A list as pages of rows_per_page rows, BASE-1.html, BASE-2.html…, each with
    // links to the others.
    void write_table(const std::string& base, const std::string& heading, const Scope* scope, const std::vector<std::string>& head,
                     const std::vector<Data>& rows) {
        std::size_t per_page = std::max<std::size_t>(1, options_.rows_per_page);
        std::size_t pages = std::max<std::size_t>(1, (rows.size() + per_page - 1) / per_page);
        for (std::size_t p = 1; p <= pages; ++p) {
            Data d = page(base, heading, scope);
            Data table, heads = list(), body = list();
            for (const auto& h : head) heads.push_back(h);
            for (std::size_t r = (p - 1) * per_page; r < std::min(rows.size(), p * per_page); ++r) body.push_back(rows[r]);
            table.set("head", heads);
            table.set("rows", body);
            d.set("table", table);
            if (pages > 1) d.set("pager", pager(base, p, pages));
            write(paged(base, p), d);
        }
    }

private:
    static Data pager(const std::string& base, std::size_t current, std::size_t pages) {
        Data links = list();
        for (std::size_t p = 1; p <= pages; ++p) {
            Data link;
            link.set("number", std::to_string(p));
            link.set("href", paged(base, p));
            if (p == current) link.set("current", true);
            links.push_back(link);
        }
        Data d;
        d.set("pages", links);
        return d;
    }

    const SiteOptions& options_;
    std::vector<StoredDocument> listed_;
    std::vector<Scope> scopes_;
    kainjow::mustache::mustache template_;  // the site's pages (not the documents')
    std::size_t files_ = 0;
};

std::string scope_name(const Scope& scope, Language language) {
    return scope.year ? word("year", language, {{"year", scope.key()}}) : word("all_years", language);
}

std::string severity_word(const std::string& severity, Language language) {
    std::string key = "report.severity." + severity;
    return has_message(key) ? message(key).in(language) : severity;
}

std::string province_of(const StoredDocument& d, Language language) {
    return d.province.empty() ? word("unknown_province", language) : d.province;
}

void write_document_list(Site& site, const Scope& scope, const std::vector<const StoredDocument*>& docs) {
    Language l = site.language();
    std::vector<Data> rows;
    for (const auto* d : docs) {
        std::map<std::string, int> by_severity;
        for (const auto& f : d->findings) ++by_severity[to_string(f.severity)];
        Data row, cells = list();
        cells.push_back(cell(d->path, document_page(d->id)));
        const DocumentType* type = document_type(d->doc_type);
        cells.push_back(cell(type ? type->name : d->doc_type));
        cells.push_back(cell(d->number));
        cells.push_back(cell(d->province));
        cells.push_back(cell(d->year ? std::to_string(*d->year) : ""));
        for (const char* s : {"error", "warning", "info"}) cells.push_back(cell(std::to_string(by_severity[s])));
        row.set("cells", cells);
        if (by_severity["error"] > 0) row.set("class", "error");
        rows.push_back(row);
    }
    std::vector<std::string> head{word("file", l),
                                  message("report.field.doc_type").in(l),
                                  message("report.field.number").in(l),
                                  message("report.field.province").in(l),
                                  word("year_column", l),
                                  word("errors", l),
                                  word("warnings", l),
                                  word("infos", l)};
    site.write_table("list/" + scope.key(), word("documents_of", l, {{"scope", scope_name(scope, l)}}), &scope, head, rows);
}

using CellFindings = std::vector<std::pair<const StoredDocument*, const Finding*>>;

void write_cell(Site& site, const Scope& scope, const std::string& base, const std::string& province, const std::string& rule,
                const CellFindings& findings) {
    Language l = site.language();
    std::vector<Data> rows;
    for (const auto& [d, f] : findings) {
        Data row, cells = list();
        cells.push_back(cell(d->path, document_page(d->id)));
        const Evidence e = f->evidence.value_or(Evidence{});
        cells.push_back(cell(severity_word(to_string(f->severity), l)));
        cells.push_back(cell(f->message.in(l)));
        cells.push_back(cell(where_label(e.shown_line(), e.page, e.line, e.bbox.has_value()).in(l)));
        row.set("cells", cells);
        row.set("class", std::string(to_string(f->severity)));
        rows.push_back(row);
    }
    std::vector<std::string> head{word("file", l), word("severity", l), word("message", l), word("where", l)};
    std::string heading = word("cell", l, {{"rule", rule}, {"province", province}, {"scope", scope_name(scope, l)}});
    site.write_table(base, heading, &scope, head, rows);
}

// A cell's severity: its most severe finding's (its class, coloured), and how many
// of each (its title: "2 lỗi, 1 cảnh báo"), so that a cell of infos does not look
// like a cell of errors.
void cell_severity(Data& c, const CellFindings& findings, Language language) {
    std::string worst, title;
    for (const char* severity : {"error", "warning", "info"}) {
        auto n = std::count_if(findings.begin(), findings.end(),
                               [&](const auto& f) { return to_string(f.second->severity) == std::string_view(severity); });
        if (!n) continue;
        if (worst.empty()) worst = severity;
        title += (title.empty() ? "" : ", ") + std::to_string(n) + " " + severity_word(severity, language);
    }
    c.set("severity", worst);
    c.set("title", title);
}

// The matrix of an overview: a row a province, a column a rule, a cell the number
// of findings, linking to a list of them, in the colour of its severity.
Data matrix(Site& site, const Scope& scope, const std::vector<const StoredDocument*>& docs) {
    std::map<std::string, std::map<std::string, CellFindings>> cells;  // province → rule → findings
    std::set<std::string> rules;
    for (const auto* d : docs)
        for (const auto& f : d->findings) {
            cells[province_of(*d, site.language())][f.rule].push_back({d, &f});
            rules.insert(f.rule);
        }
    Data d, columns = list(), rows = list();
    for (const auto& rule : rules) {
        Data c;
        c.set("id", rule);
        columns.push_back(c);
    }
    std::vector<std::string> provinces;
    for (const auto& entry : cells) provinces.push_back(entry.first);
    sort_vietnamese(provinces);
    std::size_t index = 0;
    for (const auto& province : provinces) {
        const auto& by_rule = cells[province];
        Data row, row_cells = list();
        row.set("name", province);
        ++index;
        for (const auto& rule : rules) {
            Data c;
            auto it = by_rule.find(rule);
            if (it != by_rule.end()) {
                std::string base = fmt::format("cells/{}/{}-{}", scope.key(), index, file_name_part(rule));
                write_cell(site, scope, base, province, rule, it->second);
                c.set("count", std::to_string(it->second.size()));
                cell_severity(c, it->second, site.language());
                c.set("href", paged(base, 1));
            }
            row_cells.push_back(c);
        }
        row.set("cells", row_cells);
        rows.push_back(row);
    }
    d.set("rules", columns);
    d.set("rows", rows);
    if (!rules.empty()) d.set("has_matrix", true);
    return d;
}

Data count_row(const std::string& name, long value, const std::string& href = "") {
    Data row;
    row.set("name", name);
    row.set("value", std::to_string(value));
    if (!href.empty() && value > 0) row.set("href", href);
    return row;
}

void write_overview(Site& site, const Scope& scope, std::size_t chain_documents) {
    Language l = site.language();
    std::vector<const StoredDocument*> docs;
    long unreadable = 0, pages = 0, ocr_pages = 0, unaudited = 0;
    std::map<std::string, long> by_severity;
    for (const auto& d : site.listed()) {
        if (!d.error.empty()) {
            unreadable += scope.year ? 0 : 1;
            continue;
        }
        if (!scope.holds(d)) continue;
        docs.push_back(&d);
        pages += d.text_pages + d.ocr_pages;
        ocr_pages += d.ocr_pages;
        if (d.reference.is_object() && d.reference.contains("not_audited")) ++unaudited;
        for (const auto& f : d.findings) ++by_severity[to_string(f.severity)];
    }
    Data counts = list();
    counts.push_back(count_row(word("documents", l), static_cast<long>(docs.size()), paged("list/" + scope.key(), 1)));
    counts.push_back(count_row(word("pages_read", l), pages));
    counts.push_back(count_row(word("ocr_pages", l), ocr_pages));
    if (!scope.year) counts.push_back(count_row(word("unreadable", l), unreadable, paged("unreadable", 1)));
    if (!scope.year) counts.push_back(count_row(word("chain_documents", l), static_cast<long>(chain_documents), paged("chain", 1)));
    // Never a silent pass: documents about the Week that no instruction was compared with.
    counts.push_back(count_row(word("not_audited", l), unaudited));
    for (const char* s : {"error", "warning", "info"}) counts.push_back(count_row(word(std::string("findings_") + s, l), by_severity[s]));
    Data overview = matrix(site, scope, docs);
    overview.set("counts", counts);
    Data d = site.page(scope.overview(), word("overview", l, {{"scope", scope_name(scope, l)}}), &scope);
    d.set("overview", overview);
    site.write(scope.overview(), d);
    write_document_list(site, scope, docs);
}

void write_unreadable(Site& site) {
    Language l = site.language();
    std::vector<Data> rows;
    for (const auto& d : site.listed()) {
        if (d.error.empty()) continue;
        Data row, cells = list();
        cells.push_back(cell(d.path));
        cells.push_back(cell(shown_reason(d.error).in(l)));
        row.set("cells", cells);
        rows.push_back(row);
    }
    site.write_table("unreadable", word("unreadable", l), nullptr, {word("file", l), word("reason", l)}, rows);
}

void write_rules(Site& site) {
    std::set<std::string> ids;
    for (const auto& d : site.listed())
        for (const auto& f : d.findings) ids.insert(f.rule);
    Data d = site.page("rules.html", message("report.rules").in(site.language()), nullptr);
    d.set("rules_docs", rule_pages(ids, site.language()));
    site.write("rules.html", d);
}

// chain-N.html: the archive's chains of instructions (app/site_chain.h), a link
// the rules found departing from its parent or miscited marked.
std::size_t write_chain(Site& site, const MemoryLibrary& library) {
    Language l = site.language();
    std::vector<Data> rows;
    for (const auto& c : chain_rows(library, site.listed())) {
        Data row, cells = list();
        cells.push_back(cell(c.file, document_page(c.id)));
        for (const auto& text : {c.number, c.date, c.week, c.theme}) cells.push_back(cell(text));
        row.set("cells", cells);
        row.set("class", "depth-" + std::to_string(std::min<std::size_t>(c.depth, 6)) + (c.departs ? " departs" : ""));
        rows.push_back(row);
    }
    std::vector<std::string> head{word("file", l), message("report.field.number").in(l), message("report.field.date").in(l),
                                  message("report.field.week").in(l), message("report.field.theme").in(l)};
    site.write_table("chain", word("chain", l), nullptr, head, rows);
    return rows.size();
}

}  // namespace

SiteWritten build_site(Archive& archive, const SiteOptions& options) {
    Site site(options, archive.listing());
    site.write_file("style.css", std::string(report_asset("report/html/style.css")));
    MemoryLibrary library = archive_library(archive);
    std::size_t in_chains = write_chain(site, library);
    for (const auto& scope : site.scopes()) write_overview(site, scope, in_chains);
    write_unreadable(site);
    write_rules(site);
    write_document_pages(archive, site.listed(), options, library,
                         [&](const std::string& file, const std::string& html) { site.write_file(file, html); });
    SiteWritten written;
    for (const auto& d : site.listed()) ++(d.error.empty() ? written.documents : written.unreadable);
    written.files = site.files();
    return written;
}

}  // namespace congvan
