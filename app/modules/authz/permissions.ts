import type { Role } from "../identity/tables.ts";

/**
 * The one permission vocabulary. A rule says which role grants the permission and how far:
 * "global" (anywhere), "partnership" (inside the Table of the assignment), or "organization"
 * (inside the organization of the assignment). Anything not listed is denied.
 */
export type Scope = "global" | "partnership" | "organization";
type Rules = ReadonlyArray<readonly [Role, Scope]>;

/** Every active member of a Table, whatever their role (and platform admins anywhere). */
const everyTableMember = [
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
] as const satisfies Rules;

export const permissionRules = {
  /** Create and edit Tables. */
  "partnership.manage": [["platform_admin", "global"]],
  /** See the Table's shared content (directory, guide, meetings…): any active member. */
  "partnership.view": everyTableMember,
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
  /** Training evaluation results (per session and program) and counts at a glance: coordinator and evaluator. */
  "training.results": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["evaluator", "partnership"],
  ],
  // Training participants (nomination, attendance) — training participants block
  /** Nominate (inscrire) workers of one's own organization to an open session, or cancel their place. */
  "training.nominate": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Fill a session's sign-in sheet: the coordinator any session, a trainer only the sessions they give (checked on the record). */
  "training.attendance": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["trainer", "partnership"],
  ],
  // (training participants block end)
  // Partners (profiles, contribution matrix, written commitments) — partners block
  /** Edit an organization's partner profile (mission, mandate, culture, services, territory). */
  "partner.profile.edit": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "organization"],
    ["pivot_coordinator", "organization"],
  ],
  /** Record who represented each organization at the Table (delegate and substitute terms). */
  "partner.delegates.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Edit a row of the contribution matrix: the coordinator any row, a delegate their own. */
  "partner.matrix.edit": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "organization"],
  ],
  /** See the written commitments and download the signed documents (members of the Table). */
  "commitment.read": [
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
  ],
  /** Version the commitment text and record organizations' signed commitments. */
  "commitment.manage": [["table_coordinator", "partnership"]],
  // (partners block end)
  // Meetings and responsibilities — meetings block
  /** Open the meetings and responsibilities pages: each record is then checked (invited, Table-wide or own organization). */
  "meeting.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
    ["trainer", "partnership"],
    ["observer", "partnership"],
  ],
  /** See every Table-wide meeting (Table, regional pivots, trainers, added kinds) and Table-wide responsibilities. */
  "meeting.view_all": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["observer", "partnership"],
  ],
  /** See the pivot follow-up meetings (and their responsibilities) of one's own organization. */
  "meeting.followup_view": [
    ["table_member", "organization"],
    ["pivot_coordinator", "organization"],
    ["pivot", "organization"],
  ],
  /** Prepare, invite, hold and close Table-wide meetings; create and edit Table-wide responsibilities. */
  "meeting.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Prepare and close the pivot follow-ups of one's organization; its responsibilities. */
  "meeting.followup_manage": [["pivot_coordinator", "organization"]],
  /** Register for (or withdraw from) a pivot meeting one is invited to: the designated pivots (issue 14 §5). */
  "meeting.register": [
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
  ],
  /** Reach the "new meeting" and "new responsibility" forms (then the kind or scope is checked). */
  "meeting.create": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /**
   * Open a responsibility one is named owner of (or, for an organization owner, answers for as its
   * delegate or pivot coordinator), update its status, comment, and list "my responsibilities".
   * Any member may be named owner; the record is then checked (nothing else opens).
   */
  "responsibility.own": everyTableMember,
  // (meetings block end)
  // Action plan, funding, handover, announcements — table-work block
  /** Read the annual action plans and their year-end reports (the Table: coordinator, delegates, observers, evaluators). */
  "actionplan.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["observer", "partnership"],
    ["evaluator", "partnership"],
  ],
  /** Write the annual action plan: objectives, actions, indicators, copy from last year. */
  "actionplan.edit": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** See the Table's grants, amounts and spending (coordinator and delegates, who answer for it together). */
  "funding.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
  ],
  /** Record grants, reporting dates, spending and agreements (and download the agreements). */
  "funding.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Hand the Table coordinator role over to a successor, with its checklist and history. */
  "handover.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Post announcements: the coordinator to the Table, all pivots or one organization; a pivot coordinator to their pivots. */
  "announcement.post": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  // (table-work block end)
  // Evaluation of the implementation — evaluation block
  /** Read the indicators (always through disclosure control) and the evaluation reports with their recommendations. */
  "evaluation.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["observer", "partnership"],
    ["evaluator", "partnership"],
  ],
  /** See exact figures in the app (never in an export): the Table coordinator, for their own Table only. */
  "evaluation.exact_figures": [["table_coordinator", "partnership"]],
  /** Set indicator targets, bind action-plan indicators to the registry, record management responses, link key actions. */
  "evaluation.manage": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Enter evaluation reports (findings, recommendations) and verify implementation: the evaluator. */
  "evaluation.report": [["evaluator", "partnership"]],
  /** Download indicator tables, the dashboard and the implementation report (always protected, each download audited). */
  "evaluation.export": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["evaluator", "partnership"],
  ],
  // (evaluation block end)
  // Privacy operations (Loi 25) — privacy block
  /** The confidentiality-incident register, EFVP records, correction requests: each officer their own register (organization's or Table's, checked in the use case). */
  "privacy.manage": [["privacy_officer", "partnership"]],
  /** Counts of the Table's confidentiality incidents by status and severity, never their content. */
  "privacy.incident_counts": [["table_coordinator", "partnership"]],
  /** The Table's retention schedule and destruction record: its coordinator or its privacy officer (the Table's register: checked in the route). */
  "privacy.retention": [
    ["table_coordinator", "partnership"],
    ["privacy_officer", "partnership"],
  ],
  /** Open an incident from a consultation or a post and redact its text: the Table's privacy officer, or the officer of the content's organization (checked against the record). The coordinator sees counts only. */
  "privacy.redact": [["privacy_officer", "partnership"]],
  // (privacy block end)
  // Single sign-on — sso block
  /** Register the partner organizations' OpenID Connect providers (issuer, client, mapping, SSO-only). */
  "identity_provider.manage": [["platform_admin", "global"]],
  // (sso block end)
  // The pivot network (spaces, threads, notifications, moderation) — network block
  /** Open the network (/network): each space is then checked (whole network, own milieu, own organization, a group one belongs to). */
  "network.read": [
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
  ],
  /** Create a working-group or meeting space and name its members. */
  "network.space_create": [
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Reach the review queue and the moderation log (then only the spaces one moderates). */
  "network.moderate": [
    ["table_coordinator", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Put a proposal to the whole network's space or a working group (then its readers who may post vote). */
  "network.propose": [
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "organization"],
  ],
  /** Read the news on practices (/network/news) and their comment threads' links: the network's readers, and the guide editors who publish there. */
  "news.read": [
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["pivot", "partnership"],
    ["trainer", "partnership"],
  ],
  /** Publish, edit and archive news on practices: the Table coordinator and the guide editors (trainers). */
  "news.publish": [
    ["table_coordinator", "partnership"],
    ["trainer", "partnership"],
  ],
  // (network block end)
  // Aggregate statistics per period (issue 13 §2) — statistics block
  /** Open the statistics section: the coordinator, and the organizations' reporters for their own organization. */
  "statistics.view": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "organization"],
    ["pivot_coordinator", "organization"],
  ],
  /** Define data sets, data elements, categories and their options (no figures in them). */
  "statistics.define": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
  ],
  /** Enter, submit and correct the counts of one's own organization: its delegate or its pivot coordinator. */
  "statistics.enter": [
    ["table_member", "organization"],
    ["pivot_coordinator", "organization"],
  ],
  /** Read every organization's exact counts, approve, return, reopen, completeness and timeliness: the Table coordinator only. */
  "statistics.review": [["table_coordinator", "partnership"]],
  /** Read a data set's approved results, always through the disclosure control (the coordinator may also see them exact, in the app only). */
  "statistics.results": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["table_member", "partnership"],
    ["pivot_coordinator", "partnership"],
    ["evaluator", "partnership"],
  ],
  /** Download a data set's results (protected figures only, each download audited): as the evaluation's exports, not the delegates nor the pivot coordinators. */
  "statistics.results_export": [
    ["platform_admin", "global"],
    ["table_coordinator", "partnership"],
    ["evaluator", "partnership"],
  ],
  // (statistics block end)
  // Surveys of the partners (issue 13 §1) — surveys block
  /** Create, edit, open and close the Table's surveys, read their results: the Table coordinator. */
  "survey.manage": [["table_coordinator", "partnership"]],
  /** Read a survey's results (through the disclosure control) and export them: the coordinator and the evaluator. */
  "survey.results": [
    ["table_coordinator", "partnership"],
    ["evaluator", "partnership"],
  ],
  // (surveys block end)
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
