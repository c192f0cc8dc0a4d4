// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ui::settings {

/// A typed QSettings key: the one place a preference's name, type and default live.
template <typename T>
struct Key {
    const char *name;
    T defaultValue;

    T value() const
    {
        QSettings s;
        return s.value(QLatin1String(name), QVariant::fromValue(defaultValue)).template value<T>();
    }
    void setValue(const T &v) const
    {
        QSettings s;
        s.setValue(QLatin1String(name), QVariant::fromValue(v));
    }
};

inline constexpr int kMaxRecent = 8;

inline const Key<QStringList> recentCsvFiles { "source/recentCsvFiles", {} };
inline const Key<QStringList> recentProjects { "project/recentProjects", {} };
inline const Key<QString> lastDirectory { "paths/lastDirectory", {} };
/// "en" or "es"; empty = follow the system locale.
inline const Key<QString> language { "ui/language", {} };
inline const Key<QByteArray> windowGeometry { "ui/windowGeometry", {} };
inline const Key<QString> postgresHost { "postgres/host", QStringLiteral("localhost") };
inline const Key<int> postgresPort { "postgres/port", 5432 };
inline const Key<QString> postgresDatabase { "postgres/database", {} };
inline const Key<QString> postgresUser { "postgres/user", {} };
inline const Key<QString> postgresSslMode { "postgres/sslMode", QStringLiteral("prefer") };

/// Moves `entry` to the front of the list stored under `key`, keeping at most kMaxRecent.
inline void pushRecent(const Key<QStringList> &key, const QString &entry)
{
    QStringList list = key.value();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMaxRecent)
        list.removeLast();
    key.setValue(list);
}

} // namespace ui::settings
