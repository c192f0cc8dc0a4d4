// SPDX-License-Identifier: MIT
#include "ui/wizard/profilepage.h"

#include "ui/charts/chartdata.h"
#include "ui/charts/histogramcomparisonchart.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/progressrun.h"
#include "ui/showerror.h"
#include "ui/wizard/pageid.h"
#include "ui/wizard/tablepreviewmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
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
    m_alerts = new QTreeWidget(bottom);
    m_alerts->setHeaderLabels({ tr("Severity"), tr("Column"), tr("Finding") });
    m_alerts->setRootIsDecorated(false);
    m_alerts->setWordWrap(true);
    m_alerts->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_alerts->setAccessibleName(tr("Quality alerts"));
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
    if (m_stale)
        computeProfile();
    fillTable();
    fillAlerts();
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void ProfilePage::computeProfile()
{
    core::ProfileOptions options;
    options.target = m_project->generation().target;
    options.source.path = m_project->project().source.csvPath;
    options.source.diagnostics = m_project->loadDiagnostics();
    const core::Table &table = m_project->realTable();
    const core::Schema &schema = m_project->schema();
    auto profile = runWithProgress<core::Result<core::Profile>>(
        this, tr("Profiling the data"),
        [&](core::JobContext &job) { return core::profileTable(table, schema, options, job); });
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
