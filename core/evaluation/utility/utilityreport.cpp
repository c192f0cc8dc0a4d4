// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/utilityreport.h"

#include "core/evaluation/utility/featureencoder.h"
#include "core/evaluation/utility/mlmetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace core::utility {

namespace {

struct Prepared {
    Eigen::MatrixXd x;   // features with NaN for missing numbers
    Eigen::VectorXd y;   // class index or target value
};

// Rows of `table` with a usable target, encoded.
Prepared prepare(const Table &table, const FeatureEncoder &encoder, const QString &target, UtilityTask task,
                 const QStringList &classKeys)
{
    const Column &column = table.column(table.indexOf(target));
    std::vector<qint64> rows;
    std::vector<double> values;
    for (qint64 r = 0; r < table.rowCount(); ++r) {
        if (task == UtilityTask::Classification) {
            const qsizetype k = classKeys.indexOf(categoryKey(column, r));
            if (k < 0)
                continue;
            rows.push_back(r);
            values.push_back(double(k));
        } else {
            if (column.isMissing(r) || column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Text)
                continue;
            const double v = column.storage() == ColumnStorage::Boolean ? double(column.codes()[size_t(r)])
                                                                        : column.numbers()[size_t(r)];
            if (!std::isfinite(v))
                continue;
            rows.push_back(r);
            values.push_back(v);
        }
    }
    Prepared out;
    out.x = encoder.transform(table.selectRows(rows), false);
    out.y = Eigen::Map<Eigen::VectorXd>(values.data(), Eigen::Index(values.size()));
    return out;
}

Prepared subsample(const Prepared &data, double fraction, std::mt19937_64 &rng)
{
    std::vector<Eigen::Index> rows(size_t(data.x.rows()));
    std::iota(rows.begin(), rows.end(), Eigen::Index(0));
    std::shuffle(rows.begin(), rows.end(), rng);
    rows.resize(std::max<size_t>(2, size_t(std::llround(fraction * double(rows.size())))));
    std::sort(rows.begin(), rows.end());
    Prepared out;
    out.x.resize(Eigen::Index(rows.size()), data.x.cols());
    out.y.resize(Eigen::Index(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) {
        out.x.row(Eigen::Index(i)) = data.x.row(rows[i]);
        out.y[Eigen::Index(i)] = data.y[rows[i]];
    }
    return out;
}

Eigen::MatrixXd imputed(Eigen::MatrixXd x, const Eigen::RowVectorXd &means)
{
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            if (std::isnan(x(i, j)))
                x(i, j) = means[j];
    return x;
}

Eigen::RowVectorXd columnMeans(const Eigen::MatrixXd &x)
{
    Eigen::RowVectorXd means(x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        double sum = 0.0;
        qint64 n = 0;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            if (!std::isnan(x(i, j))) {
                sum += x(i, j);
                ++n;
            }
        }
        means[j] = n ? sum / double(n) : 0.0;
    }
    return means;
}

QMap<QString, double> classificationScores(const Eigen::VectorXd &truth, const Eigen::MatrixXd &probabilities)
{
    const Eigen::VectorXi t = truth.cast<int>();
    const Eigen::VectorXi p = argmaxRows(probabilities);
    return { { QStringLiteral("accuracy"), accuracy(t, p) },
             { QStringLiteral("macro_f1"), macroF1(t, p) },
             { QStringLiteral("roc_auc"), rocAucScore(t, probabilities) } };
}

QMap<QString, double> regressionScores(const Eigen::VectorXd &truth, const Eigen::VectorXd &predicted)
{
    return { { QStringLiteral("r2"), r2Score(truth, predicted) },
             { QStringLiteral("mae"), meanAbsoluteError(truth, predicted) } };
}

// Fits one model family on `train` and scores it on `test`.
Result<QMap<QString, double>> fitAndScore(const QString &model, const Prepared &train, const Prepared &test,
                                          UtilityTask task, int classCount, XGBoostModel::Params params)
{
    if (model == QLatin1String("xgboost")) {
        const XGBoostModel::Objective objective = task == UtilityTask::Regression ? XGBoostModel::Objective::Regression
            : classCount > 2                                                      ? XGBoostModel::Objective::Multiclass
                                                                                  : XGBoostModel::Objective::Binary;
        auto fitted = XGBoostModel::train(train.x, train.y, objective, classCount, params);
        if (!fitted)
            return fitted.error();
        auto predicted = fitted.value().predict(test.x);
        if (!predicted)
            return predicted.error();
        if (task == UtilityTask::Regression)
            return regressionScores(test.y, predicted.value().col(0));
        return classificationScores(test.y, predicted.value());
    }
    const Eigen::RowVectorXd means = columnMeans(train.x);
    const Eigen::MatrixXd xTrain = imputed(train.x, means);
    RobustScaler scaler;
    scaler.fit(xTrain);
    const Eigen::MatrixXd xs = scaler.transform(xTrain);
    const Eigen::MatrixXd xt = scaler.transform(imputed(test.x, means));
    if (task == UtilityTask::Regression) {
        const LinearRegression fitted = LinearRegression::fit(xs, train.y);
        return regressionScores(test.y, fitted.predict(xt));
    }
    auto fitted = LogisticRegression::fit(xs, train.y.cast<int>(), classCount);
    if (!fitted)
        return fitted.error();
    return classificationScores(test.y, fitted.value().predictProbabilities(xt));
}

double gapOf(const QString &metric, double real, double synthetic)
{
    return metric == QLatin1String("mae") ? synthetic - real : real - synthetic;
}

} // namespace

QString utilityTaskKey(UtilityTask task)
{
    return task == UtilityTask::Classification ? QStringLiteral("classification") : QStringLiteral("regression");
}

Result<UtilityReport> Utility::evaluate(const Table &trainingReal, const Table &synthetic, const Table &holdout,
                                        const Schema &schema, const UtilityOptions &options, JobContext &job)
{
    const ColumnMeta *meta = schema.find(options.target);
    if (!meta || trainingReal.indexOf(options.target) < 0 || synthetic.indexOf(options.target) < 0
        || holdout.indexOf(options.target) < 0)
        return Error { Error::Code::InvalidInput,
                       tr("Target column \"%1\" is not in the real, synthetic and hold-out tables.").arg(options.target),
                       {} };
    UtilityReport report;
    report.target = options.target;
    report.task = meta->type == SemanticType::Numerical || meta->type == SemanticType::DateTime
        ? UtilityTask::Regression
        : UtilityTask::Classification;
    report.seeds = std::max(1, options.seeds);

    QStringList classKeys;
    if (report.task == UtilityTask::Classification) {
        const Column &column = trainingReal.column(trainingReal.indexOf(options.target));
        for (qint64 r = 0; r < column.size(); ++r) {
            const QString key = categoryKey(column, r);
            if (!key.isEmpty() && !classKeys.contains(key))
                classKeys.append(key);
        }
        // Sorted like scikit-learn's LabelEncoder: by value for numbers, else by text.
        std::sort(classKeys.begin(), classKeys.end(), [](const QString &a, const QString &b) {
            bool okA = false;
            bool okB = false;
            const double va = a.mid(2).toDouble(&okA);
            const double vb = b.mid(2).toDouble(&okB);
            return okA && okB ? va < vb : a < b;
        });
        if (classKeys.size() < 2)
            return Error { Error::Code::InvalidInput,
                           tr("Target column \"%1\" has fewer than two classes in the real training rows.")
                               .arg(options.target),
                           {} };
        for (const QString &key : classKeys)
            report.classes.append(key.mid(2));
    }
    auto encoder = FeatureEncoder::fit(trainingReal, schema, { options.target });
    if (!encoder)
        return encoder.error();
    const Prepared real = prepare(trainingReal, encoder.value(), options.target, report.task, classKeys);
    const Prepared syn = prepare(synthetic, encoder.value(), options.target, report.task, classKeys);
    const Prepared test = prepare(holdout, encoder.value(), options.target, report.task, classKeys);
    report.trainRealRows = real.x.rows();
    report.trainSyntheticRows = syn.x.rows();
    report.testRows = test.x.rows();
    report.featureCount = encoder.value().featureCount();
    if (real.x.rows() < 2 || syn.x.rows() < 2 || test.x.rows() < 1)
        return Error { Error::Code::InvalidInput,
                       tr("Too few rows with a value in target column \"%1\" to train and test.").arg(options.target),
                       {} };
    const int classCount = int(classKeys.size());

    QStringList models { QStringLiteral("xgboost") };
    if (options.linearModel)
        models.append(report.task == UtilityTask::Classification ? QStringLiteral("logistic_regression")
                                                                 : QStringLiteral("linear_regression"));
    const double steps = double(models.size() * (1 + report.seeds) * 2);
    double step = 0.0;
    for (const QString &model : models) {
        ModelUtility utility;
        XGBoostModel::Params params = options.xgboost;
        for (int run = -1; run < report.seeds; ++run) {
            // run -1: all rows (the headline figures); run >= 0: seeded subsamples for the spread.
            if (job.isCancelled())
                return cancelledError();
            job.reportProgress(step / steps, tr("Utility: %1").arg(model));
            std::mt19937_64 rng(quint64(run + 1));
            params.seed = run < 0 ? options.xgboost.seed : quint64(run);
            const Prepared realTrain = run < 0 ? real : subsample(real, options.subsample, rng);
            const Prepared synTrain = run < 0 ? syn : subsample(syn, options.subsample, rng);
            auto realScores = fitAndScore(model, realTrain, test, report.task, classCount, params);
            if (!realScores)
                return realScores.error();
            step += 1.0;
            auto synScores = fitAndScore(model, synTrain, test, report.task, classCount, params);
            if (!synScores)
                return synScores.error();
            step += 1.0;
            if (run < 0) {
                utility.real = realScores.value();
                utility.synthetic = synScores.value();
                for (auto it = utility.real.cbegin(); it != utility.real.cend(); ++it)
                    utility.gap.insert(it.key(), gapOf(it.key(), it.value(), utility.synthetic.value(it.key())));
                continue;
            }
            for (auto it = realScores.value().cbegin(); it != realScores.value().cend(); ++it) {
                const double gap = gapOf(it.key(), it.value(), synScores.value().value(it.key()));
                utility.gapMean[it.key()] += gap / double(report.seeds);
                utility.gapStd[it.key()] += gap * gap; // sum of squares; turned into a std below
            }
        }
        for (auto it = utility.gapStd.begin(); it != utility.gapStd.end(); ++it) {
            const double mean = utility.gapMean.value(it.key());
            const double n = double(report.seeds);
            it.value() = n > 1 ? std::sqrt(std::max(0.0, (it.value() - n * mean * mean) / (n - 1.0))) : qQNaN();
        }
        const QString main = report.task == UtilityTask::Classification ? QStringLiteral("roc_auc") : QStringLiteral("r2");
        const double gap = utility.gap.value(main, qQNaN());
        const QString name = model == QLatin1String("xgboost") ? tr("XGBoost")
            : report.task == UtilityTask::Classification       ? tr("logistic regression")
                                                               : tr("linear regression");
        utility.rating = { gap, lightLowerIsBetter(gap, 0.05, 0.15),
                           tr("Trained on synthetic rows, %1 predicts %2 on unseen real rows with %3 %4 against "
                              "%5 when trained on real rows (spread %6).")
                               .arg(name, options.target, main == QLatin1String("r2") ? QStringLiteral("R²")
                                                                                      : QStringLiteral("ROC AUC"))
                               .arg(utility.synthetic.value(main), 0, 'f', 3)
                               .arg(utility.real.value(main), 0, 'f', 3)
                               .arg(QStringLiteral("±") + QString::number(utility.gapStd.value(main), 'f', 3)) };
        report.models.insert(model, utility);
    }
    job.reportProgress(1.0, tr("Utility done"));
    return report;
}

QJsonObject utilityToJson(const UtilityReport &report)
{
    const auto scores = [](const QMap<QString, double> &map) {
        QJsonObject object;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), jsonNumber(it.value()));
        return object;
    };
    QJsonObject models;
    for (auto it = report.models.cbegin(); it != report.models.cend(); ++it) {
        models.insert(it.key(), QJsonObject { { QStringLiteral("real"), scores(it->real) },
                                              { QStringLiteral("synthetic"), scores(it->synthetic) },
                                              { QStringLiteral("gap"), scores(it->gap) },
                                              { QStringLiteral("gap_mean"), scores(it->gapMean) },
                                              { QStringLiteral("gap_std"), scores(it->gapStd) },
                                              { QStringLiteral("rating"), ratedScoreToJson(it->rating) } });
    }
    return QJsonObject {
        { QStringLiteral("target"), report.target },
        { QStringLiteral("task"), utilityTaskKey(report.task) },
        { QStringLiteral("classes"), QJsonArray::fromStringList(report.classes) },
        { QStringLiteral("rows"), QJsonObject { { QStringLiteral("train_real"), double(report.trainRealRows) },
                                                { QStringLiteral("train_synthetic"), double(report.trainSyntheticRows) },
                                                { QStringLiteral("test_real"), double(report.testRows) } } },
        { QStringLiteral("seeds"), report.seeds },
        { QStringLiteral("features"), report.featureCount },
        { QStringLiteral("models"), models },
    };
}

} // namespace core::utility
