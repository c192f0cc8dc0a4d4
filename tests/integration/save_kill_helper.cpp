// SPDX-License-Identifier: MIT
// Child process for tst_save_kill: saves a project or a model to the same path over and over,
// printing "SAVED n" after each save, so the parent can freeze it (SIGSTOP) while a save's
// temporary file exists and then SIGKILL it mid-save.
//   save_kill_helper project PATH   (alternates two versions named "version 0" and "version 1")
//   save_kill_helper model PATH     (alternates two Gaussian copulas fitted with seeds 0 and 1)
//   save_kill_helper models FOLDER  (the same models, save n to a new file FOLDER/model-n.hsmodel;
//                                    model-(n-2) is removed after save n, so the folder stays small)
// Both files are a few megabytes, so every save takes a while.
#include "core/generators/gaussian_copula/gaussiancopula.h"
#include "core/pipeline/modelfile.h"
#include "core/project/project.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <random>

using namespace core;

namespace {

constexpr int kProjectColumns = 20000;
constexpr int kModelColumns = 200;

Project bigProject(int version)
{
    Project project;
    project.name = QStringLiteral("version %1").arg(version);
    project.source.csvPath = QStringLiteral("data/01_raw/patients.csv");
    project.generation.seed = quint64(version);
    for (int c = 0; c < kProjectColumns; ++c) {
        ColumnMeta meta;
        meta.name = QStringLiteral("measurement_%1_of_a_wide_table").arg(c);
        meta.type = c % 3 == 0 ? SemanticType::Categorical : SemanticType::Numerical;
        meta.decimals = c % 4;
        project.metadataOverrides.append(meta);
    }
    return project;
}

/// Many numeric columns make a model of several megabytes (a quantile table and a row of the
/// correlation matrix per column).
std::unique_ptr<Generator> bigModel(quint64 seed)
{
    std::mt19937_64 rng(11);
    std::normal_distribution<double> normal;
    Table table;
    Schema schema;
    for (int c = 0; c < kModelColumns; ++c) {
        Column column(QStringLiteral("x%1").arg(c), ColumnStorage::Number);
        for (int r = 0; r < 200; ++r)
            column.appendNumber(normal(rng) * (c + 1));
        table.addColumn(std::move(column));
        ColumnMeta meta;
        meta.name = table.column(c).name();
        meta.type = SemanticType::Numerical;
        schema.columns.append(meta);
    }
    auto generator = makeGaussianCopula();
    FitOptions options;
    options.seed = seed;
    options.settings.insert(QStringLiteral("distribution"), QStringLiteral("norm"));
    SilentJob job;
    if (!generator->fit(table, schema, options, job).ok())
        return nullptr;
    return generator;
}

void saved(qint64 n)
{
    std::printf("SAVED %lld\n", static_cast<long long>(n));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == u"project") {
        const Project versions[] = { bigProject(0), bigProject(1) };
        for (qint64 n = 1;; ++n) {
            if (const auto done = ProjectFile::save(versions[n % 2], args[2]); !done.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(done.error().toString()));
                return 1;
            }
            saved(n);
        }
    }
    if (args.size() == 3 && (args[1] == u"model" || args[1] == u"models")) {
        const std::unique_ptr<Generator> models[] = { bigModel(0), bigModel(1) };
        if (!models[0] || !models[1])
            return 1;
        std::puts("FITTED");
        std::fflush(stdout);
        for (qint64 n = 1;; ++n) {
            const QString path
                = args[1] == u"model" ? args[2] : args[2] + QStringLiteral("/model-%1.hsmodel").arg(n);
            if (const auto done = ModelFile::save(*models[n % 2], path); !done.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(done.error().toString()));
                return 1;
            }
            if (args[1] == u"models")
                QFile::remove(args[2] + QStringLiteral("/model-%1.hsmodel").arg(n - 2));
            saved(n);
        }
    }
    std::fputs("usage: save_kill_helper project PATH | model PATH | models FOLDER\n", stderr);
    return 2;
}
