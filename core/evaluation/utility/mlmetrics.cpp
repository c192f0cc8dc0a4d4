// SPDX-License-Identifier: MIT
#include "core/evaluation/utility/mlmetrics.h"

#include "core/evaluation/privacy/dcr.h"

#include <cmath>
#include <limits>
#include <set>
#include <vector>

namespace core::utility {

double accuracy(const Eigen::VectorXi &truth, const Eigen::VectorXi &predicted)
{
    if (truth.size() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return double((truth.array() == predicted.array()).count()) / double(truth.size());
}

double macroF1(const Eigen::VectorXi &truth, const Eigen::VectorXi &predicted)
{
    std::set<int> classes;
    for (Eigen::Index i = 0; i < truth.size(); ++i) {
        classes.insert(truth[i]);
        classes.insert(predicted[i]);
    }
    if (classes.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0.0;
    for (int k : classes) {
        const double tp = double(((truth.array() == k) && (predicted.array() == k)).count());
        const double fp = double(((truth.array() != k) && (predicted.array() == k)).count());
        const double fn = double(((truth.array() == k) && (predicted.array() != k)).count());
        const double denominator = 2.0 * tp + fp + fn;
        sum += denominator > 0.0 ? 2.0 * tp / denominator : 0.0;
    }
    return sum / double(classes.size());
}

namespace {

double oneVsRestAuc(const Eigen::VectorXi &truth, const Eigen::VectorXd &score, int positive)
{
    std::vector<double> pos;
    std::vector<double> neg;
    for (Eigen::Index i = 0; i < truth.size(); ++i)
        (truth[i] == positive ? pos : neg).push_back(score[i]);
    return privacy::rocAuc(Eigen::Map<const Eigen::VectorXd>(pos.data(), Eigen::Index(pos.size())),
                           Eigen::Map<const Eigen::VectorXd>(neg.data(), Eigen::Index(neg.size())));
}

} // namespace

double rocAucScore(const Eigen::VectorXi &truth, const Eigen::MatrixXd &probabilities)
{
    if (probabilities.cols() == 2)
        return oneVsRestAuc(truth, probabilities.col(1), 1);
    double sum = 0.0;
    int count = 0;
    for (Eigen::Index k = 0; k < probabilities.cols(); ++k) {
        const double auc = oneVsRestAuc(truth, probabilities.col(k), int(k));
        if (!std::isnan(auc)) {
            sum += auc;
            ++count;
        }
    }
    return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

Eigen::VectorXi argmaxRows(const Eigen::MatrixXd &probabilities)
{
    Eigen::VectorXi out(probabilities.rows());
    for (Eigen::Index r = 0; r < probabilities.rows(); ++r) {
        Eigen::Index best = 0;
        probabilities.row(r).maxCoeff(&best);
        out[r] = int(best);
    }
    return out;
}

double r2Score(const Eigen::VectorXd &truth, const Eigen::VectorXd &predicted)
{
    const double total = (truth.array() - truth.mean()).square().sum();
    const double residual = (truth - predicted).squaredNorm();
    return total > 0.0 ? 1.0 - residual / total : std::numeric_limits<double>::quiet_NaN();
}

double meanAbsoluteError(const Eigen::VectorXd &truth, const Eigen::VectorXd &predicted)
{
    return truth.size() ? (truth - predicted).cwiseAbs().mean() : std::numeric_limits<double>::quiet_NaN();
}

} // namespace core::utility
