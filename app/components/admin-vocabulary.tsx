import type { Role } from "../modules/identity/tables.ts";
import type { OrganizationType } from "../modules/governance/organization-types.ts";
import type { accountStatuses } from "../modules/identity/tables.ts";

/*
 * Client-safe copies of the schema's vocabularies (the table modules pull in drizzle). The
 * type checks below fail the build when the schema gains a value these lists lack.
 */
export const roleList = [
  "platform_admin",
  "table_coordinator",
  "table_member",
  "pivot_coordinator",
  "pivot",
  "trainer",
  "observer",
  "evaluator",
  "privacy_officer",
  "worker",
] as const satisfies readonly Role[];

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
const rolesCovered: Covers<Role, (typeof roleList)[number]> = true;
const typesCovered: Covers<OrganizationType, (typeof organizationTypeList)[number]> = true;
void rolesCovered;
const statusesCovered: Covers<(typeof accountStatuses)[number], AccountStatus> = true;
void typesCovered;
void statusesCovered;
