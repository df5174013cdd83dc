import { z } from "zod";
import { optionalDate, optionalInt, optionalText, requiredText, versionField } from "../forms/fields.ts";
import { assessedFeatures, assessmentDecisions, correctionStatuses, incidentSeverities, incidentStatuses, likelihoods, TABLE_REGISTER } from "./vocabulary.ts";

const requiredDate = optionalDate.refine((v) => v !== null, "form.required").transform((v) => v!);
const checkbox = z
  .string()
  .nullish()
  .transform((v) => v === "on" || v === "true" || v === "1");
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (values as readonly string[]).includes(v), "form.invalid")
    .transform((v) => (v === "" ? null : (v as T[number])));

/** Which register: "table" or an organization id (checked against the officer's registers by the use case). */
const register = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim().toLowerCase())
  .refine((v) => v === "" || v === TABLE_REGISTER || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v), "form.invalid");

/** The items the Commission d'accès à l'information requires of the register. */
const incidentObject = z.object({
    register,
    title: requiredText(200),
    personalInformation: optionalText(4000),
    notDescribedReason: optionalText(2000),
    circumstances: requiredText(6000),
    occurredOn: requiredDate,
    occurredUntil: optionalDate,
    knownOn: requiredDate,
    knownUntil: optionalDate,
    peopleCount: optionalInt(0, 10_000_000),
    peopleCountApproximate: checkbox,
    sensitivity: optionalText(4000),
    possibleMisuses: optionalText(4000),
    consequences: optionalText(4000),
    likelihood: optionalEnum(likelihoods),
    severity: optionalEnum(incidentSeverities),
    riskReasoning: optionalText(6000),
    commissionNoticeOn: optionalDate,
    peopleNoticeOn: optionalDate,
    publicNotice: checkbox,
    publicNoticeReason: optionalText(2000),
    ministerNoticeOn: optionalDate,
    measuresTaken: optionalText(6000),
  });

function refineIncident(v: z.output<typeof incidentObject>, ctx: z.RefinementCtx) {
    if (!v.personalInformation && !v.notDescribedReason) ctx.addIssue({ code: "custom", path: ["personalInformation"], message: "privacy.form.describeOrWhy" });
    if (v.occurredUntil && v.occurredUntil < v.occurredOn) ctx.addIssue({ code: "custom", path: ["occurredUntil"], message: "privacy.form.periodOrder" });
    if (v.knownUntil && v.knownUntil < v.knownOn) ctx.addIssue({ code: "custom", path: ["knownUntil"], message: "privacy.form.periodOrder" });
    if (v.knownOn < v.occurredOn) ctx.addIssue({ code: "custom", path: ["knownOn"], message: "privacy.form.knownBeforeOccurred" });
    if (v.publicNotice && !v.publicNoticeReason) ctx.addIssue({ code: "custom", path: ["publicNoticeReason"], message: "privacy.form.publicNoticeReason" });
}

export const incidentSchema = incidentObject.superRefine(refineIncident);
export type IncidentInput = z.output<typeof incidentSchema>;

export const incidentEditSchema = incidentObject.extend({ version: versionField }).superRefine(refineIncident);

export const incidentStatusSchema = z.object({
  status: z.enum(incidentStatuses, { message: "form.invalid" }),
  version: versionField,
});

export const measureSchema = z.object({
  what: requiredText(500),
  ownerPersonId: z
    .string({ message: "privacy.form.ownerRequired" })
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "privacy.form.ownerRequired")
    .transform((v) => v.toLowerCase()),
  dueOn: requiredDate,
});
export type MeasureInput = z.output<typeof measureSchema>;

export const deleteIncidentSchema = z.object({ version: versionField });

const assessmentObject = z.object({
    feature: z.enum(assessedFeatures, { message: "form.required" }),
    title: requiredText(200),
    summary: optionalText(6000),
    startedOn: requiredDate,
    completedOn: optionalDate,
    reviewOn: optionalDate,
    decision: z.enum(assessmentDecisions, { message: "form.required" }),
    decisionReason: optionalText(4000),
  });

function refineAssessment(v: z.output<typeof assessmentObject>, ctx: z.RefinementCtx) {
    if (v.completedOn && v.completedOn < v.startedOn) ctx.addIssue({ code: "custom", path: ["completedOn"], message: "privacy.form.periodOrder" });
    if (v.decision !== "pending" && !v.decisionReason) ctx.addIssue({ code: "custom", path: ["decisionReason"], message: "privacy.form.decisionReason" });
    if (v.decision !== "pending" && !v.completedOn) ctx.addIssue({ code: "custom", path: ["completedOn"], message: "privacy.form.completedRequired" });
}

export const assessmentSchema = assessmentObject.superRefine(refineAssessment);
export type AssessmentInput = z.output<typeof assessmentSchema>;
export const assessmentEditSchema = assessmentObject.extend({ version: versionField }).superRefine(refineAssessment);

export const correctionRequestSchema = z.object({ request: requiredText(4000) });

export const correctionAnswerSchema = z.object({
  status: z.enum(correctionStatuses, { message: "form.invalid" }).refine((v) => v !== "open", "form.invalid"),
  answer: requiredText(4000),
  requestId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "form.invalid")
    .transform((v) => v.toLowerCase()),
  version: versionField,
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The period of "reads per person": two calendar days (a bad one falls back to the default). */
export function periodOf(search: URLSearchParams, today: string, defaultFrom: string): { from: string; to: string } {
  const pick = (v: string | null, fallback: string) => {
    if (!v || !DAY.test(v)) return fallback;
    const d = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v) ? fallback : v;
  };
  const from = pick(search.get("from"), defaultFrom);
  const to = pick(search.get("to"), today);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** "Verify now" on the audit chain page: one button, one intent. */
export const verifyChainSchema = z.object({ intent: z.literal("verify", { message: "form.invalid" }) });

/** An incident opened from a consultation or a post, with the parts to redact ("redact", repeated; none = keep the text). */
export const sourceIncidentSchema = incidentObject
  .extend({
    redact: z
      .union([z.string(), z.array(z.string())])
      .nullish()
      .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string().regex(/^(context|question|body|message-\d{1,4})$/, "form.invalid")).max(200, "form.invalid")),
  })
  .superRefine(refineIncident);
