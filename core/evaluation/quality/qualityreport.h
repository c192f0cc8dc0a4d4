// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/evaluation/quality/pairmetrics.h"
#include "core/job.h"
#include "core/result.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <limits>

namespace core {

/// Settings of the Quality Report (../shared/specs/metrics.md section 3).
struct QualityOptions {
    /// A continuous pair counts in Column Pair Trends only if |Pearson r| of the real pair is above
    /// this; a pair with a discrete column only if Cramér's V of the real pair is above the other.
    /// 0.5 / 0.3 = SDMetrics' current mode (since v0.27); 0 / 0 = "all pairs" (older results).
    double realCorrelationThreshold = 0.5;
    double realAssociationThreshold = 0.3;
    /// Coefficient of CorrelationSimilarity; the reference report uses Pearson.
    metrics::CorrelationCoefficient coefficient = metrics::CorrelationCoefficient::Pearson;
    /// > 0: ContingencySimilarity draws this many rows from a table that has more (the reference
    /// uses 50,000, which makes it non-deterministic). 0 (default): all rows, deterministic.
    qint64 contingencySubsampleRows = 0;
    quint64 seed = 0; ///< seed of that draw
    int discreteBins = 10; ///< bins of a continuous column in a mixed pair

    static QualityOptions current() { return {}; }
    static QualityOptions allPairs()
    {
        QualityOptions options;
        options.realCorrelationThreshold = 0.0;
        options.realAssociationThreshold = 0.0;
        return options;
    }
};

/// One column of Column Shapes, with extra readings for the UI.
struct ColumnShapeScore {
    QString column;
    SemanticType type = SemanticType::Numerical;
    QString metric; ///< "KSComplement" (numerical, datetime) or "TVComplement" (categorical, boolean)
    double score = std::numeric_limits<double>::quiet_NaN(); ///< NaN: not computable, see error
    QString error; ///< why score is NaN; the column is left out of the average
    QString note; ///< e.g. "synthetic missing rate 1.00 vs real 0.25"
    double realMissingRate = std::numeric_limits<double>::quiet_NaN();
    double syntheticMissingRate = std::numeric_limits<double>::quiet_NaN();
    /// RangeCoverage (continuous) or CategoryCoverage (discrete); NaN when undefined.
    double coverage = std::numeric_limits<double>::quiet_NaN();
    double missingValueSimilarity = std::numeric_limits<double>::quiet_NaN();
    /// StatisticSimilarity of mean / std / median, continuous columns only (else NaN).
    double meanSimilarity = std::numeric_limits<double>::quiet_NaN();
    double stdSimilarity = std::numeric_limits<double>::quiet_NaN();
    double medianSimilarity = std::numeric_limits<double>::quiet_NaN();
};

/// One unordered column pair of Column Pair Trends.
struct PairTrendScore {
    QString column1;
    QString column2;
    QString metric; ///< "CorrelationSimilarity" (both continuous) or "ContingencySimilarity"
    /// The pair's similarity, computed whether or not it meets the threshold (the reference shows
    /// NaN for pairs below it); NaN only on error.
    double score = std::numeric_limits<double>::quiet_NaN();
    double realCorrelation = std::numeric_limits<double>::quiet_NaN(); ///< continuous pairs
    double syntheticCorrelation = std::numeric_limits<double>::quiet_NaN(); ///< continuous pairs
    double realAssociation = std::numeric_limits<double>::quiet_NaN(); ///< Cramér's V, other pairs
    bool meetsThreshold
        = false; ///< counts in the property score (valid score and real trend above threshold)
    QString error;
};

/// SDMetrics' single-table Quality Report. Plain data, copyable, safe to pass between threads.
struct QualityReport {
    double realCorrelationThreshold = 0.5;
    double realAssociationThreshold = 0.3;
    double overall = std::numeric_limits<double>::quiet_NaN(); ///< nanmean of the two properties
    double columnShapes = std::numeric_limits<double>::quiet_NaN(); ///< mean of valid column scores
    double columnPairTrends
        = std::numeric_limits<double>::quiet_NaN(); ///< mean over pairs meeting the threshold
    int pairsCounted = 0; ///< pairs in that mean
    QList<ColumnShapeScore> columns; ///< schema order
    QList<PairTrendScore> pairs; ///< schema order, (i, j) with i < j
    qint64 realRows = 0;
    qint64 syntheticRows = 0;
};

/// Computes the report for the schema's numerical, datetime, categorical and boolean columns
/// (excluded, id, pii and text columns are ignored), matching columns of the two tables by name.
/// Problems with single columns or pairs are reported in their `error`, never as a failure; the
/// only failure is cancellation (Error::Code::Cancelled). Linear in rows per column and per pair.
/// Any thread; polls `job` between pairs.
Result<QualityReport> computeQualityReport(const Table &real, const Table &synthetic, const Schema &schema,
    const QualityOptions &options, JobContext &job);
/// Same, without progress or cancellation.
QualityReport computeQualityReport(
    const Table &real, const Table &synthetic, const Schema &schema, const QualityOptions &options = {});

/// The same report in another mode: re-derives meetsThreshold and the averages from the stored
/// real correlations / associations (no recomputation), e.g. the all-pairs mode from the current one.
QualityReport withThresholds(
    QualityReport report, double realCorrelationThreshold, double realAssociationThreshold);

} // namespace core

Q_DECLARE_METATYPE(core::QualityReport)
