// SPDX-License-Identifier: MIT
#pragma once

#include "core/profile/profile.h"

#include <QWizardPage>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace ui {

class HistogramComparisonChart;
class ProjectController;

/// Step 2: one row per column (name, type with an override combo, role, missing %, distinct,
/// min / max / mean), the quality alerts with their severity, and a chart of the selected
/// column. Type and role changes go to the project's schema, which every later step uses.
class ProfilePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePage)
public:
    explicit ProfilePage(ProjectController *project, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;
    const core::Profile &profile() const { return m_profile; }
    QTableWidget *columnTable() const { return m_table; }

private:
    void computeProfile();
    void fillTable();
    void fillAlerts();
    void showColumn(int row);
    void typeChosen(int column, int comboIndex);
    void roleChosen(int column, int comboIndex);

    ProjectController *m_project;
    core::Profile m_profile;
    bool m_stale = true;
    bool m_filling = false;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QTreeWidget *m_alerts = nullptr;
    HistogramComparisonChart *m_chart = nullptr;
};

} // namespace ui
