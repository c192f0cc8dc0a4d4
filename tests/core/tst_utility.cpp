// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/mlmetrics.h"
#include "core/evaluation/utility/utilityreport.h"

#include "testpaths.h"
#include "tst_privacy_tables.h"

#include <QFile>
#include <QTest>

using namespace privacytest;

namespace {

// heart_failure is all numeric with a header: a tiny reader is enough here.
bool readNumericCsv(const QString &path, QStringList &header, std::vector<std::vector<double>> &columns)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    header = QString::fromUtf8(file.readLine()).trimmed().split(u',');
    columns.assign(size_t(header.size()), {});
    while (!file.atEnd()) {
        const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(u',');
        if (cells.size() != header.size())
            continue;
        for (qsizetype c = 0; c < cells.size(); ++c)
            columns[size_t(c)].push_back(cells[c].toDouble());
    }
    return true;
}

} // namespace

class TestUtility : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classificationMetricsMatchSklearn()
    {
        Eigen::VectorXi truth(6);
        truth << 0, 1, 2, 2, 1, 0;
        Eigen::VectorXi predicted(6);
        predicted << 0, 2, 2, 2, 1, 1;
        // sklearn: accuracy_score 0.6666666666666666, f1_score(average="macro") 0.6555555555555556.
        QVERIFY(std::abs(core::utility::accuracy(truth, predicted) - 2.0 / 3.0) < 1e-15);
        QVERIFY(std::abs(core::utility::macroF1(truth, predicted) - 0.6555555555555556) < 1e-12);
        Eigen::MatrixXd probabilities(6, 3);
        probabilities << .7, .2, .1, .6, .3, .1, .1, .3, .6, .3, .3, .4, .4, .4, .2, .5, .3, .2;
        // roc_auc_score(multi_class="ovr", average="macro") = 0.8958333333333334.
        QVERIFY(std::abs(core::utility::rocAucScore(truth, probabilities) - 0.8958333333333334) < 1e-12);
        QCOMPARE(core::utility::argmaxRows(probabilities)[4], 0); // tie 0.4 / 0.4: first wins
    }

    void regressionMetricsMatchSklearn()
    {
        Eigen::VectorXd truth(4);
        truth << 3, -0.5, 2, 7;
        Eigen::VectorXd predicted(4);
        predicted << 2.5, 0.0, 2, 8;
        // sklearn: r2_score 0.9486081370449679, mean_absolute_error 0.5.
        QVERIFY(std::abs(core::utility::r2Score(truth, predicted) - 0.9486081370449679) < 1e-12);
        QCOMPARE(core::utility::meanAbsoluteError(truth, predicted), 0.5);
    }

    void heartFailureMatchesReference()
    {
        QStringList header;
        std::vector<std::vector<double>> columns;
        QVERIFY(readNumericCsv(testsupport::realData(QStringLiteral(
                                   "heart_failure/heart_failure_clinical_records_dataset.csv")),
                               header, columns));
        const QString target = QStringLiteral("DEATH_EVENT");
        const QStringList categorical { QStringLiteral("anaemia"), QStringLiteral("diabetes"),
                                        QStringLiteral("high_blood_pressure"), QStringLiteral("sex"),
                                        QStringLiteral("smoking"), target };
        const size_t rows = columns.front().size();
        QCOMPARE(rows, size_t(299));
        // Split and "synthetic" rows exactly as tests/reference/utility_reference.py makes them.
        core::Table training;
        core::Table holdout;
        core::Table synthetic;
        core::Schema schema;
        int featureIndex = 0;
        for (qsizetype c = 0; c < header.size(); ++c) {
            std::vector<double> train;
            std::vector<double> hold;
            for (size_t r = 0; r < rows; ++r)
                (r % 5 == 0 ? hold : train).push_back(columns[size_t(c)][r]);
            std::vector<double> rolled(train.size());
            const size_t shift = header[c] == target ? 0 : size_t(++featureIndex);
            for (size_t r = 0; r < train.size(); ++r)
                rolled[(r + shift) % train.size()] = train[r];
            training.addColumn(numbers(header[c], train));
            holdout.addColumn(numbers(header[c], hold));
            synthetic.addColumn(numbers(header[c], rolled));
            schema.columns.append(meta(header[c], categorical.contains(header[c]) ? core::SemanticType::Categorical
                                                                                  : core::SemanticType::Numerical));
        }
        core::utility::UtilityOptions options;
        options.target = target;
        options.seeds = 2;
        core::SilentJob job;
        auto report = core::utility::Utility::evaluate(training, synthetic, holdout, schema, options, job);
        QVERIFY2(report.ok(), errorText(report).constData());
        QCOMPARE(report.value().task, core::utility::UtilityTask::Classification);
        QCOMPARE(report.value().testRows, 60);
        QCOMPARE(report.value().trainRealRows, 239);

        // tests/reference/utility_reference.py (scikit-learn 1.2.1, xgboost 1.7.4, Debian 12):
        //   xgboost real:       accuracy 0.8333333333 macro_f1 0.8168498168 roc_auc 0.9189189189
        //   logistic real:      accuracy 0.8333333333 macro_f1 0.8125000000 roc_auc 0.9083431257
        //   xgboost synthetic:  accuracy 0.7333333333 macro_f1 0.7000000000 roc_auc 0.7074030552
        //   logistic synthetic: accuracy 0.7166666667 macro_f1 0.6303008336 roc_auc 0.7884841363
        // 60 test rows: one row flipped moves accuracy by 0.017, so "within noise" is 0.035
        // for accuracy / F1 and 0.03 for AUC (float32 features and split ties may differ).
        const auto check = [](const QMap<QString, double> &scores, double acc, double f1, double auc) {
            QVERIFY2(std::abs(scores.value(QStringLiteral("accuracy")) - acc) <= 0.035,
                     qPrintable(QString::number(scores.value(QStringLiteral("accuracy")))));
            QVERIFY2(std::abs(scores.value(QStringLiteral("macro_f1")) - f1) <= 0.035,
                     qPrintable(QString::number(scores.value(QStringLiteral("macro_f1")))));
            QVERIFY2(std::abs(scores.value(QStringLiteral("roc_auc")) - auc) <= 0.03,
                     qPrintable(QString::number(scores.value(QStringLiteral("roc_auc")))));
        };
        const core::utility::ModelUtility &xgb = report.value().models.value(QStringLiteral("xgboost"));
        const core::utility::ModelUtility &lr = report.value().models.value(QStringLiteral("logistic_regression"));
        for (const auto &[name, scores] : { std::pair { "xgboost real", xgb.real }, std::pair { "xgboost synthetic", xgb.synthetic },
                                            std::pair { "logistic real", lr.real },
                                            std::pair { "logistic synthetic", lr.synthetic } })
            qInfo("%s: accuracy %.10f macro_f1 %.10f roc_auc %.10f", name, scores.value(QStringLiteral("accuracy")),
                  scores.value(QStringLiteral("macro_f1")), scores.value(QStringLiteral("roc_auc")));
        check(xgb.real, 0.8333333333, 0.8168498168, 0.9189189189);
        check(xgb.synthetic, 0.7333333333, 0.7000000000, 0.7074030552);
        check(lr.real, 0.8333333333, 0.8125000000, 0.9083431257);
        check(lr.synthetic, 0.7166666667, 0.6303008336, 0.7884841363);
        // The logistic model is a convex optimum: it must agree much more tightly.
        QVERIFY(std::abs(lr.real.value(QStringLiteral("roc_auc")) - 0.9083431257) < 1e-3);
        QVERIFY(std::abs(lr.synthetic.value(QStringLiteral("roc_auc")) - 0.7884841363) < 1e-3);

        QVERIFY(std::abs(xgb.gap.value(QStringLiteral("roc_auc")) - (xgb.real.value(QStringLiteral("roc_auc"))
                                                                     - xgb.synthetic.value(QStringLiteral("roc_auc"))))
                < 1e-12);
        QVERIFY(std::isfinite(xgb.gapStd.value(QStringLiteral("roc_auc"))));
        QCOMPARE(xgb.rating.light, core::TrafficLight::Red); // a 0.21 AUC gap
        const QJsonObject json = core::utility::utilityToJson(report.value());
        QCOMPARE(json.value(QStringLiteral("task")).toString(), QStringLiteral("classification"));
        const QJsonObject models = json.value(QStringLiteral("models")).toObject();
        QVERIFY(models.value(QStringLiteral("xgboost")).toObject().value(QStringLiteral("gap_std")).toObject()
                    .contains(QStringLiteral("roc_auc")));
    }

    void regressionTarget()
    {
        // y = 2 x + 1 exactly: linear regression recovers it, trained on either table.
        std::vector<double> x;
        std::vector<double> y;
        for (int i = 0; i < 50; ++i) {
            x.push_back(i);
            y.push_back(2.0 * i + 1.0);
        }
        core::Table table;
        table.addColumn(numbers(QStringLiteral("x"), x));
        table.addColumn(numbers(QStringLiteral("y"), y));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("x"), core::SemanticType::Numerical),
                           meta(QStringLiteral("y"), core::SemanticType::Numerical) };
        core::utility::UtilityOptions options;
        options.target = QStringLiteral("y");
        options.seeds = 2;
        options.xgboost.trees = 20;
        core::SilentJob job;
        auto report = core::utility::Utility::evaluate(table, table, table, schema, options, job);
        QVERIFY2(report.ok(), errorText(report).constData());
        const auto &linear = report.value().models.value(QStringLiteral("linear_regression"));
        QVERIFY(std::abs(linear.real.value(QStringLiteral("r2")) - 1.0) < 1e-9);
        QVERIFY(linear.real.value(QStringLiteral("mae")) < 1e-9);
        QCOMPARE(linear.rating.light, core::TrafficLight::Green);

        options.target = QStringLiteral("nope");
        auto missing = core::utility::Utility::evaluate(table, table, table, schema, options, job);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("nope")));
    }
};

QTEST_GUILESS_MAIN(TestUtility)
#include "tst_utility.moc"
