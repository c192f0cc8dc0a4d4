// SPDX-License-Identifier: MIT
#pragma once

#include "core/error.h"
#include "core/pipeline/inputloader.h"

#include <QCommandLineParser>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace cli {

/// Exit codes: 0 success, 1 failure, 2 usage error.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2 };

/// Prints "healthsynth-cli: <message>" (and the detail) on stderr; returns kFailure.
int reportError(const core::Error &error);
/// Prints a usage error naming the option at fault; returns kUsage.
int reportUsage(const QString &message);

/// Adds the options that describe an input table: CSV parse options, PostgreSQL table/query, metadata.
void addInputOptions(QCommandLineParser &parser);
/// Builds the input spec from a parsed command line; nullopt after printing a usage error.
std::optional<core::InputSpec> inputSpecFrom(const QCommandLineParser &parser, const QString &location);

/// Parses a command's arguments (args[0] is the command name) and handles --help.
/// Returns false after printing a usage error (exit code 2).
bool parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description,
                  int positionalCount, const QString &positionalSyntax);

/// Reads --name as an integer / number within [min, max]; nullopt after a usage error.
std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 fallback, qint64 min,
                                    qint64 max);
std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double fallback, double min,
                                   double max);
/// Reads repeated --set key=value pairs into a map (numbers and booleans typed).
std::optional<QVariantMap> settingsOption(const QCommandLineParser &parser);

} // namespace cli
