import { z } from "zod";
import { amountField } from "../action-plan/plan-schema.ts";
import { optionalDate, optionalId, optionalText, requiredText } from "../forms/fields.ts";

// Browser-safe Zod schemas of the funding forms; messages are i18n keys.

// A real calendar date (9999-99-99, 2026-02-30 and month 13 are field errors, never a RangeError).
const requiredDate = optionalDate.refine((v): v is string => v !== null, "form.required").transform((v) => v as string);

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
