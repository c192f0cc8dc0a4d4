// SPDX-License-Identifier: MIT
#include "ui/wizard/scorereading.h"

namespace ui {

namespace {
    bool isRated(const QJsonObject &o) { return o.contains(QStringLiteral("value")) && o.contains(QStringLiteral("light")); }

    ScoreReading fromRated(const QJsonObject &o)
    {
        ScoreReading r;
        if (o.value(QStringLiteral("value")).isDouble())
            r.value = o.value(QStringLiteral("value")).toDouble();
        const QString light = o.value(QStringLiteral("light")).toString();
        r.light = light == QStringLiteral("green")   ? ScoreCard::Light::Green
            : light == QStringLiteral("amber")       ? ScoreCard::Light::Amber
            : light == QStringLiteral("red")         ? ScoreCard::Light::Red
                                                     : ScoreCard::Light::None;
        r.reading = o.value(QStringLiteral("reading")).toString();
        return r;
    }
} // namespace

ScoreReading readScore(const QJsonObject &scores, const QString &family)
{
    const QJsonValue v = scores.value(family);
    if (!v.isObject()) {
        ScoreReading r;
        if (v.isString())
            r.reading = v.toString();
        return r;
    }
    const QJsonObject o = v.toObject();
    if (isRated(o))
        return fromRated(o);
    for (const char *key : { "overall", "score", "headline" }) {
        const QJsonValue inner = o.value(QLatin1String(key));
        if (inner.isObject() && isRated(inner.toObject()))
            return fromRated(inner.toObject());
        if (inner.isDouble()) {
            ScoreReading r;
            r.value = inner.toDouble();
            r.light = ScoreCard::lightFor(r.value, 0.8, 0.6);
            return r;
        }
    }
    ScoreReading r;
    r.reading = o.value(QStringLiteral("error")).toString();
    if (r.reading.isEmpty())
        r.reading = o.value(QStringLiteral("reason")).toString();
    return r;
}

} // namespace ui
