// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QPointer>

class QActionGroup;
class QLabel;
class QMenu;
class QTranslator;

namespace ui {

class ProjectController;
class TrainingController;
class Wizard;

/// The application window: File / Language / Help menus around the six-step wizard. Owns the
/// project and training controllers; the wizard is rebuilt when the language changes.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectController *project() const { return m_project; }
    TrainingController *training() const { return m_training; }
    Wizard *wizard() const { return m_wizard; }

    /// Chooses the demo data on the Source step and loads it; false if it cannot.
    bool loadDemo();
    /// Opens a project file; errors are shown. Returns success.
    bool openProject(const QString &path);
    /// Saves to `path` (Save As without a dialog); errors are shown. Returns success.
    bool saveProjectAs(const QString &path);
    /// "en" or "es": installs the translator and rebuilds the wizard on the same step.
    void setLanguage(const QString &language);

    /// Installs the application translator for `language` ("en", "es", or empty for the system's).
    static QString installTranslator(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void buildWizard();
    void updateTitle();
    void refreshRecentProjects();
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    void newProject();
    void about();

    ProjectController *m_project = nullptr;
    TrainingController *m_training = nullptr;
    QPointer<Wizard> m_wizard;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_languages = nullptr;
    QLabel *m_statusSource = nullptr;
};

} // namespace ui
