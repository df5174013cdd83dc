import { organizationTypes } from "./tables.ts";

export type OrganizationType = (typeof organizationTypes)[number];
export { organizationTypes };

export function isOrganizationType(value: unknown): value is OrganizationType {
  return typeof value === "string" && (organizationTypes as readonly string[]).includes(value);
}
