import { z } from "zod";
import { MAX_INT, requiredText } from "../forms/fields.ts";
import { versionField } from "../forms/fields.ts";

/** A section's save: the report's version (0: none yet), the element, the jump confirmation; the cells are read by `checkSection`. */
export const sectionSchema = z.object({
  version: z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(0, "form.invalid").max(MAX_INT, "form.invalid"),
  elementId: z.string({ message: "form.invalid" }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "form.invalid").transform((v) => v.toLowerCase()),
  confirmJump: z
    .string()
    .nullish()
    .transform((v) => v === "yes"),
});

export const submitSchema = z.object({ version: versionField });

export const reviewSchema = z
  .object({
    version: versionField,
    decision: z.enum(["approve", "return"], { message: "statistics.review.decisionRequired" }),
    comment: z
      .string()
      .nullish()
      .transform((v) => (v ?? "").trim())
      .pipe(z.string().max(2000, "form.tooLong")),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.comment === "") ctx.addIssue({ code: "custom", path: ["comment"], message: "statistics.review.commentRequired" });
  });

export const reopenSchema = z.object({ version: versionField, reason: requiredText(2000) });
