#include "text_source.h"

#include "text/pattern.h"

#include "text/normalize.h"

namespace congvan {

std::string strip_markdown(std::string_view line) {
    static const Pattern heading(R"(^\s*#{1,6}\s+)");
    static const Pattern html_tag(R"(</?(?:b|i|u|em|strong|br|p|span)\s*/?>)");
    static const Pattern autolink(R"(<((?:https?|mailto):[^>\s]+)>)");
    static const Pattern bullet_star(R"(^(\s*)\*\s+)");
    static const Pattern emphasis(R"(\*+|__)");
    std::string s(line);
    RE2::Replace(&s, heading, "");
    RE2::GlobalReplace(&s, html_tag, "");
    RE2::GlobalReplace(&s, autolink, "\\1");
    RE2::Replace(&s, bullet_star, "\\1- ");
    RE2::GlobalReplace(&s, emphasis, "");
    return s;
}

std::vector<Page> read_text_pages(std::string_view utf8) {
    std::vector<Page> pages(1);
    pages.back().number = 1;
    std::size_t start = 0;
    int number = 0;
    while (start <= utf8.size()) {
        ++number;
        auto end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        std::string_view raw = utf8.substr(start, end - start);
        for (auto ff = raw.find('\f'); ff != std::string_view::npos; ff = raw.find('\f')) {
            std::string text = clean_line(strip_markdown(raw.substr(0, ff)));
            if (!text.empty()) pages.back().lines.push_back({text, std::nullopt, 100.0, number});
            Page next;
            next.number = static_cast<int>(pages.size()) + 1;
            pages.push_back(std::move(next));
            raw.remove_prefix(ff + 1);
        }
        std::string text = clean_line(strip_markdown(raw));
        if (!text.empty()) pages.back().lines.push_back({text, std::nullopt, 100.0, number});
        start = end + 1;
    }
    return pages;
}

}  // namespace congvan
