// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QString>

namespace ui {

/// Registers the bundled resources (icons, demo data, translations); call once after QApplication.
void initResources();

/// Path of a readable copy of the bundled demo CSV (Heart Failure Clinical Records, CC BY 4.0),
/// extracted from the resources into the app's data folder on first use.
core::Result<QString> demoDataPath();

/// The demo data's attribution as rich text, for the About box and reports.
QString demoAttributionHtml();

} // namespace ui
