// SPDX-License-Identifier: MIT
#pragma once

#include <Eigen/Core>

#include <vector>

namespace core::stats {

/// Quantile q in [0, 1] of sorted values by linear interpolation between order statistics
/// (numpy's default "linear" method). NaN for an empty input.
double quantileSorted(const std::vector<double> &sorted, double q);

/// The finite values of `values` (NaN and ±inf dropped), sorted ascending.
std::vector<double> sortedFinite(Eigen::Ref<const Eigen::VectorXd> values);

} // namespace core::stats
