#include "handwriting.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr.h"
#include "pix.h"

// The model's bytes, linked in by extract/digit_model.S (.incbin): not compiled as
// C++ source, so a new model costs no compile time.
extern "C" const char congvan_digit_model[];
extern "C" const char congvan_digit_model_end[];

namespace congvan {

namespace {

constexpr int kHeight = 32, kWidth = 128, kClasses = 11;
constexpr int kMargin = 4;  // paper before the crop: a blank's first digit may touch its left edge
constexpr std::size_t kBeam = 16;

cv::Mat input_of(Pix* crop) {
    PixPtr grey = ink_grey(crop);
    int w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get());
    cv::Mat image(h, w, CV_8U);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            l_uint32 v = 0;
            pixGetPixel(grey.get(), x, y, &v);
            image.at<unsigned char>(y, x) = static_cast<unsigned char>(v);
        }
    int width = std::clamp(static_cast<int>(std::lround(w * static_cast<double>(kHeight) / std::max(1, h))), 1, kWidth - kMargin);
    cv::Mat scaled;
    cv::resize(image, scaled, cv::Size(width, kHeight), 0, 0, cv::INTER_AREA);
    // Ink as dark as the crop's darkest, paper as light as its brightest tenth (as in
    // training): a ballpoint's blue is a light grey once the colour is gone.
    std::vector<unsigned char> values(scaled.begin<unsigned char>(), scaled.end<unsigned char>());
    auto tenth = values.begin() + static_cast<std::ptrdiff_t>(values.size() * 9 / 10);
    std::nth_element(values.begin(), tenth, values.end());
    double high = *tenth, low = *std::min_element(values.begin(), values.end());
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
        logits = net.forward().clone();  // 1 x 11 x 1 x T
    }
    int columns = logits.size[3];
    std::vector<std::vector<float>> probabilities(static_cast<std::size_t>(columns), std::vector<float>(kClasses));
    const float* data = logits.ptr<float>();
    for (int t = 0; t < columns; ++t) {
        float top = -1e30f, sum = 0;
        for (int c = 0; c < kClasses; ++c) top = std::max(top, data[c * columns + t]);
        for (int c = 0; c < kClasses; ++c) sum += probabilities[t][c] = std::exp(data[c * columns + t] - top);
        for (int c = 0; c < kClasses; ++c) probabilities[t][c] /= sum;
    }
    return ctc_best(probabilities, n);
}

std::vector<ReadCandidate> ctc_best(const std::vector<std::vector<float>>& columns, std::size_t n) {
    // Each prefix keeps the probability of its paths ending in a blank and in its last digit.
    struct Paths {
        double blank = 0, digit = 0;
        double total() const { return blank + digit; }
    };
    std::map<std::string, Paths> beam{{"", {1.0, 0.0}}};
    for (const auto& p : columns) {
        std::map<std::string, Paths> next;
        for (const auto& [prefix, paths] : beam) {
            next[prefix].blank += paths.total() * p[0];
            for (int d = 0; d < kClasses - 1; ++d) {
                double q = p[static_cast<std::size_t>(d) + 1];
                char c = static_cast<char>('0' + d);
                if (!prefix.empty() && prefix.back() == c) {
                    next[prefix].digit += paths.digit * q;  // the same digit held
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
