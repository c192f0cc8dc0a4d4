// SPDX-License-Identifier: MIT
#include "core/generators/tvae/tvae.h"

#include "tst_neuralcommon.h"

#include <QTest>

namespace {
QVariantMap quick() { return { { QStringLiteral("epochs"), 80 }, { QStringLiteral("batch_size"), 100 } }; }
} // namespace

class TestTvae : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsFollowThePaper()
    {
        core::Tvae tvae;
        QCOMPARE(tvae.id(), QStringLiteral("tvae"));
        QVariantMap defaults;
        for (const auto &spec : tvae.settings())
            defaults.insert(spec.key, spec.defaultValue);
        QCOMPARE(defaults.value(QStringLiteral("epochs")).toInt(), 300);
        QCOMPARE(defaults.value(QStringLiteral("batch_size")).toInt(), 500);
        QCOMPARE(defaults.value(QStringLiteral("embedding_dim")).toInt(), 128);
        QCOMPARE(defaults.value(QStringLiteral("loss_factor")).toDouble(), 2.0);
        QCOMPARE(defaults.value(QStringLiteral("learning_rate")).toDouble(), 1e-3);
        QVERIFY(core::makeTvae() != nullptr);
    }

    void fitSampleSaveLoad() { neuraltest::checkFitSampleSaveLoad<core::Tvae>(quick()); }

    void lossesPerEpoch()
    {
        auto [table, schema] = neuraltest::smallTable();
        core::Tvae tvae;
        core::FitOptions options;
        options.settings = quick();
        neuraltest::CancellingJob job;
        QVERIFY(tvae.fit(table, schema, options, job).ok());
        const auto &losses = tvae.info().losses;
        QCOMPARE(losses.size(), 3);
        QCOMPARE(losses[0].first, QStringLiteral("loss"));
        QCOMPARE(losses[0].second.size(), 80);
        // The loss falls while the model learns the small table.
        QVERIFY(losses[0].second.back() < losses[0].second.front());
    }

    void cancelWithinABatch() { neuraltest::checkCancel<core::Tvae>(quick()); }

    void conditionalSampling() { neuraltest::checkConditional<core::Tvae>(quick(), true); }
};

QTEST_GUILESS_MAIN(TestTvae)
#include "tst_tvae.moc"
