// SPDX-License-Identifier: MIT
// The PDF report as a user makes it: `healthsynth-cli fit`, `sample`, then `evaluate --pdf` on a
// real data set, and `generate --pdf` in one go. The PDF is read back with poppler's tools
// (pdftotext, pdfinfo, pdftoppm), independent of Qt: every section is there, the seed and the
// version are printed, the page is A4, it renders, and no real row appears in it.

#include "core/version.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kHeartFailure = QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

Run cli(const QStringList &arguments)
{
    return run(QStringLiteral(HEALTHSYNTH_CLI_PATH), arguments);
}

QString poppler(const QString &tool)
{
    const QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty())
        qFatal("%s not found: install poppler-utils (packaging/install-deps.sh does)", qPrintable(tool));
    return path;
}

/// The PDF's text as pdftotext reads it, whitespace collapsed so table cells join with one space.
QString pdfText(const QString &pdf)
{
    const Run r = run(poppler(QStringLiteral("pdftotext")), { pdf, QStringLiteral("-") });
    if (r.exitCode != 0)
        return {};
    return r.out.simplified();
}

QStringList csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (QString &l : lines)
        l = l.trimmed();
    return lines;
}

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write((lines.join(u'\n') + u'\n').toUtf8()) > 0;
}

/// Checks what every report must show, whichever command wrote it.
void checkReport(const QString &pdf, const QString &seed, const QStringList &realRows)
{
    QFile file(pdf);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(pdf));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));
    file.close();

    const QString text = pdfText(pdf);
    QVERIFY2(!text.isEmpty(), "pdftotext found no text: the text must be selectable");
    for (const char *heading : { "HealthSynth evaluation report", "Data source", "Generator and settings",
             "Scores", "Fidelity in detail", "How the lights are set", "Data quality of the real table",
             "Column by column", "Real against synthetic distributions", "Correlations",
             "Machine-learning utility", "Privacy findings" })
        QVERIFY2(text.contains(QLatin1String(heading)), heading);
    QVERIFY2(text.contains(QStringLiteral("HealthSynth ") + core::appVersion()), "the software version");
    QVERIFY2(text.contains(QStringLiteral("Seed ") + seed), "the seed in the settings table");
    QVERIFY2(text.contains(QStringLiteral("seed ") + seed), "the seed in the page footer");
    // Every family is scored and lit.
    for (const char *family : { "Fidelity", "Diagnostic", "Detection", "Utility", "Privacy" })
        QVERIFY2(text.contains(QLatin1String(family)), family);
    QVERIFY(text.contains(QLatin1String("green")) || text.contains(QLatin1String("amber"))
        || text.contains(QLatin1String("red")));

    // No real row, neither as the CSV line nor as table cells side by side.
    QVERIFY(realRows.size() >= 5);
    for (const QString &row : realRows) {
        QVERIFY2(!text.contains(row), qPrintable(row));
        const QString cells = row.split(u',').join(u' ');
        QVERIFY2(!text.contains(cells), qPrintable(cells));
    }

    const Run info = run(poppler(QStringLiteral("pdfinfo")), { pdf });
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains(QLatin1String("(A4)")), qPrintable(info.out));
    const QRegularExpressionMatch pages
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out);
    QVERIFY(pages.hasMatch());
    const int pageCount = pages.captured(1).toInt();
    QVERIFY2(pageCount >= 5, qPrintable(info.out));

    // Renders page by page at screen resolution.
    QTemporaryDir images;
    const Run render = run(poppler(QStringLiteral("pdftoppm")),
        { QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-png"), pdf,
            images.filePath(QStringLiteral("page")) });
    QVERIFY2(render.exitCode == 0, qPrintable(render.err));
    QVERIFY2(render.err.isEmpty(), qPrintable(render.err)); // poppler complains on a malformed file
    QCOMPARE(QDir(images.path()).entryList({ QStringLiteral("page*.png") }, QDir::Files).size(), pageCount);
}

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evaluateWritesReport()
    {
        QTemporaryDir dir;
        const QStringList lines = csvLines(testsupport::realData(kHeartFailure));
        QVERIFY(lines.size() > 250);
        // Training and hold-out files cut by hand, so the utility table has unseen real rows.
        const QString training = dir.filePath(QStringLiteral("training.csv"));
        const QString holdout = dir.filePath(QStringLiteral("holdout.csv"));
        QVERIFY(writeLines(training, lines.mid(0, 241)));
        QVERIFY(writeLines(holdout, QStringList { lines.first() } + lines.mid(241)));
        const QString model = dir.filePath(QStringLiteral("heart.hsmodel"));
        const QString synthetic = dir.filePath(QStringLiteral("synthetic.csv"));
        Run r = cli(
            { QStringLiteral("fit"), training, QStringLiteral("--model"), QStringLiteral("bayesian_network"),
                QStringLiteral("--out"), model, QStringLiteral("--seed"), QStringLiteral("11") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({ QStringLiteral("sample"), model, QStringLiteral("--rows"), QStringLiteral("240"),
            QStringLiteral("--out"), synthetic, QStringLiteral("--seed"), QStringLiteral("11") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        r = cli(
            { QStringLiteral("evaluate"), QStringLiteral("--real"), training, QStringLiteral("--synthetic"),
                synthetic, QStringLiteral("--holdout"), holdout, QStringLiteral("--target"),
                QStringLiteral("DEATH_EVENT"), QStringLiteral("--sensitive"), QStringLiteral("DEATH_EVENT"),
                QStringLiteral("--quasi-identifiers"), QStringLiteral("sex,smoking,diabetes"),
                QStringLiteral("--model-file"), model, QStringLiteral("--json"),
                dir.filePath(QStringLiteral("scores.json")), QStringLiteral("--pdf"), pdf });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Rows from the training file, the hold-out file and both ends of the table.
        checkReport(pdf, QStringLiteral("11"),
            { lines.at(1), lines.at(2), lines.at(100), lines.at(240), lines.at(241), lines.last() });

        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QLatin1String("bayesian_network")));
        QVERIFY2(text.contains(QLatin1String("epsilon = 1 spent")), "PrivBayes states the budget it spent");
        QVERIFY(text.contains(QLatin1String("XGBoost")));
        QVERIFY(text.contains(QLatin1String("k-anonymity")));
        if (const QString keep = qEnvironmentVariable("HEALTHSYNTH_KEEP_REPORT"); !keep.isEmpty())
            QFile::copy(pdf, keep); // for looking at the pages by hand
    }

    void generateWritesReport()
    {
        QTemporaryDir dir;
        const QString real = testsupport::realData(kHeartFailure);
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const Run r = cli({ QStringLiteral("generate"), real, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("synthetic.csv")), QStringLiteral("--seed"), QStringLiteral("5"),
            QStringLiteral("--holdout"), QStringLiteral("0.2"), QStringLiteral("--target"),
            QStringLiteral("DEATH_EVENT"), QStringLiteral("--quasi-identifiers"),
            QStringLiteral("sex,smoking"), QStringLiteral("--pdf"), pdf });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = csvLines(real);
        checkReport(pdf, QStringLiteral("5"),
            { lines.at(1), lines.at(50), lines.at(150), lines.at(250), lines.last() });
        QVERIFY(pdfText(pdf).contains(QLatin1String("gaussian_copula")));
    }

    void pdfNeedsAFile()
    {
        const Run r = cli({ QStringLiteral("evaluate"), QStringLiteral("--real"),
            testsupport::realData(kHeartFailure), QStringLiteral("--synthetic"),
            testsupport::realData(kHeartFailure), QStringLiteral("--pdf") });
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_clireport.moc"
