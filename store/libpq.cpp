#include "libpq.h"

#include <dlfcn.h>

#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

namespace congvan {

namespace {

constexpr const char* kLibPq = "libpq.so.5";

template <typename F>
void find(void* library, const char* name, F& function) {
    function = reinterpret_cast<F>(dlsym(library, name));
    if (!function) throw std::runtime_error(std::string("cannot find ") + name + " in " + kLibPq);
}

LibPq load() {
    void* library = dlopen(kLibPq, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* reason = dlerror();
        throw std::runtime_error(std::string("cannot load PostgreSQL's client library: ") + (reason ? reason : kLibPq));
    }
    LibPq pq{};
    find(library, "PQconnectdb", pq.connectdb);
    find(library, "PQfinish", pq.finish);
    find(library, "PQstatus", pq.status);
    find(library, "PQreset", pq.reset);
    find(library, "PQtransactionStatus", pq.transaction_status);
    find(library, "PQsetNoticeProcessor", pq.set_notice_processor);
    find(library, "PQerrorMessage", pq.error_message);
    find(library, "PQexec", pq.exec);
    find(library, "PQexecParams", pq.exec_params);
    find(library, "PQresultStatus", pq.result_status);
    find(library, "PQresultErrorMessage", pq.result_error_message);
    find(library, "PQntuples", pq.ntuples);
    find(library, "PQgetvalue", pq.getvalue);
    find(library, "PQgetlength", pq.getlength);
    find(library, "PQgetisnull", pq.getisnull);
    find(library, "PQclear", pq.clear);
    return pq;
}

}  // namespace

const LibPq& libpq() {
    static std::mutex loading;
    static std::optional<LibPq> loaded;
    std::lock_guard lock(loading);
    if (!loaded) loaded = load();
    return *loaded;
}

}  // namespace congvan
