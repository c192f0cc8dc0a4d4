// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace core {

/// A failure the user can act on. `message` is one translated sentence naming what is at
/// fault (file, line, column, setting); `detail` is technical (path, SQL state, exception text).
struct Error {
    enum class Code { InvalidInput, Io, Database, Numerical, Cancelled, Internal };
    Code code = Code::Internal;
    QString message;
    QString detail;

    /// "message (detail)" on one line, for logs and the CLI's stderr.
    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + u')'; }
};

/// The error every long job returns when its JobContext reports cancellation.
inline Error cancelledError() { return Error { Error::Code::Cancelled, QStringLiteral("Cancelled."), {} }; }

} // namespace core

Q_DECLARE_METATYPE(core::Error)
