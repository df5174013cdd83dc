import { z } from "zod";
import { optionalText, requiredText } from "../forms/fields.ts";

export const siteSchema = z.object({
  name: requiredText(200),
  kind: optionalText(100),
  address: optionalText(300),
  municipality: optionalText(100),
  territory: optionalText(200),
  phone: optionalText(40),
});

export type SiteInput = z.output<typeof siteSchema>;
