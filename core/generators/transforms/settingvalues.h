// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <optional>

namespace core::transforms {

/// The integer setting `key` of `settings` (or `fallback` when absent), checked against [minimum, maximum].
/// The error names the setting and the value at fault.
inline Result<qint64> integerSetting(const QVariantMap &settings, const QString &key, qint64 fallback,
                                     qint64 minimum, qint64 maximum)
{
    if (!settings.contains(key))
        return fallback;
    bool ok = false;
    const double asDouble = settings.value(key).toDouble(&ok);
    const qint64 value = qint64(asDouble);
    if (!ok || double(value) != asDouble || value < minimum || value > maximum)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Settings", "The setting %1 must be a whole number from %2 to %3.")
                           .arg(key)
                           .arg(minimum)
                           .arg(maximum),
                       QStringLiteral("%1=%2").arg(key, settings.value(key).toString()) };
    return value;
}

/// The real-valued setting `key` (or `fallback`), checked against [minimum, maximum].
inline Result<double> realSetting(const QVariantMap &settings, const QString &key, double fallback, double minimum,
                                  double maximum)
{
    if (!settings.contains(key))
        return fallback;
    bool ok = false;
    const double value = settings.value(key).toDouble(&ok);
    if (!ok || !(value >= minimum && value <= maximum))
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Settings", "The setting %1 must be a number from %2 to %3.")
                           .arg(key)
                           .arg(minimum)
                           .arg(maximum),
                       QStringLiteral("%1=%2").arg(key, settings.value(key).toString()) };
    return value;
}

} // namespace core::transforms
