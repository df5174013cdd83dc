import { z } from "zod";
import { requiredText, versionField } from "../forms/fields.ts";
import { isCalendarDate } from "../time/days.ts";
import { DEFINITION_MAX, parseDefinition } from "./definition-text.ts";
import { surveyAudiences } from "./vocabulary.ts";

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => /^[0-9a-f-]{36}$/i.test(s)).map((s) => s.toLowerCase()));

/** The survey editor: titles, anonymity, audience, closing date and the definition as text. */
export const surveySchema = z
  .object({
    titleFr: requiredText(200),
    titleEn: requiredText(200),
    anonymous: z.enum(["yes", "no"], { message: "form.required" }),
    // Absent on a form from before the option: the survey does not ask.
    organizationType: z.enum(["yes", "no"], { message: "form.invalid" }).optional(),
    audience: z.enum(surveyAudiences, { message: "form.required" }),
    organizationIds: uuidList,
    closesOn: z.string().trim().refine(isCalendarDate, "form.invalidDate"),
    definition: z.string().max(DEFINITION_MAX, "form.tooLong"),
  })
  .transform((v, ctx) => {
    const parsed = parseDefinition(v.definition);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["definition"], message: parsed.problem });
      return z.NEVER;
    }
    return { titleFr: v.titleFr, titleEn: v.titleEn, anonymous: v.anonymous === "yes", asksOrganizationType: v.organizationType === "yes", audience: v.audience, audienceOrganizationIds: v.organizationIds, closesOn: v.closesOn, sections: parsed.sections, definitionLine: 0 };
  });

export const surveyEditSchema = z.intersection(surveySchema, z.object({ version: versionField }));
export const versionOnly = z.object({ version: versionField });
