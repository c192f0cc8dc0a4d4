// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace ui {

/// Help > About: what HealthSynth is, the versions of it and its libraries, its licence and
/// the demo data's attribution (CC BY 4.0 requires it).
class AboutDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The text shown, as HTML (also used by tests).
    static QString aboutHtml();
};

} // namespace ui
