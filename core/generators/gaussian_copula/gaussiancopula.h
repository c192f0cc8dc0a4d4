// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"

#include <QCoreApplication>
#include <memory>

namespace core {

/// Gaussian copula synthesizer, a C++ counterpart of SDV's GaussianCopulaSynthesizer.
///
/// Model:
/// - Numerical and DateTime columns (DateTime as seconds since 1970-01-01 UTC) get a marginal made
///   of point masses plus a continuous part. A value held by at least `point_mass_share` of the
///   non-missing rows (and by at least 5 rows) is a point mass, so zero-inflated counts and
///   small-integer codes keep their exact shares; the other values get the continuous family
///   with the smallest Kolmogorov–Smirnov statistic among normal, truncated normal, beta, gamma,
///   uniform, log-normal and a Gaussian KDE (setting `distribution`, default "auto").
///   The continuous part is fitted on at most `fit_sample_rows` evenly spaced order statistics
///   of the non-point-mass values (a quantile thinning: same distribution, bounded cost).
/// - Categorical and Boolean columns (and numbers typed Categorical) are frequency-encoded as
///   SDV does: categories sorted by frequency, each owning an interval of [0, 1] as wide as its
///   share; a row's value is uniform within its category's interval. Missing is a category.
/// - A numeric column with missing cells gets an extra missingness indicator dimension in the
///   copula, so the missing share is reproduced and its correlation with other columns kept.
///   ±inf cells are treated as missing, with a warning diagnostic.
/// - Constant columns (one value, possibly plus missing) take no copula dimension and come
///   back constant.
/// - The correlation of the normal scores is estimated from every row (pairwise complete
///   where cells are missing) and projected to the nearest positive-definite correlation
///   matrix (Higham's alternating projections).
///
/// Sampling draws standard normals with std::mt19937_64 and Box–Muller (our own code, so the
/// stream is the same with every standard library), correlates them with the Cholesky factor
/// and inverts each marginal from a table on a fine normal-score grid (step 0.005 on
/// [−7.5, 7.5], linear interpolation). Values are clamped to the real min/max when
/// FitOptions::enforceMinMax, integers rounded, decimals rounded to the learned number of places
/// unless that precision reaches ~15 significant digits (then nothing is rounded), datetimes
/// rounded to the real data's granularity (day, minute or second). Rows are drawn in blocks
/// of 8192 with one generator per block seeded from (seed, block), so the output is identical
/// bit for bit for a seed whatever the thread count, and also after save() / load().
///
/// Fit and sample use all hardware threads for per-column and per-block work, poll
/// JobContext::isCancelled() on the calling thread and report progress from it.
class GaussianCopula final : public Generator {
    Q_DECLARE_TR_FUNCTIONS(core::GaussianCopula)
public:
    GaussianCopula();
    ~GaussianCopula() override;

    QString id() const override { return QStringLiteral("gaussian_copula"); }
    QString displayName() const override;
    QString description() const override;
    /// "distribution" (auto | norm | truncnorm | beta | gamma | uniform | lognorm | gaussian_kde),
    /// "point_mass_share" (0 … 0.5, default 0.05; 0 turns point masses off),
    /// "fit_sample_rows" (≥ 100, default 50000).
    QList<SettingSpec> settings() const override;

    /// Per-column facts after a fit, also in info().facts["marginals"]: column name → the
    /// continuous family's name ("norm", ..., "gaussian_kde"), "categorical", "constant" or "point_masses".
    QVariantMap marginalFamilies() const;
    /// The copula's correlation matrix (after projection), one row per copula dimension.
    QList<QList<double>> correlation() const;

protected:
    Result<void> doFit(
        const Table &real, const Schema &schema, const FitOptions &options, JobContext &job) override;
    Result<Table> doSample(qint64 rows, quint64 seed, JobContext &job) override;
    Result<void> doSave(QDataStream &out) const override;
    Result<void> doLoad(QDataStream &in, int formatVersion) override;

private:
    struct Model;
    std::unique_ptr<Model> m_model;
};

/// A new, unfitted Gaussian copula, for the generator registry (id "gaussian_copula").
std::unique_ptr<Generator> makeGaussianCopula();

} // namespace core
