import { z } from "zod";
import { checkLanguages, languageFields, optionalDate, optionalText, parseLanguages, requiredText } from "../forms/fields.ts";
import { organizationTypes } from "./organization-types.ts";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Email domains whose owners may sign up themselves as workers of the organization.
 * Accepts commas, semicolons, spaces or new lines; a leading "@" is dropped; stored lower-cased.
 * Returns null when one entry is not a domain name.
 */
export function parseEmailDomains(raw: string): string[] | null {
  const entries = raw
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  if (entries.some((d) => !DOMAIN.test(d))) return null;
  return [...new Set(entries)];
}

/** Only http(s) links: a "javascript:" website would run in the reader's browser. */
export function isWebsite(value: string): boolean {
  if (value === "") return true;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname;
  } catch {
    return false;
  }
}

export const organizationSchema = z
  .object({
    type: z.enum(organizationTypes, { message: "form.required" }),
    nameFr: requiredText(200),
    nameEn: requiredText(200),
    acronym: optionalText(30),
    mission: optionalText(4000),
    mandate: optionalText(4000),
    culture: optionalText(4000),
    services: optionalText(4000),
    territory: optionalText(1000),
    ...languageFields,
    website: optionalText(300).refine(isWebsite, "admin.organization.websiteInvalid"),
    phone: optionalText(40),
    emailDomains: optionalText(1000).refine((v) => parseEmailDomains(v) !== null, "admin.organization.emailDomainsInvalid"),
    joinedOn: optionalDate,
    leftOn: optionalDate,
  })
  .superRefine(checkLanguages)
  .superRefine((v, ctx) => {
    if (v.joinedOn && v.leftOn && v.leftOn < v.joinedOn) {
      ctx.addIssue({ code: "custom", path: ["leftOn"], message: "admin.organization.leftBeforeJoined" });
    }
  })
  .transform(({ otherLanguages, languages, emailDomains, ...rest }) => ({
    ...rest,
    languages: parseLanguages(languages, otherLanguages) ?? [],
    emailDomains: parseEmailDomains(emailDomains) ?? [],
  }));

export type OrganizationInput = z.output<typeof organizationSchema>;
