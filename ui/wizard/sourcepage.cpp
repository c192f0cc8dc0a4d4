// SPDX-License-Identifier: MIT
#include "ui/wizard/sourcepage.h"

#include "ui/appresources.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/progressrun.h"
#include "ui/showerror.h"
#include "ui/wizard/csvsourcewidget.h"
#include "ui/wizard/pageid.h"
#include "ui/wizard/postgressourcewidget.h"

#include <QButtonGroup>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

SourcePage::SourcePage(ProjectController *project, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
{
    setTitle(tr("Source: the real data"));
    setSubTitle(tr("Choose the patient table to learn from. It stays on this computer; only what you export "
                   "leaves it."));
    setAcceptDrops(true);

    auto *layout = new QVBoxLayout(this);
    auto *choiceRow = new QHBoxLayout;
    m_csvChoice = new QRadioButton(tr("&CSV file"), this);
    m_postgresChoice = new QRadioButton(tr("P&ostgreSQL database"), this);
    m_csvChoice->setChecked(true);
    auto *demo = new QPushButton(QIcon(QStringLiteral(":/icons/demo.svg")), tr("Use the &demo data"), this);
    demo->setToolTip(tr("Heart failure clinical records: 299 patients, 13 columns (CC BY 4.0)"));
    choiceRow->addWidget(m_csvChoice);
    choiceRow->addWidget(m_postgresChoice);
    choiceRow->addStretch();
    choiceRow->addWidget(demo);
    layout->addLayout(choiceRow);

    m_stack = new QStackedWidget(this);
    m_csv = new CsvSourceWidget(m_stack);
    m_postgres = new PostgresSourceWidget(m_stack);
    m_stack->addWidget(m_csv);
    m_stack->addWidget(m_postgres);
    layout->addWidget(m_stack, 1);
    m_demoNote = new QLabel(this);
    m_demoNote->setWordWrap(true);
    m_demoNote->setOpenExternalLinks(true);
    m_demoNote->setVisible(false);
    layout->addWidget(m_demoNote);

    connect(m_postgresChoice, &QRadioButton::toggled, this, [this](bool postgres) {
        m_stack->setCurrentIndex(postgres ? 1 : 0);
        Q_EMIT completeChanged();
    });
    connect(demo, &QPushButton::clicked, this, [this] { useDemoData(); });
    connect(m_csv, &CsvSourceWidget::previewChanged, this, [this] {
        const auto demoPath = demoDataPath();
        m_demoNote->setVisible(demoPath.ok() && QFileInfo(m_csv->path()) == QFileInfo(demoPath.value()));
        Q_EMIT completeChanged();
    });
    connect(m_postgres, &PostgresSourceWidget::readyChanged, this, &SourcePage::completeChanged);
    m_demoNote->setText(demoAttributionHtml());
}

bool SourcePage::useDemoData()
{
    const auto path = demoDataPath();
    if (!path.ok()) {
        showError(this, tr("Demo data"), path.error());
        return false;
    }
    m_csvChoice->setChecked(true);
    m_csv->setOptions(core::CsvOptions {});
    m_csv->setPath(path.value());
    return m_csv->isPreviewValid();
}

void SourcePage::showProjectSource()
{
    const core::SourceSettings &source = m_project->project().source;
    if (source.kind == core::SourceSettings::Kind::Csv) {
        m_csvChoice->setChecked(true);
        m_csv->setOptions(source.csv);
        m_csv->setPath(source.csvPath);
    } else {
        m_postgresChoice->setChecked(true);
    }
}

void SourcePage::choosePostgres(bool postgres)
{
    if (postgres)
        m_postgresChoice->setChecked(true);
    else
        m_csvChoice->setChecked(true);
}

bool SourcePage::isPostgres() const { return m_postgresChoice->isChecked(); }

int SourcePage::nextId() const { return pageIndex(PageId::Profile); }

bool SourcePage::isComplete() const
{
    return isPostgres() ? m_postgres->isReady() : m_csv->isPreviewValid();
}

bool SourcePage::validatePage() { return isPostgres() ? loadPostgres() : loadCsv(); }

bool SourcePage::loadCsv()
{
    const QString path = QFileInfo(QDir::fromNativeSeparators(m_csv->path())).absoluteFilePath();
    const core::SourceSettings &current = m_project->project().source;
    const core::CsvOptions options = m_csv->options();
    // Going back and forth must not reload (and drop the trained model) when nothing changed.
    if (m_project->hasData() && current.kind == core::SourceSettings::Kind::Csv && current.csvPath == path
        && current.csv.delimiter == options.delimiter && current.csv.decimalMark == options.decimalMark
        && current.csv.header == options.header && current.csv.encoding == options.encoding
        && current.csv.missingMarkers == options.missingMarkers
        && current.csv.skipRaggedRows == options.skipRaggedRows)
        return true;
    auto read = runWithProgress<core::Result<core::CsvReadResult>>(
        this, tr("Loading %1").arg(QFileInfo(path).fileName()),
        [&](core::JobContext &job) { return ProjectController::readCsv(path, options, job); });
    if (!read.ok()) {
        if (read.error().code != core::Error::Code::Cancelled)
            showError(this, tr("Cannot load the CSV file"), read.error());
        return false;
    }
    m_project->adoptCsv(path, options, std::move(read.value()));
    return true;
}

bool SourcePage::loadPostgres()
{
    auto loaded = runWithProgress<core::Result<core::PostgresLoadResult>>(
        this, tr("Loading from PostgreSQL"), [this](core::JobContext &job) { return m_postgres->load(job); });
    if (!loaded.ok()) {
        if (loaded.error().code != core::Error::Code::Cancelled)
            showError(this, tr("Cannot load from PostgreSQL"), loaded.error());
        return false;
    }
    const core::PostgresConnectionInfo info = m_postgres->connectionInfo();
    core::SourceSettings source;
    source.kind = core::SourceSettings::Kind::PostgreSql;
    source.host = info.host;
    source.port = info.port;
    source.database = info.database;
    source.user = info.user;
    source.sslMode = info.options.value(QStringLiteral("sslmode"));
    if (m_postgres->usesQuery())
        source.query = m_postgres->query();
    else
        source.table = m_postgres->selectedSchema() + u'.' + m_postgres->selectedTable();
    core::PostgresLoadResult &r = loaded.value();
    m_project->setSourceTable(source, std::move(r.table), std::move(r.schema), std::move(r.diagnostics));
    return true;
}

void SourcePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLocalFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void SourcePage::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedLocalFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_csvChoice->setChecked(true);
    m_csv->setPath(files.first());
}

} // namespace ui
