// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/generators/transforms/bayesiangmm.h"
#include "core/job.h"
#include "core/result.h"

#include <QDataStream>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <unordered_map>
#include <vector>

namespace core::transforms {

/// Rows the Bayesian mixtures are fitted on, drawn without replacement when a column is longer.
/// The reference fits on every row, which is where it spends most of its preprocessing time on big
/// tables; 20,000 values pin the modes of a one-dimensional mixture to well within a percent.
constexpr qint64 kGmmSampleRows = 20000;
/// Categorical columns keep at most this many categories as their own one-hot position; rarer ones
/// share one "other" position and are redrawn from their real frequencies on the way back.
constexpr int kMaxCategories = 100;
/// All categorical columns together take at most this many one-hot positions (not counting a
/// missing position): when they would take more, the per-column limit K is lowered from
/// kMaxCategories until they fit, every column keeping min(its categories, K) positions.
constexpr int kMaxCategoricalWidth = 2000;
/// K is never lowered below this, however many categorical columns the table has.
constexpr int kMinCategories = 10;

/// The reversible encoding CTGAN, TVAE (and their reference code) train on, one block per column:
/// - numbers and datetimes: mode-specific normalisation. A variational Bayesian Gaussian mixture
///   (at most 10 modes, weight concentration prior 1e-3, modes under 0.5 % weight dropped) is fitted on
///   at most kGmmSampleRows values, in parallel across columns; each value becomes a scalar
///   alpha = (x - mean_k) / (4 sd_k) in [-0.99, 0.99] plus a one-hot of the mode k drawn from its posterior;
/// - categoricals and booleans: one-hot (missing is its own category); a column with more than K
///   categories keeps its K - 1 most frequent ones and an "other" position whose rows are drawn from
///   the pooled categories' real frequencies on the way back (see kMaxCategories, kMaxCategoricalWidth:
///   K = 100, lowered so that a table's categorical one-hot stays within 2,000 positions, never below 10);
/// - missing numbers: an extra two-way one-hot "missing / present";
/// - constant numbers: no block; they come back as the constant.
/// The inverse rounds integers, rounds to the learnt decimals (unless they are at float precision),
/// keeps datetimes at the real data's granularity and, when asked, clips to the real min/max.
/// Thread-safe for concurrent const use.
class DataTransformer final {
public:
    enum class Activation { Tanh, Softmax };
    /// A block of output positions that share one activation.
    struct Span {
        int start = 0;
        int width = 0;
        Activation activation = Activation::Tanh;
        int column = 0;              ///< index of the modelled column
        bool categorical = false;    ///< one-hot of a categorical column (usable as a condition)
    };
    /// A categorical one-hot block, with what CTGAN's condition sampler needs.
    struct DiscreteBlock {
        int span = 0;                ///< index into spans()
        int column = 0;
        std::vector<double> frequencies; ///< share of training rows per position
    };

    struct Options {
        std::uint64_t seed = 0;
        qint64 gmmSampleRows = kGmmSampleRows;
        int maxModes = 10;
        double weightConcentrationPrior = 1e-3;
        double weightThreshold = 0.005;
        int maxCategories = kMaxCategories;
        int maxCategoricalWidth = kMaxCategoricalWidth;
        int minCategories = kMinCategories;
        bool enforceMinMax = true;
        int threads = 0;             ///< 0: one per core
    };

    /// Learns the encoding of every column of `table` (all modelled). ±inf is treated as missing with a
    /// warning in `diagnostics`; high-cardinality categoricals are bounded, with a "high_cardinality"
    /// diagnostic per column and one message to `job` (JobContext::reportMessage) naming them. Fails only
    /// when cancelled.
    Result<void> fit(const Table &table, const Schema &schema, const Options &options, JobContext &job,
                     Diagnostics &diagnostics);

    /// The per-column category limit K for categorical columns with these numbers of distinct present
    /// values: the largest K in [minCategories, maxCategories] whose total width, the sum of
    /// min(count, K), is at most maxCategoricalWidth (minCategories when none is).
    static int categoryLimit(const std::vector<qint64> &distinctCounts, const Options &options);

    bool isFitted() const { return !m_columns.empty(); }
    int outputDimension() const { return m_dimension; }
    const std::vector<Span> &spans() const { return m_spans; }
    const std::vector<DiscreteBlock> &discreteBlocks() const { return m_discrete; }

    /// Encodes `table` (same columns as at fit) into a row-major rows x outputDimension() matrix.
    /// Modes are drawn from their posterior with `seed`; columns run in parallel.
    std::vector<float> transform(const Table &table, std::uint64_t seed) const;

    /// Decodes a row-major rows x outputDimension() matrix. Continuous alphas are read as they are
    /// (TVAE first adds noise with its learnt sigmas: pass them as `sigmas`, one per output position),
    /// modes and categories by argmax.
    Table inverseTransform(const float *data, qint64 rows, const std::vector<float> *sigmas,
                           std::uint64_t seed) const;

    /// The block and position of `value` of categorical `column`, for conditional sampling; nullopt if
    /// the column is not a modelled categorical or the value never occurs in the training data.
    struct ConditionIndex {
        int block = 0;   ///< index into discreteBlocks()
        int position = 0;
    };
    std::optional<ConditionIndex> conditionIndex(const QString &column, const QString &value) const;
    /// Whether the column was modelled as categorical.
    bool isCategorical(const QString &column) const;
    /// False when the two categorical values never occur in the same training row (known for pairs of
    /// columns with at most kMaxCooccurrenceCells position pairs; true when unknown). For conditional
    /// sampling: a combination the real data never shows is refused rather than searched for.
    bool mayCooccur(const ConditionIndex &a, const ConditionIndex &b) const;
    static constexpr int kMaxCooccurrenceCells = 4096;

    void save(QDataStream &out) const;
    Result<void> load(QDataStream &in);

private:
    enum class Kind : qint32 { Continuous = 0, Constant = 1, Discrete = 2 };
    struct ColumnModel {
        Kind kind = Kind::Continuous;
        Column templ;                      ///< empty copy of the real column: name, storage, labels, format
        bool integer = false;
        int decimals = -1;                 ///< round to this many places; -1 = none
        double granularity = 0.0;          ///< datetimes: 86400 when all real values are whole days, else 1
        double minimum = 0.0, maximum = 0.0;
        bool hasMissing = false;
        double missingRate = 0.0;
        // Continuous: values are first scaled to u = (x - center) / scale so that huge values cannot overflow.
        double center = 0.0, scale = 1.0;
        BayesianGmm gmm;
        std::vector<int> validModes;       ///< mixture components kept (weight above the threshold)
        double constant = 0.0;             ///< Constant kind
        // Discrete: position -> stored value (code for Category/Boolean storage, number otherwise);
        // the last position may be "other" (pooled rare values) and one may be "missing".
        std::vector<double> values;
        int otherPosition = -1;
        int missingPosition = -1;
        std::vector<double> otherValues;   ///< rare values pooled in "other"
        std::vector<double> otherCumulative; ///< their cumulative frequencies, last = 1
        int firstSpan = 0;
    };

    std::vector<ColumnModel> m_columns;
    std::vector<Span> m_spans;
    std::vector<DiscreteBlock> m_discrete;
    /// (block a, block b) with a < b -> bit per (position in a, position in b): seen together.
    std::map<std::pair<int, int>, std::vector<bool>> m_cooccurrence;
    int m_dimension = 0;
    bool m_enforceMinMax = true;
    int m_threads = 0;

    void layout();
    /// One-hot position of row r of a discrete column (as transform() writes it).
    static int discretePosition(const ColumnModel &model, const std::unordered_map<double, int> &positions,
                                const Column &column, qint64 r);
    static std::unordered_map<double, int> positionsOf(const ColumnModel &model);
    double finishNumber(const ColumnModel &model, double value) const;
    QString positionLabel(const ColumnModel &model, int position) const;
};

/// Runs fn(i) for i in [0, count) on up to `threads` threads (0: one per core).
void parallelFor(int count, int threads, const std::function<void(int)> &fn);

} // namespace core::transforms
