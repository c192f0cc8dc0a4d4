// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace cli {

/// Writes `object` as indented JSON, atomically.
core::Result<void> writeJsonFile(const QJsonObject &object, const QString &path);

} // namespace cli
