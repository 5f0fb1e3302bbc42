// A whole province's chain of Week instructions made by tools/make_chain.py (the
// Ministry's dispatch, the Department's plan, three districts', ten schools'), with
// a break of every kind docs/chain.md lists injected in its own documents: every
// break is found on the document that made it and nowhere else, as text files, as
// text-layer PDFs and in a scan's archive; the same chain unbroken gives no finding
// of those rules.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "scan_helpers.h"

using namespace congvan::test;
namespace fs = std::filesystem;
using Counts = std::map<std::string, std::map<std::string, int>>;  // file → rule → findings

namespace {

fs::path source_root() { return fs::path(samples_dir()).parent_path().parent_path(); }

// The chain written into a fresh folder; its manifest.
nlohmann::json make_chain(const fs::path& dir, bool clean) {
    std::vector<std::string> args{"/usr/bin/python3", (source_root() / "tools/make_chain.py").string(), dir.string()};
    if (clean) args.push_back("--clean");
    auto made = run_program(args);
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    return nlohmann::json::parse(read_text_file((dir / "manifest.json").string()));
}

// The chain rules' findings a JSON Lines output gives, by file relative to `dir`
// named as its text (a PDF made from it names it).
Counts counted(const std::string& jsonl, const fs::path& dir, const nlohmann::json& manifest) {
    std::set<std::string> rules(manifest["rules"].begin(), manifest["rules"].end());
    Counts out;
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line);
        if (j["type"] != "document") continue;
        fs::path file = fs::path(j["data"]["file"].get<std::string>()).lexically_relative(dir);
        file.replace_extension(".txt");
        for (const auto& f : j["data"]["findings"])
            if (rules.count(f["rule"])) ++out[file.string()][f["rule"]];
    }
    return out;
}

Counts expected(const nlohmann::json& manifest) {
    Counts out;
    for (const auto& [file, rules] : manifest["expect"].items())
        for (const auto& [rule, n] : rules.items()) out[file][rule] = n.get<int>();
    return out;
}

std::vector<std::string> files_of(const fs::path& dir, const nlohmann::json& manifest, const std::string& extension) {
    std::vector<std::string> out;
    for (const auto& f : manifest["files"]) out.push_back((dir / fs::path(f.get<std::string>()).replace_extension(extension)).string());
    return out;
}

Counts checked(const fs::path& dir, const nlohmann::json& manifest, const std::string& extension) {
    std::vector<std::string> args{"check", "--format", "jsonl", "-q"};
    for (const auto& f : files_of(dir, manifest, extension)) args.push_back(f);
    auto r = run_congvan(args);
    INFO(r.err);
    CHECK(r.exit_code != 2);
    return counted(r.out, dir, manifest);
}

fs::path fresh(const std::string& name) { return fresh_temp_dir("congvan-chain-" + name); }

// The chain made in a fresh folder, and a fresh database beside it.
struct ChainFolder {
    fs::path dir;
    nlohmann::json manifest;
    std::string db;
};

ChainFolder chain_folder(const std::string& name) {
    ChainFolder c{fresh(name), {}, {}};
    c.manifest = make_chain(c.dir, false);
    c.db = (c.dir.parent_path() / (c.dir.filename().string() + ".sqlite")).string();
    fs::remove(c.db);
    return c;
}

}  // namespace

TEST_CASE("a generated chain: every injected break found on its own document, as text and in a scan's archive", "[scan]") {
    fs::path dir = fresh("broken");
    auto manifest = make_chain(dir, false);
    REQUIRE(manifest["expect"].size() == 6);  // five breaks, the conflict on two documents
    CHECK(checked(dir, manifest, ".txt") == expected(manifest));

    // The same documents scanned into an archive: the chain pass finds the same.
    std::string db = (dir.parent_path() / (dir.filename().string() + ".sqlite")).string();
    fs::remove(db);
    auto scanned = run_congvan({"scan", dir.string(), "--db", db, "-q"});
    INFO(scanned.err);
    REQUIRE(scanned.exit_code != 2);
    auto exported = run_congvan({"export", "--db", db, "--format", "jsonl"});
    CHECK(counted(exported.out, dir, manifest) == expected(manifest));
    fs::remove(db);
    fs::remove_all(dir);
}

TEST_CASE("the generated chain unbroken gives no finding of the chain's rules", "[scan]") {
    fs::path dir = fresh("clean");
    auto manifest = make_chain(dir, true);
    CHECK(manifest["expect"].empty());
    CHECK(checked(dir, manifest, ".txt").empty());
    fs::remove_all(dir);
}

TEST_CASE("a generated chain as text-layer PDFs: the same breaks on the same documents", "[fixtures]") {
    fs::path dir = fresh("pdf");
    auto manifest = make_chain(dir, false);
    for (const auto& file : files_of(dir, manifest, ".txt")) {
        auto made = run_program({"/usr/bin/python3", (source_root() / "tools/make_fixtures.py").string(), "--no-scans",
                                 fs::path(file).parent_path().string(), file});
        INFO(made.err);
        REQUIRE(made.exit_code == 0);
    }
    CHECK(checked(dir, manifest, ".pdf") == expected(manifest));
    fs::remove_all(dir);
}

TEST_CASE("the JSON of a chain checked together names what each citation resolves to and who cites each document", "[scan]") {
    fs::path dir = fresh("links");
    auto manifest = make_chain(dir, true);
    std::vector<std::string> args{"check", "--format", "jsonl", "-q"};
    for (const auto& f : files_of(dir, manifest, ".txt")) args.push_back(f);
    auto r = run_congvan(args);
    INFO(r.err);
    REQUIRE(r.exit_code != 2);
    // The generator lays the chain out as folders: a document's parent is the plan of
    // the folder above its own (a school's is its district's, a district's the
    // Department's); the Department's cites the Ministry's dispatch.
    auto folder_of = [&](const std::string& file) { return fs::path(file).lexically_relative(dir).parent_path(); };
    std::map<std::string, std::string> plan_of;  // folder → its document
    std::map<std::string, nlohmann::json> chain_of;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line);
        if (j["type"] != "document") continue;
        std::string file = j["data"]["file"];
        plan_of[folder_of(file).string()] = file;
        chain_of[file] = j["data"]["chain"];
    }
    REQUIRE(chain_of.size() == manifest["files"].size());
    std::map<std::string, std::set<std::string>> cited_by;  // resolved → citing
    for (const auto& [file, chain] : chain_of) {
        fs::path folder = folder_of(file);
        std::string parent = folder == "so"   ? plan_of["bo"]
                             : folder == "bo" ? ""
                                              : plan_of[folder.parent_path().empty() ? "so" : folder.parent_path().string()];
        std::set<std::string> resolved;
        for (const auto& c : chain["citations"])
            if (!c["resolved"].is_null())
                resolved.insert(c["resolved"]["file"].get<std::string>()), cited_by[c["resolved"]["file"]].insert(file);
        INFO(file);
        CHECK(resolved == (parent.empty() ? std::set<std::string>{} : std::set<std::string>{parent}));
    }
    // Each document's "cited_by" is the other side of the same links.
    for (const auto& [file, chain] : chain_of) {
        std::set<std::string> listed;
        for (const auto& c : chain["cited_by"]) listed.insert(c["file"].get<std::string>());
        INFO(file);
        CHECK(listed == cited_by[file]);
    }
    CHECK(cited_by[plan_of["bo"]] == std::set<std::string>{plan_of["so"]});
    fs::remove_all(dir);
}

TEST_CASE("the site's chain page lays the generated chain out link under link, marking the links the rules found", "[scan]") {
    fs::path dir = fresh("site");
    auto manifest = make_chain(dir, false);
    std::string db = (dir / "archive.sqlite").string(), site = (dir / "site").string();
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    REQUIRE(run_congvan({"report", "--db", db, "-o", site, "--no-pages"}).exit_code == 0);
    // The generator's folders are the chain: bo/ the Ministry, so/ the Department,
    // huyen-N/ a district, huyen-N/truong-M/ a school.
    auto depth_of = [](const fs::path& relative) -> int {
        auto top = relative.begin()->string();
        if (top == "bo") return 0;
        if (top == "so") return 1;
        return std::distance(relative.begin(), relative.end()) == 2 ? 2 : 3;
    };
    std::set<std::string> chain_rules{"citation-mismatch", "citation-conflict", "parent-mismatch"}, departing;
    for (const auto& [file, rules] : manifest["expect"].items())
        for (const auto& [rule, n] : rules.items())
            if (chain_rules.count(rule)) departing.insert(file);
    std::string page = read_text_file(site + "/chain-1.html");
    std::regex row(R"re(<tr class="depth-(\d)( departs)?"><td><a href="doc/\d+\.html">([^<]*)</a>)re");
    std::set<std::string> listed, marked;
    for (std::sregex_iterator it(page.begin(), page.end(), row), end; it != end; ++it) {
        fs::path relative = fs::path((*it)[3].str()).lexically_relative(dir);
        INFO(relative);
        CHECK(std::stoi((*it)[1].str()) == depth_of(relative));
        listed.insert(relative.string());
        if ((*it)[2].matched) marked.insert(relative.string());
    }
    // Every document is a link of the one chain; only the breaks' own documents are marked.
    CHECK(listed.size() == manifest["files"].size());
    CHECK(marked == departing);
    fs::remove_all(dir);
}

TEST_CASE("scan --no-chain leaves the documents uncompared, and the next pass compares them", "[scan]") {
    auto [dir, manifest, db] = chain_folder("no-chain");
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q", "--no-chain"}).exit_code != 2);
    auto uncompared = counted(run_congvan({"export", "--db", db, "--format", "jsonl"}).out, dir, manifest);
    for (const auto& [file, rules] : uncompared)
        for (const auto& [rule, n] : rules) {
            INFO(file << " " << rule);
            CHECK(rule == "symbol-malformed");  // a document's own rule, not one that compares documents
        }
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(counted(run_congvan({"export", "--db", db, "--format", "jsonl"}).out, dir, manifest) == expected(manifest));
    fs::remove(db);
    fs::remove_all(dir);
}

TEST_CASE("a scan compares the archive again only when it changed since it was last compared whole", "[scan]") {
    auto [dir, manifest, db] = chain_folder("compared-once");
    auto mark = [&] { return rows_of(db, "SELECT token || '|' || done FROM chain_state"); };
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    auto first = mark();
    REQUIRE(first.size() == 1);
    CHECK(first[0].substr(first[0].size() - 2) == "|1");
    // Nothing stored: the pass is not made again (a new pass writes its own token).
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(mark() == first);
    // A pass that did not end (killed half-way) is made again.
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "UPDATE chain_state SET done = 0", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    auto again = mark();
    REQUIRE(again.size() == 1);
    CHECK(again != first);
    CHECK(again[0].substr(again[0].size() - 2) == "|1");
    // A document stored by a scan that does not compare has no place yet, and the
    // next pass compares what it changed.
    fs::copy_file(dir / fs::path(manifest["files"][0].get<std::string>()), dir / "copy-of-first.txt");
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q", "--no-chain"}).exit_code != 2);
    const std::string unplaced =
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chain_places p WHERE p.document_id = d.id) "
        "AND record != '' AND (error IS NULL OR error = '')";
    CHECK(count(db, unplaced) == 1);
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(count(db, unplaced) == 0);
    auto last = mark();
    REQUIRE(last.size() == 1);
    CHECK(last != again);
    fs::remove(db);
    fs::remove_all(dir);
}

namespace {

// Each document's findings and place in the chain as `export` gives them, by file.
std::map<std::string, nlohmann::json> archive_state(const std::string& db) {
    std::map<std::string, nlohmann::json> out;
    std::istringstream lines(run_congvan({"export", "--db", db, "--format", "jsonl"}).out);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line);
        if (j["type"] == "document") out[j["data"]["file"].get<std::string>()] = {j["data"]["findings"], j["data"]["chain"]};
    }
    return out;
}

// The state a scan of `dir` into a new database leaves: one comparison of the whole.
std::map<std::string, nlohmann::json> compared_whole(const fs::path& dir) {
    std::string db = (dir.parent_path() / (dir.filename().string() + "-whole.sqlite")).string();
    fs::remove(db);
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    auto state = archive_state(db);
    fs::remove(db);
    return state;
}

void execute(const std::string& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

void replace_in_file(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read_text_file(file.string());
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a scan compares only what a change reaches, and leaves the archive as a whole comparison would", "[scan]") {
    auto [dir, manifest, db] = chain_folder("incremental");
    // A school's plan arrives after the rest: it and the documents its keys meet are compared.
    fs::path school = dir / "huyen-3/truong-10/ke-hoach-40.txt", aside = dir.parent_path() / "incremental-aside.txt";
    fs::rename(school, aside);
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    fs::rename(aside, school);
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(archive_state(db) == compared_whole(dir));
    // The plan it carries out is edited (a day moved: the schools' citations now
    // differ from it): the row is replaced, what cited it is compared again.
    replace_in_file(dir / "huyen-3/ke-hoach-212.txt", "ngày 20 tháng 09 năm 2026", "ngày 21 tháng 09 năm 2026");
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    auto edited = archive_state(db);
    CHECK(edited == compared_whole(dir));
    long mismatches = count(db, "SELECT COUNT(*) FROM findings WHERE rule = 'citation-mismatch'");
    CHECK(mismatches > 2);  // the two the chain was made with, and the edited plan's schools
    // A document whose keys meet no changed one's is not compared: a finding taken
    // from another district's school stays taken until the whole is compared again.
    const std::string conflicts = "SELECT COUNT(*) FROM findings WHERE rule = 'citation-conflict'";
    long before = count(db, conflicts);
    REQUIRE(before == 2);
    execute(db,
            "DELETE FROM findings WHERE rule = 'citation-conflict' AND document_id = (SELECT MIN(document_id) FROM findings "
            "WHERE rule = 'citation-conflict')");
    replace_in_file(school, "Phạm Thị Lan", "Phạm Thị Lam");
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(count(db, conflicts) == 1);
    execute(db, "UPDATE chain_state SET done = 0");  // as a whole pass killed half-way leaves it
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    CHECK(count(db, conflicts) == 2);
    CHECK(archive_state(db) == compared_whole(dir));
    fs::remove(db);
    fs::remove_all(dir);
}

TEST_CASE("a scan stores each document's place in the chain and its links, as check gives them", "[scan]") {
    auto [dir, manifest, db] = chain_folder("stored-links");
    REQUIRE(run_congvan({"scan", dir.string(), "--db", db, "-q"}).exit_code != 2);
    auto chains = [](const std::string& jsonl) {
        std::map<std::string, nlohmann::json> out;
        std::istringstream lines(jsonl);
        for (std::string line; std::getline(lines, line);) {
            auto j = nlohmann::json::parse(line);
            if (j["type"] == "document") out[j["data"]["file"].get<std::string>()] = j["data"]["chain"];
        }
        return out;
    };
    std::vector<std::string> args{"check", "--format", "jsonl", "-q"};
    for (const auto& f : files_of(dir, manifest, ".txt")) args.push_back(f);
    auto checked = chains(run_congvan(args).out);
    auto exported = chains(run_congvan({"export", "--db", db, "--format", "jsonl"}).out);
    exported.erase((dir / "manifest.json").string());  // scanned too: a document of no chain
    REQUIRE(exported.size() == checked.size());
    CHECK(exported == checked);
    // The stored column, not a library built at export: every readable row has one.
    CHECK(count(db, "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chain_places p WHERE p.document_id = d.id)") == 0);
    // A link a citation, naming the row of the document it resolves to.
    long resolved = 0, citations = 0;
    for (const auto& [file, chain] : exported)
        for (const auto& c : chain["citations"]) {
            ++citations;
            resolved += c["resolved"].is_null() ? 0 : 1;
        }
    REQUIRE(resolved > 0);
    CHECK(count(db, "SELECT COUNT(*) FROM links") == citations);
    CHECK(count(db, "SELECT COUNT(*) FROM links l JOIN documents d ON d.id = l.cited_id") == resolved);
    // summary counts them, and the links found broken: the chain rules' findings.
    long broken = 0;
    for (const auto& [file, rules] : counted(run_congvan({"export", "--db", db, "--format", "jsonl"}).out, dir, manifest))
        for (const auto& [rule, n] : rules) broken += rule == "symbol-malformed" ? 0 : n;  // a document's own rule
    REQUIRE(broken > 0);
    nlohmann::json links;
    std::istringstream summary(run_congvan({"summary", "--db", db, "--format", "jsonl"}).out);
    for (std::string line; std::getline(summary, line);)
        if (auto j = nlohmann::json::parse(line); j["type"] == "links") links = j["data"];
    CHECK(links["citations"] == citations);
    CHECK(links["resolved"] == resolved);
    CHECK(links["broken"] == broken);
    CHECK_THAT(run_congvan({"summary", "--db", db, "--lang", "en"}).out,
               Catch::Contains("Chain: " + std::to_string(citations) + " citations, " + std::to_string(resolved) + " naming"));
    fs::remove(db);
    fs::remove_all(dir);
}
