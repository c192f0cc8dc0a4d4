// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/project/project.h"

#include <QHash>
#include <QWizardPage>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace ui {

class ProjectController;

/// Step 3: the generator with a one-line explanation, its settings (from Generator::settings(),
/// with defaults and tooltips), rows to generate, seed, hold-out share, utility target and
/// constraints (a column's range, A <= B). Everything goes into the project's GenerationSettings.
class GeneratorPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneratorPage)
public:
    explicit GeneratorPage(ProjectController *project, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;

    /// Selects a generator by id (tests, screenshots). Returns false if unknown.
    bool selectGenerator(const QString &id);
    /// Sets one setting's editor (tests); false if the generator has no such setting.
    bool setSetting(const QString &key, const QVariant &value);

private:
    void generatorChosen();
    void buildSettings(const core::Generator &generator, const QVariantMap &values);
    QVariantMap settingValues() const;
    void addConstraintRow(const core::Constraint &constraint);
    void store();

    ProjectController *m_project;
    QComboBox *m_generator = nullptr;
    QLabel *m_description = nullptr;
    QFormLayout *m_settingsForm = nullptr;
    QHash<QString, QWidget *> m_editors;
    QSpinBox *m_rows = nullptr;
    QSpinBox *m_seed = nullptr;
    QDoubleSpinBox *m_holdout = nullptr;
    QComboBox *m_target = nullptr;
    QTableWidget *m_constraints = nullptr;
    bool m_loading = false;
};

} // namespace ui
