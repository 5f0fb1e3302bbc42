#include "cli/command.h"
#include "store/sql.h"

namespace congvan::cli {

// A SQLite file must exist to be read; a PostgreSQL URI is the server's to answer.
void add_database_option(CLI::App* cmd, std::string& db) {
    static const CLI::Validator archive_location(
        [](std::string& location) { return is_postgres_location(location) ? std::string() : CLI::ExistingFile(location); },
        "FILE|postgresql://…");
    cmd->add_option("--db", db, help("option.db"))->required()->check(archive_location);
}

}  // namespace congvan::cli
