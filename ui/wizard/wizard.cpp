// SPDX-License-Identifier: MIT
#include "ui/wizard/wizard.h"

#include "ui/wizard/comparepage.h"
#include "ui/wizard/exportpage.h"
#include "ui/wizard/generatorpage.h"
#include "ui/wizard/profilepage.h"
#include "ui/wizard/sourcepage.h"
#include "ui/wizard/trainingpage.h"

#include <QAbstractButton>
#include <QEvent>
#include <QListWidget>

namespace ui {

Wizard::Wizard(ProjectController *project, TrainingController *training, QWidget *parent)
    : QWizard(parent)
{
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoCancelButton | QWizard::NoBackButtonOnStartPage | QWizard::NoDefaultButton);
    m_source = new SourcePage(project, this);
    m_profile = new ProfilePage(project, this);
    m_generator = new GeneratorPage(project, this);
    m_training = new TrainingPage(project, training, this);
    m_compare = new ComparePage(project, this);
    m_export = new ExportPage(project, this);
    setPage(pageIndex(PageId::Source), m_source);
    setPage(pageIndex(PageId::Profile), m_profile);
    setPage(pageIndex(PageId::Generator), m_generator);
    setPage(pageIndex(PageId::Training), m_training);
    setPage(pageIndex(PageId::Compare), m_compare);
    setPage(pageIndex(PageId::Export), m_export);
    setStartId(pageIndex(PageId::Source));

    m_steps = new QListWidget(this);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setIconSize(QSize(24, 24));
    m_steps->setSpacing(4);
    m_steps->setFrameShape(QFrame::NoFrame);
    m_steps->setStyleSheet(QStringLiteral("QListWidget { background: transparent; }"));
    for (int i = 0; i < kPageCount; ++i)
        m_steps->addItem(new QListWidgetItem);
    m_steps->setFixedWidth(170);
    setSideWidget(m_steps);
    retranslate();
    connect(this, &QWizard::currentIdChanged, this, &Wizard::updateSteps);
}

void Wizard::retranslate()
{
    const QString icons[kPageCount] = { QStringLiteral("source"), QStringLiteral("profile"),
                                        QStringLiteral("configure"), QStringLiteral("train"),
                                        QStringLiteral("compare"), QStringLiteral("export") };
    const QString names[kPageCount] = { tr("1. Source"), tr("2. Profile"), tr("3. Configure"),
                                        tr("4. Train"),  tr("5. Compare"), tr("6. Export") };
    for (int i = 0; i < kPageCount; ++i) {
        QListWidgetItem *item = m_steps->item(i);
        item->setText(names[i]);
        item->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icons[i])));
    }
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    updateSteps(currentId());
}

void Wizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void Wizard::updateSteps(int currentId)
{
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem *item = m_steps->item(i);
        QFont f = item->font();
        f.setBold(i == currentId);
        item->setFont(f);
        item->setForeground(i <= currentId || currentId < 0 ? palette().color(QPalette::Text)
                                                            : palette().color(QPalette::Disabled, QPalette::Text));
    }
}

} // namespace ui
