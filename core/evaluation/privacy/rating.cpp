// SPDX-License-Identifier: MIT
#include "core/evaluation/privacy/rating.h"

#include <cmath>

namespace core {

QString trafficLightKey(TrafficLight light)
{
    switch (light) {
    case TrafficLight::Green:
        return QStringLiteral("green");
    case TrafficLight::Amber:
        return QStringLiteral("amber");
    case TrafficLight::Red:
        return QStringLiteral("red");
    case TrafficLight::NotAvailable:
        break;
    }
    return QStringLiteral("n/a");
}

QJsonValue jsonNumber(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject ratedScoreToJson(const RatedScore &score)
{
    QJsonObject object;
    object.insert(QStringLiteral("value"), jsonNumber(score.value));
    object.insert(QStringLiteral("light"), trafficLightKey(score.light));
    object.insert(QStringLiteral("reading"), score.reading);
    return object;
}

TrafficLight lightHigherIsBetter(double value, double green, double amber)
{
    if (std::isnan(value))
        return TrafficLight::NotAvailable;
    return value >= green ? TrafficLight::Green : value >= amber ? TrafficLight::Amber : TrafficLight::Red;
}

TrafficLight lightLowerIsBetter(double value, double green, double amber)
{
    if (std::isnan(value))
        return TrafficLight::NotAvailable;
    return value <= green ? TrafficLight::Green : value <= amber ? TrafficLight::Amber : TrafficLight::Red;
}

} // namespace core
