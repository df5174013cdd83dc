import { z } from "zod";
import { optionalText, versionField } from "../forms/fields.ts";
import { amountField } from "../action-plan/plan-schema.ts";

// Browser-safe schemas of the target forms; messages are i18n keys.

export const targetScopeKinds = ["table", "organization", "organization_type", "territory"] as const;

/** A scope as one field: "table", or "<kind>:<key>" picked from the indicator's breakdown. */
const scopeField = z
  .string()
  .trim()
  .max(300, "form.invalid")
  .transform((v, ctx) => {
    if (v === "" || v === "table") return { scopeKind: "table" as const, scopeKey: "" };
    const i = v.indexOf(":");
    const kind = v.slice(0, i);
    if (i < 0 || !(targetScopeKinds as readonly string[]).includes(kind) || kind === "table") {
      ctx.addIssue({ code: "custom", message: "form.invalid" });
      return z.NEVER;
    }
    return { scopeKind: kind as Exclude<(typeof targetScopeKinds)[number], "table">, scopeKey: v.slice(i + 1) };
  });

export const setTargetSchema = z.object({
  scope: scopeField,
  target: amountField,
  note: optionalText(500),
});

export const editTargetSchema = z.object({
  targetId: z.string().regex(/^[0-9a-f-]{36}$/i, "form.invalid"),
  target: amountField,
  note: optionalText(500),
  version: versionField,
});

export const removeTargetSchema = z.object({
  targetId: z.string().regex(/^[0-9a-f-]{36}$/i, "form.invalid"),
  version: versionField,
});

export type SetTargetInput = z.infer<typeof setTargetSchema>;
