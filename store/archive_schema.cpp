// The scan database's schema (store/archive.h): SQLite's, and PostgreSQL's made
// from it.
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "archive.h"

namespace congvan {

const int kSchemaVersion = 12;

const char* const kArchiveSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (  -- the columns of one value first: a pass reading them walks past no long text
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            INTEGER,
  kind            TEXT,               -- pdf, png, jpeg, tiff, text
  text_pages      INTEGER,            -- pages read from a text layer
  ocr_pages       INTEGER,            -- pages OCR'd
  doc_type        TEXT,               -- ke_hoach, cong_van, bao_cao, ...
  province        TEXT,
  year            INTEGER,            -- the week the document is about
  number          TEXT,
  reference_year  INTEGER,
  error           TEXT,               -- why the document could not be processed
  seconds         REAL,
  checked_with    TEXT,               -- fingerprint of the rules, Ministry records and configuration
  congvan_version TEXT NOT NULL,
  worker          TEXT,               -- the scan that read it (host:pid:random; claims below)
  scanned_at      TEXT NOT NULL DEFAULT (datetime('now')),
  reference       TEXT,               -- the Ministry record compared with (JSON)
  fields          TEXT,               -- the `congvan extract` JSON record
  record          TEXT,               -- the whole record, for re-checking without reading the file
  UNIQUE (sha256, congvan_version, path)
);
CREATE INDEX IF NOT EXISTS documents_by_content ON documents (sha256, congvan_version);
CREATE INDEX IF NOT EXISTS documents_by_path ON documents (path);
CREATE TABLE IF NOT EXISTS findings (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL,          -- info, warning, error
  message     TEXT,               -- in Vietnamese
  message_en  TEXT,
  expected    TEXT,               -- the value, canonical (ISO dates); its kind in expected_kind
  found       TEXT,
  expected_kind TEXT,             -- date, period, text… (docs/output.md)
  found_kind  TEXT,
  doubts      TEXT,               -- why the finding is inconclusive, comma-separated (docs/confidence.md)
  read_confidence REAL,           -- of the reading the finding rests on, when the rule named its field
  page        INTEGER,
  line        INTEGER,
  evidence    TEXT,
  uncertain_reading INTEGER NOT NULL DEFAULT 0, -- rests on a reading below confidence 80
  bbox        TEXT,               -- the evidence's box on its page, JSON [x0, y0, x1, y1]
  source_line INTEGER,            -- the evidence's line for editors: the text file's, or the extracted text's
  source_column INTEGER,          -- the value's column in that line (characters from 1; 0: the whole line)
  evidence_confidence REAL,       -- of the evidence line's reading (OCR), 100 for text
  reference_confidence TEXT,      -- of the Ministry fact compared with
  fix_replace TEXT,               -- a mechanical correction: in the evidence's line, this text…
  fix_with    TEXT,               -- …becomes this (null: none)
  data        TEXT,               -- the whole finding as JSON, as it is read back (rules/finding.h
                                  -- lists its members); null in rows of schema 8 and older
  ordinal     INTEGER             -- its place among the findings written with it (the check's order)
);
CREATE INDEX IF NOT EXISTS findings_by_rule ON findings (rule);
CREATE INDEX IF NOT EXISTS findings_by_document ON findings (document_id);
-- Each page's text as read (text layer or OCR), once per content, with full-text
-- search on its folded copy: lower case, no marks, đ = d ("dak lak" finds Đắk Lắk).
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(
  sha256 UNINDEXED, page UNINDEXED, source UNINDEXED, text UNINDEXED, folded,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS claims (  -- documents a worker is reading now, each while its lease runs
  path            TEXT NOT NULL PRIMARY KEY,
  worker          TEXT NOT NULL,      -- host:pid:random of the congvan scan holding it
  expires         REAL NOT NULL       -- seconds since 1970 (the database's clock) when the lease runs out
);
CREATE TABLE IF NOT EXISTS queue (  -- paths a walk found (scan --enqueue), for workers to take (scan --from-queue)
  path            TEXT NOT NULL PRIMARY KEY,
  worker          TEXT,               -- the scan that took it; null while it waits
  expires         REAL                -- when that scan's lease runs out (the database's clock)
);
CREATE TABLE IF NOT EXISTS links (  -- each citation a document makes, and the document of the archive it names
  citing_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  citation        INTEGER NOT NULL,   -- its place among the document's citations, from 0
  cited_id        INTEGER REFERENCES documents (id) ON DELETE SET NULL,  -- null: no document of the archive
  PRIMARY KEY (citing_id, citation)
);
CREATE INDEX IF NOT EXISTS links_by_cited ON links (cited_id);
CREATE TABLE IF NOT EXISTS chain_state (  -- whether the archive's placed documents were compared along their citations
  token           TEXT NOT NULL,      -- the chain pass that wrote it (the last to begin)
  congvan_version TEXT NOT NULL,      -- the congvan that compared the whole archive
  done            INTEGER NOT NULL DEFAULT 0  -- 1 once a pass of the whole archive ended
);
CREATE TABLE IF NOT EXISTS chain_keys (  -- the keys tying a placed document to those it may name or share a citation with
  document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  key             TEXT NOT NULL,      -- "serial|year" of its own number, or of a citation (docs/chain.md)
  own             INTEGER NOT NULL DEFAULT 0,  -- 1: of its own number (a citation of this key may name it)
  PRIMARY KEY (document_id, key)
);
CREATE INDEX IF NOT EXISTS chain_keys_by_key ON chain_keys (key);
CREATE INDEX IF NOT EXISTS chain_keys_numbered ON chain_keys (key) WHERE own = 1;
CREATE TABLE IF NOT EXISTS chain_places (  -- a document's place in the chain, as the last comparison of the archive left it
  document_id     INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  chain           TEXT NOT NULL       -- its citations resolved and who cites it (JSON, docs/chain.md); no row until compared
);
CREATE TABLE IF NOT EXISTS record_headers (  -- the members of a document's record the chain pass reads, a fifth of its bytes
  document_id     INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  header          TEXT NOT NULL       -- store/stored_record.h encode_record_header; none: the pass reads the record
);
CREATE TABLE IF NOT EXISTS chain_forgotten (  -- the keys of placed documents forgotten since the last pass
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS attempts (  -- documents started but not yet stored
  sha256          TEXT NOT NULL,
  congvan_version TEXT NOT NULL,
  starts          INTEGER NOT NULL,
  PRIMARY KEY (sha256, congvan_version)
);
)sql";

// SQLite's words for the schema turned into PostgreSQL's: its own row ids, 64-bit
// integers, doubles, paths ordered by bytes as SQLite orders them, the same
// timestamp text, and the pages' text as a plain table (full-text search is
// SQLite's FTS5; `congvan search` reads a SQLite archive).
std::string postgres_schema() {
    static const std::vector<std::pair<std::regex, std::string>> words = {
        {std::regex(R"(\bid(\s+)INTEGER PRIMARY KEY)"), "id$1BIGSERIAL PRIMARY KEY"},  // a row id; document_id's are given
        {std::regex(R"(\bINTEGER\b)"), "BIGINT"},
        {std::regex(R"(\bREAL\b)"), "DOUBLE PRECISION"},
        {std::regex(R"(\bpath(\s+)TEXT\b)"), "path$1TEXT COLLATE \"C\""},
        {std::regex(R"(datetime\('now'\))"), "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"},
        {std::regex(R"(CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5\([^;]*\);)"),
         "CREATE TABLE IF NOT EXISTS texts (sha256 TEXT NOT NULL, page BIGINT, source TEXT, text TEXT, folded TEXT);\n"
         "CREATE INDEX IF NOT EXISTS texts_by_content ON texts (sha256);"}};
    std::string sql = kArchiveSchema;
    for (const auto& [pattern, replacement] : words) sql = std::regex_replace(sql, pattern, replacement);
    return sql;
}

}  // namespace congvan
