// SPDX-License-Identifier: MIT
#include "core/generators/bayesian_network/bayesiannetwork.h"

#include "core/generators/streamguard.h"
#include "core/generators/transforms/datatransformer.h"
#include "core/generators/transforms/settingvalues.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <unordered_map>

namespace core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("core::BayesianNetwork", text); }

constexpr double kDefaultEpsilon = 1.0;
constexpr int kDefaultDegree = 2;
constexpr int kDefaultBins = 20; // DataSynthesizer's histogram_size
constexpr double kAtomShare = 0.05; // a binned number's value this frequent is kept exact
constexpr qint64 kMaxTableCells = qint64(1) << 24; // a (child, parents) table larger than this is not a candidate

using Code = std::uint16_t;

struct Attribute {
    Column templ;
    bool byCode = false;       // Category / Boolean storage
    bool binned = false;       // numbers cut into equal-width bins
    std::vector<double> values; // code -> value (not binned); NaN = missing
    std::vector<double> edges;  // binned: bins + 1 edges
    int missingCode = -1;
    int domain = 1;
    bool integer = false;
    int decimals = -1;
    double granularity = 0.0;
    double minimum = 0.0, maximum = 0.0;
    bool categorical = false;  // usable in conditions
};

struct Conditional {
    int child = 0;
    std::vector<int> parents;
    std::vector<double> cumulative; // parent configuration (mixed radix, first parent most significant) x child
};

// scikit-learn's mutual_info_score in nats, from a joint count table (parents configuration x child).
double mutualInformation(const std::vector<qint64> &joint, qint64 parentConfigs, int childDomain, qint64 total)
{
    std::vector<double> pc(size_t(childDomain), 0.0), pp(size_t(parentConfigs), 0.0);
    for (qint64 p = 0; p < parentConfigs; ++p)
        for (int c = 0; c < childDomain; ++c) {
            const double v = double(joint[size_t(p * childDomain + c)]);
            pc[size_t(c)] += v;
            pp[size_t(p)] += v;
        }
    const double n = double(total);
    double mi = 0.0;
    for (qint64 p = 0; p < parentConfigs; ++p) {
        if (pp[size_t(p)] == 0.0)
            continue;
        for (int c = 0; c < childDomain; ++c) {
            const double v = double(joint[size_t(p * childDomain + c)]);
            if (v > 0.0)
                mi += v / n * std::log(v * n / (pp[size_t(p)] * pc[size_t(c)]));
        }
    }
    return std::max(0.0, mi);
}

// DataSynthesizer's calculate_sensitivity: the mutual information's sensitivity when a pair is binary.
double sensitivity(qint64 n, bool binaryInvolved)
{
    const double N = double(n);
    if (binaryInvolved)
        return std::log(N) / N + (N - 1.0) / N * std::log(N / (N - 1.0));
    return 2.0 / N * std::log((N + 1.0) / 2.0) + (1.0 - 1.0 / N) * std::log(1.0 + 2.0 / (N - 1.0));
}

double laplace(std::mt19937_64 &rng, double scale)
{
    std::uniform_real_distribution<double> u(-0.5, 0.5);
    const double x = u(rng);
    return -scale * (x < 0 ? -1.0 : 1.0) * std::log(1.0 - 2.0 * std::abs(x));
}

void combinations(const std::vector<int> &pool, int size, std::vector<std::vector<int>> &out)
{
    std::vector<int> pick(static_cast<size_t>(size));
    std::function<void(int, int)> rec = [&](int start, int depth) {
        if (depth == size) {
            out.push_back(pick);
            return;
        }
        for (int i = start; i < int(pool.size()); ++i) {
            pick[size_t(depth)] = pool[size_t(i)];
            rec(i + 1, depth + 1);
        }
    };
    rec(0, 0);
}

} // namespace

struct BayesianNetwork::Private {
    std::vector<Attribute> attributes;
    int root = 0;
    std::vector<double> rootCumulative;
    std::vector<Conditional> conditionals; // in network (sampling) order
    bool privacy = true;
    double epsilon = kDefaultEpsilon;
    int degree = kDefaultDegree;
    int bins = kDefaultBins;
    bool enforceMinMax = true;

    double finish(const Attribute &a, double value) const
    {
        if (a.integer)
            value = std::round(value);
        else if (a.granularity > 0.0)
            value = std::round(value / a.granularity) * a.granularity;
        else if (a.decimals >= 0 && a.decimals < 15) {
            const double f = std::pow(10.0, a.decimals);
            value = std::round(value * f) / f;
        }
        if (enforceMinMax || a.binned)
            value = std::clamp(value, a.minimum, a.maximum);
        return value;
    }

    Result<Table> draw(qint64 rows, std::uint64_t seed, JobContext &job) const
    {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const size_t count = attributes.size();
        std::vector<std::vector<Code>> codes(count, std::vector<Code>(size_t(rows)));
        auto pick = [&](const double *cum, int domain) {
            const double u = uniform(rng);
            return Code(std::min<std::ptrdiff_t>(std::lower_bound(cum, cum + domain, u) - cum, domain - 1));
        };
        for (qint64 r = 0; r < rows; ++r) {
            if ((r & 0xFFFF) == 0 && job.isCancelled())
                return cancelledError();
            codes[size_t(root)][size_t(r)] = pick(rootCumulative.data(), attributes[size_t(root)].domain);
            for (const Conditional &c : conditionals) {
                qint64 config = 0;
                for (int p : c.parents)
                    config = config * attributes[size_t(p)].domain + codes[size_t(p)][size_t(r)];
                const int domain = attributes[size_t(c.child)].domain;
                codes[size_t(c.child)][size_t(r)] = pick(c.cumulative.data() + config * domain, domain);
            }
        }
        Table table;
        for (size_t i = 0; i < count; ++i) {
            const Attribute &a = attributes[i];
            Column column = a.templ.emptyCopy();
            column.reserve(rows);
            std::mt19937_64 within(seed ^ (0x9E3779B97F4A7C15ULL * (i + 1)));
            for (qint64 r = 0; r < rows; ++r) {
                const int code = codes[i][size_t(r)];
                if (code == a.missingCode) {
                    column.appendMissing();
                } else if (a.binned && code < int(a.edges.size()) - 1) {
                    const double lo = a.edges[size_t(code)], hi = a.edges[size_t(code) + 1];
                    column.appendNumber(finish(a, lo + (hi - lo) * uniform(within)));
                } else if (a.byCode) {
                    column.appendCode(std::int32_t(a.values[size_t(code)]));
                } else {
                    column.appendNumber(a.values[size_t(code)]);
                }
            }
            table.addColumn(std::move(column));
        }
        return table;
    }
};

BayesianNetwork::BayesianNetwork()
    : d(std::make_unique<Private>())
{
}

BayesianNetwork::~BayesianNetwork() = default;

QString BayesianNetwork::displayName() const { return tr("Bayesian network with differential privacy (PrivBayes)"); }

QString BayesianNetwork::description() const
{
    return tr("Learns a small network of dependencies with a formal privacy guarantee (epsilon); fast, best for "
              "categorical data and for sharing under a privacy budget.");
}

QList<SettingSpec> BayesianNetwork::settings() const
{
    return {
        SettingSpec { QStringLiteral("epsilon"), tr("Privacy budget (epsilon)"),
                      tr("Total differential-privacy budget; smaller is more private and less faithful."),
                      kDefaultEpsilon, 0.001, 1000.0, {} },
        SettingSpec { QStringLiteral("differential_privacy"), tr("Differential privacy"),
                      tr("Off: no noise and no privacy guarantee (the best-fitting network)."), true, {}, {}, {} },
        SettingSpec { QStringLiteral("degree"), tr("Degree"), tr("Parents per attribute in the network."),
                      kDefaultDegree, 1, 5, {} },
        SettingSpec { QStringLiteral("bins"), tr("Bins"), tr("Bins numbers with many values are cut into."),
                      kDefaultBins, 2, 1000, {} },
    };
}

Result<void> BayesianNetwork::doFit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    auto p = std::make_unique<Private>();
    {
        const auto epsilon = transforms::realSetting(options.settings, QStringLiteral("epsilon"), kDefaultEpsilon, 0.001, 1000.0);
        const auto degree = transforms::integerSetting(options.settings, QStringLiteral("degree"), kDefaultDegree, 1, 5);
        const auto bins = transforms::integerSetting(options.settings, QStringLiteral("bins"), kDefaultBins, 2, 1000);
        for (const Error *e : { epsilon.ok() ? nullptr : &epsilon.error(), degree.ok() ? nullptr : &degree.error(),
                                bins.ok() ? nullptr : &bins.error() })
            if (e)
                return *e;
        p->epsilon = epsilon.value();
        p->degree = int(degree.value());
        p->bins = int(bins.value());
        p->privacy = options.settings.value(QStringLiteral("differential_privacy"), true).toBool();
        p->enforceMinMax = options.enforceMinMax;
    }
    const qint64 n = real.rowCount();
    const int count = real.columnCount();
    if (n < 2)
        return Error { Error::Code::InvalidInput, tr("The Bayesian network needs at least two rows."), {} };

    // 1. Encode every column as small integer codes.
    job.reportProgress(0.0, tr("Discretising the columns"));
    p->attributes.resize(size_t(count));
    std::vector<std::vector<Code>> codes(static_cast<size_t>(count));
    std::vector<Diagnostics> found(static_cast<size_t>(count));
    transforms::parallelFor(count, 0, [&](int i) {
        const Column &column = real.column(i);
        const ColumnMeta &meta = schema.columns[i];
        Attribute &a = p->attributes[size_t(i)];
        a.templ = column.emptyCopy();
        a.byCode = column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean;
        a.integer = meta.integer || column.isInteger();
        a.decimals = meta.decimals >= 0 ? meta.decimals : column.decimals();
        const bool categorical = a.byCode || column.storage() == ColumnStorage::Text
            || meta.type == SemanticType::Categorical || meta.type == SemanticType::Boolean;
        a.categorical = categorical;
        std::vector<double> raw(static_cast<size_t>(n));
        qint64 missing = 0, infinite = 0;
        for (qint64 r = 0; r < n; ++r) {
            double v = column.isMissing(r) ? std::numeric_limits<double>::quiet_NaN()
                                           : (a.byCode ? double(column.codes()[size_t(r)]) : column.numbers()[size_t(r)]);
            if (std::isinf(v)) {
                ++infinite;
                v = std::numeric_limits<double>::quiet_NaN();
            }
            if (std::isnan(v))
                ++missing;
            raw[size_t(r)] = v;
        }
        if (infinite > 0)
            found[size_t(i)].append(Diagnostic { Diagnostic::Severity::Warning, QStringLiteral("non_finite_as_missing"),
                                                 tr("Column %1 has %2 infinite values; they are treated as missing.")
                                                     .arg(meta.name)
                                                     .arg(infinite),
                                                 meta.name, -1 });
        std::map<double, qint64> distinct;
        for (double v : raw)
            if (!std::isnan(v) && (categorical || distinct.size() <= size_t(p->bins)))
                ++distinct[v];
        if (!distinct.empty()) {
            a.minimum = distinct.begin()->first;
            a.maximum = distinct.rbegin()->first;
        }
        if (!categorical) {
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (double v : raw)
                if (!std::isnan(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            if (lo <= hi) {
                a.minimum = lo;
                a.maximum = hi;
            }
            if (column.storage() == ColumnStorage::DateTime) {
                bool wholeDays = true;
                for (double v : raw)
                    if (!std::isnan(v) && std::fmod(v, 86400.0) != 0.0) {
                        wholeDays = false;
                        break;
                    }
                a.granularity = wholeDays ? 86400.0 : 1.0;
            }
        }
        a.binned = !categorical && distinct.size() > size_t(p->bins);
        std::vector<Code> &c = codes[size_t(i)];
        c.resize(size_t(n));
        if (a.binned) {
            const double width = (a.maximum / 2.0 - a.minimum / 2.0) * 2.0 / double(p->bins);
            for (int b = 0; b <= p->bins; ++b)
                a.edges.push_back(b == p->bins ? a.maximum : a.minimum + width * double(b));
            // A value holding at least kAtomShare of the rows (the zeros of a zero-inflated count) keeps its own
            // code, so it comes back exactly instead of smeared over its bin.
            std::unordered_map<double, qint64> frequency;
            qint64 present = 0;
            for (double v : raw)
                if (!std::isnan(v)) {
                    ++frequency[v];
                    ++present;
                }
            std::vector<double> atoms;
            for (const auto &[value, k] : frequency)
                if (double(k) >= kAtomShare * double(present))
                    atoms.push_back(value);
            std::sort(atoms.begin(), atoms.end());
            a.values.assign(size_t(p->bins), std::numeric_limits<double>::quiet_NaN());
            std::unordered_map<double, int> atomCode;
            for (double atom : atoms) {
                atomCode[atom] = int(a.values.size());
                a.values.push_back(atom);
            }
            for (qint64 r = 0; r < n; ++r) {
                const double v = raw[size_t(r)];
                if (std::isnan(v))
                    continue;
                const auto atom = atoms.empty() ? atomCode.end() : atomCode.find(v);
                c[size_t(r)] = atom != atomCode.end() ? Code(atom->second)
                                                      : Code(std::clamp(int((v - a.minimum) / width), 0, p->bins - 1));
            }
            a.domain = int(a.values.size());
        } else {
            std::vector<std::pair<double, qint64>> present(distinct.begin(), distinct.end());
            if (int(present.size()) > transforms::kMaxCategories) {
                // Keep the most frequent values; the rest would make the tables too large to learn.
                std::stable_sort(present.begin(), present.end(), [](auto &x, auto &y) { return x.second > y.second; });
                found[size_t(i)].append(Diagnostic {
                    Diagnostic::Severity::Warning, QStringLiteral("high_cardinality"),
                    tr("Column %1 has %2 distinct values; the network keeps the %3 most frequent and counts the "
                       "others as the most frequent one.")
                        .arg(meta.name)
                        .arg(present.size())
                        .arg(transforms::kMaxCategories),
                    meta.name, -1 });
                present.resize(size_t(transforms::kMaxCategories));
                std::sort(present.begin(), present.end());
            }
            std::unordered_map<double, int> index;
            int mostFrequent = 0;
            for (const auto &[value, frequency] : present) {
                if (frequency > present[size_t(mostFrequent)].second)
                    mostFrequent = int(a.values.size());
                index[value] = int(a.values.size());
                a.values.push_back(value);
            }
            a.domain = int(a.values.size());
            for (qint64 r = 0; r < n; ++r) {
                const double v = raw[size_t(r)];
                if (std::isnan(v))
                    continue;
                const auto it = index.find(v);
                // A value beyond the kept ones counts as the most frequent kept value.
                c[size_t(r)] = it != index.end() ? Code(it->second) : Code(mostFrequent);
            }
        }
        if (missing > 0) {
            a.missingCode = a.domain;
            a.values.resize(size_t(a.domain), std::numeric_limits<double>::quiet_NaN());
            a.values.push_back(std::numeric_limits<double>::quiet_NaN());
            a.domain += 1;
            for (qint64 r = 0; r < n; ++r)
                if (std::isnan(raw[size_t(r)]))
                    c[size_t(r)] = Code(a.missingCode);
        }
        if (a.domain == 0) {
            a.domain = 1;
            a.values.push_back(std::numeric_limits<double>::quiet_NaN());
            a.missingCode = 0;
        }
    });
    for (const Diagnostics &list : found)
        for (const Diagnostic &diagnostic : list)
            addDiagnostic(diagnostic);
    if (job.isCancelled())
        return cancelledError();

    // 2. Greedy network with the exponential mechanism (half the budget).
    std::mt19937_64 rng(options.seed);
    const int k = std::max(0, std::min(p->degree, count - 1));
    const double epsilonNetwork = p->epsilon / 2.0, epsilonTables = p->epsilon / 2.0;
    std::uniform_int_distribution<int> pickRoot(0, count - 1);
    p->root = pickRoot(rng);
    std::vector<int> chosen { p->root };
    std::vector<int> rest;
    for (int i = 0; i < count; ++i)
        if (i != p->root)
            rest.push_back(i);
    std::vector<std::pair<int, std::vector<int>>> network;
    auto jointCounts = [&](const std::vector<int> &parents, int child, std::vector<qint64> &joint, qint64 &configs) {
        configs = 1;
        for (int q : parents)
            configs *= p->attributes[size_t(q)].domain;
        const int childDomain = p->attributes[size_t(child)].domain;
        joint.assign(size_t(configs * childDomain), 0);
        const Code *cc = codes[size_t(child)].data();
        std::vector<const Code *> pc;
        std::vector<int> pd;
        for (int q : parents) {
            pc.push_back(codes[size_t(q)].data());
            pd.push_back(p->attributes[size_t(q)].domain);
        }
        for (qint64 r = 0; r < n; ++r) {
            qint64 config = 0;
            for (size_t j = 0; j < pc.size(); ++j)
                config = config * pd[j] + pc[j][r];
            ++joint[size_t(config * childDomain + cc[r])];
        }
    };
    const qint64 totalSteps = qint64(rest.size());
    while (!rest.empty()) {
        if (job.isCancelled())
            return cancelledError();
        const int parentsCount = std::min<int>(int(chosen.size()), k);
        std::vector<std::vector<int>> parentSets;
        combinations(chosen, parentsCount, parentSets);
        std::vector<std::pair<int, const std::vector<int> *>> candidates;
        for (int child : rest)
            for (const auto &set : parentSets) {
                qint64 cells = p->attributes[size_t(child)].domain;
                for (int q : set)
                    cells *= p->attributes[size_t(q)].domain;
                if (cells <= kMaxTableCells || set.empty())
                    candidates.emplace_back(child, &set);
            }
        if (candidates.empty()) // every table too large: fall back to the smallest parent set
            for (int child : rest)
                candidates.emplace_back(child, &parentSets.front());
        std::vector<double> scores(candidates.size(), 0.0);
        transforms::parallelFor(int(candidates.size()), 0, [&](int c) {
            std::vector<qint64> joint;
            qint64 configs = 0;
            jointCounts(*candidates[size_t(c)].second, candidates[size_t(c)].first, joint, configs);
            scores[size_t(c)] = mutualInformation(joint, configs, p->attributes[size_t(candidates[size_t(c)].first)].domain, n);
        });
        size_t best = 0;
        if (p->privacy && count > 1) {
            std::vector<double> logits(candidates.size());
            double maxLogit = -std::numeric_limits<double>::infinity();
            for (size_t c = 0; c < candidates.size(); ++c) {
                const auto &[child, set] = candidates[c];
                const bool binary = p->attributes[size_t(child)].domain <= 2
                    || (set->size() == 1 && p->attributes[size_t(set->front())].domain <= 2);
                const double delta = double(count - 1) * sensitivity(n, binary) / epsilonNetwork;
                logits[c] = scores[c] / (2.0 * delta);
                maxLogit = std::max(maxLogit, logits[c]);
            }
            std::vector<double> weights(candidates.size());
            for (size_t c = 0; c < candidates.size(); ++c)
                weights[c] = std::exp(logits[c] - maxLogit);
            std::discrete_distribution<size_t> pick(weights.begin(), weights.end());
            best = pick(rng);
        } else {
            best = size_t(std::max_element(scores.begin(), scores.end()) - scores.begin());
        }
        const int child = candidates[best].first;
        network.emplace_back(child, *candidates[best].second);
        chosen.push_back(child);
        rest.erase(std::find(rest.begin(), rest.end(), child));
        job.reportProgress(0.8 * double(totalSteps - qint64(rest.size())) / double(std::max<qint64>(totalSteps, 1)),
                           tr("Learning the network"));
    }

    // 3. Noisy conditional distributions (the other half of the budget).
    const int kk = network.empty() ? 0 : int(network.back().second.size());
    const int noisyTables = count - kk;
    const double scale = p->privacy ? 2.0 * double(noisyTables) / epsilonTables : 0.0;
    auto noisyJoint = [&](const std::vector<int> &attrs) {
        std::vector<int> parents(attrs.begin(), attrs.end() - 1);
        std::vector<qint64> joint;
        qint64 configs = 0;
        jointCounts(parents, attrs.back(), joint, configs);
        std::vector<double> noisy(joint.size());
        for (size_t j = 0; j < joint.size(); ++j)
            noisy[j] = std::max(0.0, double(joint[j]) + (scale > 0.0 ? laplace(rng, scale) : 0.0));
        return noisy;
    };
    // Marginal of `joint` (over attrs, mixed radix) onto `target` (a subset of attrs, in target's order).
    auto project = [&](const std::vector<double> &joint, const std::vector<int> &attrs, const std::vector<int> &target) {
        qint64 size = 1;
        for (int t : target)
            size *= p->attributes[size_t(t)].domain;
        std::vector<double> out(size_t(size), 0.0);
        std::vector<int> digits(attrs.size(), 0);
        for (size_t cell = 0; cell < joint.size(); ++cell) {
            qint64 rem = qint64(cell);
            for (size_t j = attrs.size(); j-- > 0;) {
                const int dom = p->attributes[size_t(attrs[j])].domain;
                digits[j] = int(rem % dom);
                rem /= dom;
            }
            qint64 index = 0;
            for (int t : target) {
                const size_t at = size_t(std::find(attrs.begin(), attrs.end(), t) - attrs.begin());
                index = index * p->attributes[size_t(t)].domain + digits[at];
            }
            out[size_t(index)] += joint[cell];
        }
        return out;
    };
    auto toCumulative = [](std::vector<double> table, int domain) {
        for (size_t start = 0; start < table.size(); start += size_t(domain)) {
            double total = 0.0;
            for (int c = 0; c < domain; ++c)
                total += table[start + size_t(c)];
            double run = 0.0;
            for (int c = 0; c < domain; ++c) {
                run += total > 0.0 ? table[start + size_t(c)] / total : 1.0 / double(domain);
                table[start + size_t(c)] = run;
            }
            table[start + size_t(domain) - 1] = 1.0;
        }
        return table;
    };
    std::vector<int> first { p->root };
    for (int j = 0; j < kk; ++j)
        first.push_back(network[size_t(j)].first);
    const std::vector<double> firstJoint = noisyJoint(first);
    p->rootCumulative = toCumulative(project(firstJoint, first, { p->root }), p->attributes[size_t(p->root)].domain);
    for (size_t j = 0; j < network.size(); ++j) {
        if (job.isCancelled())
            return cancelledError();
        Conditional c;
        c.child = network[j].first;
        c.parents = network[j].second;
        std::vector<int> target = c.parents;
        target.push_back(c.child);
        const std::vector<double> joint = int(j) < kk ? project(firstJoint, first, target) : noisyJoint(target);
        c.cumulative = toCumulative(joint, p->attributes[size_t(c.child)].domain);
        p->conditionals.push_back(std::move(c));
    }

    QStringList edges;
    for (const auto &[child, parents] : network) {
        QStringList names;
        for (int q : parents)
            names.append(p->attributes[size_t(q)].templ.name());
        edges.append(p->attributes[size_t(child)].templ.name() + QStringLiteral(" <- ") + names.join(u','));
    }
    setFact(QStringLiteral("differentially_private"), p->privacy);
    setFact(QStringLiteral("epsilon_spent"), p->privacy ? p->epsilon : std::numeric_limits<double>::infinity());
    setFact(QStringLiteral("network"), edges);
    job.reportProgress(1.0, tr("Learning the network"));
    d = std::move(p);
    return {};
}

Result<Table> BayesianNetwork::doSample(qint64 rows, quint64 seed, JobContext &job) { return d->draw(rows, seed, job); }

Result<transforms::ConditionalSample> BayesianNetwork::sampleWhere(qint64 rows,
                                                                   const QList<transforms::ColumnCondition> &conditions,
                                                                   quint64 seed, JobContext &job)
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput, tr("The generator has not been trained yet."), {} };
    for (const auto &condition : conditions) {
        const auto it = std::find_if(d->attributes.begin(), d->attributes.end(),
                                     [&](const Attribute &a) { return a.templ.name() == condition.column; });
        if (it == d->attributes.end() || it->binned)
            return Error { Error::Code::InvalidInput,
                           tr("Conditions can only name columns with a finite set of values; %1 is not one.")
                               .arg(condition.column),
                           {} };
        bool seen = false;
        for (int code = 0; code < it->domain && !seen; ++code) {
            if (code == it->missingCode)
                continue;
            Column probe = it->templ.emptyCopy();
            if (it->byCode)
                probe.appendCode(std::int32_t(it->values[size_t(code)]));
            else
                probe.appendNumber(it->values[size_t(code)]);
            seen = probe.cellText(0) == condition.value;
        }
        if (!seen)
            return Error { Error::Code::InvalidInput,
                           tr("The value %1 never occurs in column %2 of the training data.")
                               .arg(condition.value, condition.column),
                           transforms::describeConditions({ condition }) };
    }
    const qint64 maxTries = std::max<qint64>(rows * 100, 10000);
    return transforms::sampleByRejection(
        rows, conditions, seed, maxTries, [&](qint64 n, std::uint64_t s) { return d->draw(n, s, job); }, job);
}

Result<void> BayesianNetwork::doSave(QDataStream &out) const
{
    out << d->privacy << d->epsilon << qint32(d->degree) << qint32(d->bins) << d->enforceMinMax;
    out << qint32(d->attributes.size());
    auto writeDoubles = [&out](const std::vector<double> &v) {
        out << qint64(v.size());
        for (double x : v)
            out << x;
    };
    for (const Attribute &a : d->attributes) {
        out << a.templ.name() << qint32(a.templ.storage()) << a.templ.labels() << a.templ.isInteger()
            << qint32(a.templ.decimals()) << a.templ.dateFormat();
        out << a.byCode << a.binned << qint32(a.missingCode) << qint32(a.domain) << a.integer << qint32(a.decimals)
            << a.granularity << a.minimum << a.maximum << a.categorical;
        writeDoubles(a.values);
        writeDoubles(a.edges);
    }
    out << qint32(d->root);
    writeDoubles(d->rootCumulative);
    out << qint32(d->conditionals.size());
    for (const Conditional &c : d->conditionals) {
        out << qint32(c.child) << qint32(c.parents.size());
        for (int q : c.parents)
            out << qint32(q);
        writeDoubles(c.cumulative);
    }
    return {};
}

Result<void> BayesianNetwork::doLoad(QDataStream &in, int formatVersion)
{
    Q_UNUSED(formatVersion);
    const Error corrupt { Error::Code::InvalidInput, tr("The model file is damaged or incomplete."),
                          QStringLiteral("bayesian_network") };
    auto p = std::make_unique<Private>();
    qint32 degree = 0, bins = 0, count = 0;
    in >> p->privacy >> p->epsilon >> degree >> bins >> p->enforceMinMax >> count;
    p->degree = degree;
    p->bins = bins;
    // An attribute takes at least 40 bytes in the stream; a count beyond what is left is damage.
    if (in.status() != QDataStream::Ok || count < 0 || count > 100000 || !streamCanHold(in, count, 40))
        return corrupt;
    auto readDoubles = [&in](std::vector<double> &v) {
        qint64 size = 0;
        in >> size;
        if (size < 0 || size > (qint64(1) << 28) || !streamCanHold(in, size, sizeof(double))) {
            in.setStatus(QDataStream::ReadCorruptData);
            return;
        }
        v.resize(size_t(size));
        for (double &x : v)
            in >> x;
    };
    p->attributes.resize(size_t(count));
    for (Attribute &a : p->attributes) {
        QString name, format;
        qint32 storage = 0, templDecimals = 0, missingCode = 0, domain = 0, decimals = 0;
        QStringList labels;
        bool templInteger = false;
        in >> name >> storage;
        readChecked(in, labels, 4);
        in >> templInteger >> templDecimals >> format;
        if (storage < 0 || storage > qint32(ColumnStorage::Text))
            return corrupt;
        a.templ = Column(name, ColumnStorage(storage));
        a.templ.labels() = labels;
        a.templ.setInteger(templInteger);
        a.templ.setDecimals(templDecimals);
        a.templ.setDateFormat(format);
        in >> a.byCode >> a.binned >> missingCode >> domain >> a.integer >> decimals >> a.granularity >> a.minimum
            >> a.maximum >> a.categorical;
        a.missingCode = missingCode;
        a.domain = domain;
        a.decimals = decimals;
        readDoubles(a.values);
        readDoubles(a.edges);
        if (in.status() != QDataStream::Ok || a.domain < 1 || (a.binned && a.edges.size() < 2) || int(a.values.size()) < a.domain)
            return corrupt;
    }
    qint32 root = 0, conditionals = 0;
    in >> root;
    readDoubles(p->rootCumulative);
    in >> conditionals;
    if (in.status() != QDataStream::Ok || root < 0 || root >= count || conditionals < 0 || conditionals > count)
        return corrupt;
    p->root = root;
    for (qint32 j = 0; j < conditionals; ++j) {
        Conditional c;
        qint32 child = 0, parents = 0;
        in >> child >> parents;
        if (child < 0 || child >= count || parents < 0 || parents > count)
            return corrupt;
        c.child = child;
        qint64 cells = p->attributes[size_t(child)].domain;
        for (qint32 q = 0; q < parents; ++q) {
            qint32 parent = 0;
            in >> parent;
            if (parent < 0 || parent >= count)
                return corrupt;
            c.parents.push_back(parent);
            // More cells than the stream could hold is damage (and would overflow).
            if (cells > (qint64(1) << 40) / p->attributes[size_t(parent)].domain)
                return corrupt;
            cells *= p->attributes[size_t(parent)].domain;
        }
        readDoubles(c.cumulative);
        if (in.status() != QDataStream::Ok || qint64(c.cumulative.size()) != cells)
            return corrupt;
        p->conditionals.push_back(std::move(c));
    }
    if (qint64(p->rootCumulative.size()) != p->attributes[size_t(root)].domain)
        return corrupt;
    d = std::move(p);
    return {};
}

std::unique_ptr<Generator> makeBayesianNetwork() { return std::make_unique<BayesianNetwork>(); }

} // namespace core
