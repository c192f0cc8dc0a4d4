// SPDX-License-Identifier: MIT
// The report's content from tiny tables and a hand-written evaluation JSON: every expected
// number below is worked out by hand from the cells written here.

#include "core/generators/gaussian_copula/gaussiancopula.h"
#include "core/profile/profile.h"
#include "core/report/reportbuilder.h"
#include "tst_quality_tables.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace qualitytest;

namespace {

QJsonObject rating(double value, const char *light, const char *reading)
{
    return { { QStringLiteral("value"), value }, { QStringLiteral("light"), QLatin1String(light) },
        { QStringLiteral("reading"), QLatin1String(reading) } };
}

QJsonObject scores()
{
    const QJsonObject xDetail { { QStringLiteral("column"), QStringLiteral("x") },
        { QStringLiteral("metric"), QStringLiteral("KSComplement") }, { QStringLiteral("score"), 0.75 },
        { QStringLiteral("error"), QJsonValue::Null }, { QStringLiteral("note"), QStringLiteral("a note") } };
    return {
        { QStringLiteral("quality"),
            QJsonObject { { QStringLiteral("overall"), 0.9 }, { QStringLiteral("column_shapes"), 0.95 },
                { QStringLiteral("column_pair_trends"), 0.55 }, { QStringLiteral("pairs_counted"), 1 },
                { QStringLiteral("column_details"), QJsonArray { xDetail } } } },
        { QStringLiteral("diagnostic"),
            QJsonObject { { QStringLiteral("overall"), 0.9 }, { QStringLiteral("data_validity"), 0.8 },
                { QStringLiteral("data_structure"), 1.0 },
                { QStringLiteral("new_row_synthesis"),
                    QJsonObject {
                        { QStringLiteral("score"), 0.5 }, { QStringLiteral("num_matched_rows"), 2 } } } } },
        { QStringLiteral("detection"),
            QJsonObject { { QStringLiteral("logistic"),
                              QJsonObject { { QStringLiteral("rating"), rating(0.7, "amber", "lr") } } },
                { QStringLiteral("xgboost"),
                    QJsonObject { { QStringLiteral("rating"), rating(0.9, "green", "xgb") } } } } },
        { QStringLiteral("utility"),
            QJsonObject { { QStringLiteral("computed"), false },
                { QStringLiteral("reason"), QStringLiteral("No target.") } } },
        { QStringLiteral("privacy"),
            QJsonObject { { QStringLiteral("headline"), rating(0.25, "red", "overfit") },
                { QStringLiteral("dcr_overfitting_protection"),
                    QJsonObject { { QStringLiteral("rating"), rating(0.25, "red", "overfit") } } },
                { QStringLiteral("k_anonymity"),
                    QJsonObject { { QStringLiteral("rating"), rating(3, "amber", "k") } } },
                { QStringLiteral("columns"), QJsonArray { QStringLiteral("x"), QStringLiteral("y") } },
                { QStringLiteral("rows"),
                    QJsonObject { { QStringLiteral("training"), 4 }, { QStringLiteral("holdout"), 0 },
                        { QStringLiteral("synthetic"), 4 } } } } },
    };
}

} // namespace

class TestReportBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildsFromTablesAndScores()
    {
        const core::Table real = table(
            { numbers(QStringLiteral("x"), { 1, 2, 3, 4 }), numbers(QStringLiteral("y"), { 2, 4, 6, 8 }),
                categories(QStringLiteral("c"), { "a", "a", "b", "c" }),
                categories(QStringLiteral("pid"), { "p1", "p2", "p3", "p4" }) });
        const core::Table synthetic = table(
            { numbers(QStringLiteral("x"), { 1, 2, 3, 4 }), numbers(QStringLiteral("y"), { 8, 6, 4, 2 }),
                categories(QStringLiteral("c"), { "a", "b", "b", "b" }),
                categories(QStringLiteral("pid"), { "q1", "q2", "q3", "q4" }) });
        core::ReportInputs in;
        in.real = &real;
        in.synthetic = &synthetic;
        in.schema = schema({ { QStringLiteral("x"), core::SemanticType::Numerical },
            { QStringLiteral("y"), core::SemanticType::Numerical },
            { QStringLiteral("c"), core::SemanticType::Categorical },
            { QStringLiteral("pid"), core::SemanticType::Id } });
        in.scores = scores();
        in.sourceDescription = QStringLiteral("tiny.csv (4 rows, 4 columns)");
        core::GaussianCopula generator;
        in.generator = &generator;
        in.seed = 42;
        const core::ReportModel m = core::ReportBuilder::build(in);

        // Source: counts and names only; the ID column is listed but not learned.
        QCOMPARE(m.source.realRows, qint64(4));
        QCOMPARE(m.source.syntheticRows, qint64(4));
        QCOMPARE(m.source.columns.size(), 4);
        QVERIFY(!m.source.columns.at(3).modelled);

        // Generator: the declared settings at their documented defaults, in declared order.
        QVERIFY(m.generator.known);
        QCOMPARE(m.generator.id, QStringLiteral("gaussian_copula"));
        QVERIFY(m.generator.seedKnown);
        QCOMPARE(m.generator.seed, quint64(42));
        QCOMPARE(m.generator.settings.size(), 3);
        QCOMPARE(m.generator.settings.at(0),
            std::make_pair(QStringLiteral("distribution"), QStringLiteral("auto")));
        QCOMPARE(m.generator.settings.at(1),
            std::make_pair(QStringLiteral("point_mass_share"), QStringLiteral("0.05")));
        QCOMPARE(m.generator.settings.at(2),
            std::make_pair(QStringLiteral("fit_sample_rows"), QStringLiteral("50000")));
        QVERIFY(std::isnan(m.generator.epsilonSpent));

        // Headline: one per family, lights by the documented thresholds.
        QCOMPARE(m.headline.size(), 5);
        QCOMPARE(m.headline.at(0).valueText, QStringLiteral("90.0 %"));
        QCOMPARE(m.headline.at(0).light, core::TrafficLight::Green); // 0.9 >= 0.8
        QCOMPARE(m.headline.at(1).light, core::TrafficLight::Amber); // diagnostic 0.9: < 0.95, >= 0.8
        QCOMPARE(m.headline.at(2).value, 0.7); // detection: the classifier that tells apart best
        QCOMPARE(m.headline.at(2).reading, QStringLiteral("lr"));
        QCOMPARE(m.headline.at(3).light, core::TrafficLight::NotAvailable);
        QCOMPARE(m.headline.at(3).reading, QStringLiteral("No target."));
        QCOMPARE(m.headline.at(4).valueText, QStringLiteral("25.0 %"));
        QCOMPARE(m.headline.at(4).light, core::TrafficLight::Red);
        QVERIFY(!m.utility.computed);
        // Pair trends 0.55 < 0.6: red; new rows 0.5 < 0.95: red.
        QCOMPARE(m.fidelity.at(1).light, core::TrafficLight::Red);
        QCOMPARE(m.fidelity.at(4).light, core::TrafficLight::Red);
        QCOMPARE(m.privacy.findings.size(), 2);
        QCOMPARE(m.privacy.findings.at(1).valueText, QStringLiteral("3"));
        QVERIFY(!m.dataQuality.profiled);

        // Columns: the three learned ones, x scored from the JSON, the others without a score.
        QCOMPARE(m.columns.size(), 3);
        QCOMPARE(m.columns.at(0).name, QStringLiteral("x"));
        QCOMPARE(m.columns.at(0).score, 0.75);
        QCOMPARE(m.columns.at(0).light, core::TrafficLight::Amber);
        QCOMPARE(m.columns.at(0).note, QStringLiteral("a note"));
        QVERIFY(std::isnan(m.columns.at(1).score));
        // c: shares per label, most frequent real label first.
        const core::ColumnComparison &c = m.columns.at(2).chart;
        QVERIFY(!c.continuous);
        QCOMPARE(c.labels, strings({ "a", "b", "c" }));
        QCOMPARE(c.realShares, (std::vector<double> { 0.5, 0.25, 0.25 }));
        QCOMPARE(c.syntheticShares, (std::vector<double> { 0.25, 0.75, 0.0 }));

        // Correlations of x and y: +1 real, -1 synthetic, difference -2.
        QCOMPARE(m.correlations.columns, strings({ "x", "y" }));
        QCOMPARE(m.correlations.real.size(), size_t(4));
        QVERIFY(std::abs(m.correlations.real[1] - 1.0) < 1e-12);
        QVERIFY(std::abs(m.correlations.synthetic[1] + 1.0) < 1e-12);
        QVERIFY(std::abs(m.correlations.difference[1] + 2.0) < 1e-12);
        QVERIFY(std::abs(m.correlations.difference[0]) < 1e-12);
    }

    void dataQualityFromProfile()
    {
        const core::Table real = table({ numbers(QStringLiteral("x"), { 1, kNaN, 3, kNaN }) });
        core::Profile profile;
        profile.rows = 4;
        core::ColumnProfile x;
        x.name = QStringLiteral("x");
        x.missing = 2;
        profile.columns.append(x);
        profile.duplicateRows = 1;
        for (auto severity : { core::Diagnostic::Severity::Info, core::Diagnostic::Severity::Error,
                 core::Diagnostic::Severity::Warning, core::Diagnostic::Severity::Error }) {
            core::Alert a;
            a.severity = severity;
            a.message = QString::number(int(severity)) + QString::number(profile.alerts.size());
            profile.alerts.append(a);
        }
        core::ReportInputs in;
        in.real = &real;
        in.synthetic = &real;
        in.schema = schema({ { QStringLiteral("x"), core::SemanticType::Numerical } });
        in.profile = &profile;
        const core::ReportModel m = core::ReportBuilder::build(in);
        QVERIFY(m.dataQuality.profiled);
        QCOMPARE(m.dataQuality.missingCellShare, 0.5); // 2 of 4 cells
        QCOMPARE(m.dataQuality.duplicateRows, qint64(1));
        QCOMPARE(m.dataQuality.errors, 2);
        QCOMPARE(m.dataQuality.warnings, 1);
        QCOMPARE(m.dataQuality.infos, 1);
        // Errors first in the profile's order, then the warning, then the note.
        QStringList order;
        for (const core::ReportAlert &a : m.dataQuality.alerts)
            order << a.severity;
        QCOMPARE(order, strings({ "error", "error", "warning", "info" }));
        QCOMPARE(m.dataQuality.alerts.at(0).message, QStringLiteral("21"));
        QCOMPARE(m.dataQuality.alerts.at(1).message, QStringLiteral("23"));
        // The evaluation JSON is empty: every family says it was not computed.
        QCOMPARE(m.headline.size(), 5);
        QVERIFY(!m.generator.known);
        QVERIFY(!m.generator.seedKnown);
    }
};

QTEST_GUILESS_MAIN(TestReportBuilder)
#include "tst_reportbuilder.moc"
