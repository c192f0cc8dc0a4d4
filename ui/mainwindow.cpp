// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "ui/controllers/projectcontroller.h"
#include "ui/controllers/trainingcontroller.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/settings.h"
#include "ui/showerror.h"
#include "ui/wizard/sourcepage.h"
#include "ui/wizard/wizard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTranslator>

namespace ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_project(new ProjectController(this))
    , m_training(new TrainingController(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/healthsynth.svg")));
    m_statusSource = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusSource);
    createActions();
    buildWizard();
    connect(m_project, &ProjectController::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_project, &ProjectController::projectPathChanged, this, &MainWindow::updateTitle);
    connect(m_project, &ProjectController::sourceChanged, this,
            [this] { m_statusSource->setText(m_project->sourceSummary()); });
    connect(m_training, &TrainingController::cancelled, this,
            [this] { statusBar()->showMessage(tr("Cancelled; the previous model is kept."), 5000); });
    m_statusSource->setText(m_project->sourceSummary());
    updateTitle();
    if (!restoreGeometry(settings::windowGeometry.value()))
        resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    menuBar()->clear();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New project"), this, &MainWindow::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open project..."), this,
                                          &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::refreshRecentProjects);
    file->addSeparator();
    QAction *saveAction
        = file->addAction(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save project"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save project &as..."), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(QIcon(QStringLiteral(":/icons/demo.svg")), tr("Load the &demo data"), this, &MainWindow::loadDemo);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    const QString current = settings::language.value().isEmpty() ? QLocale().name().left(2) : settings::language.value();
    for (const auto &[code, name] : { std::pair { QStringLiteral("en"), QStringLiteral("English") },
                                      std::pair { QStringLiteral("es"), QStringLiteral("Español") } }) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current || (code == QStringLiteral("en") && current != QStringLiteral("es")));
        m_languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About HealthSynth"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildWizard()
{
    const int page = m_wizard ? m_wizard->currentId() : -1;
    if (m_wizard)
        m_wizard->deleteLater();
    m_wizard = new Wizard(m_project, m_training, this);
    m_wizard->setWindowFlags(Qt::Widget);
    setCentralWidget(m_wizard);
    m_wizard->restart();
    if (m_project->hasData())
        m_wizard->sourcePage()->showProjectSource();
    // Walk forward to the page the user was on; pages initialise from the project as they open.
    while (page > 0 && m_wizard->currentId() < page && m_wizard->currentPage()->isComplete()) {
        const int before = m_wizard->currentId();
        m_wizard->next();
        if (m_wizard->currentId() == before)
            break;
    }
}

QString MainWindow::installTranslator(const QString &language)
{
    static QTranslator *appTranslator = nullptr;
    static QTranslator *qtTranslator = nullptr;
    const QString lang = language.isEmpty() ? QLocale().name().left(2) : language;
    for (QTranslator **t : { &appTranslator, &qtTranslator }) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (lang == QStringLiteral("es")) {
        appTranslator = new QTranslator;
        if (appTranslator->load(QStringLiteral(":/i18n/healthsynth_es.qm")))
            QCoreApplication::installTranslator(appTranslator);
        qtTranslator = new QTranslator;
        if (qtTranslator->load(QLocale(QLocale::Spanish), QStringLiteral("qtbase"), QStringLiteral("_"),
                               QStringLiteral("/usr/share/qt6/translations")))
            QCoreApplication::installTranslator(qtTranslator);
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        return QStringLiteral("es");
    }
    // English needs its .qm too: it carries the singular and plural forms of "%n row(s)".
    appTranslator = new QTranslator;
    if (appTranslator->load(QStringLiteral(":/i18n/healthsynth_en.qm")))
        QCoreApplication::installTranslator(appTranslator);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return QStringLiteral("en");
}

void MainWindow::setLanguage(const QString &language)
{
    if (m_training->isBusy()) {
        statusBar()->showMessage(tr("The language can change once training has finished."), 5000);
        return;
    }
    settings::language.setValue(language);
    installTranslator(language);
    createActions();
    buildWizard();
    updateTitle();
    m_statusSource->setText(m_project->sourceSummary());
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] - HealthSynth").arg(m_project->displayName()));
    setWindowModified(m_project->isModified());
}

void MainWindow::refreshRecentProjects()
{
    m_recentMenu->clear();
    const QStringList recent = settings::recentProjects.value();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openProject(path);
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
}

bool MainWindow::maybeSave()
{
    if (!m_project->isModified() || !m_project->hasData())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The project \"%1\" has unsaved changes. Save them first?").arg(m_project->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::save()
{
    if (m_project->projectPath().isEmpty())
        return saveAs();
    return saveProjectAs(m_project->projectPath());
}

bool MainWindow::saveAs()
{
    QString dir = settings::lastDirectory.value();
    const QString suggested = QDir(dir.isEmpty() ? QDir::homePath() : dir)
                                  .filePath(m_project->displayName() + QStringLiteral(".hsproj"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save project"), suggested,
                                                      tr("HealthSynth projects (*.hsproj)"));
    if (path.isEmpty())
        return false;
    settings::lastDirectory.setValue(QFileInfo(path).absolutePath());
    return saveProjectAs(path.endsWith(QStringLiteral(".hsproj")) ? path : path + QStringLiteral(".hsproj"));
}

bool MainWindow::saveProjectAs(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Result<void> saved = m_project->saveAs(path);
    QApplication::restoreOverrideCursor();
    if (!saved.ok()) {
        showError(this, tr("Cannot save the project"), saved.error());
        return false;
    }
    settings::pushRecent(settings::recentProjects, m_project->projectPath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_project->projectPath())), 5000);
    return true;
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), settings::lastDirectory.value(),
                                                      tr("HealthSynth projects (*.hsproj)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString &path)
{
    if (m_training->isBusy()) {
        statusBar()->showMessage(tr("Wait for training to finish, or cancel it, before opening a project."), 5000);
        return false;
    }
    core::Diagnostics warnings;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Result<void> opened = m_project->open(path, warnings);
    QApplication::restoreOverrideCursor();
    if (!opened.ok()) {
        showError(this, tr("Cannot open the project"), opened.error());
        return false;
    }
    settings::pushRecent(settings::recentProjects, m_project->projectPath());
    if (!warnings.isEmpty()) {
        QStringList lines;
        for (const core::Diagnostic &w : warnings)
            lines.append(w.message);
        statusBar()->showMessage(lines.join(QStringLiteral("  ")), 10000);
    }
    // Rebuild so every page starts from the reopened project, then go to the furthest step it reached.
    buildWizard();
    const int target = m_project->hasSynthetic() ? pageIndex(PageId::Compare) : pageIndex(PageId::Profile);
    while (m_wizard->currentId() < target && m_wizard->currentPage()->isComplete()) {
        const int before = m_wizard->currentId();
        m_wizard->next();
        if (m_wizard->currentId() == before)
            break;
    }
    m_statusSource->setText(m_project->sourceSummary());
    updateTitle();
    return true;
}

void MainWindow::newProject()
{
    if (m_training->isBusy() || !maybeSave())
        return;
    m_project->newProject();
    buildWizard();
}

bool MainWindow::loadDemo()
{
    if (m_wizard->currentId() != pageIndex(PageId::Source))
        m_wizard->restart();
    if (!m_wizard->sourcePage()->useDemoData())
        return false;
    return m_wizard->sourcePage()->validatePage();
}

void MainWindow::about()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_training->cancel();
    settings::windowGeometry.setValue(saveGeometry());
    event->accept();
}

} // namespace ui
