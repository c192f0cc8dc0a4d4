// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace core {

/// Writes seconds since 1970-01-01T00:00:00 UTC with a strftime-like format.
/// Supported: %Y (4-digit year), %m, %d, %H, %M, %S (2 digits), %f (6-digit microseconds),
/// %b (English month abbreviation), %j is not supported; other characters are copied;
/// "%%" is a percent sign. Years before 1970 work (negative seconds).
QString formatDateTime(double secondsSinceEpoch, const QString &format);

} // namespace core
