// SPDX-License-Identifier: MIT
#include "core/data/declaredmissing.h"

#include <QCoreApplication>
#include <QSet>
#include <cmath>
#include <optional>

namespace core {

namespace {

    std::optional<double> numberOf(QString text)
    {
        text = text.trimmed();
        bool ok = false;
        double value = text.toDouble(&ok);
        if (!ok && text.count(u',') == 1 && !text.contains(u'.'))
            value = QString(text).replace(u',', u'.').toDouble(&ok); // a decimal comma
        return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
    }

    int decimalsOf(const QString &text)
    {
        const QString t = text.trimmed();
        const qsizetype mark = std::max(t.lastIndexOf(u'.'), t.lastIndexOf(u','));
        return mark < 0 || t.contains(u'e', Qt::CaseInsensitive) ? 0 : int(t.size() - mark - 1);
    }

    // Labels or texts that all read as numbers after the markers left: the column as numbers.
    std::optional<Column> asNumbers(const Column &column)
    {
        Column numbers(column.name(), ColumnStorage::Number);
        numbers.reserve(column.size());
        bool whole = true;
        int decimals = 0;
        const bool coded = column.storage() != ColumnStorage::Text;
        std::vector<std::optional<double>> byCode;
        if (coded) {
            for (const QString &label : column.labels())
                byCode.push_back(numberOf(label));
        }
        for (qint64 i = 0; i < column.size(); ++i) {
            if (column.isMissing(i)) {
                numbers.appendMissing();
                continue;
            }
            const QString text = coded ? QString() : column.texts()[size_t(i)];
            const std::optional<double> v = coded ? byCode[size_t(column.codes()[size_t(i)])] : numberOf(text);
            if (!v)
                return std::nullopt;
            numbers.appendNumber(*v);
            whole = whole && *v == std::floor(*v);
            if (!coded)
                decimals = std::max(decimals, decimalsOf(text));
        }
        if (coded) {
            for (qsizetype code = 0; code < column.labels().size(); ++code)
                decimals = std::max(decimals, byCode[size_t(code)] ? decimalsOf(column.labels()[code]) : 0);
        }
        numbers.setInteger(whole);
        numbers.setDecimals(whole ? 0 : decimals);
        return numbers;
    }

} // namespace

void applyDeclaredMissingValues(Table &table, const Schema &schema, Diagnostics &diagnostics)
{
    for (const ColumnMeta &meta : schema.columns) {
        if (meta.missingValues.isEmpty())
            continue;
        const int index = table.indexOf(meta.name);
        if (index < 0)
            continue;
        Column &column = table.column(index);
        QSet<QString> texts;
        QSet<double> values;
        for (const QString &m : meta.missingValues) {
            texts.insert(m.trimmed());
            if (const std::optional<double> v = numberOf(m))
                values.insert(*v);
        }
        qint64 changed = 0;
        std::vector<std::uint8_t> &mask = column.missingMask();
        switch (column.storage()) {
        case ColumnStorage::Number:
            for (qint64 i = 0; i < column.size(); ++i) {
                double &v = column.numbers()[size_t(i)];
                if (!mask[size_t(i)] && values.contains(v)) {
                    v = Column::kMissingNumber;
                    mask[size_t(i)] = 1;
                    ++changed;
                }
            }
            break;
        case ColumnStorage::Category:
        case ColumnStorage::Boolean: {
            std::vector<std::uint8_t> dropped(size_t(column.labels().size()), 0);
            for (qsizetype code = 0; code < column.labels().size(); ++code)
                dropped[size_t(code)] = texts.contains(column.labels()[code].trimmed()) ? 1 : 0;
            for (qint64 i = 0; i < column.size(); ++i) {
                std::int32_t &code = column.codes()[size_t(i)];
                if (code >= 0 && dropped[size_t(code)]) {
                    code = Column::kMissingCode;
                    mask[size_t(i)] = 1;
                    ++changed;
                }
            }
            break;
        }
        case ColumnStorage::Text:
            for (qint64 i = 0; i < column.size(); ++i) {
                QString &text = column.texts()[size_t(i)];
                if (!mask[size_t(i)] && texts.contains(text.trimmed())) {
                    text.clear();
                    mask[size_t(i)] = 1;
                    ++changed;
                }
            }
            break;
        case ColumnStorage::DateTime:
            break; // a marker would not have read as a date
        }
        bool converted = false;
        // Also when the markers were already missing (declared first, the type changed after).
        if (meta.type == SemanticType::Numerical
            && (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Text)) {
            if (std::optional<Column> numbers = asNumbers(column)) {
                column = std::move(*numbers);
                converted = true;
            }
        }
        if (changed > 0 || converted)
            diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("declared_missing"),
                                 QCoreApplication::translate("core::DeclaredMissing",
                                                             "%1 cell(s) of column %2 are read as missing (declared "
                                                             "missing values: %3)%4.")
                                     .arg(changed)
                                     .arg(meta.name, meta.missingValues.join(QStringLiteral(", ")),
                                          converted ? QCoreApplication::translate("core::DeclaredMissing",
                                                                                  "; the rest are numbers")
                                                    : QString()),
                                 meta.name, -1 });
    }
}

} // namespace core
