// The register of organisations (corpus/register/organisations.yaml,
// docs/register.md): the kinds of bodies whose names open an issuer's line, and
// the bodies of the central level with their codes. An issuer read from a header
// is matched to it so that OCR noise in a known name is corrected.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/vn_dates.h"

namespace congvan {

struct OrganisationKind {
    std::string name;        // "Sở"
    bool generic = false;    // its own name does not say where it is
    bool of_parent = false;  // its name always includes its parent's (an office)
    bool listed = false;     // every body of this kind is in the register's central list
};

struct CentralBody {
    std::string name;  // "Bộ Tư pháp"
    std::string code;  // "BTP", as it signs its symbols
    std::optional<VnDate> valid_from, valid_to;
    // Its provincial and district branches sign with its code too (a mass
    // organisation): the code names the organisation, not the central level.
    bool branches_share_code = false;
};

// The kind of body whose name opens the folded text (whole words, longest first;
// a long kind's name with one OCR edit). `length` gets how much of the text it is.
const OrganisationKind* body_kind_opening(std::string_view folded, std::size_t* length = nullptr);

// The central body whose folded name is the folded text, allowing OCR's noise:
// the same first word, and at most one edit in every eight characters of a name of
// sixteen or more. `distance` is the edits made.
struct RegisterMatch {
    const CentralBody* body = nullptr;
    std::size_t distance = 0;
};
std::optional<RegisterMatch> central_body_near(std::string_view folded);

// The central body whose folded name (or another name of it) opens the folded text
// as whole words, the longest such name ("bo giao duc va dao tao ve viec …").
const CentralBody* central_body_opening(std::string_view folded);
// The central body that signs its symbols with this folded code ("bgddt"), if any; not
// one whose branches sign with the same code (`branches_share_code`).
const CentralBody* central_body_coded(std::string_view folded_code);

// The parts of a number's symbol after its number: "2005/BC-SGDĐT" → {"BC", "SGDĐT"};
// a year part ("07/2018/TT-BTC") is skipped; the Party's form, the type code before
// the slash, is read as such: "05-HD/VPTW" → {"HD", "VPTW"}.
std::vector<std::string> symbol_components(const std::string& number);
// The parts of a number's symbol that name who issued it, folded: every part but the
// type code ("115/KH-SGDĐT" → {"sgddt"}, "2201/BGDĐT-GDTX" → {"bgddt", "gdtx"}).
std::vector<std::string> issuing_codes(const std::string& number);

// Whether a folded word that is no syllable ("thcs", "gd&dt") is an abbreviation a
// body's printed name keeps as part of it (the register's `abbreviations`).
bool kept_abbreviation(std::string_view folded_word);

// An administrative unit below the province before 2025-07-01 (a district, or a
// ward, commune or town with its district), from corpus/register/units.tsv.
struct AdministrativeUnit {
    std::string province;                 // "Bà Rịa - Vũng Tàu", canonical tone placement
    std::string district_type, district;  // "Thành phố", "Vũng Tàu"
    std::string type, name;               // "Phường", "1"; empty for a district itself
};

// The units whose folded name is `folded_name`, of a folded type ("phuong", "xa",
// "thi tran"; "huyen", "quan", "thi xa", "thanh pho" for districts) or of any type
// when `folded_type` is empty. A district is returned once.
std::vector<const AdministrativeUnit*> units_named(std::string_view folded_name, std::string_view folded_type = {});

// The province all the units share, or nothing when they lie in several (or none).
std::optional<std::string> only_province(const std::vector<const AdministrativeUnit*>& units);

}  // namespace congvan
