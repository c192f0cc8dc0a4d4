// SPDX-License-Identifier: MIT
#include "core/profile/valueanalysis.h"

#include <QSet>
#include <array>
#include <charconv>
#include <cmath>

namespace core::profiling {

namespace {

    // A run of digits, a run of letters, or one other character: enough to recognise layouts
    // without regular expressions (which would be slower on millions of distinct values).
    struct Token {
        enum Type { Digits, Letters, Other } type;
        int length;
        QStringView text;
    };

    QList<Token> tokenize(QStringView text)
    {
        QList<Token> tokens;
        qsizetype i = 0;
        while (i < text.size()) {
            const QChar c = text[i];
            qsizetype j = i + 1;
            Token::Type type = Token::Other;
            if (c.isDigit() && c.unicode() < 128) {
                type = Token::Digits;
                while (j < text.size() && text[j].isDigit() && text[j].unicode() < 128)
                    ++j;
            } else if (c.isLetter()) {
                type = Token::Letters;
                while (j < text.size() && text[j].isLetter())
                    ++j;
            }
            tokens.append(Token { type, int(j - i), text.mid(i, j - i) });
            i = j;
        }
        return tokens;
    }

    bool isDigits(const Token &t, int minLength, int maxLength)
    {
        return t.type == Token::Digits && t.length >= minLength && t.length <= maxLength;
    }
    bool isChar(const Token &t, char c)
    {
        return t.type == Token::Other && t.text.size() == 1 && t.text[0] == QLatin1Char(c);
    }

    bool isMonthName(const Token &t)
    {
        static const std::array<const char *, 12> months { "jan", "feb", "mar", "apr", "may", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec" };
        if (t.type != Token::Letters || t.length < 3)
            return false;
        const QString prefix = t.text.left(3).toString().toLower();
        for (const char *m : months) {
            if (prefix == QLatin1String(m))
                return true;
        }
        return false;
    }

    int toInt(QStringView digits)
    {
        return digits.toString().toInt();
    }

} // namespace

std::optional<double> parseNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    std::array<char, 65> buffer {};
    qsizetype start = 0;
    if (text[0] == u'+')
        start = 1;
    int n = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 127)
            return std::nullopt;
        buffer[size_t(n++)] = char(c);
    }
    if (n == 0)
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(buffer.data(), buffer.data() + n, value);
    if (end != buffer.data() + n)
        return std::nullopt;
    if (ec == std::errc::result_out_of_range)
        return std::nullopt; // "1e999" is not a cell anyone meant
    if (ec != std::errc())
        return std::nullopt;
    return value;
}

bool isInfinitySpelling(QStringView text)
{
    const std::optional<double> v = parseNumber(text);
    return v && std::isinf(*v);
}

bool isMissingMarkerText(QStringView trimmed)
{
    static const QSet<QString> markers {
        QStringLiteral("?"),
        QStringLiteral("??"),
        QStringLiteral("-"),
        QStringLiteral("--"),
        QStringLiteral("."),
        QStringLiteral("na"),
        QStringLiteral("n/a"),
        QStringLiteral("n.a."),
        QStringLiteral("nan"),
        QStringLiteral("null"),
        QStringLiteral("none"),
        QStringLiteral("nil"),
        QStringLiteral("missing"),
        QStringLiteral("unknown"),
        QStringLiteral("unk"),
        QStringLiteral("#n/a"),
        QStringLiteral("not available"),
        QStringLiteral("not known"),
        QStringLiteral("not recorded"),
        QStringLiteral("(blank)"),
        QStringLiteral("blank"),
    };
    if (trimmed.isEmpty() || trimmed.size() > 16)
        return false;
    return markers.contains(trimmed.toString().toLower());
}

bool isSentinelNumber(double value)
{
    static constexpr std::array<double, 11> sentinels { -1, -7, -8, -9, -99, -999, -9999, 99, 999, 9999,
        99999 };
    for (double s : sentinels) {
        if (value == s)
            return true;
    }
    return false;
}

QString shapeOf(QStringView text)
{
    constexpr qsizetype kMax = 40;
    QString shape;
    shape.reserve(std::min(text.size(), kMax) + 1);
    for (qsizetype i = 0; i < text.size() && i < kMax; ++i) {
        const QChar c = text[i];
        if (c.isDigit())
            shape += u'9';
        else if (c.isUpper())
            shape += u'A';
        else if (c.isLower())
            shape += u'a';
        else
            shape += c;
    }
    if (text.size() > kMax)
        shape += QChar(0x2026);
    return shape;
}

QString dateLayoutOf(QStringView text)
{
    if (text.size() < 6 || text.size() > 32)
        return {};
    const QList<Token> t = tokenize(text);
    const auto n = t.size();
    if (n == 1 && isDigits(t[0], 8, 8)) {
        const int y = toInt(text.left(4)), m = toInt(text.mid(4, 2)), d = toInt(text.mid(6, 2));
        if (y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
            return QStringLiteral("yyyymmdd");
        return {};
    }
    if (n >= 5 && isDigits(t[0], 4, 4) && isChar(t[1], '-') && isDigits(t[2], 1, 2) && isChar(t[3], '-')
        && isDigits(t[4], 1, 2)) {
        if (n == 5)
            return QStringLiteral("ISO");
        if (n >= 9 && (isChar(t[5], ' ') || (t[5].type == Token::Letters && t[5].text == u"T"))
            && isDigits(t[6], 1, 2) && isChar(t[7], ':') && isDigits(t[8], 2, 2))
            return QStringLiteral("ISO datetime");
        return {};
    }
    if (n == 5 && isDigits(t[0], 4, 4) && isChar(t[1], '/') && isDigits(t[2], 1, 2) && isChar(t[3], '/')
        && isDigits(t[4], 1, 2))
        return QStringLiteral("yyyy/mm/dd");
    if (n == 5 && isDigits(t[0], 1, 2) && isDigits(t[2], 1, 2) && isDigits(t[4], 4, 4)) {
        if (isChar(t[1], '/') && isChar(t[3], '/'))
            return QStringLiteral("dd/mm/yyyy or mm/dd/yyyy");
        if (isChar(t[1], '.') && isChar(t[3], '.'))
            return QStringLiteral("dd.mm.yyyy");
        if (isChar(t[1], '-') && isChar(t[3], '-'))
            return QStringLiteral("dd-mm-yyyy");
        return {};
    }
    if (n == 5 && isDigits(t[0], 1, 2) && isMonthName(t[2]) && isDigits(t[4], 4, 4)
        && ((isChar(t[1], ' ') && isChar(t[3], ' ')) || (isChar(t[1], '-') && isChar(t[3], '-'))))
        return QStringLiteral("d Mon yyyy");
    if ((n == 5 || n == 6) && isMonthName(t[0]) && isChar(t[1], ' ') && isDigits(t[2], 1, 2)
        && isDigits(t[n - 1], 4, 4) && isChar(t[n - 2], ' ') && (n == 5 || isChar(t[3], ',')))
        return QStringLiteral("Mon d yyyy");
    return {};
}

int decimalStyleOf(QStringView text)
{
    qsizetype i = 0;
    if (!text.isEmpty() && (text[0] == u'-' || text[0] == u'+'))
        i = 1;
    const qsizetype intStart = i;
    while (i < text.size() && text[i].isDigit())
        ++i;
    const qsizetype intLength = i - intStart;
    if (intLength == 0 || i >= text.size())
        return 0;
    const QChar mark = text[i];
    const qsizetype fracStart = ++i;
    while (i < text.size() && text[i].isDigit())
        ++i;
    const qsizetype fracLength = i - fracStart;
    if (i != text.size() || fracLength == 0)
        return 0;
    if (mark == u'.')
        return 1;
    // "1,500" is more likely a thousands separator than a decimal comma.
    if (mark == u',' && !(fracLength == 3 && text[intStart] != u'0'))
        return 2;
    return 0;
}

QString piiKindOfValue(QStringView text)
{
    if (text.size() < 5 || text.size() > 254)
        return {};
    const qsizetype at = text.indexOf(u'@');
    if (at > 0 && text.lastIndexOf(u'@') == at && !text.contains(u' ')) {
        const QStringView domain = text.mid(at + 1);
        const qsizetype dot = domain.lastIndexOf(u'.');
        if (dot > 0 && dot < domain.size() - 2)
            return QStringLiteral("email");
    }
    const QString shape = shapeOf(text);
    if (shape == QLatin1String("999-99-9999"))
        return QStringLiteral("ssn");
    int digits = 0, separators = 0, dots = 0;
    bool plus = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isDigit())
            ++digits;
        else if (c == u'-' || c == u'(' || c == u')' || c == u' ')
            ++separators;
        else if (c == u'.')
            ++dots;
        else if (c == u'+' && i == 0)
            plus = true;
        else
            return {};
    }
    if (digits >= 7 && digits <= 15 && (separators > 0 || dots >= 2 || plus) && dateLayoutOf(text).isEmpty())
        return QStringLiteral("phone_number");
    return {};
}

bool looksLikePersonName(QStringView text)
{
    const QList<QStringView> words = text.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2 || words.size() > 3)
        return false;
    for (QStringView w : words) {
        if (w.size() < 2 || !w[0].isUpper())
            return false;
        for (qsizetype i = 1; i < w.size(); ++i) {
            if (!(w[i].isLower() || w[i] == u'\'' || w[i] == u'-'))
                return false;
        }
    }
    return true;
}

namespace {

    QString characterClass(const QSet<QChar> &chars)
    {
        bool digit = false, lowerHex = false, upperHex = false, lower = false, upper = false;
        for (QChar c : chars) {
            const char16_t u = c.unicode();
            if (u >= '0' && u <= '9')
                digit = true;
            else if (u >= 'a' && u <= 'f')
                lowerHex = true;
            else if (u >= 'A' && u <= 'F')
                upperHex = true;
            else if (u >= 'a' && u <= 'z')
                lower = true;
            else if (u >= 'A' && u <= 'Z')
                upper = true;
            else
                return {};
        }
        const bool anyLower = lower || lowerHex, anyUpper = upper || upperHex;
        if (!anyLower && !anyUpper)
            return QStringLiteral("[0-9]");
        if (digit && !lower && !anyUpper)
            return QStringLiteral("[0-9a-f]");
        if (digit && !upper && !anyLower)
            return QStringLiteral("[0-9A-F]");
        if (!digit && !anyUpper)
            return QStringLiteral("[a-z]");
        if (!digit && !anyLower)
            return QStringLiteral("[A-Z]");
        if (!digit)
            return QStringLiteral("[A-Za-z]");
        if (!anyUpper)
            return QStringLiteral("[0-9a-z]");
        if (!anyLower)
            return QStringLiteral("[0-9A-Z]");
        return QStringLiteral("[0-9A-Za-z]");
    }

    QString escaped(QChar c)
    {
        static const QString special = QStringLiteral("\\^$.|?*+()[]{}");
        return special.contains(c) ? QString(u'\\') + c : QString(c);
    }

} // namespace

QString commonRegex(const QList<ValueCount> &values)
{
    if (values.isEmpty())
        return {};
    qsizetype minLength = values.front().value.size(), maxLength = minLength;
    bool allDigits = true;
    for (const ValueCount &v : values) {
        minLength = std::min(minLength, v.value.size());
        maxLength = std::max(maxLength, v.value.size());
        for (QChar c : v.value) {
            if (!(c.unicode() >= '0' && c.unicode() <= '9')) {
                allDigits = false;
                break;
            }
        }
    }
    if (minLength == 0 || maxLength > 64)
        return {};
    if (minLength != maxLength) {
        if (!allDigits)
            return {};
        return QStringLiteral("[0-9]{%1,%2}").arg(minLength).arg(maxLength);
    }
    std::vector<QSet<QChar>> sets(static_cast<size_t>(maxLength));
    for (const ValueCount &v : values) {
        for (qsizetype i = 0; i < maxLength; ++i)
            sets[size_t(i)].insert(v.value[i]);
    }
    QString regex;
    qsizetype i = 0;
    while (i < maxLength) {
        if (sets[size_t(i)].size() == 1) {
            regex += escaped(*sets[size_t(i)].begin());
            ++i;
            continue;
        }
        // A run of varying positions shares one character class.
        QSet<QChar> run;
        qsizetype j = i;
        while (j < maxLength && sets[size_t(j)].size() > 1) {
            run.unite(sets[size_t(j)]);
            ++j;
        }
        const QString cls = characterClass(run);
        if (cls.isEmpty())
            return {};
        regex += cls;
        if (j - i > 1)
            regex += QStringLiteral("{%1}").arg(j - i);
        i = j;
    }
    return regex;
}

QStringList nameTokens(const QString &columnName)
{
    QStringList tokens;
    QString current;
    for (qsizetype i = 0; i < columnName.size(); ++i) {
        const QChar c = columnName[i];
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                tokens.append(current.toLower());
            current.clear();
            continue;
        }
        // camelCase boundary: "systolicBP" -> "systolic", "BP"
        if (c.isUpper() && !current.isEmpty() && current.back().isLower()) {
            tokens.append(current.toLower());
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        tokens.append(current.toLower());
    return tokens;
}

} // namespace core::profiling
