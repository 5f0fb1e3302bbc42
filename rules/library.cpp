#include "library.h"

#include <algorithm>
#include <functional>

#include "check_support.h"
#include "fields/register.h"
#include "ministry.h"
#include "text/edit_distance.h"
#include "text/normalize.h"
#include "text/vocabulary.h"

namespace congvan {

namespace {

std::string folded_number(const std::string& number) {
    std::string out;
    for (char c : fold_string(number))
        if (c != ' ') out += c;
    return out;
}

// A code both numbers' symbols carry, or empty.
std::string shared_code(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& code : a)
        if (std::find(b.begin(), b.end(), code) != b.end()) return code;
    return "";
}

}  // namespace

std::string serial_of(const std::string& number) {
    std::string digits = dispatch_digits(number.substr(std::min(number.size(), number.find_first_not_of(' '))));
    if (digits.empty()) return "";
    std::size_t first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
}

bool same_document(const LibraryDocument& entry, const Record& record) {
    return entry.source == &record || (!entry.sha256.empty() && entry.sha256 == record.sha256);
}

const LibraryDocument* instruction_carried_out(const Library& library, const Record& record) {
    if (!record.references.value) return nullptr;
    for (const auto& cited : *record.references.value)
        if (const LibraryDocument* d = library.resolve(cited, record); d && d->about_week) return d;
    return nullptr;
}

bool central_code(const std::string& folded_code) { return central_body_coded(folded_code) != nullptr; }

bool same_number(const std::string& a, const std::string& b) { return folded_number(a) == folded_number(b); }

bool share_issuing_code(const std::string& a, const std::string& b) { return !shared_code(issuing_codes(a), issuing_codes(b)).empty(); }

bool names_type(const CitedDocument& cited) { return !cited.type.empty() && cited.type != "other"; }

bool same_province(const std::optional<std::string>& a, const std::optional<std::string>& b) {
    return a && b && fold_string(*a) == fold_string(*b);
}

bool one_character_apart(const std::string& a, const std::string& b) { return edit_distance<char>(fold_string(a), fold_string(b)) <= 1; }

namespace {

template <typename T>
LibraryValue<T> library_value(const Field<T>& f) {
    return {f.value, f.sureness(), f.evidence ? f.evidence->shown_line() : 0};
}

// A citation as a library keeps it: its words and box are the citing document's to
// quote and draw.
void strip_words(CitedDocument& cited) {
    std::string().swap(cited.evidence.text);
    cited.evidence.bbox.reset();
    cited.evidence.continued.clear();
}

}  // namespace

LibraryDocument header_entry(std::string file, const Record& r, long long row) {
    LibraryDocument d{std::move(file),
                      r.sha256,
                      &r,
                      row,
                      library_value(r.doc_type),
                      library_value(r.number),
                      library_value(r.province),
                      library_value(r.theme),
                      library_value(r.date),
                      library_value(r.week),
                      r.about_week.value.has_value(),
                      !r.themes.empty() && r.themes.front().cut,
                      {},
                      0};
    d.reading = std::hash<std::string>{}(reading_key(d));
    return d;
}

LibraryDocument library_entry(std::string file, const Record& r, long long row) {
    LibraryDocument d = header_entry(std::move(file), r, row);
    if (r.references.value) d.references = *r.references.value;
    for (auto& cited : d.references) strip_words(cited);
    return d;
}

namespace {

// One value of a reading: its words (or none), and whether it was read surely (the
// rules that compare documents tell a reading error from a difference by it).
template <typename T, typename Words>
void add_reading(std::string& key, const LibraryValue<T>& v, Words words) {
    key += v.value ? words(*v.value) : std::string("\x01");
    key += v.sureness < 100 ? "?\x1f" : ".\x1f";
}

}  // namespace

std::string reading_key(const LibraryDocument& d) {
    auto words = [](const std::string& s) { return comparison_key(s); };
    std::string key;
    add_reading(key, d.doc_type, words);
    add_reading(key, d.number, words);
    add_reading(key, d.province, words);
    add_reading(key, d.theme, words);
    add_reading(key, d.date, [](const VnDate& v) { return v.iso(); });
    add_reading(key, d.week, [](const Week& w) { return w.start.iso() + "/" + w.end.iso(); });
    key += d.about_week ? 'w' : '-';
    key += d.theme_cut ? 'c' : '-';
    return key;
}

bool same_reading(const LibraryDocument& a, const LibraryDocument& b) {
    if (a.reading != 0 && b.reading != 0 && a.reading != b.reading) return false;
    return reading_key(a) == reading_key(b);
}

std::string chain_key(const std::string& number, const std::optional<VnDate>& date) {
    std::string serial = serial_of(number);
    if (serial.empty() || !date || date->year == 0) return "";
    return serial + "|" + std::to_string(date->year);
}

std::string own_key(const LibraryDocument& entry) { return entry.number.value ? chain_key(*entry.number.value, entry.date.value) : ""; }

namespace {

std::string citation_key(const CitedDocument& c) { return chain_key(c.number, c.date); }

std::vector<std::string> keys_of(const std::optional<std::string>& number, const std::optional<VnDate>& date,
                                 const std::vector<CitedDocument>* references) {
    std::vector<std::string> keys;
    auto add = [&](std::string key) {
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    };
    // Its own: resolve reaches a document by its serial, then its date's year.
    if (number) add(chain_key(*number, date));
    if (references)
        for (const auto& c : *references) add(citation_key(c));
    return keys;
}

// Two citations of one variant (CitationVariant).
bool same_variant(const CitationVariant& v, const LibraryDocument& document, const CitedDocument& cited) {
    return v.cited.number == cited.number && v.cited.date == cited.date && fold_string(v.cited.issuer) == fold_string(cited.issuer) &&
           (v.province ? fold_string(*v.province) : "") == (document.province.value ? fold_string(*document.province.value) : "") &&
           (v.cited.evidence.confidence < 100) == (cited.evidence.confidence < 100);
}

}  // namespace

std::vector<std::string> chain_keys(const Record& record) {
    return keys_of(record.number.value, record.date.value, record.references.value ? &*record.references.value : nullptr);
}

std::vector<std::string> chain_keys(const LibraryDocument& entry) {
    return keys_of(entry.number.value, entry.date.value, &entry.references);
}

void add_to_variants(std::vector<CitationVariant>& variants, const LibraryDocument& document, const CitedDocument& cited) {
    auto it = std::find_if(variants.begin(), variants.end(), [&](const CitationVariant& v) { return same_variant(v, document, cited); });
    if (it == variants.end()) {
        variants.push_back({cited, document.province.value, 0, {}});
        strip_words(variants.back().cited);
        it = std::prev(variants.end());
    }
    ++it->count;
    if (it->documents.size() < kVariantDocuments) it->documents.push_back({document.file, document.sha256, document.source});
}

void Library::each_citing(const LibraryDocument& document, const std::function<void(const LibraryCitation&)>& visit) const {
    std::string key = own_key(document);
    if (key.empty()) return;
    each_citation_of(key, [&](const LibraryCitation& c) {
        const LibraryDocument* named = resolve(*c.cited, *c.document);
        if (named && (named == &document || same_reading(*named, document))) visit(c);
    });
}

// Numbers restart every year and every body has its own, so a serial alone names
// nothing: the year and an issuing code must agree, a local body's code only within
// one province (every province has a UBND and an SGDĐT). Then the symbol or the day
// must be the same, and with another symbol the type named must be the document's: a
// document that differs in more may be another one (a body that numbers each type on
// its own has a plan 115 and a dispatch 115). Copies of one document are one.
const LibraryDocument* Library::resolve(const CitedDocument& cited, const Record& citing) const {
    std::optional<LibraryDocument> own;  // made only if a document the citation names needs it
    auto copy_of_citing = [&](const LibraryDocument& d) {
        if (!own) own = header_entry("", citing);
        return same_reading(d, *own);
    };
    return resolve(
        cited, [&](const LibraryDocument& d) { return same_document(d, citing); }, copy_of_citing, citing.province.value);
}

const LibraryDocument* Library::resolve(const CitedDocument& cited, const LibraryDocument& citing) const {
    auto is_citing = [&](const LibraryDocument& d) { return &d == &citing || (!d.sha256.empty() && d.sha256 == citing.sha256); };
    return resolve(
        cited, is_citing, [&](const LibraryDocument& d) { return same_reading(d, citing); }, citing.province.value);
}

const LibraryDocument* Library::resolve(const CitedDocument& cited, const Test& is_citing, const Test& copy_of_citing,
                                        const std::optional<std::string>& citing_province) const {
    std::string serial = serial_of(cited.number);
    if (serial.empty() || !cited.date || cited.date->year == 0) return nullptr;
    auto codes = issuing_codes(cited.number);
    const LibraryDocument* found = nullptr;
    for (const LibraryDocument* candidate : numbered(serial + "|" + std::to_string(cited.date->year))) {
        const LibraryDocument& r = *candidate;
        if (is_citing(r) || !r.date.value || r.date.value->year != cited.date->year) continue;
        std::string code = shared_code(codes, issuing_codes(*r.number.value));
        if (code.empty() || (!central_code(code) && !same_province(r.province.value, citing_province))) continue;
        bool same_symbol = same_number(cited.number, *r.number.value);
        if (!same_symbol && !(*cited.date == *r.date.value)) continue;
        // Another symbol, and a type named that is not the document's: another document.
        if (!same_symbol && names_type(cited) && r.doc_type.value && cited.type != *r.doc_type.value) continue;
        if (copy_of_citing(r)) continue;  // itself, kept under another name
        // The same bytes under two paths, or two copies read alike, are one document.
        if (found && ((!r.sha256.empty() && found->sha256 == r.sha256) || same_reading(*found, r))) continue;
        if (found) return nullptr;  // two documents could be it
        found = &r;
    }
    return found;
}

}  // namespace congvan
