// SPDX-License-Identifier: MIT
// The ../shared/cases marked `generator`, for CTGAN, TVAE and the Bayesian network (issue #5): each case file is
// read with CsvReader and its inferred schema, fitted, sampled, and checked against the case's expected behaviour
// (cases/README.md). Shares are checked with wide tolerances: the files have 8 to 40 rows.
#include "core/data/csvreader.h"
#include "core/generators/bayesian_network/bayesiannetwork.h"
#include "core/generators/ctgan/ctgan.h"
#include "core/generators/tvae/tvae.h"

#include "testpaths.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace core;

namespace {

std::unique_ptr<Generator> make(const QString &id, FitOptions &options)
{
    if (id == QLatin1StringView("ctgan")) {
        options.settings = { { QStringLiteral("epochs"), 150 }, { QStringLiteral("batch_size"), 20 } };
        return makeCtgan();
    }
    if (id == QLatin1StringView("tvae")) {
        options.settings = { { QStringLiteral("epochs"), 300 }, { QStringLiteral("batch_size"), 20 } };
        return makeTvae();
    }
    options.settings = { { QStringLiteral("differential_privacy"), false } };
    return makeBayesianNetwork();
}

struct Fitted {
    CsvReadResult real;
    std::unique_ptr<Generator> generator;
    Table synthetic;
};

Fitted fitCase(const QString &file, const QString &id, qint64 rows = 400, quint64 seed = 3, int epochs = 0)
{
    Fitted out;
    SilentJob job;
    auto read = CsvReader::read(testsupport::caseFile(file), {}, job);
    if (!read.ok()) {
        qWarning("%s", qPrintable(read.error().toString()));
        return out;
    }
    out.real = std::move(read).value();
    FitOptions options;
    options.seed = seed;
    out.generator = make(id, options);
    if (epochs > 0)
        options.settings.insert(QStringLiteral("epochs"), epochs);
    const auto fitted = out.generator->fit(out.real.table, out.real.schema, options, job);
    if (!fitted.ok()) {
        qWarning("%s", qPrintable(fitted.error().toString()));
        out.generator.reset();
        return out;
    }
    auto sampled = out.generator->sample(rows, 5, job);
    if (sampled.ok())
        out.synthetic = std::move(sampled).value();
    return out;
}

const Column &col(const Table &table, const char *name) { return table.column(table.indexOf(QString::fromLatin1(name))); }

std::pair<double, double> realRange(const Column &column)
{
    double lo = INFINITY, hi = -INFINITY;
    for (qint64 r = 0; r < column.size(); ++r)
        if (!column.isMissing(r) && std::isfinite(column.numbers()[size_t(r)])) {
            lo = std::min(lo, column.numbers()[size_t(r)]);
            hi = std::max(hi, column.numbers()[size_t(r)]);
        }
    return { lo, hi };
}

double share(const Column &column, const std::function<bool(qint64)> &pred)
{
    qint64 n = 0;
    for (qint64 r = 0; r < column.size(); ++r)
        n += pred(r) ? 1 : 0;
    return double(n) / double(column.size());
}

} // namespace

class TestTransformsCases : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generators_data()
    {
        QTest::addColumn<QString>("id");
        for (const char *id : { "ctgan", "tvae", "bayesian_network" })
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    // 008: ratio keeps full precision within its range; dose_mg comes back with exactly 2 decimals.
    void float16Digits_data() { generators_data(); }
    void float16Digits()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("008_float_16_digits.csv"), id);
        QVERIFY(f.generator);
        const Column &ratio = col(f.synthetic, "ratio");
        QCOMPARE(ratio.storage(), ColumnStorage::Number);
        const auto [lo, hi] = realRange(col(f.real.table, "ratio"));
        bool unrounded = false;
        for (qint64 r = 0; r < ratio.size(); ++r) {
            const double v = ratio.numbers()[size_t(r)];
            QVERIFY(v >= lo && v <= hi);
            unrounded = unrounded || std::abs(v * 1e4 - std::round(v * 1e4)) > 1e-6;
        }
        QVERIFY(unrounded);
        const Column &dose = col(f.synthetic, "dose_mg");
        for (qint64 r = 0; r < dose.size(); ++r) {
            const double v = dose.numbers()[size_t(r)];
            QVERIFY(std::abs(v * 100.0 - std::round(v * 100.0)) < 1e-6);
            QVERIFY(!dose.cellText(r).isEmpty());
        }
    }

    // 009: bounded integers stay integers within the real min-max.
    void boundedMonthDay_data() { generators_data(); }
    void boundedMonthDay()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("009_bounded_month_day.csv"), id);
        QVERIFY(f.generator);
        const std::pair<const char *, std::pair<int, int>> expected[] = { { "visit_month", { 1, 12 } },
                                                                          { "visit_day", { 1, 27 } },
                                                                          { "los_days", { 1, 18 } } };
        for (const auto &[name, range] : expected) {
            const Column &c = col(f.synthetic, name);
            for (qint64 r = 0; r < c.size(); ++r) {
                const QString text = c.cellText(r);
                QVERIFY2(!text.contains(u'.'), qPrintable(text));
                const int v = text.toInt();
                QVERIFY2(v >= range.first && v <= range.second, qPrintable(QStringLiteral("%1 = %2").arg(QString::fromLatin1(name), text)));
            }
        }
    }

    // 010: no negatives, integers stay integers, zeros of insulin near 18/40.
    void zeroInflated_data() { generators_data(); }
    void zeroInflated()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("010_nonnegative_zero_inflated.csv"), id);
        QVERIFY(f.generator);
        for (const char *name : { "pregnancies", "insulin_uU_ml", "diastolic_bp" }) {
            const Column &c = col(f.synthetic, name);
            for (qint64 r = 0; r < c.size(); ++r) {
                QVERIFY(c.numbers()[size_t(r)] >= 0.0);
                QVERIFY(!c.cellText(r).contains(u'.'));
            }
        }
        const Column &insulin = col(f.synthetic, "insulin_uU_ml");
        double zeros = share(insulin, [&](qint64 r) { return insulin.numbers()[size_t(r)] == 0.0; });
        if (id == QLatin1StringView("ctgan")) {
            // One CTGAN fit on 40 rows is noisy: over seeds 1 to 8 its share of zeros ranged from 0.04 to 0.58
            // (0.10 to 0.87 before the faster training kernels, same architecture). The expectation is checked on
            // the mean of four longer fits (600 epochs: 0.18 to 0.42 each over seeds 1 to 8).
            zeros = 0.0;
            for (quint64 seed = 1; seed <= 4; ++seed) {
                const Fitted g = fitCase(QStringLiteral("010_nonnegative_zero_inflated.csv"), id, 400, seed, 600);
                QVERIFY(g.generator);
                const Column &c = col(g.synthetic, "insulin_uU_ml");
                zeros += share(c, [&](qint64 r) { return c.numbers()[size_t(r)] == 0.0; }) / 4.0;
            }
        }
        // TVAE adds its learnt sigma's noise to every continuous value, as the reference does, which moves some
        // zeros off the zero mode; CTGAN and the Bayesian network keep the share near 0.45.
        const double floor = id == QLatin1StringView("tvae") ? 0.1 : 0.25;
        QVERIFY2(zeros > floor && zeros < 0.65, qPrintable(QString::number(zeros)));
        QVERIFY(realRange(insulin).second <= 254.0);
    }

    // 011: constant columns come back constant, age varies.
    void constantColumns_data() { generators_data(); }
    void constantColumns()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("011_constant_columns.csv"), id);
        QVERIFY(f.generator);
        const Column &site = col(f.synthetic, "site");
        const Column &version = col(f.synthetic, "protocol_version");
        for (qint64 r = 0; r < site.size(); ++r) {
            QCOMPARE(site.cellText(r), QStringLiteral("A"));
            QCOMPARE(version.cellText(r), QStringLiteral("2"));
        }
        const auto [lo, hi] = realRange(col(f.synthetic, "age"));
        QVERIFY(hi > lo);
    }

    // 012: missingness is modelled: share near 5/20, present values within the real range.
    void missingContinuous_data() { generators_data(); }
    void missingContinuous()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("012_missing_in_continuous.csv"), id);
        QVERIFY(f.generator);
        const Column &ldl = col(f.synthetic, "ldl_mmol_l");
        QVERIFY2(ldl.missingRate() > 0.08 && ldl.missingRate() < 0.45, qPrintable(QString::number(ldl.missingRate())));
        const auto [lo, hi] = realRange(col(f.real.table, "ldl_mmol_l"));
        for (qint64 r = 0; r < ldl.size(); ++r)
            if (!ldl.isMissing(r))
                QVERIFY(ldl.numbers()[size_t(r)] >= lo && ldl.numbers()[size_t(r)] <= hi);
    }

    // 014: infinities are treated as missing after a warning naming the column; none come out.
    void infiniteValues_data() { generators_data(); }
    void infiniteValues()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("014_infinite_values.csv"), id);
        QVERIFY(f.generator);
        bool warned = false;
        for (const Diagnostic &d : f.generator->info().diagnostics)
            warned = warned || (d.kind == QStringLiteral("non_finite_as_missing") && d.column == QStringLiteral("ratio"));
        QVERIFY(warned);
        for (const char *name : { "ratio", "titer" }) {
            const Column &c = col(f.synthetic, name);
            for (qint64 r = 0; r < c.size(); ++r)
                QVERIFY(c.isMissing(r) || std::isfinite(c.numbers()[size_t(r)]));
        }
    }

    // 016: the unique id is not learnt; new unique ids of the same pattern, none real.
    void uniqueIds_data() { generators_data(); }
    void uniqueIds()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("016_unique_string_ids.csv"), id, 24);
        QVERIFY(f.generator);
        const Column &real = col(f.real.table, "sample_id");
        const Column &ids = col(f.synthetic, "sample_id");
        QSet<QString> realIds, seen;
        for (qint64 r = 0; r < real.size(); ++r)
            realIds.insert(real.cellText(r));
        static const QRegularExpression pattern(QStringLiteral("^S-[0-9a-f]{8}$"));
        for (qint64 r = 0; r < ids.size(); ++r) {
            const QString v = ids.cellText(r);
            QVERIFY2(pattern.match(v).hasMatch(), qPrintable(v));
            QVERIFY(!realIds.contains(v));
            seen.insert(v);
        }
        QCOMPARE(seen.size(), 24);
        QSet<QString> labs;
        for (qint64 r = 0; r < f.real.table.rowCount(); ++r)
            labs.insert(col(f.real.table, "lab_code").cellText(r));
        for (qint64 r = 0; r < 24; ++r)
            QVERIFY(labs.contains(col(f.synthetic, "lab_code").cellText(r)));
    }

    // 019: an impossible combination gives 0 rows and a message naming it; a possible one succeeds; an unseen
    // category is refused up front.
    void conditionalUnsatisfiable_data() { generators_data(); }
    void conditionalUnsatisfiable()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("019_conditional_unsatisfiable.csv"), id, 10);
        QVERIFY(f.generator);
        using transforms::ColumnCondition;
        const QList<ColumnCondition> impossible { { QStringLiteral("sex"), QStringLiteral("M") },
                                                  { QStringLiteral("pregnant"), QStringLiteral("yes") } };
        const QList<ColumnCondition> possible { { QStringLiteral("sex"), QStringLiteral("F") },
                                                { QStringLiteral("pregnant"), QStringLiteral("yes") } };
        const QList<ColumnCondition> unseen { { QStringLiteral("sex"), QStringLiteral("X") } };
        SilentJob job;
        auto run = [&](const QList<ColumnCondition> &conditions) -> Result<transforms::ConditionalSample> {
            if (auto *g = dynamic_cast<Ctgan *>(f.generator.get()))
                return g->sampleWhere(10, conditions, 1, job);
            if (auto *g = dynamic_cast<Tvae *>(f.generator.get()))
                return g->sampleWhere(10, conditions, 1, job);
            return dynamic_cast<BayesianNetwork *>(f.generator.get())->sampleWhere(10, conditions, 1, job);
        };
        auto none = run(impossible);
        QVERIFY(none.ok());
        QCOMPARE(none.value().table.rowCount(), qint64(0));
        QVERIFY(none.value().message.startsWith(QStringLiteral("No rows satisfied sex=M, pregnant=yes after ")));
        QVERIFY(none.value().message.contains(QStringLiteral("never occurs")));
        auto some = run(possible);
        QVERIFY(some.ok());
        QCOMPARE(some.value().table.rowCount(), qint64(10));
        auto refused = run(unseen);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QVERIFY(refused.error().message.contains(QStringLiteral("sex")));
    }

    // 021: a single code plus missing comes back as that code (an integer) or empty, empty near 9/20.
    void singleCodePlusMissing_data() { generators_data(); }
    void singleCodePlusMissing()
    {
        QFETCH(QString, id);
        Fitted f = fitCase(QStringLiteral("021_single_code_plus_missing.csv"), id);
        QVERIFY(f.generator);
        const Column &code = col(f.synthetic, "prior_surgery_code");
        for (qint64 r = 0; r < code.size(); ++r)
            QVERIFY2(code.isMissing(r) || code.cellText(r) == QStringLiteral("-7"), qPrintable(code.cellText(r)));
        QVERIFY2(code.missingRate() > 0.25 && code.missingRate() < 0.65, qPrintable(QString::number(code.missingRate())));
    }
};

QTEST_GUILESS_MAIN(TestTransformsCases)
#include "tst_transformscases.moc"
