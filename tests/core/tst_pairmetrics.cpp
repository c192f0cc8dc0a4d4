// SPDX-License-Identifier: MIT
// Column-pair metrics against ../shared/specs/metrics.md section 8 (#2, #3, #4) and values
// computed once with scipy 1.10 / numpy 1.24 (Debian 12), as noted at each.
#include "core/evaluation/quality/columnvalues.h"
#include "core/evaluation/quality/pairmetrics.h"
#include "tst_quality_tables.h"

#include <QTest>

using namespace core;
using namespace core::metrics;
using namespace qualitytest;

class TestPairMetrics : public QObject {
    Q_OBJECT

private:
    static DiscretePair numberCodes(const std::vector<double> &real, const std::vector<double> &synthetic)
    {
        return encodeDiscretePair(
            numbers(QStringLiteral("c"), real), numbers(QStringLiteral("c"), synthetic));
    }

private Q_SLOTS:
    void contingencyWorkedValue2()
    {
        // Spec #2: every cell differs except (1.0, 1) -> 0.25
        const DiscretePair a = numberCodes({ 1.0, 2.4, 2.6, 0.8 }, { 1.0, 1.8, 2.6, 1.0 });
        const DiscretePair b = numberCodes({ 1, 2, 3, 5 }, { 2, 3, 4, 1 });
        QCOMPARE(contingencySimilarity(a.real, b.real, a.synthetic, b.synthetic).score, 0.25);
    }

    void contingencyWorkedValue3()
    {
        // Spec #3: col2 continuous, 4 bins on real [1,2,3,4], outer edges +-inf -> 0.25
        const DiscretePair a = numberCodes({ 1.0, 2.4, 2.6, 0.8 }, { 1.0, 1.8, 2.6, 1.0 });
        const auto [realBins, synthBins]
            = discretizeColumn(std::vector<double> { 1, 2, 3, 4 }, std::vector<double> { 2, 3, 7, -10 }, 4);
        QCOMPARE(realBins, (std::vector<std::int32_t> { 1, 2, 3, 4 }));
        QCOMPARE(
            synthBins, (std::vector<std::int32_t> { 2, 3, 4, 1 })); // -10 and 7 land in the open outer bins
        QCOMPARE(contingencySimilarity(a.real, realBins, a.synthetic, synthBins).score, 0.25);
    }

    void contingencyMissingIsACategory()
    {
        // By hand: R cells (x,1) 0.5, (NaN,1) 0.5; S (x,1) 1.0 -> 1 - 0.5 (0.5 + 0.5) = 0.5
        const DiscretePair a = encodeDiscretePair(
            categories(QStringLiteral("a"), { "x", "" }), categories(QStringLiteral("a"), { "x", "x" }));
        const DiscretePair b = numberCodes({ 1, 1 }, { 1, 1 });
        QCOMPARE(contingencySimilarity(a.real, b.real, a.synthetic, b.synthetic).score, 0.5);
    }

    void contingencyLargeTablesUseTheSortedPath()
    {
        // 3000 distinct codes per column (9M cells > dense limit): identical tables score 1,
        // a table against its reverse pairing shares no cell -> 0.
        std::vector<std::int32_t> a(3000);
        std::vector<std::int32_t> reversed(3000);
        for (int i = 0; i < 3000; ++i) {
            a[size_t(i)] = i;
            reversed[size_t(i)] = 2999 - i;
        }
        QCOMPARE(contingencySimilarity(a, a, a, a).score, 1.0);
        QCOMPARE(contingencySimilarity(a, a, a, reversed).score, 0.0);
        // Cramér's V of a perfect 3000-level association is 1.
        QVERIFY(qAbs(cramersV(a, a) - 1.0) < 1e-9);
    }

    void contingencySubsampleIsOptInAndSeeded()
    {
        std::vector<std::int32_t> a;
        std::vector<std::int32_t> b;
        std::vector<std::int32_t> c;
        for (int i = 0; i < 1000; ++i) {
            a.push_back(i % 3);
            b.push_back(i % 7);
            c.push_back((i / 3) % 7);
        }
        const double full = contingencySimilarity(a, b, a, c).score;
        ContingencyOptions options;
        options.subsampleRows = 2000; // more than the rows: all rows
        QCOMPARE(contingencySimilarity(a, b, a, c, options).score, full);
        options.subsampleRows = 200;
        options.seed = 5;
        const double first = contingencySimilarity(a, b, a, c, options).score;
        QCOMPARE(contingencySimilarity(a, b, a, c, options).score, first);
        QVERIFY(first != full);
    }

    void contingencyAssociationThreshold()
    {
        // Independent 2x2 real table (V = 0): any positive threshold gives NaN with a reason.
        const std::vector<std::int32_t> a { 0, 0, 1, 1 };
        const std::vector<std::int32_t> b { 0, 1, 0, 1 };
        ContingencyOptions options;
        options.realAssociationThreshold = 0.3;
        const ContingencyResult r = contingencySimilarity(a, b, a, b, options);
        QVERIFY(std::isnan(r.score));
        QCOMPARE(r.realAssociation, 0.0);
        QVERIFY(!r.error.isEmpty());
        options.realAssociationThreshold = 0.0;
        QCOMPARE(contingencySimilarity(a, b, a, b, options).score, 1.0);
    }

    void cramersVAgainstScipy()
    {
        // scipy.stats.contingency.association([[10,20],[30,40]], method='cramer') = 0.0890870806374748
        std::vector<std::int32_t> a;
        std::vector<std::int32_t> b;
        auto add = [&](int x, int y, int count) {
            for (int i = 0; i < count; ++i) {
                a.push_back(x);
                b.push_back(y);
            }
        };
        add(0, 0, 10);
        add(0, 1, 20);
        add(1, 0, 30);
        add(1, 1, 40);
        QVERIFY(qAbs(cramersV(a, b) - 0.0890870806374748) < 1e-12);
        // association([[5,0,3],[1,4,2]]) = 0.674801558131828 (zero cell included)
        a.clear();
        b.clear();
        add(0, 0, 5);
        add(0, 2, 3);
        add(1, 0, 1);
        add(1, 1, 4);
        add(1, 2, 2);
        QVERIFY(qAbs(cramersV(a, b) - 0.674801558131828) < 1e-12);
        // A single category: undefined.
        QVERIFY(std::isnan(cramersV(std::vector<std::int32_t> { 0, 0 }, std::vector<std::int32_t> { 0, 1 })));
    }

    void correlationWorkedValue4_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<double>("expected");
        QTest::newRow("threshold 0") << 0.0 << 0.9008941765855183;
        QTest::newRow("threshold 0.35") << 0.35 << 0.9008941765855183;
        QTest::newRow("threshold 0.498212") << 0.498212 << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("threshold 0.75") << 0.75 << std::numeric_limits<double>::quiet_NaN();
    }

    void correlationWorkedValue4()
    {
        QFETCH(double, threshold);
        QFETCH(double, expected);
        const std::vector<double> x { 1, 2, 3, 4 };
        const CorrelationResult r
            = correlationSimilarity(x, std::vector<double> { 0.2, -1.0895, -0.6425, 1.5365 }, x,
                std::vector<double> { 0.616536, -1.216536, -0.916536, 1.516536 },
                CorrelationCoefficient::Pearson, threshold);
        // scipy.stats.pearsonr: r_real 0.4982117621135099, r_synthetic 0.3000001152845465
        QVERIFY(qAbs(r.realCorrelation - 0.4982117621135099) < 1e-12);
        QVERIFY(qAbs(r.syntheticCorrelation - 0.3000001152845465) < 1e-12);
        if (std::isnan(expected))
            QVERIFY(std::isnan(r.score));
        else
            QVERIFY(qAbs(r.score - expected) < 1e-12);
    }

    void correlationConstantAndMissing()
    {
        const std::vector<double> x { 1, 2, 3, 4 };
        const std::vector<double> constant { 5, 5, kNaN, 5 };
        const CorrelationResult r = correlationSimilarity(x, constant, x, x, CorrelationCoefficient::Pearson,
            0.0, QStringLiteral("a"), QStringLiteral("site"));
        QVERIFY(std::isnan(r.score));
        QVERIFY(r.error.contains(QStringLiteral("'site'")));
        QVERIFY(r.error.contains(QStringLiteral("real")));
        // Rows with NaN dropped per table: real pairs (1,2),(3,6),(4,8) r = 1; synthetic exact -1.
        const CorrelationResult d = correlationSimilarity(x, std::vector<double> { 2, kNaN, 6, 8 },
            std::vector<double> { 1, 2, kNaN, 4 }, std::vector<double> { 4, 2, 9, -2 });
        QVERIFY(qAbs(d.realCorrelation - 1.0) < 1e-12);
        QVERIFY(qAbs(d.syntheticCorrelation + 1.0) < 1e-12);
        QVERIFY(qAbs(d.score) < 1e-12);
    }

    void spearmanAgainstScipy()
    {
        // scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]) = 0.8207826816681233
        QVERIFY(qAbs(spearman(std::vector<double> { 1, 2, 3, 4, 5 }, std::vector<double> { 5, 6, 7, 8, 7 })
                    - 0.8207826816681233)
            < 1e-12);
    }

    void histogramEdgesAndDigitizeMatchNumpy()
    {
        // numpy.histogram_bin_edges([0.3, 1.7, 0.9]) and numpy.digitize([0.3,1.7,0.9,nan,0.44], edges)
        const std::vector<double> edges = histogramBinEdges(std::vector<double> { 0.3, 1.7, 0.9 });
        QCOMPARE(edges.size(), size_t(11));
        QCOMPARE(edges[1], 0.43999999999999995);
        QCOMPARE(edges[4], 0.8599999999999999);
        QCOMPARE(edges[10], 1.7);
        QCOMPARE(digitizeOwnEdges(std::vector<double> { 0.3, 1.7, 0.9, kNaN, 0.44 }),
            (std::vector<std::int32_t> { 1, 11, 5, 11, 2 }));
        // Constant input: edges from min - 0.5 to max + 0.5.
        const std::vector<double> flat = histogramBinEdges(std::vector<double> { 2, 2 });
        QCOMPARE(flat.front(), 1.5);
        QCOMPARE(flat.back(), 2.5);
    }
};

QTEST_GUILESS_MAIN(TestPairMetrics)
#include "tst_pairmetrics.moc"
