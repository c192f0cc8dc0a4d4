// SPDX-License-Identifier: MIT
#include "core/stats/distributions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/special_functions/erf.hpp>

namespace core::stats {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSqrt2 = 1.41421356237309504880;

// Boost throws on domain errors by default; here an out-of-domain argument is a caller bug
// caught by the asserts, and overflow should saturate rather than throw.
using Policy = boost::math::policies::policy<
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::promote_double<false>>;
using BetaDist = boost::math::beta_distribution<double, Policy>;
using GammaDist = boost::math::gamma_distribution<double, Policy>;
using LogNormalDist = boost::math::lognormal_distribution<double, Policy>;

struct Moments {
    double mean = 0.0;
    double sd = 0.0; // population (ddof 0)
    double skew = 0.0; // population
};

Moments momentsOf(const std::vector<double> &x)
{
    Moments m;
    const double n = double(x.size());
    m.mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double m2 = 0.0, m3 = 0.0;
    for (double v : x) {
        const double d = v - m.mean;
        m2 += d * d;
        m3 += d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m.sd = std::sqrt(m2);
    m.skew = m2 > 0.0 ? m3 / std::pow(m2, 1.5) : 0.0;
    return m;
}

double clamp01(double u)
{
    return std::clamp(u, 0.0, 1.0);
}

// Upper tail Q(z) = 1 − Φ(z), accurate for large z.
double normalSurvival(double z)
{
    return 0.5 * std::erfc(z / kSqrt2);
}

// Nelder–Mead on two parameters; small, deterministic, enough for the truncated normal's MLE.
template <typename F>
std::array<double, 2> nelderMead(F f, std::array<double, 2> start, std::array<double, 2> step, int iterations)
{
    std::array<std::array<double, 2>, 3> p { start, start, start };
    p[1][0] += step[0];
    p[2][1] += step[1];
    std::array<double, 3> v { f(p[0]), f(p[1]), f(p[2]) };
    for (int it = 0; it < iterations; ++it) {
        std::array<int, 3> order { 0, 1, 2 };
        std::sort(order.begin(), order.end(), [&v](int l, int r) { return v[size_t(l)] < v[size_t(r)]; });
        const size_t best = size_t(order[0]), mid = size_t(order[1]), worst = size_t(order[2]);
        if (std::abs(v[worst] - v[best]) <= 1e-10 * (std::abs(v[best]) + 1e-10))
            break;
        const std::array<double, 2> centre { (p[best][0] + p[mid][0]) / 2, (p[best][1] + p[mid][1]) / 2 };
        auto along = [&](double t) {
            return std::array<double, 2> { centre[0] + t * (p[worst][0] - centre[0]),
                centre[1] + t * (p[worst][1] - centre[1]) };
        };
        const auto reflected = along(-1.0);
        const double fr = f(reflected);
        if (fr < v[best]) {
            const auto expanded = along(-2.0);
            const double fe = f(expanded);
            if (fe < fr)
                p[worst] = expanded, v[worst] = fe;
            else
                p[worst] = reflected, v[worst] = fr;
        } else if (fr < v[mid]) {
            p[worst] = reflected, v[worst] = fr;
        } else {
            const auto contracted = fr < v[worst] ? along(-0.5) : along(0.5);
            const double fc = f(contracted);
            if (fc < std::min(fr, v[worst])) {
                p[worst] = contracted, v[worst] = fc;
            } else {
                for (size_t i : { mid, worst }) {
                    p[i] = { (p[i][0] + p[best][0]) / 2, (p[i][1] + p[best][1]) / 2 };
                    v[i] = f(p[i]);
                }
            }
        }
    }
    const size_t best = size_t(std::min_element(v.begin(), v.end()) - v.begin());
    return p[best];
}

// Truncated normal helpers: mass Z of [lower, upper] and the CDF, using the upper tail when the
// interval lies right of the mean so that Φ(α) ≈ 1 does not cancel.
double truncatedMass(double alpha, double beta)
{
    return alpha > 0.0 ? normalSurvival(alpha) - normalSurvival(beta) : normalCdf(beta) - normalCdf(alpha);
}

bool fitTruncatedNormal(const std::vector<double> &x, const Moments &m, UnivariateDistribution &out)
{
    const double lo = x.front(), hi = x.back(), range = hi - lo;
    out.lower = lo - 1e-8 * range;
    out.upper = hi + 1e-8 * range;
    const double n = double(x.size());
    double sx = 0.0, sxx = 0.0;
    for (double v : x) {
        sx += v - m.mean;
        sxx += (v - m.mean) * (v - m.mean);
    }
    // Negative log-likelihood from sufficient statistics, in coordinates centred on the mean.
    auto nll = [&](const std::array<double, 2> &p) {
        const double mu = p[0], sigma = std::exp(p[1]);
        if (sigma < 1e-9 * range || sigma > 1e3 * range || std::abs(mu) > 1e3 * range)
            return kInf;
        const double z = truncatedMass((out.lower - m.mean - mu) / sigma, (out.upper - m.mean - mu) / sigma);
        if (!(z > 1e-300))
            return kInf;
        return n * std::log(sigma) + (sxx - 2 * mu * sx + n * mu * mu) / (2 * sigma * sigma)
            + n * std::log(z);
    };
    const auto best = nelderMead(nll, { 0.0, std::log(m.sd) }, { 0.1 * m.sd, 0.2 }, 400);
    if (!std::isfinite(nll(best)))
        return false;
    out.loc = m.mean + best[0];
    out.scale = std::exp(best[1]);
    return true;
}

bool fitKde(const std::vector<double> &x, const Moments &m, int kdePoints, UnivariateDistribution &out)
{
    const size_t n = x.size();
    const size_t centres = std::min(n, size_t(std::max(kdePoints, 2)));
    std::vector<double> c(centres);
    for (size_t i = 0; i < centres; ++i)
        c[i] = x[size_t(std::llround(double(i) * double(n - 1) / double(centres - 1)))];
    // Scott's rule as scipy.stats.gaussian_kde: sample std (ddof 1) times n^(-1/5).
    const double sd1 = m.sd * std::sqrt(double(n) / double(n - 1));
    const double h = sd1 * std::pow(double(n), -0.2);
    if (!(h > 0.0))
        return false;
    constexpr int kGrid = 4096;
    const double from = x.front() - 5 * h, to = x.back() + 5 * h;
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(h))
        return false;
    out.kdeX.resize(kGrid);
    out.kdeCdf.resize(kGrid);
    const double cutoff = 8.5 * h;
    size_t below = 0; // centres entirely below the window contribute 1 each
    for (int g = 0; g < kGrid; ++g) {
        const double xg = from + (to - from) * double(g) / double(kGrid - 1);
        while (below < centres && c[below] < xg - cutoff)
            ++below;
        double sum = double(below);
        for (size_t i = below; i < centres && c[i] <= xg + cutoff; ++i)
            sum += normalCdf((xg - c[i]) / h);
        out.kdeX[size_t(g)] = xg;
        out.kdeCdf[size_t(g)] = sum / double(centres);
    }
    out.kdeCdf.front() = 0.0;
    out.kdeCdf.back() = 1.0;
    for (int g = 1; g < kGrid; ++g) // guard monotonicity against rounding
        out.kdeCdf[size_t(g)] = std::max(out.kdeCdf[size_t(g)], out.kdeCdf[size_t(g - 1)]);
    out.scale = h;
    out.loc = 0.0;
    return true;
}

// Log-normal with location: MLE of (mu, sigma) given loc is closed form, so loc is found by a
// golden-section search of the profile likelihood over log(min − loc); the three-parameter
// moment estimate (from the skewness) is tried too, and the better fit by KS is kept.
double logNormalGivenLoc(const std::vector<double> &x, double loc, UnivariateDistribution &out)
{
    const double n = double(x.size());
    double s = 0.0, ss = 0.0;
    for (double v : x) {
        const double l = std::log(v - loc);
        s += l;
        ss += l * l;
    }
    const double mu = s / n;
    const double sigma = std::sqrt(std::max(ss / n - mu * mu, 0.0));
    out.loc = loc;
    out.scale = std::exp(mu);
    out.a = sigma;
    if (!(sigma > 0.0) || !std::isfinite(out.scale))
        return -kInf;
    return -s - n * std::log(sigma); // profile log-likelihood up to a constant
}

bool fitLogNormal(const std::vector<double> &x, const Moments &m, UnivariateDistribution &out)
{
    const double lo = x.front(), range = x.back() - x.front();
    UnivariateDistribution mle = out;
    double a = std::log(1e-4 * range), b = std::log(1e3 * range);
    const double phi = (std::sqrt(5.0) - 1) / 2;
    double c = b - phi * (b - a), d = a + phi * (b - a);
    auto f = [&](double t) {
        UnivariateDistribution probe = out;
        return logNormalGivenLoc(x, lo - std::exp(t), probe);
    };
    double fc = f(c), fd = f(d);
    for (int i = 0; i < 60; ++i) {
        if (fc > fd) {
            b = d, d = c, fd = fc;
            c = b - phi * (b - a);
            fc = f(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + phi * (b - a);
            fd = f(d);
        }
    }
    const bool mleOk = std::isfinite(logNormalGivenLoc(x, lo - std::exp((a + b) / 2), mle));

    UnivariateDistribution moments = out;
    bool momentsOk = false;
    if (m.skew > 1e-3) {
        double l = 1.0, r = 2.0;
        auto g2 = [](double w) { return (w + 2) * (w + 2) * (w - 1); };
        while (g2(r) < m.skew * m.skew && r < 1e6)
            r *= 2;
        for (int i = 0; i < 200; ++i) {
            const double mid = (l + r) / 2;
            (g2(mid) < m.skew * m.skew ? l : r) = mid;
        }
        const double w = (l + r) / 2;
        moments.a = std::sqrt(std::log(w));
        moments.scale = m.sd / std::sqrt(w * (w - 1));
        moments.loc = m.mean - moments.scale * std::sqrt(w);
        momentsOk = moments.loc < lo && moments.a > 0 && std::isfinite(moments.scale) && moments.scale > 0;
    }
    if (mleOk && momentsOk)
        out = ksStatistic(x, mle) <= ksStatistic(x, moments) ? mle : moments;
    else if (mleOk || momentsOk)
        out = mleOk ? mle : moments;
    return mleOk || momentsOk;
}

} // namespace

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / kSqrt2);
}

double normalQuantile(double u)
{
    if (u <= 0.0)
        return -kInf;
    if (u >= 1.0)
        return kInf;
    return -kSqrt2 * boost::math::erfc_inv(2.0 * u, Policy());
}

double UnivariateDistribution::cdf(double x) const
{
    switch (family) {
    case Family::Normal:
        return normalCdf((x - loc) / scale);
    case Family::TruncatedNormal: {
        if (x <= lower)
            return 0.0;
        if (x >= upper)
            return 1.0;
        const double alpha = (lower - loc) / scale, beta = (upper - loc) / scale, t = (x - loc) / scale;
        const double z = truncatedMass(alpha, beta);
        return clamp01(alpha > 0.0 ? (normalSurvival(alpha) - normalSurvival(t)) / z
                                   : (normalCdf(t) - normalCdf(alpha)) / z);
    }
    case Family::Beta: {
        const double y = (x - loc) / scale;
        if (y <= 0.0)
            return 0.0;
        if (y >= 1.0)
            return 1.0;
        return boost::math::cdf(BetaDist(a, b), y);
    }
    case Family::Gamma: {
        const double y = x - loc;
        return y <= 0.0 ? 0.0 : boost::math::cdf(GammaDist(a, scale), y);
    }
    case Family::Uniform:
        return clamp01((x - loc) / scale);
    case Family::LogNormal: {
        const double y = x - loc;
        return y <= 0.0 ? 0.0 : normalCdf((std::log(y) - std::log(scale)) / a);
    }
    case Family::Kde: {
        if (kdeX.size() < 2 || !(x > kdeX.front()))
            return 0.0;
        if (!(x < kdeX.back()))
            return 1.0;
        const size_t hi = size_t(std::upper_bound(kdeX.begin(), kdeX.end(), x) - kdeX.begin());
        const size_t lo = hi - 1;
        const double w = (x - kdeX[lo]) / (kdeX[hi] - kdeX[lo]);
        return kdeCdf[lo] + w * (kdeCdf[hi] - kdeCdf[lo]);
    }
    }
    return 0.0;
}

double UnivariateDistribution::quantile(double u) const
{
    u = clamp01(u);
    switch (family) {
    case Family::Normal:
        return loc + scale * normalQuantile(u);
    case Family::TruncatedNormal: {
        const double alpha = (lower - loc) / scale, beta = (upper - loc) / scale;
        const double z = truncatedMass(alpha, beta);
        double t;
        if (alpha > 0.0)
            t = -normalQuantile(clamp01(normalSurvival(alpha) - u * z));
        else
            t = normalQuantile(clamp01(normalCdf(alpha) + u * z));
        return std::clamp(loc + scale * t, lower, upper);
    }
    case Family::Beta:
        if (u <= 0.0)
            return loc;
        if (u >= 1.0)
            return loc + scale;
        return loc + scale * boost::math::quantile(BetaDist(a, b), u);
    case Family::Gamma:
        if (u <= 0.0)
            return loc;
        if (u >= 1.0)
            return kInf;
        return loc + boost::math::quantile(GammaDist(a, scale), u);
    case Family::Uniform:
        return loc + u * scale;
    case Family::LogNormal:
        if (u <= 0.0)
            return loc;
        return loc + scale * std::exp(a * normalQuantile(u));
    case Family::Kde: {
        if (u <= 0.0)
            return kdeX.front();
        if (u >= 1.0)
            return kdeX.back();
        const size_t hi = size_t(std::lower_bound(kdeCdf.begin(), kdeCdf.end(), u) - kdeCdf.begin());
        if (hi == 0)
            return kdeX.front();
        const size_t lo = hi - 1;
        const double span = kdeCdf[hi] - kdeCdf[lo];
        const double w = span > 0.0 ? (u - kdeCdf[lo]) / span : 0.0;
        return kdeX[lo] + w * (kdeX[hi] - kdeX[lo]);
    }
    }
    return 0.0;
}

QString UnivariateDistribution::name() const
{
    switch (family) {
    case Family::Normal:
        return QStringLiteral("norm");
    case Family::TruncatedNormal:
        return QStringLiteral("truncnorm");
    case Family::Beta:
        return QStringLiteral("beta");
    case Family::Gamma:
        return QStringLiteral("gamma");
    case Family::Uniform:
        return QStringLiteral("uniform");
    case Family::LogNormal:
        return QStringLiteral("lognorm");
    case Family::Kde:
        return QStringLiteral("gaussian_kde");
    }
    return {};
}

bool fitDistribution(UnivariateDistribution::Family family, const std::vector<double> &sorted,
    UnivariateDistribution &out, int kdePoints)
{
    using Family = UnivariateDistribution::Family;
    out = UnivariateDistribution {};
    out.family = family;
    if (sorted.size() < 2 || !(sorted.back() > sorted.front()))
        return false;
    const Moments m = momentsOf(sorted);
    const double lo = sorted.front(), hi = sorted.back(), range = hi - lo;
    if (!std::isfinite(range))
        return false;
    if (family == Family::Uniform) {
        out.loc = lo;
        out.scale = range;
        return true;
    }
    if (!(m.sd > 0.0) || !std::isfinite(m.sd))
        return false;
    switch (family) {
    case Family::Normal:
        out.loc = m.mean;
        out.scale = m.sd;
        return true;
    case Family::TruncatedNormal:
        return fitTruncatedNormal(sorted, m, out);
    case Family::Beta: {
        out.loc = lo;
        out.scale = range;
        const double mean = (m.mean - lo) / range, var = (m.sd / range) * (m.sd / range);
        if (!(var < mean * (1 - mean)))
            return false;
        const double common = mean * (1 - mean) / var - 1;
        out.a = mean * common;
        out.b = (1 - mean) * common;
        return out.a > 0 && out.b > 0 && std::isfinite(out.a) && std::isfinite(out.b);
    }
    case Family::Gamma: {
        if (!(m.skew > 1e-3))
            return false;
        out.a = 4.0 / (m.skew * m.skew);
        out.scale = m.sd * m.skew / 2.0;
        out.loc = m.mean - out.a * out.scale;
        return out.a < 1e6;
    }
    case Family::Uniform:
        out.loc = lo;
        out.scale = range;
        return true;
    case Family::LogNormal:
        return fitLogNormal(sorted, m, out);
    case Family::Kde:
        return fitKde(sorted, m, kdePoints, out);
    }
    return false;
}

double ksStatistic(const std::vector<double> &sorted, const UnivariateDistribution &dist)
{
    const double n = double(sorted.size());
    double d = 0.0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        const double f = dist.cdf(sorted[i]);
        d = std::max({ d, f - double(i) / n, double(i + 1) / n - f });
    }
    return d;
}

UnivariateDistribution selectDistribution(const std::vector<double> &sorted,
    const std::vector<UnivariateDistribution::Family> &candidates, double *ks)
{
    UnivariateDistribution best;
    double bestKs = kInf;
    bool any = false;
    for (UnivariateDistribution::Family family : candidates) {
        UnivariateDistribution fitted;
        double d = kInf;
        try {
            // Boost.Math throws when a root search fails on extreme parameters: skip that family.
            if (!fitDistribution(family, sorted, fitted))
                continue;
            d = ksStatistic(sorted, fitted);
        } catch (const std::exception &) {
            continue;
        }
        if (std::isfinite(d) && d < bestKs) {
            bestKs = d;
            best = std::move(fitted);
            any = true;
        }
    }
    if (!any && fitDistribution(UnivariateDistribution::Family::Kde, sorted, best)) {
        bestKs = ksStatistic(sorted, best);
        any = true;
    }
    if (!any && fitDistribution(UnivariateDistribution::Family::Uniform, sorted, best)
        && std::isfinite(best.scale)) {
        bestKs = ksStatistic(sorted, best);
        any = true;
    }
    if (!any)
        bestKs = kInf;
    if (ks)
        *ks = bestKs;
    return best;
}

std::vector<UnivariateDistribution::Family> allFamilies()
{
    using F = UnivariateDistribution::Family;
    return { F::Normal, F::TruncatedNormal, F::Beta, F::Gamma, F::Uniform, F::LogNormal, F::Kde };
}

} // namespace core::stats
