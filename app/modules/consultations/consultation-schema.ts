import { z } from "zod";
import { versionField } from "../forms/fields.ts";
import { findIdentifyingDetails, type Finding, type PublicPhones } from "./pii/find-identifying-details.ts";
import { urgencies } from "./urgency.ts";

export { urgencies, type Urgency } from "./urgency.ts";

export const statuses = ["new", "taken", "answered", "closed"] as const;
export type ConsultationStatus = (typeof statuses)[number];

const text = (max: number) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "consultations.form.tooLong"));

/** Posting the same form twice creates one record: the form's submission key (submitOnce) sees to it. */
export const newConsultationSchema = z.object({
  subject: text(150),
  context: text(4000),
  question: text(2000),
  urgency: z.enum(urgencies, { message: "form.required" }),
});
export type NewConsultationInput = z.infer<typeof newConsultationSchema>;

export const replySchema = z.object({ body: text(4000) });

export const versionSchema = z.object({ version: versionField });

/** Which form of the thread page was sent. */
export const threadIntentSchema = z.object({ intent: z.enum(["reply", "take", "close"], { message: "form.invalid" }) });

/** The free-text fields the identifying-details guard reads before anything is stored. */
export type GuardFindings = Record<string, Finding[]>;

/** Runs the guard on every field (the Table's public numbers pass); an empty object means the texts may be saved. */
export function checkTexts(fields: Record<string, string>, publicPhones?: PublicPhones): GuardFindings {
  const out: GuardFindings = {};
  for (const [name, value] of Object.entries(fields)) {
    const findings = findIdentifyingDetails(value, publicPhones);
    if (findings.length) out[name] = findings;
  }
  return out;
}

export function hasFindings(findings: GuardFindings): boolean {
  return Object.keys(findings).length > 0;
}
