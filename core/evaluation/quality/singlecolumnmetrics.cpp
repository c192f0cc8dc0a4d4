// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/singlecolumnmetrics.h"

#include <QCoreApplication>
#include <algorithm>
#include <numeric>
#include <vector>

namespace core::metrics {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("core::metrics", text);
}

std::vector<double> dropNaN(std::span<const double> values)
{
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values) {
        if (!std::isnan(v))
            out.push_back(v);
    }
    return out;
}

bool hasNaN(std::span<const double> values)
{
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
}

// numpy's round(x, 14): scale, round half to even, unscale (what the reference applies first).
double roundDecimals14(double value)
{
    constexpr double kScale = 1e14;
    if (!(std::fabs(value) < 1e15))
        return value; // already integral at this precision; also keeps 1e308 from overflowing to inf
    return std::nearbyint(value * kScale) / kScale;
}

int codeLimit(std::span<const std::int32_t> a, std::span<const std::int32_t> b = {})
{
    std::int32_t top = -1;
    for (std::int32_t c : a)
        top = std::max(top, c);
    for (std::int32_t c : b)
        top = std::max(top, c);
    return int(top) + 1;
}

QString missingRateNote(double synthetic, double real)
{
    return tr("synthetic missing rate %1 vs real %2")
        .arg(QString::number(synthetic, 'f', 2), QString::number(real, 'f', 2));
}

double median(std::vector<double> values)
{
    const size_t n = values.size();
    std::sort(values.begin(), values.end());
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double mean(const std::vector<double> &values)
{
    return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double sampleStd(const std::vector<double> &values)
{
    if (values.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const double m = mean(values);
    double sum = 0.0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return std::sqrt(sum / double(values.size() - 1));
}

} // namespace

double ksStatistic(std::span<const double> a, std::span<const double> b)
{
    const size_t n = a.size();
    const size_t m = b.size();
    if (n == 0 || m == 0)
        return std::numeric_limits<double>::quiet_NaN();
    size_t i = 0;
    size_t j = 0;
    double d = 0.0;
    // Walk the union of values in order; after each distinct value both ECDFs are exact.
    while (i < n && j < m) {
        const double x = std::min(a[i], b[j]);
        while (i < n && a[i] <= x)
            ++i;
        while (j < m && b[j] <= x)
            ++j;
        d = std::max(d, std::fabs(double(i) / double(n) - double(j) / double(m)));
    }
    // Once one sample is exhausted its ECDF is 1; the other's rises to 1, so the maximum
    // of what remains is at the current position, already counted.
    return d;
}

double roundFloatNoise(double value)
{
    if (value == 0.0 || !std::isfinite(value))
        return value;
    constexpr int kDigits = 13;
    const int exponent = int(std::floor(std::log10(std::fabs(value))));
    const int shift = kDigits - 1 - exponent;
    if (shift >= 0 && shift <= 300) {
        const double scale = std::pow(10.0, shift);
        return std::nearbyint(value * scale) / scale;
    }
    if (shift < 0 && shift >= -300) {
        const double scale = std::pow(10.0, -shift);
        return std::nearbyint(value / scale) * scale;
    }
    return value;
}

MetricResult ksComplement(std::span<const double> real, std::span<const double> synthetic, bool roundNoise)
{
    std::vector<double> r = dropNaN(real);
    std::vector<double> s = dropNaN(synthetic);
    if (r.empty())
        return MetricResult::failure(s.empty() ? tr("no non-missing values in real or synthetic")
                                               : tr("no non-missing values in real"));
    if (s.empty()) {
        MetricResult result = MetricResult::value(0.0);
        result.note = missingRateNote(1.0, 1.0 - double(r.size()) / double(real.size()));
        return result;
    }
    if (roundNoise) {
        for (double &v : r)
            v = roundFloatNoise(roundDecimals14(v));
        for (double &v : s)
            v = roundFloatNoise(roundDecimals14(v));
    }
    std::sort(r.begin(), r.end());
    std::sort(s.begin(), s.end());
    return MetricResult::value(1.0 - ksStatistic(r, s));
}

MetricResult tvComplement(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic)
{
    const int k = codeLimit(real, synthetic);
    std::vector<double> realCounts(size_t(k), 0.0);
    std::vector<double> synthCounts(size_t(k), 0.0);
    qint64 realMissing = 0;
    qint64 synthMissing = 0;
    for (std::int32_t c : real) {
        if (c < 0)
            ++realMissing;
        else
            realCounts[size_t(c)] += 1.0;
    }
    for (std::int32_t c : synthetic) {
        if (c < 0)
            ++synthMissing;
        else
            synthCounts[size_t(c)] += 1.0;
    }
    const qint64 realValid = qint64(real.size()) - realMissing;
    const qint64 synthValid = qint64(synthetic.size()) - synthMissing;
    if (realValid == 0)
        return MetricResult::failure(synthValid == 0 ? tr("no non-missing values in real or synthetic")
                                                     : tr("no non-missing values in real"));
    if (synthValid == 0) {
        // Case 023: the synthetic column reproduced none of the real categories.
        MetricResult result = MetricResult::value(0.0);
        result.note = missingRateNote(1.0, double(realMissing) / double(real.size()));
        return result;
    }
    // A category seen only in synthetic enters the real counts with weight 1e-6 (reference).
    for (int c = 0; c < k; ++c) {
        if (synthCounts[size_t(c)] > 0.0 && realCounts[size_t(c)] == 0.0)
            realCounts[size_t(c)] = 1e-6;
    }
    const double realTotal = std::accumulate(realCounts.begin(), realCounts.end(), 0.0);
    const double synthTotal = double(synthValid);
    double variation = 0.0;
    for (int c = 0; c < k; ++c) {
        if (realCounts[size_t(c)] == 0.0 && synthCounts[size_t(c)] == 0.0)
            continue;
        variation += std::fabs(synthCounts[size_t(c)] / synthTotal - realCounts[size_t(c)] / realTotal);
    }
    return MetricResult::value(1.0 - 0.5 * variation);
}

MetricResult boundaryAdherence(std::span<const double> real, std::span<const double> synthetic)
{
    const bool realHasNaN = hasNaN(real);
    const std::vector<double> r = dropNaN(real);
    if (r.empty())
        return MetricResult::failure(tr("no non-missing values in real"));
    const auto [lo, hi] = std::minmax_element(r.begin(), r.end());
    qint64 inside = 0;
    qint64 total = 0;
    for (double v : synthetic) {
        if (std::isnan(v)) {
            if (!realHasNaN)
                ++total; // missing counts as out of bounds when the real data has none
            continue;
        }
        ++total;
        if (v >= *lo && v <= *hi)
            ++inside;
    }
    if (total == 0)
        return MetricResult::failure(tr("no synthetic values"));
    return MetricResult::value(double(inside) / double(total));
}

MetricResult categoryAdherence(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic)
{
    if (synthetic.empty())
        return MetricResult::failure(tr("no synthetic values"));
    const int k = codeLimit(real, synthetic);
    std::vector<std::uint8_t> seen(size_t(k) + 1, 0); // last slot = missing
    for (std::int32_t c : real)
        seen[c < 0 ? size_t(k) : size_t(c)] = 1;
    qint64 valid = 0;
    for (std::int32_t c : synthetic)
        valid += seen[c < 0 ? size_t(k) : size_t(c)];
    return MetricResult::value(double(valid) / double(synthetic.size()));
}

MetricResult keyUniqueness(std::span<const std::int32_t> synthetic)
{
    if (synthetic.empty())
        return MetricResult::failure(tr("no synthetic values"));
    const int k = codeLimit(synthetic);
    std::vector<std::uint8_t> seen(size_t(k), 0);
    qint64 bad = 0;
    for (std::int32_t c : synthetic) {
        if (c < 0 || seen[size_t(c)]) {
            ++bad;
            continue;
        }
        seen[size_t(c)] = 1;
    }
    return MetricResult::value(1.0 - double(bad) / double(synthetic.size()));
}

MetricResult rangeCoverage(std::span<const double> real, std::span<const double> synthetic)
{
    const std::vector<double> r = dropNaN(real);
    const std::vector<double> s = dropNaN(synthetic);
    if (r.empty() || s.empty())
        return MetricResult::failure(tr("no non-missing values in real or synthetic"));
    const auto [rLo, rHi] = std::minmax_element(r.begin(), r.end());
    const auto [sLo, sHi] = std::minmax_element(s.begin(), s.end());
    const double range = *rHi - *rLo;
    if (range == 0.0)
        return MetricResult::failure(tr("the real column is constant"));
    const double below = std::max((*sLo - *rLo) / range, 0.0);
    const double above = std::max((*rHi - *sHi) / range, 0.0);
    return MetricResult::value(std::max(1.0 - (below + above), 0.0));
}

MetricResult categoryCoverage(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic)
{
    const int k = codeLimit(real, synthetic);
    std::vector<std::uint8_t> inReal(size_t(k), 0);
    std::vector<std::uint8_t> inSynth(size_t(k), 0);
    for (std::int32_t c : real) {
        if (c >= 0)
            inReal[size_t(c)] = 1;
    }
    for (std::int32_t c : synthetic) {
        if (c >= 0)
            inSynth[size_t(c)] = 1;
    }
    int realDistinct = 0;
    int covered = 0;
    for (int c = 0; c < k; ++c) {
        realDistinct += inReal[size_t(c)];
        covered += inReal[size_t(c)] & inSynth[size_t(c)];
    }
    if (realDistinct == 0)
        return MetricResult::failure(tr("no non-missing values in real"));
    return MetricResult::value(double(covered) / double(realDistinct));
}

MetricResult missingValueSimilarity(const Column &real, const Column &synthetic)
{
    if (real.size() == 0 || synthetic.size() == 0)
        return MetricResult::failure(tr("no rows in real or synthetic"));
    return MetricResult::value(1.0 - std::fabs(real.missingRate() - synthetic.missingRate()));
}

MetricResult statisticSimilarity(
    std::span<const double> real, std::span<const double> synthetic, Statistic statistic)
{
    const std::vector<double> r = dropNaN(real);
    const std::vector<double> s = dropNaN(synthetic);
    if (r.empty() || s.empty())
        return MetricResult::failure(tr("no non-missing values in real or synthetic"));
    const auto [lo, hi] = std::minmax_element(r.begin(), r.end());
    if (*lo == *hi)
        return MetricResult::failure(tr("the real column is constant"));
    double realStat = 0.0;
    double synthStat = 0.0;
    switch (statistic) {
    case Statistic::Mean:
        realStat = mean(r);
        synthStat = mean(s);
        break;
    case Statistic::StandardDeviation:
        realStat = sampleStd(r);
        synthStat = sampleStd(s);
        break;
    case Statistic::Median:
        realStat = median(r);
        synthStat = median(s);
        break;
    }
    if (std::isnan(synthStat))
        return MetricResult::failure(tr("too few synthetic values for the statistic"));
    return MetricResult::value(std::max(1.0 - std::fabs(realStat - synthStat) / (*hi - *lo), 0.0));
}

} // namespace core::metrics
