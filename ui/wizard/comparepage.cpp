// SPDX-License-Identifier: MIT
#include "ui/wizard/comparepage.h"

#include "ui/charts/chartdata.h"
#include "ui/charts/correlationheatmap.h"
#include "ui/charts/histogramcomparisonchart.h"
#include "ui/charts/scorecard.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/wizard/pageid.h"
#include "ui/wizard/scorereading.h"
#include "ui/wizard/tablepreviewmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {
    /// Sorts by the number in UserRole rather than the text (NaN last).
    class NumberItem final : public QTableWidgetItem {
    public:
        NumberItem(double value, const QString &text)
            : QTableWidgetItem(text)
        {
            setData(Qt::UserRole, value);
            setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        }
        bool operator<(const QTableWidgetItem &other) const override
        {
            const double a = data(Qt::UserRole).toDouble(), b = other.data(Qt::UserRole).toDouble();
            if (std::isnan(a))
                return false;
            if (std::isnan(b))
                return true;
            return a < b;
        }
    };

    QString percent(double v) { return std::isfinite(v) ? QLocale().toString(v * 100.0, 'f', 1) + u'%' : QString(); }
} // namespace

ComparePage::ComparePage(ProjectController *project, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
{
    setTitle(tr("Compare: real vs synthetic"));
    setSubTitle(tr("How closely the synthetic rows follow the real ones, column by column and in pairs."));
    auto *layout = new QVBoxLayout(this);
    auto *cards = new QHBoxLayout;
    m_overall = new ScoreCard(tr("Fidelity overall"), this);
    m_shapes = new ScoreCard(tr("Column shapes"), this);
    m_pairs = new ScoreCard(tr("Pair trends"), this);
    m_utility = new ScoreCard(tr("Utility"), this);
    m_privacy = new ScoreCard(tr("Privacy"), this);
    for (ScoreCard *card : { m_overall, m_shapes, m_pairs, m_utility, m_privacy })
        cards->addWidget(card, 1);
    layout->addLayout(cards);

    auto *tabs = new QTabWidget(this);
    auto *columnsTab = new QWidget(tabs);
    auto *columnsLayout = new QHBoxLayout(columnsTab);
    m_columns = new QTableWidget(0, 5, columnsTab);
    m_columns->setHorizontalHeaderLabels({ tr("Column"), tr("Score"), tr("Metric"), tr("Missing real"),
                                           tr("Missing synthetic") });
    m_columns->verticalHeader()->setVisible(false);
    m_columns->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_columns->setSelectionMode(QAbstractItemView::SingleSelection);
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_columns->setSortingEnabled(true);
    m_columns->setAccessibleName(tr("Score per column"));
    auto *chartSide = new QVBoxLayout;
    m_column = new QComboBox(columnsTab);
    m_column->setAccessibleName(tr("Column to compare"));
    m_chart = new HistogramComparisonChart(columnsTab);
    chartSide->addWidget(m_column);
    chartSide->addWidget(m_chart, 1);
    columnsLayout->addWidget(m_columns, 2);
    columnsLayout->addLayout(chartSide, 3);
    tabs->addTab(columnsTab, tr("Columns"));

    auto *mapsTab = new QWidget(tabs);
    auto *mapsLayout = new QHBoxLayout(mapsTab);
    m_realMap = new CorrelationHeatmap(mapsTab);
    m_synMap = new CorrelationHeatmap(mapsTab);
    m_diffMap = new CorrelationHeatmap(mapsTab);
    mapsLayout->addWidget(m_realMap);
    mapsLayout->addWidget(m_synMap);
    mapsLayout->addWidget(m_diffMap);
    tabs->addTab(mapsTab, tr("Correlations"));
    layout->addWidget(tabs, 1);

    connect(m_column, &QComboBox::currentTextChanged, this, &ComparePage::showColumn);
    connect(m_columns, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && m_columns->item(row, 0))
            m_column->setCurrentText(m_columns->item(row, 0)->text());
    });
}

void ComparePage::initializePage()
{
    fillScores();
    fillColumns();
    fillHeatmaps();
}

void ComparePage::fillScores()
{
    const core::QualityReport &q = m_project->quality();
    m_overall->setScore(q.overall, ScoreCard::lightFor(q.overall, 0.8, 0.6),
                        tr("Average of column shapes and pair trends: 100% means the synthetic table is "
                           "statistically indistinguishable column by column and pair by pair."));
    m_shapes->setScore(q.columnShapes, ScoreCard::lightFor(q.columnShapes, 0.8, 0.6),
                       tr("How well each column's distribution is reproduced (KS and TV complements)."));
    m_pairs->setScore(q.columnPairTrends, ScoreCard::lightFor(q.columnPairTrends, 0.8, 0.6),
                      tr("How well relations between columns are kept (%n pair(s) with a clear real trend).",
                         nullptr, q.pairsCounted));
    const ScoreReading utility = readScore(m_project->scores(), QStringLiteral("utility"));
    m_utility->setScore(utility.value, utility.light,
                        utility.reading.isEmpty() ? tr("Choose a prediction target on the Configure step to see "
                                                       "whether models trained on synthetic rows work on real ones.")
                                                  : utility.reading);
    const ScoreReading privacy = readScore(m_project->scores(), QStringLiteral("privacy"));
    m_privacy->setScore(privacy.value, privacy.light,
                        privacy.reading.isEmpty() ? tr("Privacy scores appear here when they can be computed.")
                                                  : privacy.reading);
}

void ComparePage::fillColumns()
{
    const core::QualityReport &q = m_project->quality();
    m_columns->setSortingEnabled(false);
    m_columns->setRowCount(int(q.columns.size()));
    for (int i = 0; i < q.columns.size(); ++i) {
        const core::ColumnShapeScore &c = q.columns.at(i);
        auto *name = new QTableWidgetItem(c.column);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        if (!c.error.isEmpty())
            name->setToolTip(c.error);
        m_columns->setItem(i, 0, name);
        auto *score = new NumberItem(c.score, std::isfinite(c.score) ? percent(c.score) : tr("n/a"));
        score->setForeground(ScoreCard::colorFor(ScoreCard::lightFor(c.score, 0.8, 0.6)));
        score->setToolTip(c.error.isEmpty() ? c.note : c.error);
        m_columns->setItem(i, 1, score);
        auto *metric = new QTableWidgetItem(c.metric);
        metric->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_columns->setItem(i, 2, metric);
        m_columns->setItem(i, 3, new NumberItem(c.realMissingRate, percent(c.realMissingRate)));
        m_columns->setItem(i, 4, new NumberItem(c.syntheticMissingRate, percent(c.syntheticMissingRate)));
    }
    m_columns->setSortingEnabled(true);
    // Worst first: the columns to look at.
    m_columns->sortByColumn(1, Qt::AscendingOrder);

    const QString current = m_column->currentText();
    m_column->blockSignals(true);
    m_column->clear();
    for (const core::ColumnMeta &m : m_project->schema().columns) {
        if (core::Schema::isModelled(m) && m_project->syntheticTable().indexOf(m.name) >= 0)
            m_column->addItem(m.name);
    }
    m_column->blockSignals(false);
    const QString show = m_column->findText(current) >= 0 ? current
        : m_columns->rowCount() > 0 && m_columns->item(0, 0) ? m_columns->item(0, 0)->text()
                                                              : m_column->itemText(0);
    m_column->setCurrentText(show);
    showColumn(show);
}

void ComparePage::showColumn(const QString &name)
{
    const core::Table &real = m_project->realTable();
    const core::Table &syn = m_project->syntheticTable();
    const core::ColumnMeta *meta = m_project->schema().find(name);
    const int ri = real.indexOf(name), si = syn.indexOf(name);
    if (!meta || ri < 0 || si < 0) {
        m_chart->clear();
        return;
    }
    m_chart->setComparison(name, compareColumn(real.column(ri), &syn.column(si), meta->type));
}

void ComparePage::fillHeatmaps()
{
    const CorrelationMatrices m
        = correlationMatrices(m_project->realTable(), &m_project->syntheticTable(), m_project->schema());
    std::vector<double> diff(m.real.size());
    for (size_t i = 0; i < diff.size(); ++i)
        diff[i] = m.synthetic.size() == m.real.size() ? m.synthetic[i] - m.real[i]
                                                      : std::numeric_limits<double>::quiet_NaN();
    m_realMap->setMatrix(tr("Real"), m.columns, m.real);
    m_synMap->setMatrix(tr("Synthetic"), m.columns, m.synthetic);
    m_diffMap->setMatrix(tr("Synthetic - real"), m.columns, diff);
}

int ComparePage::nextId() const { return pageIndex(PageId::Export); }

} // namespace ui
