// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ui {

class CorrelationHeatmap;
class HistogramComparisonChart;
class ProjectController;
class ScoreCard;

/// Step 5: real vs synthetic. Score cards (fidelity overall, column shapes, pair trends,
/// utility and privacy when available), a per-column table sortable by score, the chosen
/// column's overlaid distributions, and correlation heat maps real / synthetic / difference.
class ComparePage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePage)
public:
    explicit ComparePage(ProjectController *project, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override;

    /// Shows one column's distributions (tests, screenshots, report).
    void showColumn(const QString &name);
    ScoreCard *overallCard() const { return m_overall; }
    QTableWidget *columnTable() const { return m_columns; }

private:
    void fillScores();
    void fillColumns();
    void fillHeatmaps();

    ProjectController *m_project;
    ScoreCard *m_overall = nullptr;
    ScoreCard *m_shapes = nullptr;
    ScoreCard *m_pairs = nullptr;
    ScoreCard *m_utility = nullptr;
    ScoreCard *m_privacy = nullptr;
    QTableWidget *m_columns = nullptr;
    QComboBox *m_column = nullptr;
    HistogramComparisonChart *m_chart = nullptr;
    CorrelationHeatmap *m_realMap = nullptr;
    CorrelationHeatmap *m_synMap = nullptr;
    CorrelationHeatmap *m_diffMap = nullptr;
};

} // namespace ui
