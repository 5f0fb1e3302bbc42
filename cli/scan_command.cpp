#include <signal.h>
#include <unistd.h>

#include <csignal>

#include <chrono>
#include <iostream>

#include "app/export.h"
#include "app/scan.h"
#include "cli/command.h"
#include "fields/extractor.h"
#include "reading/loader.h"
#include "rules/checker.h"

namespace congvan::cli {

namespace {

struct ScanCommandOptions {
    ScanOptions scan;
    std::string db;
    std::string against;
    std::string shard;
    std::string shard_by = "path";
    std::string ministry_dir;  // records added to (or replacing years of) the bundled ones
    bool quiet = false;
    bool fail_unaudited = false;
};

// Progress on stderr: a line redrawn every second on a terminal, a plain line
// every ten seconds otherwise (logs of unattended runs). Drawn from the scan's ticks
// (ScanOptions::on_tick), not from a thread: the scan forks from its only thread.
class ProgressReporter {
public:
    // Quiet: only the errors, no progress.
    ProgressReporter(const ScanCounters& counters, bool quiet)
        : counters_(counters), tty_(isatty(STDERR_FILENO) && !quiet), quiet_(quiet) {}
    ~ProgressReporter() { print(true); }
    ProgressReporter(const ProgressReporter&) = delete;
    ProgressReporter& operator=(const ProgressReporter&) = delete;
    void tick() {
        auto now = std::chrono::steady_clock::now();
        if (now - printed_ < (tty_ ? std::chrono::seconds(1) : std::chrono::seconds(10))) return;
        printed_ = now;
        print(false);
    }
    void error(const std::string& path, const std::string& reason) {
        std::cerr << (tty_ ? "\r\033[K" : "") << file_error_line(path, reason) << '\n';
    }

private:
    void print(bool last) {
        if (quiet_) return;
        if (tty_) std::cerr << "\r\033[K" << progress_line(counters_, output_language()) << (last ? "\n" : "") << std::flush;
        else std::cerr << message("progress.prefix").in(output_language()) << progress_line(counters_, output_language()) << '\n';
    }
    const ScanCounters& counters_;
    bool tty_, quiet_;
    std::chrono::steady_clock::time_point printed_ = std::chrono::steady_clock::now();
};

// Ctrl-C and SIGTERM stop the scan between documents: what is finished stays.
volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

void stop_on_interrupt() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a wait returns at once
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool parse_shard(const std::string& text, unsigned& k, unsigned& n) {
    if (text.empty()) return true;
    auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    try {
        k = static_cast<unsigned>(std::stoul(text.substr(0, slash)));
        n = static_cast<unsigned>(std::stoul(text.substr(slash + 1)));
    } catch (const std::exception&) {
        return false;
    }
    return n >= 1 && k < n;
}

int run_scan_command(ScanCommandOptions o) {
    // A worker of a queue reads what the queue holds; anything else walks folders.
    if (o.scan.inputs.empty() && !o.scan.from_queue) {
        report_error(message("error.scan-needs-inputs").en);
        return kExitBadInput;
    }
    if (!parse_shard(o.shard, o.scan.shard, o.scan.shards)) {
        report_error(message("error.shard", {{"value", o.shard}}).en);
        return kExitBadInput;
    }
    o.scan.shard_by = o.shard_by == "content" ? ScanOptions::ShardBy::Content : ScanOptions::ShardBy::Path;
    std::map<int, MinistryRecord> records;
    try {
        records = load_ministry_records_with(default_ministry_dir(), o.ministry_dir);
        o.scan.against = read_against(o.against);
        config_for_document(".", o.scan.overrides);
    } catch (const LoadError& e) {
        report_file_error(o.against, encoded(e.reason()));
        return kExitBadInput;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
    o.scan.records = &records;
    o.scan.database = o.db;
    try {
        Archive archive(o.db);
        ScanCounters counters;
        stop_on_interrupt();
        int code;
        {
            ProgressReporter progress(counters, o.quiet || o.scan.enqueue);  // an --enqueue reads nothing
            o.scan.on_tick = [&progress] { progress.tick(); };
            code = run_scan(
                o.scan, archive, counters, [&](const std::string& path, const std::string& reason) { progress.error(path, reason); },
                &interrupted);
            o.scan.on_tick = nullptr;
        }
        if (o.scan.enqueue && !o.quiet)
            std::cerr << "congvan: " << message("scan.queued", {{"count", std::to_string(counters.queued.load())}}).in(output_language())
                      << '\n';
        if (code == kExitInterrupted) {
            report_error(
                message("error.interrupted", {{"count", std::to_string(counters.done - counters.skipped - counters.rechecked)}}).en);
            return code;
        }
        // Never a silent pass: one line for what no instruction was compared with.
        std::string unaudited = unaudited_in_archive(archive, output_language());
        if (!unaudited.empty()) std::cerr << "congvan: " << unaudited << '\n';
        if (!unaudited.empty() && o.fail_unaudited && code == kExitOk) code = kExitFindings;
        return code;
    } catch (const std::exception& e) {
        report_error(e.what());
        return kExitBadInput;
    }
}

}  // namespace

void register_scan_command(CLI::App& app, ExitCode& exit_code) {
    auto o = std::make_shared<ScanCommandOptions>();
    o->scan.jobs = default_jobs();
    auto* cmd = app.add_subcommand("scan", help("scan"));
    cmd->add_option("inputs", o->scan.inputs, help("option.inputs"));
    cmd->add_option("--db", o->db, help("option.scan-db"))->required();
    cmd->add_option("-j,--jobs", o->scan.jobs, help("option.scan-jobs"))->check(CLI::Range(1u, 256u));
    cmd->add_flag("--retry-errors", o->scan.retry_errors, help("option.retry-errors"));
    cmd->add_flag("--force", o->scan.force, help("option.force"));
    cmd->add_flag("--force-ocr", o->scan.force_ocr, help("option.scan-force-ocr"));
    cmd->add_flag("--no-chain{false}", o->scan.compare_documents, help("option.no-chain"));
    cmd->add_option("--max-memory", o->scan.memory_mib, help("option.scan-max-memory"))->check(CLI::Range(256, 1 << 20));
    cmd->add_option("--against", o->against, help("option.scan-against"));
    cmd->add_option("--timeout", o->scan.timeout_seconds, help("option.scan-timeout"))->check(CLI::Range(1.0, 86400.0));
    auto* shard = cmd->add_option("--shard", o->shard, help("option.shard"));
    cmd->add_option("--shard-by", o->shard_by, help("option.shard-by"))->check(CLI::IsMember({"path", "content"}));
    cmd->add_option("--lease", o->scan.lease_seconds, help("option.lease"))->check(CLI::Range(1.0, 86400.0));
    auto* enqueue = cmd->add_flag("--enqueue", o->scan.enqueue, help("option.enqueue"));
    // A queue worker takes whatever path waits: a shard's filter would drop the
    // other shards' paths from the queue.
    cmd->add_flag("--from-queue", o->scan.from_queue, help("option.from-queue"))->excludes(enqueue)->excludes(shard);
    cmd->add_option("--fail-on", o->scan.fail_on, help("option.fail-on"))->check(CLI::IsMember({"error", "warning", "info", "none"}));
    cmd->add_option("--config", o->scan.overrides.config_file, help("option.scan-config"));
    cmd->add_option("--disable", o->scan.overrides.disabled, help("option.disable"));
    cmd->add_option("--severity", o->scan.overrides.severities, help("option.scan-severity"));
    cmd->add_flag("--proofread", o->scan.overrides.proofread, help("option.proofread"));
    cmd->add_option("--ministry", o->ministry_dir, help("option.ministry"));
    cmd->add_flag("--fail-unaudited", o->fail_unaudited, help("option.fail-unaudited"));
    cmd->add_flag("-q,--quiet", o->quiet, help("option.scan-quiet"));
    cmd->callback([o, &exit_code] { exit_code.value = run_scan_command(*o); });
}

}  // namespace congvan::cli
