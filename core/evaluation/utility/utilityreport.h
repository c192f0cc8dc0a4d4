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
#include <QMap>
#include <QStringList>

namespace core::utility {

/// Settings of the machine-learning utility comparison.
struct UtilityOptions {
    QString target;    ///< column to predict: categorical/boolean = classification, numerical/datetime = regression
    int seeds = 3;     ///< repeated fits on seeded subsamples, for the spread of the gap
    double subsample = 0.8; ///< share of each training table used by each repeated fit
    XGBoostModel::Params xgboost; ///< 200 trees, depth 6, eta 0.3, hist (the reference setting)
    bool linearModel = true;      ///< also logistic (classification) / linear (regression) regression
};

enum class UtilityTask { Classification, Regression };

/// Scores of one model family. Metric keys: classification "accuracy", "macro_f1", "roc_auc";
/// regression "r2", "mae".
struct ModelUtility {
    QMap<QString, double> real;      ///< trained on all real training rows, tested on the hold-out
    QMap<QString, double> synthetic; ///< trained on all synthetic rows, tested on the hold-out
    QMap<QString, double> gap;       ///< loss from training on synthetic: real - synthetic (MAE: synthetic - real)
    QMap<QString, double> gapMean;   ///< the gap over the seeded subsample fits: mean ...
    QMap<QString, double> gapStd;    ///< ... and sample standard deviation (NaN with one seed)
    RatedScore rating;               ///< on the gap of roc_auc (classification) or r2 (regression)
};

/// Train-synthetic-test-real against train-real-test-real.
struct UtilityReport {
    QString target;
    UtilityTask task = UtilityTask::Classification;
    QStringList classes;  ///< class labels (classification), sorted
    qint64 trainRealRows = 0;
    qint64 trainSyntheticRows = 0;
    qint64 testRows = 0;
    int seeds = 0;
    int featureCount = 0;
    QMap<QString, ModelUtility> models; ///< "xgboost", "logistic_regression" or "linear_regression"
};

class Utility final {
    Q_DECLARE_TR_FUNCTIONS(core::utility::Utility)
public:
    /// Features: FeatureEncoder fitted on the real training rows (one-hot categoricals; for the
    /// linear models mean imputation and RobustScaler fitted on each training set; XGBoost gets
    /// missing values as missing). Rows with a missing target, or (classification) a class the
    /// real training rows lack, are dropped. Fails with InvalidInput naming the target when it
    /// is missing from a table or has a single class, or cancelledError().
    /// Light on the full-data gap of the main metric: <= 0.05 green, <= 0.15 amber, else red.
    static Result<UtilityReport> evaluate(const Table &trainingReal, const Table &synthetic, const Table &holdout,
                                          const Schema &schema, const UtilityOptions &options, JobContext &job);
};

/// "classification" / "regression".
QString utilityTaskKey(UtilityTask task);

/// The "utility" object of the evaluate JSON:
///  utility.target, utility.task ("classification" | "regression"), utility.classes [labels]
///  utility.rows.train_real, .train_synthetic, .test_real   rows used (test = hold-out real rows)
///  utility.seeds, utility.features
///  utility.models.<model>.real.<metric>        trained on real training rows, scored on the hold-out
///  utility.models.<model>.synthetic.<metric>   trained on synthetic rows, scored on the hold-out
///  utility.models.<model>.gap.<metric>         real - synthetic (for mae: synthetic - real); > 0 = utility lost
///  utility.models.<model>.gap_mean.<metric>, .gap_std.<metric>  over `seeds` fits on 80 % subsamples
///  utility.models.<model>.rating               { value = main gap, light, reading } (<= 0.05 green, <= 0.15 amber)
///  <model>: xgboost, logistic_regression | linear_regression; <metric>: accuracy, macro_f1, roc_auc | r2, mae
QJsonObject utilityToJson(const UtilityReport &report);

} // namespace core::utility
