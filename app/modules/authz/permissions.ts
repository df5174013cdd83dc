import type { Role } from "../identity/tables.ts";

/**
 * The one permission vocabulary. A rule says which role grants the permission and how far:
 * "global" (anywhere), "partnership" (inside the Table of the assignment), or "organization"
 * (inside the organization of the assignment). Anything not listed is denied.
 */
export type Scope = "global" | "partnership" | "organization";
type Rules = ReadonlyArray<readonly [Role, Scope]>;

export const permissionRules = {
  /** Create and edit Tables. */
  "partnership.manage": [["platform_admin", "global"]],
  /** See the Table's shared content (directory, guide, meetings…): any active member. */
  "partnership.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
    ["trainer", "partnership"],
    ["observer", "partnership"],
    ["evaluator", "partnership"],
    ["privacy_officer", "partnership"],
    ["worker", "partnership"],
  ],
  "organization.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  "site.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Create and edit people, invite them, grant and revoke roles, deactivate accounts. */
  "person.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Approve workers who signed up themselves. */
  "account.approve": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  "audit.read": [
    ["platform_admin", "global"],
    ["privacy_officer", "partnership"],
  ],
  "outbox.read": [["platform_admin", "global"]],
  /** The Table's own settings: directory freshness period, consultation retention. */
  "partnership.configure": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Designate, edit and end pivot designations (and see the organization's stale entries). */
  "pivot.designate": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Edit, version, validate and publish the "I have a doubt" pathway texts and Table settings. */
  "pathway.edit": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Ask a pivot for advice (any active member of the Table). */
  "consultation.ask": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
    ["trainer", "partnership"],
    ["worker", "partnership"],
  ],
  /** Log pivot activities for one's organization. */
  "activity.log": [
    ["pivot", "organization"],
    ["pivot_coordinator", "organization"],
  ],
  /** Write and publish the practice guide (sections, versions, translations). */
  "guide.edit": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["trainer", "partnership"],
  ],
  /** Comment on guide versions in review (Table members, pivots, trainers). */
  "guide.review": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
    ["trainer", "partnership"],
  ],
  /** Programs, sessions, the trainer pool and trainer pairs (formation). */
  "training.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Trainers mark their own availability for planned sessions. */
  "training.availability": [["trainer", "partnership"]],
} as const satisfies Record<string, Rules>;

export type Permission = keyof typeof permissionRules;
export const permissions = Object.keys(permissionRules) as Permission[];

/** Roles a granter may hand out: nobody but a platform admin creates another admin. */
export const grantableRoles: Record<Role, readonly Role[]> = {
  platform_admin: [
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
  ],
  table_coordinator: [
    "table_coordinator",
    "table_member",
    "pivot_coordinator",
    "pivot",
    "trainer",
    "observer",
    "evaluator",
    "privacy_officer",
    "worker",
  ],
  pivot_coordinator: ["pivot", "worker"],
  table_member: [],
  pivot: [],
  trainer: [],
  observer: [],
  evaluator: [],
  privacy_officer: [],
  worker: [],
};

/** Roles whose holders must use a second factor (outside demo mode). */
export const mfaRequiredRoles: readonly Role[] = [
  "platform_admin",
  "table_coordinator",
  "pivot_coordinator",
  "privacy_officer",
];
