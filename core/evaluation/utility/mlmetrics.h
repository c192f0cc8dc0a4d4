// SPDX-License-Identifier: MIT
#pragma once

#include <Eigen/Core>

namespace core::utility {

/// Classification scores as scikit-learn defines them. `truth` and `predicted` hold class indices.
double accuracy(const Eigen::VectorXi &truth, const Eigen::VectorXi &predicted);
/// f1_score(average="macro"): mean F1 over the classes present in truth or prediction.
double macroF1(const Eigen::VectorXi &truth, const Eigen::VectorXi &predicted);
/// roc_auc_score: binary (2 columns) = AUC of column 1; more classes = one-vs-rest macro
/// average over the classes present in `truth` that also have negatives. NaN if none.
double rocAucScore(const Eigen::VectorXi &truth, const Eigen::MatrixXd &probabilities);
/// Index of the largest probability per row (first on ties, like numpy's argmax).
Eigen::VectorXi argmaxRows(const Eigen::MatrixXd &probabilities);

/// Coefficient of determination 1 - SS_res / SS_tot (NaN when truth is constant).
double r2Score(const Eigen::VectorXd &truth, const Eigen::VectorXd &predicted);
double meanAbsoluteError(const Eigen::VectorXd &truth, const Eigen::VectorXd &predicted);

} // namespace core::utility
