// The vocabulary lives here, not in tables.ts, so that forms can name the types without
// pulling the table definitions (and the ORM) into the browser.
export const organizationTypes = [
  "youth_protection", // Centre jeunesse / DPJ
  "police",
  "community", // organisme communautaire
  "health_social_services", // CSSS, CLSC, CIUSSS
  "school", // commission scolaire / centre de services scolaire
  "regional_health_agency", // agence de la santé et des services sociaux
  "research",
  "other",
] as const;

export type OrganizationType = (typeof organizationTypes)[number];

export function isOrganizationType(value: unknown): value is OrganizationType {
  return typeof value === "string" && (organizationTypes as readonly string[]).includes(value);
}
