// SPDX-License-Identifier: MIT
#include "core/data/schemainference.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_set>

namespace core {

// The rules, in the order they are tried (kept simple so a user can predict them):
//   Boolean storage -> Boolean;  DateTime storage -> DateTime (confidence lower when ambiguous).
//   Numbers: an ID-like name (id, *_id, *Id, *_no, *_nbr, record, patient, mrn, ...) on integers
//     with at least 30% distinct values -> Id, with fewer -> Categorical (codes, never measurements); a zip/postcode name -> Pii "postal_code"; unique integers in 50+ rows -> Id;
//     whole non-negative numbers with at most min(round(rows / 10), 10) distinct values in more
//     than 5 rows -> Categorical (SDV's rule for numbers used as codes); otherwise Numerical.
//   Text: PII by value pattern (e-mail, SSN ddd-dd-dddd, phone with 10-15 digits) or by name
//     (FIRST, LAST, name, address, ssn, passport, drivers, zip, ...) -> Pii; UUIDs, ID-like names
//     and unique codes without spaces in 10+ rows -> Id (with the pattern they follow);
//     Category storage -> Categorical; free text -> Text.
//   A column missing in every row -> Text (left out of modelling) with a warning.

namespace {

class Tr final {
    Q_DECLARE_TR_FUNCTIONS(core::SchemaInference)
};

QStringList nameTokens(const QString &name)
{
    // Split on non-alphanumerics and on camelCase boundaries ("patientId" -> patient, id).
    QString spaced;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (i > 0 && c.isUpper() && name.at(i - 1).isLower())
            spaced += u' ';
        spaced += c.isLetterOrNumber() ? c.toLower() : QChar(u' ');
    }
    return spaced.split(u' ', Qt::SkipEmptyParts);
}

bool nameHintsId(const QString &name)
{
    const QStringList tokens = nameTokens(name);
    if (tokens.isEmpty())
        return false;
    static const QSet<QString> kLast { QStringLiteral("id"),  QStringLiteral("nbr"),  QStringLiteral("no"),
                                       QStringLiteral("mrn"), QStringLiteral("uuid"), QStringLiteral("guid"),
                                       QStringLiteral("ref"), QStringLiteral("key") };
    static const QSet<QString> kWhole { QStringLiteral("record"), QStringLiteral("patient"),
                                        QStringLiteral("subject"), QStringLiteral("encounter"),
                                        QStringLiteral("mrn"), QStringLiteral("id") };
    if (kLast.contains(tokens.last()))
        return true;
    return tokens.size() == 1 && kWhole.contains(tokens.first());
}

bool nameHintsZip(const QString &name)
{
    const QStringList tokens = nameTokens(name);
    for (const QString &t : tokens) {
        if (t == QLatin1StringView("zip") || t == QLatin1StringView("zipcode") || t == QLatin1StringView("postcode")
            || t == QLatin1StringView("postal"))
            return true;
    }
    return false;
}

/// PII kind suggested by the column name alone, or empty.
QString piiKindFromName(const QString &name)
{
    const QString lower = name.toLower().replace(u'-', u'_').replace(u' ', u'_');
    static const QList<QPair<QStringList, QString>> kNames {
        { { QStringLiteral("first"), QStringLiteral("first_name"), QStringLiteral("firstname"),
            QStringLiteral("given_name") },
          QStringLiteral("first_name") },
        { { QStringLiteral("last"), QStringLiteral("last_name"), QStringLiteral("lastname"), QStringLiteral("surname"),
            QStringLiteral("family_name"), QStringLiteral("maiden"), QStringLiteral("maiden_name") },
          QStringLiteral("last_name") },
        { { QStringLiteral("name"), QStringLiteral("full_name"), QStringLiteral("patient_name") }, QStringLiteral("name") },
        { { QStringLiteral("address"), QStringLiteral("street"), QStringLiteral("street_address") },
          QStringLiteral("address") },
        { { QStringLiteral("ssn"), QStringLiteral("social_security_number") }, QStringLiteral("ssn") },
        { { QStringLiteral("email"), QStringLiteral("e_mail"), QStringLiteral("email_address") }, QStringLiteral("email") },
        { { QStringLiteral("phone"), QStringLiteral("phone_number"), QStringLiteral("telephone"), QStringLiteral("tel") },
          QStringLiteral("phone_number") },
        { { QStringLiteral("drivers"), QStringLiteral("drivers_license"), QStringLiteral("license") },
          QStringLiteral("drivers_license") },
        { { QStringLiteral("passport") }, QStringLiteral("passport") },
    };
    for (const auto &[names, kind] : kNames) {
        if (names.contains(lower))
            return kind;
    }
    if (nameHintsZip(name))
        return QStringLiteral("postal_code");
    return {};
}

QString escapeLiteral(QChar c)
{
    static const QString kSpecial = QStringLiteral(".^$*+?()[]{}|\\");
    return kSpecial.contains(c) ? QStringLiteral("\\") + c : QString(c);
}

/// A regular expression the values follow position by position, when they share one length
/// (e.g. "S-[0-9a-f]{8}", "[0-9]{6}"); for digit strings of varying length "[0-9]{min,max}".
QString inferPattern(const QStringList &values)
{
    if (values.isEmpty())
        return {};
    const qsizetype length = values.first().size();
    bool sameLength = true;
    bool allDigits = true;
    qsizetype minLength = length;
    qsizetype maxLength = length;
    for (const QString &v : values) {
        sameLength = sameLength && v.size() == length;
        minLength = std::min(minLength, v.size());
        maxLength = std::max(maxLength, v.size());
        for (QChar c : v)
            allDigits = allDigits && c.isDigit() && c.unicode() < 128;
    }
    if (!sameLength || length == 0 || length > 64) {
        if (allDigits && minLength > 0)
            return QStringLiteral("[0-9]{%1,%2}").arg(minLength).arg(maxLength);
        return {};
    }
    QStringList tokens;
    for (qsizetype i = 0; i < length; ++i) {
        const QChar first = values.first().at(i);
        bool same = true;
        bool digit = true, hexLower = true, hexUpper = true, upper = true, lower = true, alpha = true, alnum = true;
        for (const QString &v : values) {
            const QChar c = v.at(i);
            const char16_t u = c.unicode();
            same = same && c == first;
            const bool isDigit = u >= '0' && u <= '9';
            digit = digit && isDigit;
            hexLower = hexLower && (isDigit || (u >= 'a' && u <= 'f'));
            hexUpper = hexUpper && (isDigit || (u >= 'A' && u <= 'F'));
            upper = upper && u >= 'A' && u <= 'Z';
            lower = lower && u >= 'a' && u <= 'z';
            alpha = alpha && ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'));
            alnum = alnum && (isDigit || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'));
        }
        if (same && values.size() > 1)
            tokens.append(escapeLiteral(first));
        else if (digit)
            tokens.append(QStringLiteral("[0-9]"));
        else if (hexLower)
            tokens.append(QStringLiteral("[0-9a-f]"));
        else if (hexUpper)
            tokens.append(QStringLiteral("[0-9A-F]"));
        else if (upper)
            tokens.append(QStringLiteral("[A-Z]"));
        else if (lower)
            tokens.append(QStringLiteral("[a-z]"));
        else if (alpha)
            tokens.append(QStringLiteral("[A-Za-z]"));
        else if (alnum)
            tokens.append(QStringLiteral("[A-Za-z0-9]"));
        else
            tokens.append(QStringLiteral("."));
    }
    // Runs of one class token become token{n}; literals stay as they are.
    QString pattern;
    for (qsizetype i = 0; i < tokens.size();) {
        qsizetype j = i;
        while (j < tokens.size() && tokens[j] == tokens[i])
            ++j;
        const qsizetype run = j - i;
        if (tokens[i].startsWith(u'[') && run > 1)
            pattern += tokens[i] + QStringLiteral("{%1}").arg(run);
        else
            for (qsizetype k = i; k < j; ++k)
                pattern += tokens[k];
        i = j;
    }
    return pattern;
}

double shareMatching(const QStringList &values, const QRegularExpression &re)
{
    if (values.isEmpty())
        return 0.0;
    qsizetype hits = 0;
    for (const QString &v : values)
        hits += re.match(v).hasMatch() ? 1 : 0;
    return double(hits) / double(values.size());
}

int digitCount(const QString &s)
{
    int n = 0;
    for (QChar c : s)
        n += c.isDigit() ? 1 : 0;
    return n;
}

struct NumberFacts {
    qint64 present = 0;
    qint64 distinctUpTo11 = 0; // exact when <= 11
    bool allWhole = true;
    bool nonNegative = true;
    bool unique = false;
};

NumberFacts numberFacts(const Column &column, bool needUnique)
{
    NumberFacts f;
    const std::vector<double> &v = column.numbers();
    double few[12];
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    const std::vector<std::uint8_t> &missing = column.missingMask();
    f.present = column.size() - column.missingCount();
    for (size_t r = 0; r < v.size(); ++r) {
        if (missing[r])
            continue;
        const double x = v[r];
        if (!std::isfinite(x) || x != std::floor(x)) {
            // Every rule that looks further needs whole numbers: nothing more to learn.
            f.allWhole = false;
            return f;
        }
        if (x < 0)
            f.nonNegative = false;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
        if (f.distinctUpTo11 <= 11) {
            bool seen = false;
            for (qint64 k = 0; k < f.distinctUpTo11 && !seen; ++k)
                seen = few[k] == x;
            if (!seen)
                few[f.distinctUpTo11++] = x;
        }
    }
    if (!needUnique || !f.allWhole || f.present == 0)
        return f;
    // Whole numbers: a bitmap over [lo, hi] tells uniqueness in one pass when the range is small.
    const double range = hi - lo + 1;
    if (range < double(f.present)) {
        f.unique = false;
        return f;
    }
    if (range <= 64.0 * 1024 * 1024) {
        std::vector<bool> seen(size_t(range), false);
        for (size_t r = 0; r < v.size(); ++r) {
            if (column.missingMask()[r])
                continue;
            const auto at = size_t(v[r] - lo);
            if (seen[at])
                return f;
            seen[at] = true;
        }
        f.unique = true;
        return f;
    }
    std::vector<double> sorted;
    sorted.reserve(size_t(f.present));
    for (size_t r = 0; r < v.size(); ++r) {
        if (!column.missingMask()[r])
            sorted.push_back(v[r]);
    }
    std::sort(sorted.begin(), sorted.end());
    f.unique = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    return f;
}

constexpr double kIdDistinctShare = 0.3;

qint64 distinctCount(const Column &column)
{
    std::vector<double> values;
    values.reserve(size_t(column.size()));
    for (size_t r = 0; r < column.numbers().size(); ++r) {
        if (!column.missingMask()[r])
            values.push_back(column.numbers()[r]);
    }
    std::sort(values.begin(), values.end());
    return qint64(std::unique(values.begin(), values.end()) - values.begin());
}

void note(Diagnostics &diagnostics, const QString &column, const QString &message)
{
    diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("inferred_type"), message, column, -1 });
}

ColumnMeta inferNumber(const Column &column, Diagnostics &diagnostics)
{
    ColumnMeta meta;
    meta.name = column.name();
    meta.integer = column.isInteger();
    meta.decimals = column.decimals();
    const bool idName = nameHintsId(column.name());
    const NumberFacts facts = numberFacts(column, true);
    const qint64 rows = column.size();
    if (idName && facts.allWhole && facts.present > 0) {
        const qint64 distinct = facts.unique ? facts.present : distinctCount(column);
        // An ID-like name on few distinct values (admission_type_id: 8 codes) is a code list.
        if (facts.unique || double(distinct) >= kIdDistinctShare * double(facts.present)) {
            meta.type = SemanticType::Id;
            meta.confidence = facts.unique ? 0.95 : 0.7;
            if (!facts.unique)
                note(diagnostics, meta.name,
                     Tr::tr("Column %1 is treated as an identifier because of its name, although values repeat.")
                         .arg(meta.name));
            return meta;
        }
        meta.type = SemanticType::Categorical;
        meta.confidence = 0.7;
        note(diagnostics, meta.name,
             Tr::tr("Column %1 has an identifier-like name but only %2 distinct values, so they are treated as "
                    "category codes.")
                 .arg(meta.name)
                 .arg(distinct));
        return meta;
    }
    if (nameHintsZip(column.name())) {
        meta.type = SemanticType::Pii;
        meta.piiKind = QStringLiteral("postal_code");
        meta.confidence = 0.9;
        return meta;
    }
    if (facts.allWhole && facts.unique && facts.present >= 50) {
        meta.type = SemanticType::Id;
        meta.confidence = 0.7;
        note(diagnostics, meta.name,
             Tr::tr("Column %1 holds a different whole number in every row, so it is treated as an identifier.")
                 .arg(meta.name));
        return meta;
    }
    const qint64 threshold = std::min<qint64>(qRound(double(rows) / 10.0), 10);
    if (rows > 5 && facts.allWhole && facts.nonNegative && facts.present > 0 && facts.distinctUpTo11 <= threshold) {
        meta.type = SemanticType::Categorical;
        meta.confidence = 0.6;
        note(diagnostics, meta.name,
             Tr::tr("Column %1 has only %2 distinct whole numbers, so they are treated as category codes.")
                 .arg(meta.name)
                 .arg(facts.distinctUpTo11));
        return meta;
    }
    meta.type = SemanticType::Numerical;
    meta.confidence = 0.9;
    return meta;
}

ColumnMeta inferText(const Column &column, Diagnostics &diagnostics)
{
    ColumnMeta meta;
    meta.name = column.name();
    // Distinct values, and how many rows are not missing.
    QStringList distinct;
    qint64 present = column.size() - column.missingCount();
    if (column.storage() == ColumnStorage::Category) {
        std::vector<qint64> used(size_t(column.labels().size()), 0);
        for (std::int32_t code : column.codes()) {
            if (code >= 0)
                ++used[size_t(code)];
        }
        for (qsizetype i = 0; i < column.labels().size(); ++i) {
            if (used[size_t(i)] > 0)
                distinct.append(column.labels()[i]);
        }
    } else {
        QSet<QString> seen;
        for (size_t r = 0; r < column.texts().size(); ++r) {
            if (!column.missingMask()[r] && !seen.contains(column.texts()[r])) {
                seen.insert(column.texts()[r]);
                distinct.append(column.texts()[r]);
            }
        }
    }
    const bool unique = qint64(distinct.size()) == present;
    // Pattern checks look at up to 5000 distinct values.
    QStringList sample = distinct.mid(0, 5000);

    static const QRegularExpression kEmail(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
    static const QRegularExpression kSsn(QStringLiteral("^\\d{3}-\\d{2}-\\d{4}$"));
    static const QRegularExpression kPhone(QStringLiteral("^\\+?[0-9(][0-9 ().-]{6,}[0-9]$"));
    static const QRegularExpression kUuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));

    QString piiKind;
    if (shareMatching(sample, kEmail) >= 0.9)
        piiKind = QStringLiteral("email");
    else if (shareMatching(sample, kSsn) >= 0.9)
        piiKind = QStringLiteral("ssn");
    else if (!sample.isEmpty() && shareMatching(sample, kPhone) >= 0.9
             && std::all_of(sample.begin(), sample.end(), [](const QString &s) {
                    const int d = digitCount(s);
                    return d >= 10 && d <= 15;
                }))
        piiKind = QStringLiteral("phone_number");
    if (!piiKind.isEmpty()) {
        meta.type = SemanticType::Pii;
        meta.piiKind = piiKind;
        meta.confidence = 0.95;
        meta.pattern = piiKind == QLatin1StringView("ssn") ? QStringLiteral("[0-9]{3}-[0-9]{2}-[0-9]{4}") : QString();
        return meta;
    }
    const QString nameKind = piiKindFromName(meta.name);
    if (!nameKind.isEmpty()) {
        meta.type = SemanticType::Pii;
        meta.piiKind = nameKind;
        meta.confidence = 0.8;
        meta.pattern = inferPattern(sample);
        note(diagnostics, meta.name,
             Tr::tr("Column %1 is treated as personal data (%2) because of its name.").arg(meta.name, nameKind));
        return meta;
    }
    const bool uuids = !sample.isEmpty() && shareMatching(sample, kUuid) == 1.0;
    const bool noSpaces = std::none_of(sample.begin(), sample.end(), [](const QString &s) {
        return s.contains(u' ') || s.size() > 64;
    });
    if (uuids || (nameHintsId(meta.name) && noSpaces) || (unique && noSpaces && present >= 10)) {
        meta.type = SemanticType::Id;
        meta.confidence = uuids ? 0.95 : (unique ? 0.85 : 0.7);
        meta.pattern = uuids ? QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                             : inferPattern(sample);
        return meta;
    }
    if (column.storage() == ColumnStorage::Category) {
        meta.type = SemanticType::Categorical;
        meta.confidence = 0.9;
        return meta;
    }
    meta.type = SemanticType::Text;
    meta.confidence = 0.8;
    note(diagnostics, meta.name,
         Tr::tr("Column %1 holds free text with %2 distinct values; it is not modelled.")
             .arg(meta.name)
             .arg(distinct.size()));
    return meta;
}

} // namespace

namespace {

ColumnMeta inferColumn(const Column &column, const Diagnostics &earlier, Diagnostics &diagnostics)
{
    ColumnMeta meta;
    meta.name = column.name();
    if (column.size() > 0 && column.missingCount() == column.size()) {
        meta.type = SemanticType::Text;
        meta.confidence = 1.0;
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("all_missing"),
                             Tr::tr("Column %1 is missing in every row (100% missing); it is left out of "
                                    "modelling.")
                                 .arg(meta.name),
                             meta.name, -1 });
        return meta;
    }
    switch (column.storage()) {
    case ColumnStorage::Boolean: {
        meta.type = SemanticType::Boolean;
        const bool binary = column.labels() == QStringList { QStringLiteral("0"), QStringLiteral("1") };
        meta.confidence = binary ? 0.9 : 1.0;
        meta.integer = binary;
        meta.decimals = binary ? 0 : -1;
        if (binary)
            note(diagnostics, meta.name,
                 Tr::tr("Column %1 holds only 0 and 1, so it is treated as binary (boolean) and written as "
                        "0/1.")
                     .arg(meta.name));
        return meta;
    }
    case ColumnStorage::DateTime:
        meta.type = SemanticType::DateTime;
        meta.dateFormat = column.dateFormat();
        meta.confidence = 1.0;
        for (const Diagnostic &d : earlier) {
            if (d.column == meta.name
                && (d.kind == QLatin1StringView("ambiguous_date") || d.kind == QLatin1StringView("mixed_date_formats")))
                meta.confidence = 0.6;
        }
        return meta;
    case ColumnStorage::Number: return inferNumber(column, diagnostics);
    case ColumnStorage::Category:
    case ColumnStorage::Text: return inferText(column, diagnostics);
    }
    return meta;
}

} // namespace

Schema inferSchema(const Table &table, Diagnostics &diagnostics)
{
    // Columns are independent: big tables use a second thread (the CSV reader's 1M-row benchmark
    // spends noticeable time here).
    const int n = table.columnCount();
    std::vector<ColumnMeta> metas(static_cast<size_t>(n));
    std::vector<Diagnostics> found(static_cast<size_t>(n));
    const Diagnostics earlier = diagnostics;
    auto work = [&](int first, int step) {
        for (int j = first; j < n; j += step)
            metas[size_t(j)] = inferColumn(table.column(j), earlier, found[size_t(j)]);
    };
    const bool parallel = table.rowCount() * qint64(n) >= 2'000'000 && std::thread::hardware_concurrency() > 1;
    if (parallel) {
        std::thread helper(work, 1, 2);
        work(0, 2);
        helper.join();
    } else {
        work(0, 1);
    }
    Schema schema;
    for (int j = 0; j < n; ++j) {
        schema.columns.append(metas[size_t(j)]);
        diagnostics.append(found[size_t(j)]);
    }
    return schema;
}

} // namespace core
