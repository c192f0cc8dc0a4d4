// SPDX-License-Identifier: MIT
#pragma once

// The binning behind the charts lives in core, where the PDF report's content is built too.
#include "core/report/columncomparison.h"

namespace ui {

using core::ColumnComparison;
using core::compareColumn;
using core::CorrelationMatrices;
using core::correlationMatrices;

} // namespace ui
