// Markdown for pasting into an e-mail, a ticket or a wiki: a heading a document,
// what it was compared with, and a table of its findings. Every cell comes from the
// document and is escaped so that it stays text: the characters that open emphasis,
// code, links, headings and table cells are backslash-escaped, HTML's are written
// as entities, and a line break is a space. Each escaped text sits mid-line (after
// "## ", in a cell, or in a paragraph that starts with congvan's own words), where
// "-", "+" and "1." open no list.
#include "report/document_json.h"
#include "report/sink.h"
#include "text/normalize.h"

namespace congvan {

namespace {

std::string markdown_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (std::string_view("\\`*_[]#|~").find(c) != std::string_view::npos) out += {'\\', c};
        else out += c;
    }
    return out;
}

class MarkdownSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void begin() override { out_ << "# " << word("report.title") << "\n\n" << std::flush; }
    void document(SinkDocument doc) override {
        const auto& result = doc.checked.result;
        out_ << "## " << markdown_text(printable(doc.checked.file)) << "\n\n"
             << markdown_text(what_was_compared(result, settings_.language)) << "\n\n";
        if (result.findings.empty()) {
            out_ << word("report.no_findings") << "\n\n" << std::flush;
            return;
        }
        out_ << "| " << word("markdown.severity") << " | " << word("markdown.where") << " | " << word("report.findings") << " | "
             << word("report.expected") << " | " << word("report.found") << " | " << word("markdown.rule") << " |\n"
             << "|---|---|---|---|---|---|\n";
        for (const auto& f : result.findings) {
            std::string where =
                f.evidence ? where_label(f.evidence->shown_line(), f.evidence->page, f.evidence->line, f.evidence->bbox.has_value())
                                 .in(settings_.language)
                           : "";
            out_ << "| " << word(std::string("report.severity.") + to_string(f.severity)) << " | " << markdown_text(where) << " | "
                 << markdown_text(full_message(f, settings_.language)) << " | " << markdown_text(value_text(f.expected, settings_.language))
                 << " | " << markdown_text(value_text(f.found, settings_.language)) << " | " << markdown_text(f.rule) << " |\n";
        }
        out_ << '\n' << std::flush;
    }
    void error(const std::string& file, const std::string& reason) override {
        out_ << "## " << markdown_text(printable(file)) << "\n\n"
             << markdown_text(shown_reason(reason).in(settings_.language)) << "\n\n"
             << std::flush;
    }

private:
    std::string word(const std::string& key) const { return message(key).in(settings_.language); }
};

}  // namespace

CONGVAN_REGISTER_SINK(MarkdownSink, "markdown", "md");

}  // namespace congvan
