#include "postgres_server.h"

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.h"

namespace congvan::test {

namespace {

const std::string kBin = "/usr/lib/postgresql/15/bin/";
const std::string kUser = "congvan";  // the database superuser initdb makes

}  // namespace

std::vector<std::string> PostgresServer::as_server_user(std::vector<std::string> command) const {
    if (!as_root_) return command;
    command.insert(command.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    return command;
}

PostgresServer::PostgresServer() : as_root_(geteuid() == 0) {
    dir_ = fresh_temp_dir("congvan-postgres-" + std::to_string(getpid()));
    if (as_root_) {
        const passwd* pw = getpwnam("postgres");
        REQUIRE(pw);  // made by Debian's postgresql-15 package
        REQUIRE(chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) == 0);
    }
    std::string data = dir_ + "/data";
    auto init =
        run_program(as_server_user({kBin + "initdb", "-D", data, "-U", kUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"}));
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    auto start = run_program(as_server_user(
        {kBin + "pg_ctl", "-D", data, "-l", dir_ + "/server.log", "-w", "-o", "-k " + dir_ + " -c listen_addresses='' -F", "start"}));
    INFO(start.out << start.err);
    REQUIRE(start.exit_code == 0);
}

PostgresServer::~PostgresServer() {
    run_program(as_server_user({kBin + "pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"}));
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void PostgresServer::restart() {
    auto r =
        run_program(as_server_user({kBin + "pg_ctl", "-D", dir_ + "/data", "-l", dir_ + "/server.log", "-m", "fast", "-w", "restart"}));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
}

PostgresServer& PostgresServer::shared() {
    static PostgresServer server;
    return server;
}

std::string PostgresServer::fresh_database(const std::string& name) {
    run_program({kBin + "dropdb", "-h", dir_, "-U", kUser, "--if-exists", name});
    auto made = run_program({kBin + "createdb", "-h", dir_, "-U", kUser, name});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    return "postgresql:///" + name + "?host=" + dir_ + "&user=" + kUser;
}

long pg_count(const std::string& uri, const std::string& sql) {
    PGconn* conn = PQconnectdb(uri.c_str());
    REQUIRE(PQstatus(conn) == CONNECTION_OK);
    PGresult* r = PQexec(conn, sql.c_str());
    long value = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? std::stol(PQgetvalue(r, 0, 0)) : -1;
    PQclear(r);
    PQfinish(conn);
    return value;
}

}  // namespace congvan::test
