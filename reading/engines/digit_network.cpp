// The digit reader's network behind the engines' boundary (engines.h): the crop's
// handwriting cut out and scaled as in training, and the ONNX model run with
// OpenCV's dnn module (docs/handwriting.md). Turning its scores into digit strings
// is the binary's (reading/handwriting.cpp).
#include <algorithm>
#include <cmath>
#include <mutex>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "module_functions.h"

// The model's bytes, linked in by digit_model.cpp (.incbin): not compiled as C++
// source, so a new model costs no compile time.
extern "C" const char congvan_digit_model[];
extern "C" const char congvan_digit_model_end[];

namespace congvan::engines {

namespace {

constexpr int kHeight = 32, kWidth = 128;
constexpr int kMargin = 4;  // paper before the crop: a blank's first digit may touch its left edge

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

cv::Mat input_of(const cv::Mat& grey) {
    cv::Mat band = ink_band(grey);
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

bool digit_scores(const float* grey, int width, int height, DigitScores* out, std::string* error) try {
    static std::mutex lock;
    static cv::dnn::Net net = [] {
        // One crop is a few thousand multiply-adds: OpenCV's own threads would only
        // compete with the scan's processes.
        cv::setNumThreads(1);
        auto net = cv::dnn::readNetFromONNX(congvan_digit_model, static_cast<std::size_t>(congvan_digit_model_end - congvan_digit_model));
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        return net;
    }();
    cv::Mat image(height, width, CV_32F, const_cast<float*>(grey));  // read only: ink_band copies what it keeps
    cv::Mat blob = input_of(image);
    cv::Mat logits;
    {
        std::lock_guard<std::mutex> guard(lock);
        net.setInput(blob);
        logits = net.forward().clone();  // 1 x 11K x 1 x T: K readers, 11 scores a column each
    }
    out->readers = std::max(1, logits.size[1] / kDigitClasses);
    out->columns = logits.size[3];
    out->scores.assign(logits.ptr<float>(), logits.ptr<float>() + logits.total());
    return true;
} catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
}

}  // namespace congvan::engines
