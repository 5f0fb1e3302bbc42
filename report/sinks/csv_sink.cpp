// One row a finding, for a spreadsheet (cells defused against formulas).
#include "report/sink.h"

namespace congvan {

namespace {

class CsvSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void begin() override { out_ << (settings_.bom ? kUtf8Bom : "") << csv_header() << std::flush; }
    void document(SinkDocument doc) override { out_ << checked_csv(doc.checked, settings_.language) << std::flush; }
};

}  // namespace

CONGVAN_REGISTER_SINK(CsvSink, "csv", "csv");

}  // namespace congvan
