// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QString>

namespace ui {

class MainWindow;

/// Walks the demo data through all six steps (loading, profiling, configuring, training,
/// comparing, exporting) in a 1280x800 window and writes one PNG per step into `dir`
/// (01-source.png ... 06-export.png). Runs the event loop while training. For the README and
/// for checking layouts in every language.
class ScreenshotRunner final {
public:
    static core::Result<void> run(MainWindow &window, const QString &dir);
};

} // namespace ui
