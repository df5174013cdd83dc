// Plain data, free of the ORM, so that route components may import it.

/** Who receives an announcement. */
export const announcementAudiences = [
  "table", // all active members of the Table
  "pivots", // all pivots (and pivot coordinators) of the Table
  "organization", // everyone of one organization
  "organization_pivots", // a pivot coordinator to their organization's pivots
] as const;
export type AnnouncementAudience = (typeof announcementAudiences)[number];
