import { z } from "zod";
import { optionalText, requiredId, requiredText, versionField } from "../forms/fields.ts";
import { isCalendarDate } from "../time/days.ts";
import { BODY_MAX, TITLE_MAX, voteChoices } from "./vocabulary.ts";

// nullish: an unchecked box sends nothing (the key is then optional for Zod).
const checkbox = z
  .string()
  .nullish()
  .transform((v) => v === "on" || v === "true" || v === "1");

/** A new proposal: its title and text (the thread's), the closing day and time (Québec), anonymity, hidden results. */
export const newProposalSchema = z.object({
  spaceId: requiredId,
  title: requiredText(TITLE_MAX),
  body: requiredText(BODY_MAX),
  closesOn: requiredText(10).refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v), "form.invalidDate"),
  closesAtTime: requiredText(5).refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), "form.invalid"),
  anonymous: checkbox,
  hideResults: checkbox,
});
export type NewProposalInput = z.output<typeof newProposalSchema>;

/** A vote: a block needs a reason; `version` when changing one's named vote. */
export const voteSchema = z
  .object({
    choice: z.enum(voteChoices, { message: "form.required" }),
    reason: optionalText(1000),
    version: z.union([z.literal(""), versionField]).nullish().transform((v) => (typeof v === "number" ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.choice === "block" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "proposals.vote.blockReason" });
  });
export type VoteInput = z.output<typeof voteSchema>;

export const closeProposalSchema = z.object({ version: versionField });

/** The outcome written into a meeting's decisions: which meeting, the words (prefilled, editable). */
export const recordOutcomeSchema = z.object({ meetingId: requiredId, text: requiredText(2000), version: versionField });
