// The claims a scan holds on the documents it reads (store/archive.h): its name in
// them, renewing them while it lives, and taking back those of a dead scan.
#pragma once

#include <chrono>
#include <string>

#include "store/archive.h"

namespace congvan {

// This scan's name in the claims: host, process and a random part, so that two
// scans are never taken for one, on one machine or many.
std::string worker_name();

// Claims held by a scan on this machine whose process is gone (kill -9, a reboot):
// taken back at once instead of waiting out their lease. A live process of that pid
// (or one of another machine) keeps its claims until they run out.
void release_dead_claims(Archive& archive);

// Renews this scan's claims every third of the lease while it lives, so that only
// a dead scan's claims run out. It has no thread: the scan beats it while it waits
// for its documents and between files (a process forked from several threads must
// not start threads, and a document's process starts some for its pages).
class LeaseKeeper {
public:
    LeaseKeeper(Archive& archive, std::string worker, double lease_seconds);
    // Renews the claims when a third of the lease has passed since they last were.
    void beat();

private:
    Archive& archive_;
    std::string worker_;
    double lease_seconds_;
    std::chrono::steady_clock::time_point renewed_;
};

}  // namespace congvan
