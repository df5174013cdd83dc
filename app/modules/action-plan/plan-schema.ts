import { z } from "zod";
import { optionalDate, optionalText, requiredId, requiredText } from "../forms/fields.ts";
import { actionStatuses } from "./vocabulary.ts";

// Browser-safe Zod schemas of the action plan forms; messages are i18n keys.

export const yearField = z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(1990, "form.invalid").max(2200, "form.invalid");

export const planSchema = z.object({
  year: yearField,
  title: requiredText(200),
  summary: optionalText(4000),
});

export const planHeaderSchema = planSchema.omit({ year: true });

export const objectiveSchema = z.object({
  title: requiredText(300),
  description: optionalText(4000),
});

const percent = z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(0, "tableWork.form.percent").max(100, "tableWork.form.percent");

export const actionSchema = z
  .object({
    objectiveId: requiredId,
    title: requiredText(300),
    description: optionalText(4000),
    startsOn: optionalDate,
    endsOn: optionalDate,
    status: z.enum(actionStatuses, { message: "form.invalid" }).default("planned"),
    progress: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), percent),
    organizationIds: z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "form.invalid")).max(200, "form.invalid").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.startsOn > v.endsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "tableWork.form.dateOrder" });
  });

const amount = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/\s/g, "").replace(",", ".") : v),
  z.coerce.number({ message: "tableWork.form.number" }).finite("tableWork.form.number").min(0, "tableWork.form.number").max(1e9, "tableWork.form.number"),
);
const optionalAmount = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), amount.nullable());

export const indicatorSchema = z.object({
  objectiveId: requiredId,
  label: requiredText(300),
  unit: optionalText(50),
  target: amount,
  actual: optionalAmount,
  /** A registry indicator (indicators/registry.server.ts) whose live value the plan shows; "" for none. */
  indicatorCode: optionalText(60),
});

export { amount as amountField };

export type PlanInput = z.infer<typeof planSchema>;
export type ObjectiveInput = z.infer<typeof objectiveSchema>;
export type ActionInput = z.infer<typeof actionSchema>;
export type IndicatorInput = z.infer<typeof indicatorSchema>;
