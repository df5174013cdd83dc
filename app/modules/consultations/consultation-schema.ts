import { z } from "zod";
import { findIdentifyingDetails, type Finding } from "./pii/find-identifying-details.ts";

export const urgencies = ["low", "normal", "high"] as const;
export type Urgency = (typeof urgencies)[number];
export const statuses = ["new", "taken", "answered", "closed"] as const;
export type ConsultationStatus = (typeof statuses)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (max: number) =>
  z
    .union([z.string(), z.undefined(), z.null()])
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "form.required").max(max, "consultations.form.tooLong"));

/** A random id made when the form is shown: posting the same form twice creates one record. */
const submissionId = z
  .union([z.string(), z.undefined(), z.null()])
  .refine((v) => typeof v === "string" && UUID.test(v), "form.invalid")
  .transform((v) => (v as string).toLowerCase());

export const newConsultationSchema = z.object({
  submissionId,
  subject: text(150),
  context: text(4000),
  question: text(2000),
  urgency: z.enum(urgencies, { message: "form.required" }),
});
export type NewConsultationInput = z.infer<typeof newConsultationSchema>;

export const replySchema = z.object({ submissionId, body: text(4000) });

export const versionSchema = z.object({
  version: z.coerce.number({ message: "form.invalid" }).int("form.invalid").positive("form.invalid"),
});

/** The free-text fields the identifying-details guard reads before anything is stored. */
export type GuardFindings = Record<string, Finding[]>;

/** Runs the guard on every field; an empty object means the texts may be saved. */
export function checkTexts(fields: Record<string, string>): GuardFindings {
  const out: GuardFindings = {};
  for (const [name, value] of Object.entries(fields)) {
    const findings = findIdentifyingDetails(value);
    if (findings.length) out[name] = findings;
  }
  return out;
}

export function hasFindings(findings: GuardFindings): boolean {
  return Object.keys(findings).length > 0;
}
