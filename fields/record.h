// The structured record of one document: the `congvan extract` contract. Every
// value carries the evidence it was read from; values keep the document's own
// wording (typos included: the rules must see them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reading/document.h"
#include "text/vn_dates.h"

namespace congvan {

// The confidence of a field where marks were seen but nothing could be read from
// them (a handwritten number OCR turned into letters): not blank, not a value.
constexpr double kUnreadable = 0.0;

template <typename T>
struct Field {
    std::optional<T> value;            // empty: absent, or blank in a draft
    std::optional<Evidence> evidence;  // set when the field was seen, blank or not
    std::optional<double> confidence;  // of the words read; unset: the evidence line's
    bool present() const { return value.has_value(); }
    double sureness() const { return confidence ? *confidence : evidence ? evidence->confidence : 100.0; }
    // A value read, or a blank seen, with too little confidence to stand on: an OCR
    // blank may be a faint handwritten number.
    bool uncertain() const { return (value || evidence) && sureness() < kUncertainBelow; }
    bool blank() const { return !value && evidence; }
    // Read from handwriting (docs/handwriting.md): the value is the digit reader's,
    // never Tesseract's word confidence; `candidates` lists its other readings.
    bool handwritten = false;
    std::vector<std::string> candidates;
};

struct Week {
    VnDate start, end;
};

struct Opening {
    std::optional<VnDate> date;
    std::string time;     // "08:30", or empty
    std::string weekday;  // as written: "thứ 7", "Thứ Hai"
    std::string venue;
};

// A cited document: Công văn số 4342/BGDĐT-GDTX ngày 07/9/2022 của Bộ GDĐT.
struct CitedDocument {
    std::string type;    // cong_van, ke_hoach, quyet_dinh, to_trinh, thong_tu, …
    std::string number;  // number/symbol as printed, spaces around '-' and '/' removed
    std::optional<VnDate> date;
    std::string issuer;
    Evidence evidence;
};

struct Responsibility {
    std::string agency;
    std::string tasks;
    Evidence evidence;
};

struct Signer {
    std::string authority;  // "KT. CHỦ TỊCH"
    std::string title;      // "PHÓ CHỦ TỊCH"
    std::string name;
};

// A digital-signature stamp printed on the page: when the file was signed and by
// whom. Its time is the signing's, not the document's issue date.
struct SignatureStamp {
    std::string kind;          // "authority" (the issuing body's) or "gazette" (a publishing centre's)
    std::string signed_by;     // "Ủy ban nhân dân tỉnh Quảng Ngãi", "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC"
    std::string organisation;  // "Cơ quan:", when the stamp names one
    std::string email;         // a gazette centre's address
    std::string time;          // ISO 8601 as stamped, with the zone when given; empty if unreadable
    int page = 0;
    std::optional<BBox> bbox;
    PageSource source = PageSource::Text;  // the text layer's stamp, or one read by OCR
    double confidence = 100.0;             // of the time as read
    Evidence evidence;
};

struct StatisticsRow {
    std::string activity;
    std::string unit;
    std::optional<long> count;
    std::optional<long> people;
    Evidence evidence;
};

// Every date written anywhere, for the rules on dates themselves.
struct DateInText {
    VnDate date;
    std::string written;  // as in the text: "31/9/2022"
    std::optional<int> stated_weekday;
    std::string weekday_written;
    Evidence evidence;
};

// An official name as one place of the document writes it.
struct WrittenName {
    std::string text;
    Evidence evidence;
};

struct ThemeMention {
    std::string text;
    Evidence evidence;
    // Its quotation runs to the end of a cut text (a web page's excerpt): the theme
    // as far as it goes, which may be its start only.
    bool cut = false;
};

// A line of the document as written and as set, for the Decree 30 form rules.
struct WrittenLine {
    std::string text;
    Evidence evidence;
    std::vector<TextStyle> styles;  // of its runs, in order; empty when the source gives no style
};

// A typeface the document is set in, and where it is first used.
struct FontUse {
    std::string font;
    std::size_t characters = 0;
    Evidence first;
};

// The size most of the body's characters are set in, and the first line set so.
struct SizeUse {
    double size_pt = 0;
    std::size_t characters = 0, of = 0;  // in that size, of the body's sized characters
    Evidence first;
};

// How the document is presented (Decree 30/2020, Appendix I): the lines whose form
// is prescribed and, where the source says it (a Word draft), how the text is set
// and the paper it is set on.
struct Presentation {
    // Where the text comes from (docs/precision.md): "draft" (a Word file),
    // "born_digital" (a PDF's own text), "plain_text", "ocr_layer" (a text layer
    // another program's OCR laid over a scan) or "scan" (read by congvan's OCR).
    // Only the author's own text can be proof-read.
    std::string origin;
    std::optional<WrittenLine> national_name;  // CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    std::optional<WrittenLine> motto;          // Độc lập - Tự do - Hạnh phúc
    std::optional<WrittenLine> place_date;     // Nghệ An, ngày 20 tháng 9 năm 2024
    std::optional<WrittenLine> type_name;      // KẾ HOẠCH, in the header, in any case
    std::optional<WrittenLine> subject_line;   // V/v …, or "Về việc …", in the header
    std::vector<WrittenLine> recipients;       // each entry under "Nơi nhận:", "Lưu: VT, …" last
    bool styled = false;                       // every line's style is known
    std::vector<FontUse> fonts;                // every face used, most used first
    std::optional<SizeUse> body_size;          // between the header and "Nơi nhận", where sizes are said
    std::optional<PageSetup> page;
};

// Decree 30/2020's anatomy of an administrative document, whatever it is about:
// the header (issuing body, number and symbol, place and date, type and subject),
// the documents its body cites, the signature, the recipients and how it is set.
struct DocumentAnatomy {
    Field<std::string> doc_type;
    Field<std::string> number;  // null when the number is left blank
    Field<std::string> symbol;  // the part after '/', even in a blank number
    Field<std::string> issuer;
    Field<std::string> province;
    Field<std::string> place;
    Field<VnDate> date;
    Field<std::string> subject;
    Field<std::vector<CitedDocument>> references;
    Field<std::vector<std::string>> recipients;
    Field<Signer> signer;
    Field<std::vector<SignatureStamp>> signatures;
    std::vector<DateInText> dates;               // every date the text writes
    std::vector<CitedDocument> self_references;  // the document citing itself (an annex)
    Presentation presentation;
};

// The campaign part: the Lifelong Learning Week's facts as a document states them.
// Another campaign is another part beside it, read by its own field files and
// audited by its own rules; the anatomy stays one.
struct WeekCampaign {
    Field<int> year;  // the year of the Week the document is about
    Field<std::string> theme;
    Field<Week> week;
    Field<Opening> opening;
    Field<VnDate> report_deadline;
    Field<CitedDocument> instruction;  // the dispatch the document carries out
    Field<std::vector<Responsibility>> responsibilities;
    Field<std::vector<StatisticsRow>> statistics;
    // Where the document names the Week ("subject" or "body"); empty: it is not
    // about the Week, and the Week's rules do not apply to it.
    Field<std::string> about_week;
    std::vector<ThemeMention> themes;     // every stated theme, the first is `theme`
    std::vector<WrittenName> week_names;  // the Week's full name, as each mention writes it
};

// One document read: its anatomy and its campaign part, and what reading it said.
struct Record : DocumentAnatomy, WeekCampaign {
    std::string file;
    std::string sha256;
    std::vector<std::string> warnings;
};

}  // namespace congvan
