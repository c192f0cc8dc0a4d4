// SPDX-License-Identifier: MIT
// Drives the whole wizard on a real data set (UCI heart disease, Cleveland: no header, "?" for
// missing): load, override one type, train, cancel one run, train again, compare, export CSV and
// PDF, save the project, reopen it in a new window and find the same scores and rows.
#include "testpaths.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/controllers/trainingcontroller.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/mainwindow.h"
#include "ui/wizard/comparepage.h"
#include "ui/wizard/csvsourcewidget.h"
#include "ui/wizard/exportpage.h"
#include "ui/wizard/profilepage.h"
#include "ui/wizard/sourcepage.h"
#include "ui/wizard/trainingpage.h"
#include "ui/wizard/wizard.h"
#include "ui/appresources.h"
#include "ui/charts/scorecard.h"

#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestWizardFlow : public QObject {
    Q_OBJECT

    static QString dataFile()
    {
        return testsupport::realData(QStringLiteral("heart_disease_cleveland/processed.cleveland.csv"));
    }

    static QStringList firstRows(const core::Table &table, int rows)
    {
        QStringList out;
        for (int r = 0; r < rows && r < table.rowCount(); ++r) {
            QStringList cells;
            for (const core::Column &c : table.columns())
                cells.append(c.cellText(r));
            out.append(cells.join(u','));
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::initResources();
    }

    void aboutNamesTheDemoDataAndItsLicence()
    {
        const QString html = ui::AboutDialog::aboutHtml();
        QVERIFY(html.contains(QStringLiteral("Heart Failure Clinical Records")));
        QVERIFY(html.contains(QStringLiteral("CC BY 4.0")));
        QVERIFY(html.contains(QString::fromLatin1(qVersion())));
    }

    void demoDataIsOneClickAway()
    {
        ui::MainWindow window;
        QVERIFY(window.loadDemo());
        QCOMPARE(window.project()->realTable().rowCount(), qint64(299));
        QCOMPARE(window.project()->realTable().columnCount(), 13);
    }

    void languageSwitchKeepsTheStep()
    {
        ui::MainWindow window;
        QVERIFY(window.loadDemo());
        window.wizard()->next();
        QCOMPARE(window.wizard()->currentId(), int(ui::PageId::Profile));
        window.setLanguage(QStringLiteral("es"));
        QCOMPARE(window.wizard()->currentId(), int(ui::PageId::Profile));
        QCOMPARE(window.wizard()->currentPage()->title(), QStringLiteral("Perfil: qué hay en los datos"));
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(window.wizard()->currentPage()->title(), QStringLiteral("Profile: what is in the data"));
        QCOMPARE(window.project()->realTable().rowCount(), qint64(299));
    }

    void wholeWizardOnRealData()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ui::MainWindow window;
        window.resize(1280, 800);
        window.show();
        ui::Wizard *wizard = window.wizard();
        ui::ProjectController *project = window.project();

        // 1. Source: a headerless CSV with "?" for missing values.
        wizard->sourcePage()->csvWidget()->setPath(dataFile());
        QVERIFY(wizard->sourcePage()->csvWidget()->isPreviewValid());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ui::PageId::Profile));
        QCOMPARE(project->realTable().rowCount(), qint64(303)); // UCI: 303 patients
        QCOMPARE(project->realTable().columnCount(), 14);

        // 2. Profile: override the type of the third column (chest pain type, coded 1..4).
        QTableWidget *columns = wizard->profilePage()->columnTable();
        QCOMPARE(columns->rowCount(), 14);
        auto *type = qobject_cast<QComboBox *>(columns->cellWidget(2, 1));
        QVERIFY(type);
        const int categorical = type->findData(int(core::SemanticType::Categorical));
        const int numerical = type->findData(int(core::SemanticType::Numerical));
        const core::SemanticType before = project->schema().columns.at(2).type;
        const core::SemanticType wanted
            = before == core::SemanticType::Categorical ? core::SemanticType::Numerical : core::SemanticType::Categorical;
        type->setCurrentIndex(wanted == core::SemanticType::Categorical ? categorical : numerical);
        QCOMPARE(project->schema().columns.at(2).type, wanted);
        QVERIFY(project->schema().columns.at(2).userOverride);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ui::PageId::Generator));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ui::PageId::Training));
        QVERIFY(!wizard->currentPage()->isComplete());

        // 4. Train, cancel that run, train again.
        QSignalSpy cancelled(window.training(), &ui::TrainingController::cancelled);
        QVERIFY(wizard->trainingPage()->train());
        wizard->trainingPage()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
        QVERIFY(!project->model());
        QVERIFY(!project->hasSynthetic());
        QVERIFY(!wizard->currentPage()->isComplete());
        QVERIFY(wizard->trainingPage()->train());
        QTRY_VERIFY_WITH_TIMEOUT(project->hasSynthetic() && !window.training()->isBusy(), 120000);
        QVERIFY(project->model() && project->model()->isFitted());
        QVERIFY(wizard->currentPage()->isComplete());
        const qint64 trainingRows = project->trainingTable().rowCount();
        QCOMPARE(trainingRows, qint64(303) - qint64(std::llround(0.2 * 303))); // default 20% hold-out
        QCOMPARE(project->syntheticTable().rowCount(), trainingRows);

        // 5. Compare.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ui::PageId::Compare));
        const double overall = project->quality().overall;
        QVERIFY(std::isfinite(overall) && overall > 0.5 && overall <= 1.0);
        QVERIFY(wizard->comparePage()->overallCard()->valueText().contains(u'%'));
        QVERIFY(wizard->comparePage()->columnTable()->rowCount() > 0);

        // 6. Export CSV and PDF.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ui::PageId::Export));
        const QString csv = dir.filePath(QStringLiteral("synthetic.csv"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(wizard->exportPage()->exportCsv(csv).ok());
        QVERIFY(wizard->exportPage()->exportPdf(pdf).ok());
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readAll().count('\n'), trainingRows + 1); // header + rows
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(pdfFile.size() > 20'000); // charts are in it
        if (const QString keep = qEnvironmentVariable("HEALTHSYNTH_KEEP_REPORT"); !keep.isEmpty())
            QFile::copy(pdf, keep); // for looking at the PDF by hand (pdftoppm)

        // Save, close, reopen.
        const QString projectPath = dir.filePath(QStringLiteral("study/heart.hsproj"));
        QVERIFY(window.saveProjectAs(projectPath));
        QVERIFY(!project->isModified());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("study/data/03_validation/holdout.csv"))));
        const QStringList rows = firstRows(project->syntheticTable(), 20);
        const QString modelId = project->model()->id();
        window.close();

        ui::MainWindow reopened;
        QVERIFY(reopened.openProject(projectPath));
        ui::ProjectController *again = reopened.project();
        QCOMPARE(again->schema().columns.at(2).type, wanted);
        QVERIFY(again->model() && again->model()->isFitted());
        QCOMPARE(again->model()->id(), modelId);
        QCOMPARE(again->syntheticTable().rowCount(), trainingRows);
        QCOMPARE(firstRows(again->syntheticTable(), 20), rows);
        QVERIFY(std::abs(again->quality().overall - overall) < 1e-12);
        QCOMPARE(reopened.wizard()->currentId(), int(ui::PageId::Compare));
    }
};

QTEST_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
