// SPDX-License-Identifier: MIT
#pragma once

#include "core/profile/profile.h"

#include <QSet>
#include <QWizardPage>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace ui {

class HistogramComparisonChart;
class ProjectController;

/// Step 2: one row per column (name, type with an override combo, role, missing %, distinct,
/// min / max / mean), the quality alerts with their severity, the suggested actions to accept or
/// reject, and a chart of the selected column. Type and role changes and accepted suggestions go
/// to the project's schema and metadata, which every later step uses.
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
    /// The suggestions still open, one row each, in the order of actionList().
    const QList<core::SuggestedAction> &openActions() const { return m_open; }
    QTreeWidget *actionList() const { return m_actions; }
    /// Accepts open suggestion `index` into the project's metadata, or rejects it (it is not
    /// offered again for this data). Both return false for an index out of range.
    bool acceptAction(int index);
    bool rejectAction(int index);

private:
    void computeProfile();
    void fillTable();
    void fillAlerts();
    void fillActions();
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
    QTreeWidget *m_actions = nullptr;
    QList<core::SuggestedAction> m_open;
    QList<core::SuggestedAction> m_carried; ///< still open from before a re-profile the user caused
    QSet<QString> m_rejected; ///< suggestions the user turned down, as actionKey()
    HistogramComparisonChart *m_chart = nullptr;
};

} // namespace ui
