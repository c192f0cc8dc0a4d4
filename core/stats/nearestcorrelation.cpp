// SPDX-License-Identifier: MIT
#include "core/stats/nearestcorrelation.h"

#include <cmath>

#include <Eigen/Eigenvalues>

namespace core::stats {

namespace {

Eigen::MatrixXd clipEigenvalues(const Eigen::MatrixXd &m, double floor)
{
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(m);
    const Eigen::VectorXd values = solver.eigenvalues().cwiseMax(floor);
    return solver.eigenvectors() * values.asDiagonal() * solver.eigenvectors().transpose();
}

} // namespace

Eigen::MatrixXd nearestCorrelation(
    Eigen::Ref<const Eigen::MatrixXd> a, double minEigenvalue, int maxIterations, double tolerance)
{
    const Eigen::Index n = a.rows();
    Eigen::MatrixXd y = a.unaryExpr([](double v) { return std::isfinite(v) ? v : 0.0; });
    y = (y + y.transpose()) / 2;
    y.diagonal().setOnes();
    if (n == 0)
        return y;
    // Already a positive-definite correlation matrix (the usual case without missing cells): done.
    if (Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(y, Eigen::EigenvaluesOnly).eigenvalues().minCoeff()
        >= minEigenvalue)
        return y;
    Eigen::MatrixXd correction = Eigen::MatrixXd::Zero(n, n);
    for (int it = 0; it < maxIterations; ++it) {
        const Eigen::MatrixXd r = y - correction;
        const Eigen::MatrixXd x = clipEigenvalues(r, 0.0); // projection onto the PSD cone
        correction = x - r;
        Eigen::MatrixXd next = x;
        next.diagonal().setOnes(); // projection onto unit-diagonal matrices
        const double change = (next - y).norm() / std::max(1.0, y.norm());
        y = std::move(next);
        if (change < tolerance)
            break;
    }
    // Strict positive definiteness so a Cholesky factor exists, then unit diagonal again.
    Eigen::MatrixXd pd = clipEigenvalues(y, minEigenvalue);
    const Eigen::VectorXd d = pd.diagonal().cwiseSqrt().cwiseInverse();
    pd = d.asDiagonal() * pd * d.asDiagonal();
    pd = (pd + pd.transpose()) / 2;
    pd.diagonal().setOnes();
    return pd;
}

} // namespace core::stats
