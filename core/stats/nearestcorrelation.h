// SPDX-License-Identifier: MIT
#pragma once

#include <Eigen/Core>

namespace core::stats {

/// The nearest correlation matrix (Frobenius norm) to the symmetric matrix `a`, by Higham's
/// alternating projections with Dykstra's correction (Higham 2002, IMA J. Numer. Anal. 22),
/// made strictly positive definite: eigenvalues below `minEigenvalue` are raised to it and the
/// diagonal is rescaled to 1. NaN entries of `a` are read as 0 (no evidence of correlation).
/// Stops after `maxIterations` or when the change falls below `tolerance`; never fails.
Eigen::MatrixXd nearestCorrelation(Eigen::Ref<const Eigen::MatrixXd> a, double minEigenvalue = 1e-6,
    int maxIterations = 200, double tolerance = 1e-10);

} // namespace core::stats
