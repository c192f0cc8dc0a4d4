// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/scorecard.h"

#include <QJsonObject>
#include <QString>

#include <limits>

namespace ui {

/// A headline score read from the evaluation JSON (`healthsynth-cli evaluate`'s format).
struct ScoreReading {
    double value = std::numeric_limits<double>::quiet_NaN();
    ScoreCard::Light light = ScoreCard::Light::None;
    QString reading; ///< the plain-language sentence core wrote, or why it is missing
};

/// Finds the headline rated score of a family ("utility", "privacy"): the object itself when it
/// is a rated score ({"value", "light", "reading"}), else its "overall" or "score" member.
ScoreReading readScore(const QJsonObject &scores, const QString &family);

} // namespace ui
