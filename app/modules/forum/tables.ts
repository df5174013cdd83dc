import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organization, partnershipIdColumn } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { createdAtColumn, idColumn, updatedAtColumn, versionColumn } from "../db/columns.ts";

/**
 * A space of the pivot network (`/network`): the whole network, one milieu (an organization
 * type), one organization's pivots, or a working group / meeting with named members. Who reads
 * and posts follows the kind (forum/space-access.server.ts); deny by default.
 */
export const forumSpace = pgTable(
  "forum_space",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    kind: text("kind", { enum: ["network", "milieu", "organization", "group", "table"] }).notNull(),
    /** The organization type of a milieu space. */
    milieu: text("milieu"),
    /** The organization of an "organization" space. */
    organizationId: uuid("organization_id").references(() => organization.id),
    /** A working group's own name (the other kinds are named from their milieu or organization). */
    name: text("name").notNull().default(""),
    description: text("description").notNull().default(""),
    /** "members": every reader posts; "moderators": the others only read (announcements-like). */
    posting: text("posting", { enum: ["members", "moderators"] }).notNull().default("members"),
    createdByPersonId: uuid("created_by_person_id").references(() => person.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("forum_space_partnership_idx").on(t.partnershipId, t.kind),
    // One network space, one per milieu and one per organization in a Table (ensureStandardSpaces).
    uniqueIndex("forum_space_standard_uq").on(t.partnershipId, t.kind, sql`coalesce(${t.milieu}, '')`, sql`coalesce(${t.organizationId}::text, '')`).where(sql`${t.kind} <> 'group'`),
  ],
);

/** The named members of a working-group space. */
export const forumSpaceMember = pgTable(
  "forum_space_member",
  {
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    partnershipId: partnershipIdColumn(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.personId] }), index("forum_space_member_person_idx").on(t.personId)],
);

export const forumThread = pgTable(
  "forum_thread",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    title: text("title").notNull(),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    /** Number of posts, the opening one included; each post's `position` is 1..postCount. */
    postCount: integer("post_count").notNull().default(0),
    lastPostAt: timestamp("last_post_at", { withTimezone: true }).notNull().defaultNow(),
    /** Title folded (lower case, no accents) for the accent-insensitive search. */
    searchText: text("search_text").notNull().default(""),
    /** The Filet object this thread talks about (an agenda item, an action, a guide section, a recommendation), or none. */
    subjectType: text("subject_type", { enum: ["agenda_item", "action_plan_action", "guide_section", "recommendation"] }),
    subjectId: uuid("subject_id"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // One thread per object: a double click or two people opening at once insert once.
    uniqueIndex("forum_thread_subject_uq").on(t.partnershipId, t.subjectType, t.subjectId).where(sql`${t.subjectType} is not null`),
    index("forum_thread_space_idx").on(t.partnershipId, t.spaceId, t.lastPostAt),
    // The space's list order (pinned first, then last activity): read in order, no sort of 10,000 threads (bench/forum.ts).
    index("forum_thread_list_idx").on(t.spaceId, sql`(${t.pinnedAt} is null)`, t.pinnedAt.desc(), t.lastPostAt.desc()),
    // Search: "%word%" on folded titles, by trigrams like the directory.
    index("forum_thread_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const forumPost = pgTable(
  "forum_post",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThread.id),
    position: integer("position").notNull(),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    body: text("body").notNull(),
    /** A quoted post: its excerpt as it read when quoted, and the link to it. */
    quotePostId: uuid("quote_post_id"),
    quoteExcerpt: text("quote_excerpt"),
    /** Hidden by a moderator: the body is kept (edit history, appeal) but shown to nobody but moderators. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenByPersonId: uuid("hidden_by_person_id"),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    searchText: text("search_text").notNull().default(""),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("forum_post_position_uq").on(t.threadId, t.position),
    index("forum_post_space_idx").on(t.partnershipId, t.spaceId),
    // Search: "%word%" on folded posts, by trigrams (a rare word among 100,000 posts without reading them all).
    index("forum_post_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A post's earlier wording, kept at each edit (shown to the space's moderators). */
export const forumPostRevision = pgTable(
  "forum_post_revision",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPost.id),
    /** The version the post had with this body. */
    version: integer("version").notNull(),
    body: text("body").notNull(),
    /** When this wording was replaced. */
    replacedAt: createdAtColumn(),
  },
  (t) => [index("forum_post_revision_post_idx").on(t.postId, t.version)],
);

/** How far a person has read a thread: the position of the last post seen. */
export const forumThreadRead = pgTable(
  "forum_thread_read",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThread.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    partnershipId: partnershipIdColumn(),
    lastReadPosition: integer("last_read_position").notNull().default(0),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.personId] })],
);

/** A person's notification level for a space or for a thread (a thread's overrides its space's). */
export const forumSubscription = pgTable(
  "forum_subscription",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    spaceId: uuid("space_id").references(() => forumSpace.id),
    threadId: uuid("thread_id").references(() => forumThread.id),
    level: text("level", { enum: ["muted", "normal", "watching"] }).notNull(),
    version: versionColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("forum_subscription_uq").on(t.personId, sql`coalesce(${t.spaceId}, ${t.threadId})`),
    index("forum_subscription_space_idx").on(t.spaceId),
    index("forum_subscription_thread_idx").on(t.threadId),
  ],
);

/** A person's digest rhythm (daily or weekly) and when the last one left. */
export const forumPreference = pgTable("forum_preference", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => person.id),
  partnershipId: partnershipIdColumn(),
  digest: text("digest", { enum: ["daily", "weekly"] }).notNull().default("daily"),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  version: versionColumn(),
  updatedAt: updatedAtColumn(),
});

/**
 * One in-app notification. `emailedAt`: sent at once (a mention, a reply to one's post, a
 * moderation notice); `digestedAt`: listed in a digest (everything else). Never any text of a post.
 */
export const forumNotification = pgTable(
  "forum_notification",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    kind: text("kind", { enum: ["mention", "reply", "post", "thread", "hidden"] }).notNull(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThread.id),
    postId: uuid("post_id").references(() => forumPost.id),
    actorPersonId: uuid("actor_person_id").references(() => person.id),
    immediate: boolean("immediate").notNull().default(false),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    digestedAt: timestamp("digested_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("forum_notification_unread_idx").on(t.personId, t.partnershipId).where(sql`${t.readAt} is null`),
    index("forum_notification_digest_idx").on(t.partnershipId, t.personId).where(sql`${t.digestedAt} is null and ${t.immediate} = false`),
  ],
);

/** A report (flag) of a post, waiting in its space's review queue until hidden or dismissed. */
export const forumReport = pgTable(
  "forum_report",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPost.id),
    reporterPersonId: uuid("reporter_person_id")
      .notNull()
      .references(() => person.id),
    reason: text("reason", { enum: ["identifying", "disrespectful", "off_topic", "other"] }).notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: ["open", "hidden", "dismissed"] }).notNull().default("open"),
    resolvedByPersonId: uuid("resolved_by_person_id"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("forum_report_queue_idx").on(t.partnershipId, t.status, t.spaceId), index("forum_report_post_idx").on(t.postId)],
);

/** The moderation log: every hide, dismissal, pin and unpin, with its reason. */
export const forumModerationEvent = pgTable(
  "forum_moderation_event",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    threadId: uuid("thread_id").references(() => forumThread.id),
    postId: uuid("post_id").references(() => forumPost.id),
    reportId: uuid("report_id").references(() => forumReport.id),
    moderatorPersonId: uuid("moderator_person_id")
      .notNull()
      .references(() => person.id),
    action: text("action", { enum: ["hidden", "dismissed", "pinned", "unpinned"] }).notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: createdAtColumn(),
  },
  (t) => [index("forum_moderation_event_idx").on(t.partnershipId, t.createdAt)],
);

/**
 * A proposal (Loomio's): a thread of the network's or a working group's space that asks its
 * readers to agree, abstain, disagree or block before a closing date. Anonymous proposals keep
 * who voted (`forum_proposal_voter`) apart from the votes (`forum_proposal_vote` without a
 * person, a time or an order): nothing links a vote to its voter. At close the counts are
 * written here (the outcome), then the author or the Table coordinator records them in a
 * meeting's decisions (`meetingDecisionId`).
 */
export const forumProposal = pgTable(
  "forum_proposal",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => forumSpace.id),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => forumThread.id),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => person.id),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    anonymous: boolean("anonymous").notNull().default(false),
    /** Counts and votes are shown to nobody (the author included) before the close. */
    hideResults: boolean("hide_results").notNull().default(false),
    status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Who closed it early; null when it closed on its date (the job). */
    closedByPersonId: uuid("closed_by_person_id").references(() => person.id),
    outcome: text("outcome", { enum: ["agreed", "not_agreed", "blocked", "no_votes"] }),
    agreeCount: integer("agree_count").notNull().default(0),
    abstainCount: integer("abstain_count").notNull().default(0),
    disagreeCount: integer("disagree_count").notNull().default(0),
    blockCount: integer("block_count").notNull().default(0),
    /** The meeting decision the outcome was written into (meetings module's addDecision). */
    meetingId: uuid("meeting_id"),
    meetingDecisionId: uuid("meeting_decision_id"),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("forum_proposal_thread_uq").on(t.threadId), index("forum_proposal_open_idx").on(t.status, t.closesAt)],
);

/**
 * One vote. Named proposals: with the person (one per person, changeable until the close).
 * Anonymous ones: no person, no timestamp, a random id, so the row cannot be matched to the
 * "has voted" marker by time or order of insertion; such a vote cannot be changed.
 */
export const forumProposalVote = pgTable(
  "forum_proposal_vote",
  {
    id: idColumn(),
    partnershipId: partnershipIdColumn(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => forumProposal.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references(() => person.id),
    choice: text("choice", { enum: ["agree", "abstain", "disagree", "block"] }).notNull(),
    reason: text("reason").notNull().default(""),
    version: versionColumn(),
  },
  (t) => [uniqueIndex("forum_proposal_vote_person_uq").on(t.proposalId, t.personId).where(sql`${t.personId} is not null`), index("forum_proposal_vote_proposal_idx").on(t.proposalId)],
);

/** "Has voted" on an anonymous proposal: the person, never their vote. */
export const forumProposalVoter = pgTable(
  "forum_proposal_voter",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => forumProposal.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    partnershipId: partnershipIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.personId] })],
);

/** A closing reminder already sent for a proposal (each stage once). */
export const forumProposalReminder = pgTable(
  "forum_proposal_reminder",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => forumProposal.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: ["three_days", "one_day"] }).notNull(),
    partnershipId: partnershipIdColumn(),
    recipients: integer("recipients").notNull().default(0),
    sentAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.stage] })],
);
