// SPDX-License-Identifier: MIT
#include "ui/wizard/profilepage.h"

#include "core/pipeline/profilejob.h"
#include "ui/charts/chartdata.h"
#include "ui/charts/histogramcomparisonchart.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/progressrun.h"
#include "ui/showerror.h"
#include "ui/wizard/pageid.h"
#include "ui/wizard/tablepreviewmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {
    enum Col { Name, Type, Role, Missing, Distinct, Min, Max, Mean, ColumnCount };
    enum RoleIndex { Feature, IdRole, PiiRole, Excluded };

    const core::SemanticType kTypes[] = { core::SemanticType::Numerical, core::SemanticType::Categorical,
                                          core::SemanticType::Boolean, core::SemanticType::DateTime,
                                          core::SemanticType::Text };

    QString number(double v)
    {
        if (!std::isfinite(v))
            return {};
        return QLocale().toString(v, 'g', 6);
    }

    QTableWidgetItem *readOnly(const QString &text, const QVariant &sort = {})
    {
        auto *item = new QTableWidgetItem(text);
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        if (sort.isValid())
            item->setData(Qt::UserRole, sort);
        return item;
    }
} // namespace

ProfilePage::ProfilePage(ProjectController *project, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
{
    setTitle(tr("Profile: what is in the data"));
    setSubTitle(tr("Check each column's type and role. IDs and personal data are never learned; excluded "
                   "columns are left out."));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, ColumnCount, split);
    m_table->setHorizontalHeaderLabels({ tr("Column"), tr("Type"), tr("Role"), tr("Missing"), tr("Distinct"),
                                         tr("Min"), tr("Max"), tr("Mean") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Columns"));

    auto *bottom = new QSplitter(Qt::Horizontal, split);
    auto *findings = new QSplitter(Qt::Vertical, bottom);
    m_alerts = new QTreeWidget(findings);
    m_alerts->setHeaderLabels({ tr("Severity"), tr("Column"), tr("Finding") });
    m_alerts->setRootIsDecorated(false);
    m_alerts->setWordWrap(true);
    m_alerts->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_alerts->setAccessibleName(tr("Quality alerts"));

    auto *actionsBox = new QWidget(findings);
    auto *actionsLayout = new QVBoxLayout(actionsBox);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->addWidget(new QLabel(tr("Suggested actions: accept the ones you agree with; they are recorded "
                                           "in the project's metadata."),
                                        actionsBox));
    m_actions = new QTreeWidget(actionsBox);
    m_actions->setHeaderLabels({ tr("Action"), tr("Column"), tr("Value"), tr("Because of") });
    m_actions->setRootIsDecorated(false);
    m_actions->setAccessibleName(tr("Suggested actions"));
    actionsLayout->addWidget(m_actions, 1);
    auto *buttons = new QHBoxLayout;
    auto *accept = new QPushButton(tr("Accept"), actionsBox);
    auto *reject = new QPushButton(tr("Reject"), actionsBox);
    buttons->addWidget(accept);
    buttons->addWidget(reject);
    buttons->addStretch(1);
    actionsLayout->addLayout(buttons);
    connect(accept, &QPushButton::clicked, this,
            [this] { acceptAction(m_actions->indexOfTopLevelItem(m_actions->currentItem())); });
    connect(reject, &QPushButton::clicked, this,
            [this] { rejectAction(m_actions->indexOfTopLevelItem(m_actions->currentItem())); });
    findings->setStretchFactor(0, 3);
    findings->setStretchFactor(1, 2);

    m_chart = new HistogramComparisonChart(bottom);
    m_chart->setMinimumWidth(360);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({ 640, 420 });
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showColumn(row); });
    connect(m_project, &ProjectController::sourceChanged, this, [this] { m_stale = true; });
}

void ProfilePage::initializePage()
{
    if (m_stale) {
        m_carried.clear();
        computeProfile();
    }
    fillTable();
    fillAlerts();
    fillActions();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void ProfilePage::computeProfile()
{
    // The same profile as `healthsynth-cli profile`: for a CSV file it also reads the cells as
    // written and names what loading cleaned ("ckd\t", "\t?").
    const core::SourceSettings &settings = m_project->project().source;
    const bool csv = settings.kind == core::SourceSettings::Kind::Csv && !settings.csvPath.isEmpty();
    core::ProfileSource source;
    source.path = csv ? settings.csvPath : QString();
    source.delimiter = m_project->csvDelimiter();
    source.encoding = m_project->csvEncoding();
    source.diagnostics = m_project->loadDiagnostics();
    const QString target = m_project->generation().target;
    const core::Table &table = m_project->realTable();
    const core::Schema &schema = m_project->schema();
    auto profile = runWithProgress<core::Result<core::Profile>>(this, tr("Profiling the data"), [&](core::JobContext &job) {
        return core::ProfileJob::run(table, schema, source, csv ? &settings.csv : nullptr, target, job);
    });
    if (!profile.ok()) {
        if (profile.error().code != core::Error::Code::Cancelled)
            showError(this, tr("Cannot profile the data"), profile.error());
        m_profile = {};
        return;
    }
    m_profile = std::move(profile.value());
    m_stale = false;
}

void ProfilePage::fillTable()
{
    m_filling = true;
    const core::Schema &schema = m_project->schema();
    const qint64 rows = m_project->realTable().rowCount();
    m_summary->setText(m_project->sourceSummary() + QStringLiteral(" · ")
                       + tr("%n alert(s)", nullptr, int(m_profile.alerts.size()))
                       + (m_profile.duplicateRows > 0
                              ? QStringLiteral(" · ") + tr("%n duplicate row(s)", nullptr, int(m_profile.duplicateRows))
                              : QString()));
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(schema.columns.size()));
    for (int i = 0; i < schema.columns.size(); ++i) {
        const core::ColumnMeta &meta = schema.columns.at(i);
        const int p = m_profile.indexOf(meta.name);
        const core::ColumnProfile *cp = p >= 0 ? &m_profile.columns.at(p) : nullptr;
        auto *name = readOnly(meta.name);
        if (meta.confidence < 0.8 && !meta.userOverride)
            name->setToolTip(tr("Type inferred with low confidence (%1%)").arg(qRound(meta.confidence * 100)));
        m_table->setItem(i, Name, name);

        auto *type = new QComboBox(m_table);
        for (core::SemanticType t : kTypes)
            type->addItem(semanticTypeLabel(t), int(t));
        const bool isRole = meta.type == core::SemanticType::Id || meta.type == core::SemanticType::Pii;
        type->setCurrentIndex(std::max(0, type->findData(int(meta.type))));
        type->setEnabled(!isRole && !meta.excluded);
        type->setAccessibleName(tr("Type of %1").arg(meta.name));
        connect(type, &QComboBox::currentIndexChanged, this, [this, i](int index) { typeChosen(i, index); });
        m_table->setCellWidget(i, Type, type);

        auto *role = new QComboBox(m_table);
        role->addItems({ tr("Feature"), tr("ID"), tr("Personal data"), tr("Excluded") });
        role->setCurrentIndex(meta.excluded                          ? Excluded
                                  : meta.type == core::SemanticType::Id  ? IdRole
                                  : meta.type == core::SemanticType::Pii ? PiiRole
                                                                         : Feature);
        role->setAccessibleName(tr("Role of %1").arg(meta.name));
        connect(role, &QComboBox::currentIndexChanged, this, [this, i](int index) { roleChosen(i, index); });
        m_table->setCellWidget(i, Role, role);

        const double missing = cp ? cp->missingShare(rows) : 0.0;
        m_table->setItem(i, Missing, readOnly(QLocale().toString(missing * 100.0, 'f', 1) + u'%', missing));
        m_table->setItem(i, Distinct, readOnly(cp ? QLocale().toString(cp->distinct) : QString()));
        QString min, max, mean;
        if (cp && cp->numeric && cp->kind == core::ProfileKind::Numeric) {
            min = number(cp->numeric->min);
            max = number(cp->numeric->max);
            mean = number(cp->numeric->mean);
        } else if (cp && cp->dates) {
            min = cp->dates->minText;
            max = cp->dates->maxText;
        }
        m_table->setItem(i, Min, readOnly(min));
        m_table->setItem(i, Max, readOnly(max));
        m_table->setItem(i, Mean, readOnly(mean));
        for (int c : { Missing, Distinct, Min, Max, Mean })
            m_table->item(i, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    m_filling = false;
}

void ProfilePage::fillAlerts()
{
    m_alerts->clear();
    for (const core::Alert &alert : m_profile.alerts) {
        QString severity;
        QColor color;
        switch (alert.severity) {
        case core::Diagnostic::Severity::Error:
            severity = tr("Error");
            color = QColor(176, 58, 46);
            break;
        case core::Diagnostic::Severity::Warning:
            severity = tr("Warning");
            color = QColor(185, 119, 14);
            break;
        case core::Diagnostic::Severity::Info:
            severity = tr("Info");
            color = palette().color(QPalette::Text);
            break;
        }
        auto *item = new QTreeWidgetItem(m_alerts, { severity, alert.columns.join(QStringLiteral(", ")), alert.message });
        item->setForeground(0, color);
        item->setToolTip(2, alert.message);
    }
    m_alerts->resizeColumnToContents(0);
    m_alerts->resizeColumnToContents(1);
}

namespace {
    QString actionKey(const core::SuggestedAction &a)
    {
        return core::suggestedActionKey(a.kind) + u'\x1f' + a.column + u'\x1f' + a.value;
    }

    // Whether the schema already says what the suggestion would.
    bool alreadyApplied(const core::SuggestedAction &a, const core::Schema &schema)
    {
        const core::ColumnMeta *meta = schema.find(a.column);
        if (!meta)
            return true;
        switch (a.kind) {
        case core::SuggestedAction::Kind::MarkAsId:
            return meta->type == core::SemanticType::Id;
        case core::SuggestedAction::Kind::MarkAsPii:
            return meta->type == core::SemanticType::Pii;
        case core::SuggestedAction::Kind::Exclude:
            return meta->excluded;
        case core::SuggestedAction::Kind::ChangeType:
            return core::semanticTypeKey(meta->type) == a.value;
        case core::SuggestedAction::Kind::DeclareMissingMarker:
            return meta->missingValues.contains(a.value);
        case core::SuggestedAction::Kind::TrimWhitespace:
            return true; // reading trims unquoted values already; nothing to record
        }
        return true;
    }
} // namespace

void ProfilePage::fillActions()
{
    m_actions->clear();
    m_open.clear();
    QSet<QString> listed;
    for (const core::SuggestedAction &a : m_profile.actions + m_carried) {
        if (m_rejected.contains(actionKey(a)) || alreadyApplied(a, m_project->schema()) || listed.contains(actionKey(a)))
            continue;
        listed.insert(actionKey(a));
        m_open.append(a);
        auto *item = new QTreeWidgetItem(m_actions, { core::suggestedActionKey(a.kind), a.column, a.value, a.reason });
        item->setToolTip(0, tr("Accept to record it in the project's metadata; reject to leave the column as it is."));
    }
    m_actions->resizeColumnToContents(0);
    m_actions->resizeColumnToContents(1);
}

bool ProfilePage::acceptAction(int index)
{
    if (index < 0 || index >= m_open.size())
        return false;
    const core::SuggestedAction action = m_open.at(index);
    m_project->acceptSuggestedAction(action);
    if (m_stale) {
        // The cells changed (a value now reads as missing): measure them again. The other open
        // suggestions stay offered ("make it numerical" no longer shows once the marker is gone).
        m_carried = m_open;
        m_carried.removeAt(index);
        computeProfile();
        fillAlerts();
    }
    fillTable();
    fillActions();
    return true;
}

bool ProfilePage::rejectAction(int index)
{
    if (index < 0 || index >= m_open.size())
        return false;
    m_rejected.insert(actionKey(m_open.at(index)));
    fillActions();
    return true;
}

void ProfilePage::showColumn(int row)
{
    const core::Schema &schema = m_project->schema();
    if (row < 0 || row >= schema.columns.size()) {
        m_chart->clear();
        return;
    }
    const core::ColumnMeta &meta = schema.columns.at(row);
    const int index = m_project->realTable().indexOf(meta.name);
    if (index < 0)
        return;
    const core::Column &column = m_project->realTable().column(index);
    if (meta.type == core::SemanticType::Id || meta.type == core::SemanticType::Pii
        || meta.type == core::SemanticType::Text) {
        ColumnComparison data = compareColumn(column, nullptr, core::SemanticType::Categorical, 20, 10);
        m_chart->setComparison(meta.name, data);
        return;
    }
    m_chart->setComparison(meta.name, compareColumn(column, nullptr, meta.type));
}

void ProfilePage::typeChosen(int column, int comboIndex)
{
    if (m_filling || comboIndex < 0)
        return;
    m_project->setColumnType(column, kTypes[comboIndex]);
    showColumn(column);
}

void ProfilePage::roleChosen(int column, int comboIndex)
{
    if (m_filling)
        return;
    auto *type = qobject_cast<QComboBox *>(m_table->cellWidget(column, Type));
    switch (comboIndex) {
    case Feature:
        m_project->setColumnExcluded(column, false);
        m_project->setColumnType(column, kTypes[std::max(0, type->currentIndex())]);
        break;
    case IdRole:
        m_project->setColumnExcluded(column, false);
        m_project->setColumnType(column, core::SemanticType::Id);
        break;
    case PiiRole:
        m_project->setColumnExcluded(column, false);
        m_project->setColumnType(column, core::SemanticType::Pii);
        break;
    case Excluded:
        m_project->setColumnExcluded(column, true);
        break;
    default:
        break;
    }
    type->setEnabled(comboIndex == Feature);
    showColumn(column);
}

bool ProfilePage::validatePage()
{
    int modelled = 0;
    for (const core::ColumnMeta &m : m_project->schema().columns)
        modelled += core::Schema::isModelled(m) ? 1 : 0;
    if (modelled == 0) {
        QMessageBox::warning(this, tr("Nothing to learn"),
                             tr("Every column is excluded, an ID, personal data or free text. Make at least one "
                                "column a feature."));
        return false;
    }
    return true;
}

int ProfilePage::nextId() const { return pageIndex(PageId::Generator); }

} // namespace ui
