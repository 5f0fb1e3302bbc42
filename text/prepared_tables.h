// Tables congvan builds from its embedded data (the register of units, the
// vocabularies, the legacy encodings) are built on first use, once a process. A batch
// forks a process a document, and a table first used in a document's process is built
// again in each of them: the register's 10,000 units, folded, were 13 % of a
// text PDF's process in a scan. So each such table registers its builder here
// as the program starts, and a batch builds them all before its first fork
// (docs/isolation.md, "Built once, before the forks").
#pragma once

#include <cstddef>

namespace congvan {

using TableBuilder = void (*)();

// Registers `build`, which builds one table (calling its accessor is enough); meant
// for a namespace-scope initialiser. Returns true.
bool register_table(TableBuilder build);

// Builds every registered table. Safe to call more than once, and from any thread
// (each table is a function-local static).
void build_tables();

// How many tables are registered, and how many times build_tables() ran a builder.
std::size_t registered_tables();
std::size_t tables_built();

}  // namespace congvan
