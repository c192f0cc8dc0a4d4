// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;

namespace ui {

/// One score: a title, a big value with a traffic-light colour and a sentence on what it means.
class ScoreCard final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScoreCard)
public:
    enum class Light { Green, Amber, Red, None };

    explicit ScoreCard(const QString &title, QWidget *parent = nullptr);

    /// value shown as a percentage when `percent`, else with two decimals; NaN shows "n/a".
    void setScore(double value, Light light, const QString &explanation, bool percent = true);
    QString valueText() const;

    /// Green >= green, amber >= amber, else red (higher is better); NaN gives None.
    static Light lightFor(double value, double green, double amber);
    static QColor colorFor(Light light);

private:
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace ui
