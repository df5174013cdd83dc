import { z } from "zod";
import { MAX_INT } from "../forms/fields.ts";
import { dispositionField, monthsField, RETENTION_KINDS, retentionKinds, type RetentionSchedule } from "./retention-vocabulary.ts";

/** Whole months typed in a field: digits only, then the kind's bounds. */
const months = (min: number, max: number) =>
  z
    .string({ message: "privacy.retention.months" })
    .trim()
    .regex(/^\d{1,4}$/, "privacy.retention.months")
    .transform(Number)
    .pipe(z.number().int().min(min, "privacy.retention.months").max(max, "privacy.retention.months"));

const shape: Record<string, z.ZodType> = {
  // 0 while the Table never saved its schedule (no row yet).
  version: z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(0, "form.invalid").max(MAX_INT, "form.invalid"),
};
for (const kind of retentionKinds) {
  const spec = RETENTION_KINDS[kind];
  shape[monthsField(kind)] = months(spec.min, spec.max);
  // A kind with one disposition needs no field: absent = that one.
  shape[dispositionField(kind)] = z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim() || spec.dispositions[0]!)
    .refine((v) => (spec.dispositions as readonly string[]).includes(v), "form.invalid");
}

/** The schedule form: per kind its months (within the product's bounds) and its disposition. */
export const retentionScheduleSchema = z.object(shape).transform((v) => {
  const values = v as Record<string, unknown>;
  const rules = Object.fromEntries(
    retentionKinds.map((k) => [k, { months: values[monthsField(k)] as number, disposition: values[dispositionField(k)] }]),
  ) as RetentionSchedule;
  return { version: values.version as number, rules };
});
export type RetentionScheduleInput = z.output<typeof retentionScheduleSchema>;
