// A real PostgreSQL server of the tests' own: Debian's postgresql-15 binaries,
// initdb into a temporary folder, pg_ctl on a Unix socket there (no TCP), run as
// the unprivileged user `postgres` when the tests run as root (PostgreSQL refuses
// root). Started on first use, stopped when the tests end.
#pragma once

#include <string>
#include <vector>

namespace congvan::test {

class PostgresServer {
public:
    static PostgresServer& shared();
    ~PostgresServer();
    // A new, empty database of this name: its libpq URI.
    std::string fresh_database(const std::string& name);
    // Stops the server (fast: every connection is cut) and starts it again.
    void restart();
    // The socket folder and user, for tools (psql) the tests run.
    const std::string& socket_dir() const { return dir_; }

private:
    PostgresServer();
    std::vector<std::string> as_server_user(std::vector<std::string> command) const;
    std::string dir_;
    bool as_root_ = false;
};

// The first column of the first row of a query on the database at `uri`; -1 when
// there is none.
long pg_count(const std::string& uri, const std::string& sql);

}  // namespace congvan::test
