import { z } from "zod";
import { optionalId, optionalText, requiredId, requiredInt } from "../forms/fields.ts";
import { sessionLanguages, sessionStatuses } from "./vocabulary.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Month 13 or day 99 make an Invalid Date, whose toISOString() throws: checked first (else a 500).
const realDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The session form; messages are i18n keys. Browser-safe: routes parse with it. */
export const sessionSchema = z
  .object({
    programId: requiredId,
    day1: z
      .string({ message: "training.form.invalidDate" })
      .trim()
      .refine(realDate, "training.form.invalidDate"),
    day2: z
      .string({ message: "training.form.invalidDate" })
      .trim()
      .optional()
      .default("")
      .refine((v) => v === "" || realDate(v), "training.form.invalidDate"),
    place: optionalText(200),
    online: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    capacity: requiredInt(1, 200),
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
