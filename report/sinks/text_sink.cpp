// Compiler-style lines an auditor reads in a terminal (`file:page:line: error[rule]`).
#include "report/sink.h"

namespace congvan {

namespace {

class TextSink final : public StreamSink {
public:
    using StreamSink::StreamSink;
    void document(SinkDocument doc) override {
        out_ << checked_text(doc.checked, settings_.language, settings_.colour, settings_.with_comparison) << std::flush;
    }
};

}  // namespace

CONGVAN_REGISTER_SINK(TextSink, "text", "txt");

}  // namespace congvan
