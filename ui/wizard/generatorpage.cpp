// SPDX-License-Identifier: MIT
#include "ui/wizard/generatorpage.h"

#include "core/pipeline/constrainedsampler.h"
#include "core/pipeline/generatorsetup.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/showerror.h"
#include "ui/wizard/pageid.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace ui {

namespace {
    enum ConstraintCol { Kind, Column, Other, Minimum, Maximum };
}

GeneratorPage::GeneratorPage(ProjectController *project, QWidget *parent)
    : QWizardPage(parent)
    , m_project(project)
{
    setTitle(tr("Configure: how to generate"));
    setSubTitle(tr("Choose a generator and how many rows to make. The defaults suit most tables."));
    auto *layout = new QHBoxLayout(this);

    auto *left = new QVBoxLayout;
    auto *generatorBox = new QGroupBox(tr("Generator"), this);
    auto *generatorLayout = new QVBoxLayout(generatorBox);
    m_generator = new QComboBox(generatorBox);
    m_generator->setAccessibleName(tr("Generator"));
    for (const QString &id : m_project->registry().ids()) {
        if (auto g = m_project->registry().create(id))
            m_generator->addItem(g->displayName(), id);
    }
    m_description = new QLabel(generatorBox);
    m_description->setWordWrap(true);
    generatorLayout->addWidget(m_generator);
    generatorLayout->addWidget(m_description);
    m_settingsForm = new QFormLayout;
    generatorLayout->addLayout(m_settingsForm);
    generatorLayout->addStretch();
    left->addWidget(generatorBox, 1);
    layout->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    auto *outputBox = new QGroupBox(tr("Output and evaluation"), this);
    auto *form = new QFormLayout(outputBox);
    m_rows = new QSpinBox(outputBox);
    m_rows->setRange(0, 100'000'000);
    m_rows->setSingleStep(1000);
    m_rows->setSpecialValueText(tr("Same as the training rows"));
    m_rows->setToolTip(tr("Number of synthetic rows to generate"));
    m_seed = new QSpinBox(outputBox);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed gives the same split, model and rows"));
    m_holdout = new QDoubleSpinBox(outputBox);
    m_holdout->setRange(0, 90);
    m_holdout->setSuffix(QStringLiteral(" %"));
    m_holdout->setDecimals(0);
    m_holdout->setToolTip(tr("Share of real rows kept out of training to test utility and privacy fairly"));
    m_target = new QComboBox(outputBox);
    m_target->setToolTip(tr("Column a model should predict, for the utility score (train on synthetic, test on real)"));
    form->addRow(tr("&Rows to generate:"), m_rows);
    form->addRow(tr("Random &seed:"), m_seed);
    form->addRow(tr("&Hold-out share:"), m_holdout);
    form->addRow(tr("Prediction &target:"), m_target);
    right->addWidget(outputBox);

    auto *constraintBox = new QGroupBox(tr("Constraints"), this);
    auto *cLayout = new QVBoxLayout(constraintBox);
    auto *cHelp = new QLabel(tr("Rows that break a rule are drawn again: a column's range, or A <= B (e.g. "
                                "admission before discharge)."),
                             constraintBox);
    cHelp->setWordWrap(true);
    cLayout->addWidget(cHelp);
    m_constraints = new QTableWidget(0, 5, constraintBox);
    m_constraints->setHorizontalHeaderLabels({ tr("Rule"), tr("Column"), tr("Other column"), tr("Min"), tr("Max") });
    m_constraints->verticalHeader()->setVisible(false);
    m_constraints->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    cLayout->addWidget(m_constraints, 1);
    auto *buttons = new QHBoxLayout;
    auto *addRange = new QPushButton(tr("Add &range"), constraintBox);
    auto *addOrder = new QPushButton(tr("Add A &<= B"), constraintBox);
    auto *remove = new QPushButton(tr("Re&move"), constraintBox);
    buttons->addWidget(addRange);
    buttons->addWidget(addOrder);
    buttons->addWidget(remove);
    buttons->addStretch();
    cLayout->addLayout(buttons);
    right->addWidget(constraintBox, 1);
    layout->addLayout(right, 1);

    connect(m_generator, &QComboBox::currentIndexChanged, this, &GeneratorPage::generatorChosen);
    connect(addRange, &QPushButton::clicked, this, [this] {
        core::Constraint c;
        c.kind = core::Constraint::Kind::Range;
        addConstraintRow(c);
    });
    connect(addOrder, &QPushButton::clicked, this, [this] {
        core::Constraint c;
        c.kind = core::Constraint::Kind::LessOrEqual;
        addConstraintRow(c);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_constraints->currentRow() >= 0)
            m_constraints->removeRow(m_constraints->currentRow());
    });
}

void GeneratorPage::initializePage()
{
    m_loading = true;
    const core::GenerationSettings &g = m_project->generation();
    m_target->clear();
    m_target->addItem(tr("(none)"), QString());
    for (const core::ColumnMeta &m : m_project->schema().columns) {
        if (core::Schema::isModelled(m))
            m_target->addItem(m.name, m.name);
    }
    m_target->setCurrentIndex(std::max(0, m_target->findData(g.target)));
    m_rows->setValue(int(std::min<qint64>(g.rows, m_rows->maximum())));
    m_seed->setValue(int(std::min<quint64>(g.seed, quint64(m_seed->maximum()))));
    m_holdout->setValue(g.holdoutFraction * 100.0);
    m_constraints->setRowCount(0);
    for (const core::Constraint &c : g.constraints)
        addConstraintRow(c);
    int index = m_generator->findData(g.generatorId);
    m_generator->setCurrentIndex(std::max(0, index));
    m_loading = false;
    generatorChosen();
    if (!g.generatorSettings.isEmpty()) {
        for (auto it = g.generatorSettings.cbegin(); it != g.generatorSettings.cend(); ++it)
            setSetting(it.key(), it.value());
    }
}

bool GeneratorPage::selectGenerator(const QString &id)
{
    const int index = m_generator->findData(id);
    if (index < 0)
        return false;
    m_generator->setCurrentIndex(index);
    return true;
}

void GeneratorPage::generatorChosen()
{
    if (m_loading)
        return;
    const QString id = m_generator->currentData().toString();
    auto generator = m_project->registry().create(id);
    if (!generator)
        return;
    m_description->setText(generator->description());
    buildSettings(*generator, {});
}

void GeneratorPage::buildSettings(const core::Generator &generator, const QVariantMap &values)
{
    while (m_settingsForm->rowCount() > 0)
        m_settingsForm->removeRow(0);
    m_editors.clear();
    for (const core::SettingSpec &spec : generator.settings()) {
        const QVariant value = values.value(spec.key, spec.defaultValue);
        QWidget *editor = nullptr;
        if (!spec.choices.isEmpty()) {
            auto *combo = new QComboBox(this);
            combo->addItems(spec.choices);
            combo->setCurrentText(value.toString());
            editor = combo;
        } else if (spec.defaultValue.typeId() == QMetaType::Bool) {
            auto *check = new QCheckBox(this);
            check->setChecked(value.toBool());
            editor = check;
        } else if (spec.defaultValue.typeId() == QMetaType::Double) {
            auto *spin = new QDoubleSpinBox(this);
            spin->setDecimals(4);
            spin->setRange(spec.minimum.isValid() ? spec.minimum.toDouble() : -1e9,
                           spec.maximum.isValid() ? spec.maximum.toDouble() : 1e9);
            spin->setValue(value.toDouble());
            editor = spin;
        } else if (spec.defaultValue.canConvert<int>() && spec.defaultValue.typeId() != QMetaType::QString) {
            auto *spin = new QSpinBox(this);
            spin->setRange(spec.minimum.isValid() ? spec.minimum.toInt() : 0,
                           spec.maximum.isValid() ? spec.maximum.toInt() : std::numeric_limits<int>::max());
            spin->setValue(value.toInt());
            editor = spin;
        } else {
            editor = new QLineEdit(value.toString(), this);
        }
        editor->setToolTip(spec.tooltip);
        editor->setAccessibleName(spec.label);
        editor->setProperty("settingType", int(spec.defaultValue.typeId()));
        auto *label = new QLabel(spec.label + u':', this);
        label->setToolTip(spec.tooltip);
        label->setBuddy(editor);
        m_settingsForm->addRow(label, editor);
        m_editors.insert(spec.key, editor);
    }
}

bool GeneratorPage::setSetting(const QString &key, const QVariant &value)
{
    QWidget *editor = m_editors.value(key);
    if (!editor)
        return false;
    if (auto *c = qobject_cast<QComboBox *>(editor))
        c->setCurrentText(value.toString());
    else if (auto *b = qobject_cast<QCheckBox *>(editor))
        b->setChecked(value.toBool());
    else if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
        d->setValue(value.toDouble());
    else if (auto *s = qobject_cast<QSpinBox *>(editor))
        s->setValue(value.toInt());
    else if (auto *l = qobject_cast<QLineEdit *>(editor))
        l->setText(value.toString());
    return true;
}

QVariantMap GeneratorPage::settingValues() const
{
    QVariantMap values;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        QWidget *editor = it.value();
        if (auto *c = qobject_cast<QComboBox *>(editor))
            values.insert(it.key(), c->currentText());
        else if (auto *b = qobject_cast<QCheckBox *>(editor))
            values.insert(it.key(), b->isChecked());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(editor))
            values.insert(it.key(), d->value());
        else if (auto *s = qobject_cast<QSpinBox *>(editor))
            values.insert(it.key(), s->value());
        else if (auto *l = qobject_cast<QLineEdit *>(editor))
            values.insert(it.key(), l->text());
    }
    return values;
}

void GeneratorPage::addConstraintRow(const core::Constraint &constraint)
{
    const int row = m_constraints->rowCount();
    m_constraints->insertRow(row);
    auto *kind = new QTableWidgetItem(constraint.kind == core::Constraint::Kind::Range ? tr("Range") : tr("A <= B"));
    kind->setData(Qt::UserRole, int(constraint.kind));
    kind->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_constraints->setItem(row, Kind, kind);
    auto columnCombo = [this](const QString &current) {
        auto *combo = new QComboBox(m_constraints);
        for (const core::ColumnMeta &m : m_project->schema().columns) {
            if (m.type == core::SemanticType::Numerical || m.type == core::SemanticType::DateTime)
                combo->addItem(m.name);
        }
        if (!current.isEmpty())
            combo->setCurrentText(current);
        return combo;
    };
    m_constraints->setCellWidget(row, Column, columnCombo(constraint.column));
    if (constraint.kind == core::Constraint::Kind::LessOrEqual) {
        m_constraints->setCellWidget(row, Other, columnCombo(constraint.otherColumn));
    } else {
        auto *min = new QDoubleSpinBox(m_constraints);
        auto *max = new QDoubleSpinBox(m_constraints);
        for (QDoubleSpinBox *s : { min, max }) {
            s->setRange(-1e12, 1e12);
            s->setDecimals(3);
        }
        min->setValue(constraint.minimum);
        max->setValue(constraint.maximum);
        m_constraints->setCellWidget(row, Minimum, min);
        m_constraints->setCellWidget(row, Maximum, max);
    }
}

void GeneratorPage::store()
{
    core::GenerationSettings g = m_project->generation();
    g.generatorId = m_generator->currentData().toString();
    g.generatorSettings = settingValues();
    g.rows = m_rows->value();
    g.seed = quint64(m_seed->value());
    g.holdoutFraction = m_holdout->value() / 100.0;
    g.target = m_target->currentData().toString();
    g.constraints.clear();
    for (int row = 0; row < m_constraints->rowCount(); ++row) {
        core::Constraint c;
        c.kind = core::Constraint::Kind(m_constraints->item(row, Kind)->data(Qt::UserRole).toInt());
        c.column = qobject_cast<QComboBox *>(m_constraints->cellWidget(row, Column))->currentText();
        if (c.kind == core::Constraint::Kind::LessOrEqual) {
            c.otherColumn = qobject_cast<QComboBox *>(m_constraints->cellWidget(row, Other))->currentText();
        } else {
            c.minimum = qobject_cast<QDoubleSpinBox *>(m_constraints->cellWidget(row, Minimum))->value();
            c.maximum = qobject_cast<QDoubleSpinBox *>(m_constraints->cellWidget(row, Maximum))->value();
        }
        g.constraints.append(c);
    }
    m_project->setGeneration(g);
}

bool GeneratorPage::validatePage()
{
    auto generator = m_project->registry().create(m_generator->currentData().toString());
    if (!generator) {
        showError(this, tr("No generator"),
                  { core::Error::Code::InvalidInput, tr("Choose one of the generators in the list."), {} });
        return false;
    }
    if (auto settings = core::GeneratorSetup::resolveSettings(*generator, settingValues()); !settings.ok()) {
        showError(this, tr("Check the generator settings"), settings.error());
        return false;
    }
    store();
    if (auto valid = core::ConstrainedSampler::validate(m_project->generation().constraints, m_project->schema());
        !valid.ok()) {
        showError(this, tr("Check the constraints"), valid.error());
        return false;
    }
    return true;
}

int GeneratorPage::nextId() const { return pageIndex(PageId::Training); }

} // namespace ui
