// SPDX-License-Identifier: MIT
#include "core/generators/transforms/bayesiangmm.h"
#include "core/generators/transforms/datatransformer.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <random>

using core::Column;
using core::ColumnMeta;
using core::ColumnStorage;
using core::Schema;
using core::SemanticType;
using core::Table;
using core::transforms::BayesianGmm;
using core::transforms::DataTransformer;

namespace {

ColumnMeta meta(const QString &name, SemanticType type, bool integer = false, int decimals = -1)
{
    ColumnMeta m;
    m.name = name;
    m.type = type;
    m.integer = integer;
    m.decimals = decimals;
    return m;
}

/// Keeps the messages a job reports.
class MessageJob final : public core::JobContext {
public:
    bool isCancelled() const override { return false; }
    void reportProgress(double, const QString &) override { }
    void reportMessage(const QString &message) override { messages.append(message); }
    QStringList messages;
};

// A mixed table whose every cell can be written back exactly.
std::pair<Table, Schema> mixedTable(int rows)
{
    std::mt19937_64 rng(11);
    std::normal_distribution<double> low(20.0, 2.0), high(60.0, 4.0);
    std::uniform_int_distribution<int> day(0, 999), cat(0, 2), coin(0, 1), pct(0, 99);
    Column bimodal(QStringLiteral("bimodal"), ColumnStorage::Number);
    bimodal.setDecimals(2);
    Column count(QStringLiteral("count"), ColumnStorage::Number);
    count.setInteger(true);
    Column ward(QStringLiteral("ward"), ColumnStorage::Category);
    ward.labels() = QStringList { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") };
    Column smoker(QStringLiteral("smoker"), ColumnStorage::Boolean);
    smoker.labels() = QStringList { QStringLiteral("no"), QStringLiteral("yes") };
    Column admitted(QStringLiteral("admitted"), ColumnStorage::DateTime);
    Column ldl(QStringLiteral("ldl"), ColumnStorage::Number);
    ldl.setDecimals(1);
    Column site(QStringLiteral("site_version"), ColumnStorage::Number);
    site.setInteger(true);
    for (int r = 0; r < rows; ++r) {
        const double v = coin(rng) ? low(rng) : high(rng);
        bimodal.appendNumber(std::round(v * 100.0) / 100.0);
        count.appendNumber(double(pct(rng) % 13));
        if (pct(rng) < 10)
            ward.appendMissing();
        else
            ward.appendCode(cat(rng));
        smoker.appendCode(coin(rng));
        admitted.appendNumber(1.6e9 - std::fmod(1.6e9, 86400.0) + 86400.0 * day(rng));
        if (pct(rng) < 25)
            ldl.appendMissing();
        else
            ldl.appendNumber(std::round((2.0 + 0.03 * pct(rng)) * 10.0) / 10.0);
        site.appendNumber(2.0);
    }
    Table table;
    Schema schema;
    for (Column *c : { &bimodal, &count, &ward, &smoker, &admitted, &ldl, &site })
        table.addColumn(std::move(*c));
    schema.columns = { meta(QStringLiteral("bimodal"), SemanticType::Numerical, false, 2),
                       meta(QStringLiteral("count"), SemanticType::Numerical, true),
                       meta(QStringLiteral("ward"), SemanticType::Categorical),
                       meta(QStringLiteral("smoker"), SemanticType::Boolean),
                       meta(QStringLiteral("admitted"), SemanticType::DateTime),
                       meta(QStringLiteral("ldl"), SemanticType::Numerical, false, 1),
                       meta(QStringLiteral("site_version"), SemanticType::Numerical, true) };
    return { std::move(table), schema };
}

} // namespace

class TestTransforms : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Known answer: 30 % of N(0, 1) and 70 % of N(10, 0.5), the generating parameters being the expected values.
    void gmmFindsTwoModes()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> a(0.0, 1.0), b(10.0, 0.5);
        std::bernoulli_distribution first(0.3);
        std::vector<double> values;
        for (int i = 0; i < 5000; ++i)
            values.push_back(first(rng) ? a(rng) : b(rng));
        BayesianGmm gmm;
        BayesianGmm::Options options;
        options.seed = 1;
        gmm.fit(values, options);
        QCOMPARE(gmm.componentCount(), 10);
        // Like scikit-learn's BayesianGaussianMixture on the same values (checked with sklearn 1.2.1, random_state
        // 0..4: 4-5 components above 0.005, each within 0.11 of 0 or 10), a mode may be covered by a few
        // components. Every kept component must sit on a true mode, and each mode's pooled weight, mean and
        // standard deviation must match the generating mixture.
        double weight[2] = { 0, 0 }, mean[2] = { 0, 0 }, second[2] = { 0, 0 };
        int lo = -1, hi = -1; // a kept component of each mode
        for (int c = 0; c < gmm.componentCount(); ++c) {
            const double w = gmm.weights()[size_t(c)], m = gmm.means()[size_t(c)], sd = gmm.stddevs()[size_t(c)];
            if (w <= 0.005)
                continue;
            const bool upper = m > 5.0;
            QVERIFY2(std::abs(m - (upper ? 10.0 : 0.0)) < 0.2, qPrintable(QString::number(m)));
            weight[upper] += w;
            mean[upper] += w * m;
            second[upper] += w * (sd * sd + m * m);
            (upper ? hi : lo) = c;
        }
        QVERIFY(lo >= 0 && hi >= 0);
        for (int k = 0; k < 2; ++k) {
            mean[k] /= weight[k];
            second[k] = std::sqrt(second[k] / weight[k] - mean[k] * mean[k]);
        }
        QVERIFY(std::abs(weight[0] - 0.3) < 0.03);
        QVERIFY(std::abs(weight[1] - 0.7) < 0.03);
        QVERIFY(std::abs(mean[0] - 0.0) < 0.1);
        QVERIFY(std::abs(mean[1] - 10.0) < 0.05);
        QVERIFY2(std::abs(second[0] - 1.0) < 0.1, qPrintable(QString::number(second[0])));
        QVERIFY2(std::abs(second[1] - 0.5) < 0.05, qPrintable(QString::number(second[1])));
        // A point in each mode belongs to that mode's components.
        std::vector<double> resp(size_t(gmm.componentCount()));
        for (double x : { 0.2, 9.8 }) {
            gmm.responsibilities(x, resp.data());
            double own = 0.0;
            for (int c = 0; c < gmm.componentCount(); ++c)
                if ((gmm.means()[size_t(c)] > 5.0) == (x > 5.0))
                    own += resp[size_t(c)];
            QVERIFY(own > 0.99);
        }
    }

    void gmmSingleValue()
    {
        BayesianGmm gmm;
        gmm.fit({ 4.0, 4.0, 4.0 }, {});
        QCOMPARE(gmm.componentCount(), 1);
        QCOMPARE(gmm.means()[0], 4.0);
    }

    void roundTripReturnsInput()
    {
        auto [table, schema] = mixedTable(400);
        DataTransformer transformer;
        core::SilentJob job;
        core::Diagnostics diagnostics;
        QVERIFY(transformer.fit(table, schema, {}, job, diagnostics).ok());
        // bimodal: 1 alpha + modes; count: 1 + modes; ward 3 + missing; smoker 2; admitted 1 + modes;
        // ldl 1 + modes + 2 missing flags; the constant site_version adds nothing.
        const auto encoded = transformer.transform(table, 5);
        QCOMPARE(qint64(encoded.size()), qint64(400) * transformer.outputDimension());
        for (float v : encoded)
            QVERIFY(v >= -1.0f && v <= 1.0f);
        const Table back = transformer.inverseTransform(encoded.data(), 400, nullptr, 9);
        QCOMPARE(back.columnCount(), table.columnCount());
        for (int c = 0; c < table.columnCount(); ++c) {
            const Column &in = table.column(c);
            const Column &out = back.column(c);
            QCOMPARE(out.name(), in.name());
            QCOMPARE(out.storage(), in.storage());
            for (qint64 r = 0; r < table.rowCount(); ++r)
                QVERIFY2(out.cellText(r) == in.cellText(r),
                         qPrintable(QStringLiteral("%1 row %2: %3 != %4").arg(in.name()).arg(r).arg(out.cellText(r), in.cellText(r))));
        }
    }

    void saveLoadKeepsTheEncoding()
    {
        auto [table, schema] = mixedTable(200);
        DataTransformer transformer;
        core::SilentJob job;
        core::Diagnostics diagnostics;
        QVERIFY(transformer.fit(table, schema, {}, job, diagnostics).ok());
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            transformer.save(out);
        }
        DataTransformer loaded;
        QDataStream in(bytes);
        QVERIFY(loaded.load(in).ok());
        QCOMPARE(loaded.outputDimension(), transformer.outputDimension());
        QCOMPARE(loaded.transform(table, 3), transformer.transform(table, 3));
    }

    void highCardinalityIsBounded()
    {
        Column code(QStringLiteral("diag"), ColumnStorage::Category);
        for (int i = 0; i < 300; ++i)
            code.labels().append(QStringLiteral("D%1").arg(i));
        for (int r = 0; r < 3000; ++r) // 150 frequent codes, 20 rows each
            code.appendCode(r % 150);
        for (int i = 150; i < 300; ++i) // 150 rare codes, one row each
            code.appendCode(i);
        Table table;
        table.addColumn(std::move(code));
        Schema schema;
        schema.columns = { meta(QStringLiteral("diag"), SemanticType::Categorical) };
        DataTransformer transformer;
        core::SilentJob job;
        core::Diagnostics diagnostics;
        QVERIFY(transformer.fit(table, schema, {}, job, diagnostics).ok());
        QCOMPARE(transformer.outputDimension(), core::transforms::kMaxCategories);
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.front().kind, QStringLiteral("high_cardinality"));
        QVERIFY(diagnostics.front().message.contains(QStringLiteral("diag")));
        const auto encoded = transformer.transform(table, 1);
        const Table back = transformer.inverseTransform(encoded.data(), table.rowCount(), nullptr, 2);
        for (qint64 r = 0; r < back.rowCount(); ++r)
            QVERIFY(back.column(0).codes()[size_t(r)] >= 0 && back.column(0).codes()[size_t(r)] < 300);
    }

    // K by hand: the largest K in [10, 100] with sum(min(count, K)) <= 2000.
    void categoryLimitKeepsTheTableWithinItsWidth_data()
    {
        QTest::addColumn<std::vector<qint64>>("counts");
        QTest::addColumn<int>("limit");
        QTest::newRow("few small columns") << std::vector<qint64> { 3, 2, 50 } << 100;
        QTest::newRow("one huge column") << std::vector<qint64> { 5000 } << 100;
        QTest::newRow("30 x 150") << std::vector<qint64>(30, 150) << 66;              // 30 * 66 = 1980
        QTest::newRow("100 x 5000") << std::vector<qint64>(100, 5000) << 20;          // 100 * 20 = 2000
        std::vector<qint64> mixed(10, 5);
        mixed.insert(mixed.end(), 50, 1000);
        QTest::newRow("10 x 5 and 50 x 1000") << mixed << 39;                         // 50 + 50 * 39 = 2000
        QTest::newRow("1000 x 5000, never below 10") << std::vector<qint64>(1000, 5000) << 10;
    }

    void categoryLimitKeepsTheTableWithinItsWidth()
    {
        QFETCH(std::vector<qint64>, counts);
        QFETCH(int, limit);
        QCOMPARE(DataTransformer::categoryLimit(counts, {}), limit);
    }

    // 100 columns of 5,000 categories would be a one-hot of 500,000 positions; bounded, each keeps
    // K = 20 positions (19 categories and "other"), 2,000 in all, and one message says so.
    void wideHighCardinalityTableIsBounded()
    {
        constexpr int kColumns = 100, kCategories = 5000, kRows = 6000;
        Table table;
        Schema schema;
        for (int c = 0; c < kColumns; ++c) {
            Column column(QStringLiteral("code%1").arg(c), ColumnStorage::Category);
            for (int i = 0; i < kCategories; ++i)
                column.labels().append(QStringLiteral("C%1").arg(i));
            for (int r = 0; r < kRows; ++r) // every category once, then the first 19 again, often
                column.appendCode(r < kCategories ? (r * 7 + c) % kCategories : r % 19);
            schema.columns.append(meta(column.name(), SemanticType::Categorical));
            table.addColumn(std::move(column));
        }
        DataTransformer transformer;
        MessageJob job;
        core::Diagnostics diagnostics;
        QVERIFY(transformer.fit(table, schema, {}, job, diagnostics).ok());
        QCOMPARE(transformer.outputDimension(), kColumns * 20);
        QCOMPARE(diagnostics.size(), kColumns);
        QCOMPARE(diagnostics.front().kind, QStringLiteral("high_cardinality"));
        QCOMPARE(job.messages.size(), 1);
        QVERIFY2(job.messages.front().contains(QStringLiteral("100 column")), qPrintable(job.messages.front()));
        QVERIFY2(job.messages.front().contains(QStringLiteral("19 most frequent")), qPrintable(job.messages.front()));
        const std::vector<float> encoded = transformer.transform(table, 1);
        const Table back = transformer.inverseTransform(encoded.data(), table.rowCount(), nullptr, 2);
        // The 19 frequent categories keep their own positions: they come back as themselves.
        for (qint64 r = kCategories; r < kRows; ++r)
            QCOMPARE(back.column(3).codes()[size_t(r)], table.column(3).codes()[size_t(r)]);
        for (qint64 r = 0; r < back.rowCount(); ++r)
            QVERIFY(back.column(0).codes()[size_t(r)] >= 0 && back.column(0).codes()[size_t(r)] < kCategories);
    }

    void infinityBecomesMissingWithWarning()
    {
        Column ratio(QStringLiteral("ratio"), ColumnStorage::Number);
        ratio.setDecimals(1);
        for (double v : { 1.0, 2.0, std::numeric_limits<double>::infinity(), 3.0, -std::numeric_limits<double>::infinity() })
            ratio.appendNumber(v);
        Table table;
        table.addColumn(std::move(ratio));
        Schema schema;
        schema.columns = { meta(QStringLiteral("ratio"), SemanticType::Numerical) };
        DataTransformer transformer;
        core::SilentJob job;
        core::Diagnostics diagnostics;
        QVERIFY(transformer.fit(table, schema, {}, job, diagnostics).ok());
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.front().column, QStringLiteral("ratio"));
        const auto encoded = transformer.transform(table, 1);
        const Table back = transformer.inverseTransform(encoded.data(), 5, nullptr, 2);
        QVERIFY(back.column(0).isMissing(2));
        QVERIFY(back.column(0).isMissing(4));
        QCOMPARE(back.column(0).numbers()[3], 3.0);
    }
};

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
