#include "prepared_tables.h"

#include <atomic>
#include <mutex>
#include <vector>

namespace congvan {

namespace {

// Function-local: registration runs during static initialisation, in any order.
std::vector<TableBuilder>& builders() {
    static std::vector<TableBuilder> list;
    return list;
}

std::mutex& builders_mutex() {
    static std::mutex m;
    return m;
}

std::atomic<std::size_t> built{0};

}  // namespace

bool register_table(TableBuilder build) {
    std::lock_guard lock(builders_mutex());
    builders().push_back(build);
    return true;
}

void build_tables() {
    std::vector<TableBuilder> list;
    {
        std::lock_guard lock(builders_mutex());
        list = builders();
    }
    for (auto build : list) {
        build();
        ++built;
    }
}

std::size_t registered_tables() {
    std::lock_guard lock(builders_mutex());
    return builders().size();
}

std::size_t tables_built() { return built.load(); }

}  // namespace congvan
