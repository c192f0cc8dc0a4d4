// SPDX-License-Identifier: MIT
#include "core/generators/bayesian_network/bayesiannetwork.h"

#include "tst_neuralcommon.h"

#include <QTest>

#include <cmath>

namespace {
QVariantMap noPrivacy() { return { { QStringLiteral("differential_privacy"), false } }; }
} // namespace

class TestBayesianNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        core::BayesianNetwork bn;
        QCOMPARE(bn.id(), QStringLiteral("bayesian_network"));
        QVariantMap defaults;
        for (const auto &spec : bn.settings())
            defaults.insert(spec.key, spec.defaultValue);
        QCOMPARE(defaults.value(QStringLiteral("epsilon")).toDouble(), 1.0);
        QCOMPARE(defaults.value(QStringLiteral("degree")).toInt(), 2);
        QCOMPARE(defaults.value(QStringLiteral("bins")).toInt(), 20);
        QVERIFY(core::makeBayesianNetwork() != nullptr);
    }

    void fitSampleSaveLoad() { neuraltest::checkFitSampleSaveLoad<core::BayesianNetwork>(noPrivacy()); }

    // With the default budget on 4,000 rows the noisy model still samples valid rows, reproducibly.
    void privateFitSampleSaveLoad()
    {
        auto [table, schema] = neuraltest::smallTable(2, 4000);
        core::BayesianNetwork bn;
        core::FitOptions options;
        options.seed = 9;
        core::SilentJob job;
        QVERIFY(bn.fit(table, schema, options, job).ok());
        auto a = bn.sample(500, 1, job);
        auto b = bn.sample(500, 1, job);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(neuraltest::cells(a.value()), neuraltest::cells(b.value()));
        QVERIFY(neuraltest::numbersWithin(a.value().column(2), 20, 80, 0));
        QVERIFY(neuraltest::numbersWithin(a.value().column(3), 18.0, 40.0, 1));
    }

    void epsilonIsReported()
    {
        auto [table, schema] = neuraltest::smallTable();
        core::BayesianNetwork bn;
        core::FitOptions options;
        options.settings = { { QStringLiteral("epsilon"), 0.5 } };
        core::SilentJob job;
        QVERIFY(bn.fit(table, schema, options, job).ok());
        QCOMPARE(bn.info().facts.value(QStringLiteral("epsilon_spent")).toDouble(), 0.5);
        QCOMPARE(bn.info().facts.value(QStringLiteral("differentially_private")).toBool(), true);
        // degree 2 over 6 attributes: the root plus 5 attributes with parents
        QCOMPARE(bn.info().facts.value(QStringLiteral("network")).toStringList().size(), 5);
        options.settings = noPrivacy();
        QVERIFY(bn.fit(table, schema, options, job).ok());
        QVERIFY(std::isinf(bn.info().facts.value(QStringLiteral("epsilon_spent")).toDouble()));
    }

    // Without noise the sampled joint of two attributes follows the data: sex is about half F, and
    // pregnant=yes about 15 % overall (30 % of the women), the values smallTable() draws from.
    void noPrivacyKeepsTheJoint()
    {
        auto [table, schema] = neuraltest::smallTable(1, 4000);
        core::BayesianNetwork bn;
        core::FitOptions options;
        options.settings = noPrivacy();
        core::SilentJob job;
        QVERIFY(bn.fit(table, schema, options, job).ok());
        auto rows = bn.sample(20000, 3, job);
        QVERIFY(rows.ok());
        int female = 0, pregnantMale = 0, pregnant = 0;
        for (qint64 r = 0; r < 20000; ++r) {
            const bool f = rows.value().column(0).cellText(r) == QStringLiteral("F");
            const bool p = rows.value().column(1).cellText(r) == QStringLiteral("yes");
            female += f;
            pregnant += p;
            pregnantMale += p && !f;
        }
        QVERIFY(std::abs(female / 20000.0 - 0.5) < 0.03);
        QVERIFY(std::abs(pregnant / 20000.0 - 0.15) < 0.03);
        QCOMPARE(pregnantMale, 0);
    }

    void cancel() { neuraltest::checkCancel<core::BayesianNetwork>({}); }

    void conditionalSampling() { neuraltest::checkConditional<core::BayesianNetwork>(noPrivacy(), true); }
};

QTEST_GUILESS_MAIN(TestBayesianNetwork)
#include "tst_bayesiannetwork.moc"
