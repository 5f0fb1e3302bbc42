// One row a finding, for a spreadsheet (cells defused against formulas).
#include "report/sink.h"

namespace congvan {

namespace {

class CsvSink final : public FindingSink {
public:
    CsvSink(std::ostream& out, const SinkSettings& settings) : out_(out), settings_(settings) {}
    void begin() override { out_ << (settings_.bom ? kUtf8Bom : "") << csv_header() << std::flush; }
    void document(SinkDocument doc) override { out_ << checked_csv(doc.checked, settings_.language) << std::flush; }

private:
    std::ostream& out_;
    SinkSettings settings_;
};

}  // namespace

CONGVAN_REGISTER_SINK(CsvSink, "csv", "csv");

}  // namespace congvan
