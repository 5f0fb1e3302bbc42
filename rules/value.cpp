#include "value.h"

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

#include "check_support.h"
#include "text/json_members.h"

namespace congvan {

namespace {

using Kind = Value::Kind;

constexpr std::array<std::pair<Kind, const char*>, 15> kKindNames{{
    {Kind::Text, "text"},
    {Kind::Symbol, "symbol"},
    {Kind::Year, "year"},
    {Kind::Date, "date"},
    {Kind::DateOnOrBefore, "date-on-or-before"},
    {Kind::DateAfter, "date-after"},
    {Kind::Period, "period"},
    {Kind::Weekday, "weekday"},
    {Kind::OneOf, "one-of"},
    {Kind::Agency, "agency"},
    {Kind::Field, "field"},
    {Kind::ExistingDate, "existing-date"},
    {Kind::NoEmptyPart, "no-empty-part"},
    {Kind::EachPartOnce, "each-part-once"},
    {Kind::NoTypeCode, "no-type-code"},
}};

// An ISO date as documents write it; anything else as it is.
std::string written_date(const std::string& iso) {
    auto date = parse_iso_date(iso);
    return date ? vn_date(*date) : iso;
}

std::string written_period(const std::string& value) {
    auto slash = value.find('/');
    if (slash == std::string::npos) return value;
    return written_date(value.substr(0, slash)) + " – " + written_date(value.substr(slash + 1));
}

}  // namespace

const char* kind_name(Kind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "text";
}

std::optional<Kind> parse_kind(const std::string& name) {
    for (const auto& [k, n] : kKindNames)
        if (name == n) return k;
    return std::nullopt;
}

void to_json(nlohmann::json& j, const Kind& kind) { j = kind_name(kind); }

void from_json(const nlohmann::json& j, Kind& kind) { name_from_json(j, kind, parse_kind, "value kind"); }

Text render(const Value& v) {
    switch (v.kind) {
        case Kind::Date:
            return message("value.date", {{"value", written_date(v.value)}});
        case Kind::DateOnOrBefore:
            return message("value.date-on-or-before", {{"value", written_date(v.value)}});
        case Kind::DateAfter:
            return message("value.date-after", {{"value", written_date(v.value)}});
        case Kind::Period:
            return message("value.date", {{"value", written_period(v.value)}});
        // A stored value may come from a damaged or crafted database: what names no
        // message is shown as it is (found by fuzz_stored_record).
        case Kind::Weekday:
            return has_message("weekday." + v.value) ? message("weekday." + v.value) : Text{v.value, v.value};
        case Kind::OneOf:
            return message("value.one-of", {{"value", v.value}});
        case Kind::Field:
            return has_message("field." + v.value) ? message("field." + v.value) : Text{v.value, v.value};
        case Kind::ExistingDate:
        case Kind::NoEmptyPart:
        case Kind::EachPartOnce:
        case Kind::NoTypeCode:
            return message(std::string("value.") + kind_name(v.kind));
        default:
            return Text{v.value, v.value};
    }
}

Value text_value(std::string text) { return {Kind::Text, std::move(text)}; }
Value symbol_value(std::string symbol) { return {Kind::Symbol, std::move(symbol)}; }
Value year_value(int year) { return {Kind::Year, std::to_string(year)}; }
Value date_value(const VnDate& date, Kind kind) { return {kind, date.iso()}; }
Value period_value(const Week& week) { return {Kind::Period, week.start.iso() + "/" + week.end.iso()}; }
Value weekday_value(int iso_weekday) { return {Kind::Weekday, std::to_string(iso_weekday)}; }
Value field_value(std::string field_id) { return {Kind::Field, std::move(field_id)}; }
Value rule_value(Kind kind) { return {kind, ""}; }

Value one_of_value(const std::vector<std::string>& alternatives) {
    std::string all;
    for (const auto& a : alternatives) all += (all.empty() ? "" : " | ") + a;
    return {Kind::OneOf, all};
}

}  // namespace congvan
