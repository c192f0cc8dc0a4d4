// SPDX-License-Identifier: MIT
#include "core/generators/ctgan/ctgan.h"

#include "tst_neuralcommon.h"

#include <QTest>

namespace {
QVariantMap quick() { return { { QStringLiteral("epochs"), 10 }, { QStringLiteral("batch_size"), 100 } }; }

/// Keeps the messages a job reports.
class MessageJob final : public core::JobContext {
public:
    bool isCancelled() const override { return false; }
    void reportProgress(double, const QString &) override { }
    void reportMessage(const QString &message) override { messages.append(message); }
    QStringList messages;
};
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

    // 100 columns of 5,000 categories: one-hot they would be 500,000 positions wide (and the
    // condition vector as wide again). Bounded to 20 positions each (see DataTransformer), the
    // encoding is 2,000 wide, the fit is quick, and the job is told.
    void highCardinalityColumnsFitWithABoundedWidth()
    {
        constexpr int kColumns = 100, kCategories = 5000;
        core::Table table;
        core::Schema schema;
        for (int c = 0; c < kColumns; ++c) {
            core::Column column(QStringLiteral("code%1").arg(c), core::ColumnStorage::Category);
            for (int i = 0; i < kCategories; ++i)
                column.labels().append(QStringLiteral("C%1").arg(i));
            for (int r = 0; r < kCategories; ++r)
                column.appendCode((r * 13 + c) % kCategories);
            schema.columns.append(neuraltest::meta(column.name(), core::SemanticType::Categorical));
            table.addColumn(std::move(column));
        }
        core::Ctgan ctgan;
        core::FitOptions options;
        options.settings = { { QStringLiteral("epochs"), 1 }, { QStringLiteral("batch_size"), 500 } };
        MessageJob job;
        const auto fitted = ctgan.fit(table, schema, options, job);
        QVERIFY2(fitted.ok(), qPrintable(fitted.ok() ? QString() : fitted.error().toString()));
        QCOMPARE(ctgan.info().facts.value(QStringLiteral("encoded_width")).toInt(), kColumns * 20);
        QCOMPARE(job.messages.size(), 1);
        QVERIFY2(job.messages.front().contains(QStringLiteral("at most 20 positions")), qPrintable(job.messages.front()));
        int bounded = 0;
        for (const core::Diagnostic &d : ctgan.info().diagnostics)
            bounded += d.kind == QStringLiteral("high_cardinality") ? 1 : 0;
        QCOMPARE(bounded, kColumns);
        core::SilentJob quiet;
        const auto sampled = ctgan.sample(200, 3, quiet);
        QVERIFY(sampled.ok());
        QCOMPARE(sampled.value().columnCount(), kColumns);
        for (const core::Column &column : sampled.value().columns())
            for (std::int32_t code : column.codes())
                QVERIFY(code >= 0 && code < kCategories);
    }

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
