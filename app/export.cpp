#include "app/export.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/chain.h"
#include "report/chain_json.h"
#include "report/check_output.h"
#include "report/json_lines.h"
#include "store/stored_outcome.h"
#include "text/normalize.h"

namespace congvan {

// One stored row at a time, so that an archive compared as a whole exports in the
// memory of one document: each document's place in the chain is as the archive's
// last comparison stored it (docs/chain.md). Documents stored since (a merge, a scan
// with --no-chain) are placed in the archive as it is, which needs its library.
void export_archive(Archive& archive, FindingSink& sink) {
    std::optional<MemoryLibrary> library;
    if (archive.holds_unplaced()) library = archive_library(archive);
    sink.begin();
    archive.each_document(
        [&](StoredDocument& d) {
            if (!d.error.empty()) {  // not read: no document to show, the reason instead
                sink.error(d.path, d.error);
                return;
            }
            nlohmann::ordered_json archived = {
                {"kind", d.kind}, {"pages", {{"text", d.text_pages}, {"ocr", d.ocr_pages}}}, {"seconds", d.seconds}};
            auto chain = library && d.chain.is_null() ? chain_json(d.path, *library) : d.chain;
            sink.document({as_checked(d), d.path, d.fields, std::move(archived), std::move(chain)});
        },
        kWithoutPages);
    sink.end();
}

namespace {

// The counts of a dimension in the order a reader looks them up in.
std::vector<Archive::Count> ordered_counts(Archive& archive, const std::string& dimension) {
    auto counts = archive.counts_by(dimension);
    if (dimension != "province") return counts;  // years and rule ids sort as the database sorts them
    std::vector<std::string> names;
    for (const auto& c : counts)
        if (!c.key.empty()) names.push_back(c.key);
    sort_vietnamese(names);
    std::vector<Archive::Count> out;
    for (const auto& name : names) out.push_back(*std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.key == name; }));
    for (const auto& c : counts)
        if (c.key.empty()) out.push_back(c);
    return out;
}

// The chain's links: the citations, those naming a document of the archive, and
// the findings of the rules that compare documents (docs/chain.md).
void summarise_links(Archive& archive, Language language, std::ostream& out, const std::string& format) {
    auto counts = archive.link_counts(broken_link_rule_ids());
    if (!counts) return;
    if (format == "csv") {
        const std::pair<const char*, long> rows[] = {
            {"citations", counts->citations}, {"resolved", counts->resolved}, {"broken", counts->broken}};
        for (const auto& [key, n] : rows) out << csv_row({"links", key, std::to_string(n), "", "", ""});
    } else if (format == "jsonl") {
        out << json_line("links", {{"citations", counts->citations}, {"resolved", counts->resolved}, {"broken", counts->broken}});
    } else {
        out << message("summary.links", {{"citations", std::to_string(counts->citations)},
                                         {"resolved", std::to_string(counts->resolved)},
                                         {"broken", std::to_string(counts->broken)}})
                   .in(language)
            << "\n\n";
    }
}

}  // namespace

void summarise_archive(Archive& archive, Language language, std::ostream& out, const std::string& format) {
    auto word = [&](const std::string& key, const std::vector<MessageArg>& args = {}) {
        return message("summary." + key, args).in(language);
    };
    if (format == "csv") out << "dimension,key,documents,errors,warnings,infos\n";
    if (format == "jsonl") out << json_lines_begin("summary");
    for (const char* dimension : {"province", "year", "rule"}) {
        if (format == "text")
            out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", word("by", {{"dimension", word(dimension)}}), word("documents"),
                               word("errors"), word("warnings"), word("infos"));
        for (const auto& c : ordered_counts(archive, dimension)) {
            if (format == "csv")
                out << csv_row({dimension, c.key, std::to_string(c.documents), std::to_string(c.errors), std::to_string(c.warnings),
                                std::to_string(c.infos)});
            else if (format == "jsonl")
                out << json_line("count", {{"dimension", dimension},
                                           {"key", c.key.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.key)},
                                           {"documents", c.documents},
                                           {"errors", c.errors},
                                           {"warnings", c.warnings},
                                           {"infos", c.infos}});
            else
                out << fmt::format("{:<32} {:>9} {:>7} {:>8} {:>6}\n", c.key.empty() ? word("unknown") : c.key, c.documents, c.errors,
                                   c.warnings, c.infos);
        }
        if (format == "text") out << '\n';
    }
    summarise_links(archive, language, out, format);
    // Never a silent pass: the documents no instruction was compared with, by year.
    std::string unaudited = unaudited_in_archive(archive, language);
    if (format == "jsonl") {
        long count = 0;
        for (const auto& c : archive.counts_by("unaudited")) count += c.documents;
        out << json_line("unaudited", {{"documents", count}, {"message", unaudited}});
    } else if (format == "text" && !unaudited.empty()) {
        out << unaudited << '\n';
    }
}

std::string unaudited_in_archive(Archive& archive, Language language) {
    long count = 0;
    std::string years;
    for (const auto& c : archive.counts_by("unaudited")) {
        count += c.documents;
        years += (years.empty() ? "" : ", ") + (c.key.empty() ? message("summary.unknown").in(language) : c.key);
    }
    if (!count) return "";
    return message("unaudited.summary", {{"count", std::to_string(count)}, {"years", years}}).in(language);
}

}  // namespace congvan
