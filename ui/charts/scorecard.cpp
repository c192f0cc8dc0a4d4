// SPDX-License-Identifier: MIT
#include "ui/charts/scorecard.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

ScoreCard::ScoreCard(const QString &title, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    m_title = new QLabel(title, this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_value = new QLabel(QStringLiteral("–"), this);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_text, 1);
}

void ScoreCard::setScore(double value, Light light, const QString &explanation, bool percent)
{
    if (!std::isfinite(value))
        m_value->setText(tr("n/a"));
    else if (percent)
        m_value->setText(QLocale().toString(value * 100.0, 'f', 1) + u'%');
    else
        m_value->setText(QLocale().toString(value, 'f', 2));
    m_value->setStyleSheet(QStringLiteral("color: %1").arg(colorFor(light).name()));
    m_text->setText(explanation);
}

QString ScoreCard::valueText() const { return m_value->text(); }

ScoreCard::Light ScoreCard::lightFor(double value, double green, double amber)
{
    if (!std::isfinite(value))
        return Light::None;
    return value >= green ? Light::Green : value >= amber ? Light::Amber : Light::Red;
}

QColor ScoreCard::colorFor(Light light)
{
    switch (light) {
    case Light::Green:
        return QColor(30, 132, 73);
    case Light::Amber:
        return QColor(185, 119, 14);
    case Light::Red:
        return QColor(176, 58, 46);
    case Light::None:
        break;
    }
    return QColor(90, 90, 90);
}

} // namespace ui
