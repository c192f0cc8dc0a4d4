// SPDX-License-Identifier: MIT
#include "core/generators/identifiermodel.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cstring>

#include <random>

namespace core {

namespace {

// Template letters: 9 = digit, a = lower-case letter, A = upper-case letter, h = lower hex digit;
// anything else is a literal, escaped with '\' when it collides with a class letter.
QString templateOf(const QString &value)
{
    bool hexOnly = true;
    for (QChar c : value)
        hexOnly = hexOnly && (c.isDigit() || (c >= u'a' && c <= u'f') || !c.isLetterOrNumber());
    QString out;
    for (QChar c : value) {
        if (c.isDigit())
            out += hexOnly ? u'h' : u'9';
        else if (hexOnly && c >= u'a' && c <= u'f')
            out += u'h';
        else if (c.isLower())
            out += u'a';
        else if (c.isUpper())
            out += u'A';
        else if (c == u'9' || c == u'a' || c == u'A' || c == u'h' || c == u'\\')
            out += u'\\', out += c;
        else
            out += c;
    }
    // A template that is all hex but has no letter is really all digits.
    if (hexOnly && !value.contains(QRegularExpression(QStringLiteral("[a-f]"))))
        out.replace(u'h', u'9');
    return out;
}

QString fillTemplate(const QString &templ, std::mt19937_64 &rng)
{
    static const QString kHex = QStringLiteral("0123456789abcdef");
    QString out;
    out.reserve(templ.size());
    for (qsizetype i = 0; i < templ.size(); ++i) {
        const QChar c = templ.at(i);
        switch (c.unicode()) {
        case '9': out += QChar(u'0' + char16_t(rng() % 10)); break;
        case 'a': out += QChar(u'a' + char16_t(rng() % 26)); break;
        case 'A': out += QChar(u'A' + char16_t(rng() % 26)); break;
        case 'h': out += kHex.at(qsizetype(rng() % 16)); break;
        case '\\':
            if (i + 1 < templ.size())
                out += templ.at(++i);
            break;
        default: out += c; break;
        }
    }
    // Keep the first digit of a number non-zero so its digit count stays the same.
    if (!out.isEmpty() && templ.startsWith(u'9') && out.at(0) == u'0')
        out[0] = QChar(u'1' + char16_t(rng() % 9));
    return out;
}

quint64 saltedHash(quint64 salt, const QString &value)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&salt), sizeof salt));
    hash.addData(value.toUtf8());
    const QByteArray digest = hash.result();
    quint64 out = 0;
    memcpy(&out, digest.constData(), sizeof out);
    return out;
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
        for (qint64 row = 0; row < column.size(); ++row) {
            if (column.isMissing(row))
                continue;
            const QString text = column.cellText(row);
            if (shape.templ.isEmpty())
                shape.templ = templateOf(text);
            if (shape.unique)
                shape.realHashes.insert(saltedHash(m_salt, text));
        }
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
    // Numbers used as identifiers come back as numbers; everything else as text.
    const bool numeric = ColumnStorage(shape->storage) == ColumnStorage::Number;
    Column column(name, numeric ? ColumnStorage::Number : ColumnStorage::Text);
    column.setInteger(numeric);
    column.reserve(rows);
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
    std::bernoulli_distribution missing(shape->missingRate);
    QSet<quint64> used;
    for (qint64 row = 0; row < rows; ++row) {
        if (shape->templ.isEmpty() || missing(rng)) {
            column.appendMissing();
            continue;
        }
        QString value = fillTemplate(shape->templ, rng);
        // Redraw collisions with real or already generated ids; after a few tries widen
        // the value so the loop ends even when the template's space is exhausted.
        for (int attempt = 0; shape->unique; ++attempt) {
            const quint64 h = saltedHash(m_salt, value);
            if (!shape->realHashes.contains(h) && !used.contains(h)) {
                used.insert(h);
                break;
            }
            value = attempt < 20 ? fillTemplate(shape->templ, rng) : value + QChar(u'0' + char16_t(rng() % 10));
        }
        if (numeric)
            column.appendNumber(value.toDouble());
        else
            column.appendText(value);
    }
    return column;
}

void IdentifierModel::save(QDataStream &out) const
{
    out << m_salt << qint32(m_shapes.size());
    for (const Shape &shape : m_shapes)
        out << shape.name << shape.storage << shape.templ << shape.missingRate << shape.unique << shape.realHashes;
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
        in >> shape.name >> shape.storage >> shape.templ >> shape.missingRate >> shape.unique >> shape.realHashes;
        m_shapes.append(shape);
    }
    if (in.status() != QDataStream::Ok)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::IdentifierModel", "The model file is damaged or incomplete."),
                       QStringLiteral("identifier section") };
    return {};
}

} // namespace core
