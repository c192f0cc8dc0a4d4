// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/dcr.h"
#include "core/evaluation/privacy/mixeddistance.h"

#include "tst_privacy_tables.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace privacytest;

namespace {

// Worked value 6 of metrics.md: a mixed real and synthetic table with missing cells.
core::Table workedReal()
{
    core::Table t;
    t.addColumn(numbers(QStringLiteral("num"), { 10, 20, kNaN, 40, 50, 60 }));
    t.addColumn(categories(QStringLiteral("cat"), { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A"), {},
                                                    QStringLiteral("B"), QStringLiteral("C") }));
    t.addColumn(numbers(QStringLiteral("cat_int"), { 1, 2, 1, kNaN, 2, 3 }));
    t.addColumn(booleans(QStringLiteral("bool"), { 1, 0, 1, 0, -1, 0 }));
    const QStringList d { QStringLiteral("2025-01-01"), QStringLiteral("2025-01-31"), QStringLiteral("2025-01-10"),
                          QStringLiteral("2025-01-21"), {}, QStringLiteral("2025-01-12") };
    t.addColumn(dates(QStringLiteral("date1"), d));
    t.addColumn(dates(QStringLiteral("date2"), d));
    return t;
}

core::Table workedSynthetic()
{
    core::Table t;
    t.addColumn(numbers(QStringLiteral("num"), { 10, 25, 30, 21, 7, kNaN }));
    t.addColumn(categories(QStringLiteral("cat"), { QStringLiteral("C"), {}, QStringLiteral("A"), {},
                                                    QStringLiteral("B"), QStringLiteral("C") }));
    t.addColumn(numbers(QStringLiteral("cat_int"), { 3, kNaN, 1, kNaN, 2, 3 }));
    t.addColumn(booleans(QStringLiteral("bool"), { 0, 1, 1, 0, 1, -1 }));
    const QStringList d { QStringLiteral("2025-01-10"), QStringLiteral("2025-01-22"), {}, QStringLiteral("2025-01-02"),
                          QStringLiteral("2025-01-30"), QStringLiteral("2025-01-06") };
    t.addColumn(dates(QStringLiteral("date1"), d));
    t.addColumn(dates(QStringLiteral("date2"), d));
    return t;
}

core::Schema workedSchema()
{
    core::Schema s;
    s.columns = { meta(QStringLiteral("num"), core::SemanticType::Numerical),
                  meta(QStringLiteral("cat"), core::SemanticType::Categorical),
                  meta(QStringLiteral("cat_int"), core::SemanticType::Categorical),
                  meta(QStringLiteral("bool"), core::SemanticType::Boolean),
                  meta(QStringLiteral("date1"), core::SemanticType::DateTime),
                  meta(QStringLiteral("date2"), core::SemanticType::DateTime) };
    return s;
}

// The definition, written out directly on raw values (independent of the encoding).
double referenceDistance(const std::vector<double> &x, const std::vector<double> &y, const std::vector<bool> &numeric,
                         const std::vector<double> &ranges)
{
    double sum = 0.0;
    for (size_t j = 0; j < x.size(); ++j) {
        const bool xn = std::isnan(x[j]);
        const bool yn = std::isnan(y[j]);
        double d;
        if (xn && yn)
            d = 0.0;
        else if (xn || yn)
            d = 1.0;
        else if (!numeric[j])
            d = x[j] == y[j] ? 0.0 : 1.0;
        else if (ranges[j] == 0.0)
            d = x[j] == y[j] ? 0.0 : 1.0;
        else
            d = std::min(std::abs(x[j] - y[j]) / ranges[j], 1.0);
        sum += d;
    }
    return sum / double(x.size());
}

} // namespace

class TestDcr : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workedValue6()
    {
        core::SilentJob job;
        auto dcr = core::privacy::distanceToClosestRecord(workedSynthetic(), workedReal(), workedSchema(), job);
        QVERIFY2(dcr.ok(), errorText(dcr).constData());
        // metrics.md worked value 6 (re-derived by hand/pandas): 17/90, 41/180, 0.4, 247/900, 199/900, 0.4.
        const double expected[] = { 17.0 / 90, 41.0 / 180, 0.4, 247.0 / 900, 199.0 / 900, 0.4 };
        QCOMPARE(dcr.value().size(), 6);
        for (int i = 0; i < 6; ++i)
            QVERIFY2(std::abs(dcr.value()[i] - expected[i]) < 1e-12, qPrintable(QString::number(dcr.value()[i])));

        auto self = core::privacy::distanceToClosestRecord(workedSynthetic(), workedSynthetic(), workedSchema(), job);
        QVERIFY(self.ok());
        QCOMPARE(self.value().maxCoeff(), 0.0);
    }

    void workedValue7NumericOnly()
    {
        core::SilentJob job;
        core::privacy::DcrOptions options;
        options.columns = { QStringLiteral("num") };
        auto dcr = core::privacy::distanceToClosestRecord(workedSynthetic(), workedReal(), workedSchema(), job, options);
        QVERIFY(dcr.ok());
        // metrics.md worked value 7: range 50; 25 -> 20 is 5/50, 30 -> 20 or 40 is 0.2, NaN -> the NaN row is 0.
        const double expected[] = { 0.0, 0.1, 0.2, 0.02, 0.06, 0.0 };
        for (int i = 0; i < 6; ++i)
            QVERIFY(std::abs(dcr.value()[i] - expected[i]) < 1e-12);
    }

    void constantAndOutOfRangeColumns()
    {
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("x"), core::SemanticType::Numerical) };
        core::Table real;
        real.addColumn(numbers(QStringLiteral("x"), { 5, 5, 5 }));
        core::Table query;
        query.addColumn(numbers(QStringLiteral("x"), { 5, 5.0001, 1e9, -1e9, kNaN }));
        core::SilentJob job;
        auto dcr = core::privacy::distanceToClosestRecord(query, real, schema, job);
        QVERIFY(dcr.ok());
        // Range 0: d = 1[x != 5]; far outside and missing are capped at 1.
        QCOMPARE(dcr.value()[0], 0.0);
        QCOMPARE(dcr.value()[1], 1.0);
        QCOMPARE(dcr.value()[2], 1.0);
        QCOMPARE(dcr.value()[3], 1.0);
        QCOMPARE(dcr.value()[4], 1.0);
    }

    void searchMatchesBruteForce_data()
    {
        QTest::addColumn<int>("queryRows");
        QTest::addColumn<int>("referenceRows");
        QTest::addColumn<int>("k");
        QTest::newRow("small k1") << 7 << 5 << 1;
        QTest::newRow("blocks k2") << 203 << 1100 << 2;
        QTest::newRow("one reference row k2") << 9 << 1 << 2;
    }
    void searchMatchesBruteForce()
    {
        QFETCH(int, queryRows);
        QFETCH(int, referenceRows);
        QFETCH(int, k);
        std::mt19937_64 rng(11);
        std::normal_distribution<double> normal(0.0, 1.0);
        std::uniform_int_distribution<int> category(0, 3);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const auto makeTable = [&](int rows, double shift) {
            core::Table t;
            for (int c = 0; c < 4; ++c) {
                std::vector<double> v;
                for (int r = 0; r < rows; ++r)
                    v.push_back(unit(rng) < 0.05 ? kNaN : shift + normal(rng) * (c + 1));
                t.addColumn(numbers(QStringLiteral("n%1").arg(c), v));
            }
            for (int c = 0; c < 3; ++c) {
                QStringList v;
                for (int r = 0; r < rows; ++r)
                    v.append(unit(rng) < 0.05 ? QString() : QStringLiteral("c%1").arg(category(rng)));
                t.addColumn(categories(QStringLiteral("k%1").arg(c), v));
            }
            return t;
        };
        const core::Table reference = makeTable(referenceRows, 0.0);
        const core::Table query = makeTable(queryRows, 0.3);
        core::Schema schema;
        for (int c = 0; c < 4; ++c)
            schema.columns.append(meta(QStringLiteral("n%1").arg(c), core::SemanticType::Numerical));
        for (int c = 0; c < 3; ++c)
            schema.columns.append(meta(QStringLiteral("k%1").arg(c), core::SemanticType::Categorical));

        auto encoding = core::privacy::MixedDistanceEncoding::encode(query, reference, schema);
        QVERIFY(encoding.ok());
        core::SilentJob job;
        core::privacy::NeighbourSearchOptions options;
        options.k = k;
        auto found = core::privacy::nearestNeighbours(encoding.value().query(), encoding.value().reference(), options,
                                                      job);
        QVERIFY(found.ok());

        // Brute force on raw values: categories as their labels' codes in one shared map.
        std::vector<bool> numeric { true, true, true, true, false, false, false };
        std::vector<double> ranges(7, 0.0);
        for (int c = 0; c < 4; ++c) {
            const auto &v = reference.column(c).numbers();
            double lo = 1e300, hi = -1e300;
            for (double x : v) {
                if (!std::isnan(x)) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
            }
            ranges[size_t(c)] = hi - lo;
        }
        const auto row = [](const core::Table &t, int r) {
            std::vector<double> out;
            for (int c = 0; c < t.columnCount(); ++c) {
                const core::Column &col = t.column(c);
                if (col.storage() == core::ColumnStorage::Number)
                    out.push_back(col.numbers()[size_t(r)]);
                else
                    out.push_back(col.isMissing(r) ? kNaN : col.labels()[col.codes()[size_t(r)]].mid(1).toDouble());
            }
            return out;
        };
        for (int q = 0; q < queryRows; ++q) {
            std::vector<double> d;
            for (int r = 0; r < referenceRows; ++r)
                d.push_back(referenceDistance(row(query, q), row(reference, r), numeric, ranges));
            std::sort(d.begin(), d.end());
            QVERIFY2(std::abs(found.value().distance1[q] - d[0]) < 1e-6,
                     qPrintable(QStringLiteral("row %1: %2 vs %3").arg(q).arg(found.value().distance1[q]).arg(d[0])));
            if (k == 2) {
                const double second = d.size() > 1 ? d[1] : std::numeric_limits<double>::infinity();
                QVERIFY(std::abs(found.value().distance2[q] - second) < 1e-6 || (std::isinf(second)
                                                                               && std::isinf(found.value().distance2[q])));
                QVERIFY(found.value().index1[q] != found.value().index2[q]);
            }
        }
    }

    void overfittingProtectionWorkedValue16()
    {
        const core::Table real = workedReal();
        const core::Table other = workedSynthetic();
        core::SilentJob job;
        // Hold-out = synthetic: every synthetic row is at distance 0 from the hold-out, so none
        // is strictly closer to training: score 1.
        auto holdoutSame = core::privacy::dcrOverfittingProtection(real, other, other, workedSchema(), job);
        QVERIFY(holdoutSame.ok());
        QCOMPARE(holdoutSame.value().closerToTrainingShare, 0.0);
        QCOMPARE(holdoutSame.value().score, 1.0);
        // Training = synthetic: all are closer to training (0 < DCR to hold-out, which is > 0 here).
        auto trainingSame = core::privacy::dcrOverfittingProtection(other, real, other, workedSchema(), job);
        QVERIFY(trainingSame.ok());
        QCOMPARE(trainingSame.value().closerToTrainingShare, 1.0);
        QCOMPARE(trainingSame.value().score, 0.0);
    }

    void baselineProtectionWorkedValue17()
    {
        core::SilentJob job;
        const core::Table real = workedReal();
        auto same = core::privacy::dcrBaselineProtection(real, real, workedSchema(), 0, job);
        QVERIFY(same.ok());
        QCOMPARE(same.value().syntheticMedian, 0.0);
        QCOMPARE(same.value().score, 0.0);

        // Every value outside the real ranges and categories: each column distance is 1.
        core::Table far;
        far.addColumn(numbers(QStringLiteral("num"), { 1e6, 1e6, 1e6, 1e6, 1e6, 1e6 }));
        far.addColumn(categories(QStringLiteral("cat"), QStringList(6, QStringLiteral("Z"))));
        far.addColumn(numbers(QStringLiteral("cat_int"), { 9, 9, 9, 9, 9, 9 }));
        // Booleans only have two values; leave the column out of the comparison.
        far.addColumn(dates(QStringLiteral("date1"), QStringList(6, QStringLiteral("1990-01-01"))));
        far.addColumn(dates(QStringLiteral("date2"), QStringList(6, QStringLiteral("1990-01-01"))));
        core::privacy::DcrOptions options;
        options.columns = { QStringLiteral("num"), QStringLiteral("cat"), QStringLiteral("cat_int"),
                            QStringLiteral("date1"), QStringLiteral("date2") };
        auto distant = core::privacy::dcrBaselineProtection(real, far, workedSchema(), 0, job, options);
        QVERIFY(distant.ok());
        QCOMPARE(distant.value().syntheticMedian, 1.0);
        QCOMPARE(distant.value().score, 1.0);
    }

    void randomDomainTableStaysInDomain()
    {
        const core::Table real = workedReal();
        const core::Table random = core::privacy::randomDomainTable(
            real, workedSchema(), workedSchema().columns.isEmpty() ? QStringList {} : real.columnNames(), 500, 3);
        QCOMPARE(random.rowCount(), 500);
        const core::Column &num = random.column(0);
        for (qint64 r = 0; r < 500; ++r) {
            if (!num.isMissing(r)) {
                QVERIFY(num.numbers()[size_t(r)] >= 10 && num.numbers()[size_t(r)] <= 60);
                QCOMPARE(num.numbers()[size_t(r)], std::floor(num.numbers()[size_t(r)])); // whole numbers stay whole
            }
        }
        // num has 1 of 6 missing: about 83 missing cells expected.
        QVERIFY(num.missingCount() > 50 && num.missingCount() < 120);
        const core::Column &cat = random.column(1);
        for (qint64 r = 0; r < 500; ++r)
            QVERIFY(cat.isMissing(r) || QStringList({ QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") })
                                            .contains(cat.labels()[cat.codes()[size_t(r)]]));
        // Same seed, same table.
        const core::Table again = core::privacy::randomDomainTable(real, workedSchema(), real.columnNames(), 500, 3);
        QCOMPARE(again.column(0).cellText(17), num.cellText(17));
    }

    void cancelStopsTheSearch()
    {
        class CancelledJob final : public core::JobContext {
        public:
            bool isCancelled() const override { return true; }
            void reportProgress(double, const QString &) override { }
        } job;
        core::privacy::EncodedRows a = core::privacy::EncodedRows::Zero(5000, 3);
        auto found = core::privacy::nearestNeighbours(a, a, {}, job);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, core::Error::Code::Cancelled);
    }

    void noSharedColumnIsAnError()
    {
        core::Table a;
        a.addColumn(numbers(QStringLiteral("x"), { 1 }));
        core::Table b;
        b.addColumn(numbers(QStringLiteral("y"), { 1 }));
        core::Schema schema;
        schema.columns = { meta(QStringLiteral("x"), core::SemanticType::Numerical),
                           meta(QStringLiteral("y"), core::SemanticType::Numerical) };
        core::SilentJob job;
        auto dcr = core::privacy::distanceToClosestRecord(a, b, schema, job);
        QVERIFY(!dcr.ok());
        QCOMPARE(dcr.error().code, core::Error::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestDcr)
#include "tst_dcr.moc"
