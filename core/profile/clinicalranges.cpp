// SPDX-License-Identifier: MIT
#include "core/profile/clinicalranges.h"

#include "core/profile/valueanalysis.h"

#include <initializer_list>

namespace core::profiling {

namespace {

    bool hasAny(const QStringList &tokens, std::initializer_list<const char *> words)
    {
        for (const char *w : words) {
            if (tokens.contains(QLatin1String(w)))
                return true;
        }
        return false;
    }

    ClinicalRange range(const char *rule, const char *unit, double min, double max, bool zeroImplausible)
    {
        return ClinicalRange { QString::fromLatin1(rule), QString::fromUtf8(unit), min, max,
            zeroImplausible };
    }

} // namespace

std::optional<ClinicalRange> clinicalRangeFor(const QString &columnName)
{
    const QStringList t = nameTokens(columnName);
    const QString joined = t.join(QString());
    const bool mmol = hasAny(t, { "mmol", "mmoll" }) || joined.contains(QLatin1String("mmol"));
    const bool umol = hasAny(t, { "umol", "umoll" }) || joined.contains(QLatin1String("umol"));

    // Ranges are wide on purpose: they catch impossible values (a unit mix-up, a typo, a missing
    // code), not unusual patients. Sources: physiological limits in common clinical references.
    if (hasAny(t, { "age" }) && !hasAny(t, { "months", "month", "days", "weeks", "gestational" }))
        return range("age", "years", 0, 120, false);
    if (hasAny(t, { "bmi" }) || joined == QLatin1String("bodymassindex"))
        return range("body mass index", "kg/m2", 10, 80, true);
    if (hasAny(t, { "hr", "pulse", "heartrate" }) || (hasAny(t, { "heart" }) && hasAny(t, { "rate" })))
        return range("heart rate", "beats/min", 20, 250, true);
    if (hasAny(t, { "systolic", "sbp", "sysbp", "systolicbp" }))
        return range("systolic blood pressure", "mmHg", 50, 260, true);
    if (hasAny(t, { "diastolic", "dbp", "diasbp", "diastolicbp" }))
        return range("diastolic blood pressure", "mmHg", 20, 160, true);
    if (hasAny(t, { "bp", "bloodpressure" }) || (hasAny(t, { "blood" }) && hasAny(t, { "pressure" })))
        return range("blood pressure", "mmHg", 20, 260, true);
    if (hasAny(t, { "hba1c", "a1c" }))
        return range("HbA1c", "%", 3, 20, true);
    if (hasAny(t, { "glucose", "glu", "bgr" }))
        return mmol ? range("glucose", "mmol/L", 0.5, 85, true) : range("glucose", "mg/dL", 10, 1500, true);
    if (hasAny(t, { "hdl" }))
        return mmol ? range("HDL cholesterol", "mmol/L", 0.1, 5, true)
                    : range("HDL cholesterol", "mg/dL", 5, 200, true);
    if (hasAny(t, { "ldl" }))
        return mmol ? range("LDL cholesterol", "mmol/L", 0.1, 18, true)
                    : range("LDL cholesterol", "mg/dL", 5, 700, true);
    if (hasAny(t, { "chol", "cholesterol" }))
        return mmol ? range("cholesterol", "mmol/L", 1, 26, true)
                    : range("cholesterol", "mg/dL", 40, 1000, true);
    if (hasAny(t, { "spo2", "o2sat", "saturation" }))
        return range("oxygen saturation", "%", 50, 100, true);
    if (hasAny(t, { "rr", "resprate" }) || (hasAny(t, { "respiratory" }) && hasAny(t, { "rate" })))
        return range("respiratory rate", "breaths/min", 4, 70, true);
    if (hasAny(t, { "temp", "temperature" }) && hasAny(t, { "c", "celsius" }))
        return range("body temperature", "°C", 25, 45, true);
    if (hasAny(t, { "weight", "wt" }) && !hasAny(t, { "lb", "lbs" }))
        return range("body weight", "kg", 0.3, 400, true);
    if (hasAny(t, { "height", "ht" }) && hasAny(t, { "cm" }))
        return range("body height", "cm", 25, 250, true);
    if (hasAny(t, { "hemo", "hemoglobin", "haemoglobin", "hgb" }))
        return range("hemoglobin", "g/dL", 2, 25, true);
    if (hasAny(t, { "sod", "sodium" }))
        return range("sodium", "mmol/L", 100, 180, true);
    if (hasAny(t, { "pot", "potassium" }))
        return range("potassium", "mmol/L", 1.5, 10, true);
    if (hasAny(t, { "creatinine", "creat" }))
        return umol ? range("creatinine", "µmol/L", 10, 2500, true)
                    : range("creatinine", "mg/dL", 0.1, 30, true);
    if (hasAny(t, { "egfr" }))
        return range("eGFR", "mL/min/1.73m2", 1, 200, true);
    if (hasAny(t, { "insulin" }))
        return range("insulin", "µU/mL", 0, 1000, true);
    if (hasAny(t, { "skinthickness" }) || (hasAny(t, { "skin" }) && hasAny(t, { "thickness" })))
        return range("skin fold thickness", "mm", 1, 100, true);
    if (hasAny(t, { "pregnancies" }))
        return range("pregnancies", "count", 0, 25, false);
    if (hasAny(t, { "los", "lengthofstay" }) || (hasAny(t, { "length" }) && hasAny(t, { "stay" })))
        return range("length of stay", "days", 0, 730, false);
    if (hasAny(t, { "sg" }) || (hasAny(t, { "specific" }) && hasAny(t, { "gravity" })))
        return range("urine specific gravity", "", 1.0, 1.05, true);
    return std::nullopt;
}

} // namespace core::profiling
