// The HTML audit report (`congvan check --format html`): one self-contained file an
// auditor opens in a browser, with no server and no network. Each document's header
// fields, the Ministry record it was compared with, each finding (expected against
// found, a word diff for texts) and the pages with findings drawn with the evidence
// boxed; a text file shows the evidence line among its neighbours. Every text comes
// from the document or the records and is escaped by the template (mustache's
// {{ }}); the page forbids scripts and loads nothing (Content-Security-Policy).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "check_output.h"
#include "fields/record.h"
#include "isolation/batch.h"
#include "reading/page_view.h"

namespace congvan {

struct ReportDocument {
    CheckedDocument checked;
    nlohmann::ordered_json fields;  // the header's fields, as record_json(record)["fields"]
    std::vector<PageView> pages;    // the pages with findings, when they could be drawn
    std::string missing;            // why the pages could not be drawn (the file moved), in English
    nlohmann::ordered_json chain;   // its citations and who cites it (report/chain_json.h), or null
};

// Where a report that is one page of a site (`congvan report`) finds its style
// sheet and its way back; empty: a file that stands alone, its style inside it.
struct HtmlPageLinks {
    std::string stylesheet, home, home_label;
    // Where the page of a document named in a citation is, by its file: a site's
    // other documents (a document of this report is linked to its own section).
    std::map<std::string, std::string> document_href;
};

std::string html_report(const std::vector<ReportDocument>& documents, Language language, const HtmlPageLinks& links = {});

// Draws the pages with findings of each document (`paths[i]` is documents[i]'s
// file), each file in a process of its own as when it was read; a file that cannot
// be read again (moved, or its bytes are not the sha256 it was read with) gets its
// reason in `missing`.
void draw_pages_with_findings(std::vector<ReportDocument>& documents, const std::vector<std::string>& paths, const BatchOptions& options);

// The pages a document's findings point at, in order, each once.
std::vector<int> pages_with_findings(const CheckResult& result);

}  // namespace congvan
