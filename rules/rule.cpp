#include "rule.h"

#include <stdexcept>

#include "config.h"

namespace congvan {

Text Rule::say(std::string_view what, const std::vector<MessageArg>& args) const {
    return message(std::string(id()) + "." + std::string(what), args);
}

double Rule::option(const CheckContext& context, const std::string& name) const {
    if (context.config)
        if (auto set = context.config->option(id(), name)) return *set;
    for (const auto& o : options())
        if (o.name == name) return o.default_value;
    throw std::logic_error(std::string(id()) + " asks for an option it does not declare: " + name);
}

}  // namespace congvan
