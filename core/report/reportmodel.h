// SPDX-License-Identifier: MIT
#pragma once

#include "core/evaluation/privacy/rating.h"
#include "core/report/columncomparison.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <limits>
#include <utility>
#include <vector>

namespace core {

/// One rated score as the report lists it: a name, its value as text, a traffic light and a
/// one-line reading for people who are not statisticians.
struct ReportScore {
    QString name;
    double value = std::numeric_limits<double>::quiet_NaN();
    QString valueText; ///< "90.6 %", "0.512" or "n/a"
    TrafficLight light = TrafficLight::NotAvailable;
    QString reading;
};

/// One column of the real table as the title page summarises it (no value of it).
struct ReportSourceColumn {
    QString name;
    QString type; ///< semantic type key: "numerical", "categorical", ...
    bool modelled = true;
    double missingShare = std::numeric_limits<double>::quiet_NaN();
};

/// Where the real data came from and how much of it was used. Counts and names only.
struct ReportSource {
    QString description; ///< e.g. "heart.csv (299 rows, 13 columns)"; never a row
    qint64 realRows = 0; ///< rows of the real input (training + hold-out)
    qint64 trainingRows = 0;
    qint64 holdoutRows = 0;
    qint64 syntheticRows = 0;
    QList<ReportSourceColumn> columns;
};

/// The generator and everything needed to reproduce the synthetic table.
struct ReportGenerator {
    bool known = false; ///< false when only the tables were given (evaluate without a model)
    QString id; ///< "gaussian_copula", ...
    QString name; ///< display name
    QList<std::pair<QString, QString>> settings; ///< name, value as text, in the generator's order
    bool seedKnown = false;
    quint64 seed = 0;
    double holdoutShare = std::numeric_limits<double>::quiet_NaN(); ///< share of real rows kept aside
    QString trainedWith; ///< software version that trained the model, when known
    QDateTime trainedAt;
    /// Differential privacy (PrivBayes): the budget spent; NaN when the generator does not say.
    double epsilonSpent = std::numeric_limits<double>::quiet_NaN();
    bool differentiallyPrivate = false;
    QString target;
    QStringList sensitiveColumns;
    QStringList quasiIdentifiers;
    QString reproduceCommand; ///< e.g. "healthsynth-cli run study.hsproj"; empty when not known
};

/// A data-quality finding on the real table (the Profile step's alerts).
struct ReportAlert {
    QString severity; ///< "error", "warning", "info"
    QString kind;
    QString message; ///< one sentence; may quote a single value, never a row
};

/// The data-quality profile of the real table, summarised.
struct ReportDataQuality {
    bool profiled = false;
    QString reason; ///< why there is no profile, when profiled is false
    qint64 rows = 0;
    int columns = 0;
    double missingCellShare = std::numeric_limits<double>::quiet_NaN();
    qint64 duplicateRows = 0;
    int errors = 0, warnings = 0, infos = 0;
    QList<ReportAlert> alerts; ///< errors first, then warnings, then notes
};

/// One modelled column: its fidelity score and the real / synthetic distributions to draw.
struct ReportColumn {
    QString name;
    QString type; ///< semantic type key
    QString metric; ///< KSComplement, TVComplement, ...
    double score = std::numeric_limits<double>::quiet_NaN();
    TrafficLight light = TrafficLight::NotAvailable;
    double realMissing = std::numeric_limits<double>::quiet_NaN();
    double syntheticMissing = std::numeric_limits<double>::quiet_NaN();
    QString note; ///< why the score is missing, or a remark such as a missing-rate gap
    ColumnComparison chart;
};

/// Pearson correlations of the continuous columns, real, synthetic and their difference.
struct ReportCorrelations {
    QStringList columns;
    std::vector<double> real; ///< row-major, columns.size()^2, NaN where undefined
    std::vector<double> synthetic;
    std::vector<double> difference; ///< synthetic - real
};

/// One line of the utility table: a model's metric trained on real and on synthetic rows,
/// both scored on the real hold-out rows.
struct ReportUtilityRow {
    QString model; ///< "XGBoost", "logistic regression", ...
    QString metric; ///< "accuracy", "macro F1", "ROC AUC", "R²", "MAE"
    double real = std::numeric_limits<double>::quiet_NaN();
    double synthetic = std::numeric_limits<double>::quiet_NaN();
    double gap = std::numeric_limits<double>::quiet_NaN(); ///< > 0: utility lost
    double gapStd = std::numeric_limits<double>::quiet_NaN(); ///< spread over the seeds
};

struct ReportUtility {
    bool computed = false;
    QString reason; ///< why not, when not computed
    QString target;
    QString task; ///< "classification" or "regression"
    qint64 trainRealRows = 0, trainSyntheticRows = 0, testRows = 0;
    int seeds = 0;
    QList<ReportUtilityRow> rows;
    QList<ReportScore> ratings; ///< one per model
};

struct ReportPrivacy {
    bool computed = false;
    QString reason;
    QList<ReportScore> findings; ///< every rated privacy figure, with its reading
    QStringList notes; ///< subsets searched, differential privacy, how distances are measured
};

/// Everything the evaluation report shows, as plain data: built by ReportBuilder from the
/// tables, the evaluation JSON, the profile and the generator, painted by the PDF writer.
/// Holds counts, shares, scores and sentences, never a real row.
struct ReportModel {
    QString title;
    QString projectName;
    QDateTime createdAt;
    QString appVersion;
    ReportSource source;
    ReportGenerator generator;
    QString scoresError; ///< set when the evaluation failed as a whole
    QList<ReportScore> headline; ///< one per family: fidelity, diagnostic, detection, utility, privacy
    QList<ReportScore> fidelity; ///< the details behind the fidelity and diagnostic headlines
    ReportDataQuality dataQuality;
    QList<ReportColumn> columns; ///< modelled columns present in both tables, in table order
    ReportCorrelations correlations;
    ReportUtility utility;
    ReportPrivacy privacy;
    QStringList thresholds; ///< how each traffic light is set, one line per family
};

} // namespace core
