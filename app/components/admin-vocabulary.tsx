import { roles } from "../modules/identity/roles.ts";
import type { OrganizationType } from "../modules/governance/organization-types.ts";
import type { accountStatuses } from "../modules/identity/tables.ts";

/*
 * Client-safe copies of the schema's vocabularies (the table modules pull in drizzle). The
 * type checks below fail the build when the schema gains a value these lists lack.
 */
/** The role vocabulary itself lives in a plain module (no ORM), shared with the schema. */
export const roleList = roles;

export const organizationTypeList = [
  "youth_protection",
  "police",
  "community",
  "health_social_services",
  "school",
  "regional_health_agency",
  "research",
  "other",
] as const satisfies readonly OrganizationType[];

export const accountStatusList = ["invited", "pending_email", "pending_approval", "active", "deactivated"] as const;
export type AccountStatus = (typeof accountStatusList)[number];

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const typesCovered: Covers<OrganizationType, (typeof organizationTypeList)[number]> = true;
const statusesCovered: Covers<(typeof accountStatuses)[number], AccountStatus> = true;
void typesCovered;
void statusesCovered;
