// SPDX-License-Identifier: MIT
#include "core/generators/generator.h"

#include "core/generators/identifiermodel.h"
#include "core/generators/streamguard.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <exception>
#include <new>
#include <optional>
#include <random>

namespace core {

namespace {

constexpr quint32 kMagic = 0x48534D44; // "HSMD"
// 2: adds the condition support (categorical values and pairs seen) after the identifiers.
constexpr qint32 kEnvelopeVersion = 3;
constexpr int kMaxTrackedValues = 100;
constexpr int kMaxConditionBatches = 50;

Error exceptionError(const char *what, const QString &stage)
{
    return Error { Error::Code::Internal,
                   QCoreApplication::translate("core::Generator", "The generator failed while %1.").arg(stage),
                   QString::fromLocal8Bit(what) };
}


// Copies one cell of `column` onto another row of it, mask included.
void copyCell(Column &column, size_t from, size_t to)
{
    column.missingMask()[to] = column.missingMask()[from];
    switch (column.storage()) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: column.numbers()[to] = column.numbers()[from]; break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: column.codes()[to] = column.codes()[from]; break;
    case ColumnStorage::Text: column.texts()[to] = column.texts()[from]; break;
    }
}

void setMissing(Column &column, size_t row)
{
    column.missingMask()[row] = 1;
    switch (column.storage()) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: column.numbers()[row] = Column::kMissingNumber; break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: column.codes()[row] = Column::kMissingCode; break;
    case ColumnStorage::Text: column.texts()[row].clear(); break;
    }
}

// Sampling draws each row's missingness at random, so a small table's missing share drifts
// by several points from the real one. Only the excess cells change: surplus missing cells
// take the value of a random present cell of the same column, missing ones are blanked at
// random. Rows keep the generator's joint structure everywhere else.
void matchMissingRates(Table &table, const QMap<QString, double> &rates, quint64 seed)
{
    const qint64 rows = table.rowCount();
    std::mt19937_64 rng(seed ^ 0x6d697373696e67ULL);
    for (int c = 0; c < table.columnCount(); ++c) {
        Column &column = table.column(c);
        const auto rate = rates.constFind(column.name());
        if (rate == rates.cend() || rows == 0)
            continue;
        const qint64 target = qint64(std::llround(*rate * double(rows)));
        std::vector<size_t> missing, present;
        for (qint64 r = 0; r < rows; ++r)
            (column.isMissing(r) ? missing : present).push_back(size_t(r));
        auto pick = [&rng](std::vector<size_t> &from) {
            const size_t at = size_t(rng() % from.size());
            const size_t row = from[at];
            from[at] = from.back();
            from.pop_back();
            return row;
        };
        const std::vector<size_t> donors = present;
        while (qint64(missing.size()) > target && !donors.empty()) {
            const size_t row = pick(missing);
            copyCell(column, donors[size_t(rng() % donors.size())], row);
        }
        while (qint64(missing.size()) < target && !present.empty()) {
            const size_t row = pick(present);
            setMissing(column, row);
            missing.push_back(row);
        }
    }
}
} // namespace

// Streaming for the envelope; in namespace core so QList<T> streaming finds them by ADL.
static QDataStream &operator<<(QDataStream &out, const Diagnostic &d)
{
    return out << qint32(d.severity) << d.kind << d.message << d.column << d.line;
}

static QDataStream &operator>>(QDataStream &in, Diagnostic &d)
{
    qint32 severity = 0;
    in >> severity >> d.kind >> d.message >> d.column >> d.line;
    if (severity < qint32(Diagnostic::Severity::Info) || severity > qint32(Diagnostic::Severity::Error))
        in.setStatus(QDataStream::ReadCorruptData);
    d.severity = Diagnostic::Severity(severity);
    return in;
}

static QDataStream &operator<<(QDataStream &out, const ColumnMeta &m)
{
    return out << m.name << qint32(m.type) << m.excluded << m.integer << qint32(m.decimals) << m.dateFormat
               << m.piiKind << m.pattern << m.confidence << m.userOverride;
}

static QDataStream &operator>>(QDataStream &in, ColumnMeta &m)
{
    qint32 type = 0, decimals = 0;
    in >> m.name >> type >> m.excluded >> m.integer >> decimals >> m.dateFormat >> m.piiKind >> m.pattern
        >> m.confidence >> m.userOverride;
    if (type < qint32(SemanticType::Numerical) || type > qint32(SemanticType::Text))
        in.setStatus(QDataStream::ReadCorruptData);
    m.type = SemanticType(type);
    m.decimals = decimals;
    return in;
}

// Smallest stream sizes of the envelope's elements, for readChecked().
constexpr qint64 kMinStringBytes = 4;   // a QString's length
constexpr qint64 kMinDiagnosticBytes = 24; // severity, three strings, line
constexpr qint64 kMinColumnMetaBytes = 35; // name, type, two flags, decimals, three strings, confidence, flag

static QDataStream &readLosses(QDataStream &in, QList<std::pair<QString, QList<double>>> &losses)
{
    quint32 series = 0;
    in >> series;
    if (in.status() != QDataStream::Ok || !streamCanHold(in, series, kMinStringBytes + 4)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    for (quint32 i = 0; i < series && in.status() == QDataStream::Ok; ++i) {
        std::pair<QString, QList<double>> entry;
        in >> entry.first;
        readChecked(in, entry.second, sizeof(double));
        losses.append(entry);
    }
    return in;
}

Generator::Generator() = default;
Generator::~Generator() = default;

namespace {

std::optional<Error> invalidFitInput(const Table &real, const Schema &schema)
{
    if (schema.columns.size() != real.columnCount())
        return Error { Error::Code::Internal, QCoreApplication::translate("core::Generator", "The metadata does not match the table."),
                       QStringLiteral("%1 columns, %2 metadata entries").arg(real.columnCount()).arg(schema.columns.size()) };
    if (real.rowCount() == 0)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The table has no rows to learn from."), {} };
    return std::nullopt;
}

} // namespace

Result<void> Generator::fit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    if (const auto invalid = invalidFitInput(real, schema))
        return *invalid;
    // The model sees only the columns it may learn; identifiers and PII never reach it.
    Table modelled;
    Schema modelledSchema;
    for (int i = 0; i < real.columnCount(); ++i) {
        if (!Schema::isModelled(schema.columns[i]))
            continue;
        modelled.addColumn(real.column(i));
        modelledSchema.columns.append(schema.columns[i]);
    }
    if (const Result<void> fitted = fitModelled(modelled, modelledSchema, options, job); !fitted.ok())
        return fitted;
    return finishFit(real, schema, options);
}

Result<void> Generator::fitInPlace(Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    if (const auto invalid = invalidFitInput(real, schema))
        return *invalid;
    // The modelled columns move (no copy) into the model's table and back afterwards.
    Table modelled;
    Schema modelledSchema;
    std::vector<int> from;
    for (int i = 0; i < real.columnCount(); ++i) {
        if (!Schema::isModelled(schema.columns[i]))
            continue;
        modelled.addColumn(std::move(real.column(i)));
        modelledSchema.columns.append(schema.columns[i]);
        from.push_back(i);
    }
    const Result<void> fitted = fitModelled(modelled, modelledSchema, options, job);
    for (size_t k = 0; k < from.size(); ++k)
        real.column(from[k]) = std::move(modelled.column(int(k)));
    if (!fitted.ok())
        return fitted;
    return finishFit(real, schema, options);
}

Result<void> Generator::fitModelled(const Table &modelled, const Schema &modelledSchema, const FitOptions &options,
                                    JobContext &job)
{
    m_pendingLosses.clear();
    m_pendingDiagnostics.clear();
    m_pendingFacts.clear();
    if (modelled.columnCount() == 0)
        return {};
    try {
        return doFit(modelled, modelledSchema, options, job);
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "fitting"));
    }
}

Result<void> Generator::finishFit(const Table &real, const Schema &schema, const FitOptions &options)
{
    try {
        auto identifiers = std::make_unique<IdentifierModel>();
        identifiers->fit(real, schema);
        ConditionSupport support;
        support.fit(real, schema);
        m_identifiers = std::move(identifiers);
        m_support = std::move(support);
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "fitting"));
    }

    m_schema = schema;
    m_info = GeneratorInfo {};
    m_info.fitted = true;
    m_info.fittedAt = QDateTime::currentDateTimeUtc();
    m_info.appVersion = appVersion();
    m_info.trainingRows = real.rowCount();
    m_info.seed = options.seed;
    m_info.settings = options.settings;
    m_info.facts = m_pendingFacts;
    for (int i = 0; i < real.columnCount(); ++i) {
        const double rate = real.column(i).missingRate();
        if (Schema::isModelled(schema.columns[i]) && rate > 0.0 && rate < 1.0)
            m_info.missingRates.insert(real.column(i).name(), rate);
    }
    m_info.losses = m_pendingLosses;
    m_info.diagnostics = m_pendingDiagnostics;
    return {};
}

void Generator::recordLoss(JobContext &job, const QString &series, int epoch, double value)
{
    job.reportMetric(series, epoch, value);
    for (auto &entry : m_pendingLosses) {
        if (entry.first == series) {
            entry.second.append(value);
            return;
        }
    }
    m_pendingLosses.append({ series, QList<double> { value } });
}

Result<Table> Generator::sample(qint64 rows, quint64 seed, JobContext &job)
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The generator has not been trained yet."), {} };
    if (rows < 0)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The number of rows must not be negative."),
                       QString::number(rows) };

    Table modelled;
    bool anyModelled = false;
    for (const ColumnMeta &meta : m_schema.columns)
        anyModelled = anyModelled || Schema::isModelled(meta);
    try {
        if (anyModelled) {
            Result<Table> drawn = doSample(rows, seed, job);
            if (!drawn.ok())
                return drawn.error();
            modelled = std::move(drawn).value();
            // A model loaded from a damaged file may disagree with its own schema.
            qsizetype expected = 0;
            for (const ColumnMeta &meta : std::as_const(m_schema.columns))
                expected += Schema::isModelled(meta) ? 1 : 0;
            if (modelled.columnCount() != expected || (expected > 0 && modelled.rowCount() != rows))
                return Error { Error::Code::InvalidInput,
                               QCoreApplication::translate("core::Generator", "The model file is damaged or incomplete."),
                               QStringLiteral("the model gives %1 columns of %2 rows for %3 modelled columns")
                                   .arg(modelled.columnCount())
                                   .arg(modelled.rowCount())
                                   .arg(expected) };
            matchMissingRates(modelled, m_info.missingRates, seed);
        }
        Table out;
        int nextModelled = 0;
        for (qsizetype i = 0; i < m_schema.columns.size(); ++i) {
            const ColumnMeta &meta = m_schema.columns[i];
            if (meta.excluded)
                continue;
            if (Schema::isModelled(meta))
                out.addColumn(std::move(modelled.column(nextModelled++)));
            else
                out.addColumn(m_identifiers->generate(meta.name, rows, seed + quint64(i)));
        }
        return out;
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "sampling"));
    }
}

Result<void> Generator::save(QIODevice &device) const
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "Only a trained generator can be saved."), {} };
    QDataStream out(&device);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kEnvelopeVersion << id() << qint32(formatVersion());
    out << m_info.fittedAt << m_info.appVersion << m_info.trainingRows << m_info.seed << m_info.settings
        << m_info.facts << m_info.losses << m_info.diagnostics;
    out << m_schema.columns;
    m_identifiers->save(out);
    out << qint32(m_support.columns.size());
    for (const ConditionSupport::Tracked &tracked : m_support.columns)
        out << tracked.name << tracked.values;
    out << m_support.pairs;
    out << m_info.missingRates;
    try {
        const Result<void> saved = doSave(out);
        if (!saved.ok())
            return saved;
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "saving"));
    }
    if (out.status() != QDataStream::Ok)
        return Error { Error::Code::Io, QCoreApplication::translate("core::Generator", "The model could not be written."),
                       device.errorString() };
    return {};
}

Result<void> Generator::load(QIODevice &device)
{
    auto corrupt = [](const QString &detail) {
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model file is damaged or incomplete."), detail };
    };
    QDataStream in(&device);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    qint32 envelope = 0, version = 0;
    QString storedId;
    in >> magic >> envelope;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "This is not a HealthSynth model file."), {} };
    if (envelope > kEnvelopeVersion)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model was saved by a newer HealthSynth; update to open it."),
                       QStringLiteral("envelope version %1 > %2").arg(envelope).arg(kEnvelopeVersion) };
    in >> storedId >> version;
    if (storedId != id())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model file holds a \"%1\" model, not \"%2\".").arg(storedId, id()), {} };
    if (version > formatVersion())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model was saved by a newer HealthSynth; update to open it."),
                       QStringLiteral("%1 format %2 > %3").arg(id()).arg(version).arg(formatVersion()) };

    // A count too large for memory that no check below caught (inside a QVariant, say) ends in
    // bad_alloc: the file is damaged, not the program.
    try {
        return loadBody(in, envelope, version);
    } catch (const std::bad_alloc &) {
        return corrupt(QStringLiteral("a stored size exceeds the memory"));
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "loading"));
    }
}

Result<void> Generator::loadBody(QDataStream &in, qint32 envelope, qint32 version)
{
    auto corrupt = [](const QString &detail) {
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model file is damaged or incomplete."), detail };
    };
    GeneratorInfo info;
    Schema schema;
    in >> info.fittedAt >> info.appVersion >> info.trainingRows >> info.seed >> info.settings >> info.facts;
    readLosses(in, info.losses);
    readChecked(in, info.diagnostics, kMinDiagnosticBytes);
    readChecked(in, schema.columns, kMinColumnMetaBytes);
    if (in.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("header"));
    auto identifiers = std::make_unique<IdentifierModel>();
    if (const Result<void> loaded = identifiers->load(in); !loaded.ok())
        return loaded;
    // Every column the model does not learn is regenerated from its shape, which must be there.
    for (const ColumnMeta &meta : std::as_const(schema.columns)) {
        if (!meta.excluded && !Schema::isModelled(meta) && !identifiers->contains(meta.name))
            return corrupt(QStringLiteral("no identifier shape for %1").arg(meta.name));
    }
    ConditionSupport support;
    if (envelope >= 2) {
        qint32 tracked = 0;
        in >> tracked;
        if (in.status() != QDataStream::Ok || tracked < 0 || tracked > 100000)
            return corrupt(QStringLiteral("condition support"));
        for (qint32 i = 0; i < tracked && in.status() == QDataStream::Ok; ++i) {
            ConditionSupport::Tracked column;
            in >> column.name;
            readChecked(in, column.values, kMinStringBytes);
            support.columns.append(column);
        }
        readChecked(in, support.pairs, 4);
        if (in.status() != QDataStream::Ok
            || support.pairs.size() != support.columns.size() * (support.columns.size() - 1) / 2)
            return corrupt(QStringLiteral("condition support"));
        // Each pair holds one bit per combination of the two columns' values.
        qsizetype k = 0;
        for (qsizetype i = 0; i < support.columns.size(); ++i) {
            for (qsizetype j = i + 1; j < support.columns.size(); ++j, ++k) {
                const qint64 bits = qint64(support.columns[i].values.size()) * support.columns[j].values.size();
                if (support.pairs[k].size() < (bits + 7) / 8)
                    return corrupt(QStringLiteral("condition support"));
            }
        }
    }
    if (envelope >= 3) {
        in >> info.missingRates;
        if (in.status() != QDataStream::Ok)
            return corrupt(QStringLiteral("missing rates"));
    }
    if (const Result<void> loaded = doLoad(in, version); !loaded.ok())
        return loaded;
    if (in.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("model body"));
    info.fitted = true;
    m_info = info;
    m_schema = schema;
    m_identifiers = std::move(identifiers);
    m_support = std::move(support);
    return {};
}

void Generator::ConditionSupport::fit(const Table &real, const Schema &schema)
{
    columns.clear();
    pairs.clear();
    std::vector<std::vector<qint32>> indices; // per tracked column: value index per row, -1 missing
    for (int c = 0; c < real.columnCount(); ++c) {
        const ColumnMeta &meta = schema.columns[c];
        if (!Schema::isModelled(meta)
            || (meta.type != SemanticType::Categorical && meta.type != SemanticType::Boolean))
            continue;
        const Column &column = real.column(c);
        Tracked tracked;
        tracked.name = meta.name;
        std::vector<qint32> index(size_t(column.size()), -1);
        bool tooMany = false;
        if (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean) {
            std::vector<qint32> byCode(size_t(column.labels().size()), -1);
            for (qint64 row = 0; row < column.size() && !tooMany; ++row) {
                const qint32 code = column.codes()[size_t(row)];
                if (column.isMissing(row) || code < 0 || size_t(code) >= byCode.size())
                    continue;
                if (byCode[size_t(code)] < 0) {
                    byCode[size_t(code)] = qint32(tracked.values.size());
                    tracked.values.append(column.labels().at(code));
                    tooMany = tracked.values.size() > kMaxTrackedValues;
                }
                index[size_t(row)] = byCode[size_t(code)];
            }
        } else {
            QHash<QString, qint32> byText;
            for (qint64 row = 0; row < column.size() && !tooMany; ++row) {
                if (column.isMissing(row))
                    continue;
                const QString text = column.cellText(row);
                auto it = byText.find(text);
                if (it == byText.end()) {
                    it = byText.insert(text, qint32(tracked.values.size()));
                    tracked.values.append(text);
                    tooMany = tracked.values.size() > kMaxTrackedValues;
                }
                index[size_t(row)] = *it;
            }
        }
        if (tooMany)
            continue;
        columns.append(tracked);
        indices.push_back(std::move(index));
    }
    for (qsizetype i = 0; i < columns.size(); ++i) {
        for (qsizetype j = i + 1; j < columns.size(); ++j) {
            const qsizetype width = columns[j].values.size();
            QByteArray bits((columns[i].values.size() * width + 7) / 8, '\0');
            const std::vector<qint32> &a = indices[size_t(i)], &b = indices[size_t(j)];
            for (size_t row = 0; row < a.size(); ++row) {
                if (a[row] < 0 || b[row] < 0)
                    continue;
                const qsizetype bit = a[row] * width + b[row];
                bits[bit / 8] = char(bits[bit / 8] | char(1 << (bit % 8)));
            }
            pairs.append(bits);
        }
    }
}

int Generator::ConditionSupport::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return int(i);
    }
    return -1;
}

bool Generator::ConditionSupport::pairSeen(int i, int a, int j, int b) const
{
    if (i == j)
        return a == b;
    if (i > j) {
        std::swap(i, j);
        std::swap(a, b);
    }
    const qsizetype n = columns.size();
    // Pairs are stored row by row of the upper triangle: (0,1), (0,2), ..., (1,2), ...
    const qsizetype at = qsizetype(i) * (2 * n - i - 1) / 2 + (j - i - 1);
    const qsizetype bit = qsizetype(a) * columns[j].values.size() + b;
    return (pairs[at][bit / 8] >> (bit % 8)) & 1;
}

namespace {

// Forwards cancellation only; sampleWhere reports progress itself, per batch.
class QuietJob final : public JobContext {
public:
    explicit QuietJob(JobContext &outer) : m_outer(outer) { }
    bool isCancelled() const override { return m_outer.isCancelled(); }
    void reportProgress(double, const QString &) override { }

private:
    JobContext &m_outer;
};

void appendRows(Column &target, const Column &source)
{
    auto extend = [](auto &to, const auto &from) { to.insert(to.end(), from.begin(), from.end()); };
    extend(target.missingMask(), source.missingMask());
    switch (target.storage()) {
    case ColumnStorage::Number:
    case ColumnStorage::DateTime: extend(target.numbers(), source.numbers()); break;
    case ColumnStorage::Category:
    case ColumnStorage::Boolean: extend(target.codes(), source.codes()); break;
    case ColumnStorage::Text: extend(target.texts(), source.texts()); break;
    }
}

} // namespace

Result<Table> Generator::sampleWhere(const QList<std::pair<QString, QString>> &conditions, qint64 rows,
                                     quint64 seed, JobContext &job, Diagnostics *diagnostics)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("core::Generator", text); };
    if (!isFitted())
        return Error { Error::Code::InvalidInput, tr("The generator has not been trained yet."), {} };
    if (conditions.isEmpty())
        return sample(rows, seed, job);
    if (rows < 0)
        return Error { Error::Code::InvalidInput, tr("The number of rows must not be negative."), QString::number(rows) };

    QStringList described;
    for (const auto &[name, value] : conditions)
        described.append(name + u'=' + value);
    const QString conditionText = described.join(QStringLiteral(", "));

    struct Check {
        QString name, value;
        int tracked = -1, valueIndex = -1;
    };
    QList<Check> checks;
    for (const auto &[name, value] : conditions) {
        const ColumnMeta *meta = m_schema.find(name);
        if (!meta || meta->excluded)
            return Error { Error::Code::InvalidInput,
                           tr("The condition %1=%2 names no column of the generated table.").arg(name, value), {} };
        if (!Schema::isModelled(*meta))
            return Error { Error::Code::InvalidInput,
                           tr("The condition %1=%2 is on an identifier, personal-data or free-text column, "
                              "which the generator does not learn.")
                               .arg(name, value),
                           {} };
        Check check { name, value, m_support.indexOf(name), -1 };
        if (check.tracked >= 0) {
            const QStringList &known = m_support.columns[check.tracked].values;
            check.valueIndex = int(known.indexOf(value));
            if (check.valueIndex < 0)
                return Error { Error::Code::InvalidInput,
                               tr("The condition %1=%2 asks for a value that never occurs in column \"%1\" of the "
                                  "real data.")
                                   .arg(name, value),
                               QStringLiteral("known values: ") + known.join(QStringLiteral(", ")) };
        }
        checks.append(check);
    }
    for (qsizetype i = 0; i < checks.size(); ++i) {
        for (qsizetype j = i + 1; j < checks.size(); ++j) {
            const Check &a = checks[i], &b = checks[j];
            if (a.tracked < 0 || b.tracked < 0)
                continue;
            if (!m_support.pairSeen(a.tracked, a.valueIndex, b.tracked, b.valueIndex))
                return Error { Error::Code::InvalidInput,
                               tr("No rows satisfy %1: this combination never occurs in the real data, so none "
                                  "were sampled.")
                                   .arg(conditionText),
                               QStringLiteral("%1=%2 never occurs together with %3=%4")
                                   .arg(a.name, a.value, b.name, b.value) };
        }
    }

    const qint64 budget = std::max<qint64>(1000000, 20 * rows);
    QuietJob quiet(job);
    Table result;
    bool haveResult = false;
    qint64 matched = 0, drawn = 0, previous = 0;
    int batch = 0;
    for (; batch < kMaxConditionBatches && matched < rows && drawn < budget; ++batch) {
        const qint64 remaining = rows - matched;
        qint64 size;
        if (matched > 0)
            size = qint64(std::ceil(double(remaining) * double(drawn) / double(matched) * 1.2)) + 100;
        else
            size = batch == 0 ? std::max<qint64>(1000, 2 * remaining) : previous * 4;
        size = std::clamp<qint64>(size, 1000, std::min<qint64>(1000000, budget - drawn));
        previous = size;
        Result<Table> candidates
            = sample(size, seed ^ (0x9e3779b97f4a7c15ULL * quint64(batch + 1)), quiet);
        if (!candidates.ok())
            return candidates.error();
        drawn += size;
        const Table &table = candidates.value();
        if (!haveResult) {
            for (const Column &column : table.columns())
                result.addColumn(column.emptyCopy());
            haveResult = true;
        }
        // Per condition: the column, and for coded storage the code that must match.
        std::vector<std::pair<int, qint32>> targets;
        for (const Check &check : checks) {
            const int at = table.indexOf(check.name);
            const Column &column = table.column(at);
            const bool coded
                = column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean;
            targets.push_back({ at, coded ? qint32(column.labels().indexOf(check.value)) : -2 });
        }
        std::vector<qint64> keep;
        for (qint64 row = 0; row < table.rowCount() && qint64(keep.size()) < remaining; ++row) {
            bool all = true;
            for (size_t k = 0; k < targets.size() && all; ++k) {
                const Column &column = table.column(targets[k].first);
                if (column.isMissing(row))
                    all = false;
                else if (targets[k].second != -2)
                    all = column.codes()[size_t(row)] == targets[k].second;
                else
                    all = column.cellText(row) == checks[qsizetype(k)].value;
            }
            if (all)
                keep.push_back(row);
        }
        if (!keep.empty()) {
            const Table selected = table.selectRows(keep);
            for (int c = 0; c < result.columnCount(); ++c)
                appendRows(result.column(c), selected.column(c));
            matched += qint64(keep.size());
        }
        job.reportProgress(rows == 0 ? 1.0 : double(matched) / double(rows), tr("Sampling rows that meet the conditions"));
        if (job.isCancelled())
            return cancelledError();
    }
    if (matched == 0 && rows > 0)
        return Error { Error::Code::InvalidInput,
                       tr("No rows satisfied %1 after %2 tries (%3 rows drawn); the combination is too rare in the "
                          "model.")
                           .arg(conditionText)
                           .arg(batch)
                           .arg(drawn),
                       {} };
    // Identifiers drawn batch by batch could repeat across batches: draw them again for the final rows.
    int outIndex = 0;
    for (qsizetype i = 0; i < m_schema.columns.size(); ++i) {
        const ColumnMeta &meta = m_schema.columns[i];
        if (meta.excluded)
            continue;
        if (!Schema::isModelled(meta))
            result.column(outIndex) = m_identifiers->generate(meta.name, matched, seed + quint64(i));
        ++outIndex;
    }
    if (matched < rows && diagnostics)
        diagnostics->append({ Diagnostic::Severity::Warning, QStringLiteral("condition_partial"),
                              tr("Only %1 of %2 rows satisfied %3 after %4 tries.")
                                  .arg(matched)
                                  .arg(rows)
                                  .arg(conditionText)
                                  .arg(batch),
                              {}, -1 });
    return result;
}

} // namespace core
