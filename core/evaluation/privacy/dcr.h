// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/evaluation/privacy/mixeddistance.h"
#include "core/job.h"
#include "core/result.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QStringList>

namespace core::privacy {

/// Options shared by the distance metrics.
struct DcrOptions {
    QStringList columns; ///< columns compared; empty = MixedDistanceEncoding::distanceColumns()
    int threads = 2;     ///< search threads
};

/// Distance to closest record (SDMetrics calculate_dcr): for every row of `query`, the
/// mixed distance (MixedDistanceEncoding, ranges from `reference`) to its nearest row of
/// `reference`; values in [0, 1]. Fails (InvalidInput) when no column can be compared, or
/// the reference is empty; returns cancelledError() when the job is cancelled.
Result<Eigen::VectorXd> distanceToClosestRecord(const Table &query, const Table &reference, const Schema &schema,
                                                JobContext &job, const DcrOptions &options = {});

/// Median, 5th percentile and mean of a set of distances (numpy's linear quantiles).
struct DistanceSummary {
    double median = 0.0;
    double p5 = 0.0;
    double mean = 0.0;
};
DistanceSummary summarizeDistances(const Eigen::VectorXd &distances);

/// DCRBaselineProtection (metrics.md section 5).
struct DcrBaselineResult {
    double score = 0.0;           ///< min(syntheticMedian / randomMedian, 1); NaN if randomMedian is 0
    double syntheticMedian = 0.0; ///< median DCR(synthetic -> real)
    double randomMedian = 0.0;    ///< median DCR(random -> real)
};

/// A table of `rows` rows drawn column by column from `real`'s domain: whole numbers uniform
/// in [min, max], other numbers and datetimes uniform in [min, max], every other column
/// uniform over its distinct non-missing values; missing cells at the column's missing rate.
/// The same seed gives the same table.
Table randomDomainTable(const Table &real, const Schema &schema, const QStringList &columns, qint64 rows, quint64 seed);

Result<DcrBaselineResult> dcrBaselineProtection(const Table &real, const Table &synthetic, const Schema &schema,
                                                quint64 seed, JobContext &job, const DcrOptions &options = {});

/// DCROverfittingProtection (metrics.md section 5).
struct DcrOverfittingResult {
    double score = 0.0;               ///< min(2 * (1 - closerToTrainingShare), 1)
    double closerToTrainingShare = 0; ///< share of synthetic rows with DCR(s -> T) < DCR(s -> H), strict
    bool holdoutSmall = false;        ///< |H| < 0.5 |T|: the reference warns the score is biased down
};
Result<DcrOverfittingResult> dcrOverfittingProtection(const Table &training, const Table &holdout,
                                                      const Table &synthetic, const Schema &schema, JobContext &job,
                                                      const DcrOptions &options = {});
/// The same from DCRs already computed (each normalised by its own reference's ranges).
DcrOverfittingResult dcrOverfittingFromDistances(const Eigen::VectorXd &toTraining, const Eigen::VectorXd &toHoldout,
                                                 qint64 trainingRows, qint64 holdoutRows);

/// Nearest-neighbour distance ratio (d1 + 1e-8) / (d2 + 1e-8) per row, from a k = 2 search.
Eigen::VectorXd neighbourDistanceRatios(const Neighbours &neighbours);

/// Share of `query` rows equal to some `reference` row on every compared column (NaN equals
/// NaN), exact comparison of the raw values: the keys of a MixedDistanceEncoding.
double exactCopyRate(const EncodedRows &queryKeys, const EncodedRows &referenceKeys);

/// ROC AUC of `scores` separating positives from negatives (Mann-Whitney, ties counted half).
/// NaN if either group is empty.
double rocAuc(const Eigen::VectorXd &positiveScores, const Eigen::VectorXd &negativeScores);

/// Distance-based membership inference: the attacker scores each real row by its distance
/// to the closest synthetic row (closer = more likely a training member). Returns the ROC AUC
/// of that score with training rows as members and hold-out rows as non-members (0.5 = the
/// attacker learns nothing). Distances are normalised by the synthetic table's ranges.
struct MembershipInferenceResult {
    double auc = 0.0;
    double memberMedianDistance = 0.0;
    double nonMemberMedianDistance = 0.0;
};
Result<MembershipInferenceResult> membershipInferenceAuc(const Table &training, const Table &holdout,
                                                         const Table &synthetic, const Schema &schema,
                                                         JobContext &job, const DcrOptions &options = {});

} // namespace core::privacy
