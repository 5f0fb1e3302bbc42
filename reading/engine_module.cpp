#include "engine_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "document.h"

namespace congvan {

namespace {

const engines::EngineTable& load() {
    std::string path = engine_module_path();
    // RTLD_NOW: a missing symbol is an error here, not a crash on a later page.
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        const char* reason = dlerror();
        throw LoadError(message("error.no-engines", {{"path", path}, {"reason", reason ? reason : "?"}}));
    }
    using TableFunction = const engines::EngineTable* (*)();
    auto table_of = reinterpret_cast<TableFunction>(dlsym(module, "congvan_engine_table"));
    const engines::EngineTable* table = table_of ? table_of() : nullptr;
    if (!table || table->abi != engines::kEnginesAbi)
        throw LoadError(message("error.no-engines", {{"path", path}, {"reason", "built from another version of congvan"}}));
    return *table;
}

}  // namespace

std::string engine_module_path() {
    if (const char* env = std::getenv("CONGVAN_ENGINES"); env && *env) return env;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path() / CONGVAN_ENGINES_FROM_BINDIR / "libcongvan_engines.so";
        if (std::filesystem::is_regular_file(installed, ec)) return installed.lexically_normal().string();
    }
    return CONGVAN_ENGINES_BUILT;
}

const engines::EngineTable& engine_table() {
    // A failed load is tried again by the next document: its error is that
    // document's, and the reason is reported each time.
    static std::mutex loading;
    static const engines::EngineTable* table = nullptr;
    std::lock_guard lock(loading);
    if (!table) table = &load();
    return *table;
}

}  // namespace congvan
