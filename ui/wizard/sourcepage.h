// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;
class QRadioButton;
class QStackedWidget;

namespace ui {

class CsvSourceWidget;
class PostgresSourceWidget;
class ProjectController;

/// Step 1: where the real data comes from: a CSV file (with live preview and parse options),
/// a PostgreSQL table or query, or the bundled demo data. Leaving the page loads the data in
/// full into the project.
class SourcePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcePage)
public:
    explicit SourcePage(ProjectController *project, QWidget *parent = nullptr);

    /// Chooses the bundled demo CSV; returns false (after showing why) if it cannot be extracted.
    bool useDemoData();
    /// Shows the project's source (after opening a project).
    void showProjectSource();
    CsvSourceWidget *csvWidget() const { return m_csv; }
    PostgresSourceWidget *postgresWidget() const { return m_postgres; }
    /// Switches between the CSV and the PostgreSQL panel.
    void choosePostgres(bool postgres);

    int nextId() const override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool isPostgres() const;
    bool loadCsv();
    bool loadPostgres();

    ProjectController *m_project;
    QRadioButton *m_csvChoice = nullptr;
    QRadioButton *m_postgresChoice = nullptr;
    QStackedWidget *m_stack = nullptr;
    CsvSourceWidget *m_csv = nullptr;
    PostgresSourceWidget *m_postgres = nullptr;
    QLabel *m_demoNote = nullptr;
};

} // namespace ui
