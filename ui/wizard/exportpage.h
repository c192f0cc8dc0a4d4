// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class ProjectController;

/// Step 6: the synthetic table to CSV, to a PostgreSQL table or to an S3-compatible bucket,
/// and the evaluation report as PDF. Real rows are never exported from here.
class ExportPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportPage)
public:
    explicit ExportPage(ProjectController *project, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override { return -1; }

    /// Writes the synthetic table as CSV (the button; tests call it directly).
    core::Result<void> exportCsv(const QString &path);
    /// Paints the PDF report.
    core::Result<void> exportPdf(const QString &path);

private:
    QString chooseFile(QLineEdit *edit, const QString &caption, const QString &filter);
    void exportToPostgres();
    void exportToS3();
    void report(bool ok, const QString &text);

    ProjectController *m_project;
    QLineEdit *m_csvPath = nullptr;
    QLineEdit *m_pdfPath = nullptr;
    QLineEdit *m_pgHost = nullptr;
    QSpinBox *m_pgPort = nullptr;
    QLineEdit *m_pgDatabase = nullptr;
    QLineEdit *m_pgUser = nullptr;
    QLineEdit *m_pgPassword = nullptr;
    QLineEdit *m_pgTable = nullptr;
    QComboBox *m_pgMode = nullptr;
    QPushButton *m_pgButton = nullptr;
    QLineEdit *m_s3Url = nullptr;
    QLineEdit *m_s3Endpoint = nullptr;
    QLineEdit *m_s3Region = nullptr;
    QLineEdit *m_s3Key = nullptr;
    QLineEdit *m_s3Secret = nullptr;
    QPushButton *m_s3Button = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ui
