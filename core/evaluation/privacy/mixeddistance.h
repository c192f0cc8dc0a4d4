// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QStringList>

namespace core::privacy {

/// Encoded rows, one table row per matrix row (row-major so a row is contiguous).
using EncodedRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// The scale-free mixed-data distance of SDMetrics' DCR (metrics.md section 5), as coordinates.
///
/// Per column, between a row x and a reference row y:
///  - numerical / datetime: d = min(|x - y| / range, 1), range = max - min of the *reference*
///    column (datetimes in seconds, so the unit cancels); range 0: d = 1[x != y];
///    one value missing: d = 1; both missing: d = 0;
///  - categorical / boolean: d = 0 when equal or both missing, else 1.
/// Row distance = mean of the column distances, so it lies in [0, 1] whatever the units.
///
/// The encoding turns every column into one coordinate such that d = min(|u - v|, 1) exactly:
///  - numerical: u = (x - min) / range clamped to [-1, 2] (reference values lie in [0, 1], so
///    the clamp never changes a capped difference); range 0: u = 0 if x equals the constant
///    else 1; missing: u = kMissingCoordinate (>= 8 away from every present value);
///  - categorical: u = 10 * code, codes shared by both tables (labels compared as text,
///    numbers as values, booleans as false/true); missing: u = -10.
/// Which columns take part: sdtype numerical, datetime, categorical or boolean, present in
/// both tables (id, pii, text and excluded columns never do).
class MixedDistanceEncoding final {
    Q_DECLARE_TR_FUNCTIONS(core::privacy::MixedDistanceEncoding)
public:
    static constexpr double kMissingCoordinate = 10.0;
    static constexpr double kCategorySpacing = 10.0;

    /// The columns of `schema` that distances use, in schema order, present in both tables.
    static QStringList distanceColumns(const Schema &schema, const Table &a, const Table &b);

    /// Encodes `query` and `reference` on `columns` (default: distanceColumns()), with ranges
    /// taken from `reference`. Fails with InvalidInput naming a column that is missing from a
    /// table or stored as text, or when no column is left.
    static Result<MixedDistanceEncoding> encode(const Table &query, const Table &reference, const Schema &schema,
                                                const QStringList &columns = {});

    const EncodedRows &query() const { return m_query; }
    const EncodedRows &reference() const { return m_reference; }
    const QStringList &columns() const { return m_columns; }
    /// Exact-equality keys of the same rows: the raw value for numerical/datetime columns
    /// (missing = NaN), the shared category coordinate for the others. Two rows are equal on
    /// every distance column exactly when their keys are equal (NaN equal to NaN).
    const EncodedRows &queryKeys() const { return m_queryKeys; }
    const EncodedRows &referenceKeys() const { return m_referenceKeys; }

    /// Exact row distance between two encoded rows (mean of capped absolute differences).
    static double distance(const double *a, const double *b, Eigen::Index columns);

private:
    EncodedRows m_query;
    EncodedRows m_reference;
    EncodedRows m_queryKeys;
    EncodedRows m_referenceKeys;
    QStringList m_columns;
};

/// The k (1 or 2) nearest reference rows of every query row.
struct Neighbours {
    Eigen::VectorXd distance1; ///< distance to the nearest reference row
    Eigen::VectorXi index1;    ///< its row in the reference
    Eigen::VectorXd distance2; ///< second nearest (only when k = 2; +inf if the reference has one row)
    Eigen::VectorXi index2;
};

/// Settings of the exact neighbour search.
struct NeighbourSearchOptions {
    int k = 1;       ///< 1 or 2
    int threads = 2; ///< worker threads (the machine has 2 cores; 0 = all hardware threads)
};

/// Exact nearest-neighbour search under MixedDistanceEncoding::distance (capped L1 mean).
///
/// Blocked exact search: both tables sorted on coarse cells of their most separating columns;
/// reference rows in blocks of 512 stored column-major with a bounding box per block; a block
/// whose box is farther than the current k-th best of every query in a tile is skipped whole;
/// otherwise 4 query rows at a time against 16 reference rows per SIMD step (AVX-512 / AVX2
/// clones picked at run time), candidates dropped as soon as their partial sums exceed the
/// k-th best. Lower bounds only skip rows that cannot win, so the search stays exact.
/// The search runs in single precision; the reported distances are recomputed in double
/// from the encoded rows, so they equal the definition (the chosen neighbour can differ from
/// the exact one only between candidates closer than ~1e-6 to each other).
/// Polls `job` between query chunks: returns cancelledError() when cancelled. Callable from
/// any thread; starts its own workers and joins them.
Result<Neighbours> nearestNeighbours(const EncodedRows &query, const EncodedRows &reference,
                                     const NeighbourSearchOptions &options, JobContext &job);

} // namespace core::privacy
