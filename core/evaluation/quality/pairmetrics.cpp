// SPDX-License-Identifier: MIT
#include "core/evaluation/quality/pairmetrics.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace core::metrics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString tr(const char *text)
{
    return QCoreApplication::translate("core::metrics", text);
}

// Distinct non-NaN values: 0, 1 (constant) or 2 meaning "two or more".
int distinctUpToTwo(std::span<const double> values)
{
    bool found = false;
    double first = 0.0;
    for (double v : values) {
        if (std::isnan(v))
            continue;
        if (!found) {
            found = true;
            first = v;
        } else if (v != first) {
            return 2;
        }
    }
    return found ? 1 : 0;
}

std::vector<double> averageRanks(std::span<const double> values)
{
    const size_t n = values.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(
        order.begin(), order.end(), [&values](size_t a, size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(n);
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && values[order[j]] == values[order[i]])
            ++j;
        const double rank = 0.5 * double(i + 1 + j); // mean of ranks i+1 .. j
        for (size_t k = i; k < j; ++k)
            ranks[order[k]] = rank;
        i = j;
    }
    return ranks;
}

// Row indices of a random subsample (partial Fisher-Yates), or all rows.
std::vector<size_t> sampleRows(size_t rows, qint64 wanted, std::mt19937_64 &rng)
{
    std::vector<size_t> index(rows);
    std::iota(index.begin(), index.end(), size_t(0));
    if (wanted <= 0 || size_t(wanted) >= rows)
        return index;
    for (size_t i = 0; i < size_t(wanted); ++i) {
        std::uniform_int_distribution<size_t> pick(i, rows - 1);
        std::swap(index[i], index[pick(rng)]);
    }
    index.resize(size_t(wanted));
    std::sort(index.begin(), index.end());
    return index;
}

// Cells of a joint table: (code a + 1) * width + (code b + 1), so missing (-1) is a category.
struct CellCounts {
    std::vector<std::int64_t> keys; // ascending, distinct
    std::vector<std::int64_t> counts; // per key
};

CellCounts countCells(std::span<const std::int32_t> a, std::span<const std::int32_t> b,
    const std::vector<size_t> &rows, std::int64_t width, std::int64_t cellCount)
{
    CellCounts out;
    // Dense counting when the table is small against the row count; sorting otherwise, so a
    // pair of 900-level diagnosis codes never allocates a million-cell table per pair.
    if (cellCount <= std::max<std::int64_t>(4096, 4 * std::int64_t(rows.size()))) {
        std::vector<std::int64_t> dense(size_t(cellCount), 0);
        for (size_t r : rows)
            ++dense[size_t(std::int64_t(a[r] + 1) * width + (b[r] + 1))];
        for (std::int64_t cell = 0; cell < cellCount; ++cell) {
            if (dense[size_t(cell)] != 0) {
                out.keys.push_back(cell);
                out.counts.push_back(dense[size_t(cell)]);
            }
        }
        return out;
    }
    std::vector<std::int64_t> keys;
    keys.reserve(rows.size());
    for (size_t r : rows)
        keys.push_back(std::int64_t(a[r] + 1) * width + (b[r] + 1));
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j] == keys[i])
            ++j;
        out.keys.push_back(keys[i]);
        out.counts.push_back(std::int64_t(j - i));
        i = j;
    }
    return out;
}

double cramersVFromCells(const CellCounts &cells, std::int64_t width, std::int64_t heightCount)
{
    std::vector<std::int64_t> rowSums(size_t(heightCount), 0);
    std::vector<std::int64_t> colSums(size_t(width), 0);
    std::int64_t n = 0;
    for (size_t i = 0; i < cells.keys.size(); ++i) {
        rowSums[size_t(cells.keys[i] / width)] += cells.counts[i];
        colSums[size_t(cells.keys[i] % width)] += cells.counts[i];
        n += cells.counts[i];
    }
    const auto present = [](const std::vector<std::int64_t> &sums) {
        return std::count_if(sums.begin(), sums.end(), [](std::int64_t s) { return s > 0; });
    };
    const std::int64_t rowsPresent = present(rowSums);
    const std::int64_t colsPresent = present(colSums);
    if (n == 0 || std::min(rowsPresent, colsPresent) < 2)
        return kNaN;
    // chi2 = n (sum O^2 / (row * col) - 1): the same Pearson statistic over all r x k cells
    // (zero cells included), in time linear in the non-zero cells.
    double sum = 0.0;
    for (size_t i = 0; i < cells.keys.size(); ++i) {
        const double o = double(cells.counts[i]);
        sum += o * o
            / (double(rowSums[size_t(cells.keys[i] / width)])
                * double(colSums[size_t(cells.keys[i] % width)]));
    }
    const double chi2 = std::max(0.0, double(n) * (sum - 1.0));
    return std::sqrt(chi2 / double(n) / double(std::min(rowsPresent, colsPresent) - 1));
}

std::int32_t codeLimit(std::span<const std::int32_t> a, std::span<const std::int32_t> b)
{
    std::int32_t top = -1;
    for (std::int32_t c : a)
        top = std::max(top, c);
    for (std::int32_t c : b)
        top = std::max(top, c);
    return top + 1;
}

} // namespace

std::vector<double> histogramBinEdges(std::span<const double> values, int bins)
{
    Q_ASSERT(!values.empty() && bins > 0);
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    double first = *lo;
    double last = *hi;
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    // numpy.linspace(first, last, bins + 1): i * step + start, the last edge set to stop.
    std::vector<double> edges(size_t(bins) + 1);
    const double step = (last - first) / double(bins);
    for (int i = 0; i <= bins; ++i)
        edges[size_t(i)] = double(i) * step + first;
    edges.back() = last;
    return edges;
}

std::int32_t digitize(double x, std::span<const double> edges)
{
    if (std::isnan(x))
        return std::int32_t(edges.size());
    return std::int32_t(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin());
}

std::vector<std::int32_t> digitizeOwnEdges(std::span<const double> values, int bins)
{
    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values) {
        if (std::isfinite(v))
            finite.push_back(v);
    }
    std::vector<std::int32_t> codes(values.size(), bins + 1);
    if (finite.empty())
        return codes;
    const std::vector<double> edges = histogramBinEdges(finite, bins);
    for (size_t i = 0; i < values.size(); ++i)
        codes[i] = digitize(values[i], edges);
    return codes;
}

std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>> discretizeColumn(
    std::span<const double> real, std::span<const double> synthetic, int bins)
{
    std::vector<double> finite;
    for (double v : real) {
        if (std::isfinite(v))
            finite.push_back(v);
    }
    std::vector<double> edges;
    if (finite.empty()) {
        edges = { -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity() };
    } else {
        edges = histogramBinEdges(finite, bins);
        edges.front() = -std::numeric_limits<double>::infinity();
        edges.back() = std::numeric_limits<double>::infinity();
    }
    auto apply = [&edges](std::span<const double> values) {
        std::vector<std::int32_t> codes(values.size());
        for (size_t i = 0; i < values.size(); ++i)
            codes[i] = digitize(values[i], edges);
        return codes;
    };
    return { apply(real), apply(synthetic) };
}

double pearson(std::span<const double> x, std::span<const double> y)
{
    const size_t n = x.size();
    if (n < 2 || y.size() != n)
        return kNaN;
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / double(n);
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / double(n);
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mx;
        const double dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx == 0.0 || syy == 0.0)
        return kNaN;
    return std::clamp(sxy / (std::sqrt(sxx) * std::sqrt(syy)), -1.0, 1.0);
}

double spearman(std::span<const double> x, std::span<const double> y)
{
    const std::vector<double> rx = averageRanks(x);
    const std::vector<double> ry = averageRanks(y);
    return pearson(rx, ry);
}

CorrelationResult correlationSimilarity(std::span<const double> realX, std::span<const double> realY,
    std::span<const double> syntheticX, std::span<const double> syntheticY,
    CorrelationCoefficient coefficient, double realCorrelationThreshold, const QString &nameX,
    const QString &nameY)
{
    CorrelationResult result;
    const QString x = nameX.isEmpty() ? tr("the first column") : QStringLiteral("'%1'").arg(nameX);
    const QString y = nameY.isEmpty() ? tr("the second column") : QStringLiteral("'%1'").arg(nameY);
    // The reference refuses constant columns (on all rows, before dropping missing pairs).
    if (distinctUpToTwo(realX) == 1 || distinctUpToTwo(realY) == 1) {
        result.error = tr("The real data in column %1 is constant; correlation is undefined.")
                           .arg(distinctUpToTwo(realX) == 1 ? x : y);
        return result;
    }
    if (distinctUpToTwo(syntheticX) == 1 || distinctUpToTwo(syntheticY) == 1) {
        result.error = tr("The synthetic data in column %1 is constant; correlation is undefined.")
                           .arg(distinctUpToTwo(syntheticX) == 1 ? x : y);
        return result;
    }
    auto correlate = [coefficient](std::span<const double> a, std::span<const double> b, qint64 *pairs) {
        std::vector<double> keptA;
        std::vector<double> keptB;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!std::isnan(a[i]) && !std::isnan(b[i])) {
                keptA.push_back(a[i]);
                keptB.push_back(b[i]);
            }
        }
        *pairs = qint64(keptA.size());
        return coefficient == CorrelationCoefficient::Pearson ? pearson(keptA, keptB)
                                                              : spearman(keptA, keptB);
    };
    qint64 realPairs = 0;
    qint64 synthPairs = 0;
    result.realCorrelation = correlate(realX, realY, &realPairs);
    result.syntheticCorrelation = correlate(syntheticX, syntheticY, &synthPairs);
    if (realPairs < 2 || synthPairs < 2) {
        result.error = tr("Fewer than two rows have values in both %1 and %2.").arg(x, y);
        return result;
    }
    if (std::isnan(result.realCorrelation) || std::isnan(result.syntheticCorrelation)) {
        result.error
            = tr("Correlation of %1 and %2 is undefined: a column is constant on the rows where both "
                 "have values.")
                  .arg(x, y);
        return result;
    }
    if (realCorrelationThreshold > 0.0 && std::fabs(result.realCorrelation) <= realCorrelationThreshold) {
        result.error = tr("The real correlation %1 is not above the threshold %2.")
                           .arg(result.realCorrelation, 0, 'f', 6)
                           .arg(realCorrelationThreshold);
        return result;
    }
    result.score = 1.0 - std::fabs(result.realCorrelation - result.syntheticCorrelation) / 2.0;
    return result;
}

double cramersV(std::span<const std::int32_t> a, std::span<const std::int32_t> b)
{
    Q_ASSERT(a.size() == b.size());
    const std::int64_t height = std::int64_t(codeLimit(a, {})) + 1;
    const std::int64_t width = std::int64_t(codeLimit(b, {})) + 1;
    std::vector<size_t> rows(a.size());
    std::iota(rows.begin(), rows.end(), size_t(0));
    return cramersVFromCells(countCells(a, b, rows, width, height * width), width, height);
}

ContingencyResult contingencySimilarity(std::span<const std::int32_t> realA,
    std::span<const std::int32_t> realB, std::span<const std::int32_t> syntheticA,
    std::span<const std::int32_t> syntheticB, const ContingencyOptions &options)
{
    Q_ASSERT(realA.size() == realB.size() && syntheticA.size() == syntheticB.size());
    ContingencyResult result;
    if (realA.empty() || syntheticA.empty()) {
        result.error = tr("no rows in real or synthetic");
        return result;
    }
    std::mt19937_64 rng(options.seed);
    const std::vector<size_t> realRows = sampleRows(realA.size(), options.subsampleRows, rng);
    const std::vector<size_t> synthRows = sampleRows(syntheticA.size(), options.subsampleRows, rng);

    const std::int64_t height = std::int64_t(codeLimit(realA, syntheticA)) + 1;
    const std::int64_t width = std::int64_t(codeLimit(realB, syntheticB)) + 1;
    const CellCounts real = countCells(realA, realB, realRows, width, height * width);
    const CellCounts synth = countCells(syntheticA, syntheticB, synthRows, width, height * width);

    result.realAssociation = cramersVFromCells(real, width, height);
    if (options.realAssociationThreshold > 0.0
        && (std::isnan(result.realAssociation)
            || result.realAssociation <= options.realAssociationThreshold)) {
        result.error = std::isnan(result.realAssociation)
            ? tr("Cramér's V of the real data is undefined (a column has a single category).")
            : tr("Cramér's V of the real data %1 is not above the threshold %2.")
                  .arg(result.realAssociation, 0, 'f', 6)
                  .arg(options.realAssociationThreshold);
        return result;
    }

    // Merge the two sorted cell lists: cells present in one table only count in full.
    const double nReal = double(realRows.size());
    const double nSynth = double(synthRows.size());
    double variation = 0.0;
    size_t i = 0;
    size_t j = 0;
    while (i < real.keys.size() || j < synth.keys.size()) {
        if (j == synth.keys.size() || (i < real.keys.size() && real.keys[i] < synth.keys[j])) {
            variation += double(real.counts[i++]) / nReal;
        } else if (i == real.keys.size() || synth.keys[j] < real.keys[i]) {
            variation += double(synth.counts[j++]) / nSynth;
        } else {
            variation += std::fabs(double(real.counts[i++]) / nReal - double(synth.counts[j++]) / nSynth);
        }
    }
    result.score = 1.0 - 0.5 * variation;
    return result;
}

} // namespace core::metrics
