// SPDX-License-Identifier: MIT
#include "core/data/schema.h"

#include <array>

namespace core {

namespace {

struct TypeKey {
    SemanticType type;
    const char *key;
};

constexpr std::array<TypeKey, 7> kTypeKeys { {
    { SemanticType::Numerical, "numerical" },
    { SemanticType::Categorical, "categorical" },
    { SemanticType::Boolean, "boolean" },
    { SemanticType::DateTime, "datetime" },
    { SemanticType::Id, "id" },
    { SemanticType::Pii, "pii" },
    { SemanticType::Text, "text" },
} };

// SDV's PII sdtypes (from its metadata documentation) that map onto our Pii type.
constexpr std::array<const char *, 14> kSdvPiiTypes { "email", "phone_number", "ssn", "name", "first_name",
                                                      "last_name", "address", "street_address", "postcode",
                                                      "zipcode", "city", "ipv4_address", "credit_card_number",
                                                      "license_plate" };

} // namespace

QString semanticTypeKey(SemanticType type)
{
    for (const TypeKey &entry : kTypeKeys) {
        if (entry.type == type)
            return QLatin1StringView(entry.key);
    }
    return {};
}

std::optional<SemanticType> semanticTypeFromKey(const QString &key)
{
    const QString lower = key.trimmed().toLower();
    for (const TypeKey &entry : kTypeKeys) {
        if (lower == QLatin1StringView(entry.key))
            return entry.type;
    }
    for (const char *pii : kSdvPiiTypes) {
        if (lower == QLatin1StringView(pii))
            return SemanticType::Pii;
    }
    if (lower == QLatin1StringView("unknown"))
        return SemanticType::Text;
    return std::nullopt;
}

int Schema::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name)
            return int(i);
    }
    return -1;
}

const ColumnMeta *Schema::find(const QString &name) const
{
    const int at = indexOf(name);
    return at < 0 ? nullptr : &columns[at];
}

ColumnMeta *Schema::find(const QString &name)
{
    const int at = indexOf(name);
    return at < 0 ? nullptr : &columns[at];
}

bool Schema::isModelled(const ColumnMeta &meta)
{
    return !meta.excluded && meta.type != SemanticType::Id && meta.type != SemanticType::Pii
        && meta.type != SemanticType::Text;
}

} // namespace core
