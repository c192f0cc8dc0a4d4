// SPDX-License-Identifier: MIT
// Speed of the full Quality + Diagnostic reports on a 100,000-row x 50-column mixed table
// (the size of diabetes 130): 1,225 pairs, NewRowSynthesis over 100k x 100k rows.
#include "core/data/csvreader.h"
#include "core/evaluation/quality/diagnosticreport.h"
#include "core/evaluation/quality/qualityreport.h"
#include "testpaths.h"
#include "tst_quality_tables.h"

#include <QElapsedTimer>
#include <QTest>
#include <random>

using namespace core;
using namespace qualitytest;

namespace {

constexpr qint64 kRows = 100000;

// 20 numerical (some integer, some with missing cells), 24 categorical (3 to 900 levels, some
// missing), 6 boolean. Column j of the second table is drawn with a different seed.
Table makeTable(quint32 seed, Schema *schemaOut)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Table t;
    Schema s;
    std::vector<double> base(kRows);
    for (double &v : base)
        v = normal(rng);
    for (int c = 0; c < 50; ++c) {
        ColumnMeta meta;
        meta.name = QStringLiteral("c%1").arg(c);
        if (c < 20) {
            meta.type = SemanticType::Numerical;
            Column column(meta.name, ColumnStorage::Number);
            column.setInteger(c % 2 == 0);
            column.reserve(kRows);
            for (qint64 i = 0; i < kRows; ++i) {
                double v = 50.0 + 10.0 * (0.6 * base[size_t(i)] + 0.8 * normal(rng)) + c;
                if (c % 2 == 0)
                    v = std::round(v);
                column.appendNumber(c % 5 == 1 && rng() % 20 == 0 ? kNaN : v);
            }
            t.addColumn(std::move(column));
        } else if (c < 44) {
            meta.type = SemanticType::Categorical;
            const int levels = c < 41 ? 3 + (c - 20) * 4 : 900;
            Column column(meta.name, ColumnStorage::Category);
            for (int l = 0; l < levels; ++l)
                column.labels().append(QStringLiteral("L%1").arg(l));
            column.reserve(kRows);
            for (qint64 i = 0; i < kRows; ++i) {
                if (c % 3 == 0 && rng() % 25 == 0) {
                    column.appendMissing();
                    continue;
                }
                const double skew = std::fabs(base[size_t(i)] + 0.5 * normal(rng));
                column.appendCode(std::int32_t(std::min<double>(levels - 1, skew * levels / 3.0)));
            }
            t.addColumn(std::move(column));
        } else {
            meta.type = SemanticType::Boolean;
            Column column(meta.name, ColumnStorage::Boolean);
            column.labels() = QStringList { QStringLiteral("No"), QStringLiteral("Yes") };
            column.reserve(kRows);
            for (qint64 i = 0; i < kRows; ++i)
                column.appendCode(base[size_t(i)] + normal(rng) > 0.3 ? 1 : 0);
            t.addColumn(std::move(column));
        }
        s.columns.append(meta);
    }
    if (schemaOut)
        *schemaOut = s;
    return t;
}

} // namespace

class TestQualitySpeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fullReportsOnHundredThousandRows()
    {
        Schema s;
        const Table real = makeTable(1, &s);
        const Table synthetic = makeTable(2, nullptr);

        QElapsedTimer timer;
        timer.start();
        const QualityReport quality = computeQualityReport(real, synthetic, s);
        const qint64 qualityMs = timer.restart();
        const DiagnosticReport diagnostic = computeDiagnosticReport(real, synthetic, s);
        const qint64 diagnosticMs = timer.elapsed();
        qInfo("quality report %lld ms (%lld pairs, overall %.4f), diagnostic report %lld ms (new rows %.4f)",
            qualityMs, qlonglong(quality.pairs.size()), quality.overall, diagnosticMs,
            diagnostic.newRowSynthesis.score);

        QCOMPARE(quality.pairs.size(), 1225);
        QVERIFY(quality.overall > 0.5 && quality.overall <= 1.0);
        QVERIFY(diagnostic.newRowSynthesis.score > 0.99); // independent draws: copies are rare
        // "Seconds, not minutes" on the shared 2-core machine, with room for a busy neighbour.
        QVERIFY2(qualityMs < 60000, "quality report took a minute or more");
        QVERIFY2(diagnosticMs < 60000, "diagnostic report took a minute or more");

        // The same table against itself: every row is a copy, every score 1.
        timer.restart();
        const DiagnosticReport self = computeDiagnosticReport(real, real, s);
        qInfo("diagnostic report of a table against itself %lld ms", timer.elapsed());
        QCOMPARE(self.newRowSynthesis.score, 0.0);
    }

    void diabetes130()
    {
        // The real 101,766 x 50 table against a copy whose columns are re-paired by different
        // row rotations: marginals equal (shapes 1), pair trends broken, every row new.
        SilentJob job;
        Result<CsvReadResult> read = CsvReader::read(
            testsupport::realData(QStringLiteral("diabetes_130_us_hospitals/diabetic_data.csv")),
            CsvOptions {}, job);
        if (!read.ok())
            QSKIP(qPrintable(QStringLiteral("diabetes 130 not loadable here: ") + read.error().toString()));
        const Table &real = read.value().table;
        const Schema &s = read.value().schema;
        QCOMPARE(real.rowCount(), qint64(101766));
        Table synthetic;
        const qint64 n = real.rowCount();
        for (int c = 0; c < real.columnCount(); ++c) {
            std::vector<qint64> rows(static_cast<size_t>(n));
            for (qint64 i = 0; i < n; ++i)
                rows[size_t(i)] = (i + qint64(c) * 7919) % n;
            synthetic.addColumn(real.column(c).selectRows(rows));
        }
        QElapsedTimer timer;
        timer.start();
        const QualityReport quality = computeQualityReport(real, synthetic, s);
        const qint64 qualityMs = timer.restart();
        const DiagnosticReport diagnostic = computeDiagnosticReport(real, synthetic, s);
        const qint64 diagnosticMs = timer.elapsed();
        qInfo("diabetes 130: %d shape columns, %lld pairs; quality %lld ms (shapes %.4f, trends %.4f over %d "
              "pairs), "
              "diagnostic %lld ms (validity %.4f, new rows %.4f)",
            int(quality.columns.size()), qlonglong(quality.pairs.size()), qualityMs, quality.columnShapes,
            quality.columnPairTrends, quality.pairsCounted, diagnosticMs, diagnostic.dataValidity,
            diagnostic.newRowSynthesis.score);
        for (const ColumnShapeScore &column : quality.columns) {
            if (!column.error.isEmpty())
                continue;
            QVERIFY2(qAbs(column.score - 1.0) < 1e-12, qPrintable(column.column)); // same values, other order
        }
        for (const ValidityScore &column : diagnostic.columns) {
            // Id columns keep their real repeats (patient_nbr), so only adherence must be perfect.
            if (column.metric != QLatin1StringView("KeyUniqueness"))
                QVERIFY2(column.score == 1.0, qPrintable(column.column));
        }
        QVERIFY2(qualityMs < 60000, "quality report took a minute or more");
        QVERIFY2(diagnosticMs < 60000, "diagnostic report took a minute or more");
    }
};

QTEST_GUILESS_MAIN(TestQualitySpeed)
#include "tst_quality_speed.moc"
