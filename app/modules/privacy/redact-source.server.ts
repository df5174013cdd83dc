import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { consultation, consultationMessage } from "../consultations/tables.ts";
import { removePostAttachments } from "../forum/post-attachments.server.ts";
import { forumPost, forumPostRevision } from "../forum/tables.ts";
import { person } from "../people/tables.ts";
import type { Invalid, NotFound, Ok } from "../outcome/outcome.ts";
import { inRegister, keepsTableRegister, type PrivacyAccess } from "./privacy-access.server.ts";
import type { IncidentInput } from "./privacy-schema.ts";
import { REDACTION_MARK } from "./retention-vocabulary.ts";
import type { SourcePart } from "./vocabulary.ts";
import { createIncident } from "./save-incident.server.ts";

export const redactableSources = ["consultation", "forum_post"] as const;
export type RedactableSource = (typeof redactableSources)[number];


export interface SourceSummary {
  type: RedactableSource;
  id: string;
  /** The organization whose officer may act on it (besides the Table's officer). */
  organizationIds: string[];
  parts: SourcePart[];
}

const part = (name: string, text: string): SourcePart => ({ part: name, length: text.length, redacted: text === REDACTION_MARK });

/**
 * The source an incident is opened from, for an officer whose register covers it: the Table's
 * officer any source of the Table, an organization's officer a consultation asked by or addressed
 * to their organization, or a post written by one of their people. Otherwise null (404). The
 * summary lists the redactable parts with their length only: the officer acts on a report and
 * does not read the text here (no read of a consultation happens).
 */
export async function loadSource(db: Database, access: PrivacyAccess, type: RedactableSource, id: string): Promise<SourceSummary | null> {
  const covers = (orgs: (string | null)[]) => keepsTableRegister(access) || orgs.some((o) => o !== null && inRegister(access, o));
  if (type === "consultation") {
    const [c] = await db.select().from(consultation).where(and(eq(consultation.partnershipId, access.partnershipId), eq(consultation.id, id)));
    if (!c || !covers([c.askerOrganizationId, c.targetOrganizationId])) return null;
    const messages = await db.select({ id: consultationMessage.id, body: consultationMessage.body }).from(consultationMessage).where(eq(consultationMessage.consultationId, id)).orderBy(asc(consultationMessage.createdAt));
    return {
      type,
      id,
      organizationIds: [c.askerOrganizationId, c.targetOrganizationId].filter((o): o is string => !!o),
      parts: [part("context", c.context), part("question", c.question), ...messages.map((m, i) => part(`message-${i + 1}`, m.body))],
    };
  }
  const [p] = await db
    .select({ id: forumPost.id, body: forumPost.body, organizationId: person.organizationId })
    .from(forumPost)
    .innerJoin(person, eq(person.id, forumPost.authorPersonId))
    .where(and(eq(forumPost.partnershipId, access.partnershipId), eq(forumPost.id, id)));
  if (!p || !covers([p.organizationId])) return null;
  return { type, id, organizationIds: p.organizationId ? [p.organizationId] : [], parts: [part("body", p.body)] };
}

/** Replaces one part's text by the mark; returns the length removed (0 when already redacted or unknown). */
async function redactPart(tx: Database, partnershipId: string, source: SourceSummary, name: string, now: Date): Promise<number> {
  const target = source.parts.find((p) => p.part === name);
  if (!target || target.redacted) return 0;
  if (source.type === "forum_post") {
    await tx
      .update(forumPost)
      .set({ body: REDACTION_MARK, searchText: "", version: sql`${forumPost.version} + 1`, updatedAt: now })
      .where(eq(forumPost.id, source.id));
    // Its earlier wordings, and the excerpts other posts quoted of it, go too.
    await tx.update(forumPostRevision).set({ body: REDACTION_MARK }).where(eq(forumPostRevision.postId, source.id));
    await tx.update(forumPost).set({ quoteExcerpt: REDACTION_MARK }).where(eq(forumPost.quotePostId, source.id));
    // Its attachments cannot be redacted word by word: a redacted post keeps none.
    await removePostAttachments(tx, partnershipId, [source.id]);
    return target.length;
  }
  if (name === "context" || name === "question") {
    await tx
      .update(consultation)
      .set({ [name]: REDACTION_MARK, version: sql`${consultation.version} + 1`, updatedAt: now })
      .where(eq(consultation.id, source.id));
    return target.length;
  }
  const index = Number(name.slice("message-".length)) - 1;
  const messages = await tx.select({ id: consultationMessage.id }).from(consultationMessage).where(eq(consultationMessage.consultationId, source.id)).orderBy(asc(consultationMessage.createdAt));
  const message = messages[index];
  if (!message) return 0;
  await tx.update(consultationMessage).set({ body: REDACTION_MARK }).where(eq(consultationMessage.id, message.id));
  return target.length;
}

/**
 * Opens an incident from a consultation or a post (source_type and source_id set) and, when
 * parts are named, redacts them in the same transaction: the text is replaced by the mark and
 * kept nowhere — the audit entry names the incident and the lengths only.
 */
export async function openIncidentFromSource(
  db: Database,
  actor: AuditActor,
  access: PrivacyAccess,
  source: SourceSummary,
  input: IncidentInput,
  parts: string[],
  now: Date = new Date(),
): Promise<Ok<string> | Invalid | NotFound> {
  return db.transaction(async (tx) => {
    const created = await createIncident(tx, actor, access, input, { type: source.type, id: source.id });
    if (created.kind !== "ok") return created;
    const lengths: Record<string, number> = {};
    for (const name of parts) {
      const removed = await redactPart(tx, access.partnershipId, source, name, now);
      if (removed > 0) lengths[name] = removed;
    }
    if (Object.keys(lengths).length) {
      await recordAuditEvent(tx, actor, {
        action: "privacy.content_redacted",
        targetType: source.type,
        targetId: source.id,
        partnershipId: access.partnershipId,
        organizationId: null,
        details: { incidentId: created.value, lengths },
      });
    }
    return created;
  });
}
