// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"

#include <QStringList>

#include <functional>
#include <map>
#include <memory>

namespace core {

/// Maps generator ids to factories. Filled explicitly by registerBuiltInGenerators()
/// (self-registering statics get dropped from static libraries).
class GeneratorRegistry final {
public:
    using Factory = std::function<std::unique_ptr<Generator>()>;

    void add(const QString &id, Factory factory);
    /// A new, unfitted generator, or null when the id is unknown.
    std::unique_ptr<Generator> create(const QString &id) const;
    QStringList ids() const;
    bool contains(const QString &id) const { return m_factories.count(id) != 0; }

private:
    std::map<QString, Factory> m_factories;
};

} // namespace core
