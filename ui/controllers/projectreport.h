// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportmodel.h"

namespace ui {

class ProjectController;

/// The evaluation report's content for the project as it stands: its source, settings, model,
/// training, hold-out and synthetic tables and saved scores, plus a fresh data-quality profile
/// of the real table. GUI thread (reads the controller); profiling takes a moment on big tables.
core::ReportModel projectReport(const ProjectController &project);

} // namespace ui
