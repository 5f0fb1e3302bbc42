// The PostgreSQL connection (libpq): parameters are sent as text apart from the SQL
// (never spliced into it), results read as text. The archive's SQL numbers its
// parameters as SQLite does (?1); they become $1 here.
#include <fmt/format.h>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "libpq.h"
#include "sql.h"

namespace congvan {

namespace {

struct ResultFree {
    void operator()(PGresult* r) const { libpq().clear(r); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

// "?12" → "$12", outside quoted strings and identifiers.
std::string dollar_parameters(const std::string& sql) {
    std::string out;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            c = '$';
        }
        out += c;
    }
    return out;
}

std::string trimmed_error(const char* text) {
    std::string why = text ? text : "PostgreSQL error";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    // libpq's messages run over lines ("…failed\n\tIs the server running…"): one line here.
    std::string line;
    for (char c : why)
        if (c == '\n' || c == '\t') {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += c;
        }
    return line;
}

// Whether the connection was lost, and is made again now: the statement that found
// it lost can be sent again, when it was not inside a transaction (one inside is
// gone with its transaction, and the archive does the whole transaction again).
// A server restarting, or failing over, is away for seconds: it is waited for up to
// half a minute before the scan gives up.
bool connection_made_again(PGconn* conn) {
    if (libpq().status(conn) != CONNECTION_BAD) return false;
    for (int attempt = 0; attempt < 30; ++attempt) {
        if (attempt > 0) std::this_thread::sleep_for(std::chrono::seconds(1));
        libpq().reset(conn);
        if (libpq().status(conn) == CONNECTION_OK) return true;
    }
    return false;
}

// Runs a query, once more on a connection made again when the first found it lost
// outside a transaction.
PGresult* run_reconnecting(PGconn* conn, const std::function<PGresult*()>& query) {
    bool idle = libpq().transaction_status(conn) == PQTRANS_IDLE;
    PGresult* r = query();
    auto status = r ? libpq().result_status(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || !idle || !connection_made_again(conn)) return r;
    libpq().clear(r);
    return query();
}

Result checked(PGconn* conn, PGresult* raw) {
    Result r(raw);
    auto status = r ? libpq().result_status(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(trimmed_error(r ? libpq().result_error_message(r.get()) : libpq().error_message(conn)));
    return r;
}

class PostgresStatement : public SqlStatement {
public:
    PostgresStatement(PGconn* conn, const std::string& sql) : conn_(conn), sql_(dollar_parameters(sql)) {}
    void bind_text(int i, const std::string& v) override { slot(i) = v; }
    void bind_integer(int i, long long v) override { slot(i) = std::to_string(v); }
    void bind_real(int i, double v) override { slot(i) = fmt::format("{:.17g}", v); }
    void bind_null(int i) override { slot(i).reset(); }
    bool step() override {
        if (!result_) {
            std::vector<const char*> values;
            for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
            result_ = checked(conn_, run_reconnecting(conn_, [&] {
                                  return libpq().exec_params(conn_, sql_.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                                             nullptr, nullptr, 0);
                              }));
            row_ = -1;
        }
        return ++row_ < libpq().ntuples(result_.get());
    }
    void reset() override {
        result_.reset();
        params_.clear();
    }
    std::string text(int col) const override {
        return is_null(col) ? "" : std::string(libpq().getvalue(result_.get(), row_, col), libpq().getlength(result_.get(), row_, col));
    }
    long long integer(int col) const override {
        if (is_null(col)) return 0;
        std::string v = text(col);
        if (v == "t") return 1;  // a boolean, as SQLite would give it
        if (v == "f") return 0;
        return std::stoll(v);
    }
    double real(int col) const override { return is_null(col) ? 0.0 : std::stod(text(col)); }
    bool is_null(int col) const override { return libpq().getisnull(result_.get(), row_, col) != 0; }

private:
    std::optional<std::string>& slot(int i) {
        if (static_cast<std::size_t>(i) > params_.size()) params_.resize(static_cast<std::size_t>(i));
        return params_[static_cast<std::size_t>(i) - 1];
    }
    PGconn* conn_;
    std::string sql_;
    std::vector<std::optional<std::string>> params_;
    Result result_;
    int row_ = -1;
};

class PostgresConnection : public SqlConnection {
public:
    explicit PostgresConnection(const std::string& uri) : conn_(libpq().connectdb(uri.c_str())) {
        if (!conn_ || libpq().status(conn_) != CONNECTION_OK) {
            std::string why = trimmed_error(conn_ ? libpq().error_message(conn_) : "cannot connect");
            libpq().finish(conn_);
            throw std::runtime_error(why);
        }
        // Notices ("relation already exists, skipping") are not congvan's output.
        libpq().set_notice_processor(
            conn_, [](void*, const char*) {}, nullptr);
    }
    ~PostgresConnection() override { libpq().finish(conn_); }
    SqlDialect dialect() const override { return SqlDialect::Postgres; }
    void exec(const std::string& sql) override {
        checked(conn_, run_reconnecting(conn_, [&] { return libpq().exec(conn_, sql.c_str()); }));
    }
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override { return std::make_unique<PostgresStatement>(conn_, sql); }
    void begin() override { exec("BEGIN"); }
    bool in_transaction() override {
        auto status = libpq().transaction_status(conn_);
        return status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN;  // UNKNOWN: the connection is lost
    }
    bool reconnected() override { return connection_made_again(conn_); }
    long long schema_version() override {
        if (!has_table("congvan_schema")) return 0;
        PostgresStatement s(conn_, "SELECT version FROM congvan_schema");
        return s.step() ? s.integer(0) : 0;
    }
    void set_schema_version(long long version) override {
        exec("CREATE TABLE IF NOT EXISTS congvan_schema (version BIGINT NOT NULL)");
        exec("DELETE FROM congvan_schema");
        exec("INSERT INTO congvan_schema (version) VALUES (" + std::to_string(version) + ")");
    }
    bool has_table(const std::string& name) override {
        PostgresStatement s(conn_,
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                            "AND table_name = ?1");
        s.bind_text(1, name);
        return s.step() && s.integer(0) == 1;
    }
    bool is_empty() override {
        PostgresStatement s(conn_, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        return s.step() && s.integer(0) == 0;
    }

private:
    PGconn* conn_;
};

}  // namespace

std::unique_ptr<SqlConnection> open_postgres(const std::string& uri) { return std::make_unique<PostgresConnection>(uri); }

}  // namespace congvan
