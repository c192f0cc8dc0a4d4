// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace core::stats {

/// Standard normal CDF Φ(z) (via std::erfc, accurate in both tails).
double normalCdf(double z);
/// Standard normal quantile Φ⁻¹(u) for u in (0, 1); ±inf at 0 and 1 (Boost.Math erfc_inv).
double normalQuantile(double u);

/// A continuous univariate distribution, fitted to a sample. The families are those SDV's
/// copulas library offers to GaussianCopulaSynthesizer; parameters follow scipy.stats'
/// location/scale convention. All members are plain values, so a fitted distribution can
/// be copied, saved and used from any thread.
struct UnivariateDistribution {
    enum class Family : std::int32_t {
        Normal, ///< loc = mean, scale = standard deviation (MLE, ddof 0)
        TruncatedNormal, ///< normal(loc, scale) truncated to [lower, upper] = sample range ± 1e-8·range; MLE
        Beta, ///< shape a, b on [loc, loc + scale] = sample range; method of moments
        Gamma, ///< shape a, scale, loc; three-parameter method of moments (needs skewness > 0)
        Uniform, ///< on [loc, loc + scale] = sample range
        LogNormal, ///< log(x - loc) ~ normal(mu = log(scale), sigma = shape a); profile MLE or moments,
                   ///< better KS
        Kde, ///< Gaussian kernel density, bandwidth by Scott's rule, CDF tabulated on a grid
    };

    Family family = Family::Normal;
    double loc = 0.0;
    double scale = 1.0;
    double a = 1.0; ///< first shape parameter (Beta a, Gamma shape, LogNormal sigma)
    double b = 1.0; ///< second shape parameter (Beta b)
    double lower = 0.0; ///< TruncatedNormal lower bound
    double upper = 0.0; ///< TruncatedNormal upper bound
    /// Kde only: CDF tabulated at increasing x (kdeX) with values kdeCdf (0 → 1, non-decreasing).
    std::vector<double> kdeX;
    std::vector<double> kdeCdf;

    /// P(X <= x). Exact for the parametric families (Boost.Math), linear in the KDE's table.
    double cdf(double x) const;
    /// The x with cdf(x) = u, for u in [0, 1]; the support's ends (possibly ±inf) at 0 and 1.
    double quantile(double u) const;
    /// Family name as SDV spells it: "norm", "truncnorm", "beta", "gamma", "uniform", "lognorm",
    /// "gaussian_kde".
    QString name() const;
};

/// Fits `family` to `sorted` (ascending, finite, at least 2 distinct values).
/// Returns false when the family cannot describe the sample (e.g. Gamma for a left-skewed
/// sample); `out` is then unspecified. `kdePoints` bounds the number of kernel centres
/// (evenly spaced order statistics of the sample) to keep CDF tables cheap.
bool fitDistribution(UnivariateDistribution::Family family, const std::vector<double> &sorted,
    UnivariateDistribution &out, int kdePoints = 1000);

/// One-sample Kolmogorov–Smirnov statistic sup |F_n(x) − F(x)| of a sorted sample against `dist`.
double ksStatistic(const std::vector<double> &sorted, const UnivariateDistribution &dist);

/// Fits every family in `candidates` and returns the one with the smallest KS statistic
/// (ties: the earlier candidate). `sorted` as for fitDistribution. `ks` receives the winner's
/// statistic when given. Falls back to the KDE, then the uniform; when even that cannot
/// describe the sample (a range beyond double's), `ks` is set to +inf.
UnivariateDistribution selectDistribution(const std::vector<double> &sorted,
    const std::vector<UnivariateDistribution::Family> &candidates, double *ks = nullptr);

/// All seven families, in the order above.
std::vector<UnivariateDistribution::Family> allFamilies();

} // namespace core::stats
