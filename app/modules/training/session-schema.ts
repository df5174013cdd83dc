import { z } from "zod";
import { optionalId, optionalText, requiredId } from "../forms/fields.ts";
import { sessionLanguages, sessionStatuses } from "./vocabulary.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The session form; messages are i18n keys. Browser-safe: routes parse with it. */
export const sessionSchema = z
  .object({
    programId: requiredId,
    day1: z.string().trim().refine(realDate, "training.form.invalidDate"),
    day2: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((v) => v === "" || realDate(v), "training.form.invalidDate"),
    place: optionalText(200),
    online: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    capacity: z.coerce.number({ message: "training.form.capacity" }).int("training.form.capacity").min(1, "training.form.capacity").max(200, "training.form.capacity"),
    language: z.enum(sessionLanguages, { message: "form.invalid" }),
    status: z.enum(sessionStatuses, { message: "form.invalid" }).default("planned"),
    trainerAId: optionalId,
    trainerBId: optionalId,
    observerPersonId: optionalId,
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.day2 && v.day2 <= v.day1) ctx.addIssue({ code: "custom", path: ["day2"], message: "training.form.dayOrder" });
    if (!v.online && !v.place) ctx.addIssue({ code: "custom", path: ["place"], message: "training.form.placeRequired" });
  });

export type SessionInput = z.infer<typeof sessionSchema>;
