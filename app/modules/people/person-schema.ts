import { z } from "zod";
import {
  checkLanguages,
  languageFields,
  optionalId,
  optionalText,
  parseLanguages,
  requiredText,
} from "../forms/fields.ts";

const optionalEmail = optionalText(254)
  .transform((v) => v.toLowerCase())
  .refine((v) => v === "" || z.email().safeParse(v).success, "admin.person.emailInvalid");

export const personSchema = z
  .object({
    givenName: requiredText(100),
    familyName: requiredText(100),
    title: optionalText(200),
    email: optionalEmail,
    phone: optionalText(40),
    organizationId: optionalId,
    siteId: optionalId,
    ...languageFields,
  })
  .superRefine(checkLanguages)
  .transform(({ languages, otherLanguages, ...rest }) => ({
    ...rest,
    languages: parseLanguages(languages, otherLanguages) ?? [],
  }));

export type PersonInput = z.output<typeof personSchema>;
