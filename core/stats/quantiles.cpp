// SPDX-License-Identifier: MIT
#include "core/stats/quantiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core::stats {

double quantileSorted(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double position = q * double(sorted.size() - 1);
    const size_t below = size_t(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - double(below);
    return sorted[below] + weight * (sorted[above] - sorted[below]);
}

std::vector<double> sortedFinite(Eigen::Ref<const Eigen::VectorXd> values)
{
    std::vector<double> out;
    out.reserve(size_t(values.size()));
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        if (std::isfinite(values[i]))
            out.push_back(values[i]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace core::stats
