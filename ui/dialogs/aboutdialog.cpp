// SPDX-License-Identifier: MIT
#include "ui/dialogs/aboutdialog.h"

#include "core/version.h"
#include "ui/appresources.h"

#include <Eigen/Core>
#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About HealthSynth"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/healthsynth.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *text = new QLabel(aboutHtml(), this);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setMinimumWidth(480);
    top->addWidget(icon);
    top->addWidget(text, 1);
    layout->addLayout(top);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::aboutHtml()
{
    const QString eigen = QStringLiteral("%1.%2.%3").arg(EIGEN_WORLD_VERSION).arg(EIGEN_MAJOR_VERSION).arg(EIGEN_MINOR_VERSION);
    return QStringLiteral("<h2>HealthSynth ") + core::appVersion() + QStringLiteral("</h2><p>")
        + tr("Turns a real patient table into a statistically similar synthetic table, and shows how "
             "faithful, useful and private the result is.")
        + QStringLiteral("</p><p>") + tr("Licensed under the MIT licence.") + QStringLiteral("</p><p><b>") + tr("Built with") + QStringLiteral("</b> Qt ")
        + QString::fromLatin1(qVersion()) + QStringLiteral(", QCustomPlot ") + QStringLiteral(QCUSTOMPLOT_VERSION_STR) + QStringLiteral(", Eigen ")
        + eigen + QStringLiteral(", LibTorch, Boost.Math, XGBoost, libpq.</p><p>") + demoAttributionHtml() + QStringLiteral("</p>");
}

} // namespace ui
