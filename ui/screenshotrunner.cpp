// SPDX-License-Identifier: MIT
#include "ui/screenshotrunner.h"

#include "ui/controllers/projectcontroller.h"
#include "ui/controllers/trainingcontroller.h"
#include "ui/mainwindow.h"
#include "ui/wizard/comparepage.h"
#include "ui/wizard/generatorpage.h"
#include "ui/wizard/profilepage.h"
#include "ui/wizard/trainingpage.h"
#include "ui/wizard/wizard.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QTableWidget>

namespace ui {

namespace {
    void settle(int ms = 150)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }

    core::Result<void> shoot(MainWindow &window, const QString &dir, const QString &name)
    {
        settle();
        const QString path = QDir(dir).filePath(name);
        if (!window.grab().save(path))
            return core::Error { core::Error::Code::Io, QStringLiteral("Cannot write %1.").arg(path), {} };
        return {};
    }

    core::Error stepError(const QString &step)
    {
        return { core::Error::Code::Internal, QStringLiteral("The screenshot walk stopped at the %1 step.").arg(step),
                 {} };
    }
} // namespace

core::Result<void> ScreenshotRunner::run(MainWindow &window, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return core::Error { core::Error::Code::Io, QStringLiteral("Cannot create %1.").arg(dir), {} };
    window.resize(1280, 800);
    window.show();
    if (!window.loadDemo())
        return stepError(QStringLiteral("source"));
    if (auto r = shoot(window, dir, QStringLiteral("01-source.png")); !r.ok())
        return r;

    Wizard *wizard = window.wizard();
    wizard->next();
    if (wizard->currentId() != pageIndex(PageId::Profile))
        return stepError(QStringLiteral("profile"));
    if (QTableWidget *table = wizard->profilePage()->columnTable(); table->rowCount() > 2)
        table->selectRow(2);
    if (auto r = shoot(window, dir, QStringLiteral("02-profile.png")); !r.ok())
        return r;

    wizard->next();
    if (wizard->currentId() != pageIndex(PageId::Generator))
        return stepError(QStringLiteral("configure"));
    if (auto r = shoot(window, dir, QStringLiteral("03-configure.png")); !r.ok())
        return r;

    wizard->next();
    if (wizard->currentId() != pageIndex(PageId::Training))
        return stepError(QStringLiteral("train"));
    if (!wizard->trainingPage()->train())
        return stepError(QStringLiteral("train"));
    QDeadlineTimer deadline(10 * 60 * 1000);
    while ((window.training()->isBusy() || !window.project()->hasSynthetic()) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!window.training()->isBusy() && !window.project()->hasSynthetic())
            return stepError(QStringLiteral("train"));
    }
    if (auto r = shoot(window, dir, QStringLiteral("04-train.png")); !r.ok())
        return r;

    wizard->next();
    if (wizard->currentId() != pageIndex(PageId::Compare))
        return stepError(QStringLiteral("compare"));
    if (auto r = shoot(window, dir, QStringLiteral("05-compare.png")); !r.ok())
        return r;

    wizard->next();
    if (wizard->currentId() != pageIndex(PageId::Export))
        return stepError(QStringLiteral("export"));
    return shoot(window, dir, QStringLiteral("06-export.png"));
}

} // namespace ui
