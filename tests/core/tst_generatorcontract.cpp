// SPDX-License-Identifier: MIT
// The contract every registered generator keeps. Adding a generator = one line in generators().
#include "core/generators/bayesian_network/bayesiannetwork.h"
#include "core/generators/ctgan/ctgan.h"
#include "core/generators/gaussian_copula/gaussiancopula.h"
#include "core/generators/tvae/tvae.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <random>

using namespace core;

namespace {

using Factory = std::function<std::unique_ptr<Generator>()>;

QList<std::pair<QString, Factory>> generators()
{
    return {
        { QStringLiteral("gaussian_copula"), [] { return makeGaussianCopula(); } },
        { QStringLiteral("ctgan"), [] { return makeCtgan(); } },
        { QStringLiteral("tvae"), [] { return makeTvae(); } },
        { QStringLiteral("bayesian_network"), [] { return makeBayesianNetwork(); } },
    };
}

// 120 rows: real and integer numbers (with missing), a category (with missing), a boolean,
// a date and a unique string id.
void tinyMixedTable(Table &table, Schema &schema)
{
    std::mt19937_64 rng(2024);
    Column age(QStringLiteral("age"), ColumnStorage::Number),
        bmi(QStringLiteral("bmi"), ColumnStorage::Number),
        unit(QStringLiteral("unit"), ColumnStorage::Category),
        smoker(QStringLiteral("smoker"), ColumnStorage::Boolean),
        admitted(QStringLiteral("admitted"), ColumnStorage::DateTime),
        id(QStringLiteral("id"), ColumnStorage::Text);
    unit.labels() = { QStringLiteral("ICU"), QStringLiteral("ward"), QStringLiteral("ER") };
    smoker.labels() = { QStringLiteral("N"), QStringLiteral("Y") };
    age.setInteger(true);
    bmi.setDecimals(1);
    for (int i = 0; i < 120; ++i) {
        const int a = 20 + int(rng() % 60);
        age.appendNumber(a);
        if (i % 9 == 4)
            bmi.appendMissing();
        else
            bmi.appendNumber(std::round((18.0 + double(rng() % 200) / 10.0 + a * 0.05) * 10) / 10);
        if (i % 13 == 7)
            unit.appendMissing();
        else
            unit.appendCode(qint32(rng() % 3));
        smoker.appendCode(a > 50 ? qint32(rng() % 2) : 0);
        admitted.appendNumber(1577836800.0 + 86400.0 * double(rng() % 700));
        id.appendText(QStringLiteral("P%1").arg(10000 + i * 7));
    }
    const SemanticType types[] = { SemanticType::Numerical, SemanticType::Numerical,
        SemanticType::Categorical, SemanticType::Boolean, SemanticType::DateTime, SemanticType::Id };
    int k = 0;
    for (Column *column : { &age, &bmi, &unit, &smoker, &admitted, &id }) {
        ColumnMeta meta;
        meta.name = column->name();
        meta.type = types[k++];
        meta.integer = column->isInteger();
        meta.decimals = column->decimals();
        meta.dateFormat = column->dateFormat();
        schema.columns.append(meta);
        table.addColumn(std::move(*column));
    }
}

bool identical(const Table &a, const Table &b)
{
    if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount())
        return false;
    for (int c = 0; c < a.columnCount(); ++c) {
        const Column &x = a.column(c), &y = b.column(c);
        if (x.missingMask() != y.missingMask() || x.codes() != y.codes() || x.texts() != y.texts()
            || x.numbers().size() != y.numbers().size()
            || (!x.numbers().empty()
                && std::memcmp(x.numbers().data(), y.numbers().data(), x.numbers().size() * sizeof(double))
                    != 0))
            return false;
    }
    return true;
}

class CancelAfterFirstProgress final : public JobContext {
public:
    bool isCancelled() const override { return m_cancelled; }
    void reportProgress(double, const QString &) override { m_cancelled = true; }

private:
    bool m_cancelled = false;
};

} // namespace

class TestGeneratorContract : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contract_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto &entry : generators())
            QTest::newRow(qPrintable(entry.first)) << entry.first;
    }

    void contract()
    {
        QFETCH(QString, id);
        Factory factory;
        for (const auto &entry : generators()) {
            if (entry.first == id)
                factory = entry.second;
        }
        Table real;
        Schema schema;
        tinyMixedTable(real, schema);

        auto generator = factory();
        QCOMPARE(generator->id(), id);
        QVERIFY(!generator->displayName().isEmpty());
        QVERIFY(!generator->isFitted());
        SilentJob job;
        QVERIFY(!generator->sample(5, 1, job).ok()); // not fitted yet
        FitOptions options;
        options.seed = 7;
        const Result<void> fit = generator->fit(real, schema, options, job);
        QVERIFY2(fit.ok(), qPrintable(fit.ok() ? QString() : fit.error().toString()));
        QVERIFY(generator->isFitted());
        QCOMPARE(generator->info().trainingRows, 120);

        Result<Table> first = generator->sample(60, 11, job);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        const Table &rows = first.value();
        QCOMPARE(rows.rowCount(), 60);
        QCOMPARE(rows.columnNames(), real.columnNames());
        for (int c = 0; c < rows.columnCount(); ++c) {
            QCOMPARE(rows.column(c).storage(), real.column(c).storage());
            QCOMPARE(rows.column(c).isInteger(), real.column(c).isInteger());
        }
        for (qint32 code : rows.column(2).codes())
            QVERIFY(code >= -1 && code < 3); // only real categories

        Result<Table> again = generator->sample(60, 11, job);
        QVERIFY(again.ok() && identical(rows, again.value()));

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        const Result<void> saved = generator->save(buffer);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        buffer.close();
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        auto fresh = factory();
        const Result<void> loaded = fresh->load(buffer);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QVERIFY(fresh->isFitted());
        Result<Table> reloaded = fresh->sample(60, 11, job);
        QVERIFY(reloaded.ok());
        QVERIFY(identical(rows, reloaded.value()));

        auto cancelled = factory();
        CancelAfterFirstProgress cancel;
        const Result<void> stopped = cancelled->fit(real, schema, options, cancel);
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().code, Error::Code::Cancelled);
        QVERIFY(!cancelled->isFitted());

        // fitInPlace borrows the table's columns and gives them back, after success and after a cancel.
        Table borrowed;
        Schema borrowedSchema;
        tinyMixedTable(borrowed, borrowedSchema);
        QVERIFY(identical(borrowed, real));
        auto inPlace = factory();
        const Result<void> fitInPlace = inPlace->fitInPlace(borrowed, borrowedSchema, options, job);
        QVERIFY2(fitInPlace.ok(), qPrintable(fitInPlace.ok() ? QString() : fitInPlace.error().toString()));
        QVERIFY(identical(borrowed, real));
        QCOMPARE(borrowed.columnNames(), real.columnNames());
        QCOMPARE(inPlace->info().trainingRows, 120);
        QCOMPARE(inPlace->info().missingRates, generator->info().missingRates);
        QVERIFY(inPlace->sample(10, 11, job).ok());
        auto cancelledInPlace = factory();
        CancelAfterFirstProgress cancelAgain;
        QCOMPARE(cancelledInPlace->fitInPlace(borrowed, borrowedSchema, options, cancelAgain).error().code,
                 Error::Code::Cancelled);
        QVERIFY(identical(borrowed, real));
    }
};

QTEST_GUILESS_MAIN(TestGeneratorContract)
#include "tst_generatorcontract.moc"
