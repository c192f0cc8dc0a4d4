// SPDX-License-Identifier: MIT
// The main job end to end, as a user runs it: `healthsynth-cli generate` on every single-table
// real data set, then the synthetic file is checked against the real one cell by cell.

#include "core/data/csvreader.h"
#include "testpaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QString stderrText;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HEALTHSYNTH_CLI_PATH), arguments);
    process.waitForFinished(600000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardError()) };
}

// Checks the acceptance rules of the foundation issue for one real/synthetic pair.
void checkSyntheticMatchesReal(const core::CsvReadResult &real, const core::Table &synthetic)
{
    QCOMPARE(synthetic.columnNames(), real.table.columnNames());
    for (int c = 0; c < real.table.columnCount(); ++c) {
        const core::Column &r = real.table.column(c);
        const core::Column &s = synthetic.column(c);
        const core::ColumnMeta &meta = real.schema.columns[c];
        const QByteArray where = r.name().toUtf8();
        QCOMPARE(s.storage(), r.storage());
        // Missing shares within 2 points of the real ones (identifiers excepted: they are regenerated).
        QVERIFY2(std::abs(s.missingRate() - r.missingRate()) <= 0.02 + 1e-12, where.constData());
        if (meta.type == core::SemanticType::Id || meta.type == core::SemanticType::Pii
            || meta.type == core::SemanticType::Text)
            continue;
        if (r.storage() == core::ColumnStorage::Number || r.storage() == core::ColumnStorage::DateTime) {
            double lo = INFINITY, hi = -INFINITY;
            for (qint64 i = 0; i < r.size(); ++i) {
                if (!r.isMissing(i) && std::isfinite(r.numbers()[size_t(i)])) {
                    lo = std::min(lo, r.numbers()[size_t(i)]);
                    hi = std::max(hi, r.numbers()[size_t(i)]);
                }
            }
            for (qint64 i = 0; i < s.size(); ++i) {
                if (s.isMissing(i))
                    continue;
                const double v = s.numbers()[size_t(i)];
                QVERIFY2(v >= lo - 1e-9 * std::abs(lo) && v <= hi + 1e-9 * std::abs(hi), where.constData());
                if (r.isInteger())
                    QVERIFY2(v == std::round(v), where.constData());
            }
        } else if (r.storage() == core::ColumnStorage::Category || r.storage() == core::ColumnStorage::Boolean) {
            QSet<QString> seen;
            for (qint64 i = 0; i < r.size(); ++i) {
                if (!r.isMissing(i))
                    seen.insert(r.cellText(i));
            }
            for (qint64 i = 0; i < s.size(); ++i)
                QVERIFY2(s.isMissing(i) || seen.contains(s.cellText(i)), where.constData());
        }
    }
}

} // namespace

class TestCliGenerate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generate_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("minimumQuality"); // SDV GaussianCopulaSynthesizer's, from the reference results
        QTest::newRow("heart disease") << QStringLiteral("heart_disease_cleveland/processed.cleveland.csv") << 0.860;
        QTest::newRow("heart failure") << QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv") << 0.0;
        QTest::newRow("pima") << QStringLiteral("pima_diabetes/pima-indians-diabetes.csv") << 0.822;
        QTest::newRow("wdbc") << QStringLiteral("breast_cancer_wdbc/wdbc.data") << 0.0;
        QTest::newRow("kidney") << QStringLiteral("chronic_kidney_disease/kidney_disease.csv") << 0.0;
        QTest::newRow("kidney old") << QStringLiteral("chronic_kidney_disease/kidney_disease_old.csv") << 0.0;
        QTest::newRow("cervical") << QStringLiteral("cervical_cancer/risk_factors_cervical_cancer.csv") << 0.0;
        QTest::newRow("diabetes 130") << QStringLiteral("diabetes_130_us_hospitals/diabetic_data.csv") << 0.0;
        QTest::newRow("adult") << QStringLiteral("adult_ctgan/adult.csv") << 0.814;
        QTest::newRow("adult uci") << QStringLiteral("adult_uci/adult-train.csv") << 0.0;
        QTest::newRow("mimic-iii patients") << QStringLiteral("mimic_iii_demo/PATIENTS.csv") << 0.0;
        QTest::newRow("mimic-iii admissions") << QStringLiteral("mimic_iii_demo/ADMISSIONS.csv") << 0.0;
        QTest::newRow("mimic-iii icustays") << QStringLiteral("mimic_iii_demo/ICUSTAYS.csv") << 0.0;
        QTest::newRow("mimic-iii diagnoses") << QStringLiteral("mimic_iii_demo/DIAGNOSES_ICD.csv") << 0.0;
        QTest::newRow("mimic-iv patients") << QStringLiteral("mimic_iv_demo/hosp/patients.csv") << 0.0;
        QTest::newRow("mimic-iv admissions") << QStringLiteral("mimic_iv_demo/hosp/admissions.csv") << 0.0;
        QTest::newRow("mimic-iv icustays") << QStringLiteral("mimic_iv_demo/icu/icustays.csv") << 0.0;
        QTest::newRow("mimic-iv omr") << QStringLiteral("mimic_iv_demo/hosp/omr.csv") << 0.0;
        QTest::newRow("mimic-iv diagnoses") << QStringLiteral("mimic_iv_demo/hosp/diagnoses_icd.csv") << 0.0;
        QTest::newRow("mimic-iv transfers") << QStringLiteral("mimic_iv_demo/hosp/transfers.csv") << 0.0;
    }
    void generate()
    {
        QFETCH(QString, file);
        QFETCH(double, minimumQuality);
        QTemporaryDir dir;
        const QString real = testsupport::realData(file);
        const QString out = dir.filePath(QStringLiteral("synthetic.csv"));
        const QString json = dir.filePath(QStringLiteral("scores.json"));
        const Run run = runCli({ QStringLiteral("generate"), real, QStringLiteral("--model"), QStringLiteral("gaussian_copula"),
                                 QStringLiteral("--out"), out, QStringLiteral("--json"), json, QStringLiteral("--seed"),
                                 QStringLiteral("0") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));

        core::SilentJob job;
        const auto realTable = core::CsvReader::read(real, {}, job);
        QVERIFY(realTable.ok());
        const auto synthetic = core::CsvReader::readAs(out, realTable.value().schema, {}, job);
        QVERIFY2(synthetic.ok(), qPrintable(synthetic.ok() ? QString() : synthetic.error().toString()));
        QCOMPARE(synthetic.value().table.rowCount(), realTable.value().table.rowCount());
        checkSyntheticMatchesReal(realTable.value(), synthetic.value().table);

        QFile scores(json);
        QVERIFY(scores.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(scores.readAll()).object();
        const double overall = root.value(QStringLiteral("quality")).toObject().value(QStringLiteral("overall")).toDouble();
        QVERIFY2(overall >= minimumQuality, qPrintable(QStringLiteral("quality %1 < %2").arg(overall).arg(minimumQuality)));
        QVERIFY(root.contains(QStringLiteral("quality_all_pairs")));
        QVERIFY(root.contains(QStringLiteral("sdtypes")));
    }

    void brokenExportNamesTheLineAndOffersToSkip()
    {
        QTemporaryDir dir;
        const QString real = testsupport::realData(QStringLiteral("synthea_sample/patients.csv"));
        const QString out = dir.filePath(QStringLiteral("synthetic.csv"));
        const Run refused = runCli({ QStringLiteral("generate"), real, QStringLiteral("--out"), out });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.stderrText.contains(QStringLiteral("line")), qPrintable(refused.stderrText));
        QVERIFY2(refused.stderrText.contains(QStringLiteral("--skip-bad-rows")), qPrintable(refused.stderrText));
        QVERIFY(!QFile::exists(out));
        const Run skipped = runCli({ QStringLiteral("generate"), real, QStringLiteral("--out"), out,
                                     QStringLiteral("--skip-bad-rows") });
        QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.stderrText));
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(runCli({ QStringLiteral("generate") }).exitCode, 2);
        QCOMPARE(runCli({ QStringLiteral("frobnicate") }).exitCode, 2);
        const Run badSetting = runCli({ QStringLiteral("generate"), testsupport::caseFile(QStringLiteral("011_constant_columns.csv")),
                                        QStringLiteral("--out"), QStringLiteral("/tmp/x.csv"), QStringLiteral("--set"),
                                        QStringLiteral("wobble=3") });
        QCOMPARE(badSetting.exitCode, 2);
        QVERIFY2(badSetting.stderrText.contains(QStringLiteral("wobble")), qPrintable(badSetting.stderrText));
        const Run missingFile = runCli({ QStringLiteral("profile"), QStringLiteral("/nonexistent/file.csv") });
        QCOMPARE(missingFile.exitCode, 1);
        QVERIFY(missingFile.stderrText.contains(QStringLiteral("/nonexistent/file.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cligenerate.moc"
