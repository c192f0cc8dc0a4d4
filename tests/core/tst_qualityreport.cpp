// SPDX-License-Identifier: MIT
// The Quality Report: worked value #5 of ../shared/specs/metrics.md, both modes, errors kept per
// column / pair, and the JSON the CLI writes.
#include "core/evaluation/quality/diagnosticreport.h"
#include "core/evaluation/quality/qualityjson.h"
#include "core/evaluation/quality/qualityreport.h"
#include "testpaths.h"
#include "tst_quality_tables.h"

#include <QJsonArray>
#include <QTest>

using namespace core;
using namespace qualitytest;

namespace {

struct Example5 {
    Table real;
    Table synthetic;
    Schema schema;
};

Example5 example5()
{
    Example5 e;
    e.real = table({ numbers(QStringLiteral("col1"), { 0, 1, 2, 3 }, true),
        categories(QStringLiteral("col2"), { "a", "b", "c", "d" }),
        booleans(QStringLiteral("col3"), strings({ "T", "F", "F", "T" })),
        dates(QStringLiteral("col4"), strings({ "2020-10-01", "2021-01-02", "2021-09-12", "2022-10-01" })),
        dates(QStringLiteral("col5"), strings({ "2020-09-13", "2020-12-01", "2021-01-12", "2022-08-13" })) });
    e.synthetic = table({ numbers(QStringLiteral("col1"), { 0, 2, 2, 3 }, true),
        categories(QStringLiteral("col2"), { "a", "c", "c", "b" }),
        booleans(QStringLiteral("col3"), strings({ "F", "F", "F", "T" })),
        dates(QStringLiteral("col4"), strings({ "2020-11-04", "2021-02-01", "2021-08-01", "2022-12-01" })),
        dates(QStringLiteral("col5"), strings({ "2020-10-13", "2020-02-04", "2021-03-11", "2022-07-23" })) });
    e.schema = schema({ { QStringLiteral("col1"), SemanticType::Numerical },
        { QStringLiteral("col2"), SemanticType::Categorical },
        { QStringLiteral("col3"), SemanticType::Boolean }, { QStringLiteral("col4"), SemanticType::DateTime },
        { QStringLiteral("col5"), SemanticType::DateTime } });
    return e;
}

} // namespace

class TestQualityReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workedValue5AllPairs()
    {
        const Example5 e = example5();
        const QualityReport report
            = computeQualityReport(e.real, e.synthetic, e.schema, QualityOptions::allPairs());
        QCOMPARE(report.columns.size(), 5);
        for (const ColumnShapeScore &column : report.columns)
            QVERIFY2(qAbs(column.score - 0.75) < 1e-12, qPrintable(column.column));
        QCOMPARE(report.columns[0].metric, QStringLiteral("KSComplement"));
        QCOMPARE(report.columns[1].metric, QStringLiteral("TVComplement"));
        QVERIFY(qAbs(report.columnShapes - 0.75) < 1e-12);
        QCOMPARE(report.pairs.size(), 10);
        QCOMPARE(report.pairsCounted, 10);
        // Spec: 0.5005754481922459, only reproduced by digitising each table on its own edges.
        QVERIFY(qAbs(report.columnPairTrends - 0.5005754481922459) < 1e-12);
        QVERIFY(qAbs(report.overall - (0.75 + 0.5005754481922459) / 2) < 1e-12);
    }

    void workedValue5CurrentMode()
    {
        // tests/reference/quality_reference.py (pandas/scipy, spec formulas): with thresholds
        // 0.5 / 0.3 all 10 pairs still show a trend on these 4 rows -> same 0.5005754481922459,
        // overall 0.625287724096123.
        const Example5 e = example5();
        const QualityReport report = computeQualityReport(e.real, e.synthetic, e.schema);
        QCOMPARE(report.realCorrelationThreshold, 0.5);
        QCOMPARE(report.realAssociationThreshold, 0.3);
        QCOMPARE(report.pairsCounted, 10);
        QVERIFY(qAbs(report.overall - 0.625287724096123) < 1e-12);
        // Re-deriving the other mode from the stored trends gives the directly computed one.
        const QualityReport all = withThresholds(report, 0.0, 0.0);
        QVERIFY(qAbs(all.columnPairTrends - 0.5005754481922459) < 1e-12);
        // A threshold above every real trend counts no pair: trends NaN, overall = shapes.
        const QualityReport none = withThresholds(report, 1.0, 1.0);
        QCOMPARE(none.pairsCounted, 0);
        QVERIFY(std::isnan(none.columnPairTrends));
        QCOMPARE(none.overall, none.columnShapes);
    }

    void case024ColumnLeftOutAndListed()
    {
        const CaseCells cells
            = readCase(testsupport::caseFile(QStringLiteral("024_tv_both_all_missing.csv")));
        QVERIFY(cells.ok);
        const Table real = table(
            { categories(cells.column, cells.real), numbers(QStringLiteral("x"), { 1, 2, 3, 4, 5 }) });
        const Table synthetic = table(
            { categories(cells.column, cells.synthetic), numbers(QStringLiteral("x"), { 1, 2, 3, 4, 9 }) });
        const Schema s = schema({ { cells.column, SemanticType::Categorical },
            { QStringLiteral("x"), SemanticType::Numerical } });
        const QualityReport report = computeQualityReport(real, synthetic, s);
        QVERIFY(std::isnan(report.columns[0].score));
        QCOMPARE(report.columns[0].error, QStringLiteral("no non-missing values in real or synthetic"));
        // Only x counts: KS of {1..5} vs {1,2,3,4,9} = 1 - 0.2.
        QVERIFY(qAbs(report.columnShapes - 0.8) < 1e-12);
        const QJsonObject json = qualityReportToJson(report);
        QVERIFY(json.value(QStringLiteral("columns")).toObject().value(cells.column).isNull());
        const QJsonArray errors = json.value(QStringLiteral("errors")).toArray();
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().toObject().value(QStringLiteral("column")).toString(), cells.column);
        QCOMPARE(errors.first().toObject().value(QStringLiteral("error")).toString(),
            QStringLiteral("no non-missing values in real or synthetic"));
    }

    void case023NoteInReport()
    {
        const CaseCells cells
            = readCase(testsupport::caseFile(QStringLiteral("023_tv_synthetic_all_missing.csv")));
        QVERIFY(cells.ok);
        const Table real = table({ categories(cells.column, cells.real) });
        const Table synthetic = table({ categories(cells.column, cells.synthetic) });
        const QualityReport report
            = computeQualityReport(real, synthetic, schema({ { cells.column, SemanticType::Categorical } }));
        QCOMPARE(report.columns[0].score, 0.0);
        QCOMPARE(report.columns[0].note, QStringLiteral("synthetic missing rate 1.00 vs real 0.25"));
        QCOMPARE(report.columns[0].realMissingRate, 0.25);
        QCOMPARE(report.columns[0].syntheticMissingRate, 1.0);
        QCOMPARE(report.columnShapes, 0.0);
    }

    void constantColumnsSkipCorrelation()
    {
        // Case 011's rule: pairs with a constant column are not computable and left out.
        const Table real = table({ numbers(QStringLiteral("age"), { 30, 40, 50, 60 }),
            numbers(QStringLiteral("bp"), { 110, 120, 135, 150 }),
            numbers(QStringLiteral("protocol_version"), { 2, 2, 2, 2 }, true) });
        const Table synthetic = table({ numbers(QStringLiteral("age"), { 35, 45, 50, 58 }),
            numbers(QStringLiteral("bp"), { 112, 118, 140, 149 }),
            numbers(QStringLiteral("protocol_version"), { 2, 2, 2, 2 }, true) });
        const Schema s = schema({ { QStringLiteral("age"), SemanticType::Numerical },
            { QStringLiteral("bp"), SemanticType::Numerical },
            { QStringLiteral("protocol_version"), SemanticType::Numerical } });
        const QualityReport report = computeQualityReport(real, synthetic, s, QualityOptions::allPairs());
        QCOMPARE(report.pairs.size(), 3);
        QVERIFY(!std::isnan(report.pairs[0].score));
        QVERIFY(std::isnan(report.pairs[1].score));
        QVERIFY(report.pairs[1].error.contains(QStringLiteral("'protocol_version'")));
        QVERIFY(!report.pairs[1].meetsThreshold);
        QCOMPARE(report.pairsCounted, 1);
        QCOMPARE(report.columnPairTrends, report.pairs[0].score);
    }

    void ignoredAndMissingColumns()
    {
        Table real = table(
            { numbers(QStringLiteral("id"), { 1, 2, 3 }, true), numbers(QStringLiteral("x"), { 1, 2, 3 }),
                categories(QStringLiteral("gone"), { "a", "b", "a" }) });
        Table synthetic = table(
            { numbers(QStringLiteral("id"), { 7, 8, 9 }, true), numbers(QStringLiteral("x"), { 1, 2, 3 }) });
        Schema s = schema(
            { { QStringLiteral("id"), SemanticType::Id }, { QStringLiteral("x"), SemanticType::Numerical },
                { QStringLiteral("gone"), SemanticType::Categorical } });
        const QualityReport report = computeQualityReport(real, synthetic, s);
        QCOMPARE(report.columns.size(), 2); // the id column is not a shape
        QCOMPARE(report.columns[1].column, QStringLiteral("gone"));
        QVERIFY(report.columns[1].error.contains(QStringLiteral("synthetic")));
        QCOMPARE(report.columnShapes, 1.0);
        // Excluded by the user: not reported at all.
        s.columns[2].excluded = true;
        QCOMPARE(computeQualityReport(real, synthetic, s).columns.size(), 1);
    }

    void mixedPairDigitisesEachTableOnItsOwnEdges()
    {
        // Real x on [0, 10] and synthetic x on [0, 20]: each table gets its own 10 bins, so the
        // bin codes are 1, 11, 6 in both (np.digitize: the maximum gets 11) and the pair scores 1
        // although the values differ. A missing value shares the top bin with the maximum.
        const Table real = table({ numbers(QStringLiteral("x"), { 0, 10, 5, kNaN }),
                                   categories(QStringLiteral("c"), { "a", "b", "a", "b" }) });
        const Table synthetic = table({ numbers(QStringLiteral("x"), { 0, 20, 10, 20 }),
                                        categories(QStringLiteral("c"), { "a", "b", "a", "b" }) });
        const Schema s = schema({ { QStringLiteral("x"), SemanticType::Numerical },
                                  { QStringLiteral("c"), SemanticType::Categorical } });
        const QualityReport report = computeQualityReport(real, synthetic, s, QualityOptions::allPairs());
        QCOMPARE(report.pairs.size(), 1);
        QCOMPARE(report.pairs[0].metric, QStringLiteral("ContingencySimilarity"));
        QCOMPARE(report.pairs[0].score, 1.0);
        // Real table: bins {1, 11, 6, 11} against c {a, b, a, b}: a perfect association, V = 1.
        QVERIFY(qAbs(report.pairs[0].realAssociation - 1.0) < 1e-12);
    }

    void spearmanOption()
    {
        // Monotone but not linear: Spearman 1 in both tables, Pearson differs.
        const Table real = table({ numbers(QStringLiteral("x"), { 1, 2, 3, 4, 5 }),
                                   numbers(QStringLiteral("y"), { 1, 4, 9, 16, 25 }) });
        const Table synthetic = table({ numbers(QStringLiteral("x"), { 1, 2, 3, 4, 5 }),
                                        numbers(QStringLiteral("y"), { 1, 8, 27, 64, 125 }) });
        const Schema s
            = schema({ { QStringLiteral("x"), SemanticType::Numerical }, { QStringLiteral("y"), SemanticType::Numerical } });
        QualityOptions options = QualityOptions::allPairs();
        options.coefficient = metrics::CorrelationCoefficient::Spearman;
        QCOMPARE(computeQualityReport(real, synthetic, s, options).pairs[0].score, 1.0);
        QVERIFY(computeQualityReport(real, synthetic, s, QualityOptions::allPairs()).pairs[0].score < 1.0);
    }

    void cancellation()
    {
        class CancelledJob final : public JobContext {
        public:
            bool isCancelled() const override { return true; }
            void reportProgress(double, const QString &) override { }
        } job;
        const Example5 e = example5();
        const Result<QualityReport> result = computeQualityReport(e.real, e.synthetic, e.schema, {}, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Cancelled);
    }

    void jsonKeys()
    {
        const Example5 e = example5();
        const QualityReport current = computeQualityReport(e.real, e.synthetic, e.schema);
        const QualityReport all = withThresholds(current, 0.0, 0.0);
        const DiagnosticReport diagnostic = computeDiagnosticReport(e.real, e.synthetic, e.schema);
        const QJsonObject json = qualityToJson(e.schema, current, all, diagnostic);
        QCOMPARE(json.value(QStringLiteral("sdtypes")).toObject().value(QStringLiteral("col4")).toString(),
            QStringLiteral("datetime"));
        for (const QString &mode : { QStringLiteral("quality"), QStringLiteral("quality_all_pairs") }) {
            const QJsonObject q = json.value(mode).toObject();
            for (const char *key : { "overall", "column_shapes", "column_pair_trends", "columns", "pairs",
                     "column_details", "errors", "pairs_counted" })
                QVERIFY2(q.contains(QLatin1StringView(key)), key);
            QCOMPARE(
                q.value(QStringLiteral("columns")).toObject().value(QStringLiteral("col1")).toDouble(), 0.75);
            QCOMPARE(q.value(QStringLiteral("pairs")).toArray().size(), 10);
        }
        QVERIFY(qAbs(json.value(QStringLiteral("quality_all_pairs"))
                         .toObject()
                         .value(QStringLiteral("column_pair_trends"))
                         .toDouble()
                    - 0.5005754481922459)
            < 1e-12);
        const QJsonObject d = json.value(QStringLiteral("diagnostic")).toObject();
        for (const char *key :
            { "overall", "data_validity", "data_structure", "columns", "new_row_synthesis" })
            QVERIFY2(d.contains(QLatin1StringView(key)), key);
    }
};

QTEST_GUILESS_MAIN(TestQualityReport)
#include "tst_qualityreport.moc"
