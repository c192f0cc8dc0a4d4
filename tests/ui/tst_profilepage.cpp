// SPDX-License-Identifier: MIT
// The Profile step on the chronic kidney disease file: it names the quirks loading cleaned away
// (the trailing tab of "ckd\t", "\t?" read as missing), and a suggestion accepted there is
// recorded in the project's metadata, saved with it and applied when it is opened again.
#include "core/project/project.h"
#include "testpaths.h"
#include "ui/appresources.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/wizard/profilepage.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

const core::ColumnMeta *overrideFor(const core::Project &project, const QString &column)
{
    for (const core::ColumnMeta &m : project.metadataOverrides) {
        if (m.name == column)
            return &m;
    }
    return nullptr;
}

} // namespace

class TestProfilePage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
    }

    void kidneyQuirksAndAcceptedSuggestions()
    {
        const QString path = testsupport::realData(QStringLiteral("chronic_kidney_disease/kidney_disease_old.csv"));
        ui::ProjectController project;
        core::SilentJob job;
        auto read = ui::ProjectController::readCsv(path, {}, job);
        QVERIFY(read.ok());
        project.adoptCsv(path, {}, std::move(read).value());
        ui::ProfilePage page(&project);
        page.initializePage();

        // python: s[s != s.str.strip()] -> classification "ckd\t" x2, pcv "\t?" and "\t43"
        const QList<core::Alert> padded
            = page.profile().alertsOf(QStringLiteral("whitespace"), QStringLiteral("classification"));
        QCOMPARE(padded.size(), 1);
        QCOMPARE(padded.front().evidence.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(page.profile()
                     .alertsOf(QStringLiteral("whitespace"), QStringLiteral("pcv"))
                     .value(0)
                     .evidence.value(QStringLiteral("count"))
                     .toInt(),
                 2);

        // "\t?" in pcv, wc, rc: one "declare as missing" suggestion each, listed.
        int row = -1;
        for (int i = 0; i < page.openActions().size(); ++i) {
            const core::SuggestedAction &a = page.openActions().at(i);
            if (a.kind == core::SuggestedAction::Kind::DeclareMissingMarker && a.column == QStringLiteral("pcv"))
                row = i;
        }
        QVERIFY(row >= 0);
        QCOMPARE(page.actionList()->topLevelItemCount(), page.openActions().size());
        const qint64 missingBefore = project.realTable().column(project.realTable().indexOf(QStringLiteral("pcv"))).missingCount();
        QVERIFY(page.acceptAction(row));
        const core::ColumnMeta *pcv = overrideFor(project.project(), QStringLiteral("pcv"));
        QVERIFY(pcv);
        QCOMPARE(pcv->missingValues, QStringList { QStringLiteral("?") });
        // Already read as missing by the default markers: no cell changes (python: 71 missing).
        QCOMPARE(project.realTable().column(project.realTable().indexOf(QStringLiteral("pcv"))).missingCount(),
                 missingBefore);
        QCOMPARE(missingBefore, qint64(71));
        for (const core::SuggestedAction &a : page.openActions())
            QVERIFY(!(a.kind == core::SuggestedAction::Kind::DeclareMissingMarker && a.column == QStringLiteral("pcv")));

        // Rejecting one takes it off the list and records nothing.
        const int before = int(page.openActions().size());
        QVERIFY(page.rejectAction(0));
        QCOMPARE(int(page.openActions().size()), before - 1);
        QVERIFY(!overrideFor(project.project(), QStringLiteral("wc")));
        QVERIFY(!page.acceptAction(99));

        // Saved with the project and applied again when it is opened.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("kidney.hsproj"));
        QVERIFY(project.saveAs(file).ok());
        ui::ProjectController reopened;
        core::Diagnostics warnings;
        QVERIFY(reopened.open(file, warnings).ok());
        const core::ColumnMeta *saved = reopened.schema().find(QStringLiteral("pcv"));
        QVERIFY(saved);
        QCOMPARE(saved->missingValues, QStringList { QStringLiteral("?") });
    }

    void acceptedMarkerChangesTheCells()
    {
        // Built here: "unknown" in 2 of 6 cells of a numeric column is not a default marker.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.csv"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("grp,pcv\na,44\nb,unknown\na,38\nb,41\na,unknown\nb,39\n");
        out.close();
        ui::ProjectController project;
        core::SilentJob job;
        auto read = ui::ProjectController::readCsv(path, {}, job);
        QVERIFY(read.ok());
        project.adoptCsv(path, {}, std::move(read).value());
        ui::ProfilePage page(&project);
        page.initializePage();
        for (core::SuggestedAction::Kind kind :
             { core::SuggestedAction::Kind::DeclareMissingMarker, core::SuggestedAction::Kind::ChangeType }) {
            int row = -1;
            for (int i = 0; i < page.openActions().size(); ++i) {
                if (page.openActions().at(i).kind == kind && page.openActions().at(i).column == QStringLiteral("pcv"))
                    row = i;
            }
            QVERIFY2(row >= 0, qPrintable(core::suggestedActionKey(kind)));
            QVERIFY(page.acceptAction(row));
        }
        const core::Column &pcv = project.realTable().column(1);
        QCOMPARE(pcv.storage(), core::ColumnStorage::Number);
        QCOMPARE(pcv.missingCount(), qint64(2));
        QCOMPARE(project.schema().columns.at(1).type, core::SemanticType::Numerical);
        const int i = page.profile().indexOf(QStringLiteral("pcv"));
        QVERIFY(i >= 0);
        QCOMPARE(page.profile().columns.at(i).numeric->mean, (44 + 38 + 41 + 39) / 4.0);
    }
};

QTEST_MAIN(TestProfilePage)
#include "tst_profilepage.moc"
