#include "handwriting.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <mutex>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr.h"
#include "pix.h"

// The model's bytes, linked in by reading/digit_model.cpp (.incbin): not compiled as
// C++ source, so a new model costs no compile time.
extern "C" const char congvan_digit_model[];
extern "C" const char congvan_digit_model_end[];

namespace congvan {

namespace {

constexpr int kHeight = 32, kWidth = 128, kClasses = 11;
constexpr int kMargin = 4;  // paper before the crop: a blank's first digit may touch its left edge
constexpr std::size_t kBeam = 16;

cv::Mat grey_of(Pix* crop) {
    PixPtr grey = ink_grey(crop);
    int w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get());
    cv::Mat image(h, w, CV_32F);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32 v = 0;
            pixGetPixel(grey.get(), x, y, &v);
            image.at<float>(y, x) = static_cast<float>(v);
        }
    return image;
}

// The 90th percentile of the image's values (a crop's paper), interpolated between
// the two nearest as numpy's percentile is in training.
float brightest_tenth(const cv::Mat& image) {
    std::vector<float> values(image.begin<float>(), image.end<float>());
    double at = 0.9 * static_cast<double>(values.size() - 1);
    auto lower = values.begin() + static_cast<std::ptrdiff_t>(at);
    std::nth_element(values.begin(), lower, values.end());
    float low = *lower;
    if (lower + 1 == values.end()) return low;
    float high = *std::min_element(lower + 1, values.end());
    return static_cast<float>(low + (at - std::floor(at)) * (high - low));
}

// Halves to even, as Python's round() does in training: a pixel more or less of
// paper is a different input.
int rounded(double x) { return static_cast<int>(std::nearbyint(x)); }

struct InkPart {
    int area, x, y, w, h;
};

// The ink parts that can be handwriting: not a speck, not a typed line cut by the
// crop's top or bottom edge, not a rule across the crop.
std::vector<InkPart> ink_parts(const cv::Mat& image, float low, float high) {
    cv::Mat ink = image < (low + high) / 2, labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
    int w = image.cols, h = image.rows, least = std::max(4, static_cast<int>(0.001 * w * h));
    std::vector<InkPart> parts;
    for (int i = 1; i < count; ++i) {
        InkPart p{stats.at<int>(i, cv::CC_STAT_AREA), stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                  stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)};
        double centre = p.y + p.h / 2.0;
        bool edge_cut = (p.y == 0 || p.y + p.h == h) && !(0.3 * h <= centre && centre <= 0.7 * h);
        bool rule = p.w >= 0.6 * w && p.h <= 0.15 * h;
        if (p.area >= least && !edge_cut && !rule) parts.push_back(p);
    }
    std::stable_sort(parts.begin(), parts.end(), [](const InkPart& a, const InkPart& b) { return a.area > b.area; });
    return parts;
}

// The handwriting's own box, with a margin of paper: the ink on the line of the
// crop's largest stroke (docs/handwriting.md, "The reader's input"). The same steps
// as the training's (tools/handwriting/samples.py, ink_band).
cv::Mat ink_band(const cv::Mat& image) {
    int w = image.cols, h = image.rows;
    double low = 0;
    cv::minMaxLoc(image, &low);
    float high = brightest_tenth(image);
    if (high - low < 20 || h < 4 || w < 4) return image;
    auto parts = ink_parts(image, static_cast<float>(low), high);
    if (parts.empty()) return image;
    int x0 = parts[0].x, y0 = parts[0].y, x1 = parts[0].x + parts[0].w, y1 = parts[0].y + parts[0].h;
    for (bool grown = true; grown;) {  // what shares the line: at least half its height within the band
        grown = false;
        for (const auto& p : parts) {
            if (p.x >= x0 && p.x + p.w <= x1 && p.y >= y0 && p.y + p.h <= y1) continue;
            if (2 * (std::min(p.y + p.h, y1) - std::max(p.y, y0)) < p.h) continue;
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x + p.w), y1 = std::max(y1, p.y + p.h);
            grown = true;
        }
    }
    int band = std::max(y1 - y0, h / 4), pad = std::max(1, rounded(band * 0.15));
    int top = std::max(0, y0 - pad), bottom = std::min(h, y0 + band + pad);
    int left = std::max(0, x0 - pad), right = std::min(w, x1 + pad);
    return image(cv::Rect(left, top, right - left, bottom - top)).clone();
}

cv::Mat input_of(Pix* crop) {
    cv::Mat band = ink_band(grey_of(crop));
    int width = std::clamp(rounded(band.cols * static_cast<double>(kHeight) / std::max(1, band.rows)), 1, kWidth - kMargin);
    cv::Mat scaled;
    cv::resize(band, scaled, cv::Size(width, kHeight), 0, 0, cv::INTER_AREA);
    // Ink as dark as the crop's darkest, paper as light as its brightest tenth (as in
    // training): a ballpoint's blue is a light grey once the colour is gone.
    double low = 0;
    cv::minMaxLoc(scaled, &low);
    double high = brightest_tenth(scaled);
    cv::Mat stretched;
    scaled.convertTo(stretched, CV_32F, 1.0 / std::max(high - low, 1.0), -low / std::max(high - low, 1.0));
    cv::Mat input(kHeight, kWidth, CV_32F, cv::Scalar(1.0));
    cv::min(stretched, 1.0, stretched);
    cv::max(stretched, 0.0, stretched);
    stretched.copyTo(input(cv::Rect(kMargin, 0, width, kHeight)));
    return cv::dnn::blobFromImage(input);
}

}  // namespace

std::vector<ReadCandidate> read_digits(Pix* crop, std::size_t n) {
    static std::mutex lock;
    static cv::dnn::Net net = [] {
        // One crop is a few thousand multiply-adds: OpenCV's own threads would only
        // compete with the scan's processes.
        cv::setNumThreads(1);
        auto net = cv::dnn::readNetFromONNX(congvan_digit_model, static_cast<std::size_t>(congvan_digit_model_end - congvan_digit_model));
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        return net;
    }();
    cv::Mat blob = input_of(crop);
    cv::Mat logits;
    {
        std::lock_guard<std::mutex> guard(lock);
        net.setInput(blob);
        logits = net.forward().clone();  // 1 x 11K x 1 x T: K readers, 11 scores a column each
    }
    return merged_readings(logits.ptr<float>(), std::max(1, logits.size[1] / kClasses), logits.size[3], n);
}

namespace {

// One reader's n best strings from its scores (classes x columns, row-major).
std::vector<ReadCandidate> member_readings(const float* data, int columns, std::size_t n) {
    std::vector<std::vector<float>> probabilities(static_cast<std::size_t>(columns), std::vector<float>(kClasses));
    for (int t = 0; t < columns; ++t) {
        float top = -1e30f, sum = 0;
        for (int c = 0; c < kClasses; ++c) top = std::max(top, data[c * columns + t]);
        for (int c = 0; c < kClasses; ++c) sum += probabilities[t][c] = std::exp(data[c * columns + t] - top);
        for (int c = 0; c < kClasses; ++c) probabilities[t][c] /= sum;
    }
    return ctc_best(probabilities, n);
}

}  // namespace

// The model may join K readers trained alike from different seeds
// (tools/handwriting/ensemble.py): each gives its own n best strings, and a string's
// probability is the mean of the readers' (0 from a reader that did not list it).
// Readers are merged by string, never column by column: each learnt its own
// alignment of columns to digits.
std::vector<ReadCandidate> merged_readings(const float* data, int readers, int columns, std::size_t n) {
    assert(readers >= 1 && columns >= 0);
    std::map<std::string, double> mean;
    for (int k = 0; k < readers; ++k)
        for (const auto& c : member_readings(data + static_cast<std::ptrdiff_t>(k) * kClasses * columns, columns, 2 * n))
            mean[c.text] += c.probability / readers;
    std::vector<ReadCandidate> out;
    for (const auto& [text, probability] : mean) out.push_back({text, probability});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });
    if (out.size() > n) out.resize(n);
    return out;
}

std::vector<ReadCandidate> ctc_best(const std::vector<std::vector<float>>& columns, std::size_t n) {
    // Each prefix keeps the probability of its paths ending in a blank and in its last digit.
    struct Paths {
        double blank = 0, digit = 0;
        double total() const { return blank + digit; }
    };
    std::map<std::string, Paths> beam{{"", {1.0, 0.0}}};
    for (const auto& p : columns) {
        assert(p.size() == static_cast<std::size_t>(kClasses));  // the blank and the ten digits
        std::map<std::string, Paths> next;
        for (const auto& [prefix, paths] : beam) {
            next[prefix].blank += paths.total() * p[0];
            for (int d = 0; d < kClasses - 1; ++d) {
                double q = p[static_cast<std::size_t>(d) + 1];
                char c = static_cast<char>('0' + d);
                if (!prefix.empty() && prefix.back() == c) {
                    next[prefix].digit += paths.digit * q;      // the same digit held
                    next[prefix + c].digit += paths.blank * q;  // a repeated digit after a blank
                } else {
                    next[prefix + c].digit += paths.total() * q;
                }
            }
        }
        std::vector<std::pair<std::string, Paths>> ranked(next.begin(), next.end());
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second.total() > b.second.total(); });
        if (ranked.size() > kBeam) ranked.resize(kBeam);
        beam = std::map<std::string, Paths>(ranked.begin(), ranked.end());
    }
    std::vector<ReadCandidate> out;
    for (const auto& [prefix, paths] : beam)
        if (!prefix.empty()) out.push_back({prefix, paths.total()});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });
    if (out.size() > n) out.resize(n);
    return out;
}

}  // namespace congvan
