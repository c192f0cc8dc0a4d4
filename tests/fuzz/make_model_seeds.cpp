// SPDX-License-Identifier: MIT
// Writes the model-file fuzzer's seeds: every built-in generator fitted, with small settings, on
// four of the shared cases and the first 80 rows of a real table (numbers, codes, booleans, dates,
// identifiers and personal data), so the seeds follow the current file format instead of being
// committed as binaries.
// Usage: make_model_seeds SHARED_DIR OUT_DIR
#include "core/data/csvreader.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/modelfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_model_seeds SHARED_DIR OUT_DIR\n");
        return 2;
    }
    const QString shared = QString::fromLocal8Bit(argv[1]);
    const QDir out(QString::fromLocal8Bit(argv[2]));
    QDir().mkpath(out.path());
    // Small tables keep the seeds small (the copula stores a 3001-point table per number column),
    // so the fuzzer runs fast; together they hold every kind of column.
    const QStringList tables = { QStringLiteral("cases/010_nonnegative_zero_inflated.csv"),
                                 QStringLiteral("cases/015_boolean_spellings.csv"),
                                 QStringLiteral("cases/016_unique_string_ids.csv"),
                                 QStringLiteral("cases/018_date_formats_ydm_and_mixed.csv"),
                                 QStringLiteral("data/real/synthea_sample/patients.csv") };
    const QVariantMap small = { { QStringLiteral("epochs"), 1 },   { QStringLiteral("batch_size"), 20 },
                                { QStringLiteral("pac"), 2 },      { QStringLiteral("embedding_dim"), 4 },
                                { QStringLiteral("bins"), 4 },     { QStringLiteral("degree"), 2 },
                                { QStringLiteral("fit_sample_rows"), 100 } };
    core::CsvOptions first80;
    first80.maxRows = 80;
    core::SilentJob job;
    int written = 0;
    for (const QString &relative : tables) {
        const auto read = core::CsvReader::read(shared + u'/' + relative, first80, job);
        if (!read.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(read.error().toString()));
            return 1;
        }
        const QString stem = QFileInfo(relative).completeBaseName().left(12);
        for (const QString &id : core::builtInGenerators().ids()) {
            auto generator = core::builtInGenerators().create(id);
            core::FitOptions options;
            options.seed = 11;
            for (const core::SettingSpec &spec : generator->settings())
                if (small.contains(spec.key))
                    options.settings.insert(spec.key, small.value(spec.key));
            const auto fitted = generator->fit(read.value().table, read.value().schema, options, job);
            const QString path = out.filePath(stem + u'_' + id + QStringLiteral(".hsmodel"));
            const auto saved = fitted.ok() ? core::ModelFile::save(*generator, path) : fitted;
            // A table a generator cannot learn gives no seed; the others still do.
            if (!saved.ok()) {
                std::fprintf(stderr, "no seed from %s on %s: %s\n", qPrintable(id), qPrintable(relative),
                             qPrintable(saved.error().toString()));
                continue;
            }
            ++written;
        }
    }
    std::printf("%d model seeds in %s\n", written, qPrintable(out.path()));
    return written > 0 ? 0 : 1;
}
