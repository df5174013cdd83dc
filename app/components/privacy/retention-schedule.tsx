import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { formatDay } from "../../i18n/format.ts";
import type { FieldErrorMap } from "../../modules/forms/fields.ts";
import { dispositionField, monthsField, RETENTION_KINDS, retentionKinds, type RetentionDisposition, type RetentionKind, type RetentionSchedule, type RetentionTrigger } from "../../modules/privacy/retention-vocabulary.ts";
import { Field, SelectField } from "../form.tsx";
import { TableScroll } from "../table-scroll.tsx";

const kindLabel = (kind: RetentionKind) => `privacy.retention.kind.${kind}` as MessageKey;
const triggerLabel = (trigger: RetentionTrigger) => `privacy.retention.trigger.${trigger}` as MessageKey;
const dispositionLabel = (d: RetentionDisposition) => `privacy.retention.disposition.${d}` as MessageKey;

/** The schedule's rules, one group per data kind: months within the product's bounds, the disposition when there is a choice. */
export function RetentionRules({ rules, values, errors }: { rules: RetentionSchedule; values: Record<string, unknown>; errors?: FieldErrorMap | null }) {
  const { t } = useT();
  return (
    <>
      {retentionKinds.map((kind) => {
        const spec = RETENTION_KINDS[kind];
        const value = (name: string, fallback: string | number) => String((values[name] as string | undefined) ?? fallback);
        return (
          <fieldset key={kind}>
            <legend>{t(kindLabel(kind))}</legend>
            <p className="muted">{t(`privacy.retention.note.${kind}` as MessageKey)}</p>
            <Field
              name={monthsField(kind)}
              label={t("privacy.retention.months.label", { trigger: t(triggerLabel(spec.trigger)) })}
              hint={t("privacy.retention.bounds", { min: spec.min, max: spec.max })}
              type="number"
              inputMode="numeric"
              required
              defaultValue={value(monthsField(kind), rules[kind].months)}
              errors={errors}
            />
            {spec.dispositions.length > 1 ? (
              <SelectField
                name={dispositionField(kind)}
                label={t("privacy.retention.disposition")}
                required
                defaultValue={value(dispositionField(kind), rules[kind].disposition)}
                options={spec.dispositions.map((d) => ({ value: d, label: t(dispositionLabel(d)) }))}
                errors={errors}
              />
            ) : (
              <p>
                {t("privacy.retention.disposition")} — {t(dispositionLabel(spec.dispositions[0]!))}
              </p>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

interface Run {
  id: string;
  kind: RetentionKind;
  trigger: RetentionTrigger;
  months: number;
  disposition: RetentionDisposition;
  count: number;
  ranOn: string;
}

/** The destruction record: day, kind, count and the rule applied; never any content. */
export function RetentionRecord({ runs }: { runs: Run[] }) {
  const { t, locale } = useT();
  return (
    <section aria-labelledby="retention-record">
      <h2 id="retention-record">{t("privacy.retention.record")}</h2>
      {runs.length === 0 ? (
        <p>{t("privacy.retention.record.none")}</p>
      ) : (
        <TableScroll label={t("privacy.retention.record")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("privacy.retention.record.day")}</th>
                <th scope="col">{t("privacy.retention.record.kind")}</th>
                <th scope="col">{t("privacy.retention.record.count")}</th>
                <th scope="col">{t("privacy.retention.record.rule")}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{formatDay(locale, r.ranOn)}</td>
                  <td>{t(kindLabel(r.kind))}</td>
                  <td>{r.count}</td>
                  <td>{t("privacy.retention.record.ruleText", { disposition: t(dispositionLabel(r.disposition)), months: r.months, trigger: t(triggerLabel(r.trigger)) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
