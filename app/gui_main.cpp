// SPDX-License-Identifier: MIT
// The wizard application. `healthsynth [--demo] [FILE.hsproj|FILE.csv]`, or
// `healthsynth --screenshot DIR [--lang en|es]` to walk the demo through every step offscreen.
#include "core/version.h"
#include "ui/appresources.h"
#include "ui/mainwindow.h"
#include "ui/screenshotrunner.h"
#include "ui/settings.h"
#include "ui/wizard/csvsourcewidget.h"
#include "ui/wizard/sourcepage.h"
#include "ui/wizard/wizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // Screenshots need no display: choose the offscreen platform before QApplication exists.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HealthSynth"));
    QApplication::setOrganizationName(QStringLiteral("HealthSynth"));
    QApplication::setApplicationVersion(core::appVersion());
    QApplication::setDesktopFileName(QStringLiteral("healthsynth"));
    ui::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/healthsynth.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Synthetic health data that proves its privacy."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Start with the demo data loaded."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Walk the demo through all steps and write one PNG per step into DIR."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), QApplication::translate("main", "Interface language: en or es."),
                                  QStringLiteral("LANG"));
    parser.addOptions({ demo, screenshot, lang });
    parser.addPositionalArgument(QStringLiteral("file"), QApplication::translate("main", "A project (.hsproj) or CSV file to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    QString language = parser.isSet(lang) ? parser.value(lang) : ui::settings::language.value();
    if (!language.isEmpty() && language != QStringLiteral("en") && language != QStringLiteral("es")) {
        QTextStream(stderr) << "healthsynth: --lang must be en or es, not " << language << '\n';
        return 2;
    }

    std::unique_ptr<QTemporaryDir> isolatedSettings;
    if (parser.isSet(screenshot)) {
        // Keep the user's recent files and window geometry out of the pictures (and vice versa).
        isolatedSettings = std::make_unique<QTemporaryDir>();
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, isolatedSettings->path());
    }
    ui::MainWindow::installTranslator(language);
    ui::MainWindow window;

    if (parser.isSet(screenshot)) {
        const auto result = ui::ScreenshotRunner::run(window, parser.value(screenshot));
        if (!result.ok()) {
            QTextStream(stderr) << "healthsynth: " << result.error().toString() << '\n';
            return 1;
        }
        return 0;
    }

    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        const QString file = files.first();
        if (file.endsWith(QStringLiteral(".hsproj"), Qt::CaseInsensitive))
            window.openProject(file);
        else
            window.wizard()->sourcePage()->csvWidget()->setPath(QFileInfo(file).absoluteFilePath());
    } else if (parser.isSet(demo)) {
        window.loadDemo();
    }
    return app.exec();
}
