// The self-contained HTML audit report, drawn when the last document is known.
#include "report/html_report.h"
#include "report/sink.h"

namespace congvan {

namespace {

class HtmlSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void document(SinkDocument doc) override {
        documents_.push_back(
            {std::move(doc.checked), doc.fields.is_null() ? nlohmann::ordered_json::object() : doc.fields, {}, {}, std::move(doc.chain)});
        paths_.push_back(doc.path);
    }
    void end() override {
        if (settings_.draw_pages) draw_pages_with_findings(documents_, paths_, *settings_.draw_pages);
        out_ << html_report(documents_, settings_.language) << std::flush;
    }

private:
    std::vector<ReportDocument> documents_;
    std::vector<std::string> paths_;
};

}  // namespace

CONGVAN_REGISTER_SINK(HtmlSink, "html", "html");

}  // namespace congvan
