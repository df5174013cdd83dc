/**
 * The kinds a person filters the journal by, each a set of action prefixes. A person thinks
 * "meetings" or "sign-in", not "meeting." or "mfa.": the prefixes stay here, in one place.
 */
export const AUDIT_KINDS = {
  consultations: ["consultation."],
  directory: ["organization.", "person.", "site.", "pivot."],
  activities: ["pivot_activity."],
  identity: ["auth.", "account.", "mfa.", "session.", "profile."],
  roles: ["role."],
  denied: ["access."],
  meetings: ["meeting.", "responsibility."],
  training: ["training", "trainer_", "pair_proposal."],
  partners: ["partner.", "partners.", "commitment_text."],
  tableWork: ["action_plan.", "grant.", "handover.", "announcement."],
  pathwayGuide: ["pathway.", "guide."],
  administration: ["partnership.", "email.", "demo."],
  evaluation: ["indicator.", "evaluation.", "evaluation_report.", "evaluation_recommendation."],
  audit: ["audit."],
  privacy: ["privacy."],
  singleSignOn: ["sso.", "identity_provider."],
  network: ["forum.", "forum_space.", "forum_thread.", "forum_post.", "forum_report.", "forum_proposal.", "news_item."],
  statistics: ["statistics_"],
  surveys: ["survey."],
} as const satisfies Record<string, readonly string[]>;

export type AuditKind = keyof typeof AUDIT_KINDS;
export const auditKinds = Object.keys(AUDIT_KINDS) as AuditKind[];

export function isAuditKind(value: string): value is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, value);
}
