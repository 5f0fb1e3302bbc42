#include "archive.h"

#include <stdexcept>

#include "sql.h"
#include "text/normalize.h"

namespace congvan {

Archive::Archive(const std::string& location, Access access) : path_(location_for_messages(location)) {
    try {
        db_ = is_postgres_location(location) ? open_postgres(location) : open_sqlite(location, access == Access::ReadOnly);
    } catch (const std::exception& e) {
        throw std::runtime_error(path_ + ": " + e.what());
    }
    if (access == Access::ReadOnly) {
        check_readable();
        return;
    }
    try {
        if (db_->dialect() == SqlDialect::Postgres) create_postgres_schema();
        else bring_sqlite_up_to_date();
    } catch (const std::exception& e) {
        db_.reset();
        throw std::runtime_error(path_ + ": " + e.what());
    }
}

Archive::~Archive() = default;

// SQLite has already rolled back after some errors (a full disk): rolling back again
// would replace the reason with "no transaction is active". The reason is what the
// user needs, with the database named.
void Archive::rollback_after(const std::exception& e) {
    if (db_->in_transaction()) {
        try {
            exec("ROLLBACK");
        } catch (const std::exception&) {}
    }
    throw std::runtime_error(path_ + ": cannot store a document: " + e.what());
}

void Archive::exec(const std::string& sql) { db_->exec(sql); }

// A PostgreSQL server that restarted under a scan loses the transaction in flight:
// the connection is made again and the transaction done again, once, so that a
// long unattended scan outlives the server's restart.
void Archive::transaction(const std::function<void()>& work) {
    for (bool again = false;; again = true) {
        try {
            db_->begin();
            work();
            exec("COMMIT");
            return;
        } catch (const std::exception& e) {
            if (!again && db_->reconnected()) continue;
            rollback_after(e);
        }
    }
}

std::optional<Archive::Outcome> Archive::outcome(const std::string& sha256, const std::string& version, const std::string& path) {
    std::lock_guard lock(mutex_);
    Statement doc(*db_,
                  "SELECT id, error, CASE WHEN path = ?3 THEN 1 ELSE 0 END, checked_with, "
                  "CASE WHEN record IS NULL THEN 0 ELSE 1 END FROM documents "
                  "WHERE sha256 = ?1 AND congvan_version = ?2 ORDER BY CASE WHEN path = ?3 THEN 0 ELSE 1 END LIMIT 1");
    doc.bind(1, sha256).bind(2, version).bind(3, path);
    if (!doc.step()) return std::nullopt;
    Outcome outcome;
    outcome.error = !doc.is_null(1);
    outcome.stored_at_path = doc.integer(2) != 0;
    outcome.checked_with = doc.text(3);
    outcome.recheckable = doc.integer(4) != 0;
    Statement findings(*db_, "SELECT severity FROM findings WHERE document_id = ?1");
    findings.bind(1, doc.integer(0));
    while (findings.step()) outcome.severities.push_back(findings.text(0));
    return outcome;
}

int Archive::begin_attempt(const std::string& sha256, const std::string& version) {
    std::lock_guard lock(mutex_);
    Statement(*db_,
              "INSERT INTO attempts (sha256, congvan_version, starts) VALUES (?1, ?2, 1) "
              "ON CONFLICT (sha256, congvan_version) DO UPDATE SET starts = attempts.starts + 1")
        .bind(1, sha256)
        .bind(2, version)
        .step();
    Statement count(*db_, "SELECT starts FROM attempts WHERE sha256 = ?1 AND congvan_version = ?2");
    count.bind(1, sha256).bind(2, version);
    return count.step() ? static_cast<int>(count.integer(0)) : 1;
}

int Archive::stops_against(const std::string& sha256, const std::string& version) {
    std::lock_guard lock(mutex_);
    Statement count(*db_, "SELECT starts FROM attempts WHERE sha256 = ?1 AND congvan_version = ?2");
    count.bind(1, sha256).bind(2, version);
    return count.step() ? static_cast<int>(count.integer(0)) : 0;
}

void Archive::store_copy(const std::string& sha256, const std::string& version, const std::string& path) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        Statement(*db_, "DELETE FROM claims WHERE path = ?1").bind(1, path).step();
        forget_path(sha256, path);
        Statement copy(*db_,
                       "INSERT INTO documents (path, sha256, size, kind, text_pages, ocr_pages, doc_type, province, year, number, "
                       "fields, reference, reference_year, error, seconds, record, checked_with, congvan_version, worker) "
                       "SELECT ?3, sha256, size, kind, text_pages, ocr_pages, doc_type, province, year, number, fields, reference, "
                       "reference_year, error, 0, record, checked_with, congvan_version, worker FROM documents WHERE sha256 = ?1 AND "
                       "congvan_version = ?2 "
                       "LIMIT 1 RETURNING id");
        copy.bind(1, sha256).bind(2, version).bind(3, path);
        if (!copy.step()) throw std::runtime_error("no row to copy");
        long long id = copy.integer(0);
        while (copy.step()) {}
        // The header and findings of a row of the same content, under the copy's id.
        const std::string same = "(SELECT id FROM documents WHERE sha256 = ?1 AND congvan_version = ?2 AND path != ?4 LIMIT 1)";
        for (const std::string& sql :
             {"INSERT INTO record_headers (document_id, header) SELECT ?3, header FROM record_headers WHERE document_id = " + same,
              "INSERT INTO findings (document_id, rule, severity, message, message_en, expected, found, page, line, "
              "evidence, uncertain_reading, bbox, source_line, source_column, evidence_confidence, reference_confidence, "
              "expected_kind, found_kind, doubts, read_confidence, fix_replace, fix_with, data, ordinal) "
              "SELECT ?3, rule, severity, message, message_en, expected, found, page, line, evidence, "
              "uncertain_reading, bbox, source_line, source_column, evidence_confidence, reference_confidence, "
              "expected_kind, found_kind, doubts, read_confidence, fix_replace, fix_with, data, ordinal "
              "FROM findings WHERE document_id = " +
                  same})
            Statement(*db_, sql).bind(1, sha256).bind(2, version).bind(3, id).bind(4, path).step();
    });
}

// Every row this path holds: for other content (the file was edited since, so
// they describe what it no longer is) and for this content read by any version (a
// path has one row, the newest, or an upgraded congvan would count it twice).
void Archive::forget_path(const std::string& sha256, const std::string& path) {
    // What the path held changes (docs/chain.md): the next chain pass compares again
    // the documents its keys reach, and places again those citing it (their links
    // name its row).
    Statement(*db_,
              "INSERT INTO chain_forgotten (key) SELECT k.key FROM chain_keys k JOIN documents d ON d.id = k.document_id "
              "WHERE d.path = ?1")
        .bind(1, path)
        .step();
    Statement(*db_,
              "DELETE FROM chain_places WHERE document_id IN (SELECT l.citing_id FROM links l JOIN documents d ON d.id = l.cited_id "
              "WHERE d.path = ?1)")
        .bind(1, path)
        .step();
    Statement forget(*db_, "DELETE FROM documents WHERE path = ?1 RETURNING sha256");
    forget.bind(1, path);
    std::vector<std::string> forgotten;
    while (forget.step()) forgotten.push_back(forget.text(0));
    // The text of content no path holds any longer goes with its last row.
    Statement held(*db_, "SELECT 1 FROM documents WHERE sha256 = ?1 LIMIT 1");
    for (const auto& old : forgotten) {
        if (old == sha256) continue;
        held.bind(1, old);
        bool still = held.step();
        held.reset();
        if (!still) forget_text(old);
    }
}

bool Archive::holds(const std::string& path) {
    std::lock_guard lock(mutex_);
    Statement s(*db_, "SELECT 1 FROM documents WHERE path = ?1 LIMIT 1");
    s.bind(1, path);
    return s.step();
}

void Archive::forget_unreadable_under(const std::string& path) {
    std::lock_guard lock(mutex_);
    std::string folder = path.empty() || path.back() == '/' ? path : path + "/";
    Statement(*db_, "DELETE FROM documents WHERE sha256 = '' AND (path = ?1 OR substr(path, 1, length(CAST(?2 AS TEXT))) = ?2)")
        .bind(1, path)
        .bind(2, folder)
        .step();
}

void Archive::forget_text(const std::string& sha256) {
    Statement(*db_, "DELETE FROM texts WHERE " + pages_of_content()).bind(1, sha256).step();
    if (text_rows_) Statement(*db_, "DELETE FROM text_rows WHERE sha256 = ?1").bind(1, sha256).step();
}

void Archive::store_text(const StoredDocument& d) {
    if (d.pages.empty()) return;  // re-checked, or unread: the stored text stands
    forget_text(d.sha256);
    Statement insert(*db_, "INSERT INTO texts (sha256, page, source, text, folded) VALUES (?1, ?2, ?3, ?4, ?5)");
    bool rows = text_rows_;
    std::optional<Statement> row;
    if (rows) row.emplace(*db_, "INSERT INTO text_rows (sha256, row) VALUES (?1, last_insert_rowid())");
    for (const auto& page : d.pages) {
        insert.bind(1, d.sha256).bind(2, static_cast<long long>(page.page)).bind(3, page.source).bind(4, page.text);
        insert.bind(5, fold_string(page.text)).step();
        insert.reset();
        if (rows) {
            row->bind(1, d.sha256).step();
            row->reset();
        }
    }
}

void Archive::store(const StoredDocument& d, const std::string& version) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        Statement(*db_, "DELETE FROM attempts WHERE sha256 = ?1 AND congvan_version = ?2").bind(1, d.sha256).bind(2, version).step();
        Statement(*db_, "DELETE FROM claims WHERE path = ?1").bind(1, d.path).step();  // stored: nobody reads it again
        forget_path(d.sha256, d.path);
        Statement insert(*db_,
                         "INSERT INTO documents (path, sha256, size, kind, text_pages, ocr_pages, doc_type, province, year, "
                         "number, fields, reference, reference_year, error, seconds, congvan_version, record, checked_with, worker, "
                         "scanned_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                         "COALESCE(?20, " +
                             now_text_sql() +
                             ")) "
                             "RETURNING id");
        insert.bind(1, d.path)
            .bind(2, d.sha256)
            .bind(3, d.size)
            .bind_or_null(4, d.kind)
            .bind(5, static_cast<long long>(d.text_pages))
            .bind(6, static_cast<long long>(d.ocr_pages))
            .bind_or_null(7, d.doc_type)
            .bind_or_null(8, d.province)
            .bind(9, d.year)
            .bind_or_null(10, d.number)
            .bind_or_null(11, d.fields.is_null() ? "" : d.fields.dump())
            .bind_or_null(12, d.reference.is_null() ? "" : d.reference.dump())
            .bind(13, d.reference_year)
            .bind_or_null(14, d.error)
            .bind(15, d.seconds)
            .bind(16, version)
            .bind_or_null(17, d.record)
            .bind_or_null(18, d.checked_with)
            .bind_or_null(19, d.worker)
            .bind_or_null(20, d.scanned_at);
        if (!insert.step()) throw std::runtime_error("no id for the new row");
        long long id = insert.integer(0);
        while (insert.step()) {}
        insert_findings(id, d.findings);
        if (!d.record_header.empty())
            Statement(*db_, "INSERT INTO record_headers (document_id, header) VALUES (?1, ?2)").bind(1, id).bind(2, d.record_header).step();
        store_text(d);
    });
}

}  // namespace congvan
