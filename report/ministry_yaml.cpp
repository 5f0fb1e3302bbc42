#include "ministry_yaml.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include "rules/ministry.h"
#include "text/normalize.h"

namespace congvan {

namespace {

// "FILE, page P, line L": where a person checks the value.
template <typename T>
std::string where(const Field<T>& field, const std::string& file) {
    if (!field.evidence) return file;
    return fmt::format("{}, page {}, line {}", file, field.evidence->page, field.evidence->line);
}

template <typename T, typename Write>
void fact(YAML::Emitter& out, const Field<T>& field, bool found, const std::string& file, Write write_value) {
    out << YAML::Flow << YAML::BeginMap;
    write_value(out);
    out << YAML::Key << "confidence" << YAML::Value << (found ? "single" : "unknown");
    out << YAML::Key << "source" << YAML::Value << (found ? where(field, file) : std::string("not in the dispatch"));
    out << YAML::EndMap;
}

void value_or_null(YAML::Emitter& out, const std::optional<std::string>& value) {
    out << YAML::Key << "value" << YAML::Value;
    if (value) out << YAML::DoubleQuoted << *value;
    else out << YAML::Null;
}

std::optional<std::string> iso(const std::optional<VnDate>& date) { return date ? std::optional<std::string>(date->iso()) : std::nullopt; }

}  // namespace

std::string ministry_record_yaml(const Record& d, const std::string& file) {
    MinistryRecord r = ministry_record_from(d);  // refuses a dispatch that is not the Ministry's
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "year" << YAML::Value << r.year;
    out << YAML::Key << "instruction" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "number" << YAML::Value;
    fact(out, d.number, r.number.known(), file, [&](auto& o) { value_or_null(o, r.number.value); });
    out << YAML::Key << "date" << YAML::Value;
    fact(out, d.date, r.date.known(), file, [&](auto& o) { value_or_null(o, iso(r.date.value)); });
    out << YAML::EndMap;
    out << YAML::Key << "theme" << YAML::Value;
    fact(out, d.theme, r.theme.known(), file, [&](auto& o) { value_or_null(o, r.theme.value); });
    out << YAML::Key << "week" << YAML::Value;
    fact(out, d.week, r.week.known(), file, [&](auto& o) {
        for (const char* key : {"start", "end"}) {
            o << YAML::Key << key << YAML::Value;
            if (r.week.value) o << (std::string(key) == "start" ? r.week.value->start.iso() : r.week.value->end.iso());
            else o << YAML::Null;
        }
    });
    out << YAML::Key << "opening" << YAML::Value;
    fact(out, d.opening, r.opening.known(), file, [&](auto& o) { value_or_null(o, iso(r.opening.value)); });
    out << YAML::Key << "report_deadline" << YAML::Value;
    fact(out, d.report_deadline, r.report_deadline.known(), file, [&](auto& o) { value_or_null(o, iso(r.report_deadline.value)); });
    out << YAML::Key << "agencies" << YAML::Value << YAML::BeginSeq;
    for (const auto& agency : r.agencies) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << agency.name;
        out << YAML::Key << "match" << YAML::Value << YAML::Flow << agency.match << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    // The file's name is the user's, not ours: a newline in it would end the comment
    // and start a key of the record, so control characters are written escaped.
    return fmt::format(
               "# The Ministry's instruction for the {} Lifelong Learning Week, imported by congvan\n"
               "# from {}: check each value against the dispatch, then raise a confidence\n"
               "# to `confirmed` when a second source agrees (docs/confidence.md).\n",
               r.year, printable(file)) +
           out.c_str() + "\n";
}

}  // namespace congvan
