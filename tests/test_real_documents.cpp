// The real development set copied into corpus/real/: signed scans, born-digital
// signed PDFs, an archive scan and page images (scans/), and public texts about the
// Week (texts/), each with hand-checked labels. What is pinned: no confident wrong
// header value on any scan, the measured number of right values (README), the
// issuer never holding the national motto, and no Week finding on a document that
// is not about the Week.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "helpers.h"
#include "text/normalize.h"

using namespace congvan;
using namespace congvan::test;
using Json = nlohmann::json;

namespace {

std::string real_dir(const std::string& kind) { return samples_dir() + "/../real/" + kind; }

Json labels(const std::string& kind) {
    std::ifstream in(real_dir(kind) + "/labels.json");
    return Json::parse(in);
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// file name → its record's fields, from one `congvan extract` over the folder's
// files, run once per folder for all the test cases.
std::map<std::string, Json> run_extract(const std::string& kind) {
    std::vector<std::string> args = {"extract", "--format", "jsonl", "-j", "2"};
    for (const auto& l : labels(kind)) args.push_back(real_dir(kind) + "/" + l["file"].get<std::string>());
    auto r = run_congvan(args);
    std::map<std::string, Json> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '{') continue;
        Json j = Json::parse(line);
        if (j["type"] != "document") continue;
        j = j["data"];
        out[base_name(j["file"].get<std::string>())] = j["fields"];
    }
    return out;
}

std::map<std::string, Json> extracted(const std::string& kind) {
    static std::map<std::string, std::map<std::string, Json>> runs;
    if (!runs.count(kind)) runs[kind] = run_extract(kind);
    return runs[kind];
}

std::string key(const Json& v) {
    if (v.is_null()) return "";
    std::string s = v.is_string() ? v.get<std::string>() : v.dump();
    std::string k = comparison_key(s);
    for (auto [a, b] : {std::pair<std::string, std::string>{"ubnd", "ủy ban nhân dân"}, {" / ", "/"}, {"/ ", "/"}, {" /", "/"}})
        for (auto p = k.find(a); p != std::string::npos; p = k.find(a, p + b.size())) k.replace(p, a.size(), b);
    return k;
}

Json value_of(const Json& fields, const std::string& name, const std::string& part = "") {
    if (!fields.contains(name) || fields[name]["value"].is_null()) return nullptr;
    const Json& v = fields[name]["value"];
    return part.empty() ? v : (v.contains(part) ? v[part] : Json());
}

bool uncertain(const Json& fields, const std::string& name) { return fields.contains(name) && fields[name].value("uncertain", false); }

// Counts the header values right against a folder's labels, and fails on a value
// that is wrong without being marked uncertain.
void score_headers(const std::string& kind, int& right, int& total) {
    auto records = extracted(kind);
    for (const auto& l : labels(kind)) {
        std::string file = l["file"];
        INFO(file);
        REQUIRE(records.count(file));
        const Json& f = records[file];
        for (const char* name : {"doc_type", "number", "date", "issuer"}) {
            if (l[name].is_null()) continue;
            ++total;
            Json got = value_of(f, name);
            // The labels name a joint circular by its base type; congvan reads the
            // type as printed (THÔNG TƯ LIÊN TỊCH), which is a thông tư.
            bool joint = std::string(name) == "doc_type" && got == "thong_tu_lien_tich" && l[name] == "thong_tu";
            bool same = key(got) == key(l[name]) || joint;
            right += same;
            INFO(name << ": " << got.dump() << " against " << l[name].dump());
            CHECK((same || got.is_null() || uncertain(f, name)));
        }
        Json issuer = value_of(f, "issuer");
        if (!issuer.is_null()) CHECK(fold_string(issuer.get<std::string>()).find("cong hoa") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("real scans: the header is right, missing or marked uncertain, never confidently wrong", "[real]") {
    int right = 0, total = 0;
    score_headers("scans", right, total);
    // Measured 30 of 42 before the digit reader, 35 with it (2026-12-03, the scorer on
    // the same documents), 37 with blanks cut by the layout's word boxes (2026-12-04);
    // what is left is handwriting it misreads (README).
    CHECK(total == 42);
    CHECK(right >= 36);
    WARN("real scans: " << right << " of " << total << " header values right");
}

TEST_CASE("real scans: each file's header fields as read", "[real]") {
    auto records = extracted("scans");
    auto v = [&](const std::string& file, const std::string& name) { return key(value_of(records[file], name)); };
    CHECK(v("qng_vht507.signed.pdf", "number") == key("542/TB-UBND"));
    CHECK(v("qng_vht507.signed.pdf", "date") == key("2024-11-06"));
    CHECK(v("qng_vht534.signed.pdf", "number") == key("565/TB-UBND"));
    CHECK(v("qng_bnt_BTTTT_gop_y_VTCI.signed.pdf", "date") == key("2025-01-24"));
    CHECK(v("qng_05CT.pdf", "doc_type") == key("chi_thi"));
    CHECK(v("qng_05CT.pdf", "symbol") == key("CT-UBND"));
    CHECK(v("qng_575_UBND.signed.pdf", "date") == key("2025-02-04"));
    CHECK(v("qng_575_UBND.signed.pdf", "issuer") == key("Ủy ban nhân dân tỉnh Quảng Ngãi"));
    CHECK(v("caobang_H14.1999.1180.ND.001.020_p1-2.pdf", "number") == key("157/QĐ-NĐ-UB"));
    CHECK(v("caobang_H14.1999.1180.ND.001.020_p1-2.pdf", "issuer") == key("Ủy ban nhân dân tỉnh Cao Bằng"));
    CHECK(v("hungyen_page_051935_p1.jpg", "issuer") == key("Văn phòng Hội đồng nhân dân tỉnh Hưng Yên"));
    CHECK(v("qng_page_073706_p3.jpg", "doc_type") == key("quyet_dinh"));
    // A handwritten day is the digit reader's, said to be handwritten, with its
    // candidates; never invented from the signature stamp's time, and not sure
    // unless the stamp agrees with the reader's best reading (docs/handwriting.md).
    for (const char* file : {"qng_page_073706_p1.jpg", "qng_05CT.pdf"}) {
        INFO(file);
        const Json& date = records[file]["date"];
        CHECK((date["value"].is_null() || (date.value("handwritten", false) && date["candidates"].size() >= 1)));
    }
    const Json& number = records["qng_page_073706_p1.jpg"]["number"];
    CHECK(number.value("handwritten", false));
    CHECK(number["candidates"].size() >= 1);
}

TEST_CASE("real scans: signature stamps from the text layer and from OCR, each with its time", "[real]") {
    auto records = extracted("scans");
    auto times = [&](const std::string& file) {
        std::vector<std::string> out;
        Json v = value_of(records[file], "signatures");
        if (v.is_array())
            for (const auto& s : v) out.push_back(s["kind"].get<std::string>() + " " + s["time"].get<std::string>());
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(times("qng_05CT.pdf") == V{"authority 2020-04-16T07:37:07+07:00"});
    CHECK(times("qng_11CT.pdf") == V{"authority 2021-05-11T11:26:39"});
    CHECK(times("qng_575_UBND.signed.pdf") == V{"gazette 2025-02-05T15:35:18+07:00"});
    CHECK(times("qng_vht507.signed.pdf") == V{"gazette 2024-11-06T09:27:05+07:00"});
    CHECK(times("qng_vht534.signed.pdf") == V{"gazette 2024-11-18T07:25:14+07:00"});
    CHECK(times("qng_bnt_BTTTT_gop_y_VTCI.signed.pdf") == V{"gazette 2025-01-24T20:01:14+07:00"});
    CHECK(times("qng_page_073706_p1.jpg") == V{"gazette 2025-01-20T07:46:14+07:00", "authority 2025-01-19T10:13:06"});
    CHECK(times("caobang_H14.1999.1180.ND.001.020_p1-2.pdf").empty());
    Json first = value_of(records["qng_05CT.pdf"], "signatures")[0];
    CHECK(key(first["signed_by"]) == key("Ủy ban nhân dân tỉnh Quảng Ngãi"));
    CHECK(first["source"] == "text");
    CHECK(value_of(records["qng_page_073706_p1.jpg"], "signatures")[1]["source"] == "ocr");
}

TEST_CASE("real texts: at least 90 % of the labelled fields are right", "[real]") {
    auto records = extracted("texts");
    struct Key {
        const char* label;
        const char* field;
        const char* part;
    };
    const Key keys[] = {{"doc_type", "doc_type", ""}, {"number", "number", ""},       {"province", "province", ""},
                        {"year", "year", ""},         {"theme", "theme", ""},         {"week_start", "week", "start"},
                        {"week_end", "week", "end"},  {"opening", "opening", "date"}, {"report_deadline", "report_deadline", ""}};
    int right = 0, total = 0;
    for (const auto& l : labels("texts")) {
        std::string file = l["file"];
        for (const auto& k : keys) {
            Json want = l[k.label];
            if (std::string(k.label) == "doc_type" && want == "tin") want = "other";
            Json got = value_of(records[file], k.field, k.part);
            if (want.is_null() && got.is_null()) continue;
            ++total;
            bool same = !want.is_null() && key(got) == key(want);
            right += same;
            if (!same) WARN(file << " " << k.label << ": " << got.dump() << " against " << want.dump());
        }
    }
    CHECK(right * 10 >= total * 9);
}

TEST_CASE("real texts: no Week finding on a document that is not about the Week, and the real errors caught", "[real]") {
    auto quiet = run_congvan({"check", "--format", "jsonl", real_dir("texts") + "/2022_khanhhoa_kehoach_4341-hoc-tap-suot-doi.txt"});
    CHECK(quiet.out.find("\"severity\":\"warning\"") == std::string::npos);
    CHECK(quiet.out.find("\"severity\":\"error\"") == std::string::npos);
    auto bach_thong = run_congvan({"check", "--format", "jsonl", real_dir("texts") + "/2022_backan_tin_bach-thong.txt"});
    CHECK(bach_thong.out.find("theme-mismatch") != std::string::npos);
    CHECK(bach_thong.out.find("opening-outside-week") != std::string::npos);
}

TEST_CASE("real scans: `text --format jsonl` gives each header line its zone, column and source", "[real]") {
    auto r = run_congvan({"text", "--format", "jsonl", real_dir("scans") + "/qng_vht507.signed.pdf"});
    REQUIRE(r.exit_code == 0);
    Json doc = jsonl_documents(r.out).at(0);
    std::map<std::string, Json> by_text;
    for (const auto& line : doc["pages"][0]["lines"]) by_text[line["text"].get<std::string>()] = line;
    auto zone = [&](const std::string& text) { return by_text.count(text) ? by_text[text]["zone"] : Json("(no such line)"); };
    CHECK(zone("TRUNG TÂM CÔNG") == "signature_stamp");
    CHECK(zone("06.11.2024 09:27:05") == "signature_stamp");
    CHECK(zone("Số: 542 /TB-UBND") == "number");
    CHECK(zone("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == "motto");
    CHECK(zone("Quảng Ngãi, ngày 06 tháng 11 năm 2024") == "place_date");
    CHECK(zone("THÔNG BÁO") == "type");
    CHECK(by_text["Số: 542 /TB-UBND"]["column"] == 1);
    CHECK(by_text["Quảng Ngãi, ngày 06 tháng 11 năm 2024"]["column"] == 2);
    CHECK(by_text["TRUNG TÂM CÔNG"]["source"] == "text");
    CHECK(by_text["THÔNG BÁO"]["zone"] != by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]["zone"]);
}

TEST_CASE("real documents of other offices: the header is right or uncertain, a garbage OCR layer read again", "[real]") {
    auto records = extracted("more");
    int right = 0, total = 0;
    score_headers("more", right, total);
    // Measured 2026-12-03: 13 of 16 (the university's handwritten number and day, the
    // joint circular's number read without its slash).
    CHECK(total == 16);
    CHECK(right >= 13);
    auto v = [&](const std::string& file, const std::string& name) { return key(value_of(records[file], name)); };
    CHECK(v("ttg_20-2019_QD_p1-3.pdf", "issuer") == key("Thủ tướng Chính phủ"));
    CHECK(v("ttg_20-2019_QD_p1-3.pdf", "number") == key("20/2019/QĐ-TTg"));
    CHECK(v("ttlt_01-2016_p1-3.pdf", "issuer") == key("Tòa án nhân dân tối cao; Viện kiểm sát nhân dân tối cao; Bộ Tư pháp"));
    // The garbage layer ("DHTD") is not trusted: the page is OCR'd and the body's
    // name read with its marks.
    CHECK(v("taydo_534_TB.pdf", "issuer") == key("Trường Đại học Tây Đô"));
}

TEST_CASE("real documents of other offices: where the text comes from, and no proof-reading of issued documents", "[real]") {
    auto origin = [](const std::string& file) {
        auto r = run_congvan({"extract", "--format", "jsonl", real_dir("more") + "/" + file});
        return jsonl_documents(r.out).at(0)["presentation"]["origin"].get<std::string>();
    };
    CHECK(origin("taydo_534_TB.pdf") == "scan");
    CHECK(origin("ttg_20-2019_QD_p1-3.pdf") == "born_digital");
    std::vector<std::string> files;
    for (const auto& l : labels("more")) files.push_back(real_dir("more") + "/" + l["file"].get<std::string>());
    for (bool asked : {false, true}) {
        std::vector<std::string> args = {"check", "--format", "jsonl"};
        if (asked) args.push_back("--proofread");
        args.insert(args.end(), files.begin(), files.end());
        auto r = run_congvan(args);
        for (const auto& doc : jsonl_documents(r.out))
            for (const auto& f : doc["findings"]) {
                std::string rule = f["rule"];
                INFO(doc["file"] << " " << rule << (asked ? " (proof-read)" : ""));
                // Not asked: no proof-reading at all. Asked: the scans are still never
                // proof-read, and the ministry's en-dash motto is not a fault.
                if (!asked || doc["file"].get<std::string>().find("ttlt_") != std::string::npos ||
                    doc["file"].get<std::string>().find("taydo_") != std::string::npos)
                    CHECK(rule.rfind("nd30-", 0) != 0);
                CHECK(rule != "nd30-motto");
                CHECK((f["severity"] == "info" || rule.rfind("nd30-", 0) == 0));
            }
    }
}
