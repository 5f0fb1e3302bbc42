// The scan database: one row a document (fields, the Ministry record used, timings
// or the error), one row a finding. SQLite in WAL mode, or a PostgreSQL server that
// many workers share (store/sql.h); every document is written in one transaction,
// so a killed scan loses only what was in flight.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "reading/document.h"
#include "rules/finding.h"
#include "sql.h"

namespace congvan {

// A page's text as it was read (its text layer, or OCR), kept so that an archive
// is searched without being OCR'd again.
struct StoredPageText {
    int page = 0;
    std::string source;  // text or ocr
    std::string text;    // its lines, one per line
};

struct StoredDocument {
    long long id = 0;  // the row's; 0 before it is stored
    std::string path, sha256, kind;
    long long size = 0;
    int text_pages = 0, ocr_pages = 0;
    std::string doc_type, province, number;
    std::optional<int> year;
    nlohmann::ordered_json fields;     // the extract record
    nlohmann::ordered_json reference;  // the Ministry record used, or null
    std::optional<int> reference_year;
    std::vector<Finding> findings;
    std::string error;  // set when the document could not be processed
    double seconds = 0;
    std::string record;                 // the whole record (store/stored_record.h), for re-checking
    std::string record_header;          // its header alone (encode_record_header), for the chain pass; may be empty
    std::string checked_with;           // the check fingerprint its findings were made with
    std::string worker;                 // the scan that read it (ScanOptions::worker)
    std::string version;                // the congvan that read it (as read back; store() is told it)
    std::string scanned_at;             // UTC "YYYY-MM-DD HH:MM:SS"; empty when storing: now
    std::vector<StoredPageText> pages;  // empty when only re-checked: the stored text stays
    nlohmann::ordered_json chain;       // its place in the chain (report/chain_json.h), null until compared
};

// What of a stored row is read besides its columns of one value: a pass over the
// whole archive reads only what it needs (the chain pass neither the extract
// record, the largest, nor the pages' text).
struct RowParts {
    bool pages = true;     // each page's text
    bool fields = true;    // the extract record
    bool findings = true;  // its findings
    // `record` holds the record's header where one is stored (decode_record_header
    // reads either): what the chain pass reads of a document.
    bool header_only = false;
};
inline constexpr RowParts kWithoutPages{false, true, true};

class Archive {
public:
    enum class Access { ReadWrite, ReadOnly };
    // Opens or creates the database (a SQLite file, or a postgresql:// URI); throws
    // std::runtime_error naming it.
    // ReadOnly (export, summary) never creates nor changes it, and refuses a file
    // that is not a congvan scan database of this schema.
    explicit Archive(const std::string& path, Access access = Access::ReadWrite);
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    // What an earlier run recorded for this content: an error, and the severities
    // of its findings. Empty when it was not processed by this version.
    struct Outcome {
        bool error = false;
        std::vector<std::string> severities;
        bool stored_at_path = false;  // this path has the row; else only another path with the same bytes
        std::string checked_with;     // the check fingerprint of its findings
        bool recheckable = false;     // the whole record is stored: the rules can run again without the file
    };
    std::optional<Outcome> outcome(const std::string& sha256, const std::string& version, const std::string& path = "");
    // Stores for `path` a copy of the row another path holds for the same content:
    // the same bytes under a second name are read once and stored under both.
    void store_copy(const std::string& sha256, const std::string& version, const std::string& path);
    // Counts one more stop against this content and returns how many there have been
    // since it was last stored (an older congvan counted every start). Thread-safe.
    int begin_attempt(const std::string& sha256, const std::string& version);
    // The stops counted against this content. A scan no longer counts its own starts:
    // each document runs in its own process, whose death is stored as that
    // document's error at once, so a scan killed from outside (preemption, the OOM
    // killer, a full disk, kill -9) is never the documents' fault.
    int stops_against(const std::string& sha256, const std::string& version);
    // Writes the document and its findings in one transaction (replacing an older
    // row for the same content, version and path). Thread-safe.
    void store(const StoredDocument& doc, const std::string& version);

    // Whether this path has a row (of any content).
    bool holds(const std::string& path);
    // Drops the rows of what could not be read (no content) at or under this path:
    // a scan of it finds them again, or finds them readable now.
    void forget_unreadable_under(const std::string& path);

    std::vector<StoredDocument> documents();  // ordered by path
    // Each row, whole, with its findings (and its pages' text), ordered by path, read
    // a few dozen at a time whatever the archive's size (merge copies an archive this
    // way, export writes it). `visit` runs outside the archive's lock.
    void each_document(const std::function<void(StoredDocument&)>& visit, RowParts parts = {});
    // When the row this path holds was scanned (StoredDocument::scanned_at); empty
    // when it holds none.
    std::string scanned_at(const std::string& path);
    // Every row, ordered by path, without its fields, record, reference or text, and
    // its findings without values or evidence: what an overview counts and lists.
    std::vector<StoredDocument> listing();
    // One row, whole, with its findings; empty when there is no row of that id.
    std::optional<StoredDocument> row(long long id);
    // The row this path holds for this content, without its findings.
    std::optional<StoredDocument> stored_row(const std::string& sha256, const std::string& version, const std::string& path);

    // Pages whose text holds every word of `words` (accents optional: "hoc tap"
    // finds "học tập"), best first.
    struct SearchHit {
        std::string path;
        int page = 0;
        std::string snippet;  // the words in context, marked [like this]
    };
    std::vector<SearchHit> search(const std::string& words, int limit);

    // Documents and findings counted by province, year or rule (with severity).
    struct Count {
        std::string key;
        long documents = 0, errors = 0, warnings = 0, infos = 0;
    };
    std::vector<Count> counts_by(const std::string& dimension);
    // The chain's links as the last comparison stored them: citations, those naming a
    // document of the archive, and the findings of `rules` (the rules that compare
    // documents: the links found broken). Empty for an archive of an older schema.
    struct LinkCounts {
        long citations = 0, resolved = 0, broken = 0;
    };
    std::optional<LinkCounts> link_counts(const std::vector<std::string>& rules);
    // Claims this path for `worker` for `lease_seconds`: true when no other worker
    // holds a lease on it that has not run out. Workers sharing a scan read a
    // document only while they hold its claim; storing it ends the claim.
    bool claim(const std::string& path, const std::string& worker, double lease_seconds);
    // Renews every claim `worker` holds by `lease_seconds` from now (a live worker's
    // heartbeat), and gives them all up.
    void renew_claims(const std::string& worker, double lease_seconds);
    void release_claims(const std::string& worker);
    void release_claim(const std::string& path, const std::string& worker);
    // The workers that hold claims now (whose leases may have run out or not).
    std::vector<std::string> claim_holders();
    // The queue of paths one walk found, which scans on many machines take from
    // instead of each walking the tree (docs/scan.md, "A queue for many workers").
    // Adds the paths not queued already; returns how many were added.
    std::size_t enqueue(const std::vector<std::string>& paths);
    // Takes up to `count` waiting paths (never taken, or taken by a worker whose
    // lease ran out) for `worker` under a lease (renew_claims renews it), in path
    // order; two workers never take one path (FOR UPDATE SKIP LOCKED on PostgreSQL,
    // one writer at a time on SQLite). Empty when none waits.
    std::vector<std::string> take_from_queue(const std::string& worker, std::size_t count, double lease_seconds);
    // A taken path done with (stored, or found stored): out of the queue.
    void leave_queue(const std::string& path);
    // Paths in the queue, taken or not.
    long queued();
    // The database's clock, in scanned_at's form: when a scan began, by the clock all
    // the scans sharing the database agree on.
    std::string clock();
    // The content this path was stored with by another worker after `since`
    // (read in this very pass, so not to be read again), if any.
    std::optional<std::string> stored_by_another_since(const std::string& path, const std::string& worker, const std::string& since);

    // What comparing the archive's documents (app/chain.h) changed for one of them:
    // its findings of the rules that compare documents, and its place in the chain
    // (the `chain` column, with a link a citation), and its chain keys where the
    // pass computed them (rules/library.h chain_keys).
    struct ChainChange {
        long long document_id = 0;
        std::optional<std::vector<Finding>> findings;     // when they changed
        std::optional<std::string> chain;                 // when it changed: its JSON, as stored
        std::vector<std::optional<long long>> cited_ids;  // with it: each citation's document, if any
        std::optional<std::vector<std::string>> keys;     // when the document was stored since the last pass
        std::string own_key;                              // with them: the key of its own number, if any
    };
    // Whether a readable document has no place in the chain stored (stored since the
    // archive was last compared: by a merge, a scan with --no-chain, an older schema).
    bool holds_unplaced();

    // What a scan's chain pass must compare (docs/chain.md, "In a scan's archive"):
    // nothing (the archive was compared as it is, by this version); only what
    // changed since (documents stored since, which have no place yet, and the keys
    // of those forgotten); or the whole archive (never compared by this version, or
    // a whole comparison began and did not end).
    enum class ChainWork { None, Changes, Whole };
    ChainWork chain_work(const std::string& version);
    // A pass begins by writing its token: a pass that began earlier and has not
    // yet stored its changes then stores nothing (this one sees all it saw).
    void begin_comparing(const std::string& token, const std::string& version, ChainWork work);
    // A row's place in the archive's order (by path, sha256, id: each_document's).
    struct RowPlace {
        long long id = 0;
        std::string path, sha256;
        bool operator<(const RowPlace& o) const { return std::tie(path, sha256, id) < std::tie(o.path, o.sha256, o.id); }
    };
    // What changed since the last pass: the readable documents without a place, and
    // the keys of the documents forgotten (up to the row `forgotten_up_to`).
    struct ChainDelta {
        std::vector<RowPlace> unplaced;
        std::vector<std::string> forgotten_keys;
        long long forgotten_up_to = 0;
    };
    // `unplaced`: read them (a pass of the whole archive places every document, and
    // need not hold their list).
    ChainDelta chain_delta(bool unplaced = true);
    // The documents holding any of these keys, in the archive's order; the keys of
    // these documents.
    std::vector<RowPlace> documents_keyed(const std::vector<std::string>& keys);
    std::vector<std::string> keys_of(const std::vector<RowPlace>& rows);
    // The documents holding `key` (only those it is the own number's of, when
    // `numbered`), by row, a few dozen at a time (never their pages): a key's
    // documents however many, without holding them.
    void each_document_keyed(const std::string& key, bool numbered, const std::function<void(StoredDocument&)>& visit, RowParts parts);
    // These rows, in the order given, a few dozen at a time (never their pages); a
    // row forgotten since is skipped.
    void each_document_of(const std::vector<RowPlace>& rows, const std::function<void(StoredDocument&)>& visit,
                          RowParts parts = kWithoutPages);
    // Writes them in one transaction, if the pass named `token` is still the last
    // begun (else nothing, and returns false); `rules` are the rules whose findings
    // are replaced. A pass writes its changes a few hundred at a time, so that it
    // need not hold them all; its last write (`ending`: the last forgotten row it
    // read) takes the forgotten keys it saw and marks the whole compared by its
    // version. Only the last write may place the documents stored since (their
    // having no place is what tells a later pass to compare what they reach).
    bool store_chain_changes(const std::string& token, const std::vector<std::string>& rules, const std::vector<ChainChange>& changes,
                             std::optional<long long> ending);

    // The database's own connection, for tests that need to break it.
    SqlConnection& connection() { return *db_; }

private:
    void bring_sqlite_up_to_date();
    void refuse_if_damaged();
    void create_postgres_schema();
    void forget_path(const std::string& sha256, const std::string& path);
    void store_text(const StoredDocument& doc);
    void forget_text(const std::string& sha256);
    void insert_findings(long long document_id, const std::vector<Finding>& findings);
    void fold_texts_from(const std::string& table);
    // The condition on `texts` that picks the pages of the content bound to ?1
    // (docs/performance.md, "The pages' text by content").
    std::string pages_of_content() const;
    void index_text_rows();
    void upgrade_postgres_texts();
    void move_places_out();
    void add_own_key_column();
    void each_page(const std::string& condition, const std::string& key, const std::function<void(StoredDocument&)>& visit, RowParts parts);
    [[noreturn]] void rollback_after(const std::exception& e);
    void transaction(const std::function<void()>& work);  // BEGIN … COMMIT, done again on a connection made again
    void check_readable();
    void exec(const std::string& sql);
    long long check_schema_version();
    long long read_schema_ = 0;  // a read-only archive of an older schema (7 to 11); 0: this one
    // What a read-only archive of an older schema lacks (all is there in this one's):
    // the chain's columns and tables (before 9), the findings' order (before 10),
    // the records' headers and chain_places (before 11).
    bool has_chain() const { return read_schema_ == 0 || read_schema_ >= 9; }
    bool has_finding_order() const { return read_schema_ == 0 || read_schema_ >= 10; }
    bool has_record_headers() const { return read_schema_ == 0 || read_schema_ >= 11; }  // and the places in the chain, a table
    std::string document_columns(RowParts parts) const;
    std::string findings_of_document() const;
    std::string now_sql() const;       // the database's clock, seconds since 1970
    std::string now_text_sql() const;  // and as scanned_at's text
    std::unique_ptr<SqlConnection> db_;
    // row()'s statements, prepared once: a site reads every document by its id, and
    // preparing them each time cost 6 % of `report --no-pages`. Declared after db_,
    // so finalised before it closes.
    std::unique_ptr<Statement> row_select_, row_findings_;
    std::mutex mutex_;
    std::string path_;
    bool text_rows_ = false;  // SQLite: the index of texts' rows by content is kept
};

// The schema, for the README and for `sqlite3`; its version is PRAGMA user_version
// (in PostgreSQL, the table congvan_schema).
extern const char* const kArchiveSchema;
extern const int kSchemaVersion;
// The same schema in PostgreSQL's words: one definition for both databases.
std::string postgres_schema();

}  // namespace congvan
