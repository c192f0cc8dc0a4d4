// SPDX-License-Identifier: MIT
#pragma once

#include <QDataStream>

#include <cstdint>
#include <vector>

namespace core::transforms {

/// A one-dimensional variational Bayesian Gaussian mixture with a Dirichlet-process (stick-breaking)
/// prior on the weights, as scikit-learn's BayesianGaussianMixture computes it (mean-field updates,
/// Normal-Wishart priors: mean prior = data mean, mean precision prior 1, degrees of freedom prior 1,
/// variance prior = sample variance, k-means initialisation, evidence lower bound as stopping rule).
/// CTGAN's mode-specific normalisation fits it with at most 10 components and a weight concentration
/// prior of 1e-3, so that unused components get almost no weight. Not thread-safe; one instance per column.
class BayesianGmm final {
public:
    struct Options {
        int maxComponents = 10;
        double weightConcentrationPrior = 1e-3;
        int maxIterations = 100;
        double tolerance = 1e-3;   ///< stop when the lower bound changes less than this
        double regCovar = 1e-6;    ///< added to every variance, as scikit-learn does
        std::uint64_t seed = 0;    ///< k-means++ initialisation
    };

    /// Fits the finite values of `values` (at least one). Never fails: degenerate data gives one component.
    void fit(const std::vector<double> &values, const Options &options);

    int componentCount() const { return int(m_means.size()); }
    const std::vector<double> &weights() const { return m_weights; }   ///< expected weights, sum 1
    const std::vector<double> &means() const { return m_means; }
    const std::vector<double> &stddevs() const { return m_stddevs; }  ///< sqrt of the expected covariance
    bool converged() const { return m_converged; }
    int iterations() const { return m_iterations; }

    /// Posterior responsibilities of each component for x (sum 1), the way predict_proba does it.
    void responsibilities(double x, double *out) const;

    void save(QDataStream &out) const;
    void load(QDataStream &in);

private:
    // Variational parameters, one entry per component.
    std::vector<double> m_alpha, m_beta;          // stick-breaking Beta parameters
    std::vector<double> m_meanPrecision, m_means; // Normal part
    std::vector<double> m_dof, m_covariances;     // Wishart part
    std::vector<double> m_weights, m_stddevs;
    // Precomputed for responsibilities(): log weight + constant terms, and precision.
    std::vector<double> m_logTerm, m_precision;
    bool m_converged = false;
    int m_iterations = 0;

    void finish();
};

} // namespace core::transforms
