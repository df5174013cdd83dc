import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { roleAssignment } from "../people/tables.ts";
import { ok, refusal, type Ok, type Refused } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { forumSpace, forumSpaceMember } from "./tables.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { guardPostTexts, hasFindings } from "./post-guard.server.ts";
import { networkRoles } from "./vocabulary.ts";
import type { NewSpaceInput } from "./forum-schema.ts";

/** People who may be members of a working group: holders of a network role in the Table. */
export async function networkPeopleIds(db: Database, partnershipId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ personId: roleAssignment.personId })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.partnershipId, partnershipId), isNull(roleAssignment.revokedAt), inArray(roleAssignment.role, [...networkRoles])));
  return new Set(rows.map((r) => r.personId));
}

/**
 * A working-group or meeting space, created by the Table coordinator or a pivot coordinator
 * (the route checks the permission): its members are people of the network (the creator is
 * always one); anyone else named is refused. Its name and description pass the
 * identifying-details guard like a post (they are shown in every member's list).
 */
export async function createSpace(db: Database, actor: AuditActor, input: { viewer: ForumViewer; fields: NewSpaceInput }): Promise<Ok<string> | Refused<"forum.refused.members"> | Flagged> {
  const { viewer, fields } = input;
  const { findings } = await guardPostTexts(db, viewer.partnershipId, { name: fields.name, description: fields.description });
  if (hasFindings(findings)) return flagged(findings);
  const allowed = await networkPeopleIds(db, viewer.partnershipId);
  const members = [...new Set([viewer.personId, ...fields.members.map((m) => m.toLowerCase())])];
  if (members.some((m) => !allowed.has(m) && m !== viewer.personId)) return refusal("forum.refused.members");
  const [row] = await db
    .insert(forumSpace)
    .values({ partnershipId: viewer.partnershipId, kind: "group", name: fields.name, description: fields.description, posting: fields.posting, createdByPersonId: viewer.personId })
    .returning({ id: forumSpace.id });
  await db.insert(forumSpaceMember).values(members.map((personId) => ({ spaceId: row!.id, personId, partnershipId: viewer.partnershipId })));
  await recordAuditEvent(db, actor, { action: "forum_space.created", targetType: "forum_space", targetId: row!.id, partnershipId: viewer.partnershipId, details: { kind: "group", members: members.length, posting: fields.posting } });
  return ok(row!.id);
}
