// SPDX-License-Identifier: MIT
#pragma once

#include "ui/wizard/pageid.h"

#include <QWizard>

class QListWidget;

namespace ui {

class ComparePage;
class ExportPage;
class GeneratorPage;
class ProfilePage;
class ProjectController;
class SourcePage;
class TrainingController;
class TrainingPage;

/// The six steps from real data to an exported synthetic table, embedded in the main window.
/// A side list shows where the user is; pages edit the project through ProjectController.
class Wizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Wizard)
public:
    Wizard(ProjectController *project, TrainingController *training, QWidget *parent = nullptr);

    SourcePage *sourcePage() const { return m_source; }
    ProfilePage *profilePage() const { return m_profile; }
    GeneratorPage *generatorPage() const { return m_generator; }
    TrainingPage *trainingPage() const { return m_training; }
    ComparePage *comparePage() const { return m_compare; }
    ExportPage *exportPage() const { return m_export; }

    /// Retranslates the step list (pages retranslate on LanguageChange themselves).
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSteps(int currentId);

    QListWidget *m_steps = nullptr;
    SourcePage *m_source = nullptr;
    ProfilePage *m_profile = nullptr;
    GeneratorPage *m_generator = nullptr;
    TrainingPage *m_training = nullptr;
    ComparePage *m_compare = nullptr;
    ExportPage *m_export = nullptr;
};

} // namespace ui
