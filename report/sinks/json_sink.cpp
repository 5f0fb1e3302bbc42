// One JSON array of every document, written when the last one is known.
#include "report/document_json.h"
#include "report/sink.h"

namespace congvan {

namespace {

class JsonSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void document(SinkDocument doc) override { all_.push_back(sink_document_json(doc, settings_.language)); }
    void end() override { out_ << json_text(all_, 2) << '\n' << std::flush; }

private:
    nlohmann::ordered_json all_ = nlohmann::ordered_json::array();
};

}  // namespace

CONGVAN_REGISTER_SINK(JsonSink, "json", "json");

}  // namespace congvan
