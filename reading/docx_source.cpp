#include "docx_source.h"

#include <zip.h>
#include <pugixml.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "text/messages.h"
#include "text/normalize.h"

namespace congvan {

namespace {

// A part larger than this once unpacked is refused: a 30-page draft's document.xml
// is a few hundred KB, and a ZIP bomb is small until it is unpacked.
constexpr zip_uint64_t kMaxPartMib = 64;

class Package {
public:
    explicit Package(std::string_view bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!zip_) {  // libzip's own words stay out of the reason: it is said in both languages
            if (source) zip_source_free(source);
            zip_error_fini(&error);
            throw LoadError(message("error.docx-package"));
        }
        zip_error_fini(&error);
    }
    ~Package() { zip_discard(zip_); }
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    // A part's bytes; empty when the package has no such part.
    std::optional<std::string> part(const std::string& name) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return std::nullopt;
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > (kMaxPartMib << 20))
            throw LoadError(message("error.docx-too-large", {{"part", name}, {"limit", std::to_string(kMaxPartMib)}}));
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip_, name.c_str(), 0), zip_fclose);
        if (!file) throw LoadError(message("error.docx-part", {{"part", name}}));
        std::string out(static_cast<std::size_t>(st.size), '\0');
        zip_int64_t got = zip_fread(file.get(), out.data(), st.size);
        if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) throw LoadError(message("error.docx-part", {{"part", name}}));
        return out;
    }

    // The names of the parts that start with `prefix` ("word/header").
    std::vector<std::string> parts_named(const std::string& prefix) const {
        std::vector<std::string> names;
        for (zip_int64_t i = 0; i < zip_get_num_entries(zip_, 0); ++i)
            if (const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), 0); name && std::string(name).rfind(prefix, 0) == 0)
                names.push_back(name);
        return names;
    }

private:
    zip_t* zip_ = nullptr;
};

pugi::xml_document parsed(const std::string& xml, const std::string& part) {
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!result) throw LoadError(message("error.docx-xml", {{"part", part}}));
    return doc;
}

// A run's style as one level of the cascade says it (a run, a style, the defaults):
// what it does not say comes from the level below.
struct RunStyle {
    std::optional<std::string> font;
    std::optional<double> size_pt;
    std::optional<bool> bold, italic, underline;

    void fill_from(const RunStyle& base) {
        if (!font) font = base.font;
        if (!size_pt) size_pt = base.size_pt;
        if (!bold) bold = base.bold;
        if (!italic) italic = base.italic;
        if (!underline) underline = base.underline;
    }
    TextStyle resolved() const {
        return {font.value_or(""), size_pt.value_or(0), bold.value_or(false), italic.value_or(false), underline.value_or(false)};
    }
};

std::optional<bool> toggle(pugi::xml_node rpr, const char* name) {
    auto node = rpr.child(name);
    if (!node) return std::nullopt;
    std::string value = node.attribute("w:val").value();
    return !(value == "0" || value == "false" || value == "none");
}

RunStyle run_style(pugi::xml_node rpr) {
    RunStyle s;
    if (!rpr) return s;
    if (auto fonts = rpr.child("w:rFonts")) {
        // A theme font (w:asciiTheme) names no face here: the style says nothing.
        for (const char* attribute : {"w:ascii", "w:hAnsi", "w:cs"})
            if (auto a = fonts.attribute(attribute); a && *a.value()) {
                s.font = a.value();
                break;
            }
    }
    if (auto size = rpr.child("w:sz")) s.size_pt = size.attribute("w:val").as_double() / 2;  // half-points
    s.bold = toggle(rpr, "w:b");
    s.italic = toggle(rpr, "w:i");
    s.underline = toggle(rpr, "w:u");
    return s;
}

// styles.xml: each style's run properties through its basedOn chain, the
// document's defaults under all, and the default paragraph style.
class Styles {
public:
    explicit Styles(const std::optional<std::string>& xml) {
        if (!xml) return;
        auto doc = parsed(*xml, "word/styles.xml");
        auto root = doc.child("w:styles");
        defaults_ = run_style(root.child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
        for (auto style : root.children("w:style")) {
            std::string id = style.attribute("w:styleId").value();
            own_[id] = {style.child("w:basedOn").attribute("w:val").value(), run_style(style.child("w:rPr"))};
            if (std::string(style.attribute("w:type").value()) == "paragraph" && style.attribute("w:default").as_bool())
                default_paragraph_ = id;
        }
    }

    // The style a run has: its own, its character style, its paragraph's style, the defaults.
    TextStyle of(pugi::xml_node run, pugi::xml_node paragraph) const {
        auto rpr = run.child("w:rPr");
        RunStyle s = run_style(rpr);
        s.fill_from(chain(rpr.child("w:rStyle").attribute("w:val").value()));
        std::string paragraph_style = paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
        s.fill_from(chain(paragraph_style.empty() ? default_paragraph_ : paragraph_style));
        s.fill_from(defaults_);
        return s.resolved();
    }

private:
    RunStyle chain(std::string id) const {
        RunStyle s;
        for (int depth = 0; depth < 16 && !id.empty(); ++depth) {  // a basedOn loop ends here
            auto it = own_.find(id);
            if (it == own_.end()) break;
            s.fill_from(it->second.second);
            id = it->second.first;
        }
        return s;
    }

    std::map<std::string, std::pair<std::string, RunStyle>> own_;  // id → (basedOn, its own properties)
    RunStyle defaults_;
    std::string default_paragraph_;
};

// A run inside a deletion that tracked changes keep is not the draft's text.
bool deleted(pugi::xml_node run) {
    for (auto n = run.parent(); n; n = n.parent())
        if (std::string_view(n.name()) == "w:del") return true;
    return false;
}

// The lines of one paragraph: its runs' text, a new line at each break.
void add_paragraph(pugi::xml_node paragraph, const Styles& styles, int column, std::vector<Line>& lines) {
    std::vector<std::string> texts;
    std::vector<TextStyle> run_styles;
    auto finish = [&] {
        std::vector<std::string_view> pieces(texts.begin(), texts.end());
        std::vector<std::pair<std::size_t, std::size_t>> ranges;
        Line line;
        line.text = clean_pieces(pieces, &ranges);
        line.column = column;
        for (std::size_t i = 0; i < ranges.size(); ++i)
            if (ranges[i].second > ranges[i].first)
                line.spans.push_back({ranges[i].first, ranges[i].second - ranges[i].first, run_styles[i]});
        if (!line.text.empty()) lines.push_back(std::move(line));
        texts.clear();
        run_styles.clear();
    };
    for (auto run : paragraph.select_nodes(".//w:r")) {
        auto r = run.node();
        if (deleted(r)) continue;
        TextStyle style = styles.of(r, paragraph);
        std::string text;
        for (auto child : r.children()) {
            std::string_view name = child.name();
            if (name == "w:t") text += child.text().get();
            else if (name == "w:tab") text += '\t';
            else if (name == "w:br" || name == "w:cr") {
                texts.push_back(text), run_styles.push_back(style);
                text.clear();
                finish();
            }
        }
        texts.push_back(text);
        run_styles.push_back(style);
    }
    finish();
}

// A table row by row; a two-column table (a Decree 30 header: the issuing body on
// the left, the national motto on the right) as the layout reads one on a page: the
// left column's lines, then the right's.
void add_table(pugi::xml_node table, const Styles& styles, std::vector<Line>& lines) {
    for (auto row : table.children("w:tr")) {
        std::vector<pugi::xml_node> cells;
        for (auto cell : row.children("w:tc")) cells.push_back(cell);
        int column = cells.size() == 2 ? 1 : 0;
        for (auto cell : cells) {
            for (auto block : cell.children()) {
                if (std::string_view(block.name()) == "w:p") add_paragraph(block, styles, column, lines);
                else if (std::string_view(block.name()) == "w:tbl") add_table(block, styles, lines);
            }
            if (column) ++column;
        }
    }
}

constexpr double kPointsPerTwip = 1.0 / 20;

PageSetup page_setup(pugi::xml_node section, const Package& package) {
    PageSetup setup;
    auto size = section.child("w:pgSz");
    setup.width = size.attribute("w:w").as_double() * kPointsPerTwip;
    setup.height = size.attribute("w:h").as_double() * kPointsPerTwip;
    auto margins = section.child("w:pgMar");
    setup.top = margins.attribute("w:top").as_double() * kPointsPerTwip;
    setup.bottom = margins.attribute("w:bottom").as_double() * kPointsPerTwip;
    setup.left = margins.attribute("w:left").as_double() * kPointsPerTwip;
    setup.right = margins.attribute("w:right").as_double() * kPointsPerTwip;
    // A PAGE field, simple or complex, in any header or footer.
    for (const char* prefix : {"word/header", "word/footer"})
        for (const auto& name : package.parts_named(prefix)) {
            auto xml = package.part(name);
            if (!xml) continue;
            auto doc = parsed(*xml, name);
            for (auto field : doc.select_nodes("//w:fldSimple"))
                if (std::string(field.node().attribute("w:instr").value()).find("PAGE") != std::string::npos) setup.numbered = true;
            for (auto code : doc.select_nodes("//w:instrText"))
                if (std::string(code.node().text().get()).find("PAGE") != std::string::npos) setup.numbered = true;
        }
    return setup;
}

}  // namespace

std::vector<Page> read_docx_pages(std::string_view bytes) {
    Package package(bytes);
    auto main = package.part("word/document.xml");
    if (!main) throw LoadError(message("error.zip-not-docx"));
    Styles styles(package.part("word/styles.xml"));
    auto doc = parsed(*main, "word/document.xml");
    auto body = doc.child("w:document").child("w:body");
    Page page;
    page.number = 1;
    for (auto block : body.children()) {
        std::string_view name = block.name();
        if (name == "w:p") add_paragraph(block, styles, 0, page.lines);
        else if (name == "w:tbl") add_table(block, styles, page.lines);
    }
    if (auto section = body.child("w:sectPr")) page.setup = page_setup(section, package);
    return {std::move(page)};
}

}  // namespace congvan
