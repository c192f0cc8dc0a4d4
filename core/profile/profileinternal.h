// SPDX-License-Identifier: MIT
#pragma once

// Private to core/profile: the pieces profileTable() is assembled from.

#include "core/profile/profile.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace core::profiling {

/// One column's profile plus what the cross-column steps need from it.
struct ColumnWork {
    ColumnProfile profile;
    /// Numeric / Binary columns: average rank (1-based) among the finite values, NaN elsewhere.
    std::vector<float> ranks;
    /// Columns with fewer than kNoValueId distinct finite values: per row, the value's position
    /// among the distinct values in ascending order (kNoValueId where missing or infinite), so
    /// Spearman re-ranks over the rows two columns share by counting. Empty for other columns.
    std::vector<std::uint16_t> valueIds;
    int valueIdCount = 0; ///< distinct values behind valueIds
    static constexpr std::uint16_t kNoValueId = 0xFFFF;
    /// Other columns: rows of the finite values in ascending order, for the same re-ranking.
    std::vector<std::uint32_t> order;
    /// 1 where order[i] starts a run of equal values, aligned with order (for re-ranking ties).
    std::vector<std::uint8_t> runStarts;
    qint64 finite = 0; ///< cells with a finite number (Numeric / Binary columns)
    /// Binary numbers as 0/1 codes (-1 missing), so they join Cramer's V like categories.
    std::vector<std::int32_t> binaryCodes;
    bool correlates = false; ///< takes part in Pearson / Spearman / correlation ratio (as the number)
    bool categorical = false; ///< takes part in Cramer's V / correlation ratio (as the category)
    int levels = 0; ///< number of codes for categorical columns
    double mean = 0; ///< of the finite values, for centred sums
    double sumSquares = 0; ///< sum of (x - mean)^2 over the finite values
};

/// Profiles one column. `meta` may be null. Thread-safe for distinct columns.
ColumnWork profileColumn(const Column &column, const ColumnMeta *meta, const ProfileOptions &options);

/// Runs fn(0..count-1) on `threads` threads (the caller's thread is one of them). The caller's
/// thread polls job between items and reports progress from `from` to `to`; returns false when
/// cancelled (items already started finish).
bool parallelFor(int count, int threads, JobContext &job, double from, double to, const QString &stage,
    const std::function<void(int)> &fn);

/// Pearson and Spearman for pairs of `correlates` columns, Cramer's V for pairs of `categorical`
/// columns, correlation ratio for each (correlates, categorical) pair. nullopt when cancelled.
std::optional<QList<Association>> computeAssociations(
    const Table &table, const std::vector<ColumnWork> &work, int threads, JobContext &job);

/// Rows equal in every cell to an earlier row (pandas duplicated().sum()), and up to 5 of them.
/// nullopt when cancelled.
std::optional<qint64> countDuplicateRows(const Table &table, const std::vector<ColumnWork> &work, int threads,
    JobContext &job, QList<qint64> &examples);

/// Alerts and suggested actions from the measured profile.
void raiseAlerts(Profile &profile, const ProfileOptions &options);

/// Frees the sort buffers the calling thread keeps between columns.
void releaseThreadScratch();

/// A number as a short text ("12", "0.1", "1e+308").
QString numberText(double value);

/// A value quoted for a message, with tabs and newlines shown ("ckd\t" reads differently from "ckd").
QString shown(const QString &value);
/// "12.5%" (two decimals below 1 %).
QString percent(double share);
/// [{"value", "count"}] of up to `limit` values, as alert evidence.
QVariantList valueCounts(const QList<ValueCount> &values, int limit = 10);
/// "\"a\" ×3, \"b\" ×1, …" for a message.
QString listOf(const QList<ValueCount> &values, int limit = 5);

} // namespace core::profiling
