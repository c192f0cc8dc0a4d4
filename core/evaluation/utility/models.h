// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace core::utility {

/// L2-regularised logistic regression as scikit-learn's LogisticRegression(C=1) minimises it:
/// 0.5 |w|^2 + C * sum of log-losses, intercept not penalised. Solved by Newton's method with
/// a backtracking line search (converges to the same optimum as sklearn's lbfgs).
/// More than two classes: one-vs-rest, probabilities normalised to sum 1 per row.
class LogisticRegression final {
    Q_DECLARE_TR_FUNCTIONS(core::utility::LogisticRegression)
public:
    /// `labels` are class indices 0 .. classCount - 1. Fails with Numerical when Newton does
    /// not converge in `maxIterations`.
    static Result<LogisticRegression> fit(const Eigen::MatrixXd &x, const Eigen::VectorXi &labels, int classCount,
                                          double c = 1.0, int maxIterations = 100);
    /// rows x classCount probabilities.
    Eigen::MatrixXd predictProbabilities(const Eigen::MatrixXd &x) const;

private:
    Eigen::MatrixXd m_weights;   // features x (1 for binary, classCount otherwise)
    Eigen::RowVectorXd m_bias;
    int m_classCount = 2;
};

/// Ordinary least squares with an intercept (scikit-learn's LinearRegression): the minimum-norm
/// solution, so one-hot columns that sum to the intercept are fine.
class LinearRegression final {
public:
    static LinearRegression fit(const Eigen::MatrixXd &x, const Eigen::VectorXd &y);
    Eigen::VectorXd predict(const Eigen::MatrixXd &x) const;

private:
    Eigen::VectorXd m_weights;
    double m_bias = 0.0;
};

/// Gradient-boosted trees through Debian's libxgboost C API.
class XGBoostModel final {
    Q_DECLARE_TR_FUNCTIONS(core::utility::XGBoostModel)
public:
    enum class Objective { Binary, Multiclass, Regression };
    struct Params {
        int trees = 200;      ///< boosting rounds (n_estimators)
        int maxDepth = 6;
        double eta = 0.3;     ///< learning_rate (XGBoost's default)
        int threads = 2;
        quint64 seed = 0;
        QString treeMethod = QStringLiteral("hist");
    };

    /// NaN in `x` is "missing" to XGBoost. For classification `y` holds class indices.
    /// Fails with Internal carrying XGBoost's own error text.
    static Result<XGBoostModel> train(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, Objective objective,
                                      int classCount, const Params &params);
    /// Classification: rows x classCount probabilities; regression: rows x 1 predictions.
    Result<Eigen::MatrixXd> predict(const Eigen::MatrixXd &x) const;

private:
    struct Booster;
    std::shared_ptr<Booster> m_booster;
    Objective m_objective = Objective::Binary;
    int m_classCount = 2;
};

} // namespace core::utility
