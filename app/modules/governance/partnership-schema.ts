import { z } from "zod";
import { optionalDate, optionalText, requiredText } from "../forms/fields.ts";

export const partnershipSchema = z.object({
  nameFr: requiredText(200),
  nameEn: requiredText(200),
  slug: requiredText(60).pipe(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "admin.partnership.slugInvalid"),
  ),
  region: optionalText(200),
  dpjPhone: optionalText(40),
  // The Table's public contact, in every page's footer (governance/table-contact.ts).
  contactEmail: optionalText(200).refine((v) => v === "" || z.email().safeParse(v).success, "admin.partnership.contactEmailInvalid"),
  contactPhone: optionalText(40),
  foundedOn: optionalDate,
});

export type PartnershipInput = z.infer<typeof partnershipSchema>;
