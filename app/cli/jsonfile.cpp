// SPDX-License-Identifier: MIT
#include "jsonfile.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

namespace cli {

core::Result<void> writeJsonFile(const QJsonObject &object, const QString &path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
        if (file.commit())
            return {};
    }
    return core::Error { core::Error::Code::Io,
                         QStringLiteral("Cannot write %1.").arg(QDir::toNativeSeparators(path)), file.errorString() };
}

} // namespace cli
