// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/evaluation/privacy/dcr.h"
#include "core/evaluation/privacy/disclosure.h"
#include "core/evaluation/privacy/rating.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QtNumeric>

#include <optional>

namespace core::privacy {

/// What evaluatePrivacy() computes.
struct PrivacyOptions {
    QStringList distanceColumns;  ///< empty = every numerical/datetime/categorical/boolean column
    QStringList sensitiveColumns; ///< attribute-inference targets; empty = no disclosure metric
    QStringList knownColumns;     ///< attacker's keys; empty = quasiIdentifiers, else the other distance columns
    QStringList quasiIdentifiers; ///< k-anonymity columns; empty = knownColumns (none: not computed)
    int kAnonymityThreshold = 5;  ///< classes smaller than this count as "at risk"
    CapMethod capMethod = CapMethod::Cap;
    quint64 seed = 0;             ///< the random baseline table of DCRBaselineProtection
    int threads = 2;
};

/// Every privacy figure of `healthsynth-cli evaluate`. Hold-out figures are empty when no
/// hold-out table was given. Distances are MixedDistanceEncoding distances, in [0, 1].
struct PrivacyReport {
    QStringList columns;                ///< columns the distances compare
    qint64 trainingRows = 0;
    qint64 holdoutRows = 0;
    qint64 syntheticRows = 0;

    DistanceSummary syntheticDcr;                ///< DCR(synthetic -> training)
    std::optional<DistanceSummary> holdoutDcr;   ///< DCR(hold-out -> training): the baseline
    double shareBelowHoldoutP5 = qQNaN();        ///< share of synthetic DCRs below the hold-out's 5th percentile
    std::optional<DcrOverfittingResult> overfitting; ///< closerToTrainingShare = share closer than hold-out
    DcrBaselineResult baseline;                  ///< DCRBaselineProtection against random rows
    double nndrMedian = qQNaN();                 ///< NNDR of synthetic rows against training rows
    double nndrP10 = qQNaN();
    double holdoutNndrP10 = qQNaN();
    double exactCopyRate = qQNaN();              ///< synthetic rows equal to a training row
    double holdoutExactCopyRate = qQNaN();       ///< hold-out rows equal to a training row (natural duplicates)
    std::optional<MembershipInferenceResult> membership;
    std::optional<DisclosureResult> disclosure;
    QStringList knownColumns;
    QStringList sensitiveColumns;
    CapMethod capMethod = CapMethod::Cap;
    std::optional<KAnonymityResult> kAnonymity;
    QStringList quasiIdentifiers;

    /// Traffic lights and readings; thresholds in privacyreport.cpp's rate*() and privacyToJson's comment.
    RatedScore dcrRating;
    RatedScore overfittingRating;
    RatedScore baselineRating;
    RatedScore nndrRating;
    RatedScore exactCopyRating;
    RatedScore membershipRating;
    RatedScore disclosureRating;
    RatedScore kAnonymityRating;
};

class PrivacyEvaluator final {
    Q_DECLARE_TR_FUNCTIONS(core::privacy::PrivacyEvaluator)
public:
    /// Computes every privacy figure. `holdout` may be empty (0 rows): hold-out based figures
    /// are then left out. Fails with InvalidInput naming a missing column, or cancelledError().
    /// Runs 5 nearest-neighbour searches with a hold-out (3 without); reports progress.
    static Result<PrivacyReport> evaluate(const Table &training, const Table &holdout, const Table &synthetic,
                                          const Schema &schema, const PrivacyOptions &options, JobContext &job);
    /// Fills the RatedScore members from the figures (called by evaluate()).
    static void rate(PrivacyReport &report);
};

/// The "privacy" object of the evaluate JSON; every key is documented in privacyreport.cpp.
QJsonObject privacyToJson(const PrivacyReport &report);

} // namespace core::privacy
