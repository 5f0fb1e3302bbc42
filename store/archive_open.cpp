// Opening a scan database (store/archive.h): its schema made, checked or brought up
// to date from one of congvan's earlier schemas, and a damaged file refused before
// anything is written to it.
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "archive.h"
#include "sql.h"
#include "text/normalize.h"

namespace congvan {

// A database of another schema is refused before anything about it changes; one of
// congvan's own earlier SQLite schemas is brought up to date.
void Archive::bring_sqlite_up_to_date() {
    refuse_if_damaged();
    long long found = check_schema_version();
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");  // with WAL: a committed document survives a killed process
    exec("PRAGMA foreign_keys=ON");
    // Schema 1 → 2: findings say whether they rest on an uncertain reading.
    if (found == 1) exec("ALTER TABLE findings ADD COLUMN uncertain_reading INTEGER NOT NULL DEFAULT 0");
    // 2 → 3: documents keep their whole record and what they were checked with;
    // older rows have neither, so a changed check reads their file again.
    // findings keep the whole evidence and the Ministry fact's confidence.
    if (found == 1 || found == 2)
        for (const char* column :
             {"documents ADD COLUMN record TEXT", "documents ADD COLUMN checked_with TEXT", "findings ADD COLUMN bbox TEXT",
              "findings ADD COLUMN source_line INTEGER", "findings ADD COLUMN source_column INTEGER",
              "findings ADD COLUMN evidence_confidence REAL", "findings ADD COLUMN reference_confidence TEXT"})
            exec((std::string("ALTER TABLE ") + column).c_str());
    // 4 → 5: typed expected and found values, and the doubts that make a finding
    // inconclusive (older rows have neither: their message carries its notes).
    if (found >= 1 && found <= 4)
        for (const char* column : {"expected_kind TEXT", "found_kind TEXT", "doubts TEXT", "read_confidence REAL"})
            exec((std::string("ALTER TABLE findings ADD COLUMN ") + column).c_str());
    // 5 → 6: a finding's mechanical correction.
    if (found >= 1 && found <= 5)
        for (const char* column : {"fix_replace TEXT", "fix_with TEXT"})
            exec((std::string("ALTER TABLE findings ADD COLUMN ") + column).c_str());
    // 6 → 7: the scan that read each document.
    if (found >= 1 && found <= 6) exec("ALTER TABLE documents ADD COLUMN worker TEXT");
    // 8 → 9: a finding kept whole (its data), the columns kept for SQL (a
    // document's place in the chain and the links: tables, made by the schema below).
    if (found >= 1 && found <= 8) exec("ALTER TABLE findings ADD COLUMN data TEXT");
    // 7 → 8: the pages' text is searched in a folded copy (đ = d): the index is
    // made again from the text kept.
    bool refold = found >= 4 && found <= 7;
    // 11 → 12: which of a document's chain keys is its own number's (the pass reads
    // a key's numbered documents alone); compared whole once more to mark them.
    if (found >= 10 && found <= 11) add_own_key_column();
    if (refold) exec("ALTER TABLE texts RENAME TO texts_unfolded");
    // 3 → 4: the pages' text, and 6 → 7: the claims of workers sharing a scan
    // (tables of their own, made by the schema below).
    exec(kArchiveSchema);
    if (refold) {
        fold_texts_from("texts_unfolded");
        exec("DROP TABLE texts_unfolded");
    }
    index_text_rows();
    // 9 → 10: the chain's keys (tables of their own); the archive is compared whole
    // once more to fill them. Findings keep the order they were written in.
    if (found >= 1 && found <= 11) exec("DELETE FROM chain_state");
    if (found >= 1 && found <= 9) {
        Statement has(*db_, "SELECT 1 FROM pragma_table_info('findings') WHERE name = 'ordinal'");
        if (!has.step()) exec("ALTER TABLE findings ADD COLUMN ordinal INTEGER");
    }
    // 10 → 11: the records' headers (a table of its own, made by the schema above);
    // a row stored before has none, and the chain pass reads its whole record. A
    // document's place moves to a table of its own: written in the row, it rewrote
    // the row's long texts with it.
    if (found == 9 || found == 10) move_places_out();
    // Only a change is written: an archive of this schema is left as it was until a
    // document is stored.
    if (db_->schema_version() != kSchemaVersion) db_->set_schema_version(kSchemaVersion);
}

// Schema 10 and 11's chain keys did not say which is a document's own: all read as
// citations until the next pass of the whole archive marks them.
void Archive::add_own_key_column() {
    if (db_->dialect() == SqlDialect::Postgres) {
        exec("ALTER TABLE chain_keys ADD COLUMN IF NOT EXISTS own BIGINT NOT NULL DEFAULT 0");
        return;
    }
    Statement has(*db_, "SELECT 1 FROM pragma_table_info('chain_keys') WHERE name = 'own'");
    if (!has.step()) exec("ALTER TABLE chain_keys ADD COLUMN own INTEGER NOT NULL DEFAULT 0");
}

// Schema 9 and 10 kept a document's place in the chain in its row: into
// chain_places (made by the schema), the column dropped.
void Archive::move_places_out() {
    exec("INSERT INTO chain_places (document_id, chain) SELECT id, chain FROM documents WHERE chain IS NOT NULL");
    exec("ALTER TABLE documents DROP COLUMN chain");
}

// A damaged file (a disk error, a copy cut short, bytes overwritten) is refused
// before anything is written to it: a write into a damaged b-tree can make it lose
// more, and the archivist's recovery (sqlite3's .recover) needs the file as it was.
// quick_check reads every page once (docs/performance.md has its cost).
void Archive::refuse_if_damaged() {
    std::string why;
    try {
        Statement check(*db_, "PRAGMA quick_check(3)");
        while (check.step()) {
            std::string line = check.text(0);
            if (line == "ok") return;
            why += (why.empty() ? "" : "; ") + line;
        }
    } catch (const std::exception& e) {
        why = e.what();  // the schema's own page is damaged: the check cannot start
    }
    // An error is one line: quick_check's report may span several ("*** in database main ***\nPage 20: …").
    for (auto nl = why.find('\n'); nl != std::string::npos; nl = why.find('\n', nl)) why.replace(nl, 1, "; ");
    throw std::runtime_error("damaged database (" + why + "): recover it with sqlite3's .recover, or scan into a new --db");
}

// FTS5 cannot index a column it does not search, so finding a content's pages by
// sha256 in `texts` reads every page of the archive: storing N documents cost N²
// (docs/performance.md). SQLite's archive keeps which rows of texts hold each
// content's pages in text_rows, indexed; an archive made before it has them listed
// once, when it is first opened for writing. PostgreSQL's texts is a plain table
// with an index on sha256.
void Archive::index_text_rows() {
    bool made_before = db_->has_table("text_rows");
    exec(
        "CREATE TABLE IF NOT EXISTS text_rows (sha256 TEXT NOT NULL, row INTEGER NOT NULL);"
        "CREATE INDEX IF NOT EXISTS text_rows_by_content ON text_rows (sha256);");
    if (!made_before) exec("INSERT INTO text_rows (sha256, row) SELECT sha256, rowid FROM texts");
    text_rows_ = true;
}

std::string Archive::pages_of_content() const {
    // An archive opened only to read that was written before text_rows is read the slow way.
    return text_rows_ ? "rowid IN (SELECT row FROM text_rows WHERE sha256 = ?1)" : "sha256 = ?1";
}

// The pages' text of an older table, each with its folded copy, into texts.
void Archive::fold_texts_from(const std::string& table) {
    Statement read(*db_, ("SELECT sha256, page, source, text FROM " + table).c_str());
    Statement insert(*db_, "INSERT INTO texts (sha256, page, source, text, folded) VALUES (?1, ?2, ?3, ?4, ?5)");
    while (read.step()) {
        std::string text = read.text(3);
        insert.bind(1, read.text(0)).bind(2, read.integer(1)).bind(3, read.text(2)).bind(4, text).bind(5, fold_string(text)).step();
        insert.reset();
    }
}

// A PostgreSQL database is congvan's from schema 7 on: made here when empty, used
// when of this schema, refused otherwise. Workers starting together on one empty
// database make it once: the first takes the lock, the others then find it made.
void Archive::create_postgres_schema() {
    db_->begin();
    try {
        exec("SELECT pg_advisory_xact_lock(7414055)");  // congvan's schema lock, held to COMMIT
        if (db_->is_empty()) {
            exec(postgres_schema());
            db_->set_schema_version(kSchemaVersion);
        } else {
            check_schema_version();
            if (db_->schema_version() == 7) upgrade_postgres_texts();
            if (db_->schema_version() == 8) {
                exec("ALTER TABLE findings ADD COLUMN IF NOT EXISTS data TEXT");  // a finding kept whole
                exec("ALTER TABLE documents ADD COLUMN IF NOT EXISTS chain TEXT");
                exec(postgres_schema());  // and the tables schema 9 adds
                db_->set_schema_version(9);
            }
            if (db_->schema_version() == 9) {
                exec(postgres_schema());  // the chain's keys: compared whole once more to fill them
                exec("DELETE FROM chain_state");
                exec("ALTER TABLE findings ADD COLUMN IF NOT EXISTS ordinal BIGINT");
                db_->set_schema_version(10);
            }
            if (db_->schema_version() == 10) {
                add_own_key_column();     // before the schema makes its index
                exec(postgres_schema());  // the records' headers: rows stored before have none
                move_places_out();
                db_->set_schema_version(11);
            } else if (db_->schema_version() == 11) {
                add_own_key_column();
            }
            if (db_->schema_version() == 11) {
                exec(postgres_schema());          // the index of the keys of documents' own numbers
                exec("DELETE FROM chain_state");  // compared whole once more to mark them
                db_->set_schema_version(kSchemaVersion);
            }
            if (db_->schema_version() != kSchemaVersion)
                throw std::runtime_error("database schema " + std::to_string(db_->schema_version()) + ", this congvan writes schema " +
                                         std::to_string(kSchemaVersion) +
                                         " (a PostgreSQL database is brought up to date from schema 7 on): use a new database");
        }
        exec("COMMIT");
    } catch (const std::exception&) {
        if (db_->in_transaction()) exec("ROLLBACK");
        throw;
    }
}

// Schema 7 → 8 on PostgreSQL: the pages' text gains its folded copy, for search.
void Archive::upgrade_postgres_texts() {
    exec("ALTER TABLE texts ADD COLUMN IF NOT EXISTS folded TEXT");
    std::vector<std::tuple<std::string, long long, std::string>> rows;
    {
        Statement read(*db_, "SELECT sha256, page, text FROM texts WHERE folded IS NULL");
        while (read.step()) rows.emplace_back(read.text(0), read.integer(1), read.text(2));
    }
    Statement update(*db_, "UPDATE texts SET folded = ?1 WHERE sha256 = ?2 AND page = ?3");
    for (const auto& [sha256, page, text] : rows) {
        update.bind(1, fold_string(text)).bind(2, sha256).bind(3, page).step();
        update.reset();
    }
    db_->set_schema_version(8);
}

// For reading only: a database `congvan scan` wrote with this schema, or nothing.
void Archive::check_readable() {
    std::string why;
    try {
        long long found = db_->schema_version();
        if (!db_->has_table("documents") || found == 0) why = "not a congvan scan database";
        // Schema 8 lacks the findings' data (read from their columns) and the chain's
        // columns and tables (export places documents in the archive as it is), 7
        // also the pages' folded copy: everything but search reads them. 9 lacks only
        // the chain's keys, which only a scan's chain pass reads, and the findings'
        // order (those of one page, line and rule read in the order stored); 10 the
        // records' headers (a chain pass reads the whole records); 11 which chain key
        // is a document's own (a scan's chain pass alone reads it).
        else if (found >= 7 && found <= 11) read_schema_ = found;
        else if (found < kSchemaVersion)
            why = "a scan database of schema " + std::to_string(found) + ": run congvan scan on it once to bring it up to date";
        else if (found > kSchemaVersion) why = "a scan database of schema " + std::to_string(found) + ", newer than this congvan reads";
    } catch (const std::exception&) {
        why = "not a congvan scan database";  // not SQLite at all
    }
    if (!why.empty()) {
        db_.reset();
        throw std::runtime_error(path_ + ": " + why);
    }
    text_rows_ = db_->dialect() == SqlDialect::Sqlite && db_->has_table("text_rows");
}

// A database written by another schema is refused rather than half-understood.
// Returns the version found.
long long Archive::check_schema_version() {
    if (db_->is_empty()) return kSchemaVersion;
    long long found = db_->schema_version();
    if (found < 1 || found > kSchemaVersion)
        throw std::runtime_error("database schema " + std::to_string(found) + ", this congvan writes schema " +
                                 std::to_string(kSchemaVersion) + ": scan into a new --db");
    return found;
}

}  // namespace congvan
