// The tests of the rule `nd30-body-size` (rules/checks/nd30-body-size.cpp,
// docs/rules/nd30-body-size.md): Word drafts of tools/make_docx.py (the body in 14 pt,
// in 13 pt in the Arial draft, in 12 pt in the fault), the fixture PDF (16 pt on the
// page) and the real signed PDFs (14 pt).
#include <catch2/catch.hpp>

#include "fields/extractor.h"
#include "reading/loader.h"
#include "tests/helpers.h"
#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

TEST_CASE("nd30-body-size: a draft whose body is in 12 pt fires once, with the first line so set", "[fixtures]") {
    auto found = findings_of(check_file(fixture("nghe-an-2024-ke-hoach.nd30-body-size.docx")), "nd30-body-size");
    REQUIRE(found.size() == 1);
    CHECK(found[0].found->value == "12 pt");
    CHECK(found[0].expected->value == "13–14 pt");
    REQUIRE(found[0].evidence);
    CHECK(found[0].evidence->text != "KẾ HOẠCH");  // the type name is the header's, in 14 pt
}

TEST_CASE("nd30-body-size: a PDF typeset in 16 pt fires", "[fixtures]") {
    auto found = findings_of(check_file(fixture("nghe-an-2024-ke-hoach.pdf")), "nd30-body-size");
    REQUIRE(found.size() == 1);
    CHECK(found[0].found->value == "16 pt");
}

TEST_CASE("nd30-body-size: bodies in 13 and 14 pt, a text file and a scan do not fire", "[fixtures]") {
    CHECK(findings_of(check_file(fixture("nghe-an-2024-ke-hoach.docx")), "nd30-body-size").empty());
    CHECK(findings_of(check_file(fixture("nghe-an-2024-ke-hoach.arial.docx")), "nd30-body-size").empty());
    CHECK(findings_of(check_file(sample("nghe-an-2024-ke-hoach.txt")), "nd30-body-size").empty());
    CHECK(findings_of(check_file(fixture("nghe-an-2024-ke-hoach.mixed.pdf")), "nd30-body-size").empty());
}

TEST_CASE("nd30-body-size: the real signed PDFs' bodies are in 14 pt, their recipients' 11 pt left aside", "[real]") {
    for (std::string name : {"qng_vht507.signed.pdf", "qng_vht534.signed.pdf", "qng_bnt_BTTTT_gop_y_VTCI.signed.pdf"}) {
        INFO(name);
        Record record = extract_record(load_document(real_document("scans", name)));
        REQUIRE(record.presentation.body_size);
        CHECK(record.presentation.body_size->size_pt == 14.0);
        CHECK(record.presentation.body_size->characters == record.presentation.body_size->of);
        CHECK(findings_of(check_file(real_document("scans", name)), "nd30-body-size").empty());
    }
}
