// Compiler-style lines an auditor reads in a terminal (`file:page:line: error[rule]`).
#include "report/sink.h"

namespace congvan {

namespace {

class TextSink final : public FindingSink {
public:
    TextSink(std::ostream& out, const SinkSettings& settings) : out_(out), settings_(settings) {}
    void document(SinkDocument doc) override {
        out_ << checked_text(doc.checked, settings_.language, settings_.colour, settings_.with_comparison) << std::flush;
    }

private:
    std::ostream& out_;
    SinkSettings settings_;
};

}  // namespace

CONGVAN_REGISTER_SINK(TextSink, "text", "txt");

}  // namespace congvan
