// SPDX-License-Identifier: MIT
#include "core/pipeline/generatorsetup.h"

namespace core {

Result<std::unique_ptr<Generator>> GeneratorSetup::create(const GeneratorRegistry &registry, const QString &id)
{
    std::unique_ptr<Generator> generator = registry.create(id);
    if (!generator)
        return Error { Error::Code::InvalidInput,
                       tr("Unknown generator \"%1\"; choose one of: %2.").arg(id, registry.ids().join(QStringLiteral(", "))),
                       {} };
    return generator;
}

Result<QVariantMap> GeneratorSetup::resolveSettings(const Generator &generator, const QVariantMap &given)
{
    const QList<SettingSpec> specs = generator.settings();
    QVariantMap resolved;
    for (const SettingSpec &spec : specs)
        resolved.insert(spec.key, spec.defaultValue);
    for (auto it = given.begin(); it != given.end(); ++it) {
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const SettingSpec &s) { return s.key == it.key(); });
        if (spec == specs.end()) {
            QStringList known;
            for (const SettingSpec &s : specs)
                known.append(s.key);
            return Error { Error::Code::InvalidInput,
                           tr("The %1 generator has no setting \"%2\"; its settings are: %3.")
                               .arg(generator.id(), it.key(), known.join(QStringLiteral(", "))),
                           {} };
        }
        QVariant value = it.value();
        if (!spec->choices.isEmpty()) {
            if (!spec->choices.contains(value.toString()))
                return Error { Error::Code::InvalidInput,
                               tr("Setting \"%1\" must be one of %2 (got \"%3\").")
                                   .arg(it.key(), spec->choices.join(QStringLiteral(", ")), value.toString()),
                               {} };
        } else if (spec->defaultValue.typeId() != QMetaType::QString) {
            if (!value.convert(spec->defaultValue.metaType()))
                return Error { Error::Code::InvalidInput,
                               tr("Setting \"%1\" must be a %2 (got \"%3\").")
                                   .arg(it.key(), QString::fromLatin1(spec->defaultValue.typeName()),
                                        it.value().toString()),
                               {} };
            const bool belowMinimum = spec->minimum.isValid() && value.toDouble() < spec->minimum.toDouble();
            const bool aboveMaximum = spec->maximum.isValid() && value.toDouble() > spec->maximum.toDouble();
            if (belowMinimum || aboveMaximum)
                return Error { Error::Code::InvalidInput,
                               tr("Setting \"%1\" must be between %2 and %3 (got %4).")
                                   .arg(it.key(), spec->minimum.toString(), spec->maximum.toString(),
                                        it.value().toString()),
                               {} };
        }
        resolved.insert(it.key(), value);
    }
    return resolved;
}

} // namespace core
