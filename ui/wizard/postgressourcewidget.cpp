// SPDX-License-Identifier: MIT
#include "ui/wizard/postgressourcewidget.h"

#include "ui/background.h"
#include "ui/settings.h"
#include "ui/wizard/tablepreviewmodel.h"

#ifdef HEALTHSYNTH_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
    const QString kKeychainService = QStringLiteral("HealthSynth");

    QString keychainKey(const core::PostgresConnectionInfo &info)
    {
        return QStringLiteral("postgresql://%1@%2:%3/%4").arg(info.user, info.host).arg(info.port).arg(info.database);
    }
} // namespace

PostgresSourceWidget::PostgresSourceWidget(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *connectionBox = new QGroupBox(tr("Connection"), this);
    auto *form = new QFormLayout(connectionBox);
    m_host = new QLineEdit(settings::postgresHost.value(), connectionBox);
    m_port = new QSpinBox(connectionBox);
    m_port->setRange(1, 65535);
    m_port->setValue(settings::postgresPort.value());
    m_database = new QLineEdit(settings::postgresDatabase.value(), connectionBox);
    m_user = new QLineEdit(settings::postgresUser.value(), connectionBox);
    m_password = new QLineEdit(connectionBox);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Kept in memory only, unless you ask to remember it in the system keychain"));
    m_sslMode = new QComboBox(connectionBox);
    for (const char *mode : { "disable", "allow", "prefer", "require", "verify-ca", "verify-full" })
        m_sslMode->addItem(QLatin1String(mode), QLatin1String(mode));
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(settings::postgresSslMode.value())));
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), connectionBox);
#ifndef HEALTHSYNTH_HAVE_KEYCHAIN
    m_remember->setEnabled(false);
    m_remember->setToolTip(tr("This build has no keychain support; the password is asked each time"));
#endif
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&SSL mode:"), m_sslMode);
    form->addRow(m_remember);
    m_test = new QPushButton(tr("&Test connection"), connectionBox);
    form->addRow(m_test);
    m_verdict = new QLabel(connectionBox);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_verdict);
    layout->addWidget(connectionBox, 2);

    auto *dataBox = new QGroupBox(tr("Data"), this);
    auto *dataLayout = new QVBoxLayout(dataBox);
    auto *modeRow = new QHBoxLayout;
    m_tableMode = new QRadioButton(tr("A t&able"), dataBox);
    m_queryMode = new QRadioButton(tr("A SQL &query"), dataBox);
    m_tableMode->setChecked(true);
    modeRow->addWidget(m_tableMode);
    modeRow->addWidget(m_queryMode);
    modeRow->addStretch();
    dataLayout->addLayout(modeRow);
    m_tables = new QTreeWidget(dataBox);
    m_tables->setHeaderLabels({ tr("Schema / table"), tr("Rows (estimate)") });
    m_tables->setRootIsDecorated(true);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_query = new QPlainTextEdit(dataBox);
    m_query->setPlaceholderText(QStringLiteral("SELECT * FROM public.patients WHERE admitted >= '2020-01-01'"));
    m_query->setMaximumHeight(80);
    m_query->setEnabled(false);
    dataLayout->addWidget(m_tables, 2);
    dataLayout->addWidget(m_query);
    m_preview = new QPushButton(tr("Pre&view"), dataBox);
    m_preview->setEnabled(false);
    dataLayout->addWidget(m_preview, 0, Qt::AlignLeft);
    m_previewModel = new TablePreviewModel(this);
    m_previewView = new QTableView(dataBox);
    m_previewView->setModel(m_previewModel);
    m_previewView->setAlternatingRowColors(true);
    dataLayout->addWidget(m_previewView, 3);
    layout->addWidget(dataBox, 3);

    connect(m_test, &QPushButton::clicked, this, &PostgresSourceWidget::testConnection);
    connect(m_preview, &QPushButton::clicked, this, &PostgresSourceWidget::preview);
    connect(m_queryMode, &QRadioButton::toggled, this, [this](bool query) {
        m_query->setEnabled(query);
        m_tables->setEnabled(!query);
        Q_EMIT readyChanged();
    });
    connect(m_tables, &QTreeWidget::currentItemChanged, this, [this] {
        m_preview->setEnabled(isReady());
        Q_EMIT readyChanged();
    });
    connect(m_query, &QPlainTextEdit::textChanged, this, [this] {
        m_preview->setEnabled(isReady());
        Q_EMIT readyChanged();
    });
    connect(m_user, &QLineEdit::editingFinished, this, &PostgresSourceWidget::loadPasswordFromKeychain);
    loadPasswordFromKeychain();
}

core::PostgresConnectionInfo PostgresSourceWidget::connectionInfo() const
{
    core::PostgresConnectionInfo info;
    info.host = m_host->text().trimmed();
    info.port = m_port->value();
    info.database = m_database->text().trimmed();
    info.user = m_user->text().trimmed();
    info.password = m_password->text();
    info.options.insert(QStringLiteral("sslmode"), m_sslMode->currentData().toString());
    return info;
}

bool PostgresSourceWidget::usesQuery() const { return m_queryMode->isChecked(); }

bool PostgresSourceWidget::isReady() const
{
    if (usesQuery())
        return !m_query->toPlainText().trimmed().isEmpty();
    return !selectedTable().isEmpty();
}

QString PostgresSourceWidget::selectedSchema() const
{
    const QTreeWidgetItem *item = m_tables->currentItem();
    return item && item->parent() ? item->parent()->text(0) : QString();
}

QString PostgresSourceWidget::selectedTable() const
{
    const QTreeWidgetItem *item = m_tables->currentItem();
    return item && item->parent() ? item->data(0, Qt::UserRole).toString() : QString();
}

QString PostgresSourceWidget::query() const { return m_query->toPlainText().trimmed(); }

core::Result<core::PostgresLoadResult> PostgresSourceWidget::load(core::JobContext &job) const
{
    core::PostgresSource source(connectionInfo());
    if (usesQuery())
        return source.loadQuery(query(), job);
    return source.loadTable(selectedSchema(), selectedTable(), job);
}

void PostgresSourceWidget::testConnection()
{
    rememberSettings();
    m_test->setEnabled(false);
    setVerdict(true, tr("Connecting to %1...").arg(connectionInfo().describe()));
    const core::PostgresConnectionInfo info = connectionInfo();
    using Tables = core::Result<QList<core::PostgresTableRef>>;
    runInBackground<Tables>(
        this, [info] { return core::PostgresSource(info).tables(); },
        [this, info](Tables result) {
            m_test->setEnabled(true);
            if (!result.ok()) {
                setVerdict(false, result.error().message);
                m_verdict->setToolTip(result.error().detail);
                Q_EMIT tested(false);
                return;
            }
            setVerdict(true, tr("Connected to %1 as %2: %n table(s) or view(s) visible.", nullptr,
                                int(result.value().size()))
                                 .arg(info.describe(), info.user));
            m_verdict->setToolTip({});
            showTables(result.value());
            if (m_remember->isChecked())
                storePasswordInKeychain();
            Q_EMIT tested(true);
        });
}

void PostgresSourceWidget::setConnectionInfo(const core::PostgresConnectionInfo &info)
{
    m_host->setText(info.host);
    m_port->setValue(info.port);
    m_database->setText(info.database);
    m_user->setText(info.user);
    if (!info.password.isEmpty())
        m_password->setText(info.password);
    const QString ssl = info.options.value(QStringLiteral("sslmode"));
    if (!ssl.isEmpty())
        m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(ssl)));
}

QString PostgresSourceWidget::verdict() const
{
    QString text = m_verdict->text();
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return text;
}

bool PostgresSourceWidget::selectTable(const QString &schema, const QString &table)
{
    for (int i = 0; i < m_tables->topLevelItemCount(); ++i) {
        QTreeWidgetItem *schemaItem = m_tables->topLevelItem(i);
        if (schemaItem->text(0) != schema)
            continue;
        for (int j = 0; j < schemaItem->childCount(); ++j) {
            if (schemaItem->child(j)->data(0, Qt::UserRole).toString() == table) {
                m_tableMode->setChecked(true);
                m_tables->setCurrentItem(schemaItem->child(j));
                return true;
            }
        }
    }
    return false;
}

void PostgresSourceWidget::showTables(const QList<core::PostgresTableRef> &tables)
{
    m_tables->clear();
    QMap<QString, QTreeWidgetItem *> schemas;
    for (const core::PostgresTableRef &ref : tables) {
        QTreeWidgetItem *&schemaItem = schemas[ref.schema];
        if (!schemaItem) {
            schemaItem = new QTreeWidgetItem(m_tables, { ref.schema });
            schemaItem->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(schemaItem, { ref.isView ? tr("%1 (view)").arg(ref.name) : ref.name,
                                                       ref.estimatedRows >= 0 ? QLocale().toString(ref.estimatedRows)
                                                                              : tr("unknown") });
        item->setData(0, Qt::UserRole, ref.name);
    }
    m_tables->expandAll();
    Q_EMIT readyChanged();
}

void PostgresSourceWidget::preview()
{
    const core::PostgresConnectionInfo info = connectionInfo();
    const bool byQuery = usesQuery();
    const QString schema = selectedSchema(), table = selectedTable(), sql = query();
    m_preview->setEnabled(false);
    using Loaded = core::Result<core::PostgresLoadResult>;
    runInBackground<Loaded>(
        this,
        [=] {
            core::SilentJob job;
            core::PostgresSource source(info);
            return byQuery ? source.loadQuery(sql, job, 200) : source.loadTable(schema, table, job, 200);
        },
        [this](Loaded result) {
            m_preview->setEnabled(isReady());
            if (!result.ok()) {
                setVerdict(false, result.error().message);
                return;
            }
            m_previewModel->setTable(result.value().table, result.value().schema);
            m_previewView->resizeColumnsToContents();
        });
}

void PostgresSourceWidget::setVerdict(bool ok, const QString &text)
{
    m_verdict->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                           .arg(ok ? QStringLiteral("#1e8449") : QStringLiteral("#b03a2e"), text.toHtmlEscaped()));
}

void PostgresSourceWidget::rememberSettings() const
{
    settings::postgresHost.setValue(m_host->text().trimmed());
    settings::postgresPort.setValue(m_port->value());
    settings::postgresDatabase.setValue(m_database->text().trimmed());
    settings::postgresUser.setValue(m_user->text().trimmed());
    settings::postgresSslMode.setValue(m_sslMode->currentData().toString());
}

void PostgresSourceWidget::loadPasswordFromKeychain()
{
#ifdef HEALTHSYNTH_HAVE_KEYCHAIN
    if (m_user->text().trimmed().isEmpty() || !m_password->text().isEmpty())
        return;
    auto *job = new QKeychain::ReadPasswordJob(kKeychainService, this);
    job->setAutoDelete(true);
    job->setKey(keychainKey(connectionInfo()));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        // No keychain daemon or no entry: the user simply types the password.
        if (finished->error() == QKeychain::NoError && m_password->text().isEmpty()) {
            m_password->setText(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
            m_remember->setChecked(true);
        }
    });
    job->start();
#endif
}

void PostgresSourceWidget::storePasswordInKeychain() const
{
#ifdef HEALTHSYNTH_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(kKeychainService);
    job->setAutoDelete(true);
    job->setKey(keychainKey(connectionInfo()));
    job->setTextData(m_password->text());
    job->start();
#endif
}

} // namespace ui
