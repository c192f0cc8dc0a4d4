// SPDX-License-Identifier: MIT
// Utility on Adult (32,561 rows): slow, labelled "slow".
#include "core/evaluation/utility/utilityreport.h"

#include "testpaths.h"
#include "tst_privacy_tables.h"

#include <QFile>
#include <QTest>

using namespace privacytest;

class TestUtilityAdult : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adultIncomeMatchesReference()
    {
        QFile file(testsupport::realData(QStringLiteral("adult_ctgan/adult.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(u',');
        const QStringList numeric { QStringLiteral("age"), QStringLiteral("fnlwgt"), QStringLiteral("education-num"),
                                    QStringLiteral("capital-gain"), QStringLiteral("capital-loss"),
                                    QStringLiteral("hours-per-week") };
        std::vector<QStringList> cells(size_t(header.size()));
        while (!file.atEnd()) {
            const QStringList fields = QString::fromUtf8(file.readLine()).trimmed().split(u',');
            if (fields.size() != header.size())
                continue;
            for (qsizetype c = 0; c < fields.size(); ++c)
                cells[size_t(c)].append(fields[c].trimmed()); // leading blanks stripped, "?" kept as a category
        }
        const qsizetype rows = cells.front().size();
        QCOMPARE(rows, 32561);
        // Split and "synthetic" rows as tests/reference/utility_reference.py makes them.
        const QString target = QStringLiteral("income");
        core::Table training;
        core::Table holdout;
        core::Table synthetic;
        core::Schema schema;
        int featureIndex = 0;
        for (qsizetype c = 0; c < header.size(); ++c) {
            QStringList train;
            QStringList hold;
            for (qsizetype r = 0; r < rows; ++r)
                (r % 5 == 0 ? hold : train).append(cells[size_t(c)][r]);
            QStringList rolled = train;
            const qsizetype shift = header[c] == target ? 0 : ++featureIndex;
            for (qsizetype r = 0; r < train.size(); ++r)
                rolled[(r + shift) % train.size()] = train[r];
            const bool isNumeric = numeric.contains(header[c]);
            const auto column = [&](const QStringList &values) {
                if (!isNumeric)
                    return categories(header[c], values);
                std::vector<double> v;
                for (const QString &s : values)
                    v.push_back(s.toDouble());
                return numbers(header[c], v);
            };
            training.addColumn(column(train));
            holdout.addColumn(column(hold));
            synthetic.addColumn(column(rolled));
            schema.columns.append(meta(header[c], isNumeric ? core::SemanticType::Numerical
                                                            : core::SemanticType::Categorical));
        }
        core::utility::UtilityOptions options;
        options.target = target;
        options.seeds = 2;
        core::SilentJob job;
        auto report = core::utility::Utility::evaluate(training, synthetic, holdout, schema, options, job);
        QVERIFY2(report.ok(), errorText(report).constData());
        QCOMPARE(report.value().classes, QStringList({ QStringLiteral("<=50K"), QStringLiteral(">50K") }));

        // tests/reference/utility_reference.py (scikit-learn 1.2.1, xgboost 1.7.4):
        //   adult xgboost real:       accuracy 0.8687240903 macro_f1 0.8151627969 roc_auc 0.9292665533
        //   adult logistic real:      accuracy 0.8538307999 macro_f1 0.7883327917 roc_auc 0.9068543172
        //   adult xgboost synthetic:  accuracy 0.7391371104 macro_f1 0.4626160638 roc_auc 0.5317548679
        //   adult logistic synthetic: accuracy 0.7503454629 macro_f1 0.4286842105 roc_auc 0.5064353529
        // (reference-results.md, a different 80/20 split: real ROC AUC 0.928, macro F1 0.814.)
        // 6,513 test rows: the binomial noise of accuracy is ~0.004; allow 0.01 (F1, AUC alike).
        const auto check = [](const char *name, const QMap<QString, double> &scores, double acc, double f1,
                              double auc) {
            qInfo("%s: accuracy %.10f macro_f1 %.10f roc_auc %.10f", name, scores.value(QStringLiteral("accuracy")),
                  scores.value(QStringLiteral("macro_f1")), scores.value(QStringLiteral("roc_auc")));
            QVERIFY(std::abs(scores.value(QStringLiteral("accuracy")) - acc) <= 0.01);
            QVERIFY(std::abs(scores.value(QStringLiteral("macro_f1")) - f1) <= 0.01);
            QVERIFY(std::abs(scores.value(QStringLiteral("roc_auc")) - auc) <= 0.01);
        };
        const auto &xgb = report.value().models.value(QStringLiteral("xgboost"));
        const auto &lr = report.value().models.value(QStringLiteral("logistic_regression"));
        check("xgboost real", xgb.real, 0.8687240903, 0.8151627969, 0.9292665533);
        check("xgboost synthetic", xgb.synthetic, 0.7391371104, 0.4626160638, 0.5317548679);
        check("logistic real", lr.real, 0.8538307999, 0.7883327917, 0.9068543172);
        check("logistic synthetic", lr.synthetic, 0.7503454629, 0.4286842105, 0.5064353529);
    }
};

QTEST_GUILESS_MAIN(TestUtilityAdult)
#include "tst_utility_adult.moc"
