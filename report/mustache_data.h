// What the HTML outputs (html_report.cpp, archive_site.cpp) give their templates in
// common: lists, and the documentation pages of the rules that have findings.
#pragma once

#include <kainjow/mustache.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "rule_list.h"

namespace congvan {

inline kainjow::mustache::data mustache_list() { return kainjow::mustache::data(kainjow::mustache::data::type::list); }

// Each rule's id and its page (docs/rules, in the output's language), in id order.
inline kainjow::mustache::data rule_pages(const std::set<std::string>& ids, Language language) {
    auto pages = mustache_list();
    for (const auto& id : ids) {
        kainjow::mustache::data rule;
        rule.set("id", id);
        try {
            rule.set("documentation", rule_page(id, language));
        } catch (const std::invalid_argument&) {
            continue;  // a rule an older congvan stored, that this one no longer has
        }
        pages.push_back(rule);
    }
    return pages;
}

}  // namespace congvan
