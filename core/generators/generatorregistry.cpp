// SPDX-License-Identifier: MIT
#include "core/generators/generatorregistry.h"

namespace core {

void GeneratorRegistry::add(const QString &id, Factory factory)
{
    m_factories[id] = std::move(factory);
}

std::unique_ptr<Generator> GeneratorRegistry::create(const QString &id) const
{
    const auto it = m_factories.find(id);
    return it == m_factories.end() ? nullptr : it->second();
}

QStringList GeneratorRegistry::ids() const
{
    QStringList ids;
    for (const auto &entry : m_factories)
        ids.append(entry.first);
    return ids;
}

} // namespace core
