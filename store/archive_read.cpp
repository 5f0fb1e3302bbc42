// Reading the archive back: documents with their findings, one stored row, the pages'
// text search and the counts of `congvan summary`.
#include "archive.h"

#include <nlohmann/json.hpp>

#include <map>

#include "finding_columns.h"
#include "page_search.h"
#include "sql.h"

namespace congvan {

namespace {

nlohmann::ordered_json parse_or_null(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(text, nullptr, false);
}

StoredDocument row_from(const Statement& s) {
    StoredDocument d;
    d.id = s.integer(0);
    d.path = s.text(1);
    d.sha256 = s.text(2);
    d.size = s.integer(3);
    d.kind = s.text(4);
    d.text_pages = static_cast<int>(s.integer(5));
    d.ocr_pages = static_cast<int>(s.integer(6));
    d.doc_type = s.text(7);
    d.province = s.text(8);
    if (!s.is_null(9)) d.year = static_cast<int>(s.integer(9));
    d.number = s.text(10);
    d.fields = parse_or_null(s.text(11));
    d.reference = parse_or_null(s.text(12));
    if (!s.is_null(13)) d.reference_year = static_cast<int>(s.integer(13));
    d.error = s.text(14);
    d.seconds = s.real(15);
    d.record = s.text(16);
    d.checked_with = s.text(17);
    d.worker = s.text(18);
    d.version = s.text(19);
    d.scanned_at = s.text(20);
    d.chain = parse_or_null(s.text(21));
    return d;
}

// The findings of one document, read with a statement of findings_of_document.
std::vector<Finding> findings_of(Statement& f, long long id) {
    std::vector<Finding> findings;
    f.bind(1, id);
    while (f.step()) findings.push_back(finding_from(f));
    f.reset();
    return findings;
}

}  // namespace

// The findings of one document, in the order the check gave them where the archive
// keeps it, whole where it keeps them whole.
std::string Archive::findings_of_document() const {
    return "SELECT " + finding_columns(has_chain()) + " FROM findings WHERE document_id = ?1 ORDER BY page, line, rule" +
           (has_finding_order() ? ", ordinal" : "");
}

// The columns of a document row, after its id, in the order row_from reads them:
// its place in the chain from its own table (schema 11), from a column of its row
// (9 and 10) or none (older); the extract record where `parts` asks; the record's
// header, where one is stored, where `parts` asks for it alone.
std::string Archive::document_columns(RowParts parts) const {
    bool tables = has_record_headers();
    const char* chain = tables ? "(SELECT p.chain FROM chain_places p WHERE p.document_id = documents.id)" : has_chain() ? "chain" : "NULL";
    return std::string("id, path, sha256, size, kind, text_pages, ocr_pages, doc_type, province, year, number, ") +
           (parts.fields ? "fields" : "NULL") + ", reference, reference_year, error, seconds, " +
           (parts.header_only && tables ? "COALESCE((SELECT h.header FROM record_headers h WHERE h.document_id = documents.id), record)"
                                        : "record") +
           ", checked_with, worker, congvan_version, scanned_at, " + chain;
}

std::vector<StoredDocument> Archive::documents() {
    std::vector<StoredDocument> out;
    each_document([&](StoredDocument& d) { out.push_back(std::move(d)); }, kWithoutPages);
    return out;
}

// A page of rows at a time, each page after the last row of the one before (by
// path, sha256, id: a row's place in the order), so that no result set holds the
// archive: PostgreSQL sends a query's whole result at once. The rows are visited
// outside the archive's lock, so a visit may ask the archive too.
void Archive::each_document(const std::function<void(StoredDocument&)>& visit, RowParts parts) { each_page("", "", visit, parts); }

void Archive::each_document_keyed(const std::string& key, bool numbered, const std::function<void(StoredDocument&)>& visit,
                                  RowParts parts) {
    each_page(std::string("id IN (SELECT document_id FROM chain_keys WHERE key = ?4") + (numbered ? " AND own = 1" : "") + ") AND ", key,
              visit, parts);
}

// The rows meeting `condition` (ending in AND; ?4 bound to `key` where it names it).
void Archive::each_page(const std::string& condition, const std::string& key, const std::function<void(StoredDocument&)>& visit,
                        RowParts parts) {
    constexpr int kRowsAPage = 64;
    const std::string sql = "SELECT " + document_columns(parts) + " FROM documents WHERE " + condition +
                            "(path, sha256, id) > (?1, ?2, ?3) ORDER BY path, sha256, id LIMIT " + std::to_string(kRowsAPage);
    std::string path, sha256;  // the last row visited; "" is before every path
    long long id = 0;
    for (;;) {
        std::vector<StoredDocument> page;
        {
            std::lock_guard lock(mutex_);
            Statement s(*db_, sql);
            s.bind(1, path).bind(2, sha256).bind(3, id);
            if (!condition.empty()) s.bind(4, key);
            while (s.step()) page.push_back(row_from(s));
            // Prepared only for the parts asked: a chain pass reads headers alone, a
            // key's page at a time.
            if (parts.findings) {
                Statement f(*db_, findings_of_document().c_str());
                for (auto& d : page) d.findings = findings_of(f, d.id);
            }
            if (parts.pages) {
                Statement t(*db_, "SELECT page, source, text FROM texts WHERE " + pages_of_content() + " ORDER BY page");
                for (auto& d : page) {
                    t.bind(1, d.sha256);
                    while (t.step()) d.pages.push_back({static_cast<int>(t.integer(0)), t.text(1), t.text(2)});
                    t.reset();
                }
            }
        }
        if (page.empty()) return;
        path = page.back().path, sha256 = page.back().sha256, id = page.back().id;
        for (auto& d : page) visit(d);
        if (page.size() < static_cast<std::size_t>(kRowsAPage)) return;
    }
}

void Archive::each_document_of(const std::vector<RowPlace>& rows, const std::function<void(StoredDocument&)>& visit, RowParts parts) {
    constexpr std::size_t kRowsAPage = 64;
    for (std::size_t from = 0; from < rows.size(); from += kRowsAPage) {
        std::size_t n = std::min(kRowsAPage, rows.size() - from);
        std::map<long long, StoredDocument> page;
        {
            std::lock_guard lock(mutex_);
            Statement s(*db_, "SELECT " + document_columns(parts) + " FROM documents WHERE id IN (" + numbered_parameters(n) + ")");
            for (std::size_t i = 0; i < n; ++i) s.bind(static_cast<int>(i + 1), rows[from + i].id);
            while (s.step()) {
                StoredDocument d = row_from(s);
                page.emplace(d.id, std::move(d));
            }
            if (parts.findings) {
                Statement f(*db_, findings_of_document().c_str());
                for (auto& [id, d] : page) d.findings = findings_of(f, id);
            }
        }
        for (std::size_t i = from; i < from + n; ++i)  // in the order given
            if (auto it = page.find(rows[i].id); it != page.end()) visit(it->second);
    }
}

std::string Archive::scanned_at(const std::string& path) {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT scanned_at FROM documents WHERE path = ?1 ORDER BY scanned_at DESC LIMIT 1");
    s.bind(1, path);
    return s.step() ? s.text(0) : std::string();
}

std::vector<StoredDocument> Archive::listing() {
    std::lock_guard lock(mutex_);
    std::vector<StoredDocument> out;
    std::map<long long, std::size_t> index_of;
    Statement s(*db_,
                "SELECT id, path, sha256, kind, text_pages, ocr_pages, doc_type, province, year, number, error "
                "FROM documents ORDER BY path, sha256");
    while (s.step()) {
        StoredDocument d;
        d.id = s.integer(0);
        d.path = s.text(1);
        d.sha256 = s.text(2);
        d.kind = s.text(3);
        d.text_pages = static_cast<int>(s.integer(4));
        d.ocr_pages = static_cast<int>(s.integer(5));
        d.doc_type = s.text(6);
        d.province = s.text(7);
        if (!s.is_null(8)) d.year = static_cast<int>(s.integer(8));
        d.number = s.text(9);
        d.error = s.text(10);
        index_of[d.id] = out.size();
        out.push_back(std::move(d));
    }
    Statement f(*db_,
                "SELECT document_id, rule, severity, message, message_en, page, line FROM findings "
                "ORDER BY document_id, page, line, rule" +
                    std::string(has_finding_order() ? ", ordinal" : ""));
    while (f.step()) {
        auto it = index_of.find(f.integer(0));
        if (it == index_of.end()) continue;
        Finding finding;
        finding.rule = f.text(1);
        finding.severity = parse_severity(f.text(2)).value_or(Severity::Warning);
        finding.message = Text{f.text(3), f.text(4)};
        finding.evidence = Evidence{static_cast<int>(f.integer(5)), static_cast<int>(f.integer(6)), "", std::nullopt, 100, 0, 0, {}};
        out[it->second].findings.push_back(std::move(finding));
    }
    return out;
}

std::optional<StoredDocument> Archive::row(long long id) {
    std::lock_guard lock(mutex_);
    if (!row_select_) {
        row_select_ = std::make_unique<Statement>(*db_, "SELECT " + document_columns({}) + " FROM documents WHERE id = ?1");
        row_findings_ = std::make_unique<Statement>(*db_, findings_of_document());
    }
    Statement& s = *row_select_;
    s.bind(1, id);
    std::optional<StoredDocument> d;
    if (s.step()) d = row_from(s);
    s.reset();
    if (d) d->findings = findings_of(*row_findings_, id);
    return d;
}

std::optional<StoredDocument> Archive::stored_row(const std::string& sha256, const std::string& version, const std::string& path) {
    std::lock_guard lock(mutex_);
    Statement s(*db_,
                ("SELECT " + document_columns({}) + " FROM documents WHERE sha256 = ?1 AND congvan_version = ?2 AND path = ?3").c_str());
    s.bind(1, sha256).bind(2, version).bind(3, path);
    if (!s.step()) return std::nullopt;
    return row_from(s);
}

// Pages that hold every term, folded (store/page_search.h): from SQLite's
// full-text index or PostgreSQL's regular expressions, the same pages. Those that
// hold the words as typed come first, then by path and page; at most `limit`, from
// the first `kSearchPool` matches by path.
std::vector<Archive::SearchHit> Archive::search(const std::string& words, int limit) {
    constexpr int kSearchPool = 10;  // matches read per hit shown, for ranking
    if (read_schema_ == 7)
        throw std::runtime_error(path_ + ": a scan database of schema " + std::to_string(read_schema_) +
                                 ": run congvan scan on it once to search it as Vietnamese is typed (đ as d)");
    auto terms = search_terms(words);
    if (terms.empty()) return {};
    std::lock_guard lock(mutex_);
    std::string sql =
        "SELECT d.path, t.page, t.text FROM texts t JOIN (SELECT DISTINCT path, sha256 FROM documents) d "
        "ON d.sha256 = t.sha256 WHERE ";
    bool postgres = db_->dialect() == SqlDialect::Postgres;
    if (postgres)
        for (std::size_t i = 0; i < terms.size(); ++i) sql += (i ? " AND " : "") + std::string("t.folded ~ ?") + std::to_string(i + 2);
    else sql += "texts MATCH ?2";
    sql += " ORDER BY d.path, t.page LIMIT ?1";
    Statement s(*db_, sql.c_str());
    s.bind(1, static_cast<long long>(limit) * kSearchPool);
    if (postgres)
        for (std::size_t i = 0; i < terms.size(); ++i) s.bind(static_cast<int>(i) + 2, folded_pattern(terms[i]));
    else s.bind(2, fts_query(terms));
    struct Found {
        SearchHit hit;
        bool as_typed;
    };
    std::vector<Found> found;
    while (s.step()) {
        std::string text = s.text(2);
        found.push_back({{s.text(0), static_cast<int>(s.integer(1)), search_snippet(text, terms)}, holds_as_typed(text, terms)});
    }
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.as_typed > b.as_typed; });
    std::vector<SearchHit> hits;
    for (auto& f : found)
        if (static_cast<int>(hits.size()) < limit) hits.push_back(std::move(f.hit));
    return hits;
}

std::vector<Archive::Count> Archive::counts_by(const std::string& dimension) {
    // Fixed SQL per dimension: nothing from the caller reaches the query text.
    static const std::map<std::string, std::string> sql = {
        {"province",
         "SELECT COALESCE(d.province, ''), COUNT(DISTINCT d.id), "
         "SUM(CASE WHEN f.severity = 'error' THEN 1 ELSE 0 END), SUM(CASE WHEN f.severity = 'warning' THEN 1 ELSE 0 END), SUM(CASE WHEN "
         "f.severity = 'info' THEN 1 ELSE 0 END) "
         "FROM documents d LEFT JOIN findings f ON f.document_id = d.id GROUP BY 1 ORDER BY 1"},
        {"year",
         "SELECT COALESCE(CAST(d.year AS TEXT), ''), COUNT(DISTINCT d.id), "
         "SUM(CASE WHEN f.severity = 'error' THEN 1 ELSE 0 END), SUM(CASE WHEN f.severity = 'warning' THEN 1 ELSE 0 END), SUM(CASE WHEN "
         "f.severity = 'info' THEN 1 ELSE 0 END) "
         "FROM documents d LEFT JOIN findings f ON f.document_id = d.id GROUP BY 1 ORDER BY 1"},
        {"rule",
         "SELECT f.rule, COUNT(DISTINCT f.document_id), SUM(CASE WHEN f.severity = 'error' THEN 1 ELSE 0 END), SUM(CASE WHEN f.severity = "
         "'warning' THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN f.severity = 'info' THEN 1 ELSE 0 END) FROM findings f GROUP BY 1 ORDER BY 1"},
        // Documents about the Week compared with no instruction (store/scan.cpp stores why).
        {"unaudited",
         "SELECT COALESCE(CAST(d.year AS TEXT), ''), COUNT(*), 0, 0, 0 FROM documents d "
         "WHERE d.reference LIKE '%\"not_audited\"%' GROUP BY 1 ORDER BY 1"}};
    auto it = sql.find(dimension);
    if (it == sql.end()) throw std::invalid_argument("cannot count by '" + dimension + "' (province, year, rule or unaudited)");
    std::lock_guard lock(mutex_);
    std::vector<Count> out;
    Statement s(*db_, it->second.c_str());
    while (s.step()) out.push_back({s.text(0), s.integer(1), s.integer(2), s.integer(3), s.integer(4)});
    return out;
}

}  // namespace congvan
