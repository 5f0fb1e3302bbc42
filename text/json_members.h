// A type stored as JSON lists its members once, as `members(T&, visitor)` in
// namespace congvan (beside the type); these give nlohmann both directions from that one list. An
// absent optional is left out when written and read back as empty; any other
// member missing when read is an error (std::runtime_error), so that data written
// by another version is refused rather than half-read.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace congvan {

struct JsonMemberWriter {
    nlohmann::json& j;
    template <typename T>
    void operator()(const char* name, const T& value) const {
        if constexpr (requires {
                          value.has_value();
                          *value;
                      }) {
            if (value) j[name] = *value;
        } else {
            j[name] = value;
        }
    }
};

struct JsonMemberReader {
    const nlohmann::json& j;
    template <typename T>
    void operator()(const char* name, T& value) const {
        auto it = j.find(name);
        if constexpr (requires {
                          value.reset();
                          value.emplace();
                      }) {
            if (it == j.end() || it->is_null()) value.reset();
            else value = it->template get<typename T::value_type>();
        } else {
            if (it == j.end()) throw std::runtime_error(std::string("stored data has no '") + name + "'");
            value = it->template get<T>();
        }
    }
};

// An enumeration stored as its name, read back by `parse` (a name → optional value);
// an unknown name is an error naming `what`.
template <typename E, typename Parse>
void name_from_json(const nlohmann::json& j, E& value, Parse parse, const char* what) {
    std::optional<E> read = j.is_string() ? parse(j.template get<std::string>()) : std::nullopt;
    if (!read) throw std::runtime_error(std::string("stored ") + what + " of no known name: " + j.dump());
    value = *read;
}

template <typename T>
requires requires(T& t) { members(t, JsonMemberWriter{std::declval<nlohmann::json&>()}); }
void to_json(nlohmann::json& j, const T& value) {
    j = nlohmann::json::object();
    members(const_cast<T&>(value), JsonMemberWriter{j});
}

template <typename T>
requires requires(T& t) { members(t, JsonMemberReader{std::declval<const nlohmann::json&>()}); }
void from_json(const nlohmann::json& j, T& value) { members(value, JsonMemberReader{j}); }

}  // namespace congvan
