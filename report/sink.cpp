#include "sink.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "text/normalize.h"

namespace congvan {

namespace {

std::vector<SinkFormat>& formats() {
    static std::vector<SinkFormat> all;
    return all;
}

}  // namespace

nlohmann::ordered_json sink_document_json(const SinkDocument& doc, Language language) {
    nlohmann::ordered_json j = checked_json(doc.checked, language);
    if (doc.archived.is_object())
        for (const auto& [key, value] : doc.archived.items()) j[key] = value;
    if (!doc.fields.is_null()) j["fields"] = doc.fields;
    if (!doc.chain.is_null()) j["chain"] = doc.chain;
    return j;
}

void register_sink(SinkFormat format) {
    auto& all = formats();
    auto same = [&](const SinkFormat& f) { return f.name == format.name; };
    if (std::any_of(all.begin(), all.end(), same)) {
        std::fprintf(stderr, "congvan: output format %s registered twice\n", format.name.c_str());
        std::abort();
    }
    all.push_back(std::move(format));
    std::sort(all.begin(), all.end(), [](const SinkFormat& a, const SinkFormat& b) { return a.name < b.name; });
}

const std::vector<SinkFormat>& sink_formats() { return formats(); }

std::vector<std::string> sink_names() {
    std::vector<std::string> names;
    for (const auto& f : formats()) names.push_back(f.name);
    return names;
}

std::unique_ptr<FindingSink> make_sink(std::string_view name, std::ostream& out, const SinkSettings& settings) {
    for (const auto& f : formats())
        if (f.name == name) return f.make(out, settings);
    std::string known;
    for (const auto& f : formats()) known += (known.empty() ? "" : ", ") + f.name;
    throw std::invalid_argument("unknown output format '" + printable(name) + "' (formats: " + known + ")");
}

std::string format_extension(std::string_view path) {
    auto slash = path.find_last_of('/');
    auto dot = path.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
    std::string extension = fold_string(path.substr(dot + 1));
    return extension == "htm" ? "html" : extension;
}

std::optional<std::string> sink_format_of_path(std::string_view path) {
    std::string extension = format_extension(path);
    for (const auto& f : formats())
        if (!extension.empty() && f.extension == extension) return f.name;
    return std::nullopt;
}

}  // namespace congvan
