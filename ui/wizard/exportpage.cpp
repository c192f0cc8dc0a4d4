// SPDX-License-Identifier: MIT
#include "ui/wizard/exportpage.h"

#include "core/data/csvwriter.h"
#include "core/export/credentials.h"
#include "core/export/postgresexport.h"
#include "core/export/s3upload.h"
#include "ui/background.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/controllers/projectreport.h"
#include "ui/report/reportpainter.h"
#include "ui/settings.h"
#include "ui/showerror.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace ui {

ExportPage::ExportPage(ProjectController *project, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
{
    setTitle(tr("Export: take the synthetic data with you"));
    setSubTitle(tr("Only synthetic rows and the report leave from here; the real data stays where it is."));
    auto *layout = new QGridLayout(this);

    auto fileRow = [this](QGroupBox *box, QLineEdit *&edit, const QString &button, const QString &caption,
                          const QString &filter) {
        auto *l = new QVBoxLayout(box);
        auto *row = new QHBoxLayout;
        edit = new QLineEdit(box);
        auto *browse = new QPushButton(tr("Browse..."), box);
        row->addWidget(edit, 1);
        row->addWidget(browse);
        l->addLayout(row);
        auto *go = new QPushButton(button, box);
        l->addWidget(go, 0, Qt::AlignLeft);
        l->addStretch();
        QLineEdit *target = edit;
        connect(browse, &QPushButton::clicked, this,
                [this, target, caption, filter] { chooseFile(target, caption, filter); });
        return go;
    };
    auto *csvBox = new QGroupBox(tr("Synthetic table as CSV"), this);
    QPushButton *csvGo = fileRow(csvBox, m_csvPath, tr("Export &CSV"), tr("Export the synthetic table"),
                                 tr("CSV files (*.csv)"));
    auto *pdfBox = new QGroupBox(tr("Evaluation report as PDF"), this);
    QPushButton *pdfGo = fileRow(pdfBox, m_pdfPath, tr("Export &PDF report"), tr("Export the report"),
                                 tr("PDF files (*.pdf)"));
    layout->addWidget(csvBox, 0, 0);
    layout->addWidget(pdfBox, 0, 1);

    auto *pgBox = new QGroupBox(tr("Synthetic table to PostgreSQL"), this);
    auto *pgForm = new QFormLayout(pgBox);
    m_pgHost = new QLineEdit(settings::postgresHost.value(), pgBox);
    m_pgPort = new QSpinBox(pgBox);
    m_pgPort->setRange(1, 65535);
    m_pgPort->setValue(settings::postgresPort.value());
    m_pgDatabase = new QLineEdit(settings::postgresDatabase.value(), pgBox);
    m_pgUser = new QLineEdit(settings::postgresUser.value(), pgBox);
    m_pgPassword = new QLineEdit(pgBox);
    m_pgPassword->setEchoMode(QLineEdit::Password);
    m_pgPassword->setPlaceholderText(tr("empty: PGPASSWORD or none"));
    m_pgTable = new QLineEdit(QStringLiteral("public.synthetic"), pgBox);
    m_pgMode = new QComboBox(pgBox);
    m_pgMode->addItem(tr("Create (fail if it exists)"), int(core::ExportMode::Create));
    m_pgMode->addItem(tr("Replace"), int(core::ExportMode::Replace));
    m_pgMode->addItem(tr("Append"), int(core::ExportMode::Append));
    pgForm->addRow(tr("Host:"), m_pgHost);
    pgForm->addRow(tr("Port:"), m_pgPort);
    pgForm->addRow(tr("Database:"), m_pgDatabase);
    pgForm->addRow(tr("User:"), m_pgUser);
    pgForm->addRow(tr("Password:"), m_pgPassword);
    pgForm->addRow(tr("Table:"), m_pgTable);
    pgForm->addRow(tr("If it exists:"), m_pgMode);
    m_pgButton = new QPushButton(tr("Export to Postgre&SQL"), pgBox);
    pgForm->addRow(m_pgButton);
    layout->addWidget(pgBox, 1, 0);

    auto *s3Box = new QGroupBox(tr("Synthetic table to an S3-compatible bucket"), this);
    auto *s3Form = new QFormLayout(s3Box);
    m_s3Url = new QLineEdit(s3Box);
    m_s3Url->setPlaceholderText(QStringLiteral("s3://bucket/folder"));
    m_s3Endpoint = new QLineEdit(s3Box);
    m_s3Endpoint->setPlaceholderText(tr("empty = AWS; e.g. http://127.0.0.1:9000"));
    m_s3Region = new QLineEdit(QStringLiteral("us-east-1"), s3Box);
    m_s3Key = new QLineEdit(s3Box);
    m_s3Key->setPlaceholderText(tr("empty: AWS_ACCESS_KEY_ID"));
    m_s3Secret = new QLineEdit(s3Box);
    m_s3Secret->setEchoMode(QLineEdit::Password);
    m_s3Secret->setPlaceholderText(tr("empty: AWS_SECRET_ACCESS_KEY"));
    s3Form->addRow(tr("Destination:"), m_s3Url);
    s3Form->addRow(tr("Endpoint:"), m_s3Endpoint);
    s3Form->addRow(tr("Region:"), m_s3Region);
    s3Form->addRow(tr("Access key ID:"), m_s3Key);
    s3Form->addRow(tr("Secret key:"), m_s3Secret);
    m_s3Button = new QPushButton(tr("&Upload"), s3Box);
    s3Form->addRow(m_s3Button);
    layout->addWidget(s3Box, 1, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status, 2, 0, 1, 2);
    layout->setRowStretch(3, 1);

    connect(csvGo, &QPushButton::clicked, this, [this] {
        if (m_csvPath->text().isEmpty() && chooseFile(m_csvPath, tr("Export the synthetic table"), tr("CSV files (*.csv)")).isEmpty())
            return;
        if (auto r = exportCsv(m_csvPath->text()); !r.ok())
            showError(this, tr("Cannot export the CSV file"), r.error());
    });
    connect(pdfGo, &QPushButton::clicked, this, [this] {
        if (m_pdfPath->text().isEmpty() && chooseFile(m_pdfPath, tr("Export the report"), tr("PDF files (*.pdf)")).isEmpty())
            return;
        if (auto r = exportPdf(m_pdfPath->text()); !r.ok())
            showError(this, tr("Cannot write the report"), r.error());
    });
    connect(m_pgButton, &QPushButton::clicked, this, &ExportPage::exportToPostgres);
    connect(m_s3Button, &QPushButton::clicked, this, &ExportPage::exportToS3);
}

void ExportPage::initializePage()
{
    QString dir = settings::lastDirectory.value();
    if (!m_project->projectPath().isEmpty())
        dir = QFileInfo(m_project->projectPath()).absolutePath();
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString base = m_project->project().name.isEmpty() ? QStringLiteral("synthetic") : m_project->project().name;
    if (m_csvPath->text().isEmpty())
        m_csvPath->setText(QDir::toNativeSeparators(QDir(dir).filePath(base + QStringLiteral("_synthetic.csv"))));
    if (m_pdfPath->text().isEmpty())
        m_pdfPath->setText(QDir::toNativeSeparators(QDir(dir).filePath(base + QStringLiteral("_report.pdf"))));
}

QString ExportPage::chooseFile(QLineEdit *edit, const QString &caption, const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(this, caption, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(QDir::toNativeSeparators(path));
    return path;
}

core::Result<void> ExportPage::exportCsv(const QString &path)
{
    core::SilentJob job;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Result<void> r = core::CsvWriter::write(m_project->syntheticTable(), QDir::fromNativeSeparators(path), job);
    QApplication::restoreOverrideCursor();
    if (r.ok())
        report(true, tr("Wrote %n synthetic row(s) to %1.", nullptr, int(m_project->syntheticTable().rowCount()))
                         .arg(QDir::toNativeSeparators(path)));
    return r;
}

core::Result<void> ExportPage::exportPdf(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Result<void> r
        = ReportPainter::writePdf(projectReport(*m_project), QDir::fromNativeSeparators(path));
    QApplication::restoreOverrideCursor();
    if (r.ok())
        report(true, tr("Wrote the report to %1.").arg(QDir::toNativeSeparators(path)));
    return r;
}

void ExportPage::exportToPostgres()
{
    core::PostgresTarget target;
    target.connection.host = m_pgHost->text().trimmed();
    target.connection.port = m_pgPort->value();
    target.connection.database = m_pgDatabase->text().trimmed();
    target.connection.user = m_pgUser->text().trimmed();
    target.connection.password = m_pgPassword->text();
    const auto name = core::PostgresTarget::splitName(m_pgTable->text().trimmed());
    if (!name) {
        showError(this, tr("Check the table name"),
                  { core::Error::Code::InvalidInput, tr("Write the table as schema.table or table."), m_pgTable->text() });
        return;
    }
    target.schema = name->first;
    target.table = name->second;
    if (target.connection.password.isEmpty())
        core::CredentialResolver::fromEnvironment().resolvePostgres(target.connection);
    const auto mode = core::ExportMode(m_pgMode->currentData().toInt());
    const core::Table table = m_project->syntheticTable();
    const core::Schema schema = m_project->schema();
    m_pgButton->setEnabled(false);
    report(true, tr("Exporting to %1...").arg(target.connection.describe()));
    using Exported = core::Result<core::PostgresExportResult>;
    runInBackground<Exported>(
        this,
        [table, schema, target, mode] {
            core::SilentJob job;
            return core::exportToPostgres(table, schema, target, mode, job);
        },
        [this, target](Exported r) {
            m_pgButton->setEnabled(true);
            if (!r.ok()) {
                report(false, r.error().message);
                showError(this, tr("Cannot export to PostgreSQL"), r.error());
                return;
            }
            report(true, tr("Wrote %n row(s) to %1 on %2.", nullptr, int(r.value().rows))
                             .arg(target.qualifiedName(), target.connection.describe()));
        });
}

void ExportPage::exportToS3()
{
    auto target = core::S3Target::fromUrl(m_s3Url->text().trimmed(), m_s3Endpoint->text().trimmed(),
                                          m_s3Region->text().trimmed());
    if (!target.ok()) {
        showError(this, tr("Check the destination"), target.error());
        return;
    }
    core::CredentialResolver resolver = core::CredentialResolver::fromEnvironment();
    if (!m_s3Secret->text().isEmpty()) {
        auto fixed = std::make_shared<core::StaticSecrets>();
        fixed->set(core::SecretKind::S3SecretAccessKey, m_s3Secret->text());
        core::CredentialResolver withUser;
        withUser.addSource(fixed);
        withUser.addSource(std::make_shared<core::EnvironmentSecrets>());
        resolver = std::move(withUser);
    }
    auto credentials = resolver.resolveS3(target.value().endpoint, m_s3Key->text().trimmed());
    if (!credentials.ok()) {
        showError(this, tr("Missing S3 credentials"), credentials.error());
        return;
    }
    core::S3Target s3 = target.value();
    s3.credentials = credentials.value();
    const core::Table table = m_project->syntheticTable();
    core::ExportManifest manifest;
    manifest.rowCount = table.rowCount();
    manifest.columns = table.columnNames();
    for (const core::Column &c : table.columns())
        manifest.columnTypes.append(core::storageName(c.storage()));
    manifest.generator = m_project->generation().generatorId;
    manifest.seed = m_project->generation().seed;
    manifest.scores.insert(QStringLiteral("quality_overall"), m_project->quality().overall);
    m_s3Button->setEnabled(false);
    report(true, tr("Uploading to %1...").arg(s3.describe()));
    using Uploaded = core::Result<core::S3UploadResult>;
    runInBackground<Uploaded>(
        this,
        [table, s3, manifest]() -> Uploaded {
            QTemporaryDir dir;
            core::SilentJob job;
            const QString csv = dir.filePath(QStringLiteral("synthetic.csv"));
            if (auto w = core::CsvWriter::write(table, csv, job); !w.ok())
                return w.error();
            QList<core::S3Object> objects { { QStringLiteral("synthetic.csv"), csv, {}, QStringLiteral("text/csv") } };
            auto m = core::makeManifestObject(manifest, objects);
            if (!m.ok())
                return m.error();
            objects.append(m.value());
            return core::uploadToS3(s3, objects, job);
        },
        [this, s3](Uploaded r) {
            m_s3Button->setEnabled(true);
            if (!r.ok()) {
                report(false, r.error().message);
                showError(this, tr("Cannot upload to S3"), r.error());
                return;
            }
            report(true, tr("Uploaded %n object(s) to %1.", nullptr, int(r.value().objects.size())).arg(s3.describe()));
        });
}

void ExportPage::report(bool ok, const QString &text)
{
    m_status->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                          .arg(ok ? QStringLiteral("#1e8449") : QStringLiteral("#b03a2e"), text.toHtmlEscaped()));
}

} // namespace ui
