// JSON Lines (docs/output.md): a "begin" line, a line a document or unread file,
// a "summary" line counting them; each line written as soon as it is known.
#include "report/json_lines.h"
#include "report/sink.h"

namespace congvan {

namespace {

class JsonLinesSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void begin() override { out_ << json_lines_begin(settings_.command) << std::flush; }
    void document(SinkDocument doc) override {
        ++tally_.documents;
        for (const auto& f : doc.checked.result.findings) ++tally_.findings[to_string(f.severity)];
        out_ << json_line("document", sink_document_json(doc, settings_.language)) << std::flush;
    }
    void error(const std::string& file, const std::string& reason) override {
        ++tally_.errors;
        out_ << json_lines_error(file, reason, settings_.language) << std::flush;
    }
    void end() override { out_ << tally_.summary_line() << std::flush; }

private:
    JsonLinesTally tally_{0, 0, true, {}};
};

}  // namespace

CONGVAN_REGISTER_SINK(JsonLinesSink, "jsonl", "jsonl");

}  // namespace congvan
