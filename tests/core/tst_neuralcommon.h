// SPDX-License-Identifier: MIT
// Shared fixtures of tst_ctgan, tst_tvae and tst_bayesiannetwork: a small invented mixed table and
// job contexts that cancel or count.
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/generators/generator.h"

#include <QBuffer>
#include <QTest>

#include <random>

namespace neuraltest {

inline core::ColumnMeta meta(const QString &name, core::SemanticType type, bool integer = false, int decimals = -1)
{
    core::ColumnMeta m;
    m.name = name;
    m.type = type;
    m.integer = integer;
    m.decimals = decimals;
    return m;
}

/// 400 rows: sex (F/M), pregnant (yes only for F, 30 % of them), age (integer, two groups 20-35 / 60-80),
/// bmi (1 decimal, 18.0-40.0), visits (integer 0-9 with many zeros), missing ldl in 20 % of rows.
inline std::pair<core::Table, core::Schema> smallTable(quint64 seed = 1, int rows = 400)
{
    using core::Column;
    using core::ColumnStorage;
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Column sex(QStringLiteral("sex"), ColumnStorage::Category);
    sex.labels() = { QStringLiteral("F"), QStringLiteral("M") };
    Column pregnant(QStringLiteral("pregnant"), ColumnStorage::Category);
    pregnant.labels() = { QStringLiteral("no"), QStringLiteral("yes") };
    Column age(QStringLiteral("age"), ColumnStorage::Number);
    age.setInteger(true);
    Column bmi(QStringLiteral("bmi"), ColumnStorage::Number);
    bmi.setDecimals(1);
    Column visits(QStringLiteral("visits"), ColumnStorage::Number);
    visits.setInteger(true);
    Column ldl(QStringLiteral("ldl"), ColumnStorage::Number);
    ldl.setDecimals(2);
    for (int r = 0; r < rows; ++r) {
        const bool female = u(rng) < 0.5;
        sex.appendCode(female ? 0 : 1);
        pregnant.appendCode(female && u(rng) < 0.3 ? 1 : 0);
        const bool old = u(rng) < 0.5;
        age.appendNumber(std::round(old ? 60 + 20 * u(rng) : 20 + 15 * u(rng)));
        bmi.appendNumber(std::round((18.0 + 22.0 * u(rng) * u(rng)) * 10.0) / 10.0);
        visits.appendNumber(u(rng) < 0.4 ? 0.0 : std::floor(1 + 9 * u(rng)));
        if (u(rng) < 0.2)
            ldl.appendMissing();
        else
            ldl.appendNumber(std::round((2.0 + 3.0 * u(rng)) * 100.0) / 100.0);
    }
    core::Table table;
    for (Column *c : { &sex, &pregnant, &age, &bmi, &visits, &ldl })
        table.addColumn(std::move(*c));
    core::Schema schema;
    schema.columns = { meta(QStringLiteral("sex"), core::SemanticType::Categorical),
                       meta(QStringLiteral("pregnant"), core::SemanticType::Categorical),
                       meta(QStringLiteral("age"), core::SemanticType::Numerical, true),
                       meta(QStringLiteral("bmi"), core::SemanticType::Numerical, false, 1),
                       meta(QStringLiteral("visits"), core::SemanticType::Numerical, true),
                       meta(QStringLiteral("ldl"), core::SemanticType::Numerical, false, 2) };
    return { std::move(table), schema };
}

/// Cancels after `polls` calls of isCancelled(); counts them and the metrics reported.
class CancellingJob final : public core::JobContext {
public:
    explicit CancellingJob(int polls = -1) : m_polls(polls) { }
    bool isCancelled() const override { return m_polls >= 0 && ++m_seen > m_polls; }
    void reportProgress(double, const QString &) override { }
    void reportMetric(const QString &, int, double) override { ++metrics; }
    int metrics = 0;
    int polls() const { return m_seen; }

private:
    int m_polls;
    mutable int m_seen = 0;
};

inline QStringList cells(const core::Table &table)
{
    QStringList out;
    for (qint64 r = 0; r < table.rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < table.columnCount(); ++c)
            row.append(table.column(c).cellText(r));
        out.append(row.join(u','));
    }
    return out;
}

inline QByteArray saved(const core::Generator &generator)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto result = generator.save(buffer);
    if (!result.ok())
        qWarning("%s", qPrintable(result.error().toString()));
    return buffer.data();
}

/// Checks every value of a number column is whole / on its decimal grid and within [lo, hi].
inline bool numbersWithin(const core::Column &column, double lo, double hi, int decimals)
{
    const double factor = std::pow(10.0, decimals);
    for (qint64 r = 0; r < column.size(); ++r) {
        if (column.isMissing(r))
            continue;
        const double v = column.numbers()[size_t(r)];
        if (v < lo || v > hi || std::abs(v * factor - std::round(v * factor)) > 1e-6)
            return false;
    }
    return true;
}

} // namespace neuraltest

namespace neuraltest {

/// Fit, sample twice with one seed (identical), once with another (different), save, load into a fresh
/// instance (identical again), and check the rows keep types, ranges and missing shares of the small table.
template <typename G>
void checkFitSampleSaveLoad(const QVariantMap &settings)
{
    auto [table, schema] = smallTable();
    G generator;
    core::FitOptions options;
    options.seed = 42;
    options.settings = settings;
    CancellingJob job;
    const auto fitted = generator.fit(table, schema, options, job);
    QVERIFY2(fitted.ok(), fitted.ok() ? "" : qPrintable(fitted.error().toString()));
    QVERIFY(generator.isFitted());

    auto first = generator.sample(600, 7, job);
    auto again = generator.sample(600, 7, job);
    auto other = generator.sample(600, 8, job);
    QVERIFY(first.ok() && again.ok() && other.ok());
    QCOMPARE(first.value().rowCount(), qint64(600));
    QCOMPARE(first.value().columnNames(), table.columnNames());
    QCOMPARE(cells(again.value()), cells(first.value()));
    QVERIFY(cells(other.value()) != cells(first.value()));

    const core::Table &s = first.value();
    for (qint64 r = 0; r < s.rowCount(); ++r) {
        QVERIFY(!s.column(0).isMissing(r));
        QVERIFY(s.column(0).cellText(r) == QStringLiteral("F") || s.column(0).cellText(r) == QStringLiteral("M"));
    }
    QVERIFY(numbersWithin(s.column(2), 20, 80, 0));
    QVERIFY(numbersWithin(s.column(3), 18.0, 40.0, 1));
    QVERIFY(numbersWithin(s.column(4), 0, 9, 0));
    QVERIFY(numbersWithin(s.column(5), 2.0, 5.0, 2));
    const double missing = s.column(5).missingRate();
    QVERIFY2(missing > 0.05 && missing < 0.45, qPrintable(QString::number(missing)));

    const QByteArray bytes = saved(generator);
    QVERIFY(!bytes.isEmpty());
    G loaded;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const auto result = loaded.load(buffer);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    auto reloaded = loaded.sample(600, 7, job);
    QVERIFY(reloaded.ok());
    QCOMPARE(cells(reloaded.value()), cells(first.value()));

    // The same seed gives the same fit.
    G twin;
    QVERIFY(twin.fit(table, schema, options, job).ok());
    auto twinRows = twin.sample(600, 7, job);
    QVERIFY(twinRows.ok());
    QCOMPARE(cells(twinRows.value()), cells(first.value()));
}

/// A fit cancelled after a few polls returns Cancelled quickly and keeps the previous model.
template <typename G>
void checkCancel(const QVariantMap &settings)
{
    auto [table, schema] = smallTable();
    G generator;
    core::FitOptions options;
    options.settings = settings;
    CancellingJob cancelling(2);
    const auto cancelled = generator.fit(table, schema, options, cancelling);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, core::Error::Code::Cancelled);
    QVERIFY(!generator.isFitted());
    QVERIFY(cancelling.polls() <= 4);

    CancellingJob job;
    QVERIFY(generator.fit(table, schema, options, job).ok());
    const auto before = generator.sample(50, 3, job);
    CancellingJob again(2);
    QCOMPARE(generator.fit(table, schema, options, again).error().code, core::Error::Code::Cancelled);
    const auto after = generator.sample(50, 3, job);
    QVERIFY(before.ok() && after.ok());
    QCOMPARE(cells(after.value()), cells(before.value()));
}

/// sex=F rows only; an unseen value is refused up front; M with pregnant=yes never occurs in the data.
template <typename G>
void checkConditional(const QVariantMap &settings, bool impossibleGivesNoRows)
{
    auto [table, schema] = smallTable();
    G generator;
    core::FitOptions options;
    options.settings = settings;
    CancellingJob job;
    QVERIFY(generator.fit(table, schema, options, job).ok());
    using core::transforms::ColumnCondition;
    auto females = generator.sampleWhere(100, { ColumnCondition { QStringLiteral("sex"), QStringLiteral("F") } }, 5, job);
    QVERIFY(females.ok());
    QCOMPARE(females.value().table.rowCount(), qint64(100));
    for (qint64 r = 0; r < 100; ++r)
        QCOMPARE(females.value().table.column(0).cellText(r), QStringLiteral("F"));
    auto unseen = generator.sampleWhere(10, { ColumnCondition { QStringLiteral("sex"), QStringLiteral("X") } }, 5, job);
    QVERIFY(!unseen.ok());
    QCOMPARE(unseen.error().code, core::Error::Code::InvalidInput);
    QVERIFY(unseen.error().message.contains(QStringLiteral("sex")));
    auto numeric = generator.sampleWhere(10, { ColumnCondition { QStringLiteral("bmi"), QStringLiteral("20.0") } }, 5, job);
    QVERIFY(!numeric.ok());
    auto impossible = generator.sampleWhere(
        10, { ColumnCondition { QStringLiteral("sex"), QStringLiteral("M") }, ColumnCondition { QStringLiteral("pregnant"), QStringLiteral("yes") } },
        5, job);
    QVERIFY(impossible.ok());
    if (impossibleGivesNoRows) {
        QCOMPARE(impossible.value().table.rowCount(), qint64(0));
        QVERIFY(impossible.value().message.contains(QStringLiteral("sex=M, pregnant=yes")));
    }
}

} // namespace neuraltest
