// The SQLite connection: a file in WAL mode, one writer at a time (BEGIN
// IMMEDIATE), readers alongside.
#include <sqlite3.h>

#include <stdexcept>

#include "sql.h"

namespace congvan {

namespace {

class SqliteStatement : public SqlStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }
    void bind_text(int i, const std::string& v) override {
        sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    void bind_integer(int i, long long v) override { sqlite3_bind_int64(stmt_, i, v); }
    void bind_real(int i, double v) override { sqlite3_bind_double(stmt_, i, v); }
    void bind_null(int i) override { sqlite3_bind_null(stmt_, i); }
    bool step() override {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
        return false;
    }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int col) const override {
        auto p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : "";
    }
    long long integer(int col) const override { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const override { return sqlite3_column_double(stmt_, col); }
    bool is_null(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection : public SqlConnection {
public:
    SqliteConnection(const std::string& path, bool read_only) {
        int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
            std::string why = db_ ? sqlite3_errmsg(db_) : "cannot open";
            sqlite3_close(db_);
            throw std::runtime_error(why);
        }
        sqlite3_busy_timeout(db_, 10000);
    }
    ~SqliteConnection() override { sqlite3_close(db_); }
    SqlDialect dialect() const override { return SqlDialect::Sqlite; }
    void exec(const std::string& sql) override {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string why = error ? error : "SQL error";
            sqlite3_free(error);
            throw std::runtime_error(why);
        }
    }
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override { return std::make_unique<SqliteStatement>(db_, sql); }
    void begin() override { exec("BEGIN IMMEDIATE"); }
    bool reconnected() override { return false; }  // a file is not lost between statements
    // SQLite has already rolled back after some errors (a full disk).
    bool in_transaction() override { return !sqlite3_get_autocommit(db_); }
    long long schema_version() override {
        SqliteStatement version(db_, "PRAGMA user_version");
        return version.step() ? version.integer(0) : 0;
    }
    void set_schema_version(long long version) override { exec("PRAGMA user_version=" + std::to_string(version)); }
    bool has_table(const std::string& name) override {
        SqliteStatement s(db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
        s.bind_text(1, name);
        return s.step() && s.integer(0) == 1;
    }
    bool is_empty() override {
        SqliteStatement s(db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
        return s.step() && s.integer(0) == 0;
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<SqlConnection> open_sqlite(const std::string& path, bool read_only) {
    return std::make_unique<SqliteConnection>(path, read_only);
}

}  // namespace congvan
