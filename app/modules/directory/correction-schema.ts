import { z } from "zod";
import { requiredId, versionField } from "../forms/fields.ts";

const trimmed = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim());

/** "Ask for a correction" on /directory/mine: which entry, and what is wrong. */
export const requestCorrectionSchema = z.object({
  designationId: requiredId,
  message: trimmed.pipe(
    z.string().min(1, "form.required").max(2000, "directory.form.tooLong"),
  ),
});

/** Done or declined, on /directory/stale; turning a request down says why. */
export const handleCorrectionSchema = z
  .object({
    correctionId: requiredId,
    version: versionField,
    status: z.enum(["done", "declined"], { message: "form.invalid" }),
    handlerNote: trimmed.pipe(z.string().max(1000, "directory.form.tooLong")),
  })
  .superRefine((v, ctx) => {
    if (v.status === "declined" && v.handlerNote === "")
      ctx.addIssue({
        code: "custom",
        path: ["handlerNote"],
        message: "directory.correction.noteRequired",
      });
  });
