// SPDX-License-Identifier: MIT
#include "core/generators/ctgan/ctgan.h"

#include "tst_neuralcommon.h"

#include <QTest>

namespace {
QVariantMap quick() { return { { QStringLiteral("epochs"), 10 }, { QStringLiteral("batch_size"), 100 } }; }
} // namespace

class TestCtgan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsFollowThePaper()
    {
        core::Ctgan ctgan;
        QCOMPARE(ctgan.id(), QStringLiteral("ctgan"));
        QVariantMap defaults;
        for (const auto &spec : ctgan.settings())
            defaults.insert(spec.key, spec.defaultValue);
        QCOMPARE(defaults.value(QStringLiteral("epochs")).toInt(), 300);
        QCOMPARE(defaults.value(QStringLiteral("batch_size")).toInt(), 500);
        QCOMPARE(defaults.value(QStringLiteral("pac")).toInt(), 10);
        QCOMPARE(defaults.value(QStringLiteral("embedding_dim")).toInt(), 128);
        QCOMPARE(defaults.value(QStringLiteral("generator_lr")).toDouble(), 2e-4);
        QVERIFY(core::makeCtgan() != nullptr);
    }

    void fitSampleSaveLoad() { neuraltest::checkFitSampleSaveLoad<core::Ctgan>(quick()); }

    void lossesPerEpoch()
    {
        auto [table, schema] = neuraltest::smallTable();
        core::Ctgan ctgan;
        core::FitOptions options;
        options.settings = quick();
        neuraltest::CancellingJob job;
        QVERIFY(ctgan.fit(table, schema, options, job).ok());
        const auto &losses = ctgan.info().losses;
        QCOMPARE(losses.size(), 2);
        QCOMPARE(losses[0].first, QStringLiteral("generator_loss"));
        QCOMPARE(losses[0].second.size(), 10);
        QCOMPARE(losses[1].first, QStringLiteral("discriminator_loss"));
        QCOMPARE(job.metrics, 20);
    }

    void cancelWithinABatch() { neuraltest::checkCancel<core::Ctgan>(quick()); }

    void conditionalSampling() { neuraltest::checkConditional<core::Ctgan>(quick(), true); }

    void badBatchSizeNamesTheSetting()
    {
        auto [table, schema] = neuraltest::smallTable();
        core::Ctgan ctgan;
        core::FitOptions options;
        options.settings = { { QStringLiteral("batch_size"), 55 } };
        core::SilentJob job;
        const auto result = ctgan.fit(table, schema, options, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, core::Error::Code::InvalidInput);
        QVERIFY(result.error().message.contains(QStringLiteral("batch_size")));
        options.settings = { { QStringLiteral("epochs"), 0 } };
        QVERIFY(ctgan.fit(table, schema, options, job).error().message.contains(QStringLiteral("epochs")));
    }
};

QTEST_GUILESS_MAIN(TestCtgan)
#include "tst_ctgan.moc"
