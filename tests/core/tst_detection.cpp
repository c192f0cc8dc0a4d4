// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/detection.h"
#include "core/evaluation/utility/featureencoder.h"
#include "core/evaluation/utility/models.h"

#include "tst_privacy_tables.h"

#include <QTest>

#include <random>

using namespace privacytest;

namespace {

core::Table gaussianTable(int rows, double shift, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<double> a;
    std::vector<double> b;
    QStringList c;
    for (int i = 0; i < rows; ++i) {
        a.push_back(normal(rng) + shift);
        b.push_back(normal(rng));
        c.append(normal(rng) + shift > 0 ? QStringLiteral("hi") : QStringLiteral("lo"));
    }
    core::Table t;
    t.addColumn(numbers(QStringLiteral("a"), a));
    t.addColumn(numbers(QStringLiteral("b"), b));
    t.addColumn(categories(QStringLiteral("c"), c));
    return t;
}

core::Schema gaussianSchema()
{
    core::Schema s;
    s.columns = { meta(QStringLiteral("a"), core::SemanticType::Numerical),
                  meta(QStringLiteral("b"), core::SemanticType::Numerical),
                  meta(QStringLiteral("c"), core::SemanticType::Categorical) };
    return s;
}

} // namespace

class TestDetection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void logisticRegressionMatchesSklearn()
    {
        // x = [[0,1],[1,0],[2,2],[3,1],[4,3],[5,2]], y = [0,0,0,1,1,1];
        // sklearn.linear_model.LogisticRegression(C=1, tol=1e-10, max_iter=10000).fit(x, y):
        // coef_ [[1.09440389, 0.10502718]], intercept_ [-2.89353117] (computed once with sklearn 1.2).
        Eigen::MatrixXd x(6, 2);
        x << 0, 1, 1, 0, 2, 2, 3, 1, 4, 3, 5, 2;
        Eigen::VectorXi y(6);
        y << 0, 0, 0, 1, 1, 1;
        auto model = core::utility::LogisticRegression::fit(x, y, 2);
        QVERIFY2(model.ok(), errorText(model).constData());
        // Compare logits (sklearn's lbfgs stops within ~1e-5 of the optimum Newton reaches).
        Eigen::MatrixXd probe(3, 2);
        probe << 0, 0, 1, 0, 0, 1;
        const Eigen::MatrixXd p = model.value().predictProbabilities(probe);
        const auto logit = [&p](int row) { return std::log(p(row, 1) / (1.0 - p(row, 1))); };
        QVERIFY2(std::abs(logit(0) - -2.89353117) < 5e-5, qPrintable(QString::number(logit(0), 'g', 10)));
        QVERIFY(std::abs(logit(1) - logit(0) - 1.09440389) < 5e-5);
        QVERIFY(std::abs(logit(2) - logit(0) - 0.10502718) < 5e-5);
    }

    void robustScalerUsesMedianAndIqr()
    {
        Eigen::MatrixXd x(5, 2);
        x << 1, 0, 2, 0, 3, 0, 4, 0, 100, 1;
        core::utility::RobustScaler scaler;
        scaler.fit(x);
        const Eigen::MatrixXd t = scaler.transform(x);
        // Column 0: median 3, IQR 4 - 2 = 2. Column 1: median 0, IQR 0 -> scale 1.
        QCOMPARE(t(0, 0), -1.0);
        QCOMPARE(t(4, 0), 48.5);
        QCOMPARE(t(4, 1), 1.0);
    }

    void encoderOneHotsAndImputes()
    {
        core::Table fitTable;
        fitTable.addColumn(numbers(QStringLiteral("n"), { 1, kNaN, 5 }));
        fitTable.addColumn(categories(QStringLiteral("c"), { QStringLiteral("x"), {}, QStringLiteral("y") }));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("n"), core::SemanticType::Numerical),
                           meta(QStringLiteral("c"), core::SemanticType::Categorical) };
        auto encoder = core::utility::FeatureEncoder::fit(fitTable, schema);
        QVERIFY(encoder.ok());
        QCOMPARE(encoder.value().featureNames(),
                 QStringList({ QStringLiteral("n"), QStringLiteral("c=x"), QStringLiteral("c=y"),
                               QStringLiteral("c=<missing>") }));
        core::Table other;
        other.addColumn(numbers(QStringLiteral("n"), { kNaN }));
        other.addColumn(categories(QStringLiteral("c"), { QStringLiteral("z") }));
        const Eigen::MatrixXd x = encoder.value().transform(other);
        QCOMPARE(x(0, 0), 3.0); // the fitted mean
        QCOMPARE(x.row(0).tail(3).sum(), 0.0); // unseen category: all zeros
    }

    void stratifiedFoldsBalanceClasses()
    {
        Eigen::VectorXi labels(10);
        labels << 1, 1, 1, 1, 1, 1, 0, 0, 0, 0;
        const Eigen::VectorXi folds = core::utility::stratifiedFolds(labels, 3, 5);
        for (int f = 0; f < 3; ++f) {
            int ones = 0;
            int zeros = 0;
            for (int i = 0; i < 10; ++i) {
                if (folds[i] == f)
                    (labels[i] ? ones : zeros)++;
            }
            QCOMPARE(ones, 2);
            QVERIFY(zeros >= 1 && zeros <= 2);
        }
    }

    void sameDistributionIsHardToDetect()
    {
        core::SilentJob job;
        auto report = core::utility::Detection::evaluate(gaussianTable(600, 0.0, 1), gaussianTable(600, 0.0, 2),
                                                         gaussianSchema(), {}, job);
        QVERIFY2(report.ok(), errorText(report).constData());
        QCOMPARE(report.value().logisticFoldAuc.size(), 3);
        QCOMPARE(report.value().xgboostFoldAuc.size(), 3);
        // Two samples of one distribution: logistic AUC near 0.5 -> score near 1.
        QVERIFY2(report.value().logisticScore > 0.85, qPrintable(QString::number(report.value().logisticScore)));
        QCOMPARE(report.value().logisticRating.light, core::TrafficLight::Green);
        // Trees overfit noise a little, but stay far from perfect separation.
        QVERIFY2(report.value().xgboostScore > 0.6, qPrintable(QString::number(report.value().xgboostScore)));
    }

    void shiftedDistributionIsDetected()
    {
        core::SilentJob job;
        auto report = core::utility::Detection::evaluate(gaussianTable(600, 0.0, 1), gaussianTable(600, 4.0, 2),
                                                         gaussianSchema(), {}, job);
        QVERIFY(report.ok());
        // Means 4 standard deviations apart: AUC ~ 1 -> score ~ 0.
        QVERIFY2(report.value().logisticScore < 0.05, qPrintable(QString::number(report.value().logisticScore)));
        QVERIFY(report.value().xgboostScore < 0.05);
        QCOMPARE(report.value().logisticRating.light, core::TrafficLight::Red);
        const QJsonObject json = core::utility::detectionToJson(report.value());
        QVERIFY(json.value(QStringLiteral("logistic")).toObject().contains(QStringLiteral("fold_auc")));
        QCOMPARE(json.value(QStringLiteral("xgboost")).toObject().value(QStringLiteral("rating")).toObject()
                     .value(QStringLiteral("light")).toString(),
                 QStringLiteral("red"));
    }
};

QTEST_GUILESS_MAIN(TestDetection)
#include "tst_detection.moc"
