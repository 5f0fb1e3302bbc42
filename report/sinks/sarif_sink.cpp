// One SARIF 2.1.0 log for every document, for code-scanning viewers.
#include "report/document_json.h"
#include "report/sink.h"

namespace congvan {

namespace {

class SarifSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void document(SinkDocument doc) override { documents_.push_back(std::move(doc.checked)); }
    void end() override { out_ << json_text(sarif_log(documents_, settings_.language), 2) << '\n' << std::flush; }

private:
    std::vector<CheckedDocument> documents_;
};

}  // namespace

CONGVAN_REGISTER_SINK(SarifSink, "sarif", "sarif");

}  // namespace congvan
