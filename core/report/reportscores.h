// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportmodel.h"

#include <QJsonObject>

namespace core::reportscores {

/// Fills model.headline, fidelity, utility, privacy and thresholds from the evaluation JSON
/// (`healthsynth-cli evaluate --json`). Families the JSON says were not computed keep their
/// reason; a JSON holding only "error" sets model.scoresError.
void read(const QJsonObject &scores, ReportModel &model);

/// Traffic light of a per-column or family fidelity score: >= 0.8 green, >= 0.6 amber.
TrafficLight fidelityLight(double score);

} // namespace core::reportscores
