// Where a command's documents go, in one output format: the printers of ripgrep
// and clang's DiagnosticConsumer. A sink hears `begin`, then `document` for each
// document checked (or read back from a scan database) and `error` for each file
// that could not be read, then `end`. Each format is one file in report/sinks/
// that registers itself with CONGVAN_REGISTER_SINK; `check`, `export` and every
// other command that writes findings offer every registered format.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "check_output.h"
#include "isolation/batch.h"
#include "text/messages.h"

namespace congvan {

struct SinkSettings {
    Language language = Language::Vietnamese;
    std::string command = "check";  // the command writing, for JSON Lines' first line
    bool colour = false;            // text: severities in colour (a terminal)
    bool with_comparison = true;    // text: each document's first line says what it was compared with
    bool bom = false;               // csv: the UTF-8 byte-order mark first, for Excel
    // html: the pages with findings drawn from the files, each in a process of its
    // own with these options; nullopt leaves the pages out.
    std::optional<BatchOptions> draw_pages;
};

// One document as a sink hears it.
struct SinkDocument {
    CheckedDocument checked;
    std::string path;                 // the file as given, for drawing its pages
    nlohmann::ordered_json fields;    // the header's fields (record_json(record)["fields"]), or null
    nlohmann::ordered_json archived;  // what a scan database adds (kind, pages, seconds), or null
    nlohmann::ordered_json chain;     // its citations and who cites it (report/chain_json.h), or null
};

// The JSON object of a document in the JSON formats: checked_json, then the fields
// and what a scan database adds, where given.
nlohmann::ordered_json sink_document_json(const SinkDocument& doc, Language language);

class FindingSink {
public:
    virtual ~FindingSink() = default;
    virtual void begin() {}
    virtual void document(SinkDocument doc) = 0;
    // A file not read: its name as shown, and the reason (in English, as stored).
    virtual void error(const std::string& /*file*/, const std::string& /*reason*/) {}
    virtual void end() {}
};

// A sink that writes to one stream with the command's settings: what every
// format's class holds.
class StreamSink : public FindingSink {
public:
    StreamSink(std::ostream& out, const SinkSettings& settings) : out_(out), settings_(settings) {}

protected:
    std::ostream& out_;
    const SinkSettings settings_;
};

struct SinkFormat {
    std::string name;       // "--format NAME"
    std::string extension;  // "-o FILE.EXT" without --format means this format
    std::unique_ptr<FindingSink> (*make)(std::ostream& out, const SinkSettings& settings);
};

// Every format, by name.
const std::vector<SinkFormat>& sink_formats();
std::vector<std::string> sink_names();
// The sink of format `name`; std::invalid_argument naming the formats when there is none.
std::unique_ptr<FindingSink> make_sink(std::string_view name, std::ostream& out, const SinkSettings& settings);
// The extension of a file's name, folded ("Report.HTM" → "html": ".htm" is html
// too), or empty.
std::string format_extension(std::string_view path);
// The format whose extension `path` ends with, if any.
std::optional<std::string> sink_format_of_path(std::string_view path);

// Called by CONGVAN_REGISTER_SINK before main; a second format of a name already
// taken stops the program at its start.
void register_sink(SinkFormat format);

template <typename S>
struct SinkRegistration {
    SinkRegistration(const char* name, const char* extension) {
        register_sink({name, extension, [](std::ostream& out, const SinkSettings& s) -> std::unique_ptr<FindingSink> {
                           return std::make_unique<S>(out, s);
                       }});
    }
};

}  // namespace congvan

#define CONGVAN_REGISTER_SINK(Class, name, extension) const ::congvan::SinkRegistration<Class> congvan_sink_##Class(name, extension)
