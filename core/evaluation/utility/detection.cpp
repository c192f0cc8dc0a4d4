// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/detection.h"

#include "core/evaluation/utility/featureencoder.h"
#include "core/evaluation/utility/mlmetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace core::utility {

Eigen::VectorXi stratifiedFolds(const Eigen::VectorXi &labels, int folds, quint64 seed)
{
    Eigen::VectorXi fold(labels.size());
    std::mt19937_64 rng(seed);
    const int classes = labels.size() ? labels.maxCoeff() + 1 : 0;
    for (int k = 0; k < classes; ++k) {
        std::vector<Eigen::Index> rows;
        for (Eigen::Index i = 0; i < labels.size(); ++i) {
            if (labels[i] == k)
                rows.push_back(i);
        }
        std::shuffle(rows.begin(), rows.end(), rng);
        for (size_t i = 0; i < rows.size(); ++i)
            fold[rows[i]] = int(i % size_t(folds));
    }
    return fold;
}

namespace {

Eigen::MatrixXd selectRows(const Eigen::MatrixXd &x, const std::vector<Eigen::Index> &rows)
{
    Eigen::MatrixXd out(Eigen::Index(rows.size()), x.cols());
    for (size_t i = 0; i < rows.size(); ++i)
        out.row(Eigen::Index(i)) = x.row(rows[i]);
    return out;
}

Eigen::VectorXi selectRows(const Eigen::VectorXi &v, const std::vector<Eigen::Index> &rows)
{
    Eigen::VectorXi out(Eigen::Index(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i)
        out[Eigen::Index(i)] = v[rows[i]];
    return out;
}

double detectionScore(const QList<double> &aucs)
{
    if (aucs.isEmpty())
        return qQNaN();
    double sum = 0.0;
    for (double auc : aucs)
        sum += std::max(0.5, auc) * 2.0 - 1.0;
    return 1.0 - sum / double(aucs.size());
}

RatedScore rateDetection(double score, const QList<double> &aucs, const QString &model)
{
    double meanAuc = 0.0;
    for (double auc : aucs)
        meanAuc += auc / double(aucs.size());
    return { score, lightHigherIsBetter(score, 0.8, 0.5),
             std::isnan(score) ? Detection::tr("Not computed.")
                               : Detection::tr("A %1 tells real from synthetic rows with a ROC AUC of %2 "
                                               "(0.5 = cannot tell them apart, 1 = always can).")
                                     .arg(model)
                                     .arg(meanAuc, 0, 'f', 3) };
}

} // namespace

Result<DetectionReport> Detection::evaluate(const Table &real, const Table &synthetic, const Schema &schema,
                                            const DetectionOptions &options, JobContext &job)
{
    if (real.rowCount() < options.folds || synthetic.rowCount() < options.folds)
        return Error { Error::Code::InvalidInput,
                       tr("Detection needs at least %1 real and %1 synthetic rows.").arg(options.folds), {} };
    auto encoder = FeatureEncoder::fit(real, schema);
    if (!encoder)
        return encoder.error();
    const Eigen::MatrixXd xr = encoder.value().transform(real);
    const Eigen::MatrixXd xs = encoder.value().transform(synthetic);
    Eigen::MatrixXd x(xr.rows() + xs.rows(), xr.cols());
    x << xr, xs;
    Eigen::VectorXi y(x.rows());
    y.head(xr.rows()).setOnes();
    y.tail(xs.rows()).setZero();
    const Eigen::VectorXi fold = stratifiedFolds(y, options.folds, options.seed);

    DetectionReport report;
    report.realRows = real.rowCount();
    report.syntheticRows = synthetic.rowCount();
    report.featureCount = int(x.cols());
    for (int f = 0; f < options.folds; ++f) {
        if (job.isCancelled())
            return cancelledError();
        job.reportProgress(double(f) / options.folds, tr("Detection, fold %1 of %2").arg(f + 1).arg(options.folds));
        std::vector<Eigen::Index> trainRows;
        std::vector<Eigen::Index> testRows;
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            (fold[i] == f ? testRows : trainRows).push_back(i);
        const Eigen::MatrixXd xTrain = selectRows(x, trainRows);
        const Eigen::MatrixXd xTest = selectRows(x, testRows);
        const Eigen::VectorXi yTrain = selectRows(y, trainRows);
        const Eigen::VectorXi yTest = selectRows(y, testRows);

        RobustScaler scaler;
        scaler.fit(xTrain);
        auto logistic = LogisticRegression::fit(scaler.transform(xTrain), yTrain, 2);
        if (!logistic)
            return logistic.error();
        report.logisticFoldAuc.append(
            rocAucScore(yTest, logistic.value().predictProbabilities(scaler.transform(xTest))));

        if (options.gradientBoosting) {
            auto boosted = XGBoostModel::train(xTrain, yTrain.cast<double>(), XGBoostModel::Objective::Binary, 2,
                                               options.xgboost);
            if (!boosted)
                return boosted.error();
            auto probabilities = boosted.value().predict(xTest);
            if (!probabilities)
                return probabilities.error();
            report.xgboostFoldAuc.append(rocAucScore(yTest, probabilities.value()));
        }
    }
    report.logisticScore = detectionScore(report.logisticFoldAuc);
    report.xgboostScore = detectionScore(report.xgboostFoldAuc);
    report.logisticRating = rateDetection(report.logisticScore, report.logisticFoldAuc, tr("logistic regression"));
    report.xgboostRating = options.gradientBoosting
        ? rateDetection(report.xgboostScore, report.xgboostFoldAuc, tr("gradient-boosted tree model"))
        : RatedScore { qQNaN(), TrafficLight::NotAvailable, tr("Not computed: gradient boosting was switched off.") };
    job.reportProgress(1.0, tr("Detection done"));
    return report;
}

QJsonObject detectionToJson(const DetectionReport &report, int folds)
{
    const auto model = [](double score, const QList<double> &aucs, const RatedScore &rating) {
        QJsonArray foldAuc;
        for (double auc : aucs)
            foldAuc.append(jsonNumber(auc));
        return QJsonObject { { QStringLiteral("score"), jsonNumber(score) },
                             { QStringLiteral("fold_auc"), foldAuc },
                             { QStringLiteral("rating"), ratedScoreToJson(rating) } };
    };
    return QJsonObject {
        { QStringLiteral("logistic"), model(report.logisticScore, report.logisticFoldAuc, report.logisticRating) },
        { QStringLiteral("xgboost"), model(report.xgboostScore, report.xgboostFoldAuc, report.xgboostRating) },
        { QStringLiteral("rows"), QJsonObject { { QStringLiteral("real"), double(report.realRows) },
                                                { QStringLiteral("synthetic"), double(report.syntheticRows) } } },
        { QStringLiteral("features"), report.featureCount },
        { QStringLiteral("folds"), folds },
    };
}

} // namespace core::utility
