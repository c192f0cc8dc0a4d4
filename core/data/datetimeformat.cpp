// SPDX-License-Identifier: MIT
#include "core/data/datetimeformat.h"

#include <QDate>

#include <array>
#include <cmath>

namespace core {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
const QDate kEpoch(1970, 1, 1);

void appendPadded(QString &out, qint64 value, int width)
{
    out += QString::number(value).rightJustified(width, u'0');
}

} // namespace

QString formatDateTime(double secondsSinceEpoch, const QString &format)
{
    static const std::array<const char *, 12> kMonths { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    // Round to microseconds first so 23:59:59.9999999 does not print as second 60.
    const double micros = std::round(secondsSinceEpoch * 1e6);
    const qint64 wholeSeconds = qint64(std::floor(micros / 1e6));
    const qint64 microPart = qint64(micros - double(wholeSeconds) * 1e6);
    qint64 days = wholeSeconds / kSecondsPerDay;
    qint64 secondOfDay = wholeSeconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    const QDate date = kEpoch.addDays(days);

    QString out;
    out.reserve(format.size() + 8);
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != u'%' || i + 1 == format.size()) {
            out += c;
            continue;
        }
        switch (format.at(++i).unicode()) {
        case 'Y': appendPadded(out, date.year(), 4); break;
        case 'm': appendPadded(out, date.month(), 2); break;
        case 'd': appendPadded(out, date.day(), 2); break;
        case 'H': appendPadded(out, secondOfDay / 3600, 2); break;
        case 'M': appendPadded(out, (secondOfDay / 60) % 60, 2); break;
        case 'S': appendPadded(out, secondOfDay % 60, 2); break;
        case 'f': appendPadded(out, microPart, 6); break;
        case 'b': out += QLatin1StringView(kMonths[size_t(date.month() - 1)]); break;
        case '%': out += u'%'; break;
        default: out += u'%'; out += format.at(i); break;
        }
    }
    return out;
}

} // namespace core
