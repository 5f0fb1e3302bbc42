#include "handwriting.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>

#include "engine_module.h"
#include "ocr.h"
#include "pix.h"

namespace congvan {

namespace {

constexpr int kClasses = engines::kDigitClasses;
constexpr std::size_t kBeam = 16;

// The crop's grey values as the network's side reads them (engines.h): ink dark,
// a colour crop's red gone as for OCR.
std::vector<float> grey_values(Pix* crop, int& w, int& h) {
    PixPtr grey = ink_grey(crop);
    w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get());
    std::vector<float> values(static_cast<std::size_t>(w) * h);
    const l_uint32* data = pixGetData(grey.get());
    int wpl = pixGetWpl(grey.get());
    for (int y = 0; y < h; ++y) {
        const l_uint32* line = data + static_cast<std::size_t>(y) * wpl;
        for (int x = 0; x < w; ++x) values[static_cast<std::size_t>(y) * w + x] = static_cast<float>(GET_DATA_BYTE(line, x));
    }
    return values;
}

}  // namespace

std::vector<ReadCandidate> read_digits(Pix* crop, std::size_t n) {
    int w = 0, h = 0;
    std::vector<float> grey = grey_values(crop, w, h);
    engines::DigitScores scores;
    std::string error;
    if (!engine_table().digit_scores(grey.data(), w, h, &scores, &error))
        throw LoadError(message("error.digit-reader", {{"reason", error}}));
    return merged_readings(scores.scores.data(), scores.readers, scores.columns, n);
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
