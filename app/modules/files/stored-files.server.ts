import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { Upload } from "./read-upload.server.ts";
import { storedFile } from "./tables.ts";

export interface FileOwner {
  partnershipId: string;
  organizationId?: string | null;
  ownerType: string;
  ownerId: string;
}

export interface StoredFileInfo {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  createdAt: Date;
}

const infoColumns = {
  id: storedFile.id,
  fileName: storedFile.fileName,
  mediaType: storedFile.mediaType,
  byteSize: storedFile.byteSize,
  sha256: storedFile.sha256,
  createdAt: storedFile.createdAt,
};

/** Stores a checked upload in the caller's transaction; the caller audits the owning change. */
export async function storeFile(tx: Database, owner: FileOwner, upload: Upload, uploadedByPersonId: string | null): Promise<StoredFileInfo> {
  const [row] = await tx
    .insert(storedFile)
    .values({
      partnershipId: owner.partnershipId,
      organizationId: owner.organizationId ?? null,
      ownerType: owner.ownerType,
      ownerId: owner.ownerId,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      byteSize: upload.bytes.byteLength,
      sha256: createHash("sha256").update(upload.bytes).digest("hex"),
      content: upload.bytes,
      uploadedByPersonId,
    })
    .returning(infoColumns);
  if (!row) throw new Error("stored_file insert returned nothing");
  return row;
}

/** The files of one record, oldest first (without their bytes). */
export async function listFiles(db: Database, owner: FileOwner): Promise<StoredFileInfo[]> {
  return db
    .select(infoColumns)
    .from(storedFile)
    .where(and(eq(storedFile.partnershipId, owner.partnershipId), eq(storedFile.ownerType, owner.ownerType), eq(storedFile.ownerId, owner.ownerId)))
    .orderBy(asc(storedFile.createdAt));
}

/** One file with its bytes, only if it belongs to that record of that Table. */
export async function getFile(db: Database, owner: FileOwner, fileId: string) {
  const [row] = await db
    .select()
    .from(storedFile)
    .where(
      and(
        eq(storedFile.id, fileId),
        eq(storedFile.partnershipId, owner.partnershipId),
        eq(storedFile.ownerType, owner.ownerType),
        eq(storedFile.ownerId, owner.ownerId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function deleteFile(tx: Database, owner: FileOwner, fileId: string): Promise<boolean> {
  const rows = await tx
    .delete(storedFile)
    .where(
      and(
        eq(storedFile.id, fileId),
        eq(storedFile.partnershipId, owner.partnershipId),
        eq(storedFile.ownerType, owner.ownerType),
        eq(storedFile.ownerId, owner.ownerId),
      ),
    )
    .returning({ id: storedFile.id });
  return rows.length > 0;
}

/**
 * The download response: always an attachment (never rendered inline by the browser, so an
 * uploaded file cannot run as a page of Filet), with its checked type and no caching.
 */
export function fileDownloadResponse(file: { fileName: string; mediaType: string; content: Uint8Array }): Response {
  const asciiName = file.fileName.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_");
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
