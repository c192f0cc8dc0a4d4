// SPDX-License-Identifier: MIT
// Single-column metrics against the worked values of ../shared/specs/metrics.md section 8 and
// the metric cases 022, 023, 024, 026 (values read from the case files).
#include "core/evaluation/quality/columnvalues.h"
#include "core/evaluation/quality/singlecolumnmetrics.h"
#include "testpaths.h"
#include "tst_quality_tables.h"

#include <QTest>

using namespace core;
using namespace core::metrics;
using namespace qualitytest;

class TestSingleColumnMetrics : public QObject {
    Q_OBJECT

private:
    static DiscretePair codes(const QStringList &real, const QStringList &synthetic)
    {
        return encodeDiscretePair(
            categories(QStringLiteral("c"), real), categories(QStringLiteral("c"), synthetic));
    }
    static DiscretePair codes(
        std::initializer_list<const char *> real, std::initializer_list<const char *> synthetic)
    {
        return codes(strings(real), strings(synthetic));
    }

private Q_SLOTS:
    void tvComplementWorkedValue1()
    {
        // Spec #1: R = a,b,c,a,a,b ; S = a,b,c,a,b,c -> 0.8333333333333333
        const DiscretePair p = codes({ "a", "b", "c", "a", "a", "b" }, { "a", "b", "c", "a", "b", "c" });
        QVERIFY(qAbs(tvComplement(p.real, p.synthetic).score - 0.8333333333333333) < 1e-12);
    }

    void tvComplementUnseenSyntheticCategory()
    {
        // By hand: real counts a 2, b 1, c 1e-6 (c only synthetic); synthetic a 1, c 1.
        const DiscretePair p = codes({ "a", "a", "b" }, { "a", "c" });
        const double total = 3.000001;
        const double expected
            = 1.0 - 0.5 * (std::fabs(0.5 - 2.0 / total) + 1.0 / total + std::fabs(0.5 - 1e-6 / total));
        QVERIFY(qAbs(tvComplement(p.real, p.synthetic).score - expected) < 1e-12);
    }

    void tvComplementDropsMissing()
    {
        // NaN dropped from both: R {a, b} vs S {a, a} -> 1 - 0.5 (0.5 + 0.5) = 0.5
        const DiscretePair p = codes({ "a", "", "b" }, { "a", "a", "" });
        QCOMPARE(tvComplement(p.real, p.synthetic).score, 0.5);
    }

    void case023SyntheticAllMissing()
    {
        const CaseCells cells
            = readCase(testsupport::caseFile(QStringLiteral("023_tv_synthetic_all_missing.csv")));
        QVERIFY(cells.ok);
        QCOMPARE(cells.real.size(), 8);
        const DiscretePair p = codes(cells.real, cells.synthetic);
        const MetricResult r = tvComplement(p.real, p.synthetic);
        QCOMPARE(r.score, 0.0);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.note, QStringLiteral("synthetic missing rate 1.00 vs real 0.25"));
    }

    void case024BothAllMissing()
    {
        const CaseCells cells
            = readCase(testsupport::caseFile(QStringLiteral("024_tv_both_all_missing.csv")));
        QVERIFY(cells.ok);
        QCOMPARE(cells.real.size(), 5);
        QCOMPARE(cells.synthetic.size(), 5);
        const DiscretePair p = codes(cells.real, cells.synthetic);
        const MetricResult r = tvComplement(p.real, p.synthetic);
        QVERIFY(std::isnan(r.score));
        QCOMPARE(r.error, QStringLiteral("no non-missing values in real or synthetic"));
    }

    void case022KsFloatRounding()
    {
        const CaseCells cells = readCase(testsupport::caseFile(QStringLiteral("022_ks_float_rounding.csv")));
        QVERIFY(cells.ok);
        const std::vector<double> real = toNumbers(cells.real);
        const std::vector<double> synthetic = toNumbers(cells.synthetic);
        QVERIFY(real[0] != synthetic[0]); // the file really holds 0.1 vs 0.3 - 0.2
        QCOMPARE(synthetic[0], 0.3 - 0.2);
        QCOMPARE(ksComplement(real, synthetic).score, 1.0);
        // Exact comparison is what case 022 warns against: 0.0.
        QCOMPARE(ksComplement(real, synthetic, false).score, 0.0);
    }

    void roundFloatNoiseKeepsRealDifferences()
    {
        QCOMPARE(roundFloatNoise(291500.00000000006), 291500.0);
        QCOMPARE(roundFloatNoise(1000.1 * 3.0), roundFloatNoise(3000.3));
        QVERIFY(roundFloatNoise(1.0000001) != roundFloatNoise(1.0000002));
        QVERIFY(roundFloatNoise(1e9 + 0.001) != roundFloatNoise(1e9 + 0.002));
        QCOMPARE(roundFloatNoise(-2.5e-7), -2.5e-7);
    }

    void ksComplementByHand()
    {
        // ECDFs of {1,2,3,4} and {3,4,5,6}: largest gap 0.5 at x in [2, 3).
        QCOMPARE(
            ksComplement(std::vector<double> { 1, 2, 3, 4 }, std::vector<double> { 3, 4, 5, 6 }).score, 0.5);
        // NaN dropped: {1,2} vs {1,2} -> identical.
        QCOMPARE(
            ksComplement(std::vector<double> { 1, kNaN, 2 }, std::vector<double> { kNaN, 2, 1 }).score, 1.0);
        // Ties: {1,1,2} vs {1,2,2}: F at 1 is 2/3 vs 1/3 -> D = 1/3.
        QVERIFY(qAbs(ksComplement(std::vector<double> { 1, 1, 2 }, std::vector<double> { 1, 2, 2 }).score
                    - 2.0 / 3.0)
            < 1e-12);
        // The finite extreme of case 014 stays finite and distinct from +inf.
        QCOMPARE(ksComplement(std::vector<double> { 1e308, 1 }, std::vector<double> { 1, 1e308 }).score, 1.0);
        QCOMPARE(ksComplement(std::vector<double> { 1e308, 1 },
                     std::vector<double> { 1, std::numeric_limits<double>::infinity() })
                     .score,
            0.5);
        // Real empty -> NaN with a reason.
        const MetricResult empty = ksComplement(std::vector<double> { kNaN }, std::vector<double> { 1.0 });
        QVERIFY(std::isnan(empty.score));
        QVERIFY(!empty.error.isEmpty());
    }

    void boundaryAdherenceWorkedValue10()
    {
        // Spec #10: R [1.0,2.4,2.6,0.8]; S [0.9,1.8,2.1,5.0] -> 0.75
        QCOMPARE(boundaryAdherence(
                     std::vector<double> { 1.0, 2.4, 2.6, 0.8 }, std::vector<double> { 0.9, 1.8, 2.1, 5.0 })
                     .score,
            0.75);
    }

    void case026BoundaryAdherenceNaN()
    {
        const CaseCells cells
            = readCase(testsupport::caseFile(QStringLiteral("026_boundary_adherence_nan.csv")));
        QVERIFY(cells.ok);
        const MetricResult r = boundaryAdherence(toNumbers(cells.real), toNumbers(cells.synthetic));
        QVERIFY(qAbs(r.score - 0.666667) < 1e-6); // 4 of 6: the empty cell is out of bounds
        QCOMPARE(r.score, 4.0 / 6.0);
        // With a missing value in the real column, synthetic NaN is ignored instead: 4 of 5.
        std::vector<double> real = toNumbers(cells.real);
        real.push_back(kNaN);
        QCOMPARE(boundaryAdherence(real, toNumbers(cells.synthetic)).score, 0.8);
    }

    void categoryAdherenceWorkedValue11()
    {
        // Spec #11: R [A,B,C,B,A]; S [A,B,C,D,E] -> 0.6
        const DiscretePair p = codes({ "A", "B", "C", "B", "A" }, { "A", "B", "C", "D", "E" });
        QCOMPARE(categoryAdherence(p.real, p.synthetic).score, 0.6);
        // NaN in synthetic is valid only when real has NaN.
        const DiscretePair q = codes({ "A", "B" }, { "A", "" });
        QCOMPARE(categoryAdherence(q.real, q.synthetic).score, 0.5);
        const DiscretePair r = codes({ "A", "" }, { "A", "" });
        QCOMPARE(categoryAdherence(r.real, r.synthetic).score, 1.0);
    }

    void keyUniquenessByHand()
    {
        // [a, b, a, NaN, c]: the second a and the NaN are bad -> 1 - 2/5
        const std::vector<std::int32_t> keys
            = encodeDiscrete(categories(QStringLiteral("id"), { "a", "b", "a", "", "c" }));
        QCOMPARE(keyUniqueness(keys).score, 0.6);
        const std::vector<std::int32_t> numbersKeys
            = encodeDiscrete(numbers(QStringLiteral("id"), { 1, 2, 3, 4 }, true));
        QCOMPARE(keyUniqueness(numbersKeys).score, 1.0);
        // Text identifiers compare as text: "000101" and "101" are different keys.
        Column text(QStringLiteral("id"), ColumnStorage::Text);
        for (const char *v : { "000101", "101", "S-1", "S-1" })
            text.appendText(QString::fromLatin1(v));
        QCOMPARE(keyUniqueness(encodeDiscrete(text)).score, 0.75);
    }

    void rangeCoverageWorkedValue12()
    {
        // Spec #12: R [1,2,3,4,5]; S [2,3,1,2,3] -> 0.5
        QCOMPARE(
            rangeCoverage(std::vector<double> { 1, 2, 3, 4, 5 }, std::vector<double> { 2, 3, 1, 2, 3 }).score,
            0.5);
        QVERIFY(std::isnan(rangeCoverage(std::vector<double> { 2, 2 }, std::vector<double> { 1, 3 }).score));
    }

    void categoryCoverageWorkedValue13()
    {
        // Spec #13: R [a,b,a,b,c]; S [a,a,a,b,b] -> 2/3
        const DiscretePair p = codes({ "a", "b", "a", "b", "c" }, { "a", "a", "a", "b", "b" });
        QVERIFY(qAbs(categoryCoverage(p.real, p.synthetic).score - 2.0 / 3.0) < 1e-12);
    }

    void missingValueSimilarityWorkedValue14()
    {
        // Spec #14: R [1.0,NaN,2.6,0.8]; S [0.9,1.8,None,None] -> 0.75
        const MetricResult r = missingValueSimilarity(numbers(QStringLiteral("x"), { 1.0, kNaN, 2.6, 0.8 }),
            numbers(QStringLiteral("x"), { 0.9, 1.8, kNaN, kNaN }));
        QCOMPARE(r.score, 0.75);
    }

    void statisticSimilarityWorkedValue15()
    {
        // Spec #15: R [1.0,2.4,2.6,0.8]; S [0.9,1.8,3.1,5.0], mean -> 1 - (2.7 - 1.7) / 1.8
        const std::vector<double> real { 1.0, 2.4, 2.6, 0.8 };
        const std::vector<double> synthetic { 0.9, 1.8, 3.1, 5.0 };
        QVERIFY(qAbs(statisticSimilarity(real, synthetic, Statistic::Mean).score - (1.0 - 1.0 / 1.8)) < 1e-6);
        // Median by hand: real 1.7, synthetic 2.45 -> 1 - 0.75 / 1.8.
        QVERIFY(
            qAbs(statisticSimilarity(real, synthetic, Statistic::Median).score - (1.0 - 0.75 / 1.8)) < 1e-12);
        // Std with ddof 1 (pandas): computed by hand from the sums of squares.
        auto sd = [](const std::vector<double> &v) {
            const double m = (v[0] + v[1] + v[2] + v[3]) / 4.0;
            double s = 0;
            for (double x : v)
                s += (x - m) * (x - m);
            return std::sqrt(s / 3.0);
        };
        QVERIFY(qAbs(statisticSimilarity(real, synthetic, Statistic::StandardDeviation).score
                    - std::max(0.0, 1.0 - std::fabs(sd(real) - sd(synthetic)) / 1.8))
            < 1e-12);
        QVERIFY(
            std::isnan(statisticSimilarity(std::vector<double> { 3, 3 }, synthetic, Statistic::Mean).score));
    }

    void discreteEncodingAcrossStorages()
    {
        // Numeric codes against the same codes read as labels meet on value.
        const DiscretePair p = encodeDiscretePair(numbers(QStringLiteral("c"), { 1, 2, 2, kNaN }),
            categories(QStringLiteral("c"), { "2", "1.0", "", "3" }));
        QCOMPARE(p.real[0], p.synthetic[1]);
        QCOMPARE(p.real[1], p.synthetic[0]);
        QCOMPARE(p.real[3], -1);
        QCOMPARE(p.synthetic[2], -1);
        QCOMPARE(p.categoryCount, 3);
        // Two category columns with differently ordered dictionaries.
        const DiscretePair q = codes({ "x", "y" }, { "y", "x" });
        QCOMPARE(q.real[0], q.synthetic[1]);
        QCOMPARE(q.real[1], q.synthetic[0]);
    }
};

QTEST_GUILESS_MAIN(TestSingleColumnMetrics)
#include "tst_singlecolumnmetrics.moc"
