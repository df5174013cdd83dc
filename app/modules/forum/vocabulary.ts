/** Plain lists of the pivot network (browser-safe). */
export const spaceKinds = ["network", "milieu", "organization", "group", "table"] as const;
export type SpaceKind = (typeof spaceKinds)[number];

/**
 * Filet objects a thread can live inside (issue 14 §1): its talk is linked to the object by
 * (subject_type, subject_id), one thread per object and Table.
 */
export const subjectTypes = ["agenda_item", "action_plan_action", "guide_section", "recommendation"] as const;
export type SubjectType = (typeof subjectTypes)[number];
export function isSubjectType(value: string): value is SubjectType {
  return (subjectTypes as readonly string[]).includes(value);
}

/** Notification levels (Discourse's): a thread's level overrides its space's; "normal" by default. */
export const notificationLevels = ["muted", "normal", "watching"] as const;
export type NotificationLevel = (typeof notificationLevels)[number];
export const DEFAULT_LEVEL: NotificationLevel = "normal";

export const digestRhythms = ["daily", "weekly"] as const;
export type DigestRhythm = (typeof digestRhythms)[number];

export const reportReasons = ["identifying", "disrespectful", "off_topic", "other"] as const;
export type ReportReason = (typeof reportReasons)[number];

export const postingRules = ["members", "moderators"] as const;
export type PostingRule = (typeof postingRules)[number];

export const notificationKinds = ["mention", "reply", "post", "thread", "hidden"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Roles that take part in the network (the permission `network.read` grants the same). */
export const networkRoles = ["table_coordinator", "table_member", "pivot_coordinator", "pivot"] as const;
/** The Table's own space ("La Table"): its delegates read and post, its coordinator moderates. */
export const tableSpaceRoles = ["table_coordinator", "table_member"] as const;

/** Characters of a quoted post kept in the quote. */
export const QUOTE_LENGTH = 280;

export const TITLE_MAX = 150;
export const BODY_MAX = 8000;

/** Lower-case, accent-free (same folding as the directory search). */
function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/**
 * A person's handle in a post: "@helene.bouchard" (given and family names folded, spaces and
 * apostrophes as "-"). An organization's pivots are mentioned by its acronym: "@SPVQ".
 */
export function handleOf(givenName: string, familyName: string): string {
  const part = (s: string) => fold(s).trim().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `${part(givenName)}.${part(familyName)}`;
}

/** The @words of a text with where they sit, folded, without a trailing period ("@SPVQ." → "spvq"). */
export function mentionSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@-])@([\p{L}\p{N}][\p{L}\p{N}.'’-]*)/gu)) {
    const raw = m[1]!.replace(/[.'’-]+$/, "");
    const word = fold(raw).replace(/['’]/g, "-");
    const start = m.index ?? 0;
    if (word) out.push({ word, start, end: start + 1 + raw.length });
  }
  return out;
}

/** The distinct @words of a text. */
export function mentionsIn(text: string): string[] {
  return [...new Set(mentionSpans(text).map((s) => s.word))];
}

/**
 * "@all" / "@tous": every reader of the space, for its moderators only (an announcement to a
 * group, Discourse's @group). Folded words, as `mentionSpans` gives them.
 */
export const everyoneWords: readonly string[] = ["all", "tous"];

export function foldAcronym(acronym: string): string {
  return fold(acronym).replace(/[^a-z0-9-]+/g, "");
}

/** A proposal's choices (Loomio's): a block needs a reason. */
export const voteChoices = ["agree", "abstain", "disagree", "block"] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const proposalOutcomes = ["agreed", "not_agreed", "blocked", "no_votes"] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];
/** Reminder stages before a proposal closes, with how long before. */
export const reminderStages = [
  { stage: "three_days", before: 3 * 24 * 60 * 60 * 1000 },
  { stage: "one_day", before: 24 * 60 * 60 * 1000 },
] as const;
export type ReminderStage = (typeof reminderStages)[number]["stage"];

/** Blocked by any block; else agreed when more agree than disagree; no votes at all says so. */
export function outcomeOf(c: { agree: number; abstain: number; disagree: number; block: number }): ProposalOutcome {
  if (c.agree + c.abstain + c.disagree + c.block === 0) return "no_votes";
  if (c.block > 0) return "blocked";
  return c.agree > c.disagree ? "agreed" : "not_agreed";
}
