#include "scan_claims.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <random>
#include <utility>

namespace congvan {

namespace {

std::string this_host() {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    return host;
}

}  // namespace

std::string worker_name() {
    std::random_device random;
    return fmt::format("{}:{}:{:08x}", this_host(), getpid(), random());
}

void release_dead_claims(Archive& archive) {
    const std::string host = this_host();
    for (const auto& holder : archive.claim_holders()) {
        auto first = holder.find(':'), second = holder.find(':', first == std::string::npos ? 0 : first + 1);
        if (first == std::string::npos || second == std::string::npos || holder.substr(0, first) != host) continue;
        pid_t pid = 0;
        try {
            pid = static_cast<pid_t>(std::stol(holder.substr(first + 1, second - first - 1)));
        } catch (const std::exception&) {
            continue;
        }
        if (pid > 0 && pid != getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) archive.release_claims(holder);
    }
}

LeaseKeeper::LeaseKeeper(Archive& archive, std::string worker, double lease_seconds)
    : archive_(archive), worker_(std::move(worker)), lease_seconds_(lease_seconds), renewed_(std::chrono::steady_clock::now()) {}

void LeaseKeeper::beat() {
    auto now = std::chrono::steady_clock::now();
    if (now - renewed_ < std::chrono::duration<double>(lease_seconds_ / 3)) return;
    renewed_ = now;
    try {
        archive_.renew_claims(worker_, lease_seconds_);
    } catch (const std::exception&) {
        // The database is away for a moment: the next beat tries again.
    }
}

}  // namespace congvan
