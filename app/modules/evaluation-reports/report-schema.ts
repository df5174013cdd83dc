import { z } from "zod";
import { optionalDate, optionalText, requiredId, requiredText, versionField } from "../forms/fields.ts";
import { addressees, keyActionKinds, priorities, reportKinds, responses, verifications } from "./vocabulary.ts";

const requiredDate = optionalDate.refine((v) => v !== null, "form.required").transform((v) => v!);

/** A report's heading; `responseDueOn` empty = four weeks after the report's date. */
export const reportSchema = z.object({
  title: requiredText(300),
  evaluatorName: requiredText(200),
  institution: optionalText(300),
  reportOn: requiredDate,
  kind: z.enum(reportKinds, { message: "form.invalid" }),
  responseDueOn: optionalDate,
});
export type ReportInput = z.output<typeof reportSchema>;

export const reportEditSchema = reportSchema.extend({ version: versionField });

export const findingSchema = z.object({ text: requiredText(2000) });

/** The PDF form's text part; the file itself is read by readUpload. */
export const pdfAttachSchema = z.object({ version: versionField });

export const findingRemovalSchema = z.object({ findingId: requiredId });

export const recommendationSchema = z.object({
  text: requiredText(2000),
  addressee: z.enum(addressees, { message: "form.invalid" }),
  priority: z.enum(priorities, { message: "form.invalid" }),
});
export type RecommendationInput = z.output<typeof recommendationSchema>;

export const recommendationEditSchema = recommendationSchema.extend({ version: versionField });

/** The management response: the rationale is mandatory, the Table's decision too. */
export const responseSchema = z.object({
  response: z.enum(responses, { message: "evalReports.form.responseRequired" }),
  rationale: requiredText(4000),
  decisionId: requiredId,
  version: versionField,
});
export type ResponseInput = z.output<typeof responseSchema>;

/** "action:<id>" or "responsibility:<id>". */
const TARGET = /^(action|responsibility):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const linkSchema = z.object({
  target: z
    .string({ message: "form.required" })
    .regex(TARGET, "form.required")
    .transform((v) => {
      const [kind, id] = v.toLowerCase().split(":") as [(typeof keyActionKinds)[number], string];
      return { kind, id };
    }),
  version: versionField,
});

export const unlinkSchema = z.object({ keyActionId: requiredId, version: versionField });

export const verifySchema = z.object({
  verification: z.enum(verifications, { message: "evalReports.form.verificationRequired" }),
  evidence: requiredText(4000),
  version: versionField,
});

export const reopenSchema = z.object({ reason: requiredText(2000), version: versionField });
