// The archive's one way to run SQL, on SQLite (a file, the default) or PostgreSQL
// (a server many machines share): a connection and prepared statements that bind
// by position. SQL is written once, with SQLite's numbered parameters (?1, ?2…),
// which the PostgreSQL connection turns into its own ($1, $2…). Internal to store/:
// nothing above the archive knows which database it talks to.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace congvan {

enum class SqlDialect { Sqlite, Postgres };

class SqlStatement {
public:
    virtual ~SqlStatement() = default;
    virtual void bind_text(int i, const std::string& v) = 0;
    virtual void bind_integer(int i, long long v) = 0;
    virtual void bind_real(int i, double v) = 0;
    virtual void bind_null(int i) = 0;
    // Runs the statement on the first call; true while a row is there to read.
    virtual bool step() = 0;
    // Ready to run again with new bindings.
    virtual void reset() = 0;
    virtual std::string text(int col) const = 0;  // "" for NULL
    virtual long long integer(int col) const = 0;
    virtual double real(int col) const = 0;
    virtual bool is_null(int col) const = 0;
};

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual SqlDialect dialect() const = 0;
    // Runs SQL that returns nothing (several statements allowed, no parameters).
    virtual void exec(const std::string& sql) = 0;
    virtual std::unique_ptr<SqlStatement> prepare(const std::string& sql) = 0;
    // Starts a transaction that writes (SQLite takes its write lock at once).
    virtual void begin() = 0;
    virtual bool in_transaction() = 0;
    // After a statement failed: true when the connection had been lost (a server
    // restarted) and is made again, so that the work can be done again; false when
    // the failure was the statement's own, or the server is still away.
    virtual bool reconnected() = 0;
    // The schema version the database says it has; 0 when it has none.
    virtual long long schema_version() = 0;
    virtual void set_schema_version(long long version) = 0;
    virtual bool has_table(const std::string& name) = 0;
    virtual bool is_empty() = 0;  // no table at all
};

// A database location: "postgresql://…" or "postgres://…" (a libpq connection URI)
// names a PostgreSQL server, anything else a SQLite file.
bool is_postgres_location(const std::string& location);
// The location as messages show it: a PostgreSQL URI's password masked ("***"), for
// error lines end up in logs.
std::string location_for_messages(const std::string& location);

// Opens the database; std::runtime_error with the reason (not prefixed) when it
// cannot be. `read_only`: a SQLite file is opened read-only and never created.
std::unique_ptr<SqlConnection> open_sqlite(const std::string& path, bool read_only);
std::unique_ptr<SqlConnection> open_postgres(const std::string& uri);

// "?1, ?2, …, ?n": the parameters of an `IN (…)` list of n values.
inline std::string numbered_parameters(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", ?" : "?") + std::to_string(i + 1);
    return out;
}

// A statement with chained binding, as the archive's code writes it.
class Statement {
public:
    Statement(SqlConnection& db, const std::string& sql) : s_(db.prepare(sql)) {}
    Statement& bind(int i, const std::string& v) {
        s_->bind_text(i, v);
        return *this;
    }
    Statement& bind(int i, const char* v) {
        s_->bind_text(i, v);
        return *this;
    }
    Statement& bind_or_null(int i, const std::string& v) { return v.empty() ? null(i) : bind(i, v); }
    Statement& bind(int i, long long v) {
        s_->bind_integer(i, v);
        return *this;
    }
    Statement& bind(int i, double v) {
        s_->bind_real(i, v);
        return *this;
    }
    Statement& bind(int i, const std::optional<int>& v) { return v ? bind(i, static_cast<long long>(*v)) : null(i); }
    Statement& null(int i) {
        s_->bind_null(i);
        return *this;
    }
    bool step() { return s_->step(); }
    void reset() { s_->reset(); }
    std::string text(int col) const { return s_->text(col); }
    long long integer(int col) const { return s_->integer(col); }
    double real(int col) const { return s_->real(col); }
    bool is_null(int col) const { return s_->is_null(col); }

private:
    std::unique_ptr<SqlStatement> s_;
};

}  // namespace congvan
