import { z } from "zod";
import { amountField } from "../action-plan/plan-schema.ts";
import { optionalDate, optionalId, optionalText, requiredText } from "../forms/fields.ts";

// Browser-safe Zod schemas of the funding forms; messages are i18n keys.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const requiredDate = z
  .string({ message: "form.required" })
  .trim()
  .refine((v) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "admin.form.invalidDate");

export const grantSchema = z
  .object({
    funder: requiredText(200),
    program: optionalText(200),
    amount: amountField,
    startsOn: requiredDate,
    endsOn: requiredDate,
    conditions: optionalText(4000),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn > v.endsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "tableWork.form.dateOrder" });
  });

export const reportDateSchema = z.object({ dueOn: requiredDate, label: optionalText(200) });

export const spendingSchema = z.object({
  amount: amountField.refine((n) => n > 0, "tableWork.form.number"),
  spentOn: requiredDate,
  label: requiredText(300),
  actionId: optionalId,
});

export const submittedSchema = z.object({ submittedOn: optionalDate });

export type GrantInput = z.infer<typeof grantSchema>;
export type ReportDateInput = z.infer<typeof reportDateSchema>;
export type SpendingInput = z.infer<typeof spendingSchema>;
