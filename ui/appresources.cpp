// SPDX-License-Identifier: MIT
#include "ui/appresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

static void initHealthSynthResources()
{
    // The .qrc sits in a static library: without this call the linker may drop it.
    Q_INIT_RESOURCE(healthsynth);
}

namespace ui {

void initResources() { initHealthSynthResources(); }

core::Result<QString> demoDataPath()
{
    const QString source = QStringLiteral(":/demo/heart_failure.csv");
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath() + QStringLiteral("/healthsynth");
    const QString target = dir + QStringLiteral("/demo/heart_failure.csv");
    QFile in(source);
    if (QFileInfo(target).size() == in.size())
        return target;
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return core::Error { core::Error::Code::Io,
                             QCoreApplication::translate("ui", "Cannot create the folder %1 for the demo data.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath())),
                             {} };
    QFile::remove(target);
    if (!in.copy(target))
        return core::Error { core::Error::Code::Io,
                             QCoreApplication::translate("ui", "Cannot copy the demo data to %1.")
                                 .arg(QDir::toNativeSeparators(target)),
                             in.errorString() };
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return target;
}

QString demoAttributionHtml()
{
    return QCoreApplication::translate(
        "ui",
        "<b>Demo data:</b> Heart Failure Clinical Records (299 patients), UCI Machine Learning Repository, "
        "<a href=\"https://archive.ics.uci.edu/dataset/519/heart+failure+clinical+records\">dataset 519</a>. "
        "Chicco D., Jurman G. (2020), BMC Medical Informatics and Decision Making 20:16. "
        "Licensed under <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>.");
}

} // namespace ui
