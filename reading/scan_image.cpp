#include "scan_image.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFMatrix.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "ocr_resolution.h"

namespace congvan {

namespace {

// How far the image's placement and resolution may be from "the whole page at
// kOcrDpi": scanners and converters round the page to whole pixels and points.
constexpr double kPlacementTolerance = 0.01;  // of the page's width or height
constexpr double kResolutionTolerance = 0.1;  // of kOcrDpi
// An image smaller than this share of the page (an emblem, a seal) may lie over the
// scan without the page needing to be rendered.
constexpr double kOverlayShare = 0.1;

// A scan's page says little: a matrix and an image, perhaps a signature stamp's
// text. A page that says more is not read for its image, and its content is not
// walked any further (a hostile page of millions of operators would cost seconds).
constexpr std::size_t kMaxOperators = 2000;

// Operators that paint something other than text or an image: the page is more
// than its scan, and is rendered.
const std::set<std::string> kPaintingOperators = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI", "W", "W*"};

struct Placement {
    std::string name;
    QPDFObjectHandle::Rectangle rect;
    bool upright = false;
};

double area(const QPDFObjectHandle::Rectangle& r) { return std::fabs((r.urx - r.llx) * (r.ury - r.lly)); }

// Walks a content stream for the graphics state's matrix and the images it places.
class PlacementReader : public QPDFObjectHandle::ParserCallbacks {
public:
    std::vector<Placement> placements;
    bool paints_other = false;

    void handleObject(QPDFObjectHandle object, size_t, size_t) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        if (++operators_ > kMaxOperators) {
            paints_other = true;
            terminateParsing();
        }
        std::string op = object.getOperatorValue();
        if (op == "q") stack_.push_back(ctm_);
        else if (op == "Q" && !stack_.empty()) {
            ctm_ = stack_.back();
            stack_.pop_back();
        } else if (op == "cm") concat();
        else if (op == "Do" && operands_.size() == 1 && operands_[0].isName()) place(operands_[0].getName());
        else if (kPaintingOperators.count(op)) paints_other = true;
        operands_.clear();
    }
    void handleEOF() override {}

private:
    void concat() {
        if (operands_.size() != 6) return;
        double v[6];
        for (int i = 0; i < 6; ++i) {
            if (!operands_[i].getValueAsNumber(v[i])) return;
        }
        ctm_.concat(QPDFMatrix(v[0], v[1], v[2], v[3], v[4], v[5]));
    }
    void place(const std::string& name) {
        Placement p{name, ctm_.transformRectangle(QPDFObjectHandle::Rectangle(0, 0, 1, 1)), false};
        p.upright = std::fabs(ctm_.b) < 1e-6 && std::fabs(ctm_.c) < 1e-6 && ctm_.a > 0 && ctm_.d > 0;
        placements.push_back(std::move(p));
    }

    std::size_t operators_ = 0;
    QPDFMatrix ctm_;
    std::vector<QPDFMatrix> stack_;
    std::vector<QPDFObjectHandle> operands_;
};

// Walks a content stream for how its text is drawn: shown invisibly (render mode
// 3, the form OCR programs give the layer they lay over a scan) or over an image
// that covers most of the page (a scanner's mixed-raster page).
class TextLayerReader : public QPDFObjectHandle::ParserCallbacks {
public:
    explicit TextLayerReader(double page_area) : page_area_(page_area) {}
    std::size_t shown = 0, invisible = 0, over_page_image = 0;

    void handleObject(QPDFObjectHandle object, size_t, size_t) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        if (++operators_ > kMaxTextOperators) terminateParsing();
        std::string op = object.getOperatorValue();
        if (op == "q") stack_.push_back({ctm_, mode_});
        else if (op == "Q" && !stack_.empty()) {
            std::tie(ctm_, mode_) = stack_.back();
            stack_.pop_back();
        } else if (op == "cm" && operands_.size() == 6) {
            double v[6];
            bool ok = true;
            for (int i = 0; i < 6; ++i) ok = ok && operands_[i].getValueAsNumber(v[i]);
            if (ok) ctm_.concat(QPDFMatrix(v[0], v[1], v[2], v[3], v[4], v[5]));
        } else if (op == "Tr" && operands_.size() == 1 && operands_[0].isInteger()) {
            mode_ = operands_[0].getIntValueAsInt();
        } else if (op == "Do") {
            if (area(ctm_.transformRectangle(QPDFObjectHandle::Rectangle(0, 0, 1, 1))) >= kPageImageShare * page_area_) page_image_ = true;
        } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
            ++shown;
            invisible += mode_ == 3;
            over_page_image += page_image_;
        }
        operands_.clear();
    }
    void handleEOF() override {}

private:
    static constexpr std::size_t kMaxTextOperators = 200000;
    static constexpr double kPageImageShare = 0.8;
    double page_area_;
    std::size_t operators_ = 0;
    QPDFMatrix ctm_;
    int mode_ = 0;
    bool page_image_ = false;
    std::vector<std::pair<QPDFMatrix, int>> stack_;
    std::vector<QPDFObjectHandle> operands_;
};

// A stream's decoded bytes, kept up to a limit: a stream that inflates to a
// gigabyte is given up at the limit, not held.
class BoundedBytes : public Pipeline {
public:
    explicit BoundedBytes(std::size_t limit) : Pipeline("bounded", nullptr), limit_(limit) {}
    void write(unsigned char const* data, size_t len) override {
        if (bytes.size() + len > limit_) throw std::length_error("a stream longer than expected");
        bytes.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}
    std::string bytes;

private:
    std::size_t limit_;
};

// A scan's page content is a few lines; a quarter megabyte is more than any.
constexpr std::size_t kMaxContentBytes = 256 * 1024;
// A page of text is longer: its content is read up to this to tell how it is drawn.
constexpr std::size_t kMaxTextContentBytes = 16 * 1024 * 1024;

bool near(double a, double b, double span) { return std::fabs(a - b) <= kPlacementTolerance * span; }

bool covers(const QPDFObjectHandle::Rectangle& r, const QPDFObjectHandle::Rectangle& page) {
    double w = page.urx - page.llx, h = page.ury - page.lly;
    return near(r.llx, page.llx, w) && near(r.urx, page.urx, w) && near(r.lly, page.lly, h) && near(r.ury, page.ury, h);
}

// 1 for grey, 3 for RGB, 0 for anything else (CMYK, indexed, Lab, a separation).
int colour_components(QPDFObjectHandle space) {
    if (space.isName()) return space.getName() == "/DeviceGray" ? 1 : space.getName() == "/DeviceRGB" ? 3 : 0;
    if (space.isArray() && space.getArrayNItems() == 2 && space.getArrayItem(0).isNameAndEquals("/ICCBased")) {
        QPDFObjectHandle profile = space.getArrayItem(1);
        if (!profile.isStream()) return 0;
        QPDFObjectHandle n = profile.getDict().getKey("/N");
        int components = n.isInteger() ? n.getIntValueAsInt() : 0;
        return components == 1 || components == 3 ? components : 0;
    }
    return 0;
}

// The image's samples as a Leptonica image, or nullptr.
PixPtr decode(QPDFObjectHandle image, int width, int height, int components) {
    std::size_t row_bytes = static_cast<std::size_t>(width) * components;
    BoundedBytes buffer(row_bytes * height + row_bytes);
    if (!image.pipeStreamData(&buffer, 0, qpdf_dl_all, true)) return nullptr;
    if (buffer.bytes.size() < row_bytes * height) return nullptr;
    PixPtr pix(pixCreate(width, height, components == 1 ? 8 : 32));
    if (!pix) return nullptr;
    const auto* in = reinterpret_cast<const unsigned char*>(buffer.bytes.data());
    l_uint32* data = pixGetData(pix.get());
    int wpl = pixGetWpl(pix.get());
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = in + row_bytes * y;
        l_uint32* line = data + static_cast<std::size_t>(y) * wpl;
        for (int x = 0; x < width; ++x) {
            if (components == 1) SET_DATA_BYTE(line, x, row[x]);
            else composeRGBPixel(row[3 * x], row[3 * x + 1], row[3 * x + 2], line + x);
        }
    }
    return pix;
}

}  // namespace

struct ScanImages::Parsed {
    QPDF pdf;
    std::vector<QPDFPageObjectHelper> pages;
};

ScanImages::ScanImages(std::string_view pdf_bytes) {
    try {
        auto parsed = std::make_unique<Parsed>();
        parsed->pdf.setSuppressWarnings(true);
        parsed->pdf.processMemoryFile("document", pdf_bytes.data(), pdf_bytes.size());
        for (auto& page : parsed->pdf.getAllPages()) parsed->pages.emplace_back(page);
        parsed_ = std::move(parsed);
    } catch (const std::exception&) {
        parsed_.reset();
    }
}

ScanImages::~ScanImages() = default;

PixPtr ScanImages::page_image(int index) {
    if (!parsed_ || index < 0 || index >= static_cast<int>(parsed_->pages.size())) return nullptr;
    try {
        QPDFPageObjectHelper& page = parsed_->pages[index];
        QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
        if (rotate.isInteger() && rotate.getIntValue() % 360 != 0) return nullptr;
        QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
        double page_area = area(box);
        if (page_area <= 0) return nullptr;

        BoundedBytes content(kMaxContentBytes);
        page.pipeContents(&content);
        PlacementReader reader;
        QPDFObjectHandle::newStream(&parsed_->pdf, content.bytes).parseAsContents(&reader);
        if (reader.paints_other) return nullptr;
        QPDFObjectHandle xobjects = page.getAttribute("/Resources", false).getKeyIfDict("/XObject");
        QPDFObjectHandle scan;
        for (const auto& placed : reader.placements) {
            QPDFObjectHandle object = xobjects.getKeyIfDict(placed.name);
            if (!object.isStream() || !object.getDict().getKey("/Subtype").isNameAndEquals("/Image")) return nullptr;
            if (area(placed.rect) < kOverlayShare * page_area) continue;
            if (scan.isInitialized() || !placed.upright || !covers(placed.rect, box)) return nullptr;
            scan = object;
        }
        if (!scan.isInitialized()) return nullptr;

        QPDFObjectHandle dict = scan.getDict();
        QPDFObjectHandle image_mask = dict.getKey("/ImageMask");
        if (image_mask.isBool() && image_mask.getBoolValue()) return nullptr;
        for (const char* key : {"/SMask", "/Mask", "/Decode"})
            if (!dict.getKey(key).isNull()) return nullptr;
        QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height"), bits = dict.getKey("/BitsPerComponent");
        if (!w.isInteger() || !h.isInteger() || !bits.isInteger() || bits.getIntValue() != 8) return nullptr;
        int width = w.getIntValueAsInt(), height = h.getIntValueAsInt();
        int components = colour_components(dict.getKey("/ColorSpace"));
        if (components == 0 || width <= 0 || height <= 0 || double(width) * height > kMaxOcrPixels) return nullptr;
        double dpi = width / ((box.urx - box.llx) / 72.0);
        if (std::fabs(dpi - kOcrDpi) > kResolutionTolerance * kOcrDpi) return nullptr;
        PixPtr pix = decode(scan, width, height, components);
        if (pix) pixSetResolution(pix.get(), static_cast<int>(std::lround(dpi)), static_cast<int>(std::lround(dpi)));
        return pix;
    } catch (const std::exception&) {
        return nullptr;
    }
}

bool ScanImages::text_layer_made_by_ocr(int index) {
    if (!parsed_ || index < 0 || index >= static_cast<int>(parsed_->pages.size())) return false;
    try {
        QPDFPageObjectHelper& page = parsed_->pages[index];
        double page_area = area(page.getMediaBox().getArrayAsRectangle());
        if (page_area <= 0) return false;
        BoundedBytes content(kMaxTextContentBytes);
        page.pipeContents(&content);
        TextLayerReader reader(page_area);
        QPDFObjectHandle::newStream(&parsed_->pdf, content.bytes).parseAsContents(&reader);
        // Most of the page's text, not a stray invisible run (a PDF/A tag, a hidden label).
        return reader.shown > 0 && 2 * (reader.invisible + reader.over_page_image) > reader.shown;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace congvan
