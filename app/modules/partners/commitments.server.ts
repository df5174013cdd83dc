import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { getFile, storeFile } from "../files/stored-files.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { storedFile } from "../files/tables.ts";
import { organization } from "../governance/tables.ts";
import { commitmentStatus } from "./commitment-status.ts";
import { daysUntil } from "../time/days.ts";
import type { CommitmentInput } from "./partners-schema.ts";
import { commitmentTextVersion, partnerCommitment } from "./tables.ts";
import type { CommitmentStatus } from "./vocabulary.ts";
import { invalid, missing, ok, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";

export const COMMITMENT_FILE_OWNER = "partner_commitment";

export interface CommitmentRow {
  id: string;
  organizationId: string;
  textVersionId: string;
  textNumber: number;
  startsOn: string;
  endsOn: string;
  signatoryName: string;
  signatoryTitle: string;
  signedOn: string;
  documentFileId: string | null;
  documentName: string | null;
}

const rowColumns = {
  id: partnerCommitment.id,
  organizationId: partnerCommitment.organizationId,
  textVersionId: partnerCommitment.textVersionId,
  textNumber: commitmentTextVersion.number,
  startsOn: partnerCommitment.startsOn,
  endsOn: partnerCommitment.endsOn,
  signatoryName: partnerCommitment.signatoryName,
  signatoryTitle: partnerCommitment.signatoryTitle,
  signedOn: partnerCommitment.signedOn,
  documentFileId: partnerCommitment.documentFileId,
  documentName: storedFile.fileName,
};

/** The Table's commitments (or one organization's), latest period first. */
export async function listCommitments(db: Database, partnershipId: string, organizationId?: string): Promise<CommitmentRow[]> {
  return db
    .select(rowColumns)
    .from(partnerCommitment)
    .innerJoin(commitmentTextVersion, eq(commitmentTextVersion.id, partnerCommitment.textVersionId))
    .leftJoin(storedFile, and(eq(storedFile.id, partnerCommitment.documentFileId), eq(storedFile.partnershipId, partnershipId)))
    .where(and(eq(partnerCommitment.partnershipId, partnershipId), organizationId ? eq(partnerCommitment.organizationId, organizationId) : undefined))
    .orderBy(desc(partnerCommitment.endsOn), desc(partnerCommitment.createdAt));
}

export async function getCommitment(db: Database, partnershipId: string, commitmentId: string): Promise<CommitmentRow | null> {
  const [row] = await db
    .select(rowColumns)
    .from(partnerCommitment)
    .innerJoin(commitmentTextVersion, eq(commitmentTextVersion.id, partnerCommitment.textVersionId))
    .leftJoin(storedFile, and(eq(storedFile.id, partnerCommitment.documentFileId), eq(storedFile.partnershipId, partnershipId)))
    .where(and(eq(partnerCommitment.partnershipId, partnershipId), eq(partnerCommitment.id, commitmentId)));
  return row ?? null;
}

export interface OverviewRow {
  organizationId: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
  status: CommitmentStatus;
  latest: CommitmentRow | null;
  /** Days until the end of the latest commitment (negative: ended that many days ago). */
  daysLeft: number | null;
}

/** Pick, per organization, the commitment that ends last (it decides the status). */
export function latestByOrganization(rows: readonly CommitmentRow[]): Map<string, CommitmentRow> {
  const latest = new Map<string, CommitmentRow>();
  for (const r of rows) {
    const known = latest.get(r.organizationId);
    if (!known || r.endsOn > known.endsOn) latest.set(r.organizationId, r);
  }
  return latest;
}

/** Every organization of the Table with its commitment status on `today`: signed, due or late. */
export async function commitmentOverview(db: Database, partnershipId: string, today: string): Promise<OverviewRow[]> {
  const orgs = await db
    .select({ organizationId: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId))
    .orderBy(organization.nameFr);
  const latest = latestByOrganization(await listCommitments(db, partnershipId));
  return orgs.map((o) => {
    const l = latest.get(o.organizationId) ?? null;
    return { ...o, latest: l, status: commitmentStatus(l, today), daysLeft: l ? daysUntil(l.endsOn, today) : null };
  });
}

export type RecordResult = Ok<string> | Invalid;

/**
 * Records an organization's signed commitment, with its signed PDF when given, in one
 * transaction (the file is stored in the database, owned by the commitment). The text
 * version must be one the Table has published (the current one or an archived one).
 */
export async function recordCommitment(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; personId: string },
  input: CommitmentInput,
  upload: Upload | null,
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(and(eq(organization.partnershipId, scope.partnershipId), eq(organization.id, input.organizationId)));
    if (!org) return invalid("organizationId", "form.required");
    const [version] = await tx
      .select({ id: commitmentTextVersion.id, number: commitmentTextVersion.number })
      .from(commitmentTextVersion)
      .where(
        and(
          eq(commitmentTextVersion.partnershipId, scope.partnershipId),
          eq(commitmentTextVersion.id, input.textVersionId),
          inArray(commitmentTextVersion.status, ["published", "archived"]),
        ),
      );
    if (!version) return invalid("textVersionId", "form.required");
    const [row] = await tx
      .insert(partnerCommitment)
      .values({ partnershipId: scope.partnershipId, ...input, recordedBy: scope.personId })
      .returning({ id: partnerCommitment.id });
    const id = row!.id;
    let fileId: string | null = null;
    if (upload) {
      const file = await storeFile(tx, { partnershipId: scope.partnershipId, organizationId: input.organizationId, ownerType: COMMITMENT_FILE_OWNER, ownerId: id }, upload, scope.personId);
      fileId = file.id;
      await tx.update(partnerCommitment).set({ documentFileId: fileId }).where(eq(partnerCommitment.id, id));
    }
    await recordAuditEvent(tx, actor, {
      action: "partner.commitment.recorded",
      targetType: "partner_commitment",
      targetId: id,
      partnershipId: scope.partnershipId,
      organizationId: input.organizationId,
      details: { textVersion: version.number, startsOn: input.startsOn, endsOn: input.endsOn, fileId },
    });
    return ok(id);
  });
}

/** Attaches (or replaces) the signed PDF of an existing commitment. */
export async function attachCommitmentDocument(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; personId: string; commitmentId: string },
  upload: Upload,
): Promise<Ok | NotFound> {
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: partnerCommitment.id, organizationId: partnerCommitment.organizationId, previous: partnerCommitment.documentFileId })
      .from(partnerCommitment)
      .where(and(eq(partnerCommitment.partnershipId, scope.partnershipId), eq(partnerCommitment.id, scope.commitmentId)))
      .for("update");
    if (!c) return missing();
    const file = await storeFile(tx, { partnershipId: scope.partnershipId, organizationId: c.organizationId, ownerType: COMMITMENT_FILE_OWNER, ownerId: c.id }, upload, scope.personId);
    await tx.update(partnerCommitment).set({ documentFileId: file.id }).where(eq(partnerCommitment.id, c.id));
    await recordAuditEvent(tx, actor, {
      action: "partner.commitment.document_attached",
      targetType: "partner_commitment",
      targetId: c.id,
      partnershipId: scope.partnershipId,
      organizationId: c.organizationId,
      details: { fileId: file.id, replaced: c.previous },
    });
    return ok();
  });
}

/** The signed document of a commitment of this Table (with its bytes), or null. */
export async function getCommitmentDocument(db: Database, partnershipId: string, commitmentId: string) {
  const commitment = await getCommitment(db, partnershipId, commitmentId);
  if (!commitment?.documentFileId) return null;
  return getFile(db, { partnershipId, ownerType: COMMITMENT_FILE_OWNER, ownerId: commitment.id }, commitment.documentFileId);
}
