// `congvan report --db`: the static site over a scan database, read back by Chromium
// and compared with what the database holds (queried here with SQL of its own).
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "browser.h"
#include "helpers.h"

using namespace congvan::test;
namespace fs = std::filesystem;

namespace {

// The scan database, asked directly.
class Database {
public:
    explicit Database(const std::string& path) { REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK); }
    ~Database() { sqlite3_close(db_); }
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                auto* text = sqlite3_column_text(s, c);
                row.push_back(text ? reinterpret_cast<const char*>(text) : "");
            }
            out.push_back(row);
        }
        sqlite3_finalize(s);
        return out;
    }
    long number(const std::string& sql) { return std::stol(rows(sql).at(0).at(0)); }

private:
    sqlite3* db_ = nullptr;
};

// The rows of a paged list, BASE-1.html, BASE-2.html…, as HTML (the files as written).
std::vector<std::string> list_pages(const std::string& base) {
    std::vector<std::string> pages;
    for (int n = 1; fs::exists(base + "-" + std::to_string(n) + ".html"); ++n)
        pages.push_back(read_text_file(base + "-" + std::to_string(n) + ".html"));
    return pages;
}

std::size_t body_rows(const std::vector<std::string>& pages) {
    std::size_t rows = 0;
    for (const auto& page : pages) {
        auto body = page.substr(page.find("<tbody>"));
        rows += count_of(body, "<tr");
    }
    return rows;
}

// The value of the overview's counts row named `name`.
std::string count_named(const std::string& dom, const std::string& name) {
    std::smatch m;
    std::regex row("<tr><th>" + name + R"re(</th><td>(?:<a href="[^"]*">)?(\d+))re");
    REQUIRE(std::regex_search(dom, m, row));
    return m[1];
}

struct Folder {
    std::string dir, db, site;
};

Folder scanned_folder(const std::string& name) {
    Folder f{own_dir(name), own_dir(name + "-db") + "/archive.sqlite", own_dir(name + "-site")};
    for (const char* sample_name : {"gia-lai-2020-ke-hoach.txt", "hung-yen-2021-bao-cao.txt", "quang-tri-2021-cong-van.txt"})
        fs::copy_file(sample(sample_name), f.dir + "/" + sample_name);
    fs::copy_file(fixture("bac-kan-2022-ke-hoach.pdf"), f.dir + "/bac-kan-2022-ke-hoach.pdf");
    fs::copy_file(fixture("bad/truncated.pdf"), f.dir + "/broken.pdf");
    // A file whose name and text would run in a browser if they were not escaped.
    std::string text = read_text_file(sample("lao-cai-2022-cong-van.txt"));
    text = with_replaced(text, "Thúc đẩy chuyển đổi số phục vụ cho học tập suốt đời sau đại dịch Covid-19.",
                         "<script>document.title='pwned'</script> \"><svg onload=\"document.title='pwned'\">");
    std::ofstream(f.dir + "/<img src=y onerror=alert(1)>.txt") << text;
    auto scan = run_congvan({"scan", f.dir, "--db", f.db});
    INFO(scan.err);
    REQUIRE(scan.exit_code <= 2);
    return f;
}

}  // namespace

TEST_CASE("the archive report counts what the scan database holds and links each matrix cell to its findings",
          "[fixtures][html][site][browser]") {
    Folder f = scanned_folder("congvan-site");
    auto r = run_congvan({"report", "--db", f.db, "-o", f.site, "--rows-per-page", "2"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    Database db(f.db);
    long readable = db.number("SELECT COUNT(*) FROM documents WHERE error IS NULL OR error = ''");
    REQUIRE(readable == 5);

    std::string dom = dom_of(f.site + "/index.html");
    CHECK(count_named(dom, "Văn bản đã đọc") == std::to_string(readable));
    CHECK(count_named(dom, "Tệp không đọc được") == "1");
    CHECK(count_named(dom, "Phát hiện mức lỗi") == std::to_string(db.number("SELECT COUNT(*) FROM findings WHERE severity = 'error'")));
    CHECK(count_named(dom, "Phát hiện mức cảnh báo") ==
          std::to_string(db.number("SELECT COUNT(*) FROM findings WHERE severity = 'warning'")));

    // The matrix: its columns are rules, its rows provinces; each count is the
    // database's, and its link lists exactly that many findings.
    std::map<std::pair<std::string, std::string>, long> expected;
    std::map<std::pair<std::string, std::string>, std::string> worst;  // the cell's most severe finding
    for (const auto& row : db.rows("SELECT COALESCE(NULLIF(d.province, ''), '(chưa rõ tỉnh)'), f.rule, COUNT(*), "
                                   "MIN(CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) "
                                   "FROM findings f JOIN documents d ON d.id = f.document_id GROUP BY 1, 2")) {
        expected[{row[0], row[1]}] = std::stol(row[2]);
        worst[{row[0], row[1]}] = row[3] == "0" ? "error" : row[3] == "1" ? "warning" : "info";
    }
    REQUIRE(!expected.empty());
    std::vector<std::string> rules;
    std::regex column(R"re(<th class="rule"><a href="rules.html#rule-([a-z0-9-]+)">)re");
    for (auto it = std::sregex_iterator(dom.begin(), dom.end(), column); it != std::sregex_iterator(); ++it) rules.push_back((*it)[1]);
    REQUIRE(!rules.empty());
    std::regex row_pattern(R"re(<tr><th>([^<]+)</th>((?:<td[^>]*>(?:<a [^>]+>\d+</a>)?</td>)+)</tr>)re");
    std::regex cell_pattern(R"re(<td(?: class="cell-([a-z]+)" title="[^"]+")?>(?:<a href="([^"]+)"[^>]*>(\d+)</a>)?</td>)re");
    std::map<std::pair<std::string, std::string>, long> shown;
    std::map<std::pair<std::string, std::string>, std::string> coloured;
    std::string matrix = dom.substr(dom.find("<table class=\"matrix\">"));
    for (auto row = std::sregex_iterator(matrix.begin(), matrix.end(), row_pattern); row != std::sregex_iterator(); ++row) {
        std::string province = (*row)[1], cells = (*row)[2];
        std::size_t index = 0;
        for (auto c = std::sregex_iterator(cells.begin(), cells.end(), cell_pattern); c != std::sregex_iterator(); ++c, ++index) {
            if ((*c)[3].length() == 0) continue;
            long count = std::stol((*c)[3]);
            shown[{province, rules.at(index)}] = count;
            coloured[{province, rules.at(index)}] = (*c)[1];
            std::string href = (*c)[2];
            REQUIRE(href.size() > 7);
            auto pages = list_pages(f.site + "/" + href.substr(0, href.size() - 7));  // without "-1.html"
            INFO(href);
            CHECK(body_rows(pages) == static_cast<std::size_t>(count));
        }
    }
    CHECK(shown == expected);
    CHECK(coloured == worst);  // each cell in the colour of its most severe finding

    // The year filter: a page a year, counting that year's documents.
    for (const auto& year : db.rows("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL")) {
        INFO(year[0]);
        std::string page = f.site + "/year-" + year[0] + ".html";
        REQUIRE(fs::exists(page));
        CHECK(count_named(read_text_file(page), "Văn bản đã đọc") ==
              std::to_string(db.number("SELECT COUNT(*) FROM documents WHERE year = " + year[0])));
    }

    // Lists split into pages of two rows.
    auto list = list_pages(f.site + "/list/all");
    CHECK(list.size() == 3);
    CHECK(body_rows(list) == static_cast<std::size_t>(readable));
    CHECK_THAT(list[0], Catch::Contains("class=\"pager\""));
    auto unreadable = read_text_file(f.site + "/unreadable-1.html");
    CHECK_THAT(unreadable, Catch::Contains("broken.pdf</td><td>"));

    // A page a document, with every finding the database holds for it.
    for (const auto& doc : db.rows("SELECT id, path, (SELECT COUNT(*) FROM findings WHERE document_id = d.id) FROM documents d "
                                   "WHERE error IS NULL OR error = ''")) {
        INFO(doc[1]);
        std::string html = read_text_file(f.site + "/doc/" + doc[0] + ".html");
        CHECK(count_of(html, "<div class=\"finding ") == std::stoul(doc[2]));
        if (doc[1].find("bac-kan-2022-ke-hoach.pdf") != std::string::npos && doc[2] != "0") {
            CHECK_THAT(html, Catch::Contains("data:image/jpeg;base64,/9j/"));  // drawn by Poppler
            CHECK_THAT(html, Catch::Contains("class=\"box\""));
        }
    }

    // Nothing of the hostile file's name or text runs: every page has it as text.
    for (const auto& entry : fs::recursive_directory_iterator(f.site)) {
        if (entry.path().extension() != ".html") continue;
        std::string html = read_text_file(entry.path());
        INFO(entry.path());
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<svg") == std::string::npos);
        CHECK(html.find("<img src=y") == std::string::npos);
    }
    auto hostile = db.rows("SELECT id FROM documents WHERE path LIKE '%onerror%'");
    REQUIRE(hostile.size() == 1);
    std::string hostile_dom = dom_of(f.site + "/doc/" + hostile[0][0] + ".html");
    CHECK(hostile_dom.find("pwned</title>") == std::string::npos);
    CHECK_THAT(hostile_dom, Catch::Contains("&lt;script&gt;"));
    // The list page that names the hostile file shows its name as text, as Chromium reads it.
    std::string listing;
    for (int n = 1; fs::exists(f.site + "/list/all-" + std::to_string(n) + ".html"); ++n) {
        std::string page = f.site + "/list/all-" + std::to_string(n) + ".html";
        if (read_text_file(page).find("onerror") != std::string::npos) listing = page;
    }
    REQUIRE(!listing.empty());
    std::string listing_dom = dom_of(listing);
    CHECK(listing_dom.find("<img src=\"y\"") == std::string::npos);
    CHECK_THAT(listing_dom, Catch::Contains("&lt;img src=y onerror=alert(1)&gt;.txt"));
}

TEST_CASE("the archive report in English, and a file moved or changed since the scan shows its evidence as text",
          "[fixtures][html][site][browser]") {
    Folder f = scanned_folder("congvan-site-moved");
    fs::rename(f.dir + "/bac-kan-2022-ke-hoach.pdf", f.dir + "/elsewhere.pdf");
    std::ofstream(f.dir + "/hung-yen-2021-bao-cao.txt", std::ios::app) << "\nMột dòng thêm sau khi quét.\n";
    auto r = run_congvan({"report", "--db", f.db, "-o", f.site, "--lang", "en"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("5 documents, 1 unreadable files"));
    Database db(f.db);
    auto page_of = [&](const std::string& name) {
        auto id = db.rows("SELECT id FROM documents WHERE path LIKE '%" + name + "'");
        REQUIRE(id.size() == 1);
        return read_text_file(f.site + "/doc/" + id[0][0] + ".html");
    };
    std::string moved = page_of("bac-kan-2022-ke-hoach.pdf");
    CHECK_THAT(moved, Catch::Contains("The pages cannot be shown"));
    CHECK(moved.find("data:image/jpeg") == std::string::npos);
    CHECK_THAT(moved, Catch::Contains("class=\"muted\">“"));  // the evidence's text instead
    std::string changed = page_of("hung-yen-2021-bao-cao.txt");
    CHECK_THAT(changed, Catch::Contains("changed since it was read"));
    std::string dom = dom_of(f.site + "/index.html");
    CHECK_THAT(dom, Catch::Contains("<title>Overview: All years · Scan archive report</title>"));
    CHECK(count_named(dom, "Documents read") == "5");
}

TEST_CASE("a crafted rule id in the database names no page outside the site", "[fixtures][site]") {
    Folder f = scanned_folder("congvan-site-crafted");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(f.db.c_str(), &db) == SQLITE_OK);
        // From cells/all/N-x/, four folders up is the site's parent.
        REQUIRE(sqlite3_exec(db, "UPDATE findings SET rule = 'x/../../../../escaped' WHERE rowid = (SELECT MIN(rowid) FROM findings)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    std::string base = own_dir("congvan-site-crafted-out");
    std::string site = base + "/a/site";
    auto r = run_congvan({"report", "--db", f.db, "-o", site, "--no-pages"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    // Nothing beside or above the site was written; the cell's page is inside it.
    for (const auto& entry : fs::recursive_directory_iterator(base))
        if (entry.path().string().rfind(site, 0) != 0) CHECK(entry.path().filename().string().find("escaped") == std::string::npos);
    bool inside = false;
    for (const auto& entry : fs::recursive_directory_iterator(site))
        inside = inside || entry.path().filename().string().find("x_2F_2E_2E_2F") != std::string::npos;
    CHECK(inside);
}

TEST_CASE("report swaps the whole site in at the end: no stale page, someone's folder refused, a link inside not followed",
          "[fixtures][site]") {
    Folder f = scanned_folder("congvan-site-swap");
    // A site made before, with a page the new one will not have and a link planted in it.
    REQUIRE(run_congvan({"report", "--db", f.db, "-o", f.site, "--no-pages"}).exit_code == 0);
    std::ofstream(f.site + "/doc/9999.html") << "a page of an earlier database\n";
    std::string outside = own_dir("congvan-site-outside") + "/kept.txt";
    std::ofstream(outside) << "not the site's\n";
    fs::remove(f.site + "/style.css");
    fs::create_symlink(outside, f.site + "/style.css");
    auto again = run_congvan({"report", "--db", f.db, "-o", f.site, "--no-pages"});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK_FALSE(fs::exists(f.site + "/doc/9999.html"));
    CHECK_FALSE(fs::is_symlink(f.site + "/style.css"));
    CHECK(read_text_file(outside) == "not the site's\n");
    CHECK(fs::exists(f.site + "/index.html"));
    // Nothing of the build or of the old site is left beside it.
    const std::string beside = fs::path(f.site).filename().string() + ".congvan-";
    for (const auto& e : fs::directory_iterator(fs::path(f.site).parent_path())) CHECK(e.path().filename().string().rfind(beside, 0) != 0);
    // A folder of someone else's files is refused, one line, and left as it was.
    std::string theirs = own_dir("congvan-site-theirs");
    std::ofstream(theirs + "/notes.txt") << "mine\n";
    auto refused = run_congvan({"report", "--lang", "en", "--db", f.db, "-o", theirs, "--no-pages"});
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::StartsWith("congvan: " + theirs + ": exists and is not a site congvan report made"));
    CHECK(read_text_file(theirs + "/notes.txt") == "mine\n");
    CHECK_FALSE(fs::exists(theirs + "/index.html"));
}

TEST_CASE("the site's page of a document reads as check --format html's page of it", "[fixtures][site]") {
    // A plan with an opening (date, time, weekday, place): what the database gives
    // back must show as check shows it, member for member.
    std::string dir = own_dir("congvan-site-same"), site = own_dir("congvan-site-same-site");
    std::string plan = dir + "/gia-lai-2020-ke-hoach.txt";
    fs::copy_file(sample("gia-lai-2020-ke-hoach.txt"), plan);
    REQUIRE(run_congvan({"scan", plan, "--db", dir + "/a.sqlite"}).exit_code <= 1);
    REQUIRE(run_congvan({"report", "--db", dir + "/a.sqlite", "-o", site, "--no-pages"}).exit_code == 0);
    REQUIRE(run_congvan({"check", "--format", "html", "-o", dir + "/check.html", plan}).exit_code <= 1);
    auto words = [](const std::string& html) {
        std::string body = std::regex_replace(html, std::regex(R"(<style[^]*?</style>)"), "");
        body = std::regex_replace(body, std::regex(R"(<nav class="site">[^]*?</nav>)"), "");
        body = std::regex_replace(body, std::regex(R"(<[^>]+>)"), " ");
        return std::regex_replace(body, std::regex(R"(\s+)"), " ");
    };
    std::string page;
    for (const auto& e : fs::directory_iterator(site + "/doc")) page = read_text_file(e.path().string());
    REQUIRE(!page.empty());
    std::string checked = words(read_text_file(dir + "/check.html")), shown = words(page);
    CHECK_THAT(checked, Catch::Contains("2020-10-01, 07:30, thứ Năm, Hội trường"));
    CHECK_THAT(shown, Catch::Contains("2020-10-01, 07:30, thứ Năm, Hội trường"));
    // Beyond the link back to the overview, the same words in the same order.
    CHECK(shown == checked);
}

TEST_CASE("the site's page of a document links each citation to the page of the document it names", "[site]") {
    // A district's report citing its Department's dispatch, both scanned into one archive.
    std::string dir = own_dir("congvan-site-chain"), site = own_dir("congvan-site-chain-site");
    for (const char* name : {"so-cong-van-250.txt", "huyen-bao-cao-88.txt"})
        fs::copy_file(test_data(std::string("chain/") + name), dir + "/" + name);
    REQUIRE(run_congvan({"scan", dir, "--db", dir + "/a.sqlite"}).exit_code <= 1);
    REQUIRE(run_congvan({"report", "--db", dir + "/a.sqlite", "-o", site, "--no-pages", "--lang", "en"}).exit_code == 0);
    std::map<std::string, std::string> page_of;  // the document's own number → its page's name
    std::map<std::string, std::string> html_of;
    for (const auto& e : fs::directory_iterator(site + "/doc")) {
        std::string html = read_text_file(e.path().string());
        std::string name = e.path().filename().string();
        html_of[name] = html;
        for (const char* number : {"250/SGDĐT-GDTX", "88/BC-UBND"})
            if (html.find(std::string("<td>") + number + "</td>") != std::string::npos) page_of[number] = name;
    }
    REQUIRE(page_of.size() == 2);
    CHECK_THAT(html_of[page_of["88/BC-UBND"]], Catch::Contains("is <a href=\"" + page_of["250/SGDĐT-GDTX"] + "\">"));
    CHECK_THAT(html_of[page_of["88/BC-UBND"]], Catch::Contains("61/KH-UBND, 2023-09-20: <span class=\"muted\">not among"));
    CHECK_THAT(html_of[page_of["250/SGDĐT-GDTX"]], Catch::Contains("Cited by</th><td><a href=\"" + page_of["88/BC-UBND"] + "\">"));
}
