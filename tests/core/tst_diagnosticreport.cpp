// SPDX-License-Identifier: MIT
// The Diagnostic Report (../shared/specs/metrics.md section 4): validity, structure, and
// NewRowSynthesis checked by hand and against a brute-force search written here.
#include "core/evaluation/quality/diagnosticreport.h"
#include "tst_quality_tables.h"

#include <QTest>
#include <random>

using namespace core;
using namespace qualitytest;

namespace {

// The definition, row by row: O(real x synthetic).
qint64 bruteForceNewRows(const Table &real, const Table &synthetic, const Schema &s, double tolerance)
{
    qint64 fresh = 0;
    for (qint64 i = 0; i < synthetic.rowCount(); ++i) {
        bool matched = false;
        for (qint64 r = 0; r < real.rowCount() && !matched; ++r) {
            bool all = true;
            for (const ColumnMeta &meta : s.columns) {
                const Column &sc = synthetic.column(synthetic.indexOf(meta.name));
                const Column &rc = real.column(real.indexOf(meta.name));
                if (sc.isMissing(i)) {
                    all = rc.isMissing(r);
                } else if (meta.type == SemanticType::Numerical) {
                    const double sv = sc.numbers()[size_t(i)];
                    all = !rc.isMissing(r)
                        && std::fabs(rc.numbers()[size_t(r)] - sv) <= std::fabs(tolerance * sv);
                } else {
                    all = !rc.isMissing(r)
                        && rc.labels()[rc.codes()[size_t(r)]] == sc.labels()[sc.codes()[size_t(i)]];
                }
                if (!all)
                    break;
            }
            matched = all;
        }
        if (!matched)
            ++fresh;
    }
    return fresh;
}

} // namespace

class TestDiagnosticReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validityAndStructure()
    {
        const Table real = table({ numbers(QStringLiteral("key"), { 1, 2, 3, 4 }, true),
            numbers(QStringLiteral("hba1c"), { 5.2, 6.8, 7.4, 8.1 }),
            categories(QStringLiteral("unit"), { "ICU", "ward", "ICU", "ward" }),
            categories(QStringLiteral("note"), { "x", "y", "z", "w" }) });
        const Table synthetic = table({ numbers(QStringLiteral("key"), { 5, 6, 6, kNaN }, true),
            numbers(QStringLiteral("hba1c"), { 5.5, 9.0, 6.0, 8.1 }),
            categories(QStringLiteral("unit"), { "ICU", "ER", "ward", "ward" }),
            numbers(QStringLiteral("extra"), { 1, 2, 3, 4 }) });
        const Schema s = schema({ { QStringLiteral("key"), SemanticType::Id },
            { QStringLiteral("hba1c"), SemanticType::Numerical },
            { QStringLiteral("unit"), SemanticType::Categorical },
            { QStringLiteral("note"), SemanticType::Text } });
        const DiagnosticReport report = computeDiagnosticReport(real, synthetic, s);
        QCOMPARE(report.columns.size(), 3);
        QCOMPARE(report.columns[0].metric, QStringLiteral("KeyUniqueness"));
        QCOMPARE(report.columns[0].score, 0.5); // 6 repeated, NaN
        QCOMPARE(report.columns[1].metric, QStringLiteral("BoundaryAdherence"));
        QCOMPARE(report.columns[1].score, 0.75); // 9.0 outside [5.2, 8.1]
        QCOMPARE(report.columns[2].metric, QStringLiteral("CategoryAdherence"));
        QCOMPARE(report.columns[2].score, 0.75); // "ER" unseen
        QVERIFY(qAbs(report.dataValidity - 2.0 / 3.0) < 1e-12);
        // Structure: real {key:integer, hba1c:number, unit:category, note:category},
        // synthetic {key:integer, hba1c:number, unit:category, extra:number}: 3 shared of 5.
        QCOMPARE(report.dataStructure, 0.6);
        QCOMPARE(report.missingColumns, QStringList { QStringLiteral("note") });
        QCOMPARE(report.extraColumns, QStringList { QStringLiteral("extra") });
        QVERIFY(qAbs(report.overall - (2.0 / 3.0 + 0.6) / 2.0) < 1e-12);
    }

    void newRowSynthesisByHand()
    {
        const Table real = table({ numbers(QStringLiteral("x"), { 100.0, 50.0, kNaN }),
            categories(QStringLiteral("c"), { "a", "b", "a" }) });
        // row 0: 100.9 within 1 % of itself (|100 - 100.9| = 0.9 <= 1.009) -> copy
        // row 1: 101.5 too far (1.5 > 1.015) -> new
        // row 2: 50 with c = a: no real row has (50, a) -> new
        // row 3: NaN with a: matches real row 2 -> copy
        // row 4: NaN with b: real NaN only with a -> new
        // row 5: 0.0 with a: tolerance 0 -> new
        const Table synthetic = table({ numbers(QStringLiteral("x"), { 100.9, 101.5, 50.0, kNaN, kNaN, 0.0 }),
            categories(QStringLiteral("c"), { "a", "a", "a", "a", "b", "a" }) });
        const Schema s = schema({ { QStringLiteral("x"), SemanticType::Numerical },
            { QStringLiteral("c"), SemanticType::Categorical } });
        SilentJob job;
        const Result<NewRowSynthesisResult> r = newRowSynthesis(real, synthetic, s, {}, job);
        QVERIFY(r.ok());
        QCOMPARE(r.value().matchedRows, qint64(2));
        QCOMPARE(r.value().newRows, qint64(4));
        QCOMPARE(r.value().score, 4.0 / 6.0);
    }

    void newRowSynthesisAgainstBruteForce()
    {
        // Few distinct values so that many synthetic rows copy or nearly copy real ones.
        std::mt19937 rng(11);
        auto makeTable = [&rng](int rows, bool jitter) {
            std::vector<double> a;
            std::vector<double> b;
            QStringList c;
            QStringList d;
            for (int i = 0; i < rows; ++i) {
                const double scale = jitter ? 1.0 + 0.004 * double(int(rng() % 5) - 2) : 1.0;
                a.push_back(rng() % 9 == 0 ? kNaN : double(rng() % 6) * 10.0 * scale);
                b.push_back(double(rng() % 4) * 0.5 * scale);
                c.append(QString::number(rng() % 3));
                d.append(rng() % 7 == 0 ? QString() : QString::number(rng() % 2));
            }
            return table({ numbers(QStringLiteral("a"), a), numbers(QStringLiteral("b"), b),
                categories(QStringLiteral("c"), c), categories(QStringLiteral("d"), d) });
        };
        const Table real = makeTable(400, false);
        const Table synthetic = makeTable(300, true);
        const Schema s = schema({ { QStringLiteral("a"), SemanticType::Numerical },
            { QStringLiteral("b"), SemanticType::Numerical },
            { QStringLiteral("c"), SemanticType::Categorical },
            { QStringLiteral("d"), SemanticType::Categorical } });
        SilentJob job;
        const Result<NewRowSynthesisResult> fast = newRowSynthesis(real, synthetic, s, {}, job);
        QVERIFY(fast.ok());
        const qint64 expected = bruteForceNewRows(real, synthetic, s, 0.01);
        QVERIFY(expected > 0 && expected < 300); // both outcomes occur
        QCOMPARE(fast.value().newRows, expected);
        // A tighter tolerance turns the jittered copies into new rows, equally in both.
        DiagnosticOptions tight;
        tight.numericalMatchTolerance = 0.001;
        QCOMPARE(newRowSynthesis(real, synthetic, s, tight, job).value().newRows,
            bruteForceNewRows(real, synthetic, s, 0.001));
        // Sampling scores only that many rows.
        DiagnosticOptions sample;
        sample.syntheticSampleSize = 50;
        const NewRowSynthesisResult sampled = newRowSynthesis(real, synthetic, s, sample, job).value();
        QCOMPARE(sampled.newRows + sampled.matchedRows, qint64(50));
    }

    void identicalTablesAreAllCopies()
    {
        const Table real = table({ numbers(QStringLiteral("x"), { 1, 2, 3 }),
            booleans(QStringLiteral("b"), strings({ "T", "F", "" })) });
        const Schema s = schema({ { QStringLiteral("x"), SemanticType::Numerical },
            { QStringLiteral("b"), SemanticType::Boolean } });
        const DiagnosticReport report = computeDiagnosticReport(real, real, s);
        QCOMPARE(report.newRowSynthesis.score, 0.0);
        QCOMPARE(report.dataValidity, 1.0);
        QCOMPARE(report.dataStructure, 1.0);
        QCOMPARE(report.overall, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticReport)
#include "tst_diagnosticreport.moc"
