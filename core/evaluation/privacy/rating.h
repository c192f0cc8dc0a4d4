// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace core {

/// A score's verdict for readers who are not statisticians. Thresholds are documented where
/// each score is rated (privacyreport.h, detection.h, utilityreport.h).
enum class TrafficLight {
    Green,        ///< nothing to act on
    Amber,        ///< look closer before sharing
    Red,          ///< do not share as is
    NotAvailable, ///< the score could not be computed (the reading says why)
};

/// "green", "amber", "red", "n/a".
QString trafficLightKey(TrafficLight light);

/// A score with its traffic light and a one-line plain-language reading.
struct RatedScore {
    double value = 0.0;
    TrafficLight light = TrafficLight::NotAvailable;
    QString reading;
};

/// { "value": v (null when NaN), "light": "green", "reading": "..." }.
QJsonObject ratedScoreToJson(const RatedScore &score);

/// Green when value >= green, amber when >= amber, else red (higher is better); NaN: NotAvailable.
TrafficLight lightHigherIsBetter(double value, double green, double amber);
/// Green when value <= green, amber when <= amber, else red (lower is better); NaN: NotAvailable.
TrafficLight lightLowerIsBetter(double value, double green, double amber);

/// A JSON number, or null for NaN / infinity (JSON has no NaN).
QJsonValue jsonNumber(double value);

} // namespace core
