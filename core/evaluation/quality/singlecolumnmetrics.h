// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/column.h"

#include <QString>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

namespace core::metrics {

/// One metric's outcome: a score in [0, 1], or NaN with the reason it is not computable.
/// Reports leave NaN scores out of their averages and list the reason.
struct MetricResult {
    double score = std::numeric_limits<double>::quiet_NaN();
    QString error; ///< why score is NaN ("no non-missing values in real or synthetic"); empty if computed
    QString
        note; ///< extra reading, possibly beside a valid score ("synthetic missing rate 1.00 vs real 0.25")

    bool isValid() const { return !std::isnan(score); }
    static MetricResult value(double score) { return MetricResult { score, {}, {} }; }
    static MetricResult failure(const QString &reason)
    {
        return MetricResult { std::numeric_limits<double>::quiet_NaN(), reason, {} };
    }
};

// Formulas: ../shared/specs/metrics.md section 1 (SDMetrics v0.29 semantics).
// Continuous inputs hold NaN for missing; discrete inputs hold codes shared by real and
// synthetic (encodeDiscretePair), -1 for missing. All functions are pure and thread-safe.

/// Two-sample Kolmogorov-Smirnov statistic sup |F_a - F_b| of two ascending, NaN-free samples.
double ksStatistic(std::span<const double> sortedA, std::span<const double> sortedB);

/// Rounds to 13 significant digits, so values that differ only by float noise (0.3 - 0.2 vs 0.1,
/// case 022) compare equal while any difference a measurement can carry survives.
double roundFloatNoise(double value);

/// 1 - KS statistic after dropping NaN. `roundNoise` first applies the reference's rounding to
/// 14 decimals and then roundFloatNoise() (off for datetimes, which the reference compares as
/// integers). Real empty: NaN; synthetic empty (real not): 0.0 with a note, like case 023.
MetricResult ksComplement(
    std::span<const double> real, std::span<const double> synthetic, bool roundNoise = true);

/// 1 - total variation distance of the category frequencies (NaN dropped; a category only in
/// synthetic weighs 1e-6 in the real counts). Both empty: NaN "no non-missing values in real or
/// synthetic" (case 024); real empty: NaN; synthetic empty: 0.0 (case 023).
MetricResult tvComplement(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic);

/// Share of synthetic values inside [min real, max real]. If real has NaN, NaN is dropped from
/// both; otherwise a synthetic NaN counts as out of bounds (case 026).
MetricResult boundaryAdherence(std::span<const double> real, std::span<const double> synthetic);

/// Share of synthetic values (NaN included) that occur in real; NaN is valid only if real has NaN.
MetricResult categoryAdherence(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic);

/// 1 - (synthetic rows that repeat an earlier row or are missing) / rows.
MetricResult keyUniqueness(std::span<const std::int32_t> synthetic);

/// How much of the real [min, max] the synthetic range covers; NaN if the real column is constant.
MetricResult rangeCoverage(std::span<const double> real, std::span<const double> synthetic);

/// Share of the distinct real categories (NaN dropped) that appear in synthetic.
MetricResult categoryCoverage(std::span<const std::int32_t> real, std::span<const std::int32_t> synthetic);

/// 1 - |missing share real - missing share synthetic|.
MetricResult missingValueSimilarity(const Column &real, const Column &synthetic);

enum class Statistic { Mean, StandardDeviation, Median };

/// max(1 - |stat real - stat synthetic| / (max real - min real), 0) on NaN-dropped values;
/// standard deviation with ddof = 1 (pandas). NaN if the real column is constant.
MetricResult statisticSimilarity(
    std::span<const double> real, std::span<const double> synthetic, Statistic statistic);

} // namespace core::metrics
