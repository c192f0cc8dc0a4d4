// SPDX-License-Identifier: MIT
#include "core/generators/transforms/bayesiangmm.h"

#include <boost/math/special_functions/digamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace core::transforms {

namespace {

constexpr double kLog2Pi = 1.8378770664093453;
constexpr double kLog2 = 0.6931471805599453;
constexpr size_t kMaxComponentsOnStack = 64; // the E-step keeps this many exponentials on the stack

double digamma(double x) { return boost::math::digamma(x); }
double betaln(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// k-means++ seeding followed by Lloyd iterations; scikit-learn initialises the mixture from
// k-means labels (n_init = 1). Returns one label per value.
std::vector<int> kmeansLabels(const std::vector<double> &x, int k, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const size_t n = x.size();
    std::vector<double> centers;
    centers.reserve(size_t(k));
    std::uniform_int_distribution<size_t> pickRow(0, n - 1);
    centers.push_back(x[pickRow(rng)]);
    std::vector<double> dist(n, std::numeric_limits<double>::infinity());
    while (int(centers.size()) < k) {
        double total = 0.0;
        for (size_t i = 0; i < n; ++i) {
            const double d = x[i] - centers.back();
            dist[i] = std::min(dist[i], d * d);
            total += dist[i];
        }
        if (total <= 0.0)
            break;
        std::uniform_real_distribution<double> u(0.0, total);
        double target = u(rng);
        size_t chosen = n - 1;
        for (size_t i = 0; i < n; ++i) {
            target -= dist[i];
            if (target <= 0.0) {
                chosen = i;
                break;
            }
        }
        centers.push_back(x[chosen]);
    }
    std::vector<int> labels(n, 0);
    const int kk = int(centers.size());
    for (int iter = 0; iter < 300; ++iter) {
        bool changed = false;
        std::vector<double> sum(size_t(kk), 0.0);
        std::vector<double> count(size_t(kk), 0.0);
        for (size_t i = 0; i < n; ++i) {
            int best = 0;
            double bestD = std::abs(x[i] - centers[0]);
            for (int c = 1; c < kk; ++c) {
                const double d = std::abs(x[i] - centers[size_t(c)]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (labels[i] != best || iter == 0) {
                changed = changed || labels[i] != best;
                labels[i] = best;
            }
            sum[size_t(best)] += x[i];
            count[size_t(best)] += 1.0;
        }
        for (int c = 0; c < kk; ++c)
            if (count[size_t(c)] > 0)
                centers[size_t(c)] = sum[size_t(c)] / count[size_t(c)];
        if (!changed && iter > 0)
            break;
    }
    return labels;
}

} // namespace

void BayesianGmm::fit(const std::vector<double> &values, const Options &options)
{
    std::vector<double> x;
    x.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            x.push_back(v);
    const size_t n = x.size();
    m_converged = false;
    m_iterations = 0;
    m_alpha.clear();
    m_beta.clear();
    m_meanPrecision.clear();
    m_means.clear();
    m_dof.clear();
    m_covariances.clear();

    double mean = 0.0;
    for (double v : x)
        mean += v;
    mean = n > 0 ? mean / double(n) : 0.0;
    double var = 0.0;
    for (double v : x)
        var += (v - mean) * (v - mean);
    var = n > 1 ? var / double(n - 1) : 0.0;

    std::vector<double> distinct = x;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const int k = std::min<int>(options.maxComponents, int(distinct.size()));
    if (k <= 1 || !(var > 0.0)) {
        // One component holding everything: nothing to separate.
        m_means = { mean };
        m_covariances = { var + options.regCovar };
        m_alpha = { 1.0 + double(n) };
        m_beta = { options.weightConcentrationPrior };
        m_meanPrecision = { 1.0 + double(n) };
        m_dof = { 1.0 + double(n) };
        m_converged = true;
        finish();
        return;
    }

    const double meanPrior = mean;
    const double meanPrecisionPrior = 1.0;
    const double dofPrior = 1.0;
    const double covPrior = var;
    const double gamma = options.weightConcentrationPrior;
    const size_t K = size_t(k);

    std::vector<double> resp(n * K, 0.0); // row-major n x K, responsibilities
    {
        const std::vector<int> labels = kmeansLabels(x, k, options.seed);
        for (size_t i = 0; i < n; ++i)
            resp[i * K + size_t(labels[i])] = 1.0;
    }

    m_alpha.assign(K, 0.0);
    m_beta.assign(K, 0.0);
    m_meanPrecision.assign(K, 0.0);
    m_means.assign(K, 0.0);
    m_dof.assign(K, 0.0);
    m_covariances.assign(K, 0.0);

    auto mStep = [&]() {
        std::vector<double> nk(K, 0.0), xk(K, 0.0), sk(K, 0.0);
        for (size_t i = 0; i < n; ++i)
            for (size_t c = 0; c < K; ++c) {
                nk[c] += resp[i * K + c];
                xk[c] += resp[i * K + c] * x[i];
            }
        for (size_t c = 0; c < K; ++c) {
            nk[c] += 10.0 * std::numeric_limits<double>::epsilon();
            xk[c] /= nk[c];
        }
        for (size_t i = 0; i < n; ++i)
            for (size_t c = 0; c < K; ++c) {
                const double d = x[i] - xk[c];
                sk[c] += resp[i * K + c] * d * d;
            }
        double tail = 0.0;
        for (size_t c = K; c-- > 0;) {
            m_alpha[c] = 1.0 + nk[c];
            m_beta[c] = gamma + tail;
            tail += nk[c];
        }
        for (size_t c = 0; c < K; ++c) {
            sk[c] = sk[c] / nk[c] + options.regCovar;
            m_meanPrecision[c] = meanPrecisionPrior + nk[c];
            m_means[c] = (meanPrecisionPrior * meanPrior + nk[c] * xk[c]) / m_meanPrecision[c];
            m_dof[c] = dofPrior + nk[c];
            const double diff = xk[c] - meanPrior;
            m_covariances[c] = (covPrior + nk[c] * sk[c] + nk[c] * meanPrecisionPrior / m_meanPrecision[c] * diff * diff)
                / m_dof[c];
        }
    };

    mStep();
    double lowerBound = -std::numeric_limits<double>::infinity();
    std::vector<double> logTerm(K), precChol(K);
    for (int iter = 1; iter <= options.maxIterations; ++iter) {
        m_iterations = iter;
        // E-step: log responsibilities.
        double stick = 0.0;
        for (size_t c = 0; c < K; ++c) {
            const double ds = digamma(m_alpha[c] + m_beta[c]);
            const double logWeight = digamma(m_alpha[c]) - ds + stick;
            stick += digamma(m_beta[c]) - ds;
            precChol[c] = 1.0 / std::sqrt(m_covariances[c]);
            const double logLambda = kLog2 + digamma(0.5 * m_dof[c]);
            logTerm[c] = logWeight - 0.5 * kLog2Pi + std::log(precChol[c]) - 0.5 * std::log(m_dof[c])
                + 0.5 * (logLambda - 1.0 / m_meanPrecision[c]);
        }
        double entropy = 0.0;
        for (size_t i = 0; i < n; ++i) {
            double *r = &resp[i * K];
            double maxLog = -std::numeric_limits<double>::infinity();
            for (size_t c = 0; c < K; ++c) {
                const double y = (x[i] - m_means[c]) * precChol[c];
                r[c] = logTerm[c] - 0.5 * y * y;
                maxLog = std::max(maxLog, r[c]);
            }
            // One exp per component: exp(r - lse) = exp(r - max) / sum, and the log responsibility is r - lse.
            double sum = 0.0;
            double shifted[kMaxComponentsOnStack];
            double *e = K <= kMaxComponentsOnStack ? shifted : nullptr;
            for (size_t c = 0; c < K; ++c) {
                const double v = std::exp(r[c] - maxLog);
                if (e)
                    e[c] = v;
                sum += v;
            }
            const double lse = maxLog + std::log(sum);
            for (size_t c = 0; c < K; ++c) {
                const double lr = r[c] - lse;
                r[c] = e ? e[c] / sum : std::exp(lr);
                entropy += r[c] * lr;
            }
        }
        mStep();
        // Evidence lower bound, as scikit-learn's _compute_lower_bound for 1-D "full" covariances.
        double logWishart = 0.0, logNormWeight = 0.0, logMeanPrecision = 0.0;
        for (size_t c = 0; c < K; ++c) {
            const double logDetPrecChol = -0.5 * std::log(m_covariances[c]) - 0.5 * std::log(m_dof[c]);
            logWishart += -(m_dof[c] * logDetPrecChol + m_dof[c] * 0.5 * kLog2 + std::lgamma(0.5 * m_dof[c]));
            logNormWeight += -betaln(m_alpha[c], m_beta[c]);
            logMeanPrecision += std::log(m_meanPrecision[c]);
        }
        const double bound = -entropy - logWishart - logNormWeight - 0.5 * logMeanPrecision;
        if (std::abs(bound - lowerBound) < options.tolerance) {
            m_converged = true;
            break;
        }
        lowerBound = bound;
    }
    finish();
}

void BayesianGmm::finish()
{
    const size_t K = m_means.size();
    m_weights.assign(K, 0.0);
    m_stddevs.assign(K, 0.0);
    m_logTerm.assign(K, 0.0);
    m_precision.assign(K, 0.0);
    // Expected stick-breaking weights, normalised (scikit-learn's weights_).
    double remaining = 1.0, total = 0.0;
    for (size_t c = 0; c < K; ++c) {
        const double s = m_alpha[c] + m_beta[c];
        m_weights[c] = m_alpha[c] / s * remaining;
        remaining *= m_beta[c] / s;
        total += m_weights[c];
    }
    double stick = 0.0;
    for (size_t c = 0; c < K; ++c) {
        m_weights[c] /= total;
        m_stddevs[c] = std::sqrt(m_covariances[c]);
        m_precision[c] = 1.0 / m_stddevs[c];
        const double ds = digamma(m_alpha[c] + m_beta[c]);
        const double logWeight = digamma(m_alpha[c]) - ds + stick;
        stick += digamma(m_beta[c]) - ds;
        const double logLambda = kLog2 + digamma(0.5 * m_dof[c]);
        m_logTerm[c] = logWeight - 0.5 * kLog2Pi + std::log(m_precision[c]) - 0.5 * std::log(m_dof[c])
            + 0.5 * (logLambda - 1.0 / m_meanPrecision[c]);
    }
}

void BayesianGmm::responsibilities(double x, double *out) const
{
    const size_t K = m_means.size();
    double maxLog = -std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < K; ++c) {
        const double y = (x - m_means[c]) * m_precision[c];
        out[c] = m_logTerm[c] - 0.5 * y * y;
        maxLog = std::max(maxLog, out[c]);
    }
    double sum = 0.0;
    for (size_t c = 0; c < K; ++c) {
        out[c] = std::exp(out[c] - maxLog);
        sum += out[c];
    }
    for (size_t c = 0; c < K; ++c)
        out[c] /= sum;
}

void BayesianGmm::save(QDataStream &out) const
{
    out << qint32(m_means.size());
    for (size_t c = 0; c < m_means.size(); ++c)
        out << m_alpha[c] << m_beta[c] << m_meanPrecision[c] << m_means[c] << m_dof[c] << m_covariances[c];
    out << m_converged << qint32(m_iterations);
}

void BayesianGmm::load(QDataStream &in)
{
    qint32 k = 0;
    in >> k;
    if (k < 0 || k > 1000) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    const size_t K = size_t(k);
    m_alpha.assign(K, 0.0);
    m_beta.assign(K, 0.0);
    m_meanPrecision.assign(K, 0.0);
    m_means.assign(K, 0.0);
    m_dof.assign(K, 0.0);
    m_covariances.assign(K, 0.0);
    for (size_t c = 0; c < K; ++c)
        in >> m_alpha[c] >> m_beta[c] >> m_meanPrecision[c] >> m_means[c] >> m_dof[c] >> m_covariances[c];
    qint32 iterations = 0;
    in >> m_converged >> iterations;
    m_iterations = iterations;
    // The derived terms take digamma, square roots and logs of these: only positive, finite
    // values come from a fit (and a read cut short leaves zeros).
    auto positive = [](double x) { return std::isfinite(x) && x > 0.0; };
    for (size_t c = 0; c < K && in.status() == QDataStream::Ok; ++c) {
        if (!positive(m_alpha[c]) || !positive(m_beta[c]) || !positive(m_meanPrecision[c]) || !positive(m_dof[c])
            || !positive(m_covariances[c]) || !std::isfinite(m_means[c]))
            in.setStatus(QDataStream::ReadCorruptData);
    }
    if (in.status() != QDataStream::Ok)
        return;
    finish();
}

} // namespace core::transforms
