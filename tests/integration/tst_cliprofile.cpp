// SPDX-License-Identifier: MIT
// `healthsynth-cli profile` as a user runs it: the alerts of a messy real file, and suggested actions
// accepted into a metadata file that `generate --metadata` then reads.

#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HEALTHSYNTH_CLI_PATH), arguments);
    process.waitForFinished(600000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject columnEntry(const QJsonObject &metadata, const QString &name)
{
    for (const QJsonValue &c : metadata.value(QStringLiteral("columns")).toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() == name)
            return c.toObject();
    }
    return {};
}

QJsonObject profileColumn(const QJsonObject &profile, const QString &name)
{
    for (const QJsonValue &c : profile.value(QStringLiteral("columns")).toArray()) {
        if (c.toObject().value(QStringLiteral("name")).toString() == name)
            return c.toObject();
    }
    return {};
}

} // namespace

class TestCliProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kidneyQuirksAndAcceptedActions()
    {
        QTemporaryDir dir;
        const QString real = testsupport::realData(QStringLiteral("chronic_kidney_disease/kidney_disease_old.csv"));
        const QString meta = dir.filePath(QStringLiteral("meta.json"));
        const QString json = dir.filePath(QStringLiteral("profile.json"));
        const Run run = runCli({ QStringLiteral("profile"), real, QStringLiteral("--target"),
                                 QStringLiteral("classification"), QStringLiteral("--json"), json,
                                 QStringLiteral("--accept"), QStringLiteral("all"), QStringLiteral("--metadata-out"),
                                 meta });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The trailing tab of "ckd\t" (2 cells, python: s[s != s.str.strip()]) is named.
        QVERIFY(run.out.contains(QStringLiteral("classification has 2 value(s) with leading or trailing whitespace")));
        QVERIFY(run.out.contains(QStringLiteral("\"ckd\\t\" ×2")));

        // Every suggested action is recorded, and each one's effect is in the column's entry.
        const QJsonObject profile = readJson(json);
        const QJsonObject metadata = readJson(meta);
        const QJsonArray actions = profile.value(QStringLiteral("actions")).toArray();
        QCOMPARE(metadata.value(QStringLiteral("acceptedActions")).toArray(), actions);
        QCOMPARE(metadata.value(QStringLiteral("columns")).toArray().size(), 26);
        // "\t?" is in pcv, wc and rc only (python: s.str.strip().eq("?")), read as missing: declared.
        QStringList declared;
        for (const QJsonValue &a : actions) {
            const QJsonObject action = a.toObject();
            if (action.value(QStringLiteral("action")).toString() == QStringLiteral("declare_missing_marker"))
                declared.append(action.value(QStringLiteral("column")).toString());
        }
        declared.sort();
        QCOMPARE(declared, (QStringList { QStringLiteral("pcv"), QStringLiteral("rc"), QStringLiteral("wc") }));
        for (const QString &column : declared)
            QCOMPARE(columnEntry(metadata, column).value(QStringLiteral("missingValues")).toArray(),
                     (QJsonArray { QStringLiteral("?") }));

        // generate reads it back.
        const QString syn = dir.filePath(QStringLiteral("syn.csv"));
        const Run generate = runCli({ QStringLiteral("generate"), real, QStringLiteral("--metadata"), meta,
                                      QStringLiteral("--rows"), QStringLiteral("50"), QStringLiteral("--seed"),
                                      QStringLiteral("3"), QStringLiteral("--out"), syn });
        QVERIFY2(generate.exitCode == 0, qPrintable(generate.err));
        QVERIFY(QFile::exists(syn));
    }

    void acceptedActionsChangeTheNextReading()
    {
        // Built here, so the expected counts are known: 2 of 10 pcv cells say "unknown", the other 8
        // are numbers; "note" is empty in every row.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("visits.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mrn,pcv,grp,note\n");
        const char *pcv[] = { "44", "unknown", "38", "41", "unknown", "39", "45", "40", "36", "42" };
        for (int i = 0; i < 10; ++i)
            file.write(QStringLiteral("R%1,%2,%3,\n").arg(1000 + i).arg(QString::fromUtf8(pcv[i])).arg(i % 2 ? QStringLiteral("a") : QStringLiteral("b")).toUtf8());
        file.close();

        const QString meta = dir.filePath(QStringLiteral("meta.json"));
        const QString json = dir.filePath(QStringLiteral("before.json"));
        const Run run = runCli({ QStringLiteral("profile"), csv, QStringLiteral("--json"), json, QStringLiteral("--accept"),
                                 QStringLiteral("declare_missing_marker:pcv,change_type:pcv,exclude"),
                                 QStringLiteral("--metadata-out"), meta });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject before = profileColumn(readJson(json), QStringLiteral("pcv"));
        QCOMPARE(before.value(QStringLiteral("storage")).toString(), QStringLiteral("category"));
        const QJsonObject metadata = readJson(meta);
        const QJsonObject pcvEntry = columnEntry(metadata, QStringLiteral("pcv"));
        QCOMPARE(pcvEntry.value(QStringLiteral("type")).toString(), QStringLiteral("numerical"));
        QCOMPARE(pcvEntry.value(QStringLiteral("missingValues")).toArray(), (QJsonArray { QStringLiteral("unknown") }));
        // Only what was both suggested and accepted: "exclude" matched nothing (note is already left out).
        QCOMPARE(metadata.value(QStringLiteral("acceptedActions")).toArray().size(), 2);
        QCOMPARE(columnEntry(metadata, QStringLiteral("grp")).value(QStringLiteral("type")).toString(),
                 QStringLiteral("categorical"));

        // Read again with that metadata: pcv is numbers with 2 missing cells.
        const QString after = dir.filePath(QStringLiteral("after.json"));
        const Run again = runCli({ QStringLiteral("profile"), csv, QStringLiteral("--metadata"), meta,
                                   QStringLiteral("--json"), after });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject pcvAfter = profileColumn(readJson(after), QStringLiteral("pcv"));
        QCOMPARE(pcvAfter.value(QStringLiteral("storage")).toString(), QStringLiteral("number"));
        QCOMPARE(pcvAfter.value(QStringLiteral("missing")).toInt(), 2);
        QCOMPARE(pcvAfter.value(QStringLiteral("mean")).toDouble(), (44 + 38 + 41 + 39 + 45 + 40 + 36 + 42) / 8.0);
        QVERIFY(!profileColumn(readJson(after), QStringLiteral("note")).value(QStringLiteral("modelled")).toBool());
    }

    void acceptNamesWhatIsWrong()
    {
        const QString real = testsupport::realData(QStringLiteral("chronic_kidney_disease/kidney_disease_old.csv"));
        QTemporaryDir dir;
        const QString meta = dir.filePath(QStringLiteral("meta.json"));
        const Run noOut = runCli({ QStringLiteral("profile"), real, QStringLiteral("--accept"), QStringLiteral("all") });
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY(noOut.err.contains(QStringLiteral("--metadata-out")));
        const Run badKind = runCli({ QStringLiteral("profile"), real, QStringLiteral("--accept"),
                                     QStringLiteral("delete_rows"), QStringLiteral("--metadata-out"), meta });
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY(badKind.err.contains(QStringLiteral("delete_rows")));
        const Run badColumn = runCli({ QStringLiteral("profile"), real, QStringLiteral("--accept"),
                                       QStringLiteral("exclude:nope"), QStringLiteral("--metadata-out"), meta });
        QCOMPARE(badColumn.exitCode, 2);
        QVERIFY(badColumn.err.contains(QStringLiteral("nope")));
        QVERIFY(!QFile::exists(meta));
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cliprofile.moc"
