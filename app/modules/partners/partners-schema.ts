import { z } from "zod";
import { MAX_INT, optionalDate, optionalText, requiredId, requiredText, versionField } from "../forms/fields.ts";
import { contributionDomains, CONTRIBUTION_MAX, delegateKinds } from "./vocabulary.ts";

const requiredDate = optionalDate.refine((v): v is string => v !== null, "form.required").transform((v) => v as string);

/** The profile fields a partner edits about itself. */
export const profileSchema = z.object({
  mission: optionalText(2000),
  mandate: optionalText(2000),
  culture: optionalText(2000),
  services: optionalText(2000),
  territory: optionalText(300),
});
export type ProfileInput = z.infer<typeof profileSchema>;

/** The profile form: the fields and the organization's version when the form was drawn. */
export const profileFormSchema = profileSchema.extend({ version: versionField });

export const delegateTermSchema = z
  .object({
    personId: requiredId,
    kind: z.enum(delegateKinds, { message: "form.required" }),
    since: requiredDate,
    until: optionalDate,
    note: optionalText(300),
  })
  .refine((v) => !v.until || v.until >= v.since, { path: ["until"], message: "partners.delegates.untilBeforeSince" });
export type DelegateTermInput = z.infer<typeof delegateTermSchema>;

export const endTermSchema = z.object({ termId: requiredId, until: requiredDate });

/** One row of the matrix: the 8 cells, each a short text (empty clears the cell). */
export const contributionRowSchema = z.object({
  ...(Object.fromEntries(contributionDomains.map((d) => [d, optionalText(CONTRIBUTION_MAX)])) as Record<(typeof contributionDomains)[number], ReturnType<typeof optionalText>>),
  // The row's version when the form was drawn: 0 for a row with no cell yet.
  version: z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(0, "form.invalid").max(MAX_INT, "form.invalid"),
});
export type ContributionRowInput = Omit<z.infer<typeof contributionRowSchema>, "version">;

export const commitmentTextSchema = z.object({
  titleFr: requiredText(200),
  titleEn: requiredText(200),
  bodyFr: requiredText(20_000),
  bodyEn: requiredText(20_000),
  changeNote: optionalText(300),
});
export type CommitmentTextInput = z.infer<typeof commitmentTextSchema>;

export const commitmentTextFormSchema = commitmentTextSchema.extend({ version: versionField });

export const commitmentSchema = z
  .object({
    organizationId: requiredId,
    textVersionId: requiredId,
    startsOn: requiredDate,
    endsOn: requiredDate,
    signatoryName: requiredText(160),
    signatoryTitle: optionalText(160),
    signedOn: requiredDate,
  })
  .refine((v) => v.endsOn > v.startsOn, { path: ["endsOn"], message: "partners.commitments.endBeforeStart" });
export type CommitmentInput = z.infer<typeof commitmentSchema>;
