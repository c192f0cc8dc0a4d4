// SPDX-License-Identifier: MIT
#pragma once

#include "core/evaluation/quality/singlecolumnmetrics.h"

#include <QString>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace core::metrics {

// Formulas: ../shared/specs/metrics.md section 2. Pure functions, thread-safe.

/// numpy.histogram_bin_edges(values, bins): bins + 1 equal-width edges from min to max
/// (min - 0.5 .. max + 0.5 when all values are equal). `values` must be NaN-free and non-empty.
std::vector<double> histogramBinEdges(std::span<const double> values, int bins = 10);

/// numpy.digitize(x, edges) for increasing edges: i with edges[i-1] <= x < edges[i], 0 below the
/// first edge, edges.size() at or above the last; NaN also gives edges.size() (numpy sorts NaN last).
std::int32_t digitize(double x, std::span<const double> edges);

/// The report's discretisation of a continuous column for mixed pairs: edges from the column's
/// own non-NaN values (10 bins), then digitize (codes 1..11; the maximum and NaN both get 11).
/// All-NaN input gives all 11.
std::vector<std::int32_t> digitizeOwnEdges(std::span<const double> values, int bins = 10);

/// ContingencySimilarity's `continuous_column_names` binning: edges from the real non-NaN values,
/// outer edges set to -inf / +inf, applied to both; codes 1..bins, NaN -> bins + 1.
std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>> discretizeColumn(
    std::span<const double> real, std::span<const double> synthetic, int bins = 10);

enum class CorrelationCoefficient { Pearson, Spearman };

/// Pearson r of paired NaN-free samples (NaN if either is constant or n < 2).
double pearson(std::span<const double> x, std::span<const double> y);
/// Spearman rho: Pearson r of average ranks.
double spearman(std::span<const double> x, std::span<const double> y);

struct CorrelationResult : MetricResult {
    double realCorrelation = std::numeric_limits<double>::quiet_NaN();
    double syntheticCorrelation = std::numeric_limits<double>::quiet_NaN();
};

/// CorrelationSimilarity = 1 - |r_real - r_synthetic| / 2. Fails (NaN + reason naming the column)
/// when a column is constant in real or synthetic data; rows with NaN in either column are
/// dropped per table. With threshold t > 0 the score is NaN when |r_real| <= t (the correlations
/// are still returned).
CorrelationResult correlationSimilarity(std::span<const double> realX, std::span<const double> realY,
    std::span<const double> syntheticX, std::span<const double> syntheticY,
    CorrelationCoefficient coefficient = CorrelationCoefficient::Pearson,
    double realCorrelationThreshold = 0.0, const QString &nameX = QString(),
    const QString &nameY = QString());

/// Cramér's V (no continuity correction, as scipy.stats.contingency.association) of two code
/// columns, missing (-1) counted as its own category. NaN if either has fewer than 2 categories.
double cramersV(std::span<const std::int32_t> a, std::span<const std::int32_t> b);

struct ContingencyOptions {
    /// Reference's `num_rows_subsample`: > 0 draws that many rows (without replacement) from each
    /// table first. 0 (default) = all rows, deterministic.
    qint64 subsampleRows = 0;
    quint64 seed = 0; ///< seed of that draw
    /// t > 0: score NaN when Cramér's V of the real pair is <= t.
    double realAssociationThreshold = 0.0;
};

struct ContingencyResult : MetricResult {
    double realAssociation = std::numeric_limits<double>::quiet_NaN(); ///< Cramér's V of the real pair
};

/// ContingencySimilarity = 1 - 1/2 sum |P_real - P_synthetic| over the joint cells of two code
/// columns (codes shared between real and synthetic per column; -1 = missing, a category of its
/// own). Integer counting: dense table when small, sort otherwise. Always returns realAssociation.
ContingencyResult contingencySimilarity(std::span<const std::int32_t> realA,
    std::span<const std::int32_t> realB, std::span<const std::int32_t> syntheticA,
    std::span<const std::int32_t> syntheticB, const ContingencyOptions &options = {});

} // namespace core::metrics
