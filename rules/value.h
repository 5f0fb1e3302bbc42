// What a finding expected and what it found, as typed values: a date stays a date
// until a format renders it in the output's language ("01/10/2022", "on or before
// 30/10/2022"), and JSON, SARIF and the archive keep the kind and the canonical value.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "fields/record.h"
#include "text/messages.h"

namespace congvan {

struct Value {
    enum class Kind {
        Text,            // words of a document or a record, as they are
        Symbol,          // a number/symbol ("3589/BGDĐT-GDTX") or a type code ("KH")
        Year,            // "2022"
        Date,            // ISO "2022-10-01"
        DateOnOrBefore,  // ISO date: the value may be that day or earlier
        DateAfter,       // ISO date: the value must be later
        Period,          // ISO "2022-10-01/2022-10-07"
        Weekday,         // ISO weekday number, "1" (Monday) to "7"
        OneOf,           // alternatives joined by " | "
        Agency,          // an agency's name
        Field,           // a field's id ("theme", "report_deadline")
        ExistingDate,    // (no value) a date that exists
        NoEmptyPart,     // (no value) a symbol without an empty part
        EachPartOnce,    // (no value) a symbol naming each unit once
        NoTypeCode,      // (no value) a symbol without a type code
    };
    Kind kind = Kind::Text;
    std::string value;

    bool operator==(const Value&) const = default;
};

const char* kind_name(Value::Kind kind);  // "date-on-or-before"
std::optional<Value::Kind> parse_kind(const std::string& name);
// A kind as JSON is its name; an unknown name is an error (std::runtime_error).
void to_json(nlohmann::json& j, const Value::Kind& kind);
void from_json(const nlohmann::json& j, Value::Kind& kind);

// Its members, listed once for every encoding (text/json_members.h).
template <typename V>
void members(Value& value, V&& v) {
    v("kind", value.kind);
    v("value", value.value);
}

// How the value reads in both languages.
Text render(const Value& value);

Value text_value(std::string text);
Value symbol_value(std::string symbol);
Value year_value(int year);
Value date_value(const VnDate& date, Value::Kind kind = Value::Kind::Date);
Value period_value(const Week& week);
Value weekday_value(int iso_weekday);
Value one_of_value(const std::vector<std::string>& alternatives);
Value field_value(std::string field_id);
Value rule_value(Value::Kind kind);  // the kinds without a value

}  // namespace congvan
