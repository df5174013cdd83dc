import { z } from "zod";
import { optionalText, versionField } from "../forms/fields.ts";
import { findIdentifyingDetails, type FindingKind, type PublicPhones } from "../consultations/pii/find-identifying-details.ts";
import { pivotActivityTypes } from "./tables.ts";
import { isCalendarDate, quebecDay } from "../time/days.ts";

export type PivotActivityType = (typeof pivotActivityTypes)[number];

/** Types where an audience and its size make sense (sessions given). */
export const audienceTypes: readonly PivotActivityType[] = ["awareness_session"];

const optionalInt = (min: number, max: number) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) >= min && Number(v) <= max), "activities.form.numberRange")
    .transform((v) => (v === "" ? null : Number(v)));

export function activitySchema(today: string = quebecDay()) {
  return z
    .object({
      type: z.enum(pivotActivityTypes, { message: "form.required" }),
      occurredOn: z
        .union([z.string(), z.undefined(), z.null()])
        .transform((v) => (v ?? "").trim())
        .refine((v) => v !== "", "form.required")
        .refine((v) => v === "" || isCalendarDate(v), "activities.form.invalidDate")
        .refine((v) => !isCalendarDate(v) || (v >= "2000-01-01" && v <= today), "activities.form.dateRange"),
      durationMinutes: optionalInt(0, 1440).transform((v) => v ?? 0),
      audience: optionalText(200),
      audienceSize: optionalInt(1, 100000),
      notes: optionalText(2000),
    })
    .superRefine((value, ctx) => {
      if (audienceTypes.includes(value.type) && value.audience === "") {
        ctx.addIssue({ code: "custom", path: ["audience"], message: "activities.form.audienceRequired" });
      }
    })
    .transform((value) =>
      // Audience fields only mean something for sessions given: never keep stale ones.
      audienceTypes.includes(value.type) ? value : { ...value, audience: "", audienceSize: null },
    );
}

export type ActivityInput = z.output<ReturnType<typeof activitySchema>>;

/** The edit page: which of its two forms was sent, and the version it was drawn from. */
export const activityEditSchema = z.object({
  intent: z.enum(["save", "delete"], { message: "form.invalid" }),
  version: versionField,
});

export interface ActivityFinding {
  field: "notes" | "audience";
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

/** The identifying-details guard on every free-text field (the Table's public numbers pass): the activity is stored only without findings. */
export function activityFindings(input: Pick<ActivityInput, "notes" | "audience">, publicPhones?: PublicPhones): ActivityFinding[] {
  return (["audience", "notes"] as const).flatMap((field) =>
    findIdentifyingDetails(input[field], publicPhones).map((f) => ({ field, ...f })),
  );
}
