// SPDX-License-Identifier: MIT
#include "core/generators/identifiermodel.h"
#include "core/generators/streamguard.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <bit>
#include <cstring>
#include <numeric>

#include <random>

namespace core {

namespace {

constexpr qsizetype kMaxPositions = 256;

// Characters observed at one position: a bitmask for ASCII and a short list for the rest.
struct Observed {
    quint64 ascii[2] = { 0, 0 };
    QList<QChar> other;

    void add(QChar c)
    {
        const char16_t u = c.unicode();
        if (u < 128)
            ascii[u / 64] |= quint64(1) << (u % 64);
        else if (other.size() < 64 && !other.contains(c))
            other.append(c);
    }
    bool has(char16_t u) const { return u < 128 && ((ascii[u / 64] >> (u % 64)) & 1); }
    int count() const
    {
        return int(std::popcount(ascii[0]) + std::popcount(ascii[1])) + int(other.size());
    }
};

QString range(char16_t from, char16_t to)
{
    QString out;
    for (char16_t c = from; c <= to; ++c)
        out += QChar(c);
    return out;
}

QString alphabetOf(const Observed &seen, bool hexLower, bool hexUpper, bool leading)
{
    bool digit = false, lower = false, upper = false;
    QString punctuation, all;
    for (char16_t c = 0; c < 128; ++c) {
        if (!seen.has(c))
            continue;
        all += QChar(c);
        if (c >= u'0' && c <= u'9')
            digit = true;
        else if (c >= u'a' && c <= u'z')
            lower = true;
        else if (c >= u'A' && c <= u'Z')
            upper = true;
        else
            punctuation += QChar(c);
    }
    for (QChar c : seen.other) {
        punctuation += c;
        all += c;
    }
    if (seen.count() == 1)
        return all; // a literal
    QString out;
    if (hexLower && (digit || lower)) {
        out = range(u'0', u'9') + range(u'a', u'f');
    } else if (hexUpper && (digit || upper)) {
        out = range(u'0', u'9') + range(u'A', u'F');
    } else {
        if (digit)
            out += range(u'0', u'9');
        if (lower)
            out += range(u'a', u'z');
        if (upper)
            out += range(u'A', u'Z');
    }
    if (leading && !seen.has(u'0') && out.startsWith(u'0'))
        out.remove(0, 1);
    return out + punctuation;
}

QString fillShape(const QStringList &alphabets, const QList<qint64> &lengthCounts, qint64 total, std::mt19937_64 &rng)
{
    qint64 pick = qint64(rng() % quint64(total));
    qsizetype length = 0;
    while (length < lengthCounts.size() && pick >= lengthCounts[length])
        pick -= lengthCounts[length++];
    QString out;
    out.reserve(length);
    for (qsizetype i = 0; i < length && i < alphabets.size(); ++i) {
        const QString &alphabet = alphabets[i];
        if (!alphabet.isEmpty())
            out += alphabet.at(qsizetype(rng() % quint64(alphabet.size())));
    }
    return out;
}

} // namespace

namespace {

// A keyed 64-bit hash (FNV-1a over UTF-16 units, then a SplitMix64 finaliser). Not
// cryptographic: like any hash of values from a small space (ids, codes) it could be inverted by
// enumeration, so the salt's job is only to make hashes differ between models; its speed matters
// because every real and every generated id is hashed.
quint64 saltedHash(quint64 salt, const QString &value)
{
    quint64 h = 0xcbf29ce484222325ULL ^ salt;
    for (QChar c : value) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    h ^= quint64(value.size());
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

} // namespace

void IdentifierModel::fit(const Table &real, const Schema &schema)
{
    m_shapes.clear();
    m_salt = QRandomGenerator64::global()->generate();
    for (int i = 0; i < real.columnCount(); ++i) {
        const ColumnMeta &meta = schema.columns[i];
        if (meta.excluded || Schema::isModelled(meta))
            continue;
        const Column &column = real.column(i);
        Shape shape;
        shape.name = meta.name;
        shape.storage = qint32(column.storage());
        shape.missingRate = column.missingRate();
        shape.unique = meta.type == SemanticType::Id;
        std::vector<Observed> seen;
        for (qint64 row = 0; row < column.size(); ++row) {
            if (column.isMissing(row))
                continue;
            const QString text = column.cellText(row);
            const qsizetype length = std::min(text.size(), kMaxPositions);
            if (shape.lengthCounts.size() <= length)
                shape.lengthCounts.resize(length + 1, 0);
            ++shape.lengthCounts[length];
            if (qsizetype(seen.size()) < length)
                seen.resize(size_t(length));
            for (qsizetype p = 0; p < length; ++p)
                seen[size_t(p)].add(text.at(p));
            if (shape.unique)
                shape.realHashes.insert(saltedHash(m_salt, text));
        }
        // Hex when every varying position holds only hex digits of one case, with some letter.
        bool anyHexLetterLower = false, anyHexLetterUpper = false, allHexLower = true, allHexUpper = true;
        for (const Observed &position : seen) {
            if (position.count() <= 1)
                continue; // a literal such as the "S" of "S-0a3f9b1c"
            for (char16_t u = 0; u < 128; ++u) {
                if (!position.has(u))
                    continue;
                if (u >= u'a' && u <= u'z') {
                    allHexUpper = false;
                    anyHexLetterLower = anyHexLetterLower || u <= u'f';
                    allHexLower = allHexLower && u <= u'f';
                } else if (u >= u'A' && u <= u'Z') {
                    allHexLower = false;
                    anyHexLetterUpper = anyHexLetterUpper || u <= u'F';
                    allHexUpper = allHexUpper && u <= u'F';
                }
            }
            if (!position.other.isEmpty())
                allHexLower = allHexUpper = false;
        }
        const bool hexLower = allHexLower && anyHexLetterLower;
        const bool hexUpper = !hexLower && allHexUpper && anyHexLetterUpper;
        for (size_t p = 0; p < seen.size(); ++p)
            shape.alphabets.append(alphabetOf(seen[p], hexLower, hexUpper, p == 0));
        m_shapes.append(shape);
    }
}

bool IdentifierModel::contains(const QString &name) const
{
    for (const Shape &shape : m_shapes) {
        if (shape.name == name)
            return true;
    }
    return false;
}

Column IdentifierModel::generate(const QString &name, qint64 rows, quint64 seed) const
{
    const Shape *shape = nullptr;
    for (const Shape &candidate : m_shapes) {
        if (candidate.name == name)
            shape = &candidate;
    }
    Q_ASSERT(shape);
    // The real column's storage: numbers stay numbers, categories come back as categories
    // (of new labels), everything else as text.
    const bool numeric = ColumnStorage(shape->storage) == ColumnStorage::Number;
    const bool coded = ColumnStorage(shape->storage) == ColumnStorage::Category;
    Column column(name, numeric ? ColumnStorage::Number : (coded ? ColumnStorage::Category : ColumnStorage::Text));
    column.setInteger(numeric);
    column.reserve(rows);
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
    const qint64 total = std::accumulate(shape->lengthCounts.begin(), shape->lengthCounts.end(), qint64(0));
    QSet<quint64> used;
    if (shape->unique)
        used.reserve(rows);
    qint64 drawn = 0, widened = 0;
    QHash<QString, qint32> labelIndex; // Category storage: label → code
    for (qint64 row = 0; row < rows; ++row) {
        // Our own Bernoulli draw: std::bernoulli_distribution's algorithm is implementation-defined.
        const double u = double(rng() >> 11) * 0x1.0p-53;
        if (total == 0 || u < shape->missingRate) {
            column.appendMissing();
            continue;
        }
        QString value = fillShape(shape->alphabets, shape->lengthCounts, total, rng);
        // Redraw collisions with real or already generated ids; after a few tries widen
        // the value so the loop ends even when the template's space is exhausted.
        // A few redraws, then widen: a template space the real ids fill up (e.g. every six-digit
        // number taken) must not cost many redraws per row, so once nearly every row needed
        // widening, rows widen at the first collision.
        const int redraws = drawn >= 256 && widened * 10 > drawn * 9 ? 0 : 3;
        ++drawn;
        for (int attempt = 0; shape->unique; ++attempt) {
            const quint64 h = saltedHash(m_salt, value);
            if (!shape->realHashes.contains(h) && !used.contains(h)) {
                used.insert(h);
                break;
            }
            if (attempt == redraws)
                ++widened;
            value = attempt < redraws ? fillShape(shape->alphabets, shape->lengthCounts, total, rng)
                                      : value + QChar(u'1' + char16_t(rng() % 9));
        }
        if (numeric) {
            column.appendNumber(value.toDouble());
        } else if (coded) {
            auto it = labelIndex.find(value);
            if (it == labelIndex.end()) {
                it = labelIndex.insert(value, qint32(column.labels().size()));
                column.labels().append(value);
            }
            column.appendCode(*it);
        } else {
            column.appendText(value);
        }
    }
    return column;
}

void IdentifierModel::save(QDataStream &out) const
{
    out << m_salt << qint32(m_shapes.size());
    for (const Shape &shape : m_shapes)
        out << shape.name << shape.storage << shape.alphabets << shape.lengthCounts << shape.missingRate << shape.unique << shape.realHashes;
}

Result<void> IdentifierModel::load(QDataStream &in)
{
    qint32 count = 0;
    in >> m_salt >> count;
    if (in.status() != QDataStream::Ok || count < 0 || count > 100000)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::IdentifierModel", "The model file is damaged or incomplete."),
                       QStringLiteral("identifier section") };
    m_shapes.clear();
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        Shape shape;
        in >> shape.name >> shape.storage;
        readChecked(in, shape.alphabets, 4);
        readChecked(in, shape.lengthCounts, sizeof(qint64));
        in >> shape.missingRate >> shape.unique >> shape.realHashes;
        // Counts and shares as a fit leaves them; anything else would make generate() divide
        // by a negative total or overflow summing the counts.
        qint64 total = 0;
        for (qint64 count : std::as_const(shape.lengthCounts)) {
            if (count < 0 || count > (qint64(1) << 48))
                in.setStatus(QDataStream::ReadCorruptData);
            total += std::clamp<qint64>(count, 0, qint64(1) << 48);
        }
        if (shape.storage < 0 || shape.storage > qint32(ColumnStorage::Text) || total > (qint64(1) << 56)
            || !(shape.missingRate >= 0.0 && shape.missingRate <= 1.0))
            in.setStatus(QDataStream::ReadCorruptData);
        m_shapes.append(shape);
    }
    if (in.status() != QDataStream::Ok)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::IdentifierModel", "The model file is damaged or incomplete."),
                       QStringLiteral("identifier section") };
    return {};
}

} // namespace core
