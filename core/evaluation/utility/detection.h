// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/evaluation/privacy/rating.h"
#include "core/evaluation/utility/models.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace core::utility {

/// Settings of the detection metrics.
struct DetectionOptions {
    int folds = 3;           ///< stratified cross-validation folds
    quint64 seed = 0;        ///< fold assignment (rows of each class shuffled, then dealt round-robin)
    bool gradientBoosting = true;
    XGBoostModel::Params xgboost { 100, 6, 0.3, 2, 0, QStringLiteral("hist") };
};

/// How well a classifier tells real rows (label 1) from synthetic rows (label 0).
struct DetectionReport {
    QList<double> logisticFoldAuc;  ///< ROC AUC per fold
    QList<double> xgboostFoldAuc;   ///< empty when gradient boosting is off
    double logisticScore = qQNaN(); ///< 1 - mean_folds(max(0.5, AUC) * 2 - 1): 1 = indistinguishable
    double xgboostScore = qQNaN();
    qint64 realRows = 0;
    qint64 syntheticRows = 0;
    int featureCount = 0;
    RatedScore logisticRating;
    RatedScore xgboostRating;
};

class Detection final {
    Q_DECLARE_TR_FUNCTIONS(core::utility::Detection)
public:
    /// LogisticDetection (metrics.md section 6): the FeatureEncoder fitted on the real table
    /// (mean imputation, one-hot), per fold RobustScaler + LogisticRegression(C=1) fitted on the
    /// training folds; the same folds for XGBoost (no scaling). Fails with InvalidInput when a
    /// table has fewer rows than folds, Numerical when the regression does not converge, or
    /// cancelledError() (polled between folds).
    /// Lights (both scores): >= 0.8 green (AUC <= 0.6), >= 0.5 amber (AUC <= 0.75), else red.
    static Result<DetectionReport> evaluate(const Table &real, const Table &synthetic, const Schema &schema,
                                            const DetectionOptions &options, JobContext &job);
};

/// Stratified k-fold assignment: fold index per row, each class spread evenly over the folds.
Eigen::VectorXi stratifiedFolds(const Eigen::VectorXi &labels, int folds, quint64 seed);

/// The "detection" object of the evaluate JSON:
///  detection.logistic.score        1 - mean(max(0.5, AUC) * 2 - 1) over folds (1 = cannot tell apart)
///  detection.logistic.fold_auc     [AUC per fold]
///  detection.logistic.rating       { value, light, reading }  (>= 0.8 green, >= 0.5 amber)
///  detection.xgboost.*             the same with gradient-boosted trees (100 trees, depth 6)
///  detection.rows.real, .synthetic, detection.features, detection.folds
QJsonObject detectionToJson(const DetectionReport &report, int folds = 3);

} // namespace core::utility
