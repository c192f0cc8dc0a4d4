// SPDX-License-Identifier: MIT
// Killing the process (SIGKILL, no chance to clean up) in the middle of a save or a training
// run must never cost the user a file: the previous project stays intact and loadable, and a
// model file is either the previous one, intact, or absent, never a truncated one.
//
// A save is caught in the act without timing: save_kill_helper saves over and over; the test
// freezes it (SIGSTOP) and looks in /proc/PID/fd for a file open in the target folder. Only
// when one is (a save is between open and commit) is the helper killed; otherwise it resumes
// and the test looks again.
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/modelfile.h"
#include "core/project/project.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace core;

namespace {

/// Whether process `pid` has a file open in `folder` (a save in progress).
bool writesInto(qint64 pid, const QString &folder)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    const QString prefix = QDir(folder).canonicalPath() + u'/';
    for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        if (QFile::symLinkTarget(fds.filePath(fd)).startsWith(prefix))
            return true;
    }
    return false;
}

/// The highest n of the helper's "SAVED n" lines (0 if none).
qint64 lastSaved(const QByteArray &output)
{
    qint64 last = 0;
    static const QRegularExpression line(QStringLiteral("^SAVED (\\d+)$"), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(QString::fromUtf8(output)); it.hasNext();)
        last = std::max(last, it.next().captured(1).toLongLong());
    return last;
}

/// Starts the helper, waits for `ready` in its output, then SIGKILLs it while a save into `folder`
/// is in progress. Returns everything it printed.
QByteArray killMidSave(const QStringList &arguments, const QString &folder, const QByteArray &ready)
{
    QProcess helper;
    helper.start(QStringLiteral(SAVE_KILL_HELPER), arguments);
    if (!helper.waitForStarted())
        qFatal("save_kill_helper did not start: %s", qPrintable(helper.errorString()));
    QByteArray out;
    while (!out.contains(ready)) {
        if (!helper.waitForReadyRead(120000))
            qFatal("save_kill_helper never got ready: %s", helper.readAllStandardError().constData());
        out += helper.readAllStandardOutput();
    }
    const pid_t pid = pid_t(helper.processId());
    const QDeadlineTimer deadline(120000);
    for (;;) {
        if (writesInto(pid, folder)) {
            ::kill(pid, SIGSTOP);
            if (writesInto(pid, folder))
                break; // frozen mid-save
            ::kill(pid, SIGCONT);
        }
        if (deadline.hasExpired())
            qFatal("never caught save_kill_helper in the middle of a save");
        QThread::yieldCurrentThread();
    }
    ::kill(pid, SIGKILL);
    helper.waitForFinished(10000);
    if (helper.exitStatus() != QProcess::CrashExit)
        qFatal("save_kill_helper was not killed");
    out += helper.readAllStandardOutput();
    // Qt writes through an unnamed temporary file where the file system allows (O_TMPFILE), so a
    // killed save usually leaves nothing behind; elsewhere a "NAME.XXXXXX" file may remain.
    qInfo("killed during save %lld; the folder holds %s", static_cast<long long>(lastSaved(out) + 1),
          qPrintable(QDir(folder).entryList(QDir::Files).join(QStringLiteral(", "))));
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QString writeSmallCsv(const QString &folder)
{
    const QString path = folder + QStringLiteral("/patients.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("age,sex,sbp\n");
    for (int i = 0; i < 400; ++i)
        file.write(QByteArray::number(30 + i % 50) + (i % 3 ? ",F," : ",M,") + QByteArray::number(110 + (i * 7) % 60)
                   + '\n');
    return path;
}

} // namespace

class TestSaveKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void projectKilledMidSaveKeepsThePreviousVersion_data()
    {
        QTest::addColumn<int>("round");
        for (int round = 0; round < 2; ++round)
            QTest::addRow("round %d", round) << round;
    }

    void projectKilledMidSaveKeepsThePreviousVersion()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("study.hsproj"));
        const QByteArray out = killMidSave({ QStringLiteral("project"), path }, dir.path(), "SAVED 1\n");
        // The helper prints "SAVED n" after save n commits and was killed inside save n + 1.
        const qint64 saved = lastSaved(out);
        QVERIFY(saved >= 1);
        Diagnostics warnings;
        const Result<Project> loaded = ProjectFile::load(path, warnings);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded.value().name, QStringLiteral("version %1").arg(saved % 2));
        QCOMPARE(loaded.value().metadataOverrides.size(), 20000);
        QVERIFY(warnings.isEmpty());
    }

    void modelKilledMidSaveKeepsThePreviousModel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("copula.hsmodel"));
        const QByteArray out = killMidSave({ QStringLiteral("model"), path }, dir.path(), "SAVED 1\n");
        const qint64 saved = lastSaved(out);
        QVERIFY(saved >= 1);
        auto model = ModelFile::load(path, builtInGenerators());
        QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
        // The helper alternates models fitted with seeds 0 and 1: the file is the last one saved.
        QCOMPARE(model.value()->info().seed, quint64(saved % 2));
    }

    // Every save writes a new file: the one being written when the process dies must not exist.
    void modelKilledMidFirstSaveLeavesNoFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray out = killMidSave({ QStringLiteral("models"), dir.path() }, dir.path(), "FITTED\n");
        const qint64 saved = lastSaved(out);
        const auto modelPath = [&dir](qint64 n) { return dir.filePath(QStringLiteral("model-%1.hsmodel").arg(n)); };
        QVERIFY2(!QFile::exists(modelPath(saved + 1)), "a model file appeared although its save was killed");
        for (qint64 n = std::max<qint64>(1, saved - 1); n <= saved; ++n) { // the helper keeps the last two
            auto model = ModelFile::load(modelPath(n), builtInGenerators());
            QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
            QCOMPARE(model.value()->info().seed, quint64(n % 2));
        }
    }

    void cliKilledMidTrainingKeepsThePreviousModel_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("secondEpoch"); // progress once a whole epoch is done
        QTest::newRow("ctgan") << QStringLiteral("ctgan") << QByteArray("Training CTGAN (2/");
        QTest::newRow("tvae") << QStringLiteral("tvae") << QByteArray("Training TVAE (2/");
    }

    // `fit` writes the model only after training: killing it mid-training leaves the previous
    // model untouched, byte for byte, and adds no file.
    void cliKilledMidTrainingKeepsThePreviousModel()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, secondEpoch);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csv = writeSmallCsv(dir.path());
        const QString model = dir.filePath(id + QStringLiteral(".hsmodel"));
        QProcess first;
        first.start(QStringLiteral(HEALTHSYNTH_CLI_PATH),
                    { QStringLiteral("fit"), csv, QStringLiteral("--model"), id, QStringLiteral("--set"),
                      QStringLiteral("epochs=1"), QStringLiteral("--set"), QStringLiteral("batch_size=100"),
                      QStringLiteral("--out"), model });
        QVERIFY(first.waitForFinished(300000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        const QByteArray before = fileHash(model);
        QVERIFY(!before.isEmpty());
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);

        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels); // progress is on stderr
        second.start(QStringLiteral(HEALTHSYNTH_CLI_PATH),
                     { QStringLiteral("fit"), csv, QStringLiteral("--model"), id,
                       QStringLiteral("--set"), QStringLiteral("epochs=100000"), QStringLiteral("--set"),
                       QStringLiteral("batch_size=100"), QStringLiteral("--seed"), QStringLiteral("5"),
                       QStringLiteral("--out"), model });
        QVERIFY(second.waitForStarted());
        QByteArray err;
        while (!err.contains(secondEpoch)) { // a whole epoch done: training is under way
            if (!second.waitForReadyRead(300000))
                QFAIL(qPrintable(QStringLiteral("training never started: %1").arg(QString::fromUtf8(err))));
            err += second.readAllStandardOutput();
        }
        ::kill(pid_t(second.processId()), SIGKILL);
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitStatus(), QProcess::CrashExit);

        QCOMPARE(fileHash(model), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
        auto loaded = ModelFile::load(model, builtInGenerators());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded.value()->id(), id);
    }
};

QTEST_GUILESS_MAIN(TestSaveKill)
#include "tst_save_kill.moc"
